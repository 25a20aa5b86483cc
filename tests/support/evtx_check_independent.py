#!/usr/bin/env python3
"""Checks the files of evtx_writer.py with readers that are not the project's: Debian's
`evtxexport -f xml` (libevtx) and python3-evtx. Both must give, for every record, the provider,
event id, record id, channel, computer and every EventData value the writer's manifest says, so
that the writer and the project's reader cannot share a misunderstanding of the format.

The `wec` shape (elements without the dependency identifier, as some Event Collectors write them)
is read by neither (libevtx 20181227 fails on it as on the real issue_201.evtx sample); the check
asserts that failure, so the shape stays the one those readers cannot read.

usage: evtx_check_independent.py WRITER OUTDIR
"""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.append("/usr/lib/python3/dist-packages")  # python3-evtx, whatever python3 runs this

NS = "{http://schemas.microsoft.com/win/2004/08/events/event}"


def norm(v):
    """Spellings that differ between renderers: hex padding, GUID and boolean case."""
    v = (v or "").strip()
    if v in ("True", "False"):  # python3-evtx
        return v.lower()
    if v.lower().startswith("0x"):
        try:
            return "0x%x" % int(v, 16)
        except ValueError:
            return v
    if v.startswith("{") and v.endswith("}"):
        return v.upper()
    return v


def libevtx_int32(v):
    """libevtx 20181227 prints a negative Int32 -x as -(2^31 - x) (-63 as -2147483585): undone here,
    python3-evtx checks the same values without it."""
    try:
        n = int(v)
    except ValueError:
        return v
    return str(-(2**31 + n)) if -(2**31) < n < -(2**30) else v


def events_of(xml_text):
    root = ET.fromstring("<root>" + xml_text + "</root>")
    return root.findall(NS + "Event")


def fields_of(ev):
    sysel = ev.find(NS + "System")
    out = {
        "provider": sysel.find(NS + "Provider").get("Name"),
        "event_id": int(sysel.find(NS + "EventID").text),
        "record": int(sysel.find(NS + "EventRecordID").text),
        "channel": sysel.find(NS + "Channel").text,
        "computer": sysel.find(NS + "Computer").text,
        "data": [[d.get("Name"), norm(d.text)] for d in ev.find(NS + "EventData").findall(NS + "Data")],
    }
    return out


def expect(records, events, who, name):
    fix = libevtx_int32 if who == "evtxexport" else (lambda v: v)
    errors = 0
    if len(events) != len(records):
        print("%s: %s: %d records, manifest has %d" % (who, name, len(events), len(records)))
        return 1
    for want, ev in zip(records, events):
        got = fields_of(ev)
        got["data"] = [[n, fix(v)] for n, v in got["data"]]
        for key in ("provider", "event_id", "record", "channel", "computer"):
            if got[key] != want[key]:
                print("%s: %s record %d: %s %r != %r" % (who, name, want["record"], key, got[key], want[key]))
                errors += 1
        wdata = [[n, norm(v)] for n, v in want["data"]]
        if got["data"] != wdata:
            print("%s: %s record %d: data %r != %r" % (who, name, want["record"], got["data"], wdata))
            errors += 1
    return errors


def evtxexport(path):
    r = subprocess.run(["evtxexport", "-f", "xml", path], capture_output=True, text=True)
    return r.returncode, r.stdout[r.stdout.find("<"):] if "<" in r.stdout else ""


def python_evtx(path):
    import Evtx.Evtx as evtx
    with evtx.Evtx(path) as log:
        return "".join(r.xml() for r in log.records())


def main(writer, out):
    os.makedirs(out, exist_ok=True)
    subprocess.run([sys.executable, writer, out], check=True)
    manifest = json.load(open(os.path.join(out, "manifest.json")))
    errors = 0
    checked = 0
    for name, m in sorted(manifest.items()):
        path = os.path.join(out, name)
        if m["shape"] == "wec":
            rc, xml = evtxexport(path)
            if rc == 0 and xml:
                print("evtxexport: %s: the wec shape was readable; it should be as unreadable as issue_201" % name)
                errors += 1
            continue
        rc, xml = evtxexport(path)
        if rc != 0:
            print("evtxexport: %s: exit %d" % (name, rc))
            errors += 1
            continue
        events = events_of(xml)
        if "records" in m:
            errors += expect(m["records"], events, "evtxexport", name)
            if m["shape"] == "template":
                errors += expect(m["records"], events_of(python_evtx(path)), "python3-evtx", name)
        elif len(events) != m["count"]:
            print("evtxexport: %s: %d records, manifest has %d" % (name, len(events), m["count"]))
            errors += 1
        checked += 1
    print("%d files checked by independent readers, %d errors" % (checked, errors))
    return 1 if errors or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
