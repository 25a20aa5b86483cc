"""Decodes the WLAN_REASON_CODE column of a telemetry CSV with pandas and wlancode.

    PYTHONPATH=build/python python3 examples/python/decode_telemetry.py [examples/python/telemetry.csv]
"""
import os
import sys

import pandas as pd

import wlancode

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "telemetry.csv")
# Codes arrive as "0x..." or decimal text, some rows without one: read as text, parse, keep NA.
df = pd.read_csv(path, dtype={"reason_code": "string"})
df["reason"] = df["reason_code"].map(lambda s: int(s, 0), na_action="ignore").astype("Int64")
df = df.assign(**wlancode.explain_many(df["reason"], wlancode.Family.wlan_reason, prefix="reason_"))
print(df[["device", "event", "reason_code", "reason_name", "reason_phase"]].to_string(index=False))
print()
print(df.groupby(["reason_phase", "reason_initiator"]).size().rename("events").to_string())
