// Attempts from logs of the eleventh lifecycle-event audit (a third proxy held-out set of published
// logs, docs/producers-audit.md: embedded devices, access points, Windows): Espressif's firmware
// posting one disconnect event per failed try (Arduino-ESP32 2.x, ESP-IDF v3 under MicroPython),
// and hostapd's view of a station's 802.1X (EAP-STARTED naming the station, the authenticator's
// "authentication failed"). The logs are written by the project in each producer's print style;
// the expectations are hand-typed: outcome, failing phase, who ended it, decisive code, sessions.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;

TEST(Producers11, ArduinoReconnectFailuresAfterBeaconTimeout) {
  // Arduino-ESP32 2.x in the IDE's serial monitor: the link up before the log is lost (beacon
  // timeout), then each reconnect fails with AUTH_EXPIRE, a second apart. Before: the three
  // failures were swallowed as the session's end told again (no attempt at all).
  const std::string e = "[W][WiFiGeneric.cpp:1062] _eventCallback(): Reason: ";
  const std::string d = "[D][WiFiGeneric.cpp:1040] _eventCallback(): Arduino Event: 5 - STA_DISCONNECTED\n";
  const std::string log = "09:12:01.100 -> [ 51001]" + d + "09:12:01.100 -> [ 51009]" + e +
                          "200 - BEACON_TIMEOUT\n"
                          "09:12:01.101 -> [ 51016][D][WiFiGeneric.cpp:1082] _eventCallback(): WiFi Reconnect Running\n"
                          "09:12:02.180 -> [ 52090]" +
                          d + "09:12:02.180 -> [ 52098]" + e + "2 - AUTH_EXPIRE\n" + "09:12:03.260 -> [ 53170]" + d +
                          "09:12:03.260 -> [ 53178]" + e + "2 - AUTH_EXPIRE\n" + "09:12:04.340 -> [ 54250]" + d +
                          "09:12:04.340 -> [ 54258]" + e + "2 - AUTH_EXPIRE\n";
  const auto r = diagnose(log);
  // AUTH_EXPIRE while authenticating: no response before the firmware's own timer (ESP-IDF's
  // station scenarios), so the device ended each try.
  EXPECT_EQ(attempts_with_codes(r), (V{"3 failed authentication device esp_wifi_reason:2"}));
  EXPECT_EQ(session_count(r), 1u);
}

TEST(Producers11, ArduinoSessionEndToldTwiceIsNoAttempt) {
  // The same reason again just after the session's end (the core's own line, then the
  // application's): that end told again, not a failed reconnect.
  const std::string log =
      "[ 51001][D][WiFiGeneric.cpp:1040] _eventCallback(): Arduino Event: 5 - STA_DISCONNECTED\n"
      "[ 51009][W][WiFiGeneric.cpp:1062] _eventCallback(): Reason: 200 - BEACON_TIMEOUT\n"
      "[ 51012][W][WiFiGeneric.cpp:1062] _eventCallback(): Reason: 200 - BEACON_TIMEOUT\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), V{});
  EXPECT_EQ(session_count(r), 1u);
}

TEST(Producers11, EspIdfRetryFindsNoApAfterAuthFailure) {
  // ESP-IDF v3 (as MicroPython prints it): authentication fails (202), the retry's scan finds no
  // AP (201) 2.4 s later, the next try connects. Before: the 201 was the first failure told again
  // (one attempt, "not found", where the device got as far as authentication).
  const std::string log =
      "I (1060) wifi: state: init -> auth (b0)\n"
      "I (1070) wifi: state: auth -> init (8a0)\n"
      "I (1070) wifi: STA_DISCONNECTED, reason:202\n"
      "I (3490) wifi: STA_DISCONNECTED, reason:201\n"
      "I (3610) wifi: state: init -> auth (b0)\n"
      "I (3620) wifi: state: auth -> assoc (0)\n"
      "I (3630) wifi: state: assoc -> run (10)\n"
      "I (3660) wifi: connected with Attic, channel 6, bssid = 02:00:00:00:51:01\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)),
            (V{"1 failed authentication ap esp_wifi_reason:202", "1 failed discovery device esp_wifi_reason:201",
               "1 succeeded unknown unknown -"}));
}

TEST(Producers11, EspFirstDisconnectWithAConnectFailureIsAnAttempt) {
  // A log that begins with the firmware's disconnect event: with a reason only a try to connect
  // gives (the 4-way handshake timed out), a failed attempt; the next try's CONNECTION_FAIL is
  // another. Before: a session "up before the log" and nothing.
  const std::string log =
      "I (15944) wifi: STA_DISCONNECTED, reason:15\n"
      "I (18354) wifi: STA_DISCONNECTED, reason:205\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r),
            (V{"1 failed key_exchange ap esp_wifi_reason:15", "1 failed unknown device esp_wifi_reason:205"}))
      << "CONNECTION_FAIL is the firmware giving up";
  EXPECT_EQ(session_count(r), 0u);
}

TEST(Producers11, EspFirstDisconnectLeavingIsASession) {
  // Near-miss: the device's own leave (ASSOC_LEAVE, 8) as its first word ends a link that was up
  // before the log; no attempt.
  const std::string log = "I (90211) wifi: STA_DISCONNECTED, reason:8\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), V{});
  EXPECT_EQ(session_count(r), 1u);
}

