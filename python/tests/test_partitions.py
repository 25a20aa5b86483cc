"""wlancode.dask's partitions (_native.Records): the records of wlancode.scan, made when read."""
import copy
import gzip
import pickle
import sys

import pytest

pytest.importorskip("dask")

import wlancode  # noqa: E402
import wlancode.dask as wd  # noqa: E402

OPTIONS = {"input_format": None, "redact": False, "family": None}
LOG = (b"Nov 21 09:00:01 dev wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 "
       b"reason=3 locally_generated=1\n"
       b"Nov 21 09:00:02 dev wpa_supplicant[812]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:02 "
       b"status_code=17\n"
       b"Nov 21 09:00:03 dev app[9]: nothing here\n")


@pytest.fixture
def inputs(tmp_path):
    a = tmp_path / "a.log"
    a.write_bytes(LOG * 40)
    cut = tmp_path / "cut.log.gz"
    cut.write_bytes(gzip.compress(LOG * 400)[:150])  # findings before the cut, then its error
    return [str(a), str(tmp_path / "missing.log"), str(cut), str(a)]


def expected(paths):
    out = []
    for p in paths:
        errors = []
        out += list(wlancode.scan(p, on_error=errors.append))
        out += [{"source": e.source, "error": e.message} for e in errors]
    return out


def test_partition_is_the_scans_records_in_order(inputs):
    part = wd._scan_group(inputs, OPTIONS)
    want = expected(inputs)
    assert len(want) > 160 and any("error" in r for r in want)
    assert len(part) == len(want)
    assert list(part) == want
    assert [list(r) for r in part] == [list(r) for r in want]  # the keys in the schema's order
    assert part.tolist() == want
    errors = [r for r in part if "error" in r]
    assert [e["source"] for e in errors] == inputs[1:3]
    assert errors[0]["error"] == "No such file or directory"
    assert part.error_records() == errors == wd._errors_of(list(part))
    assert wd._scan_group(inputs[:1], OPTIONS).error_records() == []


