// Attempts from logs of the thirteenth lifecycle-event audit (a fifth proxy held-out set of
// published logs, docs/producers-audit.md): wpa_supplicant 2.10's ignore list ("Added BSSID <bssid>
// into ignore list, ignoring for 10 seconds"), the supplicant's word that a connection to that AP
// failed, printed at info level, where Zephyr's hostap shows no other line of an authentication
// that timed out. The logs are written by the project in each producer's print style; the
// expectations are hand-typed: outcome, failing phase, who ended it, decisive code. And who ended
// an ESP try: the firmware's own timers (ESP-IDF's station scenarios), where they failed it and what
// they most likely mean.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;

// Zephyr's log prefix: time since boot, level, module.
std::string zephyr(const std::string& at, const std::string& module, const std::string& text) {
  return "[00:00:" + at + "] <" + (module == "wpa_supp" ? "inf" : "dbg") + "> " + module + ": " + text + "\n";
}

TEST(Producers13, ZephyrIgnoreListEndsAnAuthenticationThatTimedOut) {
  // An nRF70-style Zephyr board: the supplicant sends its authentication, the driver's debug lines,
  // then, five seconds on, the BSSID goes on the ignore list (the SME timeout itself is a debug
  // print). Before: an attempt with no result.
  const std::string log =
      zephyr("08.120,400", "wpa_supp",
             "wlan0: SME: Trying to authenticate with 02:00:00:00:13:10 (SSID='Home' freq=2412 MHz)") +
      zephyr("08.123,010", "wifi_drv", "cmd_send: command 2 queued") +
      zephyr("08.401,220", "wifi_drv", "event 292 handled") +
      zephyr("13.125,610", "wpa_supp",
             "wlan0: Added BSSID 02:00:00:00:13:10 into ignore list, ignoring for 10 seconds");
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed authentication device -") << "the supplicant gave up on the AP";
}

TEST(Producers13, ZephyrRetryOfTheSameBssidFailsAgain) {
  // The retry ten seconds on to the same AP: "ignore list count incremented to 2". Two failures in
  // authentication, one after the other (collapsed into a count).
  const std::string log =
      zephyr("08.120,400", "wpa_supp",
             "wlan0: SME: Trying to authenticate with 02:00:00:00:13:11 (SSID='Home' freq=2412 MHz)") +
      zephyr("13.125,610", "wpa_supp",
             "wlan0: Added BSSID 02:00:00:00:13:11 into ignore list, ignoring for 10 seconds") +
      zephyr("23.130,050", "wpa_supp",
             "wlan0: SME: Trying to authenticate with 02:00:00:00:13:11 (SSID='Home' freq=2412 MHz)") +
      zephyr("28.134,770", "wpa_supp",
             "wlan0: BSSID 02:00:00:00:13:11 ignore list count incremented to 2, ignoring for 10 seconds");
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "2 failed authentication device -");
}

TEST(Producers13, IgnoreListAfterARejectionIsThatRejection) {
  // A journal: the AP refuses the association (status 17), the supplicant lists the BSSID and
  // disables the network for a while. One failure, the AP's, decided by its status.
  const std::string p = "Mar  2 08:15:4";
  const std::string w = " laptop wpa_supplicant[900]: wlan0: ";
  const std::string log = p + "0" + w + "Trying to associate with 02:00:00:00:13:20 (SSID='Corp' freq=5180 MHz)\n" + p +
                          "0" + w + "CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:13:20 status_code=17\n" + p + "0" + w +
                          "Added BSSID 02:00:00:00:13:20 into ignore list, ignoring for 10 seconds\n" + p + "0" + w +
                          "CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"Corp\" auth_failures=1 duration=10 "
                          "reason=CONN_FAILED\n";
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed association ap ieee80211_status:17");
}

TEST(Producers13, IgnoreListAfterASessionEndedIsNoAttempt) {
  // A session ends (the driver's own disconnect, reason 4) and the supplicant lists the BSSID in
  // the same second: the end of that session, not a failed attempt.
  const std::string p = "Mar  2 08:1";
  const std::string w = " laptop wpa_supplicant[900]: wlan0: ";
  const std::string log = p + "5:40" + w + "Trying to associate with 02:00:00:00:13:30 (SSID='Home' freq=2437 MHz)\n" +
                          p + "5:40" + w + "Associated with 02:00:00:00:13:30\n" + p + "5:41" + w +
                          "CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:13:30 completed [id=0 id_str=]\n" + p +
                          "9:02" + w +
                          "CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:13:30 reason=4 locally_generated=1\n" + p +
                          "9:02" + w + "Added BSSID 02:00:00:00:13:30 into ignore list, ignoring for 10 seconds\n";
  const auto r = diagnose(log);
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
  EXPECT_EQ(session_count(r), 1u);
}

