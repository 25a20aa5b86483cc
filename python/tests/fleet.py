"""A generated fleet of device logs (the project's own sample lines, varied per device): mixed
formats, some gzip, some UTF-16, a few unreadable. Used by test_dask.py and bench/."""
import gzip
import os

LINES = [
    "Nov 21 09:{m:02d}:{s:02d} dev wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:{d:02x}:01 "
    "reason={r} locally_generated=1",
    "Nov 21 09:{m:02d}:{s:02d} dev wpa_supplicant[812]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:{d:02x}:02 "
    "status_code={st}",
    "[ {m}{s:02d}.553120] wlan0: deauthenticated from 02:00:00:30:{d:02x}:01 (Reason: 7=CLASS3_FRAME_FROM_NONASSOC_STA)",
    "Nov 21 09:{m:02d}:{s:02d} dev NetworkManager[701]: <info>  [1700000000.{s:04d}] device (wlan0): supplicant "
    "interface state: completed -> disconnected",
    "Nov 21 09:{m:02d}:{s:02d} dev app[99]: heartbeat ok, nothing to report {d}",
]


def write_fleet(root, devices=200, lines_per_device=60):
    """Writes the fleet under root; returns (readable paths, unreadable paths) in sorted order."""
    os.makedirs(root, exist_ok=True)
    paths, bad = [], []
    for d in range(devices):
        body = "\n".join(LINES[(d + i) % len(LINES)].format(m=i % 60, s=(d + i) % 60, d=d % 256, r=1 + (d + i) % 9,
                                                             st=1 + (d * i) % 40)
                         for i in range(lines_per_device)) + "\n"
        name = os.path.join(root, f"device-{d:03d}")
        if d % 50 == 7:  # a few unreadable: missing, or gzip cut short
            if d % 100 == 7:
                bad.append(name + ".log")  # never written
            else:
                with open(name + ".log.gz", "wb") as f:
                    f.write(gzip.compress(body.encode() * 50)[:200])
                bad.append(name + ".log.gz")
            continue
        if d % 5 == 0:
            name += ".log.gz"
            with open(name, "wb") as f:
                f.write(gzip.compress(body.encode()))
        elif d % 7 == 0:
            name += ".log"
            with open(name, "wb") as f:
                f.write(b"\xff\xfe" + body.encode("utf-16-le"))
        else:
            name += ".log"
            with open(name, "w") as f:
                f.write(body)
        paths.append(name)
    return sorted(paths), sorted(bad)
