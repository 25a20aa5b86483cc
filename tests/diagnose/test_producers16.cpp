// Attempts from logs of the sixteenth lifecycle-event audit (a seventh proxy held-out set of
// published logs, docs/producers-audit.md: access points, enterprise Wi-Fi, phones): hostapd's
// EAP authenticator reporting the RADIUS server's success for a station ("CTRL-EVENT-EAP-SUCCESS2
// <mac>"), hostapd's debug "association OK (aid N)", and who ended a station's attempt when hostapd
// removed the station itself ("deauthenticated due to local deauth request"). The logs are written
// by the project in each producer's print style; the expectations are hand-typed: outcome, failing
// phase, who ended it, decisive code.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;

// An OpenWrt logread line of hostapd.
std::string ap(const std::string& at, const std::string& level, const std::string& text) {
  return "Mon Mar  2 08:" + at + " 2026 daemon." + level + " hostapd: " + text + "\n";
}

TEST(Producers16, EapSuccessThenNoHandshakeFailsTheStationInTheKeyExchange) {
  // WPA2-Enterprise through a RADIUS server: the station authenticates, associates, passes EAP
  // (EAP-SUCCESS2), and ten seconds on hostapd removes it, the 4-way handshake never done. One
  // attempt, the station's, ended by the AP. Before: a failure in EAP, and EAP-SUCCESS2 read as the
  // supplicant's, an attempt of the AP's interface with no result.
  const std::string s = "wlan1: STA 02:00:00:00:16:10 ";
  const std::string log = ap("15:40", "info", s + "IEEE 802.11: authenticated") +
                          ap("15:40", "info", s + "IEEE 802.11: associated (aid 1)") +
                          ap("15:40", "notice", "wlan1: CTRL-EVENT-EAP-STARTED 02:00:00:00:16:10") +
                          ap("15:40", "notice", "wlan1: CTRL-EVENT-EAP-PROPOSED-METHOD vendor=0 method=1") +
                          ap("15:41", "notice", "wlan1: CTRL-EVENT-EAP-SUCCESS2 02:00:00:00:16:10") +
                          ap("15:51", "info", s + "IEEE 802.11: deauthenticated due to local deauth request");
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed key_exchange ap -");
}

TEST(Producers16, EapSuccessThenHandshakeSucceeds) {
  // The same network, a station that completes the handshake: one success, and no attempt of the
  // interface.
  const std::string s = "wlan1: STA 02:00:00:00:16:11 ";
  const std::string log = ap("20:10", "info", s + "IEEE 802.11: authenticated") +
                          ap("20:10", "info", s + "IEEE 802.11: associated (aid 2)") +
                          ap("20:10", "notice", "wlan1: CTRL-EVENT-EAP-STARTED 02:00:00:00:16:11") +
                          ap("20:11", "notice", "wlan1: CTRL-EVENT-EAP-SUCCESS2 02:00:00:00:16:11") +
                          ap("20:11", "notice", "wlan1: AP-STA-CONNECTED 02:00:00:00:16:11") +
                          ap("20:11", "info", s + "WPA: pairwise key handshake completed (RSN)");
  const auto r = diagnose(log);
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 19), "1 succeeded unknown");
  ASSERT_EQ(r.groups.size(), 1u) << "EAP-SUCCESS2 names the station";
}

TEST(Producers16, SupplicantEapSuccessStaysTheSupplicants) {
  // wpa_supplicant's own CTRL-EVENT-EAP-SUCCESS (no station address): the client's attempt, then
  // its key exchange and connection.
  const std::string p = "Mar  2 08:30:0";
  const std::string w = " laptop wpa_supplicant[900]: wlan0: ";
  const std::string log = p + "1" + w + "Trying to associate with 02:00:00:00:16:20 (SSID='Corp' freq=5180 MHz)\n" + p +
                          "1" + w + "Associated with 02:00:00:00:16:20\n" + p + "1" + w +
                          "CTRL-EVENT-EAP-STARTED EAP authentication started\n" + p + "2" + w +
                          "CTRL-EVENT-EAP-SUCCESS EAP authentication completed successfully\n" + p + "2" + w +
                          "WPA: Key negotiation completed with 02:00:00:00:16:20 [PTK=CCMP GTK=CCMP]\n" + p + "2" + w +
                          "CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:16:20 completed [id=0 id_str=]\n";
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 19), "1 succeeded unknown");
}

