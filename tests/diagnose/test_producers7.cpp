// Attempts from logs of the seventh lifecycle-event audit: Linux stacks (NetworkManager with
// wpa_supplicant and roaming, WPA3-SAE, 802.1X/EAP, dhclient), iwd and ESP-IDF. The logs are
// written by the project in each producer's print style (docs/producers-audit.md); the
// expectations are hand-typed: outcome, failing phase, who ended it, decisive code, and the
// sessions' roams and ends.
#include <gtest/gtest.h>

#include <map>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;

const std::string nm = "lab-nuc NetworkManager[701]: <info>  ";
const std::string sup = "lab-nuc wpa_supplicant[655]: wlp3s0: ";

TEST(Producers7, NetworkManagerRelayingASupplicantRoamIsNoSecondRoam) {
  // A join, a roam to a second BSSID of Corp (bgscan after a signal drop), then NetworkManager's
  // supplicant states of that roam, logged after the supplicant's CTRL-EVENT-CONNECTED. Before:
  // the relayed states opened a second roam (two roams, three "succeeded" attempts).
  const std::string log =
      "Mar  4 09:12:01 " + sup + "SME: Trying to authenticate with 02:00:00:10:00:01 (SSID='Corp' freq=5180 MHz)\n" +
      "Mar  4 09:12:01 " + nm + "[1772615521.0102] device (wlp3s0): supplicant interface state: scanning -> " +
      "authenticating\n" + "Mar  4 09:12:01 " + sup + "Associated with 02:00:00:10:00:01\n" + "Mar  4 09:12:01 " + sup +
      "CTRL-EVENT-CONNECTED - Connection to 02:00:00:10:00:01 completed [id=0 id_str=]\n" + "Mar  4 09:12:01 " + nm +
      "[1772615521.1802] device (wlp3s0): supplicant interface state: 4way_handshake -> completed\n" +
      "Mar  4 09:20:14 " + sup + "CTRL-EVENT-SIGNAL-CHANGE above=0 signal=-79 noise=-92 txrate=58500\n" +
      "Mar  4 09:20:14 " + sup + "bgscan simple: Trigger immediate scan\n" + "Mar  4 09:20:15 " + sup +
      "SME: Trying to authenticate with 02:00:00:10:00:02 (SSID='Corp' freq=5500 MHz)\n" +
      "Mar  4 09:20:15 lab-nuc kernel: wlp3s0: disconnect from AP 02:00:00:10:00:01 for new auth to "
      "02:00:00:10:00:02\n" +
      "Mar  4 09:20:15 " + sup + "Associated with 02:00:00:10:00:02\n" + "Mar  4 09:20:15 " + sup +
      "WPA: Key negotiation completed with 02:00:00:10:00:02 [PTK=CCMP GTK=CCMP]\n" + "Mar  4 09:20:15 " + sup +
      "CTRL-EVENT-CONNECTED - Connection to 02:00:00:10:00:02 completed [id=0 id_str=]\n" + "Mar  4 09:20:15 " + nm +
      "[1772616015.7003] device (wlp3s0): supplicant interface state: completed -> authenticating\n" +
      "Mar  4 09:20:15 " + nm + "[1772616015.7309] device (wlp3s0): supplicant interface state: authenticating -> " +
      "associating\n" + "Mar  4 09:20:15 " + nm +
      "[1772616015.7602] device (wlp3s0): supplicant interface state: associating -> completed\n" + "Mar  4 09:41:30 " +
      sup + "CTRL-EVENT-BEACON-LOSS\n" + "Mar  4 09:41:32 " + sup +
      "CTRL-EVENT-DISCONNECTED bssid=02:00:00:10:00:02 reason=4 locally_generated=1\n" + "Mar  4 09:41:32 " + nm +
      "[1772617292.0101] device (wlp3s0): supplicant interface state: completed -> disconnected\n";
  const auto r = diagnose(log);
  EXPECT_EQ(
      attempts_by_group(r),
      (std::map<std::string, V>{{"wlp3s0 Corp", {"1 succeeded unknown unknown -", "1 succeeded unknown unknown -"}}}));
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  const auto& s = r.groups[0].sessions[0];
  EXPECT_EQ(s.roams, 1u);
  ASSERT_TRUE(s.end_code);
  EXPECT_EQ(s.end_code->ref, "ieee80211_reason:4");
}

