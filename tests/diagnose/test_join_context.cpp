// Attempts whose steps or context only the producer's own words give: Realtek drivers' join
// steps, hostapd's debug 4-way handshake seen from the AP, an EAP exchange that went no further,
// SSIDs printed quoted on lines without a BSSID, interface names interface_of does not know, a
// wlanreport XML pasted without its root element, a wired port's 802.1X code. Each log is written by the project in the
// producer's format; the expectations are hand-typed.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;

V interfaces_of(const wlancode::diagnose::report& r) {
  V out;
  for (const auto& g : r.groups) out.push_back(g.interface);
  return out;
}

TEST(JoinContext, AmebaJoinThenDeauthDuringTheHandshake) {
  // Ameba prints the deauthentication's reason and no disconnect event: the attempt it tore
  // down failed, in the key exchange that follows association.
  const std::string log =
      "[Driver]: set ssid [Lab]\n"
      "[Driver]: start auth to 02:00:00:00:00:07\n"
      "[Driver]: auth alg = 0\n"
      "[Driver]: auth success, start assoc\n"
      "[Driver]: association success(res=3)\n"
      "[Driver]: sta recv deauth reason code(15) sta:02:00:00:00:00:07\n"
      "dissconn reason code: 15\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), V{"1 failed key_exchange ap ieee80211_reason:15"});
  EXPECT_EQ(attempts_of(r), V{"1 failed key_exchange ap wrong_password"});
}

TEST(JoinContext, RealtekLinuxDriverAssociatedThenDisassociated) {
  const std::string log =
      "[ 3021.550118] RTL871X: start auth\n"
      "[ 3021.553201] RTL871X: auth success, start assoc\n"
      "[ 3021.556004] RTL871X: assoc success\n"
      "[ 3022.001923] RTL871X: indicate disassoc\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), V{"1 failed key_exchange unknown -"});
  // "RTL871X: " is the driver's tag, not an interface.
  EXPECT_EQ(interfaces_of(r), V{""});
}

TEST(JoinContext, AbandonedAttemptWithoutAReasonHasNoOutcome) {
  const std::string log =
      "[ 3021.550118] RTW: start auth\n"
      "[ 3021.553201] RTW: auth success, start assoc\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), V{"1 unknown unknown unknown -"});
  EXPECT_EQ(r.verdict, "1 connection attempt: 0 succeeded, 1 with no result in the log");
}

TEST(JoinContext, HostapdDebugStationNeverAnswersTheHandshake) {
  // hostapd -dd: message 1 sent again and again, then the authenticator gives the station up.
  const std::string log =
      "wlan1: STA 02:00:00:00:40:01 IEEE 802.11: associated (aid 1)\n"
      "wlan1: STA 02:00:00:00:40:01 WPA: sending 1/4 msg of 4-Way Handshake\n"
      "wlan1: STA 02:00:00:00:40:01 WPA: EAPOL-Key timeout\n"
      "wlan1: STA 02:00:00:00:40:01 WPA: sending 1/4 msg of 4-Way Handshake\n"
      "wlan1: STA 02:00:00:00:40:01 WPA: EAPOL-Key timeout\n"
      "wlan1: STA 02:00:00:00:40:01 WPA: PTKSTART: Retry limit 4 reached\n"
      "hostapd_wpa_auth_disconnect: WPA authenticator requests disconnect: STA 02:00:00:00:40:01 reason 2\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), V{"1 failed key_exchange ap ieee80211_reason:2"});
  EXPECT_EQ(interfaces_of(r), V{"wlan1 sta 02:00:00:00:40:01"});
}

TEST(JoinContext, EapStartedAndNothingMoreFailsInEap) {
  const std::string log =
      "wlan0: SME: Trying to authenticate with 02:00:00:00:00:31 (SSID='Corp' freq=5180 MHz)\n"
      "wlan0: Trying to associate with 02:00:00:00:00:31 (SSID='Corp' freq=5180 MHz)\n"
      "wlan0: Associated with 02:00:00:00:00:31\n"
      "wlan0: CTRL-EVENT-EAP-STARTED EAP authentication started\n"
      "wlan0: CTRL-EVENT-EAP-METHOD EAP vendor 0 method 25 (PEAP) selected\n"
      "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:31 reason=3 locally_generated=1\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_of(r), V{"1 failed eap device eap_failure"});
}

