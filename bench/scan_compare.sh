#!/bin/sh
# Whole-command comparison: wlancode scan --format jsonl vs ripgrep extracting the same kinds of
# tokens vs wc -l (the memory-bandwidth floor), plus -j 2, and peak RSS via /usr/bin/time -v.
# Usage: bench/scan_compare.sh [MIB] (default 1024). Needs hyperfine, rg, python3.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MIB=${1:-1024}
DATA="$ROOT/bench/data/mixed-${MIB}.log"
BIN=${WLANCODE:-"$ROOT/build/tools/wlancode/wlancode"}
mkdir -p "$ROOT/bench/data"
[ -f "$DATA" ] || python3 "$ROOT/bench/gen_mixed_log.py" "$MIB" "$DATA"
[ -x "$BIN" ] || { echo "build the CLI first (scripts/test.sh, or cmake --build build)" >&2; exit 2; }
# The same kinds of tokens the scanner's grammars take, as one regex.
RE='reason=-?[0-9]+|status_code=[0-9]+|\(Reason: [0-9]+|denied association \(code=[0-9]+|status=[0-9]+ aid=|reason -?[0-9]+\)|indication\([0-9a-f:]{17}, [0-9]+\)|reason: [0-9]+|WLAN_REASON_CODE_[A-Z0-9_]+|WDI_ASSOC_STATUS_[A-Z0-9_]+'
cat "$DATA" > /dev/null  # warm the page cache
hyperfine --warmup 1 --runs 10 --export-json "$ROOT/bench/data/scan_compare.json" \
  -n "wlancode scan" "$BIN scan --format jsonl $DATA > /dev/null" \
  -n "wlancode scan -j 2" "$BIN scan -j 2 --format jsonl $DATA > /dev/null" \
  -n "rg" "rg -n -o --no-config -j1 '$RE' $DATA > /dev/null" \
  -n "wc -l" "wc -l $DATA > /dev/null"
python3 - "$ROOT/bench/data/scan_compare.json" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
w = r["wlancode scan"]
print(f"wlancode/rg     = {w / r['rg']:.2f}  (target <= 1)")
print(f"wlancode/wc -l  = {w / r['wc -l']:.2f}  (target <= 3)")
print(f"-j1 / -j2       = {w / r['wlancode scan -j 2']:.2f}  (speed-up)")
PY
for j in 1 2; do
  /usr/bin/time -v "$BIN" scan -j $j --format jsonl "$DATA" 2>&1 >/dev/null | awk -v j=$j '/Maximum resident/ {printf "peak RSS -j %s: %.1f MiB (target < 64)\n", j, $6/1024}'
done
