#!/bin/sh
# Builds the libFuzzer targets with clang + ASan/UBSan in build-fuzz and runs them for SECONDS
# seconds in all (default 60): 1/2 on the scanner in memory (fuzz_scan), 1/4 on its file path
# with gzip, UTF-16 and -j (fuzz_scan_path), 1/8 on the code/number/name/text parsers (fuzz_explain),
# 1/8 on the timestamp parsers, timelines and zones (fuzz_timestamp). Crashes land in fuzz/crashes/; each becomes a regression test.
set -eu
SECONDS_TOTAL=${1:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD="$ROOT/build-fuzz"
JOBS=${JOBS:-2}
CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWLANCODE_BUILD_FUZZ=ON \
  -DWLANCODE_BUILD_TESTS=OFF -DWLANCODE_BUILD_BENCH=OFF -DWLANCODE_SANITIZE=address,undefined \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$BUILD" -j"$JOBS" --target fuzz_scan fuzz_scan_path fuzz_explain fuzz_timestamp
mkdir -p "$ROOT/fuzz/crashes" "$BUILD/corpus" "$BUILD/corpus-explain" "$BUILD/corpus-timestamp"
cp -n "$ROOT"/fuzz/corpus/* "$ROOT"/examples/* "$BUILD/corpus/" 2>/dev/null || true
cp -n "$ROOT"/fuzz/corpus-explain/* "$BUILD/corpus-explain/" 2>/dev/null || true
cp -n "$ROOT"/fuzz/corpus-timestamp/* "$BUILD/corpus-timestamp/" 2>/dev/null || true
cd "$ROOT/fuzz/crashes"
"$BUILD/fuzz/fuzz_scan" -max_total_time=$((SECONDS_TOTAL / 2)) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$ROOT/fuzz/crashes/" "$BUILD/corpus"
mkdir -p "$BUILD/corpus-path"
cp -n "$ROOT"/fuzz/corpus/* "$BUILD/corpus-path/" 2>/dev/null || true
"$BUILD/fuzz/fuzz_scan_path" -max_total_time=$((SECONDS_TOTAL / 4)) -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$ROOT/fuzz/crashes/" "$BUILD/corpus-path"
"$BUILD/fuzz/fuzz_explain" -max_total_time=$((SECONDS_TOTAL / 8)) -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$ROOT/fuzz/crashes/" "$BUILD/corpus-explain"
"$BUILD/fuzz/fuzz_timestamp" -max_total_time=$((SECONDS_TOTAL / 8)) -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$ROOT/fuzz/crashes/" "$BUILD/corpus-timestamp"
