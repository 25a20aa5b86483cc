// Attempts from access points' logs of their stations (issue 10, third audit of lifecycle events):
// Broadcom wlceventd (ASUS/Merlin), Xiaomi wifi_log, MikroTik RouterOS. Each station is a device
// of its own, as for hostapd. The logs are written by the project in each producer's print style
// (docs/producers-audit.md); the expectations are hand-typed: outcome, failing phase, who ended
// it, decisive code.
#include <gtest/gtest.h>

#include <map>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;

// Per device (the group's interface: "... sta <mac>"), one line per attempt:
// "count outcome phase ended_by decisive-code" ("-" for none).
std::map<std::string, V> attempts_by_device(const wlancode::diagnose::report& r) {
  std::map<std::string, V> out;
  for (const auto& g : r.groups)
    for (const auto& a : g.attempts) out[g.interface].push_back(attempt_with_code(a));
  return out;
}

std::map<std::string, std::size_t> sessions_by_device(const wlancode::diagnose::report& r) {
  std::map<std::string, std::size_t> out;
  for (const auto& g : r.groups) out[g.interface] += g.sessions.size();
  return out;
}

TEST(Producers3, AsusWlceventdKeepsADevicePerStation) {
  // Two stations on one router: the first twice with a wrong password (the 4-way handshake times
  // out, "(f)" is hexadecimal: reason 15), the second connects, leaves, and comes back on the
  // other band (ReAssoc) until a deauthentication.
  const std::string log =
      "Mar  2 08:15:40 RT-AX88U wlceventd: wlceventd_proc_event(527): eth6: Auth 02:00:00:00:51:01, status: "
      "Successful (0), rssi:-55\n"
      "Mar  2 08:15:40 RT-AX88U wlceventd: wlceventd_proc_event(556): eth6: Assoc 02:00:00:00:51:01, status: "
      "Successful (0), rssi:-55\n"
      "Mar  2 08:15:45 RT-AX88U wlceventd: wlceventd_proc_event(491): eth6: Deauth_ind 02:00:00:00:51:01, status: 0, "
      "reason: 4-way handshake timeout (f), rssi:0\n"
      "Mar  2 08:15:50 RT-AX88U wlceventd: wlceventd_proc_event(527): eth6: Auth 02:00:00:00:51:02, status: "
      "Successful (0), rssi:-60\n"
      "Mar  2 08:15:50 RT-AX88U wlceventd: wlceventd_proc_event(556): eth6: Assoc 02:00:00:00:51:02, status: "
      "Successful (0), rssi:-60\n"
      "Mar  2 08:16:00 RT-AX88U wlceventd: wlceventd_proc_event(527): eth6: Auth 02:00:00:00:51:01, status: "
      "Successful (0), rssi:-54\n"
      "Mar  2 08:16:00 RT-AX88U wlceventd: wlceventd_proc_event(556): eth6: Assoc 02:00:00:00:51:01, status: "
      "Successful (0), rssi:-54\n"
      "Mar  2 08:16:05 RT-AX88U wlceventd: wlceventd_proc_event(491): eth6: Deauth_ind 02:00:00:00:51:01, status: 0, "
      "reason: 4-way handshake timeout (f), rssi:0\n"
      "Mar  2 08:20:00 RT-AX88U wlceventd: wlceventd_proc_event(511): eth6: Disassoc 02:00:00:00:51:02, status: 0, "
      "reason: Disassociated because sending station is leaving (or has left) BSS (8), rssi:0\n"
      "Mar  2 08:21:00 RT-AX88U wlceventd: wlceventd_proc_event(685): eth7: ReAssoc 02:00:00:00:51:02, status: "
      "Successful (0), rssi:-61\n"
      "Mar  2 08:30:00 RT-AX88U wlceventd: wlceventd_proc_event(494): eth7: Deauth_ind 02:00:00:00:51:02, status: 0, "
      "reason: Unspecified reason (1), rssi:0\n";
  const auto r = diagnose(log);
  const auto by = attempts_by_device(r);
  ASSERT_EQ(by.size(), 2u);
  EXPECT_EQ(by.at("sta 02:00:00:00:51:01"), V{"2 failed key_exchange ap ieee80211_reason:15"});
  EXPECT_EQ(by.at("sta 02:00:00:00:51:02"), (V{"1 succeeded unknown unknown -", "1 succeeded unknown unknown -"}));
  EXPECT_EQ(sessions_by_device(r).at("sta 02:00:00:00:51:02"), 2u);
  for (const auto& g : r.groups) {
    EXPECT_EQ(g.host, "RT-AX88U");
    for (const auto& s : g.sessions) {
      EXPECT_FALSE(s.open);
      ASSERT_TRUE(s.end_code);
      EXPECT_TRUE(s.end_code->ref == "ieee80211_reason:8" || s.end_code->ref == "ieee80211_reason:1");
    }
  }
}

