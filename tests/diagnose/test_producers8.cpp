// Attempts from logs of the eighth lifecycle-event audit (a proxy held-out set of published logs,
// docs/producers-audit.md): iwd's per-BSS notices, the ESP-IDF v3 blob's "wifi: state:" and
// ESPHome's relay of it, mwifiex's association lines, wpa_supplicant's own authentication timer,
// and the ESP8266 Arduino core's disconnect reason after the SDK's state change. The logs are
// written by the project in each producer's print style; the expectations are hand-typed:
// outcome, failing phase, who ended it, decisive code, and the sessions' ends.
#include <gtest/gtest.h>

#include <map>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;

TEST(Producers8, IwdEachBssThatNeverAnswersIsAFailedAuthentication) {
  // An autoconnect to Attic: iwd starts on one BSS ("connect-info"), its 802.11 authentication
  // times out ("authentication-timeout", then "connect-failed, status: 1", the status iwd makes up),
  // then the same on a second BSS; 90 s later a join. Before: one attempt, failed "in discovery".
  const std::string i = "studio iwd[630]: event: ";
  const std::string log =
      "Mar  4 07:10:00 " + i + "connect-info, ssid: Attic, bss: 02:00:00:00:21:01, signal: -82, " + "load: 30/255\n" +
      "Mar  4 07:10:00 " + i + "state, old: autoconnect_quick, new: connecting (auto)\n" + "Mar  4 07:10:02 " + i +
      "authentication-timeout,\n" + "Mar  4 07:10:02 " + i + "connect-failed, status: 1\n" + "Mar  4 07:10:02 " + i +
      "connect-info, ssid: Attic, bss: 02:00:00:00:21:02, signal: -84, " + "load: 71/255\n" + "Mar  4 07:10:04 " + i +
      "authentication-timeout,\n" + "Mar  4 07:10:04 " + i + "connect-failed, status: 1\n" + "Mar  4 07:10:04 " + i +
      "state, old: connecting (auto), new: disconnected\n" + "Mar  4 07:10:04 " + i +
      "state, old: disconnected, new: autoconnect_full\n" + "Mar  4 07:11:30 " + i +
      "connect-info, ssid: Attic, bss: 02:00:00:00:21:01, signal: -61, load: 28/255\n" + "Mar  4 07:11:30 " + i +
      "state, old: autoconnect_full, new: connecting (auto)\n" + "Mar  4 07:11:31 " + i +
      "state, old: connecting (auto), new: connected\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)),
            (V{"2 failed authentication device ieee80211_status:1", "1 succeeded unknown unknown -"}));
}

TEST(Producers8, IwdNoticesWithoutTheJournalPrefix) {
  // The same notices as iwd prints them on its terminal (no "iwd[pid]:", no time).
  const std::string log =
      "event: connect-info, ssid: Attic, bss: 02:00:00:00:21:01, signal: -76, load: 52/255\n"
      "event: state, old: autoconnect_quick, new: connecting (auto)\n"
      "event: authentication-timeout,\n"
      "event: connect-failed, status: 1\n"
      "event: connect-info, ssid: Attic, bss: 02:00:00:00:21:02, signal: -78, load: 96/255\n"
      "event: authentication-timeout,\n"
      "event: connect-failed, status: 1\n"
      "event: state, old: connecting (auto), new: disconnected\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)), (V{"2 failed authentication device ieee80211_status:1"}));
}

TEST(Producers8, EspIdf3StateLinesWithASpaceAfterTheTag) {
  // ESP-IDF v3 (and the Arduino-ESP32 cores built on it) print "wifi: state:": an authentication
  // that expires (auth -> init), then a join whose key exchange never completes (run -> init 10 s
  // after association, no "connected with"). Before: no finding at all.
  const std::string log =
      "I (2310) wifi: n:11 0, o:1 0, ap:255 255, sta:11 0, prof:1\n"
      "I (2312) wifi: state: init -> auth (b0)\n"
      "I (3313) wifi: state: auth -> init (200)\n"
      "I (3314) wifi: n:11 0, o:11 0, ap:255 255, sta:11 0, prof:1\n"
      "I (5420) wifi: state: init -> auth (b0)\n"
      "I (5422) wifi: state: auth -> assoc (0)\n"
      "I (5431) wifi: state: assoc -> run (10)\n"
      "I (15440) wifi: state: run -> init (f00)\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)),
            (V{"1 failed authentication unknown -", "1 failed key_exchange unknown -"}));
}