TEST(Producers11, HostapdEapStartedThenDeauthFailsInEap) {
  // OpenWrt's hostapd: a station associates, its 802.1X starts again and again, then the AP
  // deauthenticates it. Before: a failure "in the key exchange" (the 4-way handshake never began).
  const std::string h = "Sun Sep 26 10:14:0";
  const std::string s = " 2021 daemon.notice hostapd: wlan0: ";
  const std::string i = " 2021 daemon.info hostapd: wlan0: STA 02:00:00:00:52:01 ";
  const std::string log = h + "1" + i + "IEEE 802.11: authenticated\n" + h + "1" + i +
                          "IEEE 802.11: associated (aid 1)\n" + h + "1" + s +
                          "CTRL-EVENT-EAP-STARTED 02:00:00:00:52:01\n" + h + "1" + s +
                          "CTRL-EVENT-EAP-PROPOSED-METHOD vendor=0 method=1\n" + h + "4" + s +
                          "CTRL-EVENT-EAP-STARTED 02:00:00:00:52:01\n" + h + "4" + s +
                          "CTRL-EVENT-EAP-PROPOSED-METHOD vendor=0 method=1\n" + h + "8" + i +
                          "IEEE 802.11: deauthenticated due to local deauth request\n";
  const auto r = diagnose(log);
  ASSERT_EQ(attempts_with_codes(r).size(), 1u);
  EXPECT_EQ(attempts_with_codes(r)[0].substr(0, 12), "1 failed eap");
}

TEST(Producers11, HostapdAuthenticatorGivesUpOn8021X) {
  // hostapd run by hand (bare lines): the station's EAP starts, the RADIUS server's answer holds no
  // EAP message, the authenticator fails the station's 802.1X. Before: an EAP-STARTED of the AP's
  // own interface, with no result, and nothing for the station.
  const std::string log =
      "wlan0: interface state UNINITIALIZED->ENABLED\n"
      "wlan0: AP-ENABLED \n"
      "wlan0: CTRL-EVENT-EAP-STARTED 02:00:00:00:53:01\n"
      "wlan0: CTRL-EVENT-EAP-PROPOSED-METHOD vendor=0 method=1\n"
      "wlan0: STA 02:00:00:00:53:01 IEEE 802.1X: authentication failed - EAP type: 0 ((null))\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)), (V{"1 failed eap auth_server -"}));
}

TEST(Producers11, WevtutilRecordsWithoutDateAreOneAttemptEach) {
  // wevtutil's text quoted without its Date line (a test fixture, a forum post): the 8002 and its
  // "Failure Reason:" nine lines on are one failed attempt; a second such record is another.
  // Before: two attempts for each record (its fields had no time to be joined by).
  const std::string rec =
      "Event[0]:\n"
      "  Log Name: Microsoft-Windows-WLAN-AutoConfig/Operational\n"
      "  Source: Microsoft-Windows-WLAN-AutoConfig\n"
      "  Event ID: 8002\n"
      "  Description:\n"
      "WLAN AutoConfig service failed to connect to a wireless network.\n"
      "\n"
      "Network Adapter: Example Wireless AX Adapter\n"
      "Connection Mode: Automatic connection with a profile\n"
      "Profile Name: Annex\n"
      "SSID: Annex\n"
      "BSS Type: Infrastructure\n"
      "Failure Reason:The specific network is not available.\n"
      "RSSI: 255\n";
  EXPECT_EQ(attempts_with_codes(diagnose(rec)), (V{"1 failed discovery device wlan_reason:163851"}));
  EXPECT_EQ(attempts_with_codes(diagnose(rec + "\n" + rec)), (V{"2 failed discovery device wlan_reason:163851"}));
}

TEST(Producers11, ArduinoFirstDisconnectWithNoApFoundOnTheNextLine) {
  // Arduino-ESP32 without time: the log begins with the core's disconnect event, its reason on the
  // next line; each of the three is a try that found no AP. Before: the first was a session "up
  // before the log" that ended with "no AP found". Near-miss: a beacon timeout so told ends one.
  const std::string d = "[D][WiFiGeneric.cpp:342] _eventCallback(): Event: 5 - STA_DISCONNECTED\n";
  const std::string r201 = "[W][WiFiGeneric.cpp:357] _eventCallback(): Reason: 201 - NO_AP_FOUND\n";
  const std::string st = "[D][WiFiGeneric.cpp:342] _eventCallback(): Event: 2 - STA_START\n";
  const auto r = diagnose(d + r201 + st + st + d + r201 + st + st + d + r201 + st);
  // The last station start is a try begun, the log cut before its result (test_producers20.cpp).
  EXPECT_EQ(attempts_with_codes(r),
            (V{"3 failed discovery device esp_wifi_reason:201", "1 unknown unknown unknown -"}));
  EXPECT_EQ(session_count(r), 0u);
  const auto lost = diagnose(d + "[W][WiFiGeneric.cpp:357] _eventCallback(): Reason: 200 - BEACON_TIMEOUT\n");
  EXPECT_EQ(attempts_with_codes(lost), V{});
  EXPECT_EQ(session_count(lost), 1u);
}

}  // namespace
