#!/bin/sh
# Lookup benchmark with the ratios the core issue asks for: each wlancode lookup against the
# unordered_map baseline doing the same job in the same binary. Repetitions run in random
# interleaved order, so a noisy neighbour on a shared machine hits both sides alike; the table
# gives medians. Usage: bench/lookup_ratios.sh [REPETITIONS] (default 10).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${LOOKUP_BENCH:-"$ROOT/build/bench/lookup_bench"}
REPS=${1:-10}
[ -x "$BIN" ] || { echo "build the benchmark first (cmake --build build --target lookup_bench)" >&2; exit 2; }
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
"$BIN" --benchmark_repetitions="$REPS" --benchmark_enable_random_interleaving=true \
  --benchmark_min_time=0.2 --benchmark_format=json >"$OUT"
python3 - "$OUT" "$("$BIN" --benchmark_list_tests)" <<'PY'
import json, sys
ns = {}
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    if b.get("aggregate_name") == "median":  # with repetitions, the median wins
        ns[b["run_name"]] = 1e9 / b["items_per_second"]
    elif b.get("run_type") == "iteration":  # with one repetition there is no aggregate
        ns.setdefault(b["run_name"], 1e9 / b["items_per_second"])
pairs = [
    ("by value, family known at run time, find()", "BM_wlancode_find", "BM_unordered_map_any_family"),
    ("by value, family known at run time, find_inline()", "BM_wlancode_find_inline", "BM_unordered_map_any_family"),
]
for name in sys.argv[2].split():  # one pair per family, in the benchmark's own order
    if name.startswith("BM_wlancode_find_inline_family<"):
        fam = name[name.rindex(":") + 1:-1]
        pairs.append((f"by value, {fam}, find_inline<F>()", name,
                      name.replace("BM_wlancode_find_inline_family", "BM_unordered_map_family")))
pairs.append(("by name (any case, any prefix) vs exact-case map", "BM_wlancode_by_name", "BM_unordered_map_by_name"))
print(f"{'lookup':<55} {'wlancode':>9} {'map':>9} {'ratio':>6}")
for label, ours, base in pairs:
    print(f"{label:<55} {ns[ours]:>7.2f}ns {ns[base]:>7.2f}ns {ns[base] / ns[ours]:>5.1f}x")
PY
