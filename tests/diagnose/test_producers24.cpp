// Attempts from logs of the twenty-fourth lifecycle-event audit (a proxy held-out set of published
// logs, docs/producers-audit.md: macOS, the BSDs and embedded RTOS stacks): the BSD net80211 state
// machine's debug lines (OpenBSD's `ifconfig iwm0 debug`, AirportItlwm on macOS, FreeBSD's
// wlandebug +state), OpenBSD's 4-way handshake prints, the macOS kernel's RSN supplicant, embassy
// cyw43's join result, and the TinyGo CYW43439 driver's event records (no code).
// The logs are written by the project in each producer's print style; the expectations are
// hand-typed: outcome, failing phase, who ended it, decisive code.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;

TEST(Producers24, OpenBsdDebugJoinUpToTheLastHandshakeMessage) {
  // net80211's state lines, then the supplicant's side of the 4-way handshake: sending message 4
  // installs the keys and the link is up. Leaving RUN ends the session. Before: no event at all.
  const auto r = diagnose(
      "Mar  3 10:00:01 obsd /bsd: iwx0: INIT -> SCAN\n"
      "Mar  3 10:00:03 obsd /bsd: iwx0: SCAN -> AUTH\n"
      "Mar  3 10:00:03 obsd /bsd: iwx0: sending auth to 02:00:00:00:24:01 on channel 6 mode 11n\n"
      "Mar  3 10:00:03 obsd /bsd: iwx0: AUTH -> ASSOC\n"
      "Mar  3 10:00:03 obsd /bsd: iwx0: sending assoc_req to 02:00:00:00:24:01 on channel 6 mode 11n\n"
      "Mar  3 10:00:03 obsd /bsd: iwx0: ASSOC -> RUN\n"
      "Mar  3 10:00:03 obsd /bsd: iwx0: received msg 1/4 of the 4-way handshake from 02:00:00:00:24:01\n"
      "Mar  3 10:00:03 obsd /bsd: iwx0: sending msg 2/4 of the 4-way handshake to 02:00:00:00:24:01\n"
      "Mar  3 10:00:04 obsd /bsd: iwx0: received msg 3/4 of the 4-way handshake from 02:00:00:00:24:01\n"
      "Mar  3 10:00:04 obsd /bsd: iwx0: sending msg 4/4 of the 4-way handshake to 02:00:00:00:24:01\n"
      "Mar  3 10:40:00 obsd /bsd: iwx0: RUN -> SCAN\n");
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 succeeded unknown unknown -");
  ASSERT_EQ(session_count(r), 1u);
  EXPECT_FALSE(r.groups[0].sessions[0].open);
  EXPECT_EQ(r.groups[0].interface, "iwx0");  // after OpenBSD syslogd's "/bsd: " for the kernel
}

TEST(Producers24, OpenBsdBackToScanIsTheJoinGivenUp) {
  // No association response: net80211 leaves ASSOC for SCAN. No authentication response: AUTH
  // for SCAN.
  auto a =
      attempts_with_codes(diagnose("Mar  3 10:00:03 obsd /bsd: iwm0: SCAN -> AUTH\n"
                                   "Mar  3 10:00:03 obsd /bsd: iwm0: AUTH -> ASSOC\n"
                                   "Mar  3 10:00:04 obsd /bsd: iwm0: ASSOC -> SCAN\n"));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed association unknown -");
  a =
      attempts_with_codes(diagnose("Mar  3 10:00:03 obsd /bsd: ral0: SCAN -> AUTH\n"
                                   "Mar  3 10:00:08 obsd /bsd: ral0: AUTH -> SCAN\n"));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed authentication unknown -");
}

TEST(Producers24, OpenBsdHandshakeCutShortFailsTheKeyExchange) {
  // Message 2 sent, message 3 never came (a wrong key): the link leaves RUN before it was up.
  const auto r = diagnose(
      "Mar  3 10:00:03 obsd /bsd: iwm0: SCAN -> AUTH\n"
      "Mar  3 10:00:03 obsd /bsd: iwm0: AUTH -> ASSOC\n"
      "Mar  3 10:00:03 obsd /bsd: iwm0: ASSOC -> RUN\n"
      "Mar  3 10:00:03 obsd /bsd: iwm0: received msg 1/4 of the 4-way handshake from 02:00:00:00:24:03\n"
      "Mar  3 10:00:03 obsd /bsd: iwm0: sending msg 2/4 of the 4-way handshake to 02:00:00:00:24:03\n"
      "Mar  3 10:00:05 obsd /bsd: iwm0: RUN -> SCAN\n");
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed key_exchange unknown -");
  EXPECT_EQ(session_count(r), 0u);
}

