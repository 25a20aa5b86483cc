"""wlancode on Dask: the scanner mapped over a fleet's logs, one task per file (or per line-aligned
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
SPLIT_BYTES = 32 << 20
SEGMENT_BYTES = 16 << 20
_HEAD = 64 << 10
_CONTAINERS = {name for name, kind in wlancode._native.input_formats() if kind == "container"}


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
    """Whether a file can be scanned in independent segments: what -j splits (pipeline.cpp):
    plain UTF-8 text (not gzip, not UTF-16, not CR-only), not an event log or report container."""
    if input_format in _CONTAINERS or head[:2] == b"\x1f\x8b" or b"\0" in head:
        return False
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or (b"\n" not in head and b"\r" in head):
        return False
    text = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    return wlancode._native.detect_format(bytes(text)) not in _CONTAINERS


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


def _scan_file(path, options):
    out = []
    errors = []
    try:
        if _is_url(path):
            with _open(path) as f:
                data = f.read()
            it = wlancode.scan(data, source=path, on_error=errors.append, **options)
        else:
            it = wlancode.scan(path, on_error=errors.append, **options)
        out.extend(it)
    except OSError as e:  # the remote store could not be read
        errors.append(e)
    return out + [_error(path, e) if not isinstance(e, wlancode.ScanError) else
                  {"source": e.source, "error": e.message} for e in errors]


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
        out = []
        for r in wlancode.scan(data, source=path, **options):
            r["line"] += lines_before
            out.append(r)
        return out
    except OSError as e:
        return [_error(path, e)]


def _plan(path, options, split_bytes, segment_bytes):
    """The delayed parts of one file: one, or one per segment (each after its line offset)."""
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
                return parts
    except OSError:
        pass  # reported by the scan task itself, with the CLI's message
    return [dask.delayed(_scan_file)(path, options)]


def scan_files(paths, client=None, *, input_format=None, redact=False, family=None, split_bytes=SPLIT_BYTES,
               segment_bytes=SEGMENT_BYTES):
    """A dask.bag.Bag of the findings of every file (local paths, directories, or fsspec URLs
    such as s3://bucket/dev1.log.gz), and of an error record per input that could not be read.

    One task per file; a plain-text file of at least split_bytes is split into line-aligned
    segments of about segment_bytes (line numbers are those of the whole file). Options as
    wlancode.scan. With a client, the bag is persisted on its cluster (the scan starts now);
    without, it is lazy and runs on the default scheduler (the active distributed Client, if any).

    Unlike `scan -j`, a segment does not learn the SSID an earlier segment of the same file named
    for a BSSID: split files may have fewer findings with an ssid (never fewer findings).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    options = {"input_format": input_format, "redact": redact, "family": family}
    parts = []
    for p in _expand(paths):
        parts += _plan(p, options, split_bytes, segment_bytes)
    bag = db.from_delayed(parts) if parts else db.from_sequence([], npartitions=1)
    return client.persist(bag) if client is not None else bag


def findings(bag):
    """The finding records of a scan_files bag."""
    return bag.filter(lambda r: "error" not in r)


def errors(bag):
    """The error records ({"source", "error"}) of a scan_files bag."""
    return bag.filter(lambda r: "error" in r)


def _meta():
    import pandas as pd
    keys = wlancode.jsonl_keys()
    types = {"line": "int64", "confidence": "float64", "locally_generated": "bool", "truncated": "bool"}
    return pd.DataFrame({k: pd.Series(dtype=types.get(k, "object")) for k in keys})


def to_dataframe(bag):
    """The findings as a dask.dataframe.DataFrame, one column per JSONL key."""
    keys = wlancode.jsonl_keys()
    return findings(bag).map(lambda r: tuple(r[k] for k in keys)).to_dataframe(meta=_meta())


def device_of(source):
    """A device's name from its log's path: the file name without .gz and the last suffix."""
    name = os.path.basename(source.rstrip("/"))
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[0] or name


def _code_key(r):
    """(family, value, label) of a record, the label as `scan --summary` names codes (summary.cpp):
    the name, "family:value" for unlisted values, "space:raw" for raw ones, "text:..." else."""
    if r["name"]:
        label = r["name"]
    elif r["family"] and r["value"] is not None:
        label = f"{r['family']}:{r['value']}"
    elif r["kind"] == "raw":
        label = r["space"] + ":" + (r["raw"] or (str(r["value"]) if r["value"] is not None else (r["text"] or "")[:80]))
    else:
        label = "text:" + (r["text"] or "")[:80]
    return (r["family"], r["value"], label)


def summarize(bag, device=device_of):
    """Fleet counts, computed on the cluster: {"findings", "errors": [{"source", "error"}],
    "by_code": {(family, value, name): count}, "by_device": {device: {"findings", "codes": {name: count}}},
    "by_ssid": {ssid: count}, "by_bssid": {bssid: count}}. device maps a record's source to a
    device name (device_of: the file name without suffixes)."""
    def fold(acc, r):
        if "error" in r:
            acc["errors"].append(r)
            return acc
        acc["findings"] += 1
        k = _code_key(r)
        acc["by_code"][k] = acc["by_code"].get(k, 0) + 1
        d = acc["by_device"].setdefault(device(r["source"]), {"findings": 0, "codes": {}})
        d["findings"] += 1
        d["codes"][k[2]] = d["codes"].get(k[2], 0) + 1
        for key in ("ssid", "bssid"):
            if r[key]:
                m = acc["by_" + key]
                m[r[key]] = m.get(r[key], 0) + 1
        return acc

    def per_partition(records):
        acc = _empty()  # a fresh one per partition: nothing shared between tasks
        for r in records:
            fold(acc, r)
        return acc

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
