"""wlancode on Dask: the scanner mapped over a fleet's logs, a task per few MB of files (or per line-aligned
byte range of a large file), on any Dask scheduler: the threads of this process, a LocalCluster,
or a multi-machine cluster (docs/python.md).

    >>> from dask.distributed import Client
    >>> import wlancode.dask as wd
    >>> client = Client("tcp://scheduler:8786")            # doctest: +SKIP
    >>> bag = wd.scan_files(["s3://logs/dev1.log.gz", ...])  # doctest: +SKIP
    >>> wd.summarize(bag)["by_code"]                          # doctest: +SKIP

The bag holds the finding records of wlancode.scan (the CLI's JSONL keys) and, for each input that
could not be read, one error record {"source": ..., "error": message} (the CLI's message):
findings(bag) and errors(bag) tell them apart; nothing is dropped silently.
"""
import os

import dask
import dask.bag as db

import wlancode

# Files at least this large are split, like `wlancode scan -j` (scan.hpp: parallel_min_bytes),
# into segments of about SEGMENT_BYTES, each ending after a newline.
SPLIT_BYTES = wlancode._native.parallel_min_bytes
SEGMENT_BYTES = 16 << 20
# Files are scanned several to a task up to this many bytes: Dask's cost per task (scheduling,
# messages) is a few ms, the scan of a small log about as much.
TASK_BYTES = 4 << 20
_HEAD = wlancode._native.split_head_bytes

# The fields the native summaries read must be the schema's (they are named in bind_summary.cpp).
_SUMMARY_KEYS, _ERROR_KEY = wlancode._native.summary_record_keys()
if not set(_SUMMARY_KEYS) <= set(wlancode.jsonl_keys()) or _ERROR_KEY in wlancode.jsonl_keys():
    raise ImportError("wlancode._native reads record keys that are not the schema's")


def _is_url(path):
    return "://" in path


def _open(path):
    if _is_url(path):
        import fsspec
        return fsspec.open(path, "rb").open()
    return open(path, "rb")


def _size(path):
    if _is_url(path):
        import fsspec
        fs, p = fsspec.core.url_to_fs(path)
        return fs.size(p)
    return os.stat(path).st_size


def _expand(paths):
    """Local directories become their regular files, sorted (as the CLI walks them)."""
    out = []
    for p in paths:
        p = os.fspath(p)
        if not _is_url(p) and os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs.sort()
                found += [os.path.join(root, f) for f in files if os.path.isfile(os.path.join(root, f))]
            out += sorted(found)
        else:
            out.append(p)
    return out


def _splittable(head, input_format):
    """Whether a file can be scanned in independent segments: what -j splits (scan.hpp: splittable)."""
    return wlancode._native.splittable(bytes(head), input_format) is not None


def _segments(path, size, segment_bytes):
    """Line-aligned [start, end) ranges: each boundary is just after the first newline at or past
    a multiple of segment_bytes."""
    bounds = [0]
    with _open(path) as f:
        nominal = segment_bytes
        while nominal < size:
            f.seek(nominal)
            at = nominal
            while True:
                chunk = f.read(_HEAD)
                if not chunk:
                    at = size
                    break
                nl = chunk.find(b"\n")
                if nl >= 0:
                    at += nl + 1
                    break
                at += len(chunk)
            if at >= size:
                break
            bounds.append(at)
            nominal = at + segment_bytes
    bounds.append(size)
    return list(zip(bounds[:-1], bounds[1:]))


def _error(source, exc):
    msg = exc.message if isinstance(exc, wlancode.ScanError) else (exc.strerror or str(exc))
    return {"source": source, "error": msg}


def _input(path):
    """What _native.scan_records scans for one input: the path itself, a URL's bytes, or the error
    reading them."""
    if not _is_url(path):
        return (os.fsencode(path), path, True, 0)
    try:
        with _open(path) as f:
            return (f.read(), path, False, 0)
    except OSError as e:  # the remote store could not be read
        return (None, path, _error(path, e)["error"])


def _scan(inputs, options):
    """A partition: the records of these inputs, in order, each input's error records after its
    findings; a sequence whose dicts are made when they are read (len() makes none)."""
    return wlancode._native.scan_records(inputs, options["input_format"], bool(options["redact"]),
                                         options["family"])


def _count_lines(path, start, end):
    with _open(path) as f:
        f.seek(start)
        n, left = 0, end - start
        while left > 0:
            chunk = f.read(min(left, 8 << 20))
            if not chunk:
                break
            n += chunk.count(b"\n")
            left -= len(chunk)
        return n