def test_partition_indexing(inputs):
    part = wd._scan_group(inputs, OPTIONS)
    want = expected(inputs)
    n = len(want)
    assert part[0] == want[0] and part[-1] == want[-1] and part[n // 2] == want[n // 2]
    assert part[-n] == want[0]
    for i in (n, -n - 1, 10 ** 12):
        with pytest.raises(IndexError):
            part[i]
    with pytest.raises(TypeError):
        part["line"]
    assert part[3:9] == want[3:9] and part[::7] == want[::7] and part[::-5] == want[::-5]
    assert part[n + 5:] == [] and part[:] == want


def test_partition_dicts_are_the_callers(inputs):
    part = wd._scan_group(inputs[:1], OPTIONS)
    first = next(iter(part))
    first["line"] = -1  # a reader changing its dict changes no other reading
    assert part[0]["line"] == 1 and next(iter(part))["line"] == 1
    assert list(part) == list(part)


def test_partition_pickles_as_its_list(inputs):
    part = wd._scan_group(inputs, OPTIONS)
    back = pickle.loads(pickle.dumps(part, protocol=5))
    assert type(back) is list and back == expected(inputs)
    assert copy.deepcopy(part) == back
    assert sys.getsizeof(part) > len(back) * 100  # what Dask's memory accounting sees


def test_partition_of_nothing_and_of_failures(tmp_path):
    assert len(wd._scan_group([], OPTIONS)) == 0 and list(wd._scan_group([], OPTIONS)) == []
    empty = tmp_path / "empty.log"
    empty.write_bytes(b"")
    assert list(wd._scan_group([str(empty)], OPTIONS)) == []
    garbage = tmp_path / "garbage.log"
    garbage.write_bytes(b"\x00\xff\xfe" * 1000 + b"reason=3\n\xc3\x28 status_code=\xe2\x82\n")
    assert list(wd._scan_group([str(garbage)], OPTIONS)) == expected([str(garbage)])
    part = wlancode._native.scan_records([(None, "s3://b/x.log", "Access Denied")], None, False, None)
    assert list(part) == [{"source": "s3://b/x.log", "error": "Access Denied"}]
    with pytest.raises(TypeError):
        wlancode._native.scan_records([("x",)], None, False, None)
    with pytest.raises(ValueError):
        wlancode._native.scan_records([(b"", "x", True, 0)], None, False, None)
    with pytest.raises(ValueError):
        wlancode._native.scan_records([(b"a", "x", False, 0)], "no_such_format", False, None)


def test_segment_lines_are_the_files():
    whole = LOG * 50
    at = len(LOG) * 20
    head, tail = whole[:at], whole[at:]
    got = list(wd._scan([(head, "f.log", False, 0), (tail, "f.log", False, head.count(b"\n"))], OPTIONS))
    assert [r["line"] for r in got] == [r["line"] for r in wlancode.scan(whole, source="f.log")]
    assert got == list(wlancode.scan(whole, source="f.log"))


def test_options_reach_the_scan(tmp_path):
    p = tmp_path / "a.log"
    p.write_bytes(LOG)
    only = wd._scan_group([str(p)], {"input_format": None, "redact": True, "family": "ieee80211_status"})
    assert list(only) == list(wlancode.scan(str(p), redact=True, family="ieee80211_status"))
    assert len(only) == 1 and only[0]["bssid"] != "02:00:00:00:00:02"


def test_partition_columns_are_its_dicts_values(inputs, tmp_path):
    hinted = tmp_path / "hint.log"  # a code with a hint: an object column
    hinted.write_bytes(b"Nov 21 09:00:01 dev wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED "
                       b"bssid=02:00:00:00:00:01 reason=15\n" + LOG)
    paths = inputs + [str(hinted)]
    part = wd._scan_group(paths, OPTIONS)
    keys = wlancode.jsonl_keys()
    found = [r for r in expected(paths) if "error" not in r]
    cols = part.columns(keys)
    assert len(cols) == len(keys) and all(len(c) == len(found) for c in cols)
    for k, c in zip(keys, cols):
        assert c == [r[k] for r in found], k
    hints = cols[keys.index("hint")]
    assert all(isinstance(h, dict) for h in hints) and [list(h) for h in hints] == [list(r["hint"]) for r in found]
    assert part.columns(["line", "source"]) == [[r["line"] for r in found], [r["source"] for r in found]]
    assert part.columns([]) == []
    with pytest.raises(KeyError):
        part.columns(["line", "no_such_key"])
    with pytest.raises(TypeError):
        part.columns("line")


def test_frame_is_dask_bags_dataframe_of_the_records(inputs):
    pd = pytest.importorskip("pandas")
    part = wd._scan_group(inputs, OPTIONS)
    keys, meta = wlancode.jsonl_keys(), wd._meta()
    native = wd._frame(part, keys, meta)
    from_dicts = wd._frame(list(part), keys, meta)
    rows = [tuple(r[k] for k in keys) for r in part if "error" not in r]
    bag_way = pd.DataFrame(rows, columns=keys).astype(meta.dtypes.to_dict(), copy=False)
    assert native.equals(bag_way) and from_dicts.equals(bag_way)
    assert list(native.dtypes) == list(meta.dtypes) and len(native) == len(rows) > 100
    empty = wd._frame(wd._scan_group([], OPTIONS), keys, meta)
    assert len(empty) == 0 and list(empty.dtypes) == list(meta.dtypes)


def test_partition_read_by_threads_at_once(tmp_path):
    # Invalid UTF-8 makes each record's str through json.loads (Python code: threads switch there).
    p = tmp_path / "bad.log"
    p.write_bytes(b"".join(b"Nov 21 09:00:%02d dev wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED "
                           b"bssid=02:00:00:00:00:01 reason=%d \xff\xc3(\n" % (i % 60, 1 + i % 9) for i in range(3000)))
    part = wd._scan_group([str(p)], OPTIONS)
    want = expected([str(p)])
    assert len(want) == 3000 and "\ufffd" in want[0]["excerpt"]
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: list(part), range(8)))
    assert all(r == want for r in results)


def test_partition_summary_is_its_records(inputs):
    from conftest import EXAMPLES
    examples = wd._expand([EXAMPLES])  # codes, raw values and texts, of every format
    part = wd._scan_group(inputs + examples, OPTIONS)
    assert {r["kind"] for r in part if "error" not in r} >= {"code", "raw", "text"}
    assert part.summarize() == wlancode._native.summarize_records(list(part))
    counts, errs = part.summarize()
    assert sum(n for n, _, _, _ in counts.values()) == sum("error" not in r for r in part) > 100
    assert errs == part.error_records() and len(errs) >= 2
    assert wd._scan_group([], OPTIONS).summarize() == ({}, [])
