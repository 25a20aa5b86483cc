#!/usr/bin/env python3
"""Test-only writer of Windows XML Event Log (.evtx) files, from the published format description
(file header, 64 KiB chunks, records, binary XML with templates and substitutions). It writes the
Wi-Fi events the scanner must find, in the shapes Windows writes them:

  template   records instantiate a template (defined inline the first time in a chunk, then
             referenced by offset), values typed as the event manifests type them;
  forwarded  records as an Event Collector stores them: elements with their values as text and a
             RenderingInfo block (with the dependency identifier);
  wec        the same without the dependency identifier, as some collectors write them.

usage: evtx_writer.py OUTDIR              the test files and OUTDIR/manifest.json (expected values)
       evtx_writer.py --big FILE MIB      a file of at least MIB MiB of template records (benchmarks)
"""
import json
import struct
import sys
import zlib

CHUNK = 65536
FILETIME_2026 = 134_116_992_000_000_000  # 2026-01-01T00:00:00Z in 100 ns since 1601

# Value types.
T_NULL, T_STR, T_ANSI, T_I8, T_U8, T_I16, T_U16, T_I32, T_U32, T_I64, T_U64 = range(11)
T_R32, T_R64, T_BOOL, T_BIN, T_GUID, T_SIZE, T_FILETIME, T_SYSTIME, T_SID, T_HEX32, T_HEX64 = range(11, 22)
T_BINXML = 0x21
T_ARRAY = 0x80


def utf16(s):
    return s.encode("utf-16-le")


def name_hash(s):
    h = 0
    for ch in s:
        h = (h * 65599 + ord(ch)) & 0xFFFFFFFF
    return h & 0xFFFF


def guid_bytes(g):
    g = g.strip("{}")
    a, b, c, d, e = g.split("-")
    return struct.pack("<IHH", int(a, 16), int(b, 16), int(c, 16)) + bytes.fromhex(d + e)


def sid_bytes(s):
    parts = s.split("-")
    rev, auth, subs = int(parts[1]), int(parts[2]), [int(x) for x in parts[3:]]
    return bytes([rev, len(subs)]) + auth.to_bytes(6, "big") + b"".join(struct.pack("<I", x) for x in subs)


def value_bytes(t, v):
    base = t & 0x7F
    if t & T_ARRAY:
        if base == T_STR:
            return b"".join(utf16(x) + b"\0\0" for x in v)
        return b"".join(value_bytes(base, x) for x in v)
    if base == T_NULL:
        return b""
    if base == T_STR:
        return utf16(v)
    if base == T_ANSI:
        return v.encode("latin-1")
    fmt = {T_I8: "<b", T_U8: "<B", T_I16: "<h", T_U16: "<H", T_I32: "<i", T_U32: "<I", T_I64: "<q",
           T_U64: "<Q", T_R32: "<f", T_R64: "<d", T_BOOL: "<I", T_FILETIME: "<Q", T_HEX32: "<I", T_HEX64: "<Q"}
    if base in fmt:
        return struct.pack(fmt[base], v)
    if base == T_BIN:
        return bytes(v)
    if base == T_GUID:
        return guid_bytes(v)
    if base == T_SID:
        return sid_bytes(v)
    if base == T_SYSTIME:
        return struct.pack("<8H", *v)
    if base == T_BINXML:
        return bytes(v)
    raise ValueError(t)


class Sub:
    """A substitution in a template: value number `i`, declared type `t`."""

    def __init__(self, i, t, optional=False):
        self.i, self.t, self.optional = i, t, optional


class Elem:
    def __init__(self, name, attrs=(), children=()):
        self.name, self.attrs, self.children = name, list(attrs), list(children)


