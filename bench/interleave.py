#!/usr/bin/env python3
"""Runs shell commands in turns, ROUNDS rounds (default 15), and prints each one's median wall
time, median CPU time (user + system of the child) and the ratios to the first: on a shared host
whose speed drifts, commands run side by side see the same drift (hyperfine runs each command's
runs together). Usage: bench/interleave.py NAME=COMMAND ...  (ROUNDS=N in the environment)"""
import os
import resource
import statistics
import subprocess
import sys
import time


def main():
    pairs = [a.split("=", 1) for a in sys.argv[1:]]
    rounds = int(os.environ.get("ROUNDS", "15"))
    wall = {n: [] for n, _ in pairs}
    cpu = {n: [] for n, _ in pairs}
    for n, c in pairs:  # warm-up
        subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, check=False)
    for _ in range(rounds):
        for n, c in pairs:
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, check=False)
            wall[n].append(time.perf_counter() - t)
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[n].append(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)
    base = pairs[0][0]
    for n, _ in pairs:
        w, c = statistics.median(wall[n]), statistics.median(cpu[n])
        ratio = statistics.median(x / y for x, y in zip(wall[n], wall[base]))
        print(f"{n:12s} wall {w * 1e3:8.1f} ms  cpu {c * 1e3:8.1f} ms  {n} / {base}: median of rounds {ratio:5.2f}")


if __name__ == "__main__":
    main()