def _scan_segment(path, start, end, lines_before, options):
    try:
        with _open(path) as f:
            f.seek(start)
            data = f.read(end - start)
        if len(data) != end - start:
            return [{"source": path, "error": "the file shrank while it was scanned"}]
    except OSError as e:
        return [_error(path, e)]
    return _scan([(data, path, False, lines_before)], options)


def _plan(path, options, split_bytes, segment_bytes):
    """How one file is scanned: None and its size (whole), or the delayed parts of its segments
    (each after its line offset) and what each scans, (path, start, end)."""
    size = 0
    try:
        size = _size(path)
        if size >= split_bytes:
            with _open(path) as f:
                head = f.read(_HEAD)
            if _splittable(head, options.get("input_format")):
                segs = _segments(path, size, segment_bytes)
                counts = [dask.delayed(_count_lines)(path, a, b) for a, b in segs[:-1]]
                parts, before = [], 0
                for i, (a, b) in enumerate(segs):
                    parts.append(dask.delayed(_scan_segment)(path, a, b, before, options))
                    if i < len(counts):
                        before = dask.delayed(sum)([before, counts[i]]) if i else counts[0]
                return parts, [[(path, a, b)] for a, b in segs]
    except OSError:
        pass  # reported by the scan task itself, with the CLI's message
    return None, size


def _scan_group(paths, options):
    """One task's files, in order (small files share a task: per-task costs are Dask's)."""
    return _scan([_input(p) for p in paths], options)


def scan_files(paths, client=None, *, input_format=None, redact=False, family=None, split_bytes=SPLIT_BYTES,
               segment_bytes=SEGMENT_BYTES, task_bytes=TASK_BYTES):
    """A dask.bag.Bag of the findings of every file (local paths, directories, or fsspec URLs
    such as s3://bucket/dev1.log.gz), and of an error record per input that could not be read.

    Files are scanned in input order, consecutive ones together in a task (a partition) of up to
    task_bytes on disk (task_bytes=0: one task per file); a plain-text file of at least
    split_bytes is split into line-aligned segments of about segment_bytes, a task each (line
    numbers are those of the whole file). Options as
    wlancode.scan. With a client, the bag is persisted on its cluster (the scan starts now);
    without, it is lazy and runs on the default scheduler (the active distributed Client, if any).

    Unlike `scan -j`, a segment does not learn the SSID an earlier segment of the same file named
    for a BSSID: split files may have fewer findings with an ssid (never fewer findings).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    options = {"input_format": input_format, "redact": redact, "family": family}
    parts, plan = [], []  # the delayed partitions, and the scans of each: [(path,) or (path, start, end)]
    group, group_bytes = [], 0

    def end_group():
        if group:
            parts.append(dask.delayed(_scan_group)(list(group), options))
            plan.append([(p,) for p in group])
            group.clear()

    for p in _expand(paths):
        segments, size_or_scans = _plan(p, options, split_bytes, segment_bytes)
        if segments is not None:
            end_group()
            parts += segments
            plan += size_or_scans
            continue
        size = size_or_scans
        if group and (task_bytes <= 0 or group_bytes + size > task_bytes):
            end_group()
        if not group:
            group_bytes = 0
        group.append(p)
        group_bytes += size
    end_group()
    bag = db.from_delayed(parts) if parts else db.from_sequence([], npartitions=1)
    if client is not None:
        return client.persist(bag)
    # Not computed yet: summarize can count these scans natively instead of making the records.
    bag._wlancode_scans = (plan, options)
    return bag


def findings(bag):
    """The finding records of a scan_files bag."""
    return bag.filter(lambda r: "error" not in r)


def _errors_of(part):
    if isinstance(part, wlancode._native.Records):
        return part.error_records()  # no finding made a dict
    return [r for r in part if "error" in r]


def errors(bag):
    """The error records ({"source", "error"}) of a scan_files bag."""
    return bag.map_partitions(_errors_of)


def _meta():
    import pandas as pd
    keys = wlancode.jsonl_keys()
    types = {"line": "int64", "confidence": "float64", "locally_generated": "bool", "truncated": "bool"}
    return pd.DataFrame({k: pd.Series(dtype=types.get(k, "object")) for k in keys})


def _frame(part, keys, meta):
    """A partition's findings as a pandas DataFrame with meta's columns and dtypes, as dask.bag's
    to_dataframe makes it from rows (pandas infers each column from them, then astype): a scan's
    partition gives its columns natively (no dict made), any other its dicts' values."""
    import pandas as pd
    if isinstance(part, wlancode._native.Records):
        rows = list(zip(*part.columns(keys)))
    else:
        rows = [tuple(r[k] for k in keys) for r in part if "error" not in r]
    return pd.DataFrame(rows, columns=keys).astype(meta.dtypes.to_dict(), copy=False)


