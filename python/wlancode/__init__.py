"""wlancode: Windows and IEEE 802.11 Wi-Fi failure codes, explained, and logs scanned for them.

The C++ library of the wlancode project, from Python:

    >>> import wlancode
    >>> [c.name for c in wlancode.explain(0x00048014)]
    ['WLAN_REASON_CODE_MSMSEC_PSK_MISMATCH_SUSPECTED']
    >>> wlancode.find("ieee80211_reason", 3).meaning     # doctest: +ELLIPSIS
    '...'

Codes: explain, find, classify, codes, match_text, reason_to_string; Code objects are read-only
and have to_dict(). Families: the Family IntEnum (also accepted as "wlan_reason" or a number).
Logs: scan(path_or_bytes) yields one dict per finding with the keys of the CLI's
`wlancode scan --format jsonl` records (docs/scan.md); errors raise ScanError (an OSError).
pandas: explain_many(values, family) returns columns for DataFrame.assign.
Dask: wlancode.dask.scan_files(paths) maps the scanner over a fleet's logs (docs/python.md).
"""
import errno as _errno
import json as _json
import os as _os
import typing as _t
import warnings as _warnings

from . import _native
from ._families import Family

__all__ = ["Code", "Family", "ScanError", "TextMatch", "classify", "codes", "diagnose", "explain", "explain_many",
           "find", "jsonl_keys", "match_text", "reason_to_string", "scan", "__version__"]
__version__ = _native.version()

Code = _native.Code
Code.__module__ = __name__
Code.__doc__ = """One code of a family, read-only.

Attributes: family (Family), name, value (int), hex ("0x00038004"; 4 digits in 16-bit families),
section, meaning, phrase (a short summary), phase and initiator (ids as in the JSONL records), hint
(None, or {"heuristic": True, "cause": ..., "action": ...}: a guess, never a fact).
to_dict() gives these fields as a dict (family as its id). Codes compare equal by identity of the
table entry and are hashable."""


class TextMatch(_t.NamedTuple):
    """A code found behind a sentence: the code, the score (1.0: exact), whether the match was
    exact after normalisation, and the table text that matched."""
    code: Code
    score: float
    exact: bool
    text: str


def explain(value_or_name, family=None):
    """Every code the input may be, best guess first: list[Code].

    value_or_name: an int (0..0xFFFFFFFF, or a negative int32 as logs print DWORDs; a negative
    802.11 reason as NetworkManager prints it, -3, is reason 3) or a str: "0x00038004", "229380",
    a name ("PSK_MISMATCH_SUSPECTED", "deauth leaving", case-insensitive). family narrows the
    search (Family, id or number). An empty list when nothing matches; ValueError when the input
    cannot be read (an empty string, a number out of range), OverflowError for an int out of
    range, TypeError for other types.
    """
    return _native.explain(value_or_name, family)


def find(family, value):
    """The code of `family` with this value (int) or name (str, as for explain), or None."""
    return _native.find(family, value)


def classify(family, value):
    """Where any 32-bit value falls in a family, listed or not: a dict with family, value, hex,
    range (None or {id, label, first, last}), code (Code or None), offset (value - range first),
    inner (the Code its low 16 bits carry, for DOT11_ASSOC_STATUS_PEER_* ranges) and description
    ("MSM security range, unlisted code +0x7777")."""
    return _native.classify(family, value)


def codes(family):
    """All codes of a family, in table order: list[Code]."""
    return _native.codes(family)


def match_text(text, max=3, min_score=0.6):
    """The codes behind a reason sentence as Windows prints it ("Failure Reason: The specific
    network is not available."): list[TextMatch], best first, at most `max`, none below min_score."""
    return [TextMatch(*m) for m in _native.match_text(text, max, min_score)]


def reason_to_string(value):
    """The sentence WlanReasonCodeToString gives for a WLAN_REASON_CODE (int): Windows' runtime
    text where known, else the documented meaning, else the value's range."""
    return _native.reason_to_string(value)


def explain_many(values, family, *, prefix=""):
    """Decodes many values of one family at once: {"name", "meaning", "phase", "initiator"} -> lists,
    one item per value, ready for pandas.DataFrame.assign(**explain_many(df.code, "wlan_reason")).

    values: a list or other sequence, a numpy array (read through the buffer protocol: any integer
    dtype, or float with NaN for missing) or a pandas Series. Missing values (None, NaN, pd.NA) give
    None in every column; an unlisted value gives name None, the range it falls in as meaning and
    "unknown" phase and initiator. prefix is put before each column name ("reason_" ->
    "reason_name"). OverflowError for a value outside 32 bits, TypeError for a non-number.
    """
    if hasattr(values, "to_numpy") and not hasattr(values, "__array_interface__"):
        values = values.to_numpy()  # pandas: numeric dtypes as their numpy array, nullable ones as objects
    if getattr(getattr(values, "dtype", None), "kind", None) == "O":
        values = values.tolist()  # objects (ints, None, pd.NA) item by item
    cols = _native.explain_many(values, family)
    return {prefix + k: v for k, v in cols.items()} if prefix else cols


class ScanError(OSError):
    """An input that could not be read or scanned. str() is the message the CLI prints after
    "wlancode: " (source, colon, reason); .source and .message hold the parts, .filename the
    source and .errno the error number where the reason is a system error's text."""

    def __init__(self, source, message):
        super().__init__(_errno_of(message), message, source)
        self.source = source
        self.message = message

    def __str__(self):
        return f"{self.source}: {self.message}"

    def __reduce__(self):  # picklable (Dask sends errors between processes)
        return (type(self), (self.source, self.message))


