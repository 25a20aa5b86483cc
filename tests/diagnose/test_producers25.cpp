// Attempts from logs of the twenty-fifth lifecycle-event audit (a proxy held-out set of published
// logs, docs/producers-audit.md: access points, routers and WLAN controllers, a second set): a
// station that hostapd logs as authenticated again and again, seconds apart, without ever
// associating. The logs are written by the project in hostapd's print style; the expectations are
// hand-typed: count, outcome, failing phase, who ended it, decisive code.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;

// An OpenWrt logread line of hostapd.
std::string ap(const std::string& at, const std::string& level, const std::string& text) {
  return "Wed Mar  4 09:" + at + " 2026 daemon." + level + " hostapd: " + text + "\n";
}

TEST(Producers25, AuthenticatedAgainSecondsLaterIsAnotherTry) {
  // The station authenticates, sends no Association Request, and authenticates again five
  // seconds on, twice; the third time it associates and its keys are set. Three tries: two with
  // no result (one row, counted twice), then the join. Before: one attempt that succeeded.
  const std::string s = "phy1-ap0: STA 02:00:00:00:25:01 IEEE 802.11: ";
  const auto a = attempts_with_codes(
      diagnose(ap("10:00", "info", s + "authenticated") + ap("10:05", "info", s + "authenticated") +
               ap("10:10", "info", s + "authenticated") + ap("10:10", "info", s + "associated (aid 1)") +
               ap("10:10", "info", "phy1-ap0: STA 02:00:00:00:25:01 WPA: pairwise key handshake completed (RSN)")));
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].substr(0, 9), "2 unknown");
  EXPECT_EQ(a[1].substr(0, 11), "1 succeeded");
}

TEST(Producers25, AuthenticatedTwiceWithinASecondIsOneTry) {
  // The same line twice in a second (a response sent again, a remote syslog holding each line
  // twice), then association: one try, as before.
  const std::string s = "wlan1: STA 02:00:00:00:25:02 IEEE 802.11: ";
  const auto a = attempts_with_codes(
      diagnose(ap("20:00", "info", s + "authenticated") + ap("20:00", "info", s + "authenticated") +
               ap("20:01", "info", s + "authenticated") + ap("20:01", "info", s + "associated (aid 2)") +
               ap("20:01", "info", "wlan1: STA 02:00:00:00:25:02 WPA: pairwise key handshake completed (RSN)")));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
}

TEST(Producers25, AuthenticatedAgainWithoutTimeIsOneTry) {
  // hostapd's stdout has no time: a retry cannot be told from a line printed again, so the
  // lines stay one try.
  const std::string s = "wlan0: STA 02:00:00:00:25:03 IEEE 802.11: ";
  const auto a =
      attempts_with_codes(diagnose(s + "authenticated\n" + s + "authenticated\n" + s + "associated (aid 1)\n" +
                                   "wlan0: STA 02:00:00:00:25:03 WPA: pairwise key handshake completed (RSN)\n"));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
}

}  // namespace
