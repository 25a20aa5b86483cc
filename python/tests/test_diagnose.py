"""wlancode.diagnose: the report of `wlancode diagnose --format json`, from paths and bytes; options,
bad input, errors."""
import errno
import gzip
import json
import os
import pathlib
import re
import warnings

import pytest

import wlancode
from conftest import EXAMPLES, run_cli

EXAMPLE_FILES = sorted(str(p) for p in pathlib.Path(EXAMPLES).iterdir() if p.is_file())

# A wrong password twice, then a connection: three attempts to one network of one device.
LOG = b"""\
2026-03-02T08:00:00+01:00 pi wpa_supplicant[700]: wlan0: SME: Trying to authenticate with 02:00:00:a1:00:01 (SSID='Lab' freq=2412 MHz)
2026-03-02T08:00:00+01:00 pi wpa_supplicant[700]: wlan0: Trying to associate with 02:00:00:a1:00:01 (SSID='Lab' freq=2412 MHz)
2026-03-02T08:00:00+01:00 pi wpa_supplicant[700]: wlan0: Associated with 02:00:00:a1:00:01
2026-03-02T08:00:04+01:00 pi wpa_supplicant[700]: wlan0: WPA: 4-Way Handshake failed - pre-shared key may be incorrect
2026-03-02T08:00:04+01:00 pi wpa_supplicant[700]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:a1:00:01 reason=15
2026-03-02T08:00:14+01:00 pi wpa_supplicant[700]: wlan0: SME: Trying to authenticate with 02:00:00:a1:00:01 (SSID='Lab' freq=2412 MHz)
2026-03-02T08:00:14+01:00 pi wpa_supplicant[700]: wlan0: Trying to associate with 02:00:00:a1:00:01 (SSID='Lab' freq=2412 MHz)
2026-03-02T08:00:14+01:00 pi wpa_supplicant[700]: wlan0: Associated with 02:00:00:a1:00:01
2026-03-02T08:00:18+01:00 pi wpa_supplicant[700]: wlan0: WPA: 4-Way Handshake failed - pre-shared key may be incorrect
2026-03-02T08:00:18+01:00 pi wpa_supplicant[700]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:a1:00:01 reason=15
2026-03-02T08:01:30+01:00 pi wpa_supplicant[700]: wlan0: SME: Trying to authenticate with 02:00:00:a1:00:01 (SSID='Lab' freq=2412 MHz)
2026-03-02T08:01:30+01:00 pi wpa_supplicant[700]: wlan0: Trying to associate with 02:00:00:a1:00:01 (SSID='Lab' freq=2412 MHz)
2026-03-02T08:01:30+01:00 pi wpa_supplicant[700]: wlan0: Associated with 02:00:00:a1:00:01
2026-03-02T08:01:31+01:00 pi wpa_supplicant[700]: wlan0: WPA: Key negotiation completed with 02:00:00:a1:00:01 [PTK=CCMP GTK=CCMP]
2026-03-02T08:01:31+01:00 pi wpa_supplicant[700]: wlan0: CTRL-EVENT-CONNECTED - Connection to 02:00:00:a1:00:01 completed [id=0 id_str=]
"""
# The same lines without their offset (a syslog server's local time), for tz and year.
SYSLOG = b"""\
Mar  2 08:00:00 pi wpa_supplicant[700]: wlan0: Trying to associate with 02:00:00:a1:00:01 (SSID='Lab' freq=2412 MHz)
Mar  2 08:00:00 pi wpa_supplicant[700]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:a1:00:01 status_code=17
"""


def cli_report(*args):
    rc, out, err = run_cli("diagnose", "--format", "json", *args)
    return rc, json.loads(out), err


def attempts(report):
    return [a for g in report["groups"] for a in g["attempts"]]


def test_a_report_of_attempts_from_bytes():
    r = wlancode.diagnose(LOG, source="pi.log")
    assert r["schema"] == "wlancode-diagnose/1"
    assert r["totals"]["attempts"] == 3 and r["totals"]["failed"] == 2 and r["totals"]["succeeded"] == 1
    got = [(a["count"], a["outcome"], a["phase"]) for a in attempts(r)]
    assert got == [(2, "failed", "key_exchange"), (1, "succeeded", "success")]
    assert attempts(r)[0]["cause"] == "wrong_password"
    assert r["causes"][0]["id"] == "wrong_password"
    assert r["inputs"] == [{"source": "pi.log", "error": None}]
    assert attempts(r)[0]["start"] == "2026-03-02T07:00:00Z"  # the offset applied
    assert "Lab" in r["verdict"]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=os.path.basename)
def test_every_example_agrees_with_the_cli(path):
    _, want, _ = cli_report(path)
    assert wlancode.diagnose(path) == want
    assert wlancode.diagnose(pathlib.Path(path)) == want


def test_several_paths_and_a_directory_as_the_cli_reads_them():
    two = [os.path.join(EXAMPLES, "wpa_supplicant.log"), os.path.join(EXAMPLES, "networkmanager.log")]
    assert wlancode.diagnose(two) == cli_report(*two)[1]
    assert wlancode.diagnose(tuple(two)) == cli_report(*two)[1]
    assert wlancode.diagnose(EXAMPLES) == cli_report(EXAMPLES)[1]