TEST(JoinContext, EapSucceededThenTheHandshakeFailed) {
  const std::string log =
      "wlan0: Associated with 02:00:00:00:00:31\n"
      "wlan0: CTRL-EVENT-EAP-STARTED EAP authentication started\n"
      "wlan0: CTRL-EVENT-EAP-SUCCESS EAP authentication completed successfully\n"
      "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:31 reason=15\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), V{"1 failed key_exchange ap ieee80211_reason:15"});
}

TEST(JoinContext, SsidPrintedQuotedWithoutABssid) {
  const std::string log =
      "Sep  4 04:37:15 pi wpa_supplicant[512]: wlan0: CTRL-EVENT-SSID-REENABLED id=0 ssid=\"Lab\"\n"
      "Sep  4 04:37:15 pi wpa_supplicant[512]: wlan0: Trying to associate with SSID 'Lab'\n"
      "Sep  4 04:37:24 pi wpa_supplicant[512]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=00:00:00:00:00:00 status_code=16\n"
      "Sep  4 04:37:24 pi wpa_supplicant[512]: wlan0: CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"Lab\" "
      "auth_failures=1 duration=10 reason=CONN_FAILED\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].ssid, "Lab");
  EXPECT_EQ(attempts_with_codes(r), V{"1 failed association device ieee80211_status:16"})
      << "no AP named: no AP's frame";
  EXPECT_EQ(r.verdict.rfind("1 of 1 attempts to `Lab` failed", 0), 0u) << r.verdict;
}

TEST(JoinContext, ARejectionThatNamesAnApIsTheAps) {
  const std::string log =
      "Sep  4 04:37:15 pi wpa_supplicant[512]: wlan0: Trying to associate with 02:00:00:00:00:32 (SSID='Lab' freq=2412 "
      "MHz)\n"
      "Sep  4 04:37:15 pi wpa_supplicant[512]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:32 status_code=16\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)), V{"1 failed association ap ieee80211_status:16"});
}

TEST(JoinContext, InterfaceNamesTheProducerPrintsBeforeItsMessage) {
  // Names interface_of does not know: an udev rename, OpenWrt's phy0-sta0.
  const std::string log =
      "Dec  2 18:40:01 pi kernel: [1666001.000001] wlancli: authenticate with 02:00:00:00:00:41\n"
      "Dec  2 18:40:01 pi kernel: [1666001.100001] wlancli: associated\n"
      "Dec  2 18:40:02 pi wpa_supplicant[483]: wlancli: CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:00:41 "
      "completed [id=0 id_str=]\n"
      "Dec  2 18:44:57 pi kernel: [1666231.058123] wlancli: deauthenticated from 02:00:00:00:00:41 (Reason: "
      "1=UNSPECIFIED)\n"
      "Sat Mar  2 08:15:40 2024 daemon.notice wpa_supplicant[1523]: phy0-sta0: CTRL-EVENT-DISCONNECTED "
      "bssid=02:00:00:00:00:42 reason=3 locally_generated=1\n";
  const auto r = diagnose(log);
  V ifs = interfaces_of(r);
  std::sort(ifs.begin(), ifs.end());
  EXPECT_EQ(ifs, (V{"phy0-sta0", "wlancli"}));
}

TEST(JoinContext, BeaconLossEndsTheSessionAsALostLink) {
  const std::string log =
      "wlan0: CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:00:51 completed [id=0 id_str=]\n"
      "wlan0: CTRL-EVENT-BEACON-LOSS \n"
      "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:51 reason=4 locally_generated=1\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_EQ(cause_id(r.groups[0].sessions[0].cause), "weak_signal");
}

