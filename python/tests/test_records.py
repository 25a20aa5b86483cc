"""The record dicts (python/src/record_dict.cpp) reuse objects between records: a template per code,
the recent values of each field, one str per table text. Whatever is reused, every record must be
json.loads of the CLI's line, its own object, and collectable in a reference cycle."""
import gc
import json
import random
import weakref

import pytest

import wlancode
from conftest import run_cli

DISCONNECT = "Nov 21 09:{m:02d}:{s:02d} dev wpa_supplicant[812]: {ifc}: CTRL-EVENT-DISCONNECTED bssid={mac} reason={v}"
REJECT = "Nov 21 09:{m:02d}:{s:02d} dev wpa_supplicant[812]: {ifc}: CTRL-EVENT-ASSOC-REJECT bssid={mac} status_code={v}"


def cli_records(*args):
    rc, out, err = run_cli("scan", "--format", "jsonl", *args)
    assert not err
    return [json.loads(line) for line in out.splitlines()]


def mixed_log(n, seed):
    """n wpa_supplicant lines: every IEEE 802.11 reason and status code (and some unlisted), in a
    random order, on 3 interfaces and 5 BSSIDs, so that codes, templates and recent values churn."""
    rng = random.Random(seed)
    reasons = [c.value for c in wlancode.codes("ieee80211_reason")] + [6000, 65535]
    statuses = [c.value for c in wlancode.codes("ieee80211_status")] + [7000]
    lines = []
    for i in range(n):
        form, values = (DISCONNECT, reasons) if rng.random() < 0.5 else (REJECT, statuses)
        lines.append(form.format(m=(i // 60) % 60, s=i % 60, ifc=rng.choice(["wlan0", "wlan1", "wlp2s0"]),
                                 mac="02:00:00:00:00:%02x" % rng.randrange(5), v=rng.choice(values)))
    return ("\n".join(lines) + "\n").encode()


def test_churning_codes_equal_the_cli(tmp_path):
    log = tmp_path / "mixed.log"
    log.write_bytes(mixed_log(3000, seed=7))
    want = cli_records(str(log))
    got = list(wlancode.scan(str(log)))
    assert len(want) == 3000 and got == want
    assert all(list(r) == wlancode.jsonl_keys() for r in got)
    assert {type(r["hint"]) for r in got} == {type(None), dict}  # both kinds occur


def test_more_codes_than_templates_equal_the_cli(tmp_path):
    # Every code of every family by name: more codes than the builder keeps templates for (256),
    # twice, shuffled, so templates are dropped and made again.
    names = [c.name for f in wlancode.Family for c in wlancode.codes(f.name)]
    assert len(names) > 256
    rng = random.Random(3)
    lines = names * 2
    rng.shuffle(lines)
    log = tmp_path / "names.log"
    log.write_bytes(b"".join(b"dev: failure %s\n" % n.encode() for n in lines))
    want = cli_records(str(log))
    assert len({(r["family"], r["value"]) for r in want}) > 256
    assert list(wlancode.scan(str(log))) == want


def test_cached_strings_are_right_across_files(tmp_path):
    # The same lines in several files of a directory (one scan, one builder): each record names
    # its own file, and a value a file repeats is not carried into the next.
    same = mixed_log(200, seed=1)
    for i in range(4):
        (tmp_path / f"dev{i}.log").write_bytes(same)
    (tmp_path / "other.log").write_bytes(mixed_log(200, seed=2).replace(b"wlan0", b"eth9"))
    want = cli_records(str(tmp_path))
    got = list(wlancode.scan(str(tmp_path)))
    assert got == want
    assert [sum(r["source"].endswith(f"dev{i}.log") for r in got) for i in range(4)] == [200] * 4
    assert not any(r["interface"] == "wlan0" for r in got if r["source"].endswith("other.log"))


def test_batches_are_the_records_of_scan(tmp_path):
    data = mixed_log(2000, seed=5)
    batches = list(wlancode._batches(data, source="m"))
    assert len(batches) > 1 and all(isinstance(b, list) and b for b in batches)
    assert [r for b in batches for r in b] == list(wlancode.scan(data, source="m"))
    with pytest.raises(TypeError):
        wlancode._batches(42)  # checked when called, as scan()


def test_changing_records_changes_no_later_one():
    data = mixed_log(2500, seed=9)
    want = list(wlancode.scan(data))
    got = []
    for r in wlancode.scan(data):
        got.append(json.loads(json.dumps(r)))
        # The caller's changes to every record, its hint included, reach no other record.
        for k in list(r):
            r[k] = "changed"
        r["extra"] = 1
    assert got == want
    hinted = [r for r in wlancode.scan(data) if r["hint"]]
    assert len(hinted) > 1 and len({id(r["hint"]) for r in hinted}) == len(hinted)
    hinted[0]["hint"]["cause"] = "changed"
    assert hinted[1]["hint"]["cause"] != "changed"


@pytest.mark.parametrize("with_hint", [False, True])
def test_a_record_in_a_cycle_is_collected(with_hint):
    # Records without an object are untracked by the garbage collector until the caller stores a
    # container in them; a cycle through one must still be collected.
    records = [r for r in wlancode.scan(mixed_log(500, seed=4)) if (r["hint"] is not None) == with_hint]
    assert records
    class Box:
        pass

    refs = []
    for r in records[:50]:
        box = Box()
        box.record = r
        (r["hint"] if with_hint else r)["box"] = box
        refs.append(weakref.ref(box))
    del records, r, box
    gc.collect()
    assert all(ref() is None for ref in refs)
