// Attempts from logs of the twenty-second lifecycle-event audit (a thirteenth proxy held-out set of
// published logs, docs/producers-audit.md: access points and routers, a station's attempts seen
// from the AP): hostapd refusing a station its driver did not take ("Could not add STA to kernel
// driver", then the TX status of the refusing response, "did not acknowledge authentication
// response"). The logs are written by the project in hostapd's print style; the expectations are
// hand-typed: outcome, failing phase, who ended it, decisive code.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;

// An OpenWrt logread line of hostapd.
std::string ap(const std::string& at, const std::string& level, const std::string& text) {
  return "Tue Mar  3 10:" + at + " 2026 daemon." + level + " hostapd: " + text + "\n";
}

TEST(Producers22, StationTheDriverDidNotTakeFailsInAuthenticationByTheAp) {
  // hostapd 2.7+ adds the station at authentication; the driver refused it, hostapd answered with
  // status 17 and the station did not acknowledge that answer: one attempt, refused by the AP.
  // Before: an attempt with no result (the refusal was no event).
  const std::string s = "phy0-ap0: STA 02:00:00:00:22:10 IEEE 802.11: ";
  const auto a =
      attempts_with_codes(diagnose(ap("20:11", "notice", s + "Could not add STA to kernel driver") +
                                   ap("20:11", "notice", s + "did not acknowledge authentication response")));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed authentication ap -");
}

TEST(Producers22, RefusedAgainIsAnotherFailedAttempt) {
  // The station tries again two seconds on and is refused again: two refusals (one row, counted
  // twice), no attempt left open by the TX status lines.
  const std::string s = "phy0-ap0: STA 02:00:00:00:22:11 IEEE 802.11: ";
  const auto a =
      attempts_with_codes(diagnose(ap("20:11", "notice", s + "Could not add STA to kernel driver") +
                                   ap("20:11", "notice", s + "did not acknowledge authentication response") +
                                   ap("20:13", "notice", s + "Could not add STA to kernel driver") +
                                   ap("20:13", "notice", s + "did not acknowledge authentication response")));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "2 failed authentication ap -");
}

TEST(Producers22, RefusedAfterAssociationFailsBeforeTheKeyExchange) {
  // hostapd 2.5-2.6 adds the station once its association was acknowledged, then disconnects it
  // (reason 5, not printed): the refusal after "associated" fails the step after it, as any
  // failure of an associated station does here.
  const std::string s = "wlan0: STA 02:00:00:00:22:12 IEEE 802.11: ";
  const auto a = attempts_with_codes(diagnose(ap("30:01", "info", s + "authenticated") +
                                              ap("30:01", "info", s + "associated (aid 1)") +
                                              ap("30:01", "notice", s + "Could not add STA to kernel driver")));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed key_exchange ap -");
}

TEST(Producers22, UnacknowledgedResponseAloneStaysAStep) {
  // Without a refusal before it, "did not acknowledge authentication response" is the station in
  // that step (it may authenticate on the next line): an attempt with no result, as before.
  const std::string s = "phy0-ap0: STA 02:00:00:00:22:13 IEEE 802.11: ";
  const auto a = attempts_with_codes(
      diagnose(ap("40:00", "notice", s + "did not acknowledge authentication response") +
               ap("40:01", "info", s + "authenticated") + ap("40:01", "info", s + "associated (aid 2)") +
               ap("40:01", "info", "phy0-ap0: STA 02:00:00:00:22:13 WPA: pairwise key handshake completed (RSN)")));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
}

}  // namespace
