#!/usr/bin/env python3
"""Suggests the BUCKET column of src/scan/grammar/needles.def: the prefilter's SIMD loop (Teddy)
flags a byte position when each of its three bytes, split into nibbles, finds a common bucket; the
needles sharing a bucket also flag each other's nibble combinations, and every flagged position is
checked exactly, at a cost. A local search (with restarts) moves needles between the 8 buckets to
minimise flagged positions on sample text, counting those of the `codes` set (searched always)
twice and those of both sets (scan --events, diagnose) once.
Usage: bench/needle_buckets.py FILE... (logs and text of many kinds; each read up to 1.5 MB)
Prints the flagged positions now and with the suggestion, then each needle's bucket."""
import random
import re
import sys

import numpy as np

NEEDLES = "src/scan/grammar/needles.def"


def load():
    src = open(NEEDLES, encoding="utf-8").read()
    rows = re.finditer(r'^WLANCODE_NEEDLE\("((?:[^"\\]|\\.)*)", (\d+), (\w+)', src, re.M)
    return [(m.group(1).encode().decode("unicode_escape"), int(m.group(2)), m.group(3)) for m in rows]


def main():
    needles = load()
    data = b"\n".join(open(f, "rb").read()[:1_500_000] for f in sys.argv[1:])
    x = np.frombuffer(data, dtype=np.uint8) | 0x20
    lo_n = [x[j:len(x) - 2 + j] & 15 for j in range(3)]
    hi_n = [x[j:len(x) - 2 + j] >> 4 for j in range(3)]

    def flagged(rows, buckets):
        lo = np.zeros((3, 16), dtype=np.uint8)
        hi = np.zeros((3, 16), dtype=np.uint8)
        for (text, _, _), b in zip(rows, buckets):
            for j in range(3):
                c = ord(text[j]) | 0x20
                lo[j][c & 15] |= 1 << b
                hi[j][c >> 4] |= 1 << b
        m = lo[0][lo_n[0]] & hi[0][hi_n[0]]
        for j in (1, 2):
            m &= lo[j][lo_n[j]] & hi[j][hi_n[j]]
        return int(np.count_nonzero(m))

    codes = [i for i, n in enumerate(needles) if n[2] == "codes"]

    def cost(buckets):
        c = flagged([needles[i] for i in codes], [buckets[i] for i in codes])
        e = flagged(needles, buckets)
        return 2 * c + e, c, e

    now = [b for _, b, _ in needles]
    best, best_cost = list(now), cost(now)
    print(f"now:        codes set {best_cost[1]}, both sets {best_cost[2]} flagged positions of {len(x)}")
    rnd = random.Random(1)
    for restart in range(3):
        b = list(best) if restart == 0 else [rnd.randrange(8) for _ in needles]
        c = cost(b)
        better = True
        while better:
            better = False
            for i in rnd.sample(range(len(needles)), len(needles)):
                for k in range(8):
                    if k == b[i]:
                        continue
                    old, b[i] = b[i], k
                    t = cost(b)
                    if t[0] < c[0]:
                        c, better = t, True
                    else:
                        b[i] = old
        if c[0] < best_cost[0]:
            best, best_cost = list(b), c
    print(f"suggested:  codes set {best_cost[1]}, both sets {best_cost[2]}")
    for (text, was, kind), b in zip(needles, best):
        print(f"  {text!r:8} {kind:6} {was} -> {b}")


if __name__ == "__main__":
    main()