TEST(JoinContext, WlanReportXmlPastedWithoutItsRoot) {
  const std::string log =
      "  <WlanEvents>\n"
      "    <WlanSession success=\"1\" interface=\"Wi-Fi Adapter\" ssid=\"Home\" profile=\"Home\">\n"
      "      <WlanEvent type=\"wlan connect\" error=\"0\">\n"
      "        <EventID>8000</EventID>\n"
      "        <EventTime>2024-07-29T21:03:32</EventTime>\n"
      "        <EventMessage>WLAN AutoConfig service started a connection to a wireless network.\n"
      "SSID: Home\n"
      "</EventMessage>\n"
      "      </WlanEvent>\n"
      "      <WlanEvent type=\"wlan connect\" error=\"0\">\n"
      "        <EventID>8001</EventID>\n"
      "        <EventTime>2024-07-29T21:03:35</EventTime>\n"
      "        <EventMessage>WLAN AutoConfig service has successfully connected to a wireless network.\n"
      "SSID: Home\n"
      "</EventMessage>\n"
      "      </WlanEvent>\n"
      "    </WlanSession>\n"
      "  </WlanEvents>\n";
  EXPECT_EQ(wlancode::scan::detect_format(log), wlancode::scan::input_format::wlanreport);
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), V{"1 succeeded unknown unknown -"});
}

