// Attempts from logs of the seventeenth lifecycle-event audit (an eighth proxy held-out set of
// published logs, docs/producers-audit.md: Linux desktops and laptops in bug reports): the
// kernel's IPv6 addrconf line "ADDRCONF(NETDEV_CHANGE): <if>: link becomes ready", printed when
// the supplicant turns a Wi-Fi interface's operstate up once its connection is complete, and a
// driver's own SME (out-of-tree Realtek: the supplicant's "Trying to associate", then the
// driver's "start auth") failing in authentication. The logs are written by the project in each
// producer's print style; the expectations are hand-typed: outcome, failing phase, who ended it,
// decisive code.
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

// A driver with its own SME (cfg80211 connect(): out-of-tree Realtek): the supplicant's "Trying to
// associate" starts the join, the driver authenticates after it.
const std::string w = "Mar 10 18:03:";
const std::string sup = " laptop wpa_supplicant[611]: wlan0: ";
const std::string drv = " laptop kernel: RTL871X: ";
const std::string trying = "Trying to associate with 02:00:00:00:17:02 (SSID='Lab' freq=2462 MHz)\n";
const std::string timed_out = "Authentication with 02:00:00:00:17:02 timed out.\n";

TEST(Producers17, DriverSmeAuthenticationTimeoutIsAnAuthenticationFailure) {
  // "Trying to associate", the driver's "start auth", no "auth success", the supplicant's timer:
  // the join failed in authentication. Before: in association (the furthest step's phase).
  const std::string log = w + "00" + sup + trying + w + "00" + drv + "start auth\n" + w + "10" + sup + timed_out;
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 23), "1 failed authentication");
}

TEST(Producers17, DriverSmeTimeoutAfterAuthSuccessIsStillAnAssociationFailure) {
  // The driver authenticated and started the association: the timeout is the association's.
  const std::string log = w + "00" + sup + trying + w + "00" + drv + "start auth\n" + w + "00" + drv +
                          "auth success, start assoc\n" + w + "10" + sup + timed_out;
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 20), "1 failed association");
}

TEST(Producers17, SupplicantSmeOrderIsUnchanged) {
  // wpa_supplicant's own SME (mac80211): authentication first, then "Trying to associate"; a
  // timeout after it stays where the join got to.
  const std::string log = w + "00" + sup +
                          "SME: Trying to authenticate with 02:00:00:00:17:02 (SSID='Lab' freq=2462 MHz)\n" + w + "00" +
                          kern + "wlan0: authenticate with 02:00:00:00:17:02\n" + w + "00" + kern +
                          "wlan0: authenticated\n" + w + "00" + sup + trying + w + "00" + kern +
                          "wlan0: associate with 02:00:00:00:17:02 (try 1/3)\n" + w + "10" + sup + timed_out;
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 20), "1 failed association");
}

}  // namespace