TEST(Producers3, AsusOlderFirmwareStylesAreTheSameSteps) {
  // "WLCEVENTD ... status: 0, reason: d11 RC reserved (0)" (older firmware, tag syslog or wlceventd)
  // and a Deauth_ind without fields: one station connects, then its link ends.
  const std::string log =
      "May  5 01:05:19 syslog: WLCEVENTD wlceventd_proc_event(420): eth1: Auth 02:00:00:00:51:04, status: 0, reason: "
      "d11 RC reserved (0)\n"
      "May  5 01:05:19 syslog: WLCEVENTD wlceventd_proc_event(449): eth1: Assoc 02:00:00:00:51:04, status: 0, reason: "
      "d11 RC reserved (0)\n"
      "May  5 02:00:00 syslog: wlceventd_proc_event(645): eth1: Deauth_ind 02:00:00:00:51:04\n";
  const auto r = diagnose(log);
  const auto by = attempts_by_device(r);
  ASSERT_EQ(by.size(), 1u);
  EXPECT_EQ(by.at("sta 02:00:00:00:51:04"), V{"1 succeeded unknown unknown -"});
  EXPECT_EQ(sessions_by_device(r).at("sta 02:00:00:00:51:04"), 1u);
}

TEST(Producers3, XiaomiWifiLogRejectionSuccessAndWrongPassword) {
  // One station refused (status 17, told by wifi_assoc and by the response), then let in until
  // the AP drops it for inactivity; another's 4-way handshake times out (wrong password).
  const std::string log =
      "[ 1820.670000] wifi_auth1 MAC 02-00-00-00-53-01\n"
      "[ 1820.670000] wifi_log: [Class 1 - RECV AUTH] - if=\"wl1\", sta_mac=\"02:00:00:00:53:01\", "
      "bssid=\"02:00:00:00:5a:01\", action=\"recv-auth\", rssi=\"-43\", status=\"0\"\n"
      "[ 1820.690000] wifi_log: [Class 1 - SEND AUTH_RSP] - if=\"wl1\", sta_mac=\"02:00:00:00:53:01\", "
      "bssid=\"02:00:00:00:5a:01\", action=\"mlme-auth\", info=\"send auth resp(Success)\", status=\"0\"\n"
      "[ 1820.710000] wifi_log: [Class 2 - RECV ASSOC] - if=\"wl1\", sta_mac=\"02:00:00:00:53:01\", "
      "bssid=\"02:00:00:00:5a:01\", action=\"recv-assoc\", rssi=\"-43\", Aid=\"2\"\n"
      "[ 1820.720000] wifi_assoc MAC 02-00-00-00-53-01, RSSI -43 StatusCode 17\n"
      "[ 1820.730000] wifi_log: [Class 2 - SEND ASSOC RSP] - if=\"wl1\", sta_mac=\"02:00:00:00:53:01\", "
      "bssid=\"02:00:00:00:5a:01\", action=\"mlme-assoc\", status=\"17\", Aid=\"0\"\n"
      "[ 1830.670000] wifi_log: [Class 1 - RECV AUTH] - if=\"wl1\", sta_mac=\"02:00:00:00:53:01\", "
      "bssid=\"02:00:00:00:5a:01\", action=\"recv-auth\", rssi=\"-44\", status=\"0\"\n"
      "[ 1830.690000] wifi_log: [Class 1 - SEND AUTH_RSP] - if=\"wl1\", sta_mac=\"02:00:00:00:53:01\", "
      "bssid=\"02:00:00:00:5a:01\", action=\"mlme-auth\", info=\"send auth resp(Success)\", status=\"0\"\n"
      "[ 1830.710000] wifi_log: [Class 2 - RECV ASSOC] - if=\"wl1\", sta_mac=\"02:00:00:00:53:01\", "
      "bssid=\"02:00:00:00:5a:01\", action=\"recv-assoc\", rssi=\"-44\", Aid=\"2\"\n"
      "[ 1830.730000] wifi_log: [Class 2 - SEND ASSOC RSP] - if=\"wl1\", sta_mac=\"02:00:00:00:53:01\", "
      "bssid=\"02:00:00:00:5a:01\", action=\"mlme-assoc\", status=\"0\", Aid=\"2\"\n"
      "[ 1830.840000] wifi_log: [Class 3 - SEND EAPOL 1/4] - if=\"wl1\", sta_mac=\"02:00:00:00:53:01\", "
      "bssid=\"02:00:00:00:5a:01\", action=\"send-eapol\"\n"
      "[ 1830.900000] wifi_log: [Class 3 - EAPOL DONE] - if=\"wl1\", sta_mac=\"02:00:00:00:53:01\", "
      "bssid=\"02:00:00:00:5a:01\", action=\"eapol-done\"\n"
      "[ 1900.100000] wifi_log: [Class 1 - RECV AUTH] - if=\"wl0\", sta_mac=\"02:00:00:00:53:02\", "
      "bssid=\"02:00:00:00:5a:02\", action=\"recv-auth\", rssi=\"-60\", status=\"0\"\n"
      "[ 1900.120000] wifi_log: [Class 1 - SEND AUTH_RSP] - if=\"wl0\", sta_mac=\"02:00:00:00:53:02\", "
      "bssid=\"02:00:00:00:5a:02\", action=\"mlme-auth\", status=\"0\"\n"
      "[ 1900.140000] wifi_log: [Class 2 - RECV ASSOC] - if=\"wl0\", sta_mac=\"02:00:00:00:53:02\", "
      "bssid=\"02:00:00:00:5a:02\", action=\"recv-assoc\", rssi=\"-60\", Aid=\"3\"\n"
      "[ 1900.160000] wifi_log: [Class 2 - SEND ASSOC RSP] - if=\"wl0\", sta_mac=\"02:00:00:00:53:02\", "
      "bssid=\"02:00:00:00:5a:02\", action=\"mlme-assoc\", status=\"0\", Aid=\"3\"\n"
      "[ 1900.260000] wifi_log: [Class 3 - SEND EAPOL 1/4] - if=\"wl0\", sta_mac=\"02:00:00:00:53:02\", "
      "bssid=\"02:00:00:00:5a:02\", action=\"send-eapol\"\n"
      "[ 1903.270000] wifi_log: [Class 1 - SEND DEAUTH] - if=\"wl0\", sta_mac=\"02:00:00:00:53:02\", "
      "bssid=\"02:00:00:00:5a:02\", action=\"send-deauth\", reason=\"15\", Aid=\"3\"\n"
      "[ 2400.000000] wifi_disassoc2 MAC 02-00-00-00-53-01,  ReasonCode 4\n"
      "[ 2400.010000] wifi_log: [Class 2 - SEND DISASSOC] - if=\"wl1\", sta_mac=\"02:00:00:00:53:01\", "
      "bssid=\"02:00:00:00:5a:01\", action=\"send-disassoc\", info=\"mlme kick out sta\", reason=\"4\", Aid=\"2\"\n";
  const auto r = diagnose(log);
  const auto by = attempts_by_device(r);
  ASSERT_EQ(by.size(), 2u);
  EXPECT_EQ(by.at("wl1 sta 02:00:00:00:53:01"),
            (V{"1 failed association ap ieee80211_status:17", "1 succeeded unknown unknown -"}));
  EXPECT_EQ(by.at("wl0 sta 02:00:00:00:53:02"), V{"1 failed key_exchange ap ieee80211_reason:15"});
  ASSERT_EQ(sessions_by_device(r).at("wl1 sta 02:00:00:00:53:01"), 1u);
  for (const auto& g : r.groups)
    for (const auto& s : g.sessions) {
      EXPECT_EQ(s.ended_by, wlancode::diagnose::ender::ap);  // the AP sent the disassociation
      ASSERT_TRUE(s.end_code);
      EXPECT_EQ(s.end_code->ref, "ieee80211_reason:4");
    }
}