TEST(Producers8, EsphomeRelayOfTheBlobEndsTheSessionOnce) {
  // ESPHome logs the blob's output through its own logger, three lines a print ("I (80412) wifi:",
  // "state: run -> init (fc0)", an empty one), then the Arduino core's event and reason and its own
  // "Event: Disconnected ... reason='4-Way Handshake Timeout'" a dozen lines on, then reconnects.
  // The link was up before the log: one session, ended with reason 15, and a new attempt with no
  // result yet; ESPHome's disconnect line is that end told again, not a failed attempt.
  const std::string e = "[V][esp-idf:000]: ";
  const std::string log = e + "I (80412) wifi:\n" + e + "state: run -> init (fc0)\n" + e + "\n\n" + e +
                          "I (80414) wifi:\n" + e + "pm stop, total sleep time: 0 us / 512000 us\n" + e + "\n\n" + e +
                          "I (80420) wifi:\n" + e + "new:<6,0>, old:<6,0>, ap:<255,255>, sta:<6,0>, prof:1\n" + e +
                          "\n\n" +
                          "[D][WiFiGeneric.cpp:374] _eventCallback(): Event: 5 - STA_DISCONNECTED\n"
                          "[W][WiFiGeneric.cpp:391] _eventCallback(): Reason: 15 - 4WAY_HANDSHAKE_TIMEOUT\n"
                          "[W][wifi_esp32:495]: Event: Disconnected ssid='Barn' bssid=02:00:00:00:25:01 "
                          "reason='4-Way Handshake Timeout'\n"
                          "[W][wifi:120]: WiFi Connection lost... Reconnecting...\n"
                          "[I][wifi:248]: WiFi Connecting to 'Barn'...\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), (V{"1 unknown unknown unknown -"}));
  std::size_t sessions = 0;
  for (const auto& g : r.groups)
    for (const auto& s : g.sessions) {
      ++sessions;
      EXPECT_TRUE(s.before_log);
      ASSERT_TRUE(s.end_code);
      EXPECT_EQ(s.end_code->ref, "esp_wifi_reason:15");
    }
  EXPECT_EQ(sessions, 1u);
}

TEST(Producers8, MwifiexAssociationLinesMakeAttempts) {
  // mwifiex: "trying to associate to '<ssid>' bssid <mac>", "associated to bssid <mac>
  // successfully"; a session of a minute ended by the AP (reason 15), then a join the AP drops 5 s
  // after association with the same reason (its key exchange never completed). Before: no attempt,
  // one session "up before the log".
  const std::string m = "mwifiex_pcie 0000:01:00.0: info: ";
  const std::string log = "[  812.401220] " + m + "trying to associate to 'Loft' bssid 02:00:00:00:22:01\n" +
                          "[  812.433901] " + m + "associated to bssid 02:00:00:00:22:01 successfully\n" +
                          "[  870.112006] " + m + "successfully disconnected from 02:00:00:00:22:01: reason code 15\n" +
                          "[  881.020551] " + m + "trying to associate to 'Loft' bssid 02:00:00:00:22:01\n" +
                          "[  881.051772] " + m + "associated to bssid 02:00:00:00:22:01 successfully\n" +
                          "[  885.900031] " + m + "successfully disconnected from 02:00:00:00:22:01: reason code 15\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r),
            (V{"1 succeeded unknown unknown -", "1 failed key_exchange ap ieee80211_reason:15"}));
  std::size_t sessions = 0;
  for (const auto& g : r.groups)
    for (const auto& s : g.sessions) {
      ++sessions;
      EXPECT_FALSE(s.before_log);
      ASSERT_TRUE(s.end_code);
      EXPECT_EQ(s.end_code->ref, "ieee80211_reason:15");
    }
  EXPECT_EQ(sessions, 1u);
}

