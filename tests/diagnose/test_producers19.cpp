// Attempts from logs of the nineteenth lifecycle-event audit (a tenth proxy held-out set of
// published logs, docs/producers-audit.md: embedded and mobile clients): ESP-IDF log lines whose
// tag holds a space (no host), Espressif's "no AP found" after a try that authenticated (the next
// try's scan), the ESP8266 core's disconnect reason a few lines after the blob's state change (the
// same failure), an Arduino-ESP32 reason line as the device's first word (a session up before the
// log), and ESP-IDF's "state: run -> auth" (the link ended). The logs are written by the project
// in each producer's print style; the expectations are hand-typed: outcome, failing phase, who
// ended it, decisive code.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "internal.hpp"

namespace {

using namespace diagnose_test;

TEST(Producers19, EspIdfTagWithASpaceIsNoHost) {
  // ESP-IDF's "L (ms) tag: " prefix: the tag may hold a space; the word before it is no host.
  using wlancode::diagnose::detail::host_of;
  EXPECT_EQ(host_of("W (4410) WIFI EVT: Wi-Fi Reason: AUTH_FAIL (202)", "W (4410)"), "");
  EXPECT_EQ(host_of("I (4410) wifi station: retry to connect to the AP", "I (4410)"), "");
  // A syslog line keeps its host.
  EXPECT_EQ(host_of("Mar 10 18:02:01 pi-gw wpa_supplicant[611]: wlan0: x", "Mar 10 18:02:01"), "pi-gw");
}

TEST(Producers19, EspIdfApplicationLinesStayWithTheBlobsLines) {
  // An application's event handler ("conn mgr", "WIFI EVT") beside the blob's "wifi:" lines: one
  // device. The try authenticates and fails; the handler's "no AP found" 2.4 s on is the next
  // try's scan (no state change between), not that failure's reason. Before: two devices (the
  // file, and "WIFI" for the handler's lines: the failure counted twice); as one device, the 201
  // would have been taken as the authentication's reason.
  const std::string log =
      "I (3210) conn mgr: Connection attempt: 4\n"
      "I (3580) wifi: state: init -> auth (b0)\n"
      "I (4580) wifi: state: auth -> init (200)\n"
      "W (4580) WIFI EVT: Wi-Fi Reason: AUTH_FAIL (202)\n"
      "I (4580) conn mgr: Connection attempt: 5\n"
      "W (6990) WIFI EVT: Wi-Fi Reason: NO_AP_FOUND (201)\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0], "1 failed authentication ap esp_wifi_reason:202");
  EXPECT_EQ(a[1], "1 failed discovery device esp_wifi_reason:201");
}

TEST(Producers19, Esp8266CoreReasonAfterTheStateChangeIsThatFailure) {
  // The NONOS blob's "state: 2 -> 0 (2)" fails the try in authentication; the Arduino core's
  // event handler prints "STA disconnect: 2" three lines on: that failure's reason, one failure
  // per try. Before: each reason read as another try's failure (four attempts for two).
  const std::string one =
      "state: 0 -> 2 (b0)\nstate: 2 -> 0 (2)\nreconnect\nwifi evt: 1\nSTA disconnect: 2\nscandone\n";
  const auto a = attempts_with_codes(diagnose(one + one));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "2 failed authentication device esp_wifi_reason:2");
}

TEST(Producers19, ArduinoReasonLineAsFirstWordEndsASessionBeforeTheLog) {
  // Arduino-ESP32 3.x at warning level prints only the disconnect event's "Reason: N - NAME".
  // Leaving (8) as the device's first word: a session up before the log ended, no attempt.
  // Before: a failed attempt inferred from the code.
  const auto r = diagnose(
      "[SYS] uptime 3605 s, rssi -61 dBm\n"
      "[3605120][W][STA.cpp:137] _onStaArduinoEvent(): Reason: 8 - ASSOC_LEAVE\n");
  EXPECT_TRUE(attempts_with_codes(r).empty());
  EXPECT_EQ(session_count(r), 1u);
}