TEST(Producers7, NetworkManagerAloneStillCountsItsRoams) {
  // Only NetworkManager's lines (no supplicant lines): a roam it tells is a roam.
  const std::string d = " device (wlan0): supplicant interface state: ";
  const std::string log = "Mar  4 10:00:00 " + nm + "[1772618400.0000]" + d + "scanning -> authenticating\n" +
                          "Mar  4 10:00:00 " + nm + "[1772618400.1000]" + d + "authenticating -> associating\n" +
                          "Mar  4 10:00:01 " + nm + "[1772618401.0000]" + d + "associating -> completed\n" +
                          "Mar  4 10:00:01 " + nm + "[1772618401.2000] device (wlan0): state change: secondaries " +
                          "-> activated (reason 'none', sys-iface-state: 'managed')\n" + "Mar  4 10:00:03 " + nm +
                          "[1772618403.0000]" + d + "completed -> authenticating\n" + "Mar  4 10:00:03 " + nm +
                          "[1772618403.1000]" + d + "authenticating -> associating\n" + "Mar  4 10:00:04 " + nm +
                          "[1772618404.0000]" + d + "associating -> completed\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_EQ(r.groups[0].sessions[0].roams, 1u);
}

TEST(Producers7, SaeConfirmRejectedThenWrongKeyThenNetworkManagerTimesOut) {
  // WPA3-SAE with a wrong password: the AP rejects the SAE confirm (auth_type=3,
  // auth_transaction=2, status 15) twice, the supplicant disables the network with WRONG_KEY,
  // NetworkManager gives up 22 s later ("association took too long", then "-> failed"). Then
  // the right password. Before: besides the rejections, a key exchange failure (WRONG_KEY) and an
  // association failure (NetworkManager's timer) of their own.
  const std::string w = "tower wpa_supplicant[790]: wlan0: ";
  const std::string n = "tower NetworkManager[812]: ";
  const std::string log =
      "Mar  5 18:02:10 " + n + "<info>  [1772733730.0011] device (wlan0): Activation: starting connection 'Home' " +
      "(0c3e6a1b-2f4d-4b7a-9c8d-1e2f3a4b5c6d)\n" + "Mar  5 18:02:11 " + w +
      "SME: Trying to authenticate with 02:00:00:30:00:01 (SSID='Home' freq=5220 MHz)\n" + "Mar  5 18:02:11 " + w +
      "CTRL-EVENT-AUTH-REJECT 02:00:00:30:00:01 auth_type=3 auth_transaction=2 status_code=15\n" + "Mar  5 18:02:12 " +
      w + "SME: Trying to authenticate with 02:00:00:30:00:01 (SSID='Home' freq=5220 MHz)\n" + "Mar  5 18:02:12 " + w +
      "CTRL-EVENT-AUTH-REJECT 02:00:00:30:00:01 auth_type=3 auth_transaction=2 status_code=15\n" + "Mar  5 18:02:13 " +
      w + "CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"Home\" auth_failures=1 duration=10 reason=WRONG_KEY\n" +
      "Mar  5 18:02:13 " + n +
      "<info>  [1772733733.2200] device (wlan0): supplicant interface state: authenticating -> disconnected\n" +
      "Mar  5 18:02:35 " + n +
      "<warn>  [1772733755.0001] device (wlan0): Activation: (wifi) association took too long, failing activation\n" +
      "Mar  5 18:02:35 " + n + "<info>  [1772733755.0012] device (wlan0): state change: config -> failed (reason " +
      "'no-secrets', sys-iface-state: 'managed')\n" + "Mar  5 18:03:41 " + w +
      "SME: Trying to authenticate with 02:00:00:30:00:01 (SSID='Home' freq=5220 MHz)\n" + "Mar  5 18:03:41 " + w +
      "Associated with 02:00:00:30:00:01\n" + "Mar  5 18:03:41 " + w +
      "CTRL-EVENT-CONNECTED - Connection to 02:00:00:30:00:01 completed [id=0 id_str=]\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_by_group(r),
            (std::map<std::string, V>{
                {"wlan0 Home", {"2 failed authentication ap ieee80211_status:15", "1 succeeded unknown unknown -"}}}));
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_FALSE(r.groups[0].attempts.empty());
  EXPECT_EQ(cause_id(r.groups[0].attempts[0].cause), "wrong_password");
}

