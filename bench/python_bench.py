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


def bench_dask(devices=200, lines=3000):
    from dask.distributed import Client, LocalCluster

    import wlancode.dask as wd
    cli = os.environ.get("WLANCODE_CLI", "wlancode")
    with tempfile.TemporaryDirectory() as root:
        paths, _ = write_fleet(root, devices=devices, lines_per_device=lines)
        size = sum(os.path.getsize(p) for p in paths)
        t_cli = best(lambda: subprocess.run([cli, "scan", "-j", "2", "--format", "jsonl", *paths],
                                            stdout=subprocess.DEVNULL, check=False))
        t_cli_summary = best(lambda: subprocess.run([cli, "scan", "-j", "2", "--summary", *paths],
                                                    stdout=subprocess.DEVNULL, check=False))
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c, \
                Client(c):
            wd.scan_files(paths[:2]).count().compute()  # workers warm: module imported
            t_count = best(lambda: wd.scan_files(paths).count().compute())
            t_sum = best(lambda: wd.summarize(wd.scan_files(paths)))
        print(f"fleet: {len(paths)} files, {size / 1e6:.1f} MB")
        print(f"CLI scan -j 2 --format jsonl  {t_cli:6.2f} s")
        print(f"CLI scan -j 2 --summary       {t_cli_summary:6.2f} s")
        print(f"dask 2 workers, count         {t_count:6.2f} s  ({t_count / t_cli:.2f}x the CLI's jsonl)")
        print(f"dask 2 workers, summarize     {t_sum:6.2f} s  ({t_sum / t_cli_summary:.2f}x the CLI's summary)")


if __name__ == "__main__":
    bench_explain_many()
    bench_dask()