TEST(JoinContext, NetworkManagerLinesWithOnlyTheirOwnStamp) {
  // journalctl -o cat, or an excerpt pasted without the journal's prefix: NetworkManager's own
  // "[epoch.frac]" after the level is the line's time.
  const std::string log =
      "NetworkManager[1292]: <info>  [1665432629.5810] device (wlp3s0): state change: ip-config -> failed "
      "(reason 'ip-config-unavailable', sys-iface-state: 'managed')\n"
      "NetworkManager[1292]: <warn>  [1665432630.3324] sup-iface[0x55,wlp3s0]: connection disconnected (reason -3)\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].attempts.size(), 1u);
  const auto& a = r.groups[0].attempts[0];
  EXPECT_EQ(a.start.clk, wlancode::instant::clock::utc);
  EXPECT_EQ(a.start.ns / 1'000'000'000, 1665432629);
  // A level with no stamp after it, or a short number, is no time.
  const auto none = diagnose(
      "NetworkManager[1292]: <info>  [42] device (wlp3s0): state change: ip-config -> failed (reason "
      "'ip-config-unavailable', sys-iface-state: 'managed')\n");
  ASSERT_EQ(none.groups.size(), 1u);
  ASSERT_EQ(none.groups[0].attempts.size(), 1u);
  EXPECT_EQ(none.groups[0].attempts[0].start.clk, wlancode::instant::clock::none);
}

TEST(JoinContext, WiredPortCodeIsNoWifiAttempt) {
  // Security 5633 (802.1X on an Ethernet port): its ReasonCode is in WLAN_REASON_CODE's 802.3 MSM
  // range; no Wi-Fi connection was tried.
  const std::string log =
      "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider "
      "Name='Microsoft-Windows-Security-Auditing'/><EventID>5633</EventID><TimeCreated "
      "SystemTime='2024-05-01T08:00:00.000000000Z'/></System><EventData><Data Name='InterfaceName'>Ethernet</Data>"
      "<Data Name='ReasonCode'>0x70003</Data><Data Name='ReasonText'>The network does not support "
      "authentication</Data></EventData></Event>\n";
  const auto r = diagnose(log);
  EXPECT_TRUE(attempts_with_codes(r).empty());
  EXPECT_EQ(r.verdict.rfind("No Wi-Fi connection attempts found", 0), 0u) << r.verdict;
  // A Wi-Fi code of the same event shape still is one.
  std::string wifi = log;
  wifi.replace(wifi.find("0x70003"), 7, "0x50005");
  EXPECT_EQ(attempts_with_codes(diagnose(wifi)).size(), 1u);
}

TEST(JoinContext, OneExportedEventsCodesAreOneAttempt) {
  // wevtutil text of a Security 5632: its Reason Code, Error Code, EAP Reason Code and EAP Error
  // Code tell one failure. Two such events are two attempts.
  const auto event = [](const std::string& date) {
    return "Event[0]:\n"
           "  Log Name: Security\n"
           "  Source: Microsoft-Windows-Security-Auditing\n"
           "  Date: " +
           date +
           "\n"
           "  Event ID: 5632\n"
           "  Computer: LAPTOP-7\n"
           "  Description: \n"
           "A request was made to authenticate to a wireless network.\n"
           "\n"
           "Network Information:\n"
           "\tName (SSID):\t\tLab\n"
           "\tPeer MAC Address:\t02:00:00:00:60:01\n"
           "\n"
           "Status Information:\n"
           "\tReason Code:\t\tExplicit Eap failure received (0x50005)\n"
           "\tError Code:\t\t0x80420112\n"
           "\tEAP Reason Code:\t0x80420100\n"
           "\tEAP Error Code:\t\t0x80420112\n"
           "\n";
  };
  EXPECT_EQ(attempts_of(diagnose(event("2024-05-01T08:00:00.000"))), V{"1 failed eap auth_server eap_failure"});
  const auto two = diagnose(event("2024-05-01T08:00:00.000") + event("2024-05-01T08:05:00.000"));
  std::size_t n = 0;
  for (const auto& g : two.groups)
    for (const auto& a : g.attempts) n += a.count;
  EXPECT_EQ(n, 2u);
}

TEST(JoinContext, ArduinoEsp32OnTheIdeSerialMonitor) {
  // The IDE's "HH:MM:SS.mmm -> " before the device's own "[ ms][V]" stamp; the SSID of
  // WiFiGeneric.cpp's "STA Disconnected: SSID: <ssid>, BSSID: ..." (blanks allowed).
  const std::string log =
      "09:12:30.101 -> [ 20110][V][WiFiGeneric.cpp:362] _arduino_event_cb(): STA Disconnected: SSID: Lab Guest, "
      "BSSID: 02:00:00:00:70:01, Reason: 15\n"
      "09:12:30.102 -> [ 20111][D][WiFiGeneric.cpp:1039] _eventCallback(): Arduino Event: 5 - STA_DISCONNECTED\n"
      "09:12:30.110 -> [ 20118][W][WiFiGeneric.cpp:1061] _eventCallback(): Reason: 15 - 4WAY_HANDSHAKE_TIMEOUT\n"
      "09:12:30.120 -> Disconnected, retrying\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].ssid, "Lab Guest");
  ASSERT_EQ(r.groups[0].attempts.size(), 1u);
  const auto& a = r.groups[0].attempts[0];
  EXPECT_EQ(a.start.clk, wlancode::instant::clock::relative);
  EXPECT_EQ(a.start.ns, 20'110'000'000);
}

TEST(JoinContext, Esp8266DisconnectToldAgainGivesTheSessionItsReason) {
  // The SDK's state change ends the session; the firmware's DISCONNECTED event a few lines on
  // (other SDK lines between) tells its reason: the session's end, not a failed attempt.
  const std::string log =
      "state: 5 -> 0 (200)\n"
      "rm 0\n"
      "pm close 7 0 0/10001588\n"
      "D (36157) event: SYSTEM_EVENT_STA_DISCONNECTED, ssid:Lab, ssid_len:3, bssid:02:00:00:00:80:01, reason:204\n"
      "V (36167) event: enter default callback\n";
  const auto r = diagnose(log);
  EXPECT_TRUE(attempts_with_codes(r).empty());
  std::size_t sessions = 0;
  for (const auto& g : r.groups)
    for (const auto& ss : g.sessions) {
      ++sessions;
      ASSERT_TRUE(ss.end_code.has_value());
      EXPECT_EQ(ss.end_code->ref, "esp_wifi_reason:204");
    }
  EXPECT_EQ(sessions, 1u);
}

}  // namespace
