#!/bin/sh
# Whole-command comparisons, in one session (ratios, not absolute times: the machine is shared):
# wlancode scan --format jsonl against ripgrep extracting the same kinds of tokens (rg -o) and
# printing comparable structured output (rg --json), and against wc -l (the read floor); -j 2
# against -j 1; peak RSS. Logs from bench/gen_log.py: sparse (1 Wi-Fi line in 100), dense
# (Wi-Fi lines only, ~1,300 findings/MiB), mixed (Wi-Fi daemons' chatter full of decoys).
# Usage: bench/scan_compare.sh [MIB] [KINDS...]   (default 256, all kinds). Needs hyperfine, rg.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MIB=${1:-256}
[ $# -gt 0 ] && shift
KINDS=${*:-sparse dense mixed}
BIN=${WLANCODE:-"$ROOT/build/tools/wlancode/wlancode"}
RUNS=${RUNS:-10}
[ -x "$BIN" ] || { echo "build the CLI first (scripts/test.sh, or cmake --build build)" >&2; exit 2; }
mkdir -p "$ROOT/bench/data"
# The kinds of tokens the rules take, as one regex.
RE='[Rr]eason[=:( ]*-?[0-9]+|status(_code)?[=: ]+[0-9]+|code[=(][0-9]+|indication\([0-9a-f:]{17}, [0-9]+\)|config_error=[0-9]+|reason="[0-9]+|WLAN_REASON_CODE_[A-Z0-9_]+'
for KIND in $KINDS; do
  DATA="$ROOT/bench/data/$KIND-$MIB.log"
  [ -f "$DATA" ] || python3 "$ROOT/bench/gen_log.py" "$KIND" "$MIB" "$DATA"
  cat "$DATA" > /dev/null  # warm the page cache
  JSON="$ROOT/bench/data/scan_compare-$KIND.json"
  echo "== $KIND ($MIB MiB, $("$BIN" scan --format jsonl "$DATA" | wc -l) findings)"
  hyperfine --warmup 1 --runs "$RUNS" --export-json "$JSON" --style none \
    -n "scan" "$BIN scan -j 1 --format jsonl $DATA > /dev/null" \
    -n "scan -j 2" "$BIN scan -j 2 --format jsonl $DATA > /dev/null" \
    -n "rg -o" "rg -n -o --no-config -j1 '$RE' $DATA > /dev/null" \
    -n "rg --json" "rg --json --no-config -j1 '$RE' $DATA > /dev/null" \
    -n "wc -l" "wc -l $DATA > /dev/null" > /dev/null
  python3 - "$JSON" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
w = r["scan"]
for k in ["scan", "scan -j 2", "rg -o", "rg --json", "wc -l"]:
    print(f"  {k:10s} {r[k]*1000:8.1f} ms (median)")
print(f"  rg -o / scan     = {r['rg -o'] / w:.2f}  (>= 1: scan is as fast as rg -o)")
print(f"  rg --json / scan = {r['rg --json'] / w:.2f}  (>= 1: scan is as fast as rg --json)")
print(f"  scan / wc -l     = {w / r['wc -l']:.2f}  (<= 3)")
print(f"  -j 1 / -j 2      = {w / r['scan -j 2']:.2f}  (speed-up of -j 2)")
# CPU time (user + system, means): what a command costs, less sensitive than wall time to other
# load on a shared host (not for -j, whose point is wall time).
c = {x["command"]: x["user"] + x["system"] for x in json.load(open(sys.argv[1]))["results"]}
print(f"  CPU time: rg -o / scan = {c['rg -o'] / c['scan']:.2f}, rg --json / scan = {c['rg --json'] / c['scan']:.2f}, "
      f"scan / wc -l = {c['scan'] / c['wc -l']:.2f}")
PY
  for j in 1 2; do
    /usr/bin/time -v "$BIN" scan -j $j --format jsonl "$DATA" 2>&1 >/dev/null |
      awk -v j=$j '/Maximum resident/ {printf "  peak RSS -j %s: %.1f MiB (< 64)\n", j, $6/1024}'
  done
done