def to_dataframe(bag):
    """The findings as a dask.dataframe.DataFrame, one column per JSONL key."""
    import dask.dataframe as dd
    keys, meta = wlancode.jsonl_keys(), _meta()
    parts = [dask.delayed(_frame)(p, keys, meta) for p in bag.to_delayed()]
    return dd.from_delayed(parts, meta=meta, verify_meta=False) if parts else dd.from_pandas(meta, npartitions=1)


def device_of(source):
    """A device's name from its log's path: the file name without .gz and the last suffix."""
    name = os.path.basename(source.rstrip("/"))
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[0] or name


def _fold(acc, per_source, device):
    """Adds the native counts of some sources ({source: (findings, by_code, by_ssid, by_bssid)})."""
    for source, (n, codes, ssids, bssids) in per_source.items():
        acc["findings"] += n
        d = acc["by_device"].setdefault(device(source), {"findings": 0, "codes": {}})
        d["findings"] += n
        for k, c in codes.items():
            acc["by_code"][k] = acc["by_code"].get(k, 0) + c
            d["codes"][k[2]] = d["codes"].get(k[2], 0) + c
        for key, m in (("by_ssid", ssids), ("by_bssid", bssids)):
            total = acc[key]
            for k, c in m.items():
                total[k] = total.get(k, 0) + c
    return acc


def _summarize_scans(scans, options, device):
    """The counts of one partition of scan_files' plan, scanned and counted in C++ (no record made)."""
    acc = _empty()
    for scan in scans:
        _summarize_scan(acc, scan, options, device)
    return acc


def _summarize_scan(acc, scan, options, device):
    path = scan[0]
    native = dict(input_format=options["input_format"], redact=bool(options["redact"]), family=options["family"])
    try:
        if len(scan) == 3:
            _, start, end = scan
            with _open(path) as f:
                f.seek(start)
                data = f.read(end - start)
            if len(data) != end - start:
                acc["errors"].append({"source": path, "error": "the file shrank while it was scanned"})
                return
            counts, problems = wlancode._native.summarize_scan(data, source=path, is_path=False, **native)
        elif _is_url(path):
            with _open(path) as f:
                data = f.read()
            counts, problems = wlancode._native.summarize_scan(data, source=path, is_path=False, **native)
        else:
            counts, problems = wlancode._native.summarize_scan(os.fsencode(path), source=path, is_path=True, **native)
    except OSError as e:
        acc["errors"].append(_error(path, e))
        return
    acc["errors"] += [{"source": source, "error": message} for _, source, message in problems]
    _fold(acc, counts, device)


def summarize(bag, device=device_of):
    """Fleet counts, computed on the cluster: {"findings", "errors": [{"source", "error"}],
    "by_code": {(family, value, name): count}, "by_device": {device: {"findings", "codes": {name: count}}},
    "by_ssid": {ssid: count}, "by_bssid": {bssid: count}}. device maps a record's source to a
    device name (device_of: the file name without suffixes). Codes are named and counted by the
    library, as `scan --summary` counts them.

    A bag straight from scan_files (without a client: not computed yet) is summarised by tasks
    that scan and count in C++, making no record; any other bag of records is counted per
    partition in C++ from its records."""
    scans = getattr(bag, "_wlancode_scans", None)
    if scans is not None:
        plan, options = scans
        parts = [dask.delayed(_summarize_scans)(part, options, device) for part in plan]
        out = dask.delayed(_merge_all)(parts, _empty()).compute() if parts else _empty()
    else:
        def per_partition(records):
            if isinstance(records, wlancode._native.Records):  # a scan's partition: from its tape
                counts, errs = records.summarize()
            else:
                counts, errs = wlancode._native.summarize_records(records)
            acc = _empty()  # a fresh one per partition: nothing shared between tasks
            acc["errors"] += errs
            return _fold(acc, counts, device)

        out = bag.reduction(per_partition, lambda parts: _merge_all(parts, _empty())).compute()
    out["errors"].sort(key=lambda e: e["source"])
    return out


def _empty():
    return {"findings": 0, "errors": [], "by_code": {}, "by_device": {}, "by_ssid": {}, "by_bssid": {}}


def _merge_all(parts, total):
    for b in parts:
        total["findings"] += b["findings"]
        total["errors"] += b["errors"]
        for key in ("by_code", "by_ssid", "by_bssid"):
            for k, v in b[key].items():
                total[key][k] = total[key].get(k, 0) + v
        for dev, d in b["by_device"].items():
            t = total["by_device"].setdefault(dev, {"findings": 0, "codes": {}})
            t["findings"] += d["findings"]
            for k, v in d["codes"].items():
                t["codes"][k] = t["codes"].get(k, 0) + v
    return total
