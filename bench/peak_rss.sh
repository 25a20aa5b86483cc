#!/bin/sh
# Peak RSS of `wlancode scan` at -j 1, 2 and 16 on a log where every line is a finding (the worst
# case for findings held in memory), printed as a table. Not a timed test: run it by hand.
# Usage: bench/peak_rss.sh [MIB] [FORMAT]   (default 800 MiB, jsonl; output goes to /dev/null)
# WLANCODE=path/to/wlancode to measure another build; JOBS="1 2 4 16" to choose the columns.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MIB=${1:-800}
FORMAT=${2:-jsonl}
BIN=${WLANCODE:-"$ROOT/build/tools/wlancode/wlancode"}
JOBS=${JOBS:-"1 2 16"}
[ -x "$BIN" ] || { echo "build the CLI first (cmake --build build)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }
mkdir -p "$ROOT/bench/data"
DATA="$ROOT/bench/data/all-findings-$MIB.log"
if [ ! -f "$DATA" ]; then
  yes 'Nov 21 10:00:00 host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3' |
    head -c "$((MIB * 1024 * 1024))" > "$DATA"
fi
echo "all-findings log: $MIB MiB, $(wc -l < "$DATA") lines; --format $FORMAT > /dev/null"
printf '%6s  %14s  %10s\n' "-j" "peak RSS (MiB)" "time (s)"
for J in $JOBS; do
  OUT=$( { /usr/bin/time -f '%M %e' "$BIN" scan -j "$J" --format "$FORMAT" "$DATA" > /dev/null; } 2>&1 | tail -1)
  KB=${OUT% *}
  SECS=${OUT#* }
  printf '%6s  %14s  %10s\n' "$J" "$((KB / 1024))" "$SECS"
done
