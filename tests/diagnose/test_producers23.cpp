// Attempts from logs of the twenty-third lifecycle-event audit (a fourteenth proxy held-out set
// of published logs, docs/producers-audit.md: Android phones and iwd/wpa_cli Linux clients): an
// association rejection just after a session ended, iwd's connect and association timeouts, the
// DHCP failure of Android 5-6's WifiStateMachine. The logs are written by the project in each
// producer's print style; the expectations are hand-typed: outcome, failing phase, who ended it,
// decisive code.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;

TEST(Producers23, RejectionSoonAfterASessionEndIsTheNextTry) {
  // Android's supplicant ends the link itself, then the reconnect is rejected four seconds later.
  // An AP's rejection answers a request: never the session's end told again. Before: the
  // rejection was folded into the end, no attempt.
  const auto r = diagnose(
      "04-02 11:20:05.310 I/wpa_supplicant( 2301): wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:23:01 reason=3 "
      "locally_generated=1\n"
      "04-02 11:20:09.480 I/wpa_supplicant( 2301): wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:23:02 "
      "status_code=17\n");
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed association ap ieee80211_status:17");
  EXPECT_EQ(session_count(r), 1u);
}

TEST(Producers23, IwdConnectTimeoutEndsEachBssTry) {
  // iwd tries one BSS after another ("event: connect-info" names each, no event); each
  // connect-timeout ends one try, by its nl80211 timeout reason; connect-failed tells the last
  // again. Two timeouts within a second are two tries, not a relay (shown as one line "2 x").
  // Before: no timeout was read, one attempt failed with connect-failed's status.
  const auto a = attempts_with_codes(
      diagnose("Jun  9 18:02:10 laptop iwd[702]: event: state, old: autoconnect_quick, new: connecting (auto)\n"
               "Jun  9 18:02:11 laptop iwd[702]: event: connect-timeout, reason: 2\n"
               "Jun  9 18:02:11 laptop iwd[702]: event: connect-info, ssid: Lab, bss: 02:00:00:00:23:05, signal: "
               "-71, load: 9/255\n"
               "Jun  9 18:02:11 laptop iwd[702]: event: connect-timeout, reason: 2\n"
               "Jun  9 18:02:12 laptop iwd[702]: event: connect-failed, status: 1\n"
               "Jun  9 18:02:12 laptop iwd[702]: event: state, old: connecting (auto), new: disconnected\n"));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "2 failed authentication device ieee80211_status:1");
}

TEST(Producers23, IwdAssociationTimeouts) {
  // reason 3 is the association's timeout; a fast transition whose association timed out ends
  // the session (a failed roam, no attempt of its own).
  const auto r = diagnose(
      "event: state, old: disconnected, new: connecting\n"
      "event: connect-timeout, reason: 3\n"
      "event: state, old: connecting, new: disconnected\n"
      "event: state, old: disconnected, new: connecting\n"
      "event: state, old: connecting, new: connected\n"
      "event: state, old: connected, new: ft-roaming\n"
      "event: association-timeout,\n"
      "event: state, old: ft-roaming, new: disconnected\n");
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0], "1 failed association device -");
  EXPECT_EQ(a[1], "1 succeeded unknown unknown -");
  ASSERT_EQ(session_count(r), 1u);
  EXPECT_FALSE(r.groups[0].sessions[0].open);
}

TEST(Producers23, AndroidWifiStateMachineDhcpFailure) {
  // Android 5-6: the supplicant's link is up, then WifiStateMachine reports the DHCP failure:
  // the attempt failed in IP configuration. Before: a connected attempt and a session.
  const auto a = attempts_with_codes(
      diagnose("05-02 10:14:00.100 I/wpa_supplicant( 1810): wlan0: Trying to associate with 02:00:00:00:23:07 "
               "(SSID='Shop' freq=2437 MHz)\n"
               "05-02 10:14:00.400 I/wpa_supplicant( 1810): wlan0: Associated with 02:00:00:00:23:07\n"
               "05-02 10:14:00.500 I/wpa_supplicant( 1810): wlan0: CTRL-EVENT-CONNECTED - Connection to "
               "02:00:00:00:23:07 completed [id=0 id_str=]\n"
               "05-02 10:14:31.220 E/WifiStateMachine(  933): WifiStateMachine DHCP failure count=0\n"));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed ip_config device -");
}

}  // namespace
