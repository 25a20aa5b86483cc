"""The code-table functions, against hand-typed values (Windows SDK wlanapi.h, IEEE 802.11 Table 9-49)."""
import pickle

import pytest

import wlancode
from wlancode import Family


def test_family_enum_from_the_library_list():
    assert [f.name for f in Family][:3] == ["wlan_reason", "wdi_assoc_status", "wcn_session_status"]
    assert "esp_wifi_reason" in Family.__members__ and "ieee80211_status" in Family.__members__
    assert Family.wlan_reason.bits == 32 and Family.ieee80211_reason.bits == 16
    assert Family.wlan_reason.type_name == "WLAN_REASON_CODE"
    assert int(Family.ieee80211_reason) == Family["ieee80211_reason"].value


def test_explain_by_value_name_and_family():
    (c,) = wlancode.explain(0x00048014)
    assert c.name == "WLAN_REASON_CODE_MSMSEC_PSK_MISMATCH_SUSPECTED"
    assert c.value == 294932 and c.hex == "0x00048014" and c.family is Family.wlan_reason
    assert c.phase == "key_exchange"
    assert wlancode.explain("0x48014") == [c]
    assert wlancode.explain("psk mismatch suspected") == [c]
    assert [x.name for x in wlancode.explain(-3)] == ["WLAN_REASON_DEAUTH_LEAVING"]  # NetworkManager's -3
    named = wlancode.explain(3, family="ieee80211_status")
    assert [x.family for x in named] == [Family.ieee80211_status]
    assert wlancode.explain(3, Family.ieee80211_reason)[0].name == "WLAN_REASON_DEAUTH_LEAVING"
    assert wlancode.explain("NO_SUCH_CODE_ANYWHERE_XYZ") == []


@pytest.mark.parametrize("bad, exc", [(2**32, OverflowError), (-(2**31) - 1, OverflowError), (2**70, OverflowError),
                                      (1.5, TypeError), (b"0x3", TypeError), (None, TypeError), (True, TypeError),
                                      ("", ValueError), ("\udcff", UnicodeEncodeError)])
def test_explain_bad_input(bad, exc):
    with pytest.raises(exc):
        wlancode.explain(bad)


def test_bad_families():
    with pytest.raises(ValueError):
        wlancode.codes("no_such_family")
    with pytest.raises(ValueError):
        wlancode.codes(99)
    with pytest.raises(TypeError):
        wlancode.codes(None)
    with pytest.raises(TypeError):
        wlancode.find(1.0, 3)


def test_find_and_code_object():
    c = wlancode.find("ieee80211_reason", 3)
    assert c.name == "WLAN_REASON_DEAUTH_LEAVING" and c.hex == "0x0003"
    assert wlancode.find(Family.ieee80211_reason, "deauth_leaving") == c
    assert hash(c) == hash(wlancode.find(3, 3))
    assert wlancode.find("ieee80211_reason", 0xFFFF) is None
    assert wlancode.find("wlan_reason", 0x0002800B).name == "WLAN_REASON_CODE_NETWORK_NOT_AVAILABLE"
    assert "WLAN_REASON_DEAUTH_LEAVING" in repr(c) and "0x0003" in repr(c)
    d = c.to_dict()
    assert list(d) == ["family", "name", "value", "hex", "section", "meaning", "phase", "initiator", "hint"]
    assert d["family"] == "ieee80211_reason" and d["value"] == 3
    assert d["hint"] is None or d["hint"]["heuristic"] is True
    with pytest.raises(AttributeError):
        c.value = 4
    with pytest.raises(OverflowError):
        wlancode.find("wlan_reason", 2**33)


def test_classify():
    r = wlancode.classify("wlan_reason", 0x00047777)
    assert r["code"] is None and r["range"]["label"] == "MSM security range"
    assert r["offset"] == 0x7777 and "unlisted code +0x7777" in r["description"]
    listed = wlancode.classify("wlan_reason", 0x00048014)
    assert listed["code"].name.endswith("PSK_MISMATCH_SUSPECTED") and listed["offset"] == 0x14
    with pytest.raises(TypeError):
        wlancode.classify("wlan_reason", "0x3")


def test_codes_of_every_family():
    total = 0
    for f in Family:
        cs = wlancode.codes(f)
        assert cs and all(c.family is f for c in cs)
        total += len(cs)
    assert total > 400
    assert wlancode.codes("ieee80211_reason")[0].value == 0 or wlancode.codes("ieee80211_reason")[0].value == 1


def test_match_text():
    (m, *_) = wlancode.match_text("Failure Reason: The specific network is not available.")
    assert m.code.value == 0x0002800B and m.exact and m.score == 1.0
    assert wlancode.match_text("zzzz qqqq") == []
    with pytest.raises(TypeError):
        wlancode.match_text(b"bytes")


def test_reason_to_string():
    assert wlancode.reason_to_string(0x0002800B).startswith("The specific network is not available")
    assert "range" in wlancode.reason_to_string(0x7FFFFFF0) or wlancode.reason_to_string(0x7FFFFFF0)
    with pytest.raises(OverflowError):
        wlancode.reason_to_string(-(2**40))


def test_scan_error_is_an_oserror_and_pickles():
    e = wlancode.ScanError("/x", "No such file or directory")
    assert isinstance(e, OSError) and e.errno == 2 and str(e) == "/x: No such file or directory"
    assert str(pickle.loads(pickle.dumps(e))) == str(e)


def test_help_is_useful():
    doc = wlancode.__doc__
    for name in ("explain", "scan", "explain_many", "ScanError", "Family"):
        assert name in doc
    for f in (wlancode.explain, wlancode.find, wlancode.classify, wlancode.codes, wlancode.match_text,
              wlancode.reason_to_string, wlancode.scan, wlancode.explain_many, wlancode.Code, wlancode.Family):
        assert f.__doc__ and len(f.__doc__) > 40