TEST(Producers3, MikroTikApRegistrationsAndKeyTimeouts) {
  // RouterOS logs a client's registration ("connected") at association: a wrong password is then
  // "disconnected, unicast key exchange timeout"; a client that stays has connected.
  const std::string log =
      "mar/02 08:15:40 wireless,info 02:00:00:00:52:01@wlan1: connected, signal strength -60\n"
      "mar/02 08:15:45 wireless,info 02:00:00:00:52:01@wlan1: disconnected, unicast key exchange timeout, signal "
      "strength -60\n"
      "mar/02 08:16:40 wireless,info 02:00:00:00:52:01@wlan1: connected, signal strength -58\n"
      "mar/02 08:16:45 wireless,info 02:00:00:00:52:01@wlan1: disconnected, unicast key exchange timeout, signal "
      "strength -59\n"
      "mar/02 08:17:00 wireless,info 02:00:00:00:52:02@wlan2: connected, signal strength -50\n"
      "mar/02 09:25:37 wireless,info 02:00:00:00:52:02@wlan2: disconnected, received disassoc: sending station "
      "leaving (8), signal strength -62\n"
      "2026-03-02 09:30:00 wireless,info 02:00:00:00:52:03@wifi1 connected, signal strength -71\n"
      "2026-03-02 10:30:00 wireless,info 02:00:00:00:52:03@wifi1 disconnected, extensive data loss, signal strength "
      "-80\n";
  const auto r = diagnose(log);
  const auto by = attempts_by_device(r);
  ASSERT_EQ(by.size(), 3u);
  EXPECT_EQ(by.at("sta 02:00:00:00:52:01"), V{"2 failed key_exchange device -"});
  EXPECT_EQ(by.at("sta 02:00:00:00:52:02"), V{"1 succeeded unknown unknown -"});
  EXPECT_EQ(by.at("sta 02:00:00:00:52:03"), V{"1 succeeded unknown unknown -"});
  const auto sessions = sessions_by_device(r);
  EXPECT_EQ(sessions.at("sta 02:00:00:00:52:02"), 1u);
  EXPECT_EQ(sessions.at("sta 02:00:00:00:52:03"), 1u);
  for (const auto& g : r.groups)
    for (const auto& a : g.attempts) EXPECT_NE(a.start.clk, wlancode::instant::clock::none);  // "mar/02 08:15:40"
}

