// The grammar's own sample lines: every WLANCODE_SAMPLE of src/scan/grammar/rules.def and every
// WLANCODE_KEY_SAMPLE of keys.def must give exactly its expected findings (and, for a rule's
// sample, the finding must come from that rule). Decoys of every kind give none.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "internal.hpp"
#include "text.hpp"

namespace {

using namespace scan_test;

struct sample {
  const char* rule;  // "" for a generic-key sample
  const char* line;
  const char* expected;
};

constexpr sample samples[] = {
#define WLANCODE_SAMPLE(id, line, expected) {#id, line, expected},
#include "grammar/rules.def"
#define WLANCODE_KEY_SAMPLE(line, expected) {"", line, expected},
#include "grammar/keys.def"
};

// "family:value[:local]" or "raw:space:value" of each finding.
std::multiset<std::string> got_of(const std::vector<wlancode::scan::finding>& fs) {
  std::multiset<std::string> out;
  for (const auto& f : fs) {
    std::string k;
    if (f.fam) {
      k = wlancode::to_string(*f.fam);
    } else {
      k = "raw:";
      k += f.space;
    }
    k += ':';
    k += std::to_string(f.value);
    if (f.locally_generated) k += ":local";
    out.insert(k);
  }
  return out;
}

std::multiset<std::string> expected_of(std::string_view s) {
  std::multiset<std::string> out;
  std::istringstream in{std::string(s)};
  for (std::string item; in >> item;) out.insert(item);
  return out;
}

TEST(GrammarSamples, EverySampleGivesItsFindings) {
  ASSERT_GT(std::size(samples), 60u);
  for (const sample& s : samples) {
    SCOPED_TRACE(std::string(s.rule) + ": " + s.line);
    const auto fs = scan(std::string(s.line) + "\n");
    EXPECT_EQ(got_of(fs), expected_of(s.expected));
    if (*s.rule) {
      for (const auto& f : fs) {
        if (!f.fam || expected_of(s.expected).size() == 1) {
          EXPECT_EQ(f.rule, s.rule);
        }
      }
    } else {
      for (const auto& f : fs) {
        EXPECT_TRUE(f.rule == "generic" || f.rule.find('_') != std::string::npos) << f.rule;
        EXPECT_GT(f.confidence, 0.0);
        EXPECT_LE(f.confidence, 1.0);
      }
    }
  }
}

TEST(GrammarSamples, EveryRuleHasASample) {
  std::set<std::string> with;
  for (const sample& s : samples)
    if (*s.rule) with.insert(s.rule);
  std::size_t ignored = 0;
  for (const auto& r : wlancode::scan::line_rules()) {
    // The rules of known non-codes are tested by their decoy samples where they have one.
    if (r.family == "ignore" && !with.count(std::string(r.id))) {
      ++ignored;
      continue;
    }
    if (r.id == "etw_nwifi_status" || r.id == "etw_autoconfig_reason") continue;  // covered below
    EXPECT_TRUE(with.count(std::string(r.id))) << r.id << " has no WLANCODE_SAMPLE";
  }
  EXPECT_LE(ignored, 1u);
}

TEST(GrammarSamples, RulesNameTheirProducer) {
  for (const auto& r : wlancode::scan::line_rules()) {
    SCOPED_TRACE(std::string(r.id));
    EXPECT_FALSE(r.key.empty());
    EXPECT_FALSE(r.field.empty());
    const auto& formats = wlancode::scan::input_formats();
    const auto it = std::find_if(formats.begin(), formats.end(), [&](const auto& f) { return f.id == r.format; });
    ASSERT_NE(it, formats.end());
    EXPECT_EQ(it->kind, "producer");
  }
}

// Numbers that are never codes, one kind per line: timestamps, PIDs, func(line), counters, AIDs,
// channels, frequencies, RSSI, state transitions, non-frame statuses, other code spaces, MACs as hex.
TEST(GrammarDecoys, NoFindingOnDecoyLines) {
  const char* decoys[] = {
      "Nov 21 10:12:34 laptop kernel: [ 6945.686202] wlan0: authenticate with 02:00:00:00:00:01",
      "Nov 21 10:12:34 laptop wpa_supplicant[1485]: wlan0: CTRL-EVENT-SCAN-FAILED ret=-16",
      "Feb 22 14:39:50 wlceventd: WLCEVENTD wlceventd_proc_event(420): eth5: Auth 02:00:00:00:00:05, status: 0",
      "wlan0: CTRL-EVENT-SIGNAL-CHANGE above=1 signal=-39 noise=9999 txrate=585000",
      "hostapd: wlan1: STA 02:00:00:00:00:01 IEEE802.11: associated (aid 1)",
      "wlan0: ap_sta_disconnect: reschedule ap_handle_timer timeout for 02:00:00:00:00:2a (5 seconds - "
      "AP_MAX_INACTIVITY_AFTER_DEAUTH)",
      "wlan0: STA 02:00:00:00:00:2a WPA: event 3 notification",
      "==========>received disassoc/deauth(c0) frame, reason code:0x1f2e3d",
      "[ 8360.351878] notify_wx_assoc_event(): Tell user space disconnected",
      "Station associated for Device ID AP_02-00-00-00-00-2C radio 4 station MAC 02:00:00:00:00:2d, Station status 1 "
      "userId Corp station count 10",
      "wlan0: RX AssocResp from 02:00:00:00:00:01 (capab=0x411 aid=1)",
      "state: 5 -> 0 (200)",
      "I (10245) wifi:state: run -> init (0xf00)",
      "[  6837][D][WiFiGeneric.cpp:1039] _eventCallback(): Arduino Event: 5 - STA_DISCONNECTED",
      "wlan0: CTRL-EVENT-SUBNET-STATUS-UPDATE status=0",
      "WPS:  * Device Password ID (4)",
      "[!] WPS transaction failed (code: 0x04), re-trying last pin",
      "wlan0: CTRL-EVENT-EAP-METHOD EAP vendor 0 method 25 (PEAP) selected",
      "wlan0: CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"Home\" auth_failures=1 duration=10 reason=CONN_FAILED",
      "[0]0000.0000::08/28/17-13:24:29.127 [Microsoft-Windows-NWiFi]DisAssoc: 0x020000000001",
      "[1]0C34.275C::08/28/17-13:24:28.960 [Microsoft-Windows-WLAN-AutoConfig]Port<13> SecMgr Transition START AUTH "
      "(3) --> WAIT FOR AUTH SUCCESS (4)",
      "device (wlp2s0): state change: activated -> failed (reason 'supplicant-disconnect') [100 120 8]",
      "rt2x00usb_vendor_request: Error - Vendor Request 0x07 failed for offset 0x1700 with error -110",
      "WPA: Send EAPOL(version=2 secure=0 mic=0 ack=1 install=0 pairwise=8 kde_len=0 keyidx=0 encr=0)",
      "scan report rssi: -51 bssid: 02:00:00:00:00:01",
      "[Driver]: association success(res=4)",
      "upstream returned status: 502 after 3 retries",
      "job 42 finished with status 1",
      // Other protocols' statuses on lines whose words suggest 802.11 (auth, reject): values the
      // standard does not list.
      "Mar  3 10:00:01 host nginx[1]: auth request failed with status 401 for /login",
      "Mar  3 10:00:01 host curl[2]: authentication rejected, status: 403",
      "Mar  3 10:00:01 host app[3]: connection rejected by upstream, status 503",
      "Mar  3 10:00:01 host app[4]: session disconnected, reason 1006 (abnormal closure)",
      "reason: timeout while waiting for lock",
      "register dump: 0x00030001 0x00048005 0x00028001",
      "wlan0: disconnect reason 3.5 seconds ago",
      // Android framework: the WifiManager auth-failure enum, message ids, pid/tid.
      "05-11 09:31:05.000  1877  2301 D WifiClientModeImpl[wlan0]: AUTHENTICATION_FAILURE_EVENT: reasonCode= 2, "
      "errorCode=-1",
      "05-11 09:31:05.100  1877  2301 D WifiClientModeImpl[wlan0]: ConnectingOrConnectedState "
      "!NETWORK_DISCONNECTION_EVENT uid=1000 rt=112233/445566 147460 0",
      "E/SupplicantStaIfaceHal( 1043): onAssociationRejected",
      // D-Bus dumps: properties that are not codes, a value with no key line before it.
      "         variant             int32 5",
      "{'ApScan': <uint32 1>, 'CurrentAuthMode': <'wpa2-psk'>, 'State': <'completed'>}",
      "{\"BSSExpireAge\":{\"type\":\"u\",\"data\":180},\"ScanInterval\":{\"type\":\"i\",\"data\":5}}",
      // macOS kernel: Apple's own "unknown reason" 255.
      "2024-03-02 08:15:42.000 kernel[0]: AirPort: Link Down on en0. Reason 255 (unknown reason).",
      // MikroTik RouterOS: signal strengths, no code.
      "mar/02 08:15:42 wireless,info 02:00:00:00:00:21@wlan1: disconnected, extensive data loss, signal strength -71",
      "mar/02 08:15:43 wireless,info 02:00:00:00:00:21@wlan1: connected, signal strength -36",
      // Aruba stm message ids and Cisco WLC delete reasons (vendor-internal, not 802.11; line shapes
      // from the research notes).
      "Mar  2 08:15:42 10.0.0.2 stm[3301]: <501105> <NOTI> |stm| Deauth from sta: 02:00:00:00:00:31: AP "
      "10.0.0.3-02:00:00:00:00:32-ap-1 Reason Response to Class 3 Frame",
      "*apfMsConnTask_2: Mar 02 08:15:42.120: 02:00:00:00:00:41 Deleting mobile on AP 02:00:00:00:00:42, reason 1",
      // Linux vendor drivers: firmware error ids, registers, counters.
      "iwlwifi 0000:00:14.3: Microcode SW error detected. Restarting 0x0.",
      "iwlwifi 0000:00:14.3: 0x00000084 | NMI_INTERRUPT_UNKNOWN",
      "ath10k_pci 0000:02:00.0: failed to flush sta txq (sta 02:00:00:00:00:01 skip 0 ar-state 1): 0",
      // macOS Broadcom (ARPT): the roam reason is Broadcom's WLC_E_REASON enum, not 802.11.
      "2/16/16 6:58:08.000 PM kernel[0]: ARPT: 20.061275: wl0: Roamed or switched channel, reason #8, bssid "
      "02:00:00:00:00:01, last RSSI -60",
      // iwd connect-info: signal and load; ChromeOS shill: a reason with no number.
      "iwd[630]: event: connect-info, ssid: Corp, bss: 02:00:00:00:00:01, signal: -64, load: 12/255",
      "INFO shill[987]: [INFO:wifi.cc(540)] WiFi clearing DisconnectReason for wlan0",
      // Firmware dumps and driver errors: statuses that are not frame statuses, hex that looks like
      // a WLAN_REASON_CODE without its 0x, errnos.
      "iwlwifi 0000:00:14.3: Status: 0x00000040, count: 6",
      "ath: phy0: Unable to reset channel, reset status -5",
      "mt7921e 0000:01:00.0: Message 00020007 (seq 3) timeout",
      "[  164.270000] [wifi1] FWLOG: [87590] WAL channel change freq=5765, mode=0 flags=0 rx_ok=1 tx_ok=1",
      "[ 1000.000000] dhd_check_hang: Event HANG send up due to  re=0 te=0 d3acke=0 e=-19 s=0",
      "nl80211: send_mlme - da=02:00:00:00:00:09 noack=0 freq=0 no_cck=0 fc=0xc0 (WLAN_FC_STYPE_DEAUTH) nlmode=3",
      // ESP-IDF event loop: WIFI_EVENT:5 is an event id.
      "D (1777799) event: running post WIFI_EVENT:5 with handler 0x40225694 on loop 0x40107fa0",
      // Huawei AC: ERRCODE is the AC's own failure code.
      "%%01WLAN/3/WLAN_LOG_USER(l)[261864]:[WLAN_STA_INFO_AP_ASSOCIATE]MAC:02-00-00-00-00-62;ERRCODE:66543;"
      "RESULT:FailType is AC code, refused by repeat association;",
      // Get-WinEvent | Format-List properties outside a message.
      "Id           : 8003",
      "RecordId     : 12345",
      // netsh wlan show interfaces
      "    Channel                : 36",
      "    Receive rate (Mbps)    : 866.7",
      // Second producer audit (docs/producers-audit.md): FortiAP's reason field of a probe, P2P and
      // BSS-disallow statuses, Zephyr's own connect/disconnect enums, ESP-AT error codes, Aruba
      // authmgr return codes, nRF70 driver errors, iwlwifi dump rows, iw scan frequencies,
      // MicroPython/Pico W link states.
      "date=2024-03-02 time=08:15:42 logid=\"0104043681\" type=\"event\" subtype=\"wireless\" "
      "logdesc=\"Probe request from wireless station\" stamac=\"02:00:00:00:00:a1\" channel=6 "
      "action=\"probe-req\" reason=\"Reserved 0\" msg=\"AP received probe request frame\"",
      "wlan0: P2P-GO-NEG-FAILURE status=7",
      "wlan0: P2P-INVITATION-RESULT status=1",
      "wlan0: CTRL-EVENT-BSS-TMP-DISALLOWED bssid=02:00:00:00:00:b2 rssi_threshold=0 timeout=10",
      "Connection request failed (2)",
      "Disconnection request failed (1)",
      "Disconnected (AP leaving/3)",
      "+CWJAP:2",
      "Sep  7 00:44:14 authmgr[2435]: <522125> <2435> <WARN> <wcp2>  Could not create/find bandwidth-contract for "
      "user, return code (-11).",
      "[00:00:12.346,000] <err> wifi_nrf: nrf_wifi_fmac_dev_add: otp_mac_addr_get failed status -1",
      "[  121.4] iwlwifi 0000:00:14.3: 0x00080000 | status",
      "[  120.9] iwlwifi 0000:00:14.3: Transport status: 0x0000004A, valid: 6",
      "[  120.6] iwlwifi 0000:00:14.3: missed_beacons:21, missed_beacons_since_rx:3",
      "wlan0 (phy #0): scan finished: 2412 2437 5180, \"\"",
      "network status: -3",
      // systemd: a unit's exit status, next to every Wi-Fi daemon's lines in a journal.
      "Mar  2 08:15:42 host systemd[1]: hostapd.service: Control process exited, code=exited, status=1/FAILURE",
      // Broadcom event dumps: WLC_E_STATUS and the raw event record of events without a code.
      "[  431.3] MACEVENT: ASSOC, MAC 02:00:00:00:21:01, unexpected status 4",
      "[  431.3] MACEVENT: ASSOC_RESP_IE 47, MAC 02:00:00:00:21:01, status 0, reason 0, auth 0",
      "[  431.3] MACEVENT: PSK_SUP, status 6, reason 0",
      "[  431.3] MACEVENT: TXFAIL, RA 02:00:00:00:21:01 status 1",
      // Pico SDK cyw43-driver: only DEAUTH_IND's positional reason is an 802.11 code.
      "[    1093] ASYNC(0000,PSK_SUP,4,15,0)",
      "[    1050] ASYNC(0000,SET_SSID,3,0,0)",
      "[    1057] ASYNC(0000,AUTH,2,0,0)",
      // ath12k: the firmware's kickout reason.
      "[ 5120.7] ath12k_pci 0000:03:00.0: peer sta kickout event 02:00:00:00:22:01 reason: 1 rssi: -70",
      // Bluetooth on ESP-IDF and Zephyr: esp_bt_status_t, SMP and HCI codes.
      "E (12345) SPP_ACCEPTOR_DEMO: authentication failed, status:5",
      "E (8120) GATTC_DEMO: Authentication failed, status: 0x66",
      "I (46108) GATTS_TABLE_DEMO: ESP_GATTS_DISCONNECT_EVT, reason = 0x13",
      "I (46109) GATTS_DEMO: ESP_GATTS_DISCONNECT_EVT, disconnect reason 0x13",
      "I (46110) GATTC_DEMO: ESP_GATTC_DISCONNECT_EVT, reason = 8",
      "Disconnected: 02:00:00:00:41:01 (random), reason 0x08 BT_HCI_ERR_CONN_TIMEOUT",
      // Huawei AC/AP (fifth audit): ERRCODE is the AC's own failure code (66543...), a RADIUS-like
      // offline subcode in CM logs; the trap's fail cause is an index of Huawei's table.
      "%%01WLAN/6/WLAN_LOG_USER(l)[12]:[WLAN_STA_INFO_AP_ASSOCIATE]ACMAC:02-00-00-00-00-a0;ACNAME:AC1;"
      "MAC:02-00-00-00-00-01;TIME:1709367340;ZONE:UTC+0100;DAYLIGHT:false;ERRCODE:17;RESULT:FailType is Status "
      "code, ap reach max user;",
      "%%01WLAN/6/WLAN_LOG_USER(l)[13]:[WLAN_STA_INFO_AP_ASSOCIATE]MAC:02-00-00-00-00-02;ERRCODE:8;RESULT:FailType "
      "is Reason code, a user has gone offline unexpectedly;",
      "%%01WLAN/4/STA_AUTH_FAIL:OID 1.3.6.1.4.1.2011.6.139.18.1.1.1.1 Station author is error notify.(APMAC=02-00-00-"
      "00-00-a1,RadioID=1,StaMac=02-00-00-00-00-04,Ssid=Corp,StaFailCodeType=2,StaAuthenticationFailCause=15, APID=1)",
      "%%01CM/5/USER_OFFLINERESULT(s):[WLAN_STA_INFO_OFFLINE]MAC:02-00-00-00-00-07;ERRCODE:19;RESULT:User request to "
      "offline;",
      // H3C Comware STAMGR: text reasons.
      "%%10STAMGR/6/STAMGR_CLIENT_OFFLINE: -DevIP=10.0.0.2; Client 0200-0000-0014 went offline from BSS "
      "0200-0000-00a1 with SSID Corp on AP ap1 Radio ID 2. State changed to Unauth. Reason: deauthenticated.",
      // Juniper Mist client-sessions webhook: termination_reason is Mist's own (1 disassociate, 2
      // inactive, 3 roamed).
      "{\"ap\": \"020000000001\", \"disconnect\": 1709367340, \"mac\": \"020000000017\", \"ssid\": \"Corp\", "
      "\"termination_reason\": 3}",
      // Meru controller station log: text reasons beside RSSI and AID.
      "02:00:00:00:00:11 |802.11 State | Received Deauth frame from station <Deauth reason: authentication leave>"
      "<deauth packet RSSI = 62><AID=3><BSSID=02:00:00:00:00:a1>",
      // Cisco Mobility Express / AireOS: the radio reset reason is Cisco's own; counters and enums.
      "<5>13352: AP:0200.0000.00a1: *Mar  2 08:15:40.427: %DOT11-5-EXPECTED_RADIO_RESET: Restarting Radio "
      "interface Dot11Radio1 due to the reason code 56",
      "<131>Cisco-0200.0000.00a0: *Dot1x_NW_MsgTask_0: Mar  2 08:15:47.643: %DOT1X-3-INVALID_WPA_KEY_STATE: "
      "1x_eapkey.c:3080 Received EAPOL-key message while in invalid state (0) - version 1, type 3, descriptor 2, "
      "client 02:00:00:00:00:86",
      // Localized Windows event copies (German Event Viewer / wevtutil text headers): no code.
      "Ereignis-ID:   8002",
      "Aufgabenkategorie:(24010)",
      "Schl\xc3\xbcsselw\xc3\xb6rter:(512),(4)",
      "ID de l'\xc3\xa9v\xc3\xa9nement : 8001",
      // "Reason: <text>[N]" of other software (AMQP, chat servers): not Realtek's rtl8192cd lines.
      "[AMQP] Channel closed by broker. Reason: NOT_FOUND - no queue 'jobs' in vhost '/'[404]",
      "User 42 has disconnected by reason: timeout[3]",
      // Keenetic ndm WifiMonitor: text reasons only.
      "Mar  2 08:15:40 Keenetic ndm: Network::Interface::Mtk::WifiMonitor: \"WifiMaster0/AccessPoint1\": "
      "STA(02:00:00:00:26:01) had disassociated by STA (reason: STA is leaving or has left BSS).",
      // MediaTek EZ setup: its own status enum.
      "[  820.3] AUTH - Send AUTH response (alg = 0x0, reason = 0x11)",
      // Eighth audit: the ESP8266 Arduino core's event ids, a sketch's retry counter, other
      // software's "connect:" (the needle "ct:" lets such lines through; no key reads them), the
      // Qualcomm PE/HDD and MediaTek lines without a reason.
      "wifi evt: 7",
      "I (4521) sta_mgr: STA Disconnect: 5. Starting AP...",
      "[  33.120] lwip: tcp connect: 113 (no route)",
      "wlan: [733:I:HDD] hdd_dis_connect_handler: 1380: sent disconnected event to nl80211",
      "wlan: [733:E :PE ] lim_process_deauth_frame: 170: Received Deauth frame for Addr: "
      "02:00:00:00:0a:01(mlm state = eLIM_MLM_IDLE_STATE, sme state = 11 systemrole = 3 RSSI = -61)",
      "[ 1555.321037] (1)[3319:tx_thread][wlan] Rx Deauth frame from BSSID=[02:00:00:00:00:01]",
      // ESP-IDF blob reason print without its (N).
      "W (120) wifi:reason: unknown",
      // ESPHome's text for no known reason, an unquoted text, a state name; wpa_supplicant's own reason names.
      "[07:42:02][W][wifi_esp32:336]: Event: Disconnected ssid='Corp' bssid=02:00:00:00:09:04 reason='Unspecified'",
      "[07:42:09][W][wifi_lt:500]: Too many disconnect events (3) while connecting, treating as failure",
      "I: lib/net/wifi.cpp [77]: WiFi: status changed from disconnected to no_ssid_avail",
      "wlan0: CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"Home\" auth_failures=2 duration=20 reason=WRONG_KEY",
      "device (wlan0): state change: activated -> disconnected (reason 'NEW_ACTIVATION')",
      // eleventh audit (a third proxy): an app's reconnect counter, Zephyr's own disconnect enum,
      // firmware event numbers, driver and firmware dumps, uptime/status counters, an MQTT rc
      "I (6120) prov_app: STA Disconnect: 4. Starting AP...",
      "Disconnection request failed (2)",
      "Disconnected (AP leaving/3)",
      "cyw43: event DEAUTH_IND (6) received, link down",
      "[ 3301.200114] mwifiex_pcie 0000:02:00.0: last_event: 2b 00 17 00 33 00 2b 00 1c 00",
      "[ 3301.200101] mwifiex_pcie 0000:02:00.0: mwifiex_cmd_timeout_func: Timeout cmd id = 0xa4, act = 0x0",
      "[ 1200.731120] ath10k_pci 0000:00:00.0: [08]: 0x0000000F 0x00400000 0x00000002 0x00000006",
      "452116 : WD   : Uptime 9 ConnectFailures 2 FreeMem 21040 WiFiStatus 6",
      "Jun 16 04:49:02 mediabox daemon.info connmand[812]: wlan0 {update} flags 4099 <UP>",
      "Dec 15 12:21:38 plug-kitchen ESP-MQT: Connect failed to 192.0.2.10:1883, rc -2. Retry in 10 sec",
      // fourteenth audit (Windows): NDIS 10400's reset reason, Intel driver events (Get-EventLog
      // rows: an event id, then its fixed text), netsh wlan show drivers' version, a
      // Get-WinEvent table row (the id of an 8002, no reason on it)
      "The network interface \"Contoso 802.11ax Wireless Adapter\" has begun resetting.  There will be a "
      "momentary disruption in network connectivity while the hardware resets. Reason: 3. This network interface "
      "has reset 1 time(s) since it was last initialized.",
      "   4521 Mar 02 09:14  Warning     Netwtw14               6105 6105 - deauth after EAPOL key exchange sequence",
      "    Version                   : 5002.19.210.0",
      "3/2/2026 10:20:24 AM          8002 Error            WLAN AutoConfig service failed to connect to a "
      "wireless network.",
      // twelfth audit (a fourth proxy): Qualcomm qcacld HDD's "reason:%d and Status:%d" (the CSR
      // roam result and roam status, driver enums) and its scan count, bcmdhd's packet-timer reason
      // and its link-down line for a WLC_E_LINK event (the firmware's link reason, not 802.11),
      // cyw43 firmware event records, Zephyr's connect-status enum, an ESP-IDF rx filter policy,
      // mwlwifi's firmware return codes, wpa_supplicant's driver event numbers, reaver's own codes
      "[  812.000101] wlan: connection failed with 02:00:00:00:00:3a reason:5 and Status:4",
      "[  812.000102] wlan: [3772:E :HDD] hdd_AssociationCompletionHandler: send connect failure to nl80211: for "
      "bssid 02:00:00:00:00:3a reason:2 and Status:9",
      "[  812.000103] wlan: [3772:E :SME] Found 5 BSS, statusCode 0",
      "[19200.503256][ T4501] [18:00:45.333816][dhd][wlan]dhd_dump_mod_pkt_timer: Arm the pktcnt timer. reason=2",
      "[  631.640876] CFG80211-ERROR) wl_notify_connect_status : link down if wlan0 may call cfg80211_disconnected. "
      "event : 16, reason=2 from 02:00:00:00:00:3b",
      "=== EVENT LINK: flags: 0, event_type: 16, status: 0, reason: 2, auth_type: 0, ...",
      "=== EVENT PSK_SUP: flags: 0, event_type: 46, status: 4, reason: 15, auth_type: 0, ...",
      "Connection request failed (Authentication rejected/5)",
      "I (151381) wifi: filter: set rx policy=7",
      "Sat Jul  9 21:14:52 2016 kern.err kernel: [ 1579.249354] ieee80211 phy1: return code: 0x1111",
      "wlan0: Event ASSOC_REJECT (12) received",
      "[!] WPS transaction failed (code: 0x02), re-trying last pin",
  };
  for (const char* d : decoys) {
    SCOPED_TRACE(d);
    EXPECT_EQ(scan(std::string(d) + "\n").size(), 0u);
  }
}

// The family comes from the key, the value's shape, the producer and the line's words, in that order.
TEST(GrammarInference, FamilyByKeyShapeProducerWords) {
  EXPECT_EQ(keys(scan("Dot11StatusCode = 17\n")), V{"1:ieee80211_status:17"});
  EXPECT_EQ(keys(scan("ReasonCode=0x48005\n")), V{"1:wlan_reason:294917"});
  EXPECT_EQ(keys(scan("uReason: 0x00010003\n")), V{"1:dot11_assoc_status:65539"});
  EXPECT_EQ(keys(scan("W (1234) wifi station: Disconnected. Reason: 201 SYSTEM_EVENT_STA_DISCONNECTED\n")),
            V{"1:esp_wifi_reason:201"});
  EXPECT_EQ(keys(scan("WPS M5 failed: WSC NACK, reason: 18\n")), V{"1:wps_config_error:18"});
  EXPECT_EQ(keys(scan("AP kicked the client, reason 5\n")), V{"1:ieee80211_reason:5"});
  EXPECT_EQ(keys(scan("association rejected by AP, status 17\n")), V{"1:ieee80211_status:17"});
  EXPECT_EQ(keys(scan("link dropped after reason 5\n")), V{});  // no word says which code space
}

// A text printed with the number raises or lowers the confidence.
TEST(GrammarInference, TextNextToTheNumberSetsConfidence) {
  const auto agree = scan("deauth: reason: Disassociated because sending station is leaving (or has left) BSS (8)\n");
  const auto disagree = scan("deauth: reason: The moon is made of cheese and nothing else at all (8)\n");
  ASSERT_EQ(agree.size(), 1u);
  ASSERT_EQ(disagree.size(), 1u);
  EXPECT_EQ(agree[0].rule, "generic");
  EXPECT_GT(agree[0].confidence, disagree[0].confidence);
}

// Realtek rtl8192cd's "Reason: <text>[N]": the [N] must end the line, follow a text, and be a short
// number; a text starting with a digit is the text, not the value.
TEST(GrammarSyntax, TailBracket) {
  const std::string head = "kernel: wlan0: (Corp) Deauth received from 02:00:00:00:25:01 Reason: ";
  EXPECT_EQ(keys(scan(head + "Leaving (or has left) IBSS or ESS[3]   \n")), V{"1:ieee80211_reason:3"});
  EXPECT_EQ(keys(scan(head + "4-Way Handshake timeout[15]\r\n")), V{"1:ieee80211_reason:15"});
  EXPECT_EQ(keys(scan(head + "[3]\n")), V{});                          // no text
  EXPECT_EQ(keys(scan(head + "Leaving[]\n")), V{});                    // no number
  EXPECT_EQ(keys(scan(head + "Leaving[123456]\n")), V{});              // too long for a code
  EXPECT_EQ(keys(scan(head + "Leaving[3] again\n")), V{});             // not at the end
  EXPECT_EQ(keys(scan(head + "Leaving 3]\n")), V{});                   // no '['
  EXPECT_EQ(keys(scan(head + std::string(300, 'x') + "[3]\n")), V{});  // a text no reason has
  EXPECT_EQ(keys(scan(head + std::string("Lea\0ving[3]", 11) + "\n")), V{"1:ieee80211_reason:3"});
  EXPECT_EQ(keys(scan("kernel: wlan0: (Corp) Deauth received from 02:00:00:00:25:01 Reason: ")), V{});  // truncated
}

// A WLAN_REASON_CODE an app prints with WlanReasonCodeToString's text.
TEST(GrammarWindowsApp, HexWithItsText) {
  const auto fs = scan(
      "Connection Changed : Failed, 9663563c-0000-0000-0000-000000000001, 0x00038012, The computer is roaming too "
      "often. The security check did not complete after several attempts.\n"
      "value 0x00038012, something else entirely\n");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].value, 0x00038012u);
  EXPECT_EQ(fs[0].rule, "wlanapi_text");
  EXPECT_EQ(fs[0].format, wlancode::scan::input_format::windows_app);
}

