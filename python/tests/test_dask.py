"""wlancode.dask on a 2-worker LocalCluster, against the CLI on the same fleet."""
import collections
import json
import os

import pytest

distributed = pytest.importorskip("dask.distributed")

import wlancode  # noqa: E402
import wlancode.dask as wd  # noqa: E402
from conftest import run_cli  # noqa: E402
from fleet import write_fleet  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        with distributed.Client(c) as cl:
            yield cl


@pytest.fixture(scope="module")
def fleet(tmp_path_factory):
    root = str(tmp_path_factory.mktemp("fleet"))
    good, bad = write_fleet(root)
    return root, good, bad


def key(r):
    return (r["source"], r["line"], r["family"], r["value"], r["name"], r["field"])


def test_fleet_agrees_with_the_cli(client, fleet):
    root, good, bad = fleet
    paths = sorted(good + bad)
    assert len(paths) == 200
    bag = wd.scan_files(paths, client, task_bytes=0)  # one task per file
    assert bag.npartitions == 200
    records = bag.compute()
    # By default small files share tasks of up to TASK_BYTES on disk: the same records, in order.
    grouped = wd.scan_files(paths, client)
    sizes = [os.path.getsize(p) if os.path.exists(p) else 0 for p in paths]
    assert grouped.npartitions <= 2 * sum(sizes) // wd.TASK_BYTES + 1 < 200  # next-fit: two in a row exceed it
    assert grouped.compute() == records
    several = wd.scan_files(paths, task_bytes=20_000)
    assert 1 < several.npartitions < 200 and several.compute() == records
    found = [r for r in records if "error" not in r]
    rc, out, err = run_cli("scan", "--format", "jsonl", *paths)
    assert rc == 2
    want = [json.loads(line) for line in out.splitlines()]
    assert len(want) > 5000
    assert sorted(map(key, found)) == sorted(map(key, want))  # nothing lost, nothing added
    assert found == want  # and in the CLI's order
    # The unreadable ones, with the CLI's messages.
    errs = sorted(f"wlancode: {e['source']}: {e['error']}" for e in records if "error" in e)
    assert errs == sorted(err.strip().splitlines()) and len(errs) == len(bad)
    # errors() and findings() split the bag's records, in order, persisted or not.
    error_records = [r for r in records if "error" in r]
    assert wd.errors(bag).compute() == error_records == wd.errors(wd.scan_files(paths)).compute()
    assert wd.findings(bag).compute() == found == wd.findings(wd.scan_files(paths)).compute()
    assert wd.errors(bag.map(dict)).compute() == error_records  # partitions of plain dicts

    s = wd.summarize(bag)
    _, summary, _ = run_cli("scan", "--summary", "--format", "json", *paths)
    cli = json.loads(summary)["summary"]
    assert s["findings"] == cli["findings"] == len(want)
    assert [e["source"] for e in s["errors"]] == bad
    cli_codes = {(c["family"], c["value"], c["name"]): c["count"] for c in cli["by_code"]}
    assert s["by_code"] == cli_codes
    assert s["by_bssid"] == {k: v["count"] for k, v in cli["by_bssid"].items()}
    assert s["by_ssid"] == {k: v["count"] for k, v in cli["by_ssid"].items()}
    per_device = collections.Counter(wd.device_of(r["source"]) for r in want)
    assert {d: v["findings"] for d, v in s["by_device"].items()} == dict(per_device)
    assert len(s["by_device"]) >= 200 - len(bad)  # a gzip cut short still gave the lines before the cut
    # Per device, the codes add up to its findings, and over devices to the CLI's count of each code.
    assert all(sum(d["codes"].values()) == d["findings"] for d in s["by_device"].values())
    by_label = collections.Counter()
    for d in s["by_device"].values():
        by_label.update(d["codes"])
    assert by_label == collections.Counter({c["name"]: c["count"] for c in cli["by_code"]})

    # A bag not computed yet is summarised by native scans (no record made): the same counts.
    lazy = wd.summarize(wd.scan_files(paths))
    assert lazy == s


def test_summarize_records_bad_input():
    with pytest.raises(TypeError):
        wlancode._native.summarize_records([42])
    with pytest.raises(KeyError):
        wlancode._native.summarize_records([{"source": "x"}])
    counts, errs = wlancode._native.summarize_records([{"source": "a", "error": "gone"}])
    assert counts == {} and errs == [{"source": "a", "error": "gone"}]
    assert wlancode._native.summarize_records([]) == ({}, [])