class Writer:
    """Binary XML into a chunk buffer; offsets (names, templates) are chunk-relative."""

    def __init__(self, chunk, base, dep=True):
        self.c, self.base, self.out, self.dep = chunk, base, bytearray(), dep

    def pos(self):
        return self.base + len(self.out)

    def name(self, n):
        if n in self.c.names:
            self.out += struct.pack("<I", self.c.names[n])
            return
        off = self.pos() + 4
        self.c.names[n] = off
        self.out += struct.pack("<I", off)
        self.out += struct.pack("<IHH", 0, name_hash(n), len(n)) + utf16(n) + b"\0\0"

    def text(self, s, more=False):
        self.out += bytes([0x45 if more else 0x05, T_STR]) + struct.pack("<H", len(s)) + utf16(s)

    def content(self, x):
        if isinstance(x, Sub):
            self.out += bytes([0x0E if x.optional else 0x0D]) + struct.pack("<HB", x.i, x.t)
        elif isinstance(x, str):
            self.text(x)
        elif isinstance(x, Elem):
            self.element(x)
        elif isinstance(x, tuple) and x[0] == "template":
            self.template(*x[1:])
        else:
            raise ValueError(x)

    def element(self, e):
        self.out += bytes([0x41 if e.attrs else 0x01])
        if self.dep:
            self.out += b"\xff\xff"
        size_at = len(self.out)
        self.out += b"\0\0\0\0"
        self.name(e.name)
        if e.attrs:
            list_at = len(self.out)
            self.out += b"\0\0\0\0"
            for k, (an, av) in enumerate(e.attrs):
                self.out += bytes([0x46 if k + 1 < len(e.attrs) else 0x06])
                self.name(an)
                self.content(av)
            struct.pack_into("<I", self.out, list_at, len(self.out) - list_at - 4)
        if e.children:
            self.out += b"\x02"
            for ch in e.children:
                self.content(ch)
            self.out += b"\x04"
        else:
            self.out += b"\x03"
        struct.pack_into("<I", self.out, size_at, len(self.out) - size_at - 4)

    def template(self, key, body, values):
        """Template instance: the definition inline when the chunk has none yet, else by offset."""
        self.out += b"\x0c\x01" + struct.pack("<I", key[1])
        if key in self.c.templates:
            self.out += struct.pack("<I", self.c.templates[key])
        else:
            off = self.pos() + 4
            self.c.templates[key] = off
            self.out += struct.pack("<I", off)
            inner = Writer(self.c, off + 24, self.dep)
            inner.out += b"\x0f\x01\x01\x00"
            inner.element(body)
            inner.out += b"\x00"
            self.out += struct.pack("<I", 0) + guid_bytes(key[0]) + struct.pack("<I", len(inner.out)) + inner.out
        data = [value_bytes(t, v) for t, v in values]
        self.out += struct.pack("<I", len(values))
        for (t, _), d in zip(values, data):
            self.out += struct.pack("<HBB", len(d), t, 0)
        for d in data:
            self.out += d



class Chunk:
    def __init__(self, number):
        self.number = number
        self.buf = bytearray(512)
        self.names, self.templates = {}, {}
        self.ids, self.last_at = [], 0

    def add(self, record_id, written, build):
        """build(writer) writes the record's binary XML; False when the chunk is full."""
        at = len(self.buf)
        w = Writer(self, at + 24)
        saved = (dict(self.names), dict(self.templates))
        w.out += b"\x0f\x01\x01\x00"
        build(w)
        w.out += b"\x00"
        size = 24 + len(w.out) + 4
        size += (-size) % 8
        if at + size > CHUNK:
            self.names, self.templates = saved
            return False
        rec = b"**\0\0" + struct.pack("<IQQ", size, record_id, written) + w.out
        rec += b"\0" * (size - 4 - len(rec)) + struct.pack("<I", size)
        self.buf += rec
        self.ids.append(record_id)
        self.last_at = at
        return True

    def finish(self, first_number):
        free = len(self.buf)
        body = bytes(self.buf) + b"\0" * (CHUNK - len(self.buf))
        n = len(self.ids)
        hdr = bytearray(body[:512])
        hdr[0:8] = b"ElfChnk\0"
        struct.pack_into("<QQQQIII", hdr, 8, first_number, first_number + n - 1, self.ids[0], self.ids[-1], 128,
                         self.last_at, free)
        struct.pack_into("<I", hdr, 52, zlib.crc32(body[512:free]))
        struct.pack_into("<I", hdr, 124, zlib.crc32(bytes(hdr[:120]) + bytes(hdr[128:512])))
        return bytes(hdr) + body[512:]


