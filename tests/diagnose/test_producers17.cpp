// Attempts from logs of the seventeenth lifecycle-event audit (an eighth proxy held-out set of
// published logs, docs/producers-audit.md: Linux desktops and laptops in bug reports): the
// kernel's IPv6 addrconf line "ADDRCONF(NETDEV_CHANGE): <if>: link becomes ready", printed when
// the supplicant turns a Wi-Fi interface's operstate up once its connection is complete. The logs
// are written by the project in each producer's print style; the expectations are hand-typed:
// outcome, failing phase, who ended it, decisive code.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;

const std::string k = "Mar 10 18:02:";
const std::string kern = " laptop kernel: ";
const std::string bss = "02:00:00:00:17:01";

std::string mac80211_join(const std::string& sec) {
  return k + sec + kern + "wlp3s0: authenticate with " + bss + "\n" + k + sec + kern + "wlp3s0: send auth to " + bss +
         " (try 1/3)\n" + k + sec + kern + "wlp3s0: authenticated\n" + k + sec + kern + "wlp3s0: associate with " +
         bss + " (try 1/3)\n" + k + sec + kern + "wlp3s0: RX AssocResp from " + bss +
         " (capab=0x431 status=0 aid=3)\n" + k + sec + kern + "wlp3s0: associated\n";
}

TEST(Producers17, LinkBecomesReadyAfterAssociationIsTheConnection) {
  // mac80211 associates, the interface's link becomes ready a second on (the supplicant's
  // connection complete), and the device leaves nine seconds later: one join that succeeded.
  // Before: the local deauthentication soon after the association read as a key exchange failure.
  const std::string log = mac80211_join("01") + k + "02" + kern +
                          "IPv6: ADDRCONF(NETDEV_CHANGE): wlp3s0: link becomes ready\n" + k + "10" + kern +
                          "wlp3s0: deauthenticating from " + bss + " by local choice (Reason: 3=DEAUTH_LEAVING)\n";
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
}

TEST(Producers17, WithoutLinkReadyAnEarlyLocalDeauthIsStillAKeyExchangeFailure) {
  // The same join with no word that the link came up: unchanged, the handshake never completed.
  const std::string log = mac80211_join("01") + k + "10" + kern + "wlp3s0: deauthenticating from " + bss +
                          " by local choice (Reason: 3=DEAUTH_LEAVING)\n";
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed key_exchange device ieee80211_reason:3");
}

TEST(Producers17, LinkReadyBesideTheSupplicantsConnectedIsOneJoin) {
  // wpa_supplicant's CTRL-EVENT-CONNECTED, then the kernel's link ready: one success, not two.
  const std::string w = " laptop wpa_supplicant[611]: wlp3s0: ";
  const std::string log = mac80211_join("01") + k + "01" + w + "WPA: Key negotiation completed with " + bss +
                          " [PTK=CCMP GTK=CCMP]\n" + k + "01" + w + "CTRL-EVENT-CONNECTED - Connection to " + bss +
                          " completed [id=0 id_str=]\n" + k + "01" + kern +
                          "IPv6: ADDRCONF(NETDEV_CHANGE): wlp3s0: link becomes ready\n";
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
}

TEST(Producers17, WiredLinkReadyIsNoAttempt) {
  // The same line for a wired interface: no Wi-Fi attempt.
  const std::string log =
      "[   12.100200] IPv6: ADDRCONF(NETDEV_UP): enp3s0: link is not ready\n"
      "[   14.100200] IPv6: ADDRCONF(NETDEV_CHANGE): enp3s0: link becomes ready\n";
  EXPECT_TRUE(attempts_with_codes(diagnose(log)).empty());
}

}  // namespace
