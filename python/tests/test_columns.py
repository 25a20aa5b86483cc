"""explain_many: lists, numpy arrays, pandas Series; missing and bad values."""
import numpy as np
import pandas as pd
import pytest

import wlancode

# Hand-typed: IEEE 802.11 reason 3 (DEAUTH_LEAVING), 1 (UNSPECIFIED); WLAN_REASON_CODE 0x0002800B.
REASON_3 = "WLAN_REASON_DEAUTH_LEAVING"


def test_list_and_missing_values():
    cols = wlancode.explain_many([3, 1, None, float("nan"), 0xFFFF, -3], "ieee80211_reason")
    assert list(cols) == ["name", "meaning", "phase", "initiator"]
    assert cols["name"][0] == REASON_3 and cols["name"][1] == "WLAN_REASON_UNSPECIFIED"
    assert cols["name"][2] is None and cols["meaning"][3] is None and cols["phase"][2] is None
    assert cols["name"][4] is None and cols["phase"][4] == "unknown" and cols["meaning"][4]
    assert cols["name"][5] == REASON_3  # NetworkManager's -3
    assert cols["meaning"][0] == wlancode.find("ieee80211_reason", 3).meaning


@pytest.mark.parametrize("dtype", ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
                                   "float32", "float64"])
def test_numpy_dtypes(dtype):
    cols = wlancode.explain_many(np.array([3, 1, 3], dtype=dtype), "ieee80211_reason")
    assert cols["name"] == [REASON_3, "WLAN_REASON_UNSPECIFIED", REASON_3]


def test_strided_and_pandas():
    a = np.array([[3, 0], [1, 0]], dtype=np.int64)[:, 0]
    assert wlancode.explain_many(a, "ieee80211_reason")["name"] == [REASON_3, "WLAN_REASON_UNSPECIFIED"]
    df = pd.DataFrame({"code": [0x0002800B, 0x00048014]})
    out = df.assign(**wlancode.explain_many(df["code"], wlancode.Family.wlan_reason, prefix="reason_"))
    assert list(out.columns) == ["code", "reason_name", "reason_meaning", "reason_phase", "reason_initiator"]
    assert out.reason_name[0] == "WLAN_REASON_CODE_NETWORK_NOT_AVAILABLE"
    nullable = pd.Series([3, None], dtype="Int64")
    assert wlancode.explain_many(nullable, "ieee80211_reason")["name"] == [REASON_3, None]
    assert wlancode.explain_many(pd.Series([3.0, np.nan]), "ieee80211_reason")["name"] == [REASON_3, None]
    assert wlancode.explain_many([], "wlan_reason") == {"name": [], "meaning": [], "phase": [], "initiator": []}


@pytest.mark.parametrize("values, exc", [([2**32], OverflowError), ([-(2**31) - 1], OverflowError),
                                         ([2**80], OverflowError), (["3"], TypeError), ([True], TypeError),
                                         ([1.5], ValueError), (np.array([2**40]), OverflowError),
                                         (np.array([1e12]), ValueError), ("123", TypeError), (b"12", TypeError),
                                         (np.zeros((2, 2)), ValueError), (np.array(["a"]), TypeError), (5, TypeError),
                                         (np.array([2**63], dtype=np.uint64), OverflowError)])
def test_bad_values(values, exc):
    with pytest.raises(exc):
        wlancode.explain_many(values, "ieee80211_reason")


def test_bad_family():
    with pytest.raises(ValueError):
        wlancode.explain_many([3], "nope")
    with pytest.raises(TypeError):
        wlancode.explain_many([3], None)


def test_the_telemetry_example_runs():
    import os
    import subprocess
    import sys
    here = os.path.dirname(__file__)
    script = os.path.join(here, "..", "..", "examples", "python", "decode_telemetry.py")
    out = subprocess.run([sys.executable, script], capture_output=True, text=True, check=True).stdout
    assert "WLAN_REASON_CODE_MSMSEC_PSK_MISMATCH_SUSPECTED" in out and "key_exchange" in out