TEST(Producers3, StationModeAndOtherLinesAreNoApEvents) {
  // A RouterOS station's own link ("lost connection", its AP's MAC), a line without the signal
  // strength and an Auth refused (no published print: not guessed): no attempt.
  const std::string log =
      "mar/02 08:15:40 wireless,info 02:00:00:00:52:09@wlan2-Corp: lost connection, extensive data loss, signal "
      "strength -62\n"
      "mar/02 08:15:41 system,info 02:00:00:00:52:0a@bridge1: disconnected, by admin\n"
      "Mar  2 08:15:42 wlceventd: wlceventd_proc_event(527): eth6: Auth 02:00:00:00:51:09, status: Unspecified "
      "failure (1), rssi:-55\n";
  const auto r = diagnose(log);
  EXPECT_TRUE(r.groups.empty());
}

// One line per attempt of the whole report, by device (not group) order.
V attempts_by_device_order(const wlancode::diagnose::report& r) {
  V out;
  for (const auto& [device, lines] : attempts_by_device(r)) out.insert(out.end(), lines.begin(), lines.end());
  return out;
}

TEST(Producers3, AndroidHalCallbacksRepeatTheSupplicantsFailures) {
  // A logcat with the supplicant's lines and the framework's HAL callbacks (verbose logging): each
  // failure is told twice, one attempt; the callbacks name no interface (wlan0's, from the lines
  // before).
  const std::string supplicant[] = {
      "05-11 09:30:00.100  1877  1990 I wpa_supplicant: wlan0: Trying to associate with 02:00:00:00:54:01 "
      "(SSID='Corp' freq=5180 MHz)\n",
      "05-11 09:30:00.140  1877  1990 I wpa_supplicant: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:54:01 "
      "status_code=17\n",
      "05-11 09:30:10.100  1877  1990 I wpa_supplicant: wlan0: Trying to associate with 02:00:00:00:54:01 "
      "(SSID='Corp' freq=5180 MHz)\n",
      "05-11 09:30:10.150  1877  1990 I wpa_supplicant: wlan0: Associated with 02:00:00:00:54:01\n",
      "05-11 09:30:14.200  1877  1990 I wpa_supplicant: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:54:01 "
      "reason=15\n",
      "05-11 09:30:40.100  1877  1990 I wpa_supplicant: wlan0: Trying to associate with 02:00:00:00:54:01 "
      "(SSID='Corp' freq=5180 MHz)\n",
      "05-11 09:30:40.150  1877  1990 I wpa_supplicant: wlan0: Associated with 02:00:00:00:54:01\n",
      "05-11 09:30:40.300  1877  1990 I wpa_supplicant: wlan0: CTRL-EVENT-CONNECTED - Connection to "
      "02:00:00:00:54:01 completed [id=0 id_str=]\n",
      "05-11 09:50:00.000  1877  1990 I wpa_supplicant: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:54:01 "
      "reason=3\n"};
  // The callbacks after the supplicant's lines 2, 5 and 9.
  const std::map<int, std::string> hal = {
      {2,
       "05-11 09:30:00.142  1877  2301 D SupplicantStaIfaceHalAidlImpl: "
       "ISupplicantStaIfaceCallback.onAssociationRejected received\n"},
      {5,
       "05-11 09:30:14.202  1877  2301 D SupplicantStaIfaceHalAidlImpl: "
       "ISupplicantStaIfaceCallback.onDisconnected received\n"
       "05-11 09:30:14.203  1877  2301 E SupplicantStaIfaceCallbackAidlImpl: onDisconnected state=7 "
       "locallyGenerated=false reasonCode=15\n"},
      {9,
       "05-11 09:50:00.002  1877  2301 D SupplicantStaIfaceHalAidlImpl: "
       "ISupplicantStaIfaceCallback.onDisconnected received\n"
       "05-11 09:50:00.003  1877  2301 E SupplicantStaIfaceCallbackAidlImpl: onDisconnected state=9 "
       "locallyGenerated=false reasonCode=3\n"}};
  std::string alone, both;
  int n = 0;
  for (const std::string& l : supplicant) {
    alone += l;
    both += l;
    if (auto it = hal.find(++n); it != hal.end()) both += it->second;
  }
  const V expected{"1 failed association ap ieee80211_status:17", "1 failed key_exchange ap ieee80211_reason:15",
                   "1 succeeded unknown unknown -"};
  EXPECT_EQ(attempts_by_device_order(diagnose(alone)), expected);
  const auto r = diagnose(both);
  EXPECT_EQ(attempts_by_device_order(r), expected);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].interface, "wlan0");
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  ASSERT_TRUE(r.groups[0].sessions[0].end_code);
  EXPECT_EQ(r.groups[0].sessions[0].end_code->ref, "ieee80211_reason:3");
}

