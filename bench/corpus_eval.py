#!/usr/bin/env python3
"""Scores `wlancode scan` on a corpus of real logs with an expert's line-by-line ground truth.

The corpus directory holds the logs, INDEX.tsv (one file per row, first column) and expected.tsv
(file, line, family, value, kind, note; kind: must, may, must_not, none). A finding counts when
its (file, line, family, value) is a must or may row; ESP-IDF reasons below 200 are 802.11 reason
codes and are compared as such. A finding on a must_not row's line and value, of any family, is a
decoy reported. Raw values and unmapped texts are not codes of a family and are not scored.

Prints recall over the must rows, precision over everything reported, decoys reported, and the
misses and false findings; exits 1 when a threshold is not met.
Usage: corpus_eval.py WLANCODE CORPUS_DIR [--min-recall R] [--min-precision P]"""
import argparse
import csv
import json
import os
import subprocess
import sys


def findings(exe, path):
    run = subprocess.run([exe, "scan", "--format", "jsonl", path], capture_output=True, text=True, timeout=120)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"{path}: exit {run.returncode}: {run.stderr.strip()[:200]}")
    for row in run.stdout.splitlines():
        f = json.loads(row)
        if f["family"] is None or f["value"] is None:
            continue
        family, value = f["family"], int(f["value"])
        if family == "esp_wifi_reason" and value < 200:
            family = "ieee80211_reason"
        yield int(f["line"]), family, value


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("wlancode")
    ap.add_argument("corpus")
    ap.add_argument("--min-recall", type=float, default=0.97)
    ap.add_argument("--min-precision", type=float, default=0.99)
    a = ap.parse_args()
    with open(os.path.join(a.corpus, "expected.tsv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    with open(os.path.join(a.corpus, "INDEX.tsv"), encoding="utf-8") as f:
        files = {line.split("\t")[0] for line in f.read().splitlines()[1:] if line.strip()}
    files |= {r["file"] for r in rows if r["file"]}
    want, accept, decoys = set(), set(), set()
    for r in rows:
        if not r["family"] or not r["value"].strip().isdigit():
            continue
        key = (r["file"], int(r["line"]), r["family"], int(r["value"]))
        if r["kind"] == "must":
            want.add(key)
        elif r["kind"] == "may":
            accept.add(key)
        elif r["kind"] == "must_not":
            decoys.add((r["file"], int(r["line"]), int(r["value"])))
    got = set()
    for name in sorted(files):
        for line, family, value in findings(a.wlancode, os.path.join(a.corpus, name)):
            got.add((name, line, family, value))
    false = got - want - accept
    decoy_hits = {g for g in false if (g[0], g[1], g[3]) in decoys}
    recall = len(got & want) / max(1, len(want))
    precision = (len(got) - len(false)) / max(1, len(got))
    for k in sorted(want - got):
        print("missed   ", *k)
    for k in sorted(false):
        print("decoy    " if k in decoy_hits else "unexpected", *k)
    print(f"files {len(files)}: recall {recall:.3f} ({len(got & want)}/{len(want)} must), "
          f"precision {precision:.3f} ({len(got) - len(false)}/{len(got)} reported), "
          f"decoys reported {len(decoy_hits)} of {len(decoys)}")
    ok = recall >= a.min_recall and precision >= a.min_precision and not decoy_hits
    if not ok:
        print(f"FAIL: needs recall >= {a.min_recall}, precision >= {a.min_precision}, no decoy", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