def file_bytes(chunks, next_id):
    h = bytearray(4096)
    h[0:8] = b"ElfFile\0"
    struct.pack_into("<QQQIHHHH", h, 8, 0, max(len(chunks) - 1, 0), next_id, 128, 1, 3, 4096, len(chunks))
    struct.pack_into("<I", h, 124, zlib.crc32(bytes(h[:120])))
    return bytes(h) + b"".join(chunks)


# ---- the events ----------------------------------------------------------------------------------
WLAN = ("Microsoft-Windows-WLAN-AutoConfig", "{9580D7DD-0379-4658-9870-D5BE7D52D6DE}",
        "Microsoft-Windows-WLAN-AutoConfig/Operational")
SECURITY = ("Microsoft-Windows-Security-Auditing", "{54849625-5478-4994-A5BA-3E3B0328C30D}", "Security")
DECOY = ("Microsoft-Windows-Wcmsvc", "{67D07935-283A-4791-8F8D-FA9117F3E6F2}", "Microsoft-Windows-Wcmsvc/Operational")
IFACE = "{3A4B5C6D-7E8F-4A0B-9C1D-2E3F4A5B6C7D}"
ADAPTER = "Example Wireless-AC 9000 Adapter"

# (provider, event id, [(name, type, value)], the finding(s) the scanner must give, or None)
EVENTS = [
    (WLAN, 8001, [("InterfaceGuid", T_GUID, IFACE), ("InterfaceDescription", T_STR, ADAPTER),
                  ("ConnectionMode", T_STR, "Automatic connection with a profile"), ("ProfileName", T_STR, "HomeNet"),
                  ("SSID", T_STR, "HomeNet"), ("BSSType", T_STR, "Infrastructure"),
                  ("BSSID", T_STR, "02:00:5E:10:20:30"), ("PHYType", T_STR, "802.11ac"),
                  ("AuthenticationAlgorithm", T_STR, "WPA2-Personal"), ("CipherAlgorithm", T_STR, "AES-CCMP"),
                  ("OnexEnabled", T_BOOL, 0), ("ConnectionId", T_HEX64, 0x2), ("NonBroadcast", T_BOOL, 1)], None),
    (WLAN, 8002, [("InterfaceGuid", T_GUID, IFACE), ("InterfaceDescription", T_STR, ADAPTER),
                  ("ConnectionMode", T_STR, "Automatic connection with a profile"), ("ProfileName", T_STR, "HomeNet"),
                  ("SSID", T_STR, "HomeNet"), ("BSSType", T_STR, "Infrastructure"),
                  ("FailureReason", T_STR, "The operation was cancelled by the user."), ("ReasonCode", T_U32, 229377),
                  ("ConnectionId", T_HEX64, 0x7), ("RSSI", T_I32, -63)],
     {"field": "ReasonCode", "kind": "code", "family": "wlan_reason", "value": 229377}),
    (WLAN, 8003, [("InterfaceGuid", T_GUID, IFACE), ("InterfaceDescription", T_STR, ADAPTER),
                  ("ConnectionMode", T_STR, "Automatic connection with a profile"), ("ProfileName", T_STR, "HomeNet"),
                  ("SSID", T_STR, "HomeNet"), ("BSSType", T_STR, "Infrastructure"),
                  ("Reason", T_STR, "The network is disconnected by the user."), ("ConnectionId", T_HEX64, 0x3),
                  ("ReasonCode", T_U32, 2)],
     {"field": "ReasonCode", "kind": "raw", "space": "event_8003_reason", "raw": "2"}),
    (WLAN, 11001, [("Adapter", T_STR, ADAPTER), ("DeviceGuid", T_GUID, IFACE), ("LocalMac", T_STR, "02:00:5E:00:00:01"),
                   ("SSID", T_STR, "HomeNet"), ("BSSType", T_STR, "Infrastructure"), ("ConnectionId", T_HEX64, 0x4),
                   ("MgmtFrameProtection", T_BOOL, 0)], None),
    (WLAN, 11006, [("Adapter", T_STR, ADAPTER), ("DeviceGuid", T_GUID, IFACE), ("LocalMac", T_STR, "02:00:5E:00:00:01"),
                   ("SSID", T_STR, "HomeNet"), ("BSSType", T_STR, "Infrastructure"),
                   ("PeerMac", T_STR, "02:00:5E:10:20:30"),
                   ("ReasonText", T_STR, "A PSK mismatch is suspected."), ("ReasonCode", T_HEX32, 0x48014),
                   ("ErrorCode", T_HEX32, 0x0), ("ConnectionId", T_HEX64, 0x5)],
     {"field": "ReasonCode", "kind": "code", "family": "wlan_reason", "value": 0x48014}),
    (WLAN, 12013, [("Adapter", T_STR, ADAPTER), ("DeviceGuid", T_GUID, IFACE), ("LocalMac", T_STR, "02:00:5E:00:00:01"),
                   ("SSID", T_STR, "CorpNet"), ("BSSType", T_STR, "Infrastructure"),
                   ("PeerMac", T_STR, "02:00:5E:10:20:31"), ("Identity", T_STR, "host/laptop.example.org"),
                   ("User", T_STR, "-"), ("Domain", T_STR, "-"),
                   ("ReasonText", T_STR, "Explicit Eap failure received"), ("ReasonCode", T_HEX32, 0x50005),
                   ("ErrorCode", T_HEX32, 0x0), ("EAPReasonCode", T_HEX32, 0x80420100),
                   ("EAPRootCauseString", T_STR, "The certificate is not trusted."),
                   ("EAPErrorCode", T_HEX32, 0x80420014), ("ConnectionId", T_HEX64, 0x6),
                   ("ExplicitCredentials", T_BOOL, 0)],
     [{"field": "ReasonCode", "kind": "code", "family": "wlan_reason", "value": 0x50005},
      {"field": "EAPReasonCode", "kind": "raw", "space": "eap_reason", "raw": "0x80420100"},
      {"field": "EAPErrorCode", "kind": "raw", "space": "eap_error", "raw": "0x80420014"}]),
    (SECURITY, 5632, [("SSID", T_STR, "CorpNet"), ("Identity", T_STR, "host/laptop.example.org"),
                      ("SubjectUserName", T_STR, "-"), ("SubjectDomainName", T_STR, "-"),
                      ("SubjectLogonId", T_HEX64, 0x0), ("PeerMac", T_STR, "02:00:5E:10:20:31"),
                      ("LocalMac", T_STR, "02:00:5E:00:00:01"), ("IntfGuid", T_GUID, IFACE),
                      ("ReasonCode", T_HEX32, 0x50005), ("ReasonText", T_STR, "Explicit Eap failure received"),
                      ("ErrorCode", T_HEX32, 0x0), ("EAPReasonCode", T_HEX32, 0x0), ("EapRootCauseString", T_STR, ""),
                      ("EAPErrorCode", T_HEX32, 0x0)],
     {"field": "ReasonCode", "kind": "code", "family": "wlan_reason", "value": 0x50005}),
    # A decoy: the same field names in a provider that is not Wi-Fi's: nothing to find.
    (DECOY, 8002, [("Reason", T_U32, 4), ("ReasonCode", T_U32, 229377), ("Status", T_HEX32, 0x0)], None),
]