TEST(Producers7, NetworkManagerFailingLongAfterANewStartIsItsOwn) {
  // The supplicant's rejection, then a new try of its own that NetworkManager's timer ends: the
  // timer's failure is that second attempt's, not the rejection told again.
  const std::string w = "tower wpa_supplicant[790]: wlan0: ";
  const std::string n = "tower NetworkManager[812]: ";
  const std::string log =
      "Mar  5 19:00:00 " + w + "SME: Trying to authenticate with 02:00:00:30:00:01 (SSID='Home' freq=5220 MHz)\n" +
      "Mar  5 19:00:00 " + w + "Trying to associate with 02:00:00:30:00:01 (SSID='Home' freq=5220 MHz)\n" +
      "Mar  5 19:00:00 " + w + "CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:30:00:01 status_code=17\n" + "Mar  5 19:00:06 " +
      w + "SME: Trying to authenticate with 02:00:00:30:00:02 (SSID='Home' freq=2412 MHz)\n" + "Mar  5 19:00:06 " + w +
      "Trying to associate with 02:00:00:30:00:02 (SSID='Home' freq=2412 MHz)\n" + "Mar  5 19:00:25 " + n +
      "<warn>  [1772737225.0001] device (wlan0): Activation: (wifi) association took too long, failing activation\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_by_group(r),
            (std::map<std::string, V>{
                {"wlan0 Home", {"1 failed association ap ieee80211_status:17", "1 failed association device -"}}}));
}

TEST(Producers7, EapTlsCertificateFailureThenHandshakeTimeoutAfterEapSuccess) {
  // 802.1X: EAP-TLS fails on the server's expired certificate (reason 23 from the AP); then PEAP
  // succeeds but the AP never completes the 4-way handshake (reason 15): a key exchange failure;
  // then a join, and a re-authentication while connected that changes nothing.
  const std::string w = "ws17 wpa_supplicant[901]: wlan0: ";
  const std::string bss = "02:00:00:40:00:01";
  const auto join_to = [&](const std::string& t, const std::string& b) {
    return "Mar  6 " + t + " " + w + "SME: Trying to authenticate with " + b + " (SSID='CorpSecure' freq=5745 MHz)\n" +
           "Mar  6 " + t + " " + w + "Associated with " + b + "\n" + "Mar  6 " + t + " " + w +
           "CTRL-EVENT-EAP-STARTED EAP authentication started\n";
  };
  const std::string log =
      join_to("08:30:00", bss) + "Mar  6 08:30:01 " + w +
      "CTRL-EVENT-EAP-TLS-CERT-ERROR reason=1 depth=0 subject='/CN=radius.corp.example' err='certificate has "
      "expired'\n" +
      "Mar  6 08:30:01 " + w + "CTRL-EVENT-EAP-FAILURE EAP authentication failed\n" + "Mar  6 08:30:01 " + w +
      "CTRL-EVENT-DISCONNECTED bssid=" + bss + " reason=23\n" + "Mar  6 08:30:01 " + w +
      "CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"CorpSecure\" auth_failures=1 duration=10 reason=AUTH_FAILED\n" +
      join_to("08:31:20", bss) + "Mar  6 08:31:21 " + w + "CTRL-EVENT-EAP-SUCCESS EAP authentication completed " +
      "successfully\n" + "Mar  6 08:31:25 " + w + "CTRL-EVENT-DISCONNECTED bssid=" + bss + " reason=15\n" +
      join_to("08:32:10", "02:00:00:40:00:02") + "Mar  6 08:32:11 " + w +
      "CTRL-EVENT-EAP-SUCCESS EAP authentication completed successfully\n" + "Mar  6 08:32:11 " + w +
      "CTRL-EVENT-CONNECTED - Connection to 02:00:00:40:00:02 completed [id=0 id_str=]\n" + "Mar  6 08:40:00 " + w +
      "CTRL-EVENT-EAP-STARTED EAP authentication started\n" + "Mar  6 08:40:01 " + w +
      "CTRL-EVENT-EAP-SUCCESS EAP authentication completed successfully\n";
  const auto r = diagnose(log);
  EXPECT_EQ(
      attempts_by_group(r),
      (std::map<std::string, V>{{"wlan0 CorpSecure",
                                 {"1 failed eap auth_server ieee80211_reason:23",
                                  "1 failed key_exchange ap ieee80211_reason:15", "1 succeeded unknown unknown -"}}}));
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_TRUE(r.groups[0].sessions[0].open);
}