TEST(Producers24, FreeBsdStateLinesTwiceAreOneJoin) {
  // FreeBSD's wlandebug +state prints each transition from ieee80211_newstate_cb and again from
  // sta_newstate; wpa_supplicant completes the join.
  const auto r = diagnose(
      "Mar  3 10:00:03 fbsd kernel: wlan0: ieee80211_newstate_cb: SCAN -> AUTH arg 192\n"
      "Mar  3 10:00:03 fbsd kernel: wlan0: sta_newstate: SCAN -> AUTH (192)\n"
      "Mar  3 10:00:03 fbsd kernel: wlan0: ieee80211_newstate_cb: AUTH -> ASSOC arg 0\n"
      "Mar  3 10:00:03 fbsd kernel: wlan0: sta_newstate: AUTH -> ASSOC (0)\n"
      "Mar  3 10:00:03 fbsd kernel: wlan0: ieee80211_newstate_cb: ASSOC -> RUN arg 16\n"
      "Mar  3 10:00:03 fbsd kernel: wlan0: sta_newstate: ASSOC -> RUN (16)\n"
      "Mar  3 10:00:03 fbsd wpa_supplicant[612]: wlan0: CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:24:02 "
      "completed [id=0 id_str=]\n");
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 succeeded unknown unknown -");
  EXPECT_EQ(session_count(r), 1u);
}

TEST(Producers24, AirportItlwmAndTheKernelSupplicantAreOneJoin) {
  // AirportItlwm's net80211 lines in the unified log, then IO80211Family's own RSN supplicant.
  const auto a = attempts_with_codes(
      diagnose("2026-03-03 10:00:03.100200+0100 0x2a1      Default     0x0                  0      0    kernel: "
               "(AirportItlwm) itlwm: itlwm: AUTH -> ASSOC\n"
               "2026-03-03 10:00:03.104100+0100 0x2a1      Default     0x0                  0      0    kernel: "
               "(AirportItlwm) itlwm: itlwm: ASSOC -> RUN\n"
               "2026-03-03 10:00:03.300400+0100 0x3b2      Default     0x0                  0      0    kernel: "
               "(IO80211Family) inputEAPOLFrame: Received message 1 of 4\n"
               "2026-03-03 10:00:03.360900+0100 0x3b2      Default     0x0                  0      0    kernel: "
               "(IO80211Family) AirPort: RSN handshake complete on en0\n"));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 succeeded unknown unknown -");
}

TEST(Producers24, MacOsRsnHandshakeCompleteIsAJoin) {
  // system.log: Link Up (association, no event) then the kernel supplicant's handshake.
  const auto r = diagnose(
      "Mar  3 10:00:02 mbp kernel[0]: AirPort: Link Up on en0\n"
      "Mar  3 10:00:02 mbp kernel[0]: en0: Received EAPOL packet (length = 121)\n"
      "Mar  3 10:00:02 mbp kernel[0]: inputEAPOLFrame: Received message 1 of 4\n"
      "Mar  3 10:00:03 mbp kernel[0]: AirPort: RSN handshake complete on en0\n");
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 succeeded unknown unknown -");
  EXPECT_EQ(session_count(r), 1u);
}

TEST(Producers24, EmbassyJoinFailedWithStatusThreeIsNoNetwork) {
  // The firmware's SET_SSID status 3 (no networks): the driver's warning fails the join; the
  // application's own "join failed" after it is no row. Before: no attempt, and the generic
  // context read "status=3" as an 802.11 status.
  auto a = attempts_with_codes(
      diagnose("5.110400 DEBUG === EVENT SET_SSID: EventMessage { version: 2, flags: 0, event_type: 0, status: 3, "
               "reason: 0, auth_type: 0, datalen: 8 }  []\n"
               "5.111200 WARN  JOIN failed with status=3 auth=0\n"
               "5.111900 INFO  join failed with status=3\n"));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed discovery device -");
  a = attempts_with_codes(diagnose("9.104511 WARN  JOIN failed with status=1 auth=2\n"));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed unknown unknown -");
}

TEST(Producers24, TinyGoCyw43EventStatusIsNoCode) {
  // The record's status is WLC_E_STATUS (5: no ack), not the 802.11 status 5.
  const auto r = diagnose(
      "time=1970-01-01T00:00:21.300Z level=INFO msg=rxEvent event=AUTH status=0 reason=0 flags=0 dev.linkstate=1\n"
      "time=1970-01-01T00:00:21.340Z level=INFO msg=rxEvent event=AUTH status=5 reason=0 flags=0 dev.linkstate=4\n");
  EXPECT_TRUE(attempts_with_codes(r).empty());
  EXPECT_EQ(session_count(r), 0u);
}

}  // namespace