def rendered(t, v):
    """How Windows (and the reader under test) renders a value in XML: hand-written, per type."""
    if t == T_GUID:
        return v.upper()
    if t in (T_HEX32, T_HEX64):
        return "0x%x" % v
    if t == T_BOOL:
        return "true" if v else "false"
    return str(v)


def system_element(shape_values):
    """<System> of a template: substitutions 0.. for the provider, ids, time and names."""
    s = lambda i, t: Sub(i, t)
    return Elem("System", children=[
        Elem("Provider", attrs=[("Name", s(0, T_STR)), ("Guid", s(1, T_GUID))]),
        Elem("EventID", children=[s(2, T_U16)]),
        Elem("Version", children=[s(3, T_U8)]),
        Elem("Level", children=[s(4, T_U8)]),
        Elem("Task", children=[s(5, T_U16)]),
        Elem("Opcode", children=[s(6, T_U8)]),
        Elem("Keywords", children=[s(7, T_HEX64)]),
        Elem("TimeCreated", attrs=[("SystemTime", s(8, T_FILETIME))]),
        Elem("EventRecordID", children=[s(9, T_U64)]),
        Elem("Correlation"),
        Elem("Execution", attrs=[("ProcessID", s(10, T_U32)), ("ThreadID", s(11, T_U32))]),
        Elem("Channel", children=[s(12, T_STR)]),
        Elem("Computer", children=[s(13, T_STR)]),
        Elem("Security", attrs=[("UserID", Sub(14, T_SID, optional=True))]),
    ])