TEST(Producers7, NetworkManagerDhcpTimeoutThenTheDeviceLeaves) {
  // NetworkManager's DHCP (dhclient as its backend) gets no answer in 45 s: "ip-config -> failed",
  // then the supplicant's reason=3 locally_generated=1 as the device leaves. The attempt failed in
  // IP configuration, decided by no code (before: the reason 3 of the teardown decided it).
  const std::string n = "yoga NetworkManager[1710]: ";
  const std::string w = "yoga wpa_supplicant[1605]: wlan0: ";
  const std::string log =
      "Mar  9 21:10:00 " + n + "<info>  [1773090600.0010] device (wlan0): Activation: starting connection 'Cafe' " +
      "(9f8e7d6c-5b4a-4321-8765-0fedcba98765)\n" + "Mar  9 21:10:01 " + w +
      "SME: Trying to authenticate with 02:00:00:70:00:01 (SSID='Cafe' freq=2437 MHz)\n" + "Mar  9 21:10:01 " + w +
      "Associated with 02:00:00:70:00:01\n" + "Mar  9 21:10:01 " + w +
      "CTRL-EVENT-CONNECTED - Connection to 02:00:00:70:00:01 completed [id=0 id_str=]\n" + "Mar  9 21:10:01 " + n +
      "<info>  [1773090601.3300] dhcp4 (wlan0): activation: beginning transaction (timeout in 45 seconds)\n" +
      "Mar  9 21:10:02 yoga dhclient[2345]: DHCPDISCOVER on wlan0 to 255.255.255.255 port 67 interval 3 " +
      "(xid=0x1a2b3c4d)\n" + "Mar  9 21:10:46 " + n + "<warn>  [1773090646.3400] dhcp4 (wlan0): request timed out\n" +
      "Mar  9 21:10:46 " + n + "<info>  [1773090646.3500] device (wlan0): state change: ip-config -> failed (reason " +
      "'ip-config-unavailable', sys-iface-state: 'managed')\n" + "Mar  9 21:10:46 " + w +
      "CTRL-EVENT-DISCONNECTED bssid=02:00:00:70:00:01 reason=3 locally_generated=1\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_by_group(r), (std::map<std::string, V>{{"wlan0 Cafe", {"1 failed ip_config device -"}}}));
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_FALSE(r.groups[0].attempts.empty());
  EXPECT_EQ(cause_id(r.groups[0].attempts[0].cause), "ip_failure");
  EXPECT_TRUE(r.groups[0].sessions.empty());
}

