#!/usr/bin/env python3
"""Writes N MiB of a synthetic log for the scan benchmarks (deterministic, fixed seed).
Usage: gen_log.py KIND MIB OUT
  sparse  one Wi-Fi line in 100 (any producer), the rest ordinary syslog/journal lines
  dense   Wi-Fi lines only, of many producers, about one in seven carrying a code (roughly 1,200
          findings per MiB, as a busy access point's or a fleet's Wi-Fi log)
  mixed   the older benchmark log: Wi-Fi daemons' chatter with decoys, about 1% of lines with a code
Lines are written by the project in each producer's format (see src/scan/grammar/rules.def)."""
import random
import sys

MACS = None


def wifi_lines(rnd, h, mac, ssid, r, s, n, pid):
    return [
        f"{h} wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid={mac} reason={r}",
        f"{h} wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid={mac} reason={r} locally_generated=1",
        f"{h} wpa_supplicant[812]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid={mac} status_code={s}",
        f"{h} wpa_supplicant[812]: wlan0: CTRL-EVENT-AUTH-REJECT {mac} auth_type=0 auth_transaction=2 status_code={s}",
        f"{h} wpa_supplicant[812]: nl80211: Connect event (status={s} ignore_next_local_disconnect=0)",
        f"{h} wpa_supplicant[812]: wlan0: WPS-FAIL msg=8 config_error={rnd.choice([15, 16, 18])}",
        f"{h} kernel: [{n}.{pid:06d}] wlan0: deauthenticated from {mac} (Reason: {r}=PREV_AUTH_NOT_VALID)",
        f"{h} kernel: [{n}.{pid:06d}] wlan0: RX AssocResp from {mac} (capab=0x1411 status={s} aid=2)",
        f"{h} kernel: [{n}.{pid:06d}] wlan0: {mac} denied association (code={s})",
        f"{h} NetworkManager[700]: <warn>  [1700000000.{pid:04d}] sup-iface[0x55,wlp2s0]: connection disconnected (reason -{r})",
        f"{h} hostapd: wlan0: STA {mac} MLME: MLME-DEAUTHENTICATE.indication({mac}, {r})",
        f"{h} iwd[512]: Received Deauthentication event, reason: {r}, from_ap: true",
        f"{h} wlceventd: WLCEVENTD wlceventd_proc_event({pid % 900}): eth6: Disassoc {mac}, status: 0, reason: Disassociated due to inactivity (4)",
        f"[ {n}.{pid:06d}] wifi_log: [Class 2 - SEND DISASSOC] - if=\"wl1\", sta_mac=\"{mac}\", action=\"send-disassoc\", reason=\"{r}\", Aid=\"{n % 8}\"",
        f"D ({n}{pid % 1000}) event: SYSTEM_EVENT_STA_DISCONNECTED, ssid:{ssid}, ssid_len:{len(ssid)}, bssid:{mac}, reason:{rnd.choice([2, 8, 201, 204])}",
        f"[{n:6d}][W][WiFiGeneric.cpp:1061] _eventCallback(): Reason: {rnd.choice([2, 15, 201, 202])} - AUTH_FAIL",
        f"[0]0A1C.0B2C::11/21/2023-10:12:{n % 60:02d}.{pid:06d} [Microsoft-Windows-NWiFi]DisAssoc: 0x8D Mac: {mac} Reason: 0x{0x10000 + r:x}",
        f"{h} app[{pid}]: connect failed: WLAN_REASON_CODE_MSMSEC_PSK_MISMATCH_SUSPECTED",
        f"{h} wpa_supplicant[812]: wlan0: Trying to associate with {mac} (SSID='{ssid}' freq=5180 MHz)",
        f"{h} wpa_supplicant[812]: wlan0: CTRL-EVENT-CONNECTED - Connection to {mac} completed [id=0 id_str=]",
        f"{h} kernel: [{n}.{pid:06d}] wlan0: authenticate with {mac}",
        f"{h} NetworkManager[700]: <info>  [1700000000.{pid:04d}] device (wlp2s0): state change: config -> ip-config (reason 'none', sys-iface-state: 'managed')",
    ]