TEST(Producers13, IgnoreListAfterBeaconLossesAndADisconnectIsNoAttempt) {
  // The first beacon loss already ended the session (as before); the disconnect twenty seconds on
  // finds nothing open, and the ignore list after it is that end told again, not a failed attempt
  // of its own.
  const std::string p = "Mar  2 08:";
  const std::string w = " laptop wpa_supplicant[900]: wlan0: ";
  const std::string log = p + "15:40" + w + "Trying to associate with 02:00:00:00:13:50 (SSID='Home' freq=2437 MHz)\n" +
                          p + "15:40" + w + "Associated with 02:00:00:00:13:50\n" + p + "15:41" + w +
                          "CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:13:50 completed [id=0 id_str=]\n" + p +
                          "30:02" + w + "CTRL-EVENT-BEACON-LOSS\n" + p + "30:12" + w + "CTRL-EVENT-BEACON-LOSS\n" + p +
                          "30:22" + w +
                          "CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:13:50 reason=4 locally_generated=1\n" + p +
                          "30:22" + w + "Added BSSID 02:00:00:00:13:50 into ignore list, ignoring for 10 seconds\n";
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
}

TEST(Producers13, RemovedFromTheIgnoreListIsNoEvent) {
  // Near miss: the supplicant clears its list before the next try; the try that follows has no
  // result in the log.
  const std::string p = "Mar  2 08:15:5";
  const std::string w = " laptop wpa_supplicant[900]: wlan0: ";
  const std::string log = p + "0" + w + "Removed BSSID 02:00:00:00:13:40 from ignore list (clear)\n" + p + "1" + w +
                          "Trying to associate with 02:00:00:00:13:40 (SSID='Lab' freq=2412 MHz)\n";
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 9), "1 unknown");
}

TEST(Producers13, EspTimersAreTheDevicesOwn) {
  // ESP-IDF: no authentication response before the firmware's timer is AUTH_EXPIRE while
  // authenticating, the 4-way handshake's timer HANDSHAKE_TIMEOUT: the device ended those tries.
  const std::string log =
      "I (2010) wifi: state: init -> auth (b0)\n"
      "I (3020) wifi: state: auth -> init (200)\n"
      "W (3030) app: STA_DISCONNECTED, reason:2\n"
      "I (5010) wifi: state: init -> auth (b0)\n"
      "I (5020) wifi: state: auth -> assoc (0)\n"
      "I (5030) wifi: state: assoc -> run (10)\n"
      "I (15040) wifi: state: run -> init (cc00)\n"
      "W (15050) app: STA_DISCONNECTED, reason:204\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)), (V{"1 failed authentication device esp_wifi_reason:2",
                                                   "1 failed key_exchange device esp_wifi_reason:204"}));
}

TEST(Producers13, AnApsReasonInAnEspLogStaysTheAps) {
  // Near miss: the AP's deauthentication with reason 2 once the device is connected is the AP's
  // (AUTH_EXPIRE is the device's timer only while it authenticates).
  const std::string log =
      "I (2010) wifi:state: init -> auth (b0)\n"
      "I (2020) wifi:state: auth -> assoc (0)\n"
      "I (2030) wifi:state: assoc -> run (10)\n"
      "I (2060) wifi:connected with Attic, aid = 1, channel 6, BW20, bssid = 02:00:00:00:13:60\n"
      "I (9060) wifi:state: run -> init (200)\n"
      "W (9070) app: STA_DISCONNECTED, reason:2\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_NE(r.groups[0].sessions[0].ended_by, wlancode::diagnose::ender::device);
}

TEST(Producers13, EspAssociationTimerFailsTheAssociation) {
  // ESP-IDF: authenticated, the association request sent, no response before the association
  // timer: ASSOC_EXPIRE (4). Before: failed "in roaming / link quality" (802.11's reason 4 is a
  // link idle too long) and ended by the AP.
  const std::string log =
      "I (4010) wifi:state: init -> auth (b0)\n"
      "I (4020) wifi:state: auth -> assoc (0)\n"
      "I (5030) wifi:state: assoc -> init (400)\n"
      "I (5035) wifi:reason: assoc expire(4)\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), (V{"1 failed association device esp_wifi_reason:4"}));
  EXPECT_EQ(attempts_of(r), (V{"1 failed association device weak_signal"})) << "the AP did not answer";
}

TEST(Producers13, EspAuthenticationTimerIsNoRoamingTrouble) {
  // AUTH_EXPIRE (2) while authenticating: the AP did not answer (likely weak signal), not the
  // roaming trouble an AP's deauthentication with reason 2 suggests.
  const std::string log =
      "I (2010) wifi:state: init -> auth (b0)\n"
      "I (3020) wifi:state: auth -> init (200)\n"
      "I (3025) wifi:reason: auth expire(2)\n";
  EXPECT_EQ(attempts_of(diagnose(log)), (V{"1 failed authentication device weak_signal"}));
}

TEST(Producers13, EspReasonFourBeforeAssociatingIsNoAssociationTimeout) {
  // Near miss: reason 4 while the device still authenticates (no `auth -> assoc`) is no
  // association timer; the phase stays the code's own and the cause no timer's.
  const std::string log =
      "I (2010) wifi:state: init -> auth (b0)\n"
      "I (2020) wifi:state: auth -> init (400)\n"
      "I (2025) wifi:reason: assoc expire(4)\n";
  const auto a = attempts_of(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].find("failed association"), std::string::npos) << a[0];
}

}  // namespace