TEST(Producers7, GlobalControlInterfaceNamesEachEventsInterface) {
  // wpa_supplicant's global control interface (wpa_cli -g, an app's event log): "IFNAME=wlan0
  // <3>..." before each event. Two interfaces interleaved: wlan0 is refused (status 1) then joins,
  // wlan1 joins. Before: one device, wlan0's second join a "roam" of wlan1's session.
  const std::string t = "2026-03-11 10:00:0";
  const std::string log =
      t + "0.100 IFNAME=wlan0 <3>SME: Trying to authenticate with 02:00:00:90:00:01 (SSID='Depot' freq=2412 MHz)\n" +
      t + "0.200 IFNAME=wlan0 <3>CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:90:00:01 status_code=1\n" + t +
      "0.300 IFNAME=wlan1 <3>SME: Trying to authenticate with 02:00:00:90:00:02 (SSID='Depot' freq=2437 MHz)\n" + t +
      "0.400 IFNAME=wlan1 <3>Associated with 02:00:00:90:00:02\n" + t +
      "0.500 IFNAME=wlan1 <3>CTRL-EVENT-CONNECTED - Connection to 02:00:00:90:00:02 completed [id=0 id_str=]\n" + t +
      "5.000 IFNAME=wlan0 <3>SME: Trying to authenticate with 02:00:00:90:00:01 (SSID='Depot' freq=2412 MHz)\n" + t +
      "5.100 IFNAME=wlan0 <3>Associated with 02:00:00:90:00:01\n" + t +
      "5.200 IFNAME=wlan0 <3>CTRL-EVENT-CONNECTED - Connection to 02:00:00:90:00:01 completed [id=0 id_str=]\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_by_group(r),
            (std::map<std::string, V>{
                {"wlan0 Depot", {"1 failed association ap ieee80211_status:1", "1 succeeded unknown unknown -"}},
                {"wlan1 Depot", {"1 succeeded unknown unknown -"}}}));
}

TEST(Producers7, AndroidWifiMonitorRelayingARejectionIsOneAttempt) {
  // Android 4.4 - 6 logcat (brief): WifiMonitor logs each supplicant event again as "Event
  // [IFNAME=wlan0 ...]". A rejection, then a join and the device's disconnect. Before: the
  // relayed rejection was a second failed attempt (count 2).
  const std::string w = "I/wpa_supplicant( 1401): wlan0: ";
  const std::string m = "D/WifiMonitor(  950): Event [IFNAME=wlan0 ";
  const std::string a1 = "Trying to associate with 02:00:00:a0:00:01 (SSID='Attic' freq=2412 MHz)";
  const std::string rj = "CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:a0:00:01 status_code=17";
  const std::string a2 = "Trying to associate with 02:00:00:a0:00:02 (SSID='Attic' freq=2437 MHz)";
  const std::string as = "Associated with 02:00:00:a0:00:02";
  const std::string co = "CTRL-EVENT-CONNECTED - Connection to 02:00:00:a0:00:02 completed [id=1 id_str=]";
  const std::string dc = "CTRL-EVENT-DISCONNECTED bssid=02:00:00:a0:00:02 reason=3 locally_generated=1";
  std::string log;
  for (const std::string& e : {a1, rj, a2, as, co, dc}) log += w + e + "\n" + m + e + "]\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_by_group(r),
            (std::map<std::string, V>{
                {"wlan0 Attic", {"1 failed association ap ieee80211_status:17", "1 succeeded unknown unknown -"}}}));
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_EQ(r.groups[0].sessions[0].ended_by, wlancode::diagnose::ender::device);
}

