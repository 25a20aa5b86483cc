#!/usr/bin/env bash
# How much two cores of this machine give over one for work that shares nothing: the same
# command alone, then two copies of it at once, in turns (ROUNDS, default 5). The ratio
# 2 x alone / together is the most any -j 2 can gain here; below 2 the cores slow each other
# (shared caches, memory bandwidth, a lower clock with both busy, a hypervisor's neighbours).
# Usage: bench/two_core_scaling.sh [COMMAND]  (default: scan -j 1 --format jsonl of the dense log)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${WLANCODE:-build/tools/wlancode/wlancode}
log=bench/data/dense-256.log
[ -f "$log" ] || python3 bench/gen_log.py dense 256 "$log"
cmd=${1:-"$bin scan -j 1 --format jsonl $log"}
python3 - "$cmd" "${ROUNDS:-5}" <<'PY'
import statistics, subprocess, sys, time
cmd, rounds = sys.argv[1], int(sys.argv[2])
def run(n):
    t = time.perf_counter()
    ps = [subprocess.Popen(cmd, shell=True, stdout=subprocess.DEVNULL) for _ in range(n)]
    for p in ps:
        p.wait()
    return time.perf_counter() - t
run(1)  # warm-up: the input in the page cache
alone, together = [], []
for _ in range(rounds):
    alone.append(run(1))
    together.append(run(2))
a, t = statistics.median(alone), statistics.median(together)
print(f"alone {a * 1000:.0f} ms, two at once {t * 1000:.0f} ms: two cores give {2 * a / t:.2f}x one "
      f"(each copy {t / a:.2f}x slower); median of {rounds} rounds")
PY
