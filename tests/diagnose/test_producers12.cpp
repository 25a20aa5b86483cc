// Attempts from logs of the twelfth lifecycle-event audit (a fourth proxy held-out set of published
// logs, docs/producers-audit.md): hostapd's EAP authenticator naming the station it failed
// (CTRL-EVENT-EAP-FAILURE2 <mac> with a RADIUS server behind it), hostapd's debug-level
// "authentication OK", and Android's framework handing the supplicant a network
// (SupplicantStaIfaceHal connectToNetwork). The logs are written by the project in each producer's
// print style; the expectations are hand-typed: outcome, failing phase, who ended it, decisive code.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;

TEST(Producers12, HostapdEapFailure2IsTheStationsFailure) {
  // OpenWrt's hostapd with FreeRADIUS on the same box: the station's EAP-TLS is refused, the
  // authenticator says so twice (EAP-FAILURE2, then its 802.1X state machine); the station
  // reassociates and starts again (cut). Before: the EAP-FAILURE2 was a failed attempt of the AP's
  // own interface besides the station's.
  const std::string h = "Mon Mar  2 08:15:4";
  const std::string n = " 2026 daemon.notice hostapd: wlan1-ent: ";
  const std::string i = " 2026 daemon.info hostapd: wlan1-ent: STA 02:00:00:00:61:01 ";
  const std::string log =
      h + "0" + n + "CTRL-EVENT-EAP-STARTED 02:00:00:00:61:01\n" + h + "0" + n +
      "CTRL-EVENT-EAP-PROPOSED-METHOD vendor=0 method=1\n" + h + "3" +
      " 2026 daemon.notice radiusd[4100]: (12) Login incorrect (eap_tls: (TLS) Alert read:fatal:unknown CA): "
      "[sensor-1] (from client localhost port 1 cli 02-00-00-00-61-01)\n" +
      h + "4" + n + "CTRL-EVENT-EAP-FAILURE2 02:00:00:00:61:01\n" + h + "4" + n +
      "AP-STA-DISCONNECTED 02:00:00:00:61:01\n" + h + "4" +
      " 2026 daemon.warn hostapd: wlan1-ent: STA 02:00:00:00:61:01 IEEE 802.1X: authentication failed - EAP type: 13 "
      "(TLS)\n" +
      h + "5" + i + "IEEE 802.11: authenticated\n" + h + "5" + i + "IEEE 802.11: associated (aid 1)\n" + h + "5" + n +
      "CTRL-EVENT-EAP-STARTED 02:00:00:00:61:01\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_of(r).size(), 2u);
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0], "1 failed eap auth_server -");
  EXPECT_EQ(a[1].substr(0, 9), "1 unknown");
}

TEST(Producers12, SupplicantsOwnEapFailureStaysItsOwn) {
  // Near miss: wpa_supplicant's CTRL-EVENT-EAP-FAILURE (no station after it) fails the device's
  // own attempt, as before.
  const std::string log =
      "Mar  2 08:15:40 laptop wpa_supplicant[900]: wlan0: Trying to associate with 02:00:00:00:61:10 (SSID='Campus' "
      "freq=5180 MHz)\n"
      "Mar  2 08:15:40 laptop wpa_supplicant[900]: wlan0: Associated with 02:00:00:00:61:10\n"
      "Mar  2 08:15:40 laptop wpa_supplicant[900]: wlan0: CTRL-EVENT-EAP-STARTED EAP authentication started\n"
      "Mar  2 08:15:43 laptop wpa_supplicant[900]: wlan0: CTRL-EVENT-EAP-FAILURE EAP authentication failed\n";
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 12), "1 failed eap");
}