COMPUTER = "LAPTOP-7.example.org"


def template_record(w, ev, record_id, ft):
    (prov, guid, channel), eid, fields, _ = ev
    sysvals = [(T_STR, prov), (T_GUID, guid), (T_U16, eid), (T_U8, 0), (T_U8, 4), (T_U16, 24010), (T_U8, 0),
               (T_HEX64, 0x8000000000000000), (T_FILETIME, ft), (T_U64, record_id), (T_U32, 1234), (T_U32, 5678),
               (T_STR, channel), (T_STR, COMPUTER), (T_SID, "S-1-5-18")]
    data = [Elem("Data", attrs=[("Name", n)], children=[Sub(15 + k, t)]) for k, (n, t, _) in enumerate(fields)]
    body = Elem("Event", attrs=[("xmlns", "http://schemas.microsoft.com/win/2004/08/events/event")],
                children=[system_element(None), Elem("EventData", children=data)])
    values = sysvals + [(t, v) for _, t, v in fields]
    w.template((guid, eid), body, values)


def forwarded_record(w, ev, record_id, ft):
    (prov, guid, channel), eid, fields, _ = ev
    # The time as a collector renders it: ISO 8601 text.
    iso = filetime_text(ft)
    system = Elem("System", children=[
        Elem("Provider", attrs=[("Name", prov), ("Guid", guid)]),
        Elem("EventID", children=[str(eid)]), Elem("Version", children=["0"]), Elem("Level", children=["4"]),
        Elem("Task", children=["24010"]), Elem("Opcode", children=["0"]),
        Elem("Keywords", children=["0x8000000000000000"]), Elem("TimeCreated", attrs=[("SystemTime", iso)]),
        Elem("EventRecordID", children=[str(record_id)]), Elem("Correlation"),
        Elem("Execution", attrs=[("ProcessID", "1234"), ("ThreadID", "5678")]),
        Elem("Channel", children=[channel]), Elem("Computer", children=[COMPUTER]),
        Elem("Security", attrs=[("UserID", "S-1-5-18")])])
    data = [Elem("Data", attrs=[("Name", n)], children=[rendered(t, v)] if rendered(t, v) else [])
            for n, t, v in fields]
    rendering = Elem("RenderingInfo", attrs=[("Culture", "en-US")], children=[
        Elem("Message", children=["WLAN AutoConfig event %d (rendered by the collector)." % eid]),
        Elem("Level", children=["Information"]), Elem("Task", children=["AcmConnection"]),
        Elem("Opcode", children=["Info"]), Elem("Channel", children=[channel]), Elem("Provider", children=[prov]),
        Elem("Keywords", children=[Elem("Keyword", children=["WlanConnect"])])])
    w.element(Elem("Event", attrs=[("xmlns", "http://schemas.microsoft.com/win/2004/08/events/event")],
                   children=[system, Elem("EventData", children=data), rendering]))


def filetime_text(ft):
    import datetime
    secs, frac = divmod(ft, 10_000_000)
    t = datetime.datetime(1601, 1, 1) + datetime.timedelta(seconds=secs)
    return t.strftime("%Y-%m-%dT%H:%M:%S") + ".%07dZ" % frac