TEST(Producers3, AndroidHalCallbacksAlone) {
  // Only the framework's tags: a rejection, then an authentication timeout.
  const std::string log =
      "05-11 09:31:00.500  1877  2301 D SupplicantStaIfaceHal: ISupplicantStaIfaceCallback.onAssociationRejected "
      "received\n"
      "05-11 09:31:30.500  1877  2301 D SupplicantStaIfaceHal: ISupplicantStaIfaceCallback.onAuthenticationTimeout "
      "received\n"
      "05-11 09:31:31.000  1877  2301 D SupplicantStaIfaceHal: ISupplicantStaIfaceCallback.onStateChanged received\n";
  EXPECT_EQ(attempts_by_device_order(diagnose(log)),
            (V{"1 failed association ap -", "1 failed authentication device -"}));
}

TEST(Producers3, UniFiStahtdWithHostapdIsOneDevicePerStation) {
  // A UniFi AP's hostapd and stahtd lines about the same station are one device; stahtd's
  // "failure" after an association is a failed join (its wpa_auth_failures: a wrong password),
  // "success" a join; "soft failure" is no result.
  const std::string log =
      "Mon Mar  2 08:15:40 2026 user.info hostapd[6944]: wifi0ap6: STA 02:00:00:00:55:01 IEEE 802.11: associated "
      "(aid 3)\n"
      "Mon Mar  2 08:15:40 2026 user.info stahtd[6930]: [STA-TRACKER].stahtd_dump_event(): "
      "{\"op\":\"event\",\"message_type\":\"STA_ASSOC_TRACKER\",\"event_type\":\"association\",\"mac\":\"02:00:00:00:"
      "55:01\",\"vap\":\"wifi0ap6\",\"assoc_status\":\"0\",\"event_id\": \"1\"}\n"
      "Mon Mar  2 08:15:41 2026 user.info stahtd[6930]: [STA-TRACKER].stahtd_dump_event(): "
      "{\"op\":\"event\",\"message_type\":\"STA_ASSOC_TRACKER\",\"event_type\":\"success\",\"mac\":\"02:00:00:00:55:"
      "01\",\"vap\":\"wifi0ap6\",\"assoc_status\":\"0\",\"dns_responses\": \"1\"}\n"
      "Mon Mar  2 08:16:00 2026 user.info stahtd[6930]: [STA-TRACKER].stahtd_dump_event(): "
      "{\"op\":\"event\",\"message_type\":\"STA_ASSOC_TRACKER\",\"event_type\":\"association\",\"mac\":\"02:00:00:00:"
      "55:02\",\"vap\":\"wifi0ap6\",\"assoc_status\":\"0\",\"event_id\": \"1\"}\n"
      "Mon Mar  2 08:16:10 2026 user.info stahtd[6930]: [STA-TRACKER].stahtd_dump_event(): "
      "{\"message_type\":\"STA_ASSOC_TRACKER\",\"mac\":\"02:00:00:00:55:02\",\"vap\":\"wifi0ap6\",\"event_type\":"
      "\"failure\",\"assoc_status\":\"0\",\"wpa_auth_failures\":\"3\",\"event_id\":\"2\"}\n"
      "Mon Mar  2 08:16:30 2026 user.info stahtd[6930]: [STA-TRACKER].stahtd_dump_event(): "
      "{\"op\":\"event\",\"message_type\":\"STA_ASSOC_TRACKER\",\"event_type\":\"association\",\"mac\":\"02:00:00:00:"
      "55:02\",\"vap\":\"wifi0ap6\",\"assoc_status\":\"0\",\"event_id\": \"3\"}\n"
      "Mon Mar  2 08:16:31 2026 user.info stahtd[6930]: [STA-TRACKER].stahtd_dump_event(): "
      "{\"op\":\"event\",\"message_type\":\"STA_ASSOC_TRACKER\",\"event_type\":\"success\",\"mac\":\"02:00:00:00:55:"
      "02\",\"vap\":\"wifi0ap6\",\"assoc_status\":\"0\",\"dns_responses\": \"2\"}\n"
      "Mon Mar  2 09:00:00 2026 user.info stahtd[6930]: [STA-TRACKER].stahtd_dump_event(): "
      "{\"message_type\":\"STA_ASSOC_TRACKER\",\"mac\":\"02:00:00:00:55:02\",\"vap\":\"wifi0ap6\",\"event_type\":"
      "\"soft "
      "failure\",\"assoc_status\":\"0\",\"sta_dc_reason\":\"sta left\",\"disassoc_reason\":\"8\",\"event_id\":\"4\"}\n";
  const auto r = diagnose(log);
  const auto by = attempts_by_device(r);
  ASSERT_EQ(by.size(), 2u);
  EXPECT_EQ(by.at("wifi0ap6 sta 02:00:00:00:55:01"), V{"1 succeeded unknown unknown -"});
  EXPECT_EQ(by.at("wifi0ap6 sta 02:00:00:00:55:02"),
            (V{"1 failed key_exchange unknown -", "1 succeeded unknown unknown -"}));
  const auto sessions = sessions_by_device(r);
  EXPECT_EQ(sessions.at("wifi0ap6 sta 02:00:00:00:55:01"), 1u);
  EXPECT_EQ(sessions.at("wifi0ap6 sta 02:00:00:00:55:02"), 1u);
}

}  // namespace
