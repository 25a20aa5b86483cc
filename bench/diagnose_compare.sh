#!/usr/bin/env bash
# diagnose vs scan --format jsonl on the same generated log, in the same run (hyperfine), and the
# peak RSS of each. Usage: bench/diagnose_compare.sh [MIB (default 1024)] [KIND (default mixed)]
# (RUNS=N runs each, default 3; WLANCODE=path/to/wlancode measures another build)
# Needs a Release build in build/ (scripts/test.sh builds one).
set -euo pipefail
cd "$(dirname "$0")/.."
mib=${1:-1024}
kind=${2:-mixed}
bin=${WLANCODE:-build/tools/wlancode/wlancode}
log=bench/data/$kind-$mib.log
mkdir -p bench/data
[ -f "$log" ] || python3 bench/gen_log.py "$kind" "$mib" "$log"
echo "== $log: $(wc -l <"$log") lines; findings: codes $($bin scan --format jsonl "$log" | wc -l), codes + events $($bin scan --events --format jsonl "$log" | wc -l)"
# Each at one thread (-j 1), and scan and diagnose at their default (one thread per core); each
# ratio is against scan --format jsonl at the same -j.
hyperfine --warmup 1 --runs "${RUNS:-3}" --export-json "bench/data/diagnose_compare-$kind.json" \
  -n "scan -j 1 --format jsonl" "$bin scan -j 1 --format jsonl $log > /dev/null" \
  -n "scan -j 1 --events --format jsonl" "$bin scan -j 1 --events --format jsonl $log > /dev/null" \
  -n "diagnose -j 1 --format json" "$bin diagnose -j 1 --format json $log > /dev/null" \
  -n "scan --format jsonl" "$bin scan --format jsonl $log > /dev/null" \
  -n "diagnose --format json" "$bin diagnose --format json $log > /dev/null"
python3 - "bench/data/diagnose_compare-$kind.json" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
r = {x["command"]: x["median"] for x in res}
c = {x["command"]: x["user"] + x["system"] for x in res}  # CPU time: steadier on a shared host
for k, v in r.items():
    base = "scan -j 1 --format jsonl" if "-j 1" in k else "scan --format jsonl"
    print(f"{k:36s} {v:7.3f} s  {v / r[base]:5.2f}x {base:26s} (CPU time {c[k] / c[base]:5.2f}x)")
PY
for c in "scan -j 1 --format jsonl" "diagnose -j 1 --format json" "scan --format jsonl" "diagnose --format json"; do
  /usr/bin/time -f "peak RSS of $c: %M KiB" $bin $c "$log" > /dev/null
done
