#!/bin/sh
# Builds the libFuzzer targets with clang + ASan/UBSan in build-fuzz and runs them for SECONDS
# seconds in all (default 60): 30% on the scanner in memory (fuzz_scan), 15% on its file path
# with gzip, UTF-16 and -j (fuzz_scan_path), 10% on the code/number/name/text parsers
# (fuzz_explain), 10% on the timestamp parsers, timelines and zones (fuzz_timestamp), 15% on the
# EVTX reader (fuzz_evtx: seeded with tests/support/evtx_writer.py's files and the first chunk of
# each real sample; no single allocation above 16 MiB, 512 MiB in all), 20% on diagnose and the
# HTML report (fuzz_diagnose: analyzer, JSON, page). Crashes land in fuzz/crashes/; each becomes
# a regression test.
set -eu
SECONDS_TOTAL=${1:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD="$ROOT/build-fuzz"
JOBS=${JOBS:-2}
CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWLANCODE_BUILD_FUZZ=ON \
  -DWLANCODE_BUILD_TESTS=OFF -DWLANCODE_BUILD_BENCH=OFF -DWLANCODE_SANITIZE=address,undefined \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$BUILD" -j"$JOBS" --target fuzz_scan fuzz_scan_path fuzz_explain fuzz_timestamp fuzz_evtx fuzz_diagnose
mkdir -p "$ROOT/fuzz/crashes" "$BUILD/corpus" "$BUILD/corpus-explain" "$BUILD/corpus-timestamp"
cp -n "$ROOT"/fuzz/corpus/* "$ROOT"/examples/* "$BUILD/corpus/" 2>/dev/null || true
cp -n "$ROOT"/fuzz/corpus-explain/* "$BUILD/corpus-explain/" 2>/dev/null || true
cp -n "$ROOT"/fuzz/corpus-timestamp/* "$BUILD/corpus-timestamp/" 2>/dev/null || true
cd "$ROOT/fuzz/crashes"
"$BUILD/fuzz/fuzz_scan" -max_total_time=$((SECONDS_TOTAL * 30 / 100)) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$ROOT/fuzz/crashes/" "$BUILD/corpus"
mkdir -p "$BUILD/corpus-path"
cp -n "$ROOT"/fuzz/corpus/* "$BUILD/corpus-path/" 2>/dev/null || true
"$BUILD/fuzz/fuzz_scan_path" -max_total_time=$((SECONDS_TOTAL * 15 / 100)) -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$ROOT/fuzz/crashes/" "$BUILD/corpus-path"
"$BUILD/fuzz/fuzz_explain" -max_total_time=$((SECONDS_TOTAL / 10)) -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$ROOT/fuzz/crashes/" "$BUILD/corpus-explain"
"$BUILD/fuzz/fuzz_timestamp" -max_total_time=$((SECONDS_TOTAL / 10)) -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$ROOT/fuzz/crashes/" "$BUILD/corpus-timestamp"
# EVTX: generated files (all three shapes) and each real sample's file header + first chunk.
mkdir -p "$BUILD/corpus-evtx"
python3 "$ROOT/tests/support/evtx_writer.py" "$BUILD/evtx-generated" >/dev/null
for f in "$BUILD"/evtx-generated/wifi-template.evtx "$BUILD"/evtx-generated/wifi-forwarded.evtx \
  "$BUILD"/evtx-generated/wifi-wec.evtx "$ROOT"/../shared/evtx-samples/*.evtx; do
  if [ -f "$f" ]; then head -c 69632 "$f" >"$BUILD/corpus-evtx/seed-$(basename "$f")"; fi
done
cp -n "$ROOT"/fuzz/corpus-evtx/* "$BUILD/corpus-evtx/" 2>/dev/null || true
"$BUILD/fuzz/fuzz_evtx" -max_total_time=$((SECONDS_TOTAL * 15 / 100)) -max_len=69632 -timeout=10 -rss_limit_mb=512 \
  -malloc_limit_mb=16 -artifact_prefix="$ROOT/fuzz/crashes/" "$BUILD/corpus-evtx"
# diagnose: the examples and the scanner's seeds (multi-attempt logs of several producers).
mkdir -p "$BUILD/corpus-diagnose"
cp -n "$ROOT"/examples/* "$ROOT"/fuzz/corpus/* "$BUILD/corpus-diagnose/" 2>/dev/null || true
cp -n "$ROOT"/fuzz/corpus-diagnose/* "$BUILD/corpus-diagnose/" 2>/dev/null || true
"$BUILD/fuzz/fuzz_diagnose" -max_total_time=$((SECONDS_TOTAL * 20 / 100)) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$ROOT/fuzz/crashes/" "$BUILD/corpus-diagnose"