TEST(Producers8, SupplicantAuthenticationTimerFailsTheAttempt) {
  // Android 2.x logcat (brief, the supplicant's lines without an interface): associated, then the
  // supplicant's own timer ("Authentication with <bssid> timed out.", relayed by WifiMonitor), no
  // disconnect line, a retry that connects. Before: the first attempt had no result ("unknown").
  const std::string w = "I/wpa_supplicant( 1810): ";
  const std::string log = w + "Trying to associate with 02:00:00:00:26:01 (SSID='Kiosk' freq=2412 MHz)\n" + w +
                          "Associated with 02:00:00:00:26:01\n" + w +
                          "Authentication with 02:00:00:00:26:01 timed out.\n" +
                          "V/WifiMonitor( 1091): Event [Authentication with 02:00:00:00:26:01 timed out.]\n" + w +
                          "Trying to associate with 02:00:00:00:26:01 (SSID='Kiosk' freq=2412 MHz)\n" + w +
                          "Associated with 02:00:00:00:26:01\n" + w +
                          "WPA: Key negotiation completed with 02:00:00:00:26:01 [PTK=CCMP GTK=CCMP]\n" + w +
                          "CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:26:01 completed (auth) [id=0 id_str=]\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)), (V{"1 failed key_exchange device -", "1 succeeded unknown unknown -"}));
}

TEST(Producers8, Esp8266CoreReasonAfterTheStateChangeIsTheSessions) {
  // The ESP8266 SDK's "state: 5 -> 0 (1)" ends a link that was up before the log; the Arduino core
  // prints the SDK's reason three lines on ("STA disconnect: 200", beacon timeout). Then the network
  // is not found (201), then a join. Before: the 200 was a failed attempt of its own ("roaming").
  const std::string log =
      "state: 5 -> 0 (1)\nrm 0\nwifi evt: 1\nSTA disconnect: 200\nscandone\n"
      "no Greenhouse found, reconnect after 1s\nwifi evt: 1\nSTA disconnect: 201\nreconnect\nscandone\n"
      "state: 0 -> 2 (b0)\nstate: 2 -> 3 (0)\nstate: 3 -> 5 (10)\nadd 0\naid 1\ncnt\n"
      "connected with Greenhouse, channel 11\nip:192.168.7.31,mask:255.255.255.0,gw:192.168.7.1\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r),
            (V{"1 failed discovery device esp_wifi_reason:201", "1 succeeded unknown unknown -"}));
  bool before_log_seen = false;
  for (const auto& g : r.groups)
    for (const auto& s : g.sessions)
      if (s.before_log) {
        before_log_seen = true;
        ASSERT_TRUE(s.end_code);
        EXPECT_EQ(s.end_code->ref, "esp_wifi_reason:200");
      }
  EXPECT_TRUE(before_log_seen);
}

TEST(Producers8, NotFoundAfterASessionEndIsTheNextAttempt) {
  // A session's end, then the SDK's scan does not find the network a few lines on (no time on
  // these lines), or the core prints 201 (no AP found): the next attempt's failure, not the
  // session's end told again. Before: the first was taken for the session's end told again (it
  // came within five lines of it) and gave no attempt.
  const std::string join =
      "state: 0 -> 2 (b0)\nstate: 2 -> 3 (0)\nstate: 3 -> 5 (10)\ncnt\nconnected with Shed, channel 1\n";
  const auto r1 = diagnose(join + "state: 5 -> 0 (200)\nrm 0\nscandone\nno Shed found, reconnect after 1s\n");
  EXPECT_EQ(attempts_with_codes(r1), (V{"1 succeeded unknown unknown -", "1 failed discovery device -"}));
  const auto r2 = diagnose(join + "state: 5 -> 0 (0)\nrm 0\nwifi evt: 1\nSTA disconnect: 201\nreconnect\n");
  EXPECT_EQ(attempts_with_codes(r2),
            (V{"1 succeeded unknown unknown -", "1 failed discovery device esp_wifi_reason:201"}));
}

}  // namespace