TEST(Producers16, DebugSaeJoinWithOnlyAssociationOkIsAnAttemptInProgress) {
  // hostapd at debug level, an SAE join cut after "association OK": the station's attempt, not yet
  // decided. Before: nothing (no info-level line of the join in the excerpt).
  const std::string s = "phy1-ap0: STA 02:00:00:00:16:30 ";
  const std::string log =
      ap("40:00", "debug", s + "IEEE 802.11: start SAE authentication (RX commit, status=0 (SUCCESS))") +
      ap("40:00", "debug", s + "IEEE 802.11: SAE authentication (RX confirm, status=0 (SUCCESS))") +
      ap("40:00", "debug", s + "IEEE 802.11: association OK (aid 4)") +
      ap("40:00", "debug", s + "IEEE 802.11: binding station to interface 'phy1-ap0'");
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 unknown unknown unknown -");
}

TEST(Producers16, AssociationOkBesideAssociatedIsOneJoin) {
  // Debug and info level together on an open network: "authentication OK", "authenticated",
  // "association OK", "associated", AP-STA-CONNECTED at once. One success.
  const std::string s = "phy0-ap0: STA 02:00:00:00:16:31 ";
  const std::string log = ap("41:00", "debug", s + "IEEE 802.11: authentication OK (open system)") +
                          ap("41:00", "info", s + "IEEE 802.11: authenticated") +
                          ap("41:00", "debug", s + "IEEE 802.11: association OK (aid 1)") +
                          ap("41:00", "info", s + "IEEE 802.11: associated (aid 1)") +
                          ap("41:00", "notice", "phy0-ap0: AP-STA-CONNECTED 02:00:00:00:16:31 auth_alg=open");
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 19), "1 succeeded unknown");
}

TEST(Producers16, StationsOwnDisassociationIsNotTheApsRemoval) {
  // A WPA-PSK join the station leaves itself ("disassociated": its Disassociation frame) before the
  // handshake: failed in the key exchange, not ended by the AP.
  const std::string s = "wlan0: STA 02:00:00:00:16:40 ";
  const std::string log = ap("50:00", "info", s + "IEEE 802.11: authenticated") +
                          ap("50:00", "info", s + "IEEE 802.11: associated (aid 1)") +
                          ap("50:04", "info", s + "IEEE 802.11: disassociated");
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed key_exchange unknown -");
}

TEST(Producers16, AndroidHotspotDebugJoinIsTheStationsAttempt) {
  // A phone's hotspot, hostapd -d in logcat: the authentication reply accepted (resp=0), then the
  // station's association request, the excerpt cut. The station's attempt, not decided. Before:
  // nothing (only "IEEE 802.11:" lines and control events were read).
  const std::string t = "03-02 08:15:40.169 D/hostapd (5923): ";
  const std::string log =
      t + "mgmt::auth\n" + t +
      "authentication: STA=02:00:00:00:16:60 auth_alg=0 auth_transaction=1 status_code=0 wep=0\n" + t +
      "authentication reply: STA=02:00:00:00:16:60 auth_alg=0 auth_transaction=2 resp=0 (IE len=0)\n" + t +
      "mgmt::assoc_req\n" + t + "association request: STA=02:00:00:00:16:60 capab_info=0x421 listen_interval=100\n";
  const auto a = attempts_with_codes(diagnose(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 unknown unknown unknown -");
}

}  // namespace