_errnos = None


def _errno_of(message):
    global _errnos
    if _errnos is None:
        _errnos = {_os.strerror(e): e for e in sorted(_errno.errorcode, reverse=True)}
    return _errnos.get(message)


def jsonl_keys():
    """The keys of a finding record, in order (the same as the CLI's JSONL)."""
    return list(_json.loads(_native.sample_record()))


def scan(path_or_bytes, *, input_format=None, redact=False, family=None, source=None, max_line=1 << 20,
         on_error=None):
    """Scans a log for codes; yields one dict per finding, in input order, with exactly the keys
    of `wlancode scan --format jsonl` (docs/scan.md).

    path_or_bytes: a path (str or os.PathLike: a file, plain or .gz, UTF-8 or UTF-16, or a
    directory, scanned recursively in sorted order) or the log's bytes (bytes, bytearray,
    memoryview; `source` names them in the records, "<bytes>" by default). input_format forces a
    format ("event_xml", "wpa_supplicant", "linux", ...; see `wlancode scan --help`), family keeps
    one family's codes, redact masks MACs, SSIDs and user names, max_line as --max-line.

    The scan runs in a thread without the GIL; findings come through a bounded queue (memory
    does not grow with the log). An input that cannot be read raises ScanError after the
    findings before it, unless on_error is given: then on_error(ScanError) is called and the
    scan goes on with the next file. A directory's notice of skipped entries (FIFOs, dangling
    links) goes to on_error, or is a warning.
    """
    return _records(_batches(path_or_bytes, input_format, redact, family, source, max_line, on_error))


def diagnose(paths_or_bytes, *, input_format=None, redact=False, tz=None, year=None, source=None,
             max_line=1 << 20, jobs=1, on_error=None):
    """Diagnoses logs as `wlancode diagnose --format json` does: connection attempts and sessions
    per device and network, with outcome, failing phase, decisive codes, who ended them and the
    likely causes. Returns the report as a dict of schema "wlancode-diagnose/1" (docs/diagnose.md).

    paths_or_bytes: a path (str or os.PathLike: a file, plain or .gz, UTF-8 or UTF-16, or a
    directory, read recursively in sorted order), a list of paths (read as one log set, like
    several PATHS), or a log's bytes (`source` names them, "<bytes>" by default). tz is the zone
    of timestamps printed without an offset ("Europe/Berlin", "+02:00", "local"; None: UTC), year
    the year of stamps printed without one (None: each file's mtime, the current year for bytes);
    input_format, redact, max_line and jobs as the CLI's options.

    Runs without the GIL. An input that cannot be read raises ScanError (after the whole run),
    unless on_error is given: then on_error(ScanError) is called for each and the report, whose
    "inputs" list says which inputs were read, is returned. A directory's notice of skipped
    entries goes to on_error, or is a warning.
    """
    if isinstance(paths_or_bytes, (str, _os.PathLike)):
        inputs, is_path = [_os.fsencode(paths_or_bytes)], True
    elif isinstance(paths_or_bytes, (bytes, bytearray, memoryview)):
        inputs, is_path = [paths_or_bytes], False
    elif isinstance(paths_or_bytes, (list, tuple)):
        if not all(isinstance(p, (str, _os.PathLike)) for p in paths_or_bytes):
            raise TypeError("diagnose() takes a list of paths (str or os.PathLike)")
        inputs, is_path = [_os.fsencode(p) for p in paths_or_bytes], True
    else:
        raise TypeError(f"diagnose() takes a path, a list of paths or bytes, not {type(paths_or_bytes).__name__}")
    if source is not None and not isinstance(source, str):
        raise TypeError("source must be a str")
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError("jobs must be an int")  # its range: the native call's ValueError
    text, problems = _native.diagnose(inputs, is_path, source or "<bytes>", input_format, bool(redact), tz, year,
                                      max_line, jobs)
    first = None
    for kind, src, message in problems:
        err = ScanError(src, message)
        if on_error is not None:
            on_error(err)
        elif kind == "notice":
            _warnings.warn(str(err), stacklevel=2)
        elif first is None:
            first = err
    if first is not None:
        raise first
    return _json.loads(text)


def _records(batches):
    try:
        for batch in batches:
            yield from batch
    finally:
        batches.close()  # an early close stops the scan now


def _batches(what, input_format=None, redact=False, family=None, source=None, max_line=1 << 20, on_error=None):
    """scan()'s findings as lists of records, a batch at a time (wlancode.dask extends its
    partitions with them: no step per record in Python); arguments checked now, errors as scan()."""
    is_path = isinstance(what, (str, _os.PathLike))
    if is_path:
        what = _os.fsencode(what)  # any file name, UTF-8 or not (surrogate-escaped in str)
    elif not isinstance(what, (bytes, bytearray, memoryview)):
        raise TypeError(f"scan() takes a path (str or os.PathLike) or bytes, not {type(what).__name__}")
    if source is not None and not isinstance(source, str):
        raise TypeError("source must be a str")
    scanner = _native.Scanner(what, input_format, bool(redact), family, source or "<bytes>", max_line, is_path)
    return _batch_items(scanner, on_error)


def _batch_items(scanner, on_error):
    try:
        while True:
            item = scanner.next()
            if item is None:
                return
            if item[0] == "findings":
                yield item[1]
                continue
            err = ScanError(item[1], item[2])
            if on_error is not None:
                on_error(err)
            elif item[0] == "notice":
                _warnings.warn(str(err), stacklevel=3)
            else:
                raise err
    finally:
        scanner.close()