def test_bytes_agree_with_the_file(tmp_path):
    p = tmp_path / "pi.log"
    p.write_bytes(LOG)
    from_file = json.dumps(wlancode.diagnose(str(p))).replace(json.dumps(str(p))[1:-1], "mem")
    assert json.dumps(wlancode.diagnose(LOG, source="mem")) == from_file
    assert wlancode.diagnose(bytearray(LOG), source="mem") == wlancode.diagnose(memoryview(LOG), source="mem")
    assert wlancode.diagnose(gzip.compress(LOG), source="mem") == wlancode.diagnose(LOG, source="mem")
    utf16 = b"\xff\xfe" + LOG.decode().encode("utf-16-le")
    assert wlancode.diagnose(utf16, source="mem")["totals"] == wlancode.diagnose(LOG)["totals"]


def test_redact_leaves_no_name_nor_address():
    plain = wlancode.diagnose(LOG)
    r = wlancode.diagnose(LOG, redact=True)
    text = json.dumps(r)
    assert "'Lab'" not in text and "`Lab`" not in text and '"Lab"' not in text
    assert "02:00:00:a1:00:01" not in text and '"pi"' not in text
    assert r["totals"] == plain["totals"]
    assert [g["network"]["ssid"] for g in r["groups"]] == ["ssid-1"]


def test_redact_agrees_with_the_cli():
    # A MAC's tag is salted per run (docs/scan.md): equal but for the tags.
    def untagged(report):
        return re.sub(r"\[(mac|ssid|user):[0-9a-f]{12}\]", r"[\1]", json.dumps(report))
    for path in (os.path.join(EXAMPLES, "wpa_supplicant.log"), os.path.join(EXAMPLES, "hostapd.log")):
        assert untagged(wlancode.diagnose(path, redact=True)) == untagged(cli_report("--redact", path)[1])


def test_tz_and_year_place_stamps_without_them():
    utc = attempts(wlancode.diagnose(SYSLOG, year=2025))[0]
    berlin = attempts(wlancode.diagnose(SYSLOG, year=2025, tz="Europe/Berlin"))[0]
    plus2 = attempts(wlancode.diagnose(SYSLOG, year=2025, tz="+02:00"))[0]
    assert utc["start"] == "2025-03-02T08:00:00Z"
    assert berlin["start"] == "2025-03-02T07:00:00Z"  # CET in March, before the switch
    assert plus2["start"] == "2025-03-02T06:00:00Z"
    assert attempts(wlancode.diagnose(SYSLOG, year=2019))[0]["start"].startswith("2019-")
    assert attempts(wlancode.diagnose(SYSLOG, year=2200))[0]["start"].startswith("2200-")
    assert utc["outcome"] == "failed" and utc["phase"] == "association"


def test_jobs_give_the_same_report(tmp_path):
    p = tmp_path / "big.log"
    p.write_bytes(LOG * 2000)  # past the size -j splits at
    assert wlancode.diagnose(str(p), jobs=2) == wlancode.diagnose(str(p))


def test_unreadable_inputs_raise_or_go_to_on_error(tmp_path):
    missing = str(tmp_path / "missing.log")
    with pytest.raises(wlancode.ScanError) as e:
        wlancode.diagnose(missing)
    assert e.value.errno == errno.ENOENT and e.value.source == missing
    seen = []
    good = os.path.join(EXAMPLES, "wpa_supplicant.log")
    r = wlancode.diagnose([missing, good], on_error=seen.append)
    assert [s.source for s in seen] == [missing]
    assert r["inputs"] == [{"source": missing, "error": os.strerror(errno.ENOENT)}, {"source": good, "error": None}]
    assert r["totals"]["attempts"] > 0


def test_a_directory_notice_is_a_warning(tmp_path):
    (tmp_path / "a.log").write_bytes(LOG)
    os.mkfifo(tmp_path / "fifo")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = wlancode.diagnose(str(tmp_path))
    assert r["totals"]["attempts"] == 3
    assert any("skipped" in str(x.message) for x in w)


@pytest.mark.parametrize("data", [b"", b"\x00" * 100, b"\xff\xfe\xfd garbage \x80\x81\n" * 50, os.urandom(4096),
                                  LOG.replace(b"'Lab'", b"'L\xffb\x00'"), gzip.compress(LOG)[:40]],
                         ids=["empty", "nul", "invalid-utf8", "random", "bad-ssid", "truncated-gzip"])
def test_bad_bytes_give_a_report_or_a_clean_error(data):
    try:
        r = wlancode.diagnose(data)
    except wlancode.ScanError as e:
        assert e.source == "<bytes>" and e.message
        return
    assert r["schema"] == "wlancode-diagnose/1"
    json.dumps(r, ensure_ascii=False).encode("utf-8")  # every string valid Unicode


@pytest.mark.parametrize("kwargs, exc", [
    ({"tz": "Nowhere/Atlantis"}, ValueError),
    ({"tz": 2}, TypeError),
    ({"year": 1900}, ValueError),
    ({"year": 2201}, ValueError),  # the CLI's --year range
    ({"year": True}, TypeError),
    ({"year": "2025"}, TypeError),
    ({"jobs": 0}, ValueError),
    ({"jobs": 257}, ValueError),
    ({"jobs": True}, TypeError),
    ({"input_format": "nope"}, ValueError),
    ({"max_line": 10}, ValueError),
    ({"source": 3}, TypeError),
])
def test_bad_arguments_raise(kwargs, exc):
    with pytest.raises(exc):
        wlancode.diagnose(LOG, **kwargs)


@pytest.mark.parametrize("what, exc", [(3, TypeError), ([3], TypeError), ([], ValueError), ("", ValueError),
                                       ("a\0b", ValueError), (None, TypeError)])
def test_bad_inputs_raise(what, exc):
    with pytest.raises(exc):
        wlancode.diagnose(what)