TEST(Producers7, ArduinoEsp32NotFoundRetriesAreAttemptsEach) {
  // Arduino-ESP32 (core 2.x, verbose): each failure is the V line with the reason, the event line
  // and the W line restating it. Two "not found" (201) 3 s apart, then a join, then a beacon
  // timeout (200). Before: the second 201, within 5 s of the first, was taken as the first told
  // again (one failed attempt).
  const std::string g = "][V][WiFiGeneric.cpp:362] _arduino_event_cb(): STA Disconnected: SSID: Barn Net, BSSID: ";
  const std::string e = "][D][WiFiGeneric.cpp:1039] _eventCallback(): Arduino Event: ";
  const std::string w = "][W][WiFiGeneric.cpp:1061] _eventCallback(): Reason: ";
  const std::string log = "[  4210" + g + "00:00:00:00:00:00, Reason: 201\n" + "[  4211" + e +
                          "5 - STA_DISCONNECTED\n" + "[  4212" + w + "201 - NO_AP_FOUND\n" + "[  7330" + g +
                          "00:00:00:00:00:00, Reason: 201\n" + "[  7331" + e + "5 - STA_DISCONNECTED\n" + "[  7332" +
                          w + "201 - NO_AP_FOUND\n" +
                          "[  9650][V][WiFiGeneric.cpp:379] _arduino_event_cb(): STA Connected: SSID: Barn Net, BSSID: "
                          "02:00:00:b0:00:01, Channel: 11, Auth: WPA2_PSK\n" +
                          "[  9651" + e + "4 - STA_CONNECTED\n" + "[  9701" + e + "7 - STA_GOT_IP\n" + "[ 60010" + g +
                          "02:00:00:b0:00:01, Reason: 200\n" + "[ 60011" + e + "5 - STA_DISCONNECTED\n" + "[ 60012" +
                          w + "200 - BEACON_TIMEOUT\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r),
            (V{"2 failed discovery device esp_wifi_reason:201", "1 succeeded unknown unknown -"}));
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  const auto& s = r.groups[0].sessions[0];
  ASSERT_TRUE(s.end_code);
  EXPECT_EQ(s.end_code->ref, "esp_wifi_reason:200");
  EXPECT_TRUE(s.ip_configured);
}

TEST(Producers7, TimedOutAssocRejectIsATimeoutOfTheDevice) {
  // wpa_supplicant's ASSOC-REJECT with " timeout" (the AP never answered; the driver made up the
  // status), then a rejection the AP did send, then a join. Before: both "association rejected
  // by the AP" (cause ap_rejected for the first).
  const std::string w = "rpi4 wpa_supplicant[520]: wlan0: ";
  const std::string t = "Trying to associate with 02:00:00:d0:00:01 (SSID='Yard' freq=2462 MHz)\n";
  const std::string log = "Mar 13 12:00:00 " + w + t + "Mar 13 12:00:10 " + w +
                          "CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:d0:00:01 status_code=16 timeout=assoc\n" +
                          "Mar 13 12:00:20 " + w + t + "Mar 13 12:00:20 " + w +
                          "CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:d0:00:01 status_code=17\n" + "Mar 13 12:00:30 " + w +
                          t + "Mar 13 12:00:30 " + w + "Associated with 02:00:00:d0:00:01\n" + "Mar 13 12:00:31 " + w +
                          "CTRL-EVENT-CONNECTED - Connection to 02:00:00:d0:00:01 completed [id=0 id_str=]\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r),
            (V{"1 failed association device ieee80211_status:16", "1 failed association ap ieee80211_status:17",
               "1 succeeded unknown unknown -"}));
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].attempts.size(), 3u);
  EXPECT_EQ(cause_id(r.groups[0].attempts[0].cause), "weak_signal");
}

TEST(Producers7, NotFoundAfterEachScanIsNoRelay) {
  // The supplicant's NETWORK-NOT-FOUND after each scan, seconds apart, nothing begun between:
  // each scan's own failure (a relay is told at once), then a join.
  const std::string w = "pi4 wpa_supplicant[520]: wlan0: ";
  const std::string log = "Mar 14 06:00:00 " + w + "CTRL-EVENT-SCAN-STARTED \n" + "Mar 14 06:00:02 " + w +
                          "CTRL-EVENT-NETWORK-NOT-FOUND\n" + "Mar 14 06:00:02 " + w + "CTRL-EVENT-SCAN-STARTED \n" +
                          "Mar 14 06:00:05 " + w + "CTRL-EVENT-NETWORK-NOT-FOUND\n" + "Mar 14 06:00:20 " + w +
                          "Trying to associate with 02:00:00:e0:00:01 (SSID='Shed' freq=2412 MHz)\n" +
                          "Mar 14 06:00:20 " + w + "Associated with 02:00:00:e0:00:01\n" + "Mar 14 06:00:21 " + w +
                          "CTRL-EVENT-CONNECTED - Connection to 02:00:00:e0:00:01 completed [id=0 id_str=]\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), (V{"2 failed discovery device -", "1 succeeded unknown unknown -"}));
}

}  // namespace
