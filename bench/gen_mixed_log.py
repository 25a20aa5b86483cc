#!/usr/bin/env python3
"""Writes N MiB of a realistic mixed Linux Wi-Fi log (syslog/journal wrappers of wpa_supplicant,
hostapd, kernel mac80211, NetworkManager, iwd, plus symbolic-name lines); about 1% of the lines
carry a code. Deterministic (fixed seed). Usage: gen_mixed_log.py MIB OUT"""
import random
import sys

def main():
    mib = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
    out = sys.argv[2] if len(sys.argv) > 2 else "bench/data/mixed.log"
    rnd = random.Random(20231121)
    macs = ["02:00:00:%02x:%02x:%02x" % (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)) for _ in range(64)]
    ssids = ["CorpWiFi", "HomeNet", "Guest", "Lab-5G"]
    reasons = [1, 2, 3, 4, 6, 7, 8, 15, 23, 34]
    statuses = [0, 1, 12, 17, 30, 37, 53]
    noise = [
        "{h} kernel: [{up:>12.6f}] wlan0: authenticate with {mac}",
        "{h} kernel: [{up:>12.6f}] wlan0: send auth to {mac} (try 1/3)",
        "{h} kernel: [{up:>12.6f}] wlan0: associated",
        "{h} kernel: [{up:>12.6f}] iwlwifi 0000:00:14.3: Unhandled alg: 0x707",
        "{h} kernel: [{up:>12.6f}] usb 1-2: reset high-speed USB device number 3 using xhci_hcd",
        "{h} NetworkManager[700]: <info>  [{ts:.4f}] device (wlp2s0): supplicant interface state: associating -> completed",
        "{h} NetworkManager[700]: <info>  [{ts:.4f}] dhcp4 (wlp2s0): state changed new lease, address=192.168.1.{n}",
        "{h} NetworkManager[700]: <info>  [{ts:.4f}] device (wlp2s0): state change: activated -> failed (reason 'supplicant-disconnect', sys-iface-state: 'managed')",
        "{h} wpa_supplicant[812]: wlan0: CTRL-EVENT-SCAN-STARTED ",
        "{h} wpa_supplicant[812]: wlan0: CTRL-EVENT-SUBNET-STATUS-UPDATE status=0",
        "{h} wpa_supplicant[812]: wlan0: Trying to associate with {mac} (SSID='{ssid}' freq=5180 MHz)",
        "{h} wpa_supplicant[812]: wlan0: CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"{ssid}\" auth_failures=1 duration=10 reason=CONN_FAILED",
        "{h} hostapd[455]: wlan0: STA {mac} IEEE 802.11: associated (aid {n})",
        "{h} hostapd[455]: wlan0: AP-STA-CONNECTED {mac}",
        "{h} systemd[1]: Started Session {n} of user alice.",
        "{h} CRON[{pid}]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)",
        "{h} sshd[{pid}]: Accepted publickey for alice from 192.168.1.{n} port 52{n:03d} ssh2",
        "{h} iwd[512]: event: connect-info, ssid: {ssid}, bss: {mac}, signal: -{n}, load: 0/255",
    ]
    coded = [
        "{h} wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid={mac} reason={r}",
        "{h} wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid={mac} reason={r} locally_generated=1",
        "{h} wpa_supplicant[812]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid={mac} status_code={s}",
        "{h} kernel: [{up:>12.6f}] wlan0: deauthenticated from {mac} (Reason: {r}=X)",
        "{h} kernel: [{up:>12.6f}] wlan0: RX AssocResp from {mac} (capab=0x1411 status={s} aid=2)",
        "{h} NetworkManager[700]: <warn>  [{ts:.4f}] sup-iface[0x55,wlp2s0]: connection disconnected (reason -{r})",
        "{h} hostapd[455]: wlan0: STA {mac} MLME: MLME-DEAUTHENTICATE.indication({mac}, {r})",
        "{h} iwd[512]: Received Deauthentication event, reason: {r}, from_ap: true",
        "{h} app[{pid}]: connect failed: WLAN_REASON_CODE_MSMSEC_PSK_MISMATCH_SUSPECTED",
    ]
    target = mib * 1024 * 1024
    written = 0
    t = 1700000000.0
    up = 100.0
    lines = 0
    months = "Nov"
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        buf = []
        while written < target:
            t += rnd.random() * 0.2
            up += rnd.random() * 0.2
            sec = int(t) % 86400
            h = "%s %2d %02d:%02d:%02d laptop" % (months, 21 + (int(t) // 86400) % 8, sec // 3600, sec % 3600 // 60, sec % 60)
            tmpl = rnd.choice(coded) if rnd.random() < 0.01 else rnd.choice(noise)
            line = tmpl.format(h=h, up=up, ts=t, mac=rnd.choice(macs), ssid=rnd.choice(ssids), n=rnd.randrange(1, 250),
                               pid=rnd.randrange(1000, 60000), r=rnd.choice(reasons), s=rnd.choice(statuses)) + "\n"
            buf.append(line)
            written += len(line)
            lines += 1
            if len(buf) >= 4096:
                f.write("".join(buf))
                buf = []
        f.write("".join(buf))
    print(f"{out}: {written} bytes, {lines} lines", file=sys.stderr)

if __name__ == "__main__":
    main()