// ... or with the code in parentheses after its text; a text that is not the code's is no sign.
TEST(GrammarWindowsApp, TextThenHexInParentheses) {
  const auto fs = scan(
      "2024-05-02 10:11:12.345 [WifiWatcher] Disconnected: The specific network is not available. (0x0002800B)\n"
      "2024-05-02 10:11:14 connect: Dynamic key exchange did not succeed within configured time (0x00048005) retry\n"
      "2024-05-02 10:11:15 Connect failed: something unrelated happened (0x0002800B)\n"
      "2024-05-02 10:11:16 Connect failed (0x0002800B)\n"
      "2024-05-02 10:11:17 The specific network is not available. 0x0002800B\n");
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_EQ(fs[0].line, 1u);
  EXPECT_EQ(fs[0].value, 0x0002800Bu);
  EXPECT_EQ(fs[0].rule, "wlanapi_text");
  EXPECT_EQ(fs[0].text, "The specific network is not available.");
  EXPECT_EQ(fs[1].line, 2u);
  EXPECT_EQ(fs[1].value, 0x00048005u);
}

}  // namespace

namespace {
// The prefilter's paths (scalar, AVX2, AVX-512BW) find the same hits and count the same newlines,
// on random text rich in needle fragments and on every needle at every offset of a 64-byte step.
TEST(Prefilter, ScalarAndSimdPathsAgree) {
  std::string text;
  std::uint32_t x = 20261201;
  const char alphabet[] = "aAsSoOtTuUrReE=';:_cCxX0<vVbBnN[mMlLdDpP \n-";
  for (int i = 0; i < 200000; ++i) {
    x = x * 1664525u + 1013904223u;
    text += alphabet[(x >> 24) % (sizeof alphabet - 1)];
  }
  for (const char* needle : {"reason", "STATUS", "rror", "MLME", "de=", "resp=", "_CE_", "0x000", "SSID='", "<Event",
                             "<Obj", "deauth", "Log Name:"})
    for (int off = 0; off < 70; ++off) text += std::string(static_cast<std::size_t>(off), 'z') + needle + "\n";
  for (const char* needle : {"CTRL-EVENT-", "Trying", "associated", "authenticated", "Handshake", "got ip", "-> ",
                             "Activation", "lost", "wifi:connected", "STA_", "dhcp4", "new:"})
    for (int off = 0; off < 70; off += 7) text += std::string(static_cast<std::size_t>(off), 'z') + needle + "\n";
  using wlancode::scan::detail::needle_set;
  for (auto [width, set] :
       {std::pair{256, needle_set::codes}, std::pair{512, needle_set::codes},
        std::pair{256, needle_set::codes_and_events}, std::pair{512, needle_set::codes_and_events}}) {
    std::size_t pos = 0, hits = 0;
    while (pos < text.size()) {
      std::size_t n1 = 0, n2 = 0;
      const std::size_t a = wlancode::scan::detail::find_anchor_scalar(text.data() + pos, text.size() - pos, &n1, set);
      const std::size_t b =
          wlancode::scan::detail::find_anchor_simd(text.data() + pos, text.size() - pos, &n2, width, set);
      ASSERT_EQ(a, b) << "width " << width << " at " << pos;
      ASSERT_EQ(n1, n2) << "width " << width << " at " << pos;
      if (a >= text.size() - pos) break;
      pos += a + 1;
      ++hits;
    }
    EXPECT_GT(hits, 13u * 70u);
  }
}

// A line's hits in one pass (needle_hits: AVX2 with a zero-padded tail, AVX-512 with masked loads)
// are the byte-by-byte walk's, at every line length around the 32- and 64-byte steps and with the
// cap reached, on each SIMD path the CPU has.
TEST(Prefilter, LineHitsAgreeWithTheWalk) {
  using wlancode::scan::detail::needle_hit;
  std::uint32_t x = 7;
  const char alphabet[] = "aAsSoOtTuUrReE=';:_cCxX0<vVbBnN[mMlLdDpP -ygGiIhH>";
  std::size_t total = 0;
  for (int round = 0; round < 3000; ++round) {
    x = x * 1664525u + 1013904223u;
    const std::size_t len = (x >> 8) % 140;
    std::string line;
    for (std::size_t i = 0; i < len; ++i) {
      x = x * 1664525u + 1013904223u;
      line += alphabet[(x >> 24) % (sizeof alphabet - 1)];
    }
    if (round % 3 == 0 && len >= 3) line.replace(len - 3, 3, "-> ");  // a needle ending the line
    if (round % 5 == 0 && len >= 2) line.replace(len - 2, 2, "->");   // one cut by the line's end
    for (std::size_t cap : {std::size_t{64}, std::size_t{2}}) {
      needle_hit a[64], b[64];
      const std::size_t na = wlancode::scan::detail::needle_hits_scalar(line.data(), line.size(), a, cap);
      for (int width : {0, 256, 512}) {  // 0: the dispatching entry point
        const std::size_t nb = width ? wlancode::scan::detail::needle_hits_simd(line.data(), line.size(), b, cap, width)
                                     : wlancode::scan::detail::needle_hits(line.data(), line.size(), b, cap);
        ASSERT_EQ(na, nb) << line << " (width " << width << ")";
        for (std::size_t i = 0; i < na; ++i) {
          ASSERT_EQ(a[i].pos, b[i].pos) << line << " (width " << width << ")";
          ASSERT_EQ(a[i].needle, b[i].needle) << line << " (width " << width << ")";
          ASSERT_LE(a[i].pos + 3u, line.size());
        }
      }
      total += na;
    }
  }
  EXPECT_GT(total, 1000u);
  needle_hit h[4];
  EXPECT_EQ(wlancode::scan::detail::needle_hits("", 0, h, 4), 0u);
  EXPECT_EQ(wlancode::scan::detail::needle_hits("->", 2, h, 4), 0u);
  ASSERT_EQ(wlancode::scan::detail::needle_hits("x reason", 8, h, 4), 1u);
  EXPECT_EQ(h[0].pos, 4u);  // re"aso"n
}

// The SIMD substring and MAC searches give the answers of the plain definitions, at every offset.
TEST(TextSearch, ContainsAndFindMacAtEveryOffset) {
  using wlancode::scan::detail::contains;
  using wlancode::scan::detail::find_mac;
  for (std::size_t off = 0; off < 90; ++off) {
    for (std::size_t tail = 0; tail < 40; tail += 13) {
      const std::string pad(off, 'w'), after(tail, ' ');
      const std::string hay = pad + "CTRL-EVENT-DISCONNECTED" + after;
      EXPECT_TRUE(contains(hay, "CTRL-EVENT-DISCONNECTED")) << off;
      EXPECT_TRUE(contains(hay, "C"));
      EXPECT_TRUE(contains(hay, "D" + after));
      EXPECT_FALSE(contains(hay, "CTRL-EVENT-CONNECTED")) << off;
      EXPECT_FALSE(contains(hay, hay + "x"));
      EXPECT_EQ(contains(hay, "wC"), off > 0);
      const std::string mac_line = pad + "bssid=02:00:00:00:00:0a" + after;
      EXPECT_EQ(find_mac(mac_line), "02:00:00:00:00:0a") << off;
      const std::string dash_line = pad + "12:34 aa-bb-cc-dd-ee-ff" + after;
      EXPECT_EQ(find_mac(dash_line), "aa-bb-cc-dd-ee-ff") << off;
      EXPECT_EQ(find_mac(pad + "02:00:00:00:00:0a:0b" + after), "") << off;  // part of a longer run
      EXPECT_EQ(find_mac(pad + "10:00:00 10:00:00 02:00:00:00:00" + after), "") << off;
    }
  }
}

// The case-insensitive search finds what a plain lowered search finds, from any start.
TEST(TextSearch, IfindAgreesWithALoweredFind) {
  using wlancode::scan::detail::ifind;
  const auto lowered = [](std::string t) {
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t;
  };
  const std::string hay = "Profile Name: Corp\tSSID: corp, ssid:Lab ProfileName";
  for (const std::string needle : {"ssid:", "SSID: ", "profile", "NAME", "b ", "x", "ProfileNameX", ""})
    for (std::size_t from = 0; from <= hay.size() + 1; ++from) {
      const std::size_t want = from > hay.size() ? std::string::npos : lowered(hay).find(lowered(needle), from);
      EXPECT_EQ(ifind(hay, needle, from), want) << needle << " from " << from;
    }
  static_assert(ifind("abcABC", "CA") == 2);
}

// Every line meets every rule: the examples concatenated into one file give exactly the union
// of their per-file findings (same families, values, fields, rules), line numbers offset.
TEST(ScanMixed, ConcatenatedExamplesGiveTheUnionOfTheirFindings) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(WLANCODE_SCAN_EXAMPLES)) {
    const std::string name = e.path().filename().string();
    // Whole-file formats stay whole files: a gzip, a UTF-16 export, a wlanreport.
    if (e.is_regular_file() && name.find(".gz") == std::string::npos && name.find("utf16") == std::string::npos &&
        name.find("wlanreport") == std::string::npos)
      files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 8u);
  std::vector<std::string> expected;
  std::string all;
  std::uint64_t offset = 0;
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!data.empty() && data.back() != '\n') data += '\n';
    for (const auto& f : scan(data))
      expected.push_back(std::to_string(f.line + offset) + " " + f.rule + " " + f.field + " " +
                         (f.fam ? std::string(wlancode::to_string(*f.fam)) : f.space) + " " + std::to_string(f.value));
    offset += static_cast<std::uint64_t>(std::count(data.begin(), data.end(), '\n'));
    all += data;
  }
  std::vector<std::string> got;
  for (const auto& f : scan(all))
    got.push_back(std::to_string(f.line) + " " + f.rule + " " + f.field + " " +
                  (f.fam ? std::string(wlancode::to_string(*f.fam)) : f.space) + " " + std::to_string(f.value));
  EXPECT_GT(expected.size(), 30u);
  EXPECT_EQ(got, expected);
}
}  // namespace