def chunks_of(records, shape):
    """records: iterable of (event, record_id, filetime) -> chunk bytes, one chunk at a time."""
    chunk, number, first_in_chunk = Chunk(0), 1, 1
    writer = template_record if shape == "template" else forwarded_record
    for ev, rid, ft in records:
        def body(w, ev=ev, rid=rid, ft=ft):
            if shape == "wec":
                w.dep = False
            writer(w, ev, rid, ft)
        if not chunk.add(rid, ft, body):
            yield chunk.finish(first_in_chunk)
            first_in_chunk = number
            chunk = Chunk(0)
            if not chunk.add(rid, ft, body):
                raise ValueError("record larger than a chunk")
        number += 1
    if chunk.ids:
        yield chunk.finish(first_in_chunk)


def build(records, shape):
    return file_bytes(list(chunks_of(records, shape)), records[-1][1] + 1 if records else 1)


def manifest_entry(ev, rid, ft):
    (prov, _, channel), eid, fields, finding = ev
    return {"record": rid, "event_id": eid, "provider": prov, "channel": channel, "computer": COMPUTER,
            "time": filetime_text(ft), "data": [[n, rendered(t, v)] for n, t, v in fields], "finding": finding}


def main(argv):
    if len(argv) == 4 and argv[1] == "--big":
        # Chunks written as they are made, until the file reaches MIB MiB; prints the record count.
        target = int(argv[3]) << 20
        state = {"n": 0}

        def endless():
            i = 0
            while True:
                i += 1
                state["n"] = i
                yield EVENTS[(i - 1) % len(EVENTS)], i, FILETIME_2026 + i * 10_000_000

        count, records = 0, 0
        with open(argv[2], "wb") as f:
            f.write(b"\0" * 4096)
            for c in chunks_of(endless(), "template"):
                f.write(c)
                count += 1
                records = struct.unpack_from("<Q", c, 32)[0]
                if 4096 + count * CHUNK >= target:
                    break
            head = bytearray(file_bytes([], records + 1)[:4096])
            struct.pack_into("<QQ", head, 8, 0, count - 1)
            struct.pack_into("<H", head, 42, count)
            struct.pack_into("<I", head, 124, zlib.crc32(bytes(head[:120])))
            f.seek(0)
            f.write(head)
        print(records)
        return 0
    out = argv[1]
    import os
    os.makedirs(out, exist_ok=True)
    manifest = {}
    recs = [(ev, 100 + k, FILETIME_2026 + k * 600_000_000) for k, ev in enumerate(EVENTS)]
    for shape in ("template", "forwarded", "wec"):
        name = "wifi-%s.evtx" % shape
        open("%s/%s" % (out, name), "wb").write(build(recs, shape))
        manifest[name] = {"shape": shape, "records": [manifest_entry(*r) for r in recs]}
    # Several chunks: the same events 2,000 times (templates and names defined again per chunk).
    many = [(EVENTS[k % len(EVENTS)], 1 + k, FILETIME_2026 + k * 10_000_000) for k in range(2000)]
    open("%s/wifi-many.evtx" % out, "wb").write(build(many, "template"))
    manifest["wifi-many.evtx"] = {"shape": "template", "count": len(many),
                                  "findings": sum(len(e[3]) if isinstance(e[3], list) else 1 for e, _, _ in many if e[3])}
    json.dump(manifest, open("%s/manifest.json" % out, "w"), indent=1)
    # The findings the scanner must give, one a line: file, record, event id, field, kind,
    # family or space, value (decimal, or the raw token).
    with open("%s/expected-findings.tsv" % out, "w") as f:
        for name, m in sorted(manifest.items()):
            for r in m.get("records", []):
                found = r["finding"] or []
                for x in found if isinstance(found, list) else [found]:
                    f.write("\t".join([name, str(r["record"]), str(r["event_id"]), x["field"], x["kind"],
                                       x.get("family") or x.get("space"), str(x.get("value", x.get("raw")))]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
