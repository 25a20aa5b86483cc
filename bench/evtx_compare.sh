#!/bin/sh
# EVTX: records/s of `wlancode scan --format jsonl` against Debian libevtx's `evtxexport -f xml`
# on the same generated file (tests/support/evtx_writer.py: WLAN-AutoConfig and Security records
# in template shape, 7 findings in every 8 records), in the same run: their ratio (target >= 2)
# and wlancode's peak RSS (target < 64 MiB). Ratios, not absolute times: the machine is shared.
# Usage: bench/evtx_compare.sh [MIB]   (default 128). Needs hyperfine, evtxexport (libevtx-utils).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MIB=${1:-128}
BIN=${WLANCODE:-"$ROOT/build/tools/wlancode/wlancode"}
RUNS=${RUNS:-3}
[ -x "$BIN" ] || { echo "build the CLI first (scripts/test.sh, or cmake --build build)" >&2; exit 2; }
command -v evtxexport >/dev/null || { echo "needs evtxexport (apt-get install libevtx-utils)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "needs hyperfine" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }
mkdir -p "$ROOT/bench/data"
DATA="$ROOT/bench/data/wifi-$MIB.evtx"
COUNT="$DATA.records"
if [ ! -f "$DATA" ] || [ ! -f "$COUNT" ]; then
  python3 "$ROOT/tests/support/evtx_writer.py" --big "$DATA" "$MIB" > "$COUNT"
fi
RECORDS=$(cat "$COUNT")
cat "$DATA" > /dev/null  # warm the page cache
FINDINGS=$("$BIN" scan --format jsonl "$DATA" | wc -l)
EXPORTED=$(evtxexport -f xml "$DATA" 2>/dev/null | grep -c '^<Event ' || true)
echo "== $(($(wc -c < "$DATA") / 1048576)) MiB, $RECORDS records; scan: $FINDINGS findings; evtxexport: $EXPORTED events"
JSON="$ROOT/bench/data/evtx_compare.json"
hyperfine --warmup 1 --runs "$RUNS" --export-json "$JSON" --style none \
  -n "wlancode scan" "$BIN scan --format jsonl $DATA > /dev/null" \
  -n "evtxexport" "evtxexport -f xml $DATA > /dev/null" > /dev/null
RSS=$( { /usr/bin/time -f '%M' "$BIN" scan --format jsonl "$DATA" > /dev/null; } 2>&1 | tail -1)
RSS_X=$( { /usr/bin/time -f '%M' evtxexport -f xml "$DATA" > /dev/null; } 2>&1 | tail -1)
python3 - "$JSON" "$RECORDS" "$RSS" "$RSS_X" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
n, rss, rss_x = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
w, e = r["wlancode scan"]["median"], r["evtxexport"]["median"]
for k, t, m in (("wlancode scan", w, rss), ("evtxexport", e, rss_x)):
    lo, hi = min(r[k]["times"]), max(r[k]["times"])
    print(f"  {k:14s} {t:7.2f} s (median; {lo:.2f}..{hi:.2f})  {n / t:12,.0f} records/s  peak RSS {m / 1024:6.1f} MiB")
print(f"  scan / evtxexport records/s = {e / w:.2f}  (target >= 2)")
print(f"  scan peak RSS = {rss / 1024:.1f} MiB  (target < 64)")
PY