TEST(Producers19, ArduinoReasonOnlyATryGivesIsStillAFailedAttempt) {
  // The same line with the handshake timeout (204), which only a try to connect gives: unchanged,
  // a failed attempt in the key exchange, ended by this device's timer.
  const auto a =
      attempts_with_codes(diagnose("[  8120][W][STA.cpp:137] _onStaArduinoEvent(): Reason: 204 - HANDSHAKE_TIMEOUT\n"));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed key_exchange device esp_wifi_reason:204");
}

TEST(Producers19, EspIdfRunToAuthEndsTheLink) {
  // ESP-IDF's blob going from run back to auth: the link ended (it authenticates again at once),
  // then the second join. Two connections and two sessions, the first ended. Before: "run ->
  // auth" read as an authentication step while connected (a roam of one session).
  const std::string join =
      "I (%1) wifi: state: init -> auth (b0)\n"
      "I (%2) wifi: state: auth -> assoc (0)\n"
      "I (%3) wifi: state: assoc -> run (10)\n"
      "I (%4) wifi: connected with Lab, channel 6\n";
  auto at = [&](const std::string& a, const std::string& b, const std::string& c, const std::string& d) {
    std::string s = join;
    for (const auto& [k, v] : {std::pair{"%1", a}, {"%2", b}, {"%3", c}, {"%4", d}}) s.replace(s.find(k), 2, v);
    return s;
  };
  const std::string log = at("1200", "1210", "1230", "1240") + "I (61870) wifi: state: run -> auth (7c0)\n" +
                          at("61880", "61890", "61910", "61920");
  const auto r = diagnose(log);
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
  EXPECT_EQ(a[1].substr(0, 11), "1 succeeded");
  EXPECT_EQ(session_count(r), 2u);
}

TEST(Producers19, EspIdfGotIpAsFirstWordIsAJoinThatSucceeded) {
  // esp_netif's "sta ip: ..." (IP_EVENT_STA_GOT_IP, posted only when the address changes) with no
  // line of the join before it (the blob's at debug level): the end of a join that succeeded, its
  // session up. Before: nothing (an address with no attempt and no session).
  const auto r = diagnose(
      "I (2310) app: joining Lab\n"
      "I (5120) esp_netif_handlers: sta ip: 10.0.0.7, mask: 255.255.255.0, gw: 10.0.0.1\n");
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
  ASSERT_EQ(session_count(r), 1u);
  EXPECT_TRUE(r.groups[0].sessions[0].ip_configured);
}

TEST(Producers19, DhcpcdLeaseAsFirstWordIsStillNoAttempt) {
  // dhcpcd prints "leased" on every renewal too: alone it is no join (unchanged).
  EXPECT_TRUE(
      attempts_with_codes(diagnose("Mar 10 18:02:01 pi-gw dhcpcd[388]: wlan0: leased 10.0.0.8 for 86400 seconds\n"))
          .empty());
}

TEST(Producers19, EspIdfGotIpAfterTheJoinIsThatJoinsAddress) {
  // The same line after "connected with": the join's address, no second attempt (unchanged).
  const auto r = diagnose(
      "I (1200) wifi:state: init -> auth (b0)\n"
      "I (1210) wifi:state: auth -> assoc (0)\n"
      "I (1230) wifi:state: assoc -> run (10)\n"
      "I (1290) wifi:connected with Lab, aid = 1, channel 6, BW20, bssid = 02:00:00:00:19:01\n"
      "I (2120) esp_netif_handlers: sta ip: 10.0.0.7, mask: 255.255.255.0, gw: 10.0.0.1\n");
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
  EXPECT_EQ(session_count(r), 1u);
}

TEST(Producers19, EspIdfStartWifiConnectBeginsATry) {
  // The blob's "Start wifi connect", its scan, and the log cut before a result: one try of unknown
  // outcome. Before: nothing.
  const auto a =
      attempts_with_codes(diagnose("D (2318) wifi:Start wifi connect\n"
                                   "D (2318) wifi:connect status 0 -> 1\n"
                                   "D (2440) wifi:ap found, mac=02:00:00:00:19:02\n"));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 9), "1 unknown");
}

}  // namespace