TEST(Producers12, HostapdDebugAuthenticationOkStartsTheStationsJoin) {
  // hostapd at debug level: the station's association callbacks find nothing (no join), then its
  // 802.11 authentication passes and the excerpt ends. Before: no attempt at all.
  const std::string log =
      "Mon Mar  2 08:15:57 2026 daemon.notice hostapd: handle_assoc_cb: STA 02:00:00:00:61:20 not found\n"
      "Mon Mar  2 08:16:19 2026 daemon.debug hostapd: lab5: STA 02:00:00:00:61:20 IEEE 802.11: authentication OK "
      "(open system)\n"
      "Mon Mar  2 08:16:19 2026 daemon.debug hostapd: lab5: STA 02:00:00:00:61:20 MLME: "
      "MLME-AUTHENTICATE.indication(02:00:00:00:61:20, OPEN_SYSTEM)\n";
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 9), "1 unknown");
}

TEST(Producers12, HostapdDebugAuthOkThenAssociatedAndHandshakeIsOneJoin) {
  // Both levels in one log (auth OK, authenticated, association OK, associated, handshake done):
  // one join that succeeded, not two.
  const std::string h = "Mon Mar  2 08:16:19 2026 daemon.";
  const std::string s = " hostapd: lab5: STA 02:00:00:00:61:21 ";
  const std::string log = h + "debug" + s + "IEEE 802.11: authentication OK (open system)\n" + h + "info" + s +
                          "IEEE 802.11: authenticated\n" + h + "debug" + s + "IEEE 802.11: association OK (aid 2)\n" +
                          h + "info" + s + "IEEE 802.11: associated (aid 2)\n" + h + "notice" +
                          " hostapd: lab5: AP-STA-CONNECTED 02:00:00:00:61:21\n" + h + "info" + s +
                          "WPA: pairwise key handshake completed (RSN)\n";
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
}

TEST(Producers12, AndroidConnectToNetworkStartsAnAttempt) {
  // Android 11 logcat with verbose Wi-Fi logging: the framework randomizes its MAC and hands the
  // supplicant the network (cut before any supplicant event). Before: no attempt.
  const std::string log =
      "03-02 08:15:40.097  1497  1891 D WifiClientModeImpl: ConnectedMacRandomization SSID(Porch). "
      "setMacAddress(02:00:00:00:61:31) from 02:00:00:00:61:30 = true\n"
      "03-02 08:15:40.098  1497  1891 I WifiClientModeImpl: Connecting with 02:00:00:00:61:31 as the mac address\n"
      "03-02 08:15:40.099  1497  1891 D SupplicantStaIfaceHal: connectToNetwork \"Porch\"WPA_PSK\n"
      "03-02 08:15:40.104  1497  1891 I SupplicantStaIfaceHal: addSupplicantStaNetwork via HIDL\n";
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 9), "1 unknown");
}

TEST(Producers12, AndroidConnectToNetworkThenSupplicantConnectsIsOneAttempt) {
  // The framework's connectToNetwork, then the supplicant's own events of the same join: one
  // attempt that succeeded.
  const std::string t = "03-02 08:15:4";
  const std::string w = "  1497  1891 D SupplicantStaIfaceHal: ";
  const std::string q = "   900   900 I wpa_supplicant: wlan0: ";
  const std::string log = t + "0.099" + w + "connectToNetwork \"Porch\"WPA_PSK\n" + t + "0.300" + q +
                          "Trying to associate with 02:00:00:00:61:40 (SSID='Porch' freq=2412 MHz)\n" + t + "0.350" +
                          q + "Associated with 02:00:00:00:61:40\n" + t + "0.400" + q +
                          "WPA: Key negotiation completed with 02:00:00:00:61:40 [PTK=CCMP GTK=CCMP]\n" + t + "0.401" +
                          q + "CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:61:40 completed [id=0 id_str=]\n";
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
}

TEST(Producers12, AppsConnectToNetworkIsNoEvent) {
  // Near miss: an application's own "connectToNetwork" print is not the framework's.
  const std::string log = "03-02 08:15:40.100  7001  7001 D WifiHelper: connectToNetwork \"Porch\" returned false\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)), V{});
}

}  // namespace