def test_splittable_is_the_librarys():
    assert wd._splittable(b"Nov 21 dev wpa_supplicant[1]: wlan0: reason=3\n", None)
    assert wd._splittable(b"\xef\xbb\xbfplain\n", None)
    assert not wd._splittable(b"\x1f\x8b\x08\x00", None)
    assert not wd._splittable(b"\xff\xfea\x00", None)
    assert not wd._splittable(b"a\rb\r", None)
    assert not wd._splittable(b"plain\n", "event_text")
    assert not wd._splittable(b'<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">\n', None)
    with pytest.raises(ValueError):
        wd._splittable(b"x\n", "no_such_format")
    assert wd.SPLIT_BYTES == 32 << 20 and wd._HEAD == 64 << 10


def test_dataframe(client, fleet):
    _, good, _ = fleet
    df = wd.to_dataframe(wd.scan_files(good[:20])).compute()
    assert list(df.columns) == wlancode.jsonl_keys()
    want = [r for p in good[:20] for r in wlancode.scan(p)]
    assert len(df) == len(want) and df["line"].tolist() == [r["line"] for r in want]
    # The frame dask.bag's own to_dataframe makes of the records, whichever bag they are in.
    import pandas as pd
    meta = wd._meta()
    keys = wlancode.jsonl_keys()
    bag_way = pd.DataFrame([tuple(r[k] for k in keys) for r in want], columns=keys).astype(meta.dtypes.to_dict())
    assert df.reset_index(drop=True).equals(bag_way)
    persisted = wd.to_dataframe(wd.scan_files(good[:20], client)).compute()
    assert persisted.reset_index(drop=True).equals(bag_way)
    dicts = wd.to_dataframe(wd.scan_files(good[:20]).map(dict)).compute()  # partitions of plain dicts
    assert dicts.reset_index(drop=True).equals(bag_way)
    assert len(wd.to_dataframe(wd.scan_files([])).compute()) == 0


def test_large_file_split_in_line_aligned_segments(client, tmp_path):
    _, _ = write_fleet(str(tmp_path / "one"), devices=3, lines_per_device=4000)
    big = str(tmp_path / "one" / "device-001.log")
    size = os.path.getsize(big)
    bag = wd.scan_files([big], split_bytes=64 << 10, segment_bytes=50 << 10)
    assert bag.npartitions == len(wd._segments(big, size, 50 << 10)) > 3
    got = bag.compute()
    rc, out, _ = run_cli("scan", "--format", "jsonl", big)
    want = [json.loads(line) for line in out.splitlines()]
    assert [key(r) for r in got] == [key(r) for r in want]
    # Summarised natively by segment: the counts of the whole file.
    s = wd.summarize(wd.scan_files([big], split_bytes=64 << 10, segment_bytes=50 << 10))
    assert s["findings"] == len(want)
    assert s == wd.summarize(wd.scan_files([big]))


def test_directory_and_empty_inputs(fleet):
    root, good, bad = fleet
    recs = wd.scan_files([root]).compute()
    assert {r["source"] for r in recs} == set(good) | {b for b in bad if os.path.exists(b)}
    assert wd.scan_files([]).compute() == []


def test_fsspec_urls_are_scanned_as_their_files(client, fleet, tmp_path):
    pytest.importorskip("fsspec")
    _, good, bad = fleet
    paths = good[:12] + bad
    urls = ["file://" + p for p in paths]
    by_url = wd.scan_files(urls).compute()
    local = wd.scan_files(paths).compute()
    renamed = [dict(r, source="file://" + r["source"]) for r in local if "error" not in r]
    assert [r for r in by_url if "error" not in r] == renamed and len(renamed) > 300
    # Unreadable: each reported once, by its URL (a missing file, a gzip cut short).
    errs = [r for r in by_url if "error" in r]
    assert sorted(e["source"] for e in errs) == sorted("file://" + b for b in bad)
    assert all(e["error"] for e in errs)
    assert wd.scan_files(urls).count().compute() == len(by_url)
    # A URL's large file is split like a path's: the same records, under the URL.
    _, _ = write_fleet(str(tmp_path / "one"), devices=2, lines_per_device=3000)
    big = str(tmp_path / "one" / "device-001.log")
    split = wd.scan_files(["file://" + big], split_bytes=64 << 10, segment_bytes=50 << 10)
    assert split.npartitions > 3
    assert split.compute() == [dict(r, source="file://" + big) for r in wlancode.scan(big)]
    assert wd.to_dataframe(split).compute()["source"].unique().tolist() == ["file://" + big]
