"""Python figures (run with PYTHONPATH=<build>/python, WLANCODE_CLI=<build>/tools/wlancode/wlancode):
explain_many over 1 million values vs a pure-Python dict lookup, and wlancode.dask.scan_files on a
2-worker LocalCluster vs `wlancode scan -j 2` on the same files. Prints ratios."""
import os
import random
import subprocess
import sys
import tempfile
import time

import numpy as np

import wlancode

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "python", "tests"))
from fleet import write_fleet  # noqa: E402


def best(f, runs=3):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def bench_explain_many(n=1_000_000):
    listed = [c.value for c in wlancode.codes("wlan_reason")]
    rng = random.Random(1)
    values = np.array([rng.choice(listed) for _ in range(n)], dtype=np.uint32)
    table = {c.value: (c.name, c.meaning, c.phase, c.initiator) for c in wlancode.codes("wlan_reason")}
    as_list = values.tolist()

    def python_dict():
        rows = [table.get(v) for v in as_list]
        return ([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows])

    t_native = best(lambda: wlancode.explain_many(values, "wlan_reason"))
    t_list = best(lambda: wlancode.explain_many(as_list, "wlan_reason"))
    t_dict = best(python_dict)
    print(f"explain_many numpy  {n / t_native / 1e6:6.1f} M values/s ({t_native * 1e3:.0f} ms)")
    print(f"explain_many list   {n / t_list / 1e6:6.1f} M values/s ({t_list * 1e3:.0f} ms)")
    print(f"python dict lookup  {n / t_dict / 1e6:6.1f} M values/s ({t_dict * 1e3:.0f} ms)")
    print(f"ratio numpy/dict    {t_dict / t_native:6.2f}x")


def bench_dask(devices=200, lines=3000, rounds=5):
    """The CLI and Dask in turns, `rounds` times (the machine is shared: interleaving exposes both to
    the same load): the best wall time of each, the median of the per-round ratios, and the CPU
    seconds each used (the CLI's from its rusage; Dask's of this process, the scheduler's, and the
    workers'). Three pairs: the count of scan_files' records (the partitions' len(): the scan and
    the records' tape, no dict), the count of findings() (every record made a dict), summarize."""
    import resource
    import statistics

    from dask.distributed import Client, LocalCluster

    import wlancode.dask as wd
    cli = os.environ.get("WLANCODE_CLI", "wlancode")

    def cli_run(*args):
        def run():
            subprocess.run([cli, "scan", "-j", "2", *args, *paths], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
        return run

    def cpu_children():
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    def cpu_dask():
        own = os.times()
        return own.user + own.system + sum(t.user + t.system for t in client.run(os.times).values())

    with tempfile.TemporaryDirectory() as root:
        paths, _ = write_fleet(root, devices=devices, lines_per_device=lines)
        size = sum(os.path.getsize(p) for p in paths)
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c, \
                Client(c) as client:
            wd.scan_files(paths[:2]).count().compute()  # workers warm: module imported
            # count: Bag.count() takes len() of the partitions (no dict made); findings: every record
            # is made a dict (findings() filters them one by one), as most work on the records does.
            pairs = {"count": (cli_run("--format", "jsonl"), lambda: wd.scan_files(paths).count().compute()),
                     "findings": (cli_run("--format", "jsonl"),
                                  lambda: wd.findings(wd.scan_files(paths)).count().compute()),
                     "summarize": (cli_run("--summary"), lambda: wd.summarize(wd.scan_files(paths)))}
            wall = {k: ([], []) for k in pairs}
            cpu = {k: ([], []) for k in pairs}
            for _ in range(rounds):
                for k, (base, dask_f) in pairs.items():
                    for i, (f, cpu_of) in enumerate(((base, cpu_children), (dask_f, cpu_dask))):
                        c0, t = cpu_of(), time.perf_counter()
                        f()
                        wall[k][i].append(time.perf_counter() - t)
                        cpu[k][i].append(cpu_of() - c0)
        print(f"fleet: {len(paths)} files, {size / 1e6:.1f} MB, {rounds} rounds, CLI and Dask in turns")
        names = {"count": ("CLI scan -j 2 --format jsonl", "dask 2 workers, count"),
                 "findings": ("CLI scan -j 2 --format jsonl", "dask 2 workers, findings count"),
                 "summarize": ("CLI scan -j 2 --summary", "dask 2 workers, summarize")}
        for k, (b, d) in wall.items():
            ratio = statistics.median(x / y for x, y in zip(d, b))
            print(f"{names[k][0]:30s} best {min(b):5.2f} s  cpu {min(cpu[k][0]):5.2f} s")
            print(f"{names[k][1]:30s} best {min(d):5.2f} s  cpu {min(cpu[k][1]):5.2f} s  "
                  f"ratio of bests {min(d) / min(b):.2f}x, median of rounds {ratio:.2f}x")


if __name__ == "__main__":
    bench_explain_many()
    bench_dask()
