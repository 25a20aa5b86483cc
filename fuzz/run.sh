#!/bin/sh
# Builds the fuzz targets with clang + libFuzzer + ASan/UBSan in build-fuzz and runs fuzz_scan for
# SECONDS seconds (default 60). Crashes land in fuzz/crashes/; turn each into a regression test.
set -eu
SECONDS_TOTAL=${1:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD="$ROOT/build-fuzz"
JOBS=${JOBS:-2}
CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWLANCODE_BUILD_FUZZ=ON \
  -DWLANCODE_BUILD_TESTS=OFF -DWLANCODE_BUILD_BENCH=OFF -DWLANCODE_SANITIZE=address,undefined \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$BUILD" -j"$JOBS" --target fuzz_scan
mkdir -p "$ROOT/fuzz/crashes" "$BUILD/corpus"
cp -n "$ROOT"/fuzz/corpus/* "$ROOT"/examples/* "$BUILD/corpus/" 2>/dev/null || true
cd "$ROOT/fuzz/crashes"
"$BUILD/fuzz/fuzz_scan" -max_total_time="$SECONDS_TOTAL" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$ROOT/fuzz/crashes/" "$BUILD/corpus"