OTHER = [
    "{h} systemd[1]: Started Session {n} of user alice.",
    "{h} CRON[{pid}]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)",
    "{h} sshd[{pid}]: Accepted publickey for alice from 192.168.1.{n} port 52{n:03d} ssh2",
    "{h} kernel: [{n}.{pid:06d}] usb 1-2: reset high-speed USB device number 3 using xhci_hcd",
    "{h} dbus-daemon[640]: [system] Successfully activated service 'org.freedesktop.hostname1'",
    "{h} systemd-logind[610]: New session {n} of user bob.",
    "{h} kernel: [{n}.{pid:06d}] EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null)",
    "{h} nginx[{pid}]: 192.168.1.{n} - - \"GET /index.html HTTP/1.1\" 200 612 \"-\" \"curl/7.88\"",
    "{h} postfix/smtpd[{pid}]: connect from unknown[10.0.0.{n}]",
    "{h} systemd[1]: Finished Daily apt upgrade and clean activities.",
    "{h} chronyd[590]: Selected source 192.168.1.1 (pool.ntp.org)",
    "{h} kernel: [{n}.{pid:06d}] audit: type=1400 audit({n}.{pid}:12): apparmor=\"STATUS\" operation=\"profile_load\"",
]

MIXED_NOISE = [
    "{h} kernel: [{n}.{pid:06d}] wlan0: send auth to {mac} (try 1/3)",
    "{h} kernel: [{n}.{pid:06d}] wlan0: associated",
    "{h} kernel: [{n}.{pid:06d}] iwlwifi 0000:00:14.3: Unhandled alg: 0x707",
    "{h} NetworkManager[700]: <info>  [1700000000.{pid:04d}] device (wlp2s0): supplicant interface state: associating -> completed",
    "{h} NetworkManager[700]: <info>  [1700000000.{pid:04d}] device (wlp2s0): state change: activated -> failed (reason 'supplicant-disconnect', sys-iface-state: 'managed')",
    "{h} wpa_supplicant[812]: wlan0: CTRL-EVENT-SCAN-STARTED ",
    "{h} wpa_supplicant[812]: wlan0: CTRL-EVENT-SUBNET-STATUS-UPDATE status=0",
    "{h} wpa_supplicant[812]: wlan0: Trying to associate with {mac} (SSID='{ssid}' freq=5180 MHz)",
    "{h} wpa_supplicant[812]: wlan0: CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"{ssid}\" auth_failures=1 duration=10 reason=CONN_FAILED",
    "{h} hostapd[455]: wlan0: STA {mac} IEEE 802.11: associated (aid {n})",
    "{h} iwd[512]: event: connect-info, ssid: {ssid}, bss: {mac}, signal: -{n}, load: 0/255",
]


def main():
    kind, mib, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rnd = random.Random(20261201)
    macs = ["02:00:00:%02x:%02x:%02x" % (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)) for _ in range(64)]
    ssids = ["CorpWiFi", "HomeNet", "Guest", "Lab-5G"]
    reasons = [1, 2, 3, 4, 6, 7, 8, 15, 23, 34]
    statuses = [0, 1, 12, 17, 30, 37, 53]
    target = mib * 1024 * 1024
    written = lines = 0
    t = 1700000000
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        buf = []
        while written < target:
            t += rnd.randrange(2)
            sec = t % 86400
            h = "Nov %2d %02d:%02d:%02d laptop" % (21 + (t // 86400) % 8, sec // 3600, sec % 3600 // 60, sec % 60)
            n, pid = rnd.randrange(1, 250), rnd.randrange(1000, 60000)
            mac, ssid = rnd.choice(macs), rnd.choice(ssids)
            r, s = rnd.choice(reasons), rnd.choice(statuses)
            if kind == "dense":
                if rnd.random() < 0.15:
                    line = rnd.choice(wifi_lines(rnd, h, mac, ssid, r, s, n, pid)[:18])
                else:
                    line = rnd.choice(wifi_lines(rnd, h, mac, ssid, r, s, n, pid)[18:] +
                                      [x.format(h=h, n=n, pid=pid, mac=mac, ssid=ssid) for x in MIXED_NOISE])
            elif kind == "sparse" and rnd.random() < 0.01:
                line = rnd.choice(wifi_lines(rnd, h, mac, ssid, r, s, n, pid))
            elif kind == "sparse":
                line = rnd.choice(OTHER).format(h=h, n=n, pid=pid)
            else:  # mixed
                if rnd.random() < 0.01:
                    line = rnd.choice(wifi_lines(rnd, h, mac, ssid, r, s, n, pid)[:18])
                else:
                    line = rnd.choice(MIXED_NOISE + OTHER[:4]).format(h=h, n=n, pid=pid, mac=mac, ssid=ssid)
            line += "\n"
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
