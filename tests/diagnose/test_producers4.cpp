// Attempts from logs of the fourth lifecycle-event audit (issue 10): DHCP clients beside the
// supplicant (dhcpcd on Raspberry Pi OS, systemd-networkd), a log that starts mid-attempt, a
// reconnect loop, roaming between the BSSIDs of one network, two interfaces interleaved. The logs
// are written by the project in each producer's print style (docs/producers-audit.md); the
// expectations are hand-typed: outcome, failing phase, who ended it, decisive code.
#include <gtest/gtest.h>

#include <map>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;

// The supplicant's join of wlan0 to Home at hh:mm:ss (all its lines in that second).
std::string join_at(const std::string& t) {
  const std::string h = "Mar  2 " + t + " raspberrypi wpa_supplicant[412]: wlan0: ";
  return h + "SME: Trying to authenticate with 02:00:00:00:a1:01 (SSID='Home' freq=2437 MHz)\n" + h +
         "Associated with 02:00:00:00:a1:01\n" + h +
         "WPA: Key negotiation completed with 02:00:00:00:a1:01 [PTK=CCMP GTK=CCMP]\n" + h +
         "CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:a1:01 completed [id=0 id_str=]\n";
}

TEST(Producers4, DhcpcdIpv4llAfterAGoodAssociationFailsThatAttempt) {
  // The first join gets no DHCP answer (dhcpcd falls back to IPv4LL) and the device leaves; the
  // second gets a lease, then the AP's inactivity disconnect (dhcpcd's "carrier lost" first).
  const std::string log =
      join_at("08:15:38") +
      "Mar  2 08:15:39 raspberrypi dhcpcd[388]: wlan0: carrier acquired\n"
      "Mar  2 08:15:40 raspberrypi dhcpcd[388]: wlan0: soliciting a DHCP lease\n"
      "Mar  2 08:15:45 raspberrypi dhcpcd[388]: wlan0: probing for an IPv4LL address\n"
      "Mar  2 08:15:50 raspberrypi dhcpcd[388]: wlan0: using IPv4LL address 169.254.41.7\n"
      "Mar  2 08:16:40 raspberrypi wpa_supplicant[412]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:a1:01 "
      "reason=3 locally_generated=1\n"
      "Mar  2 08:16:40 raspberrypi dhcpcd[388]: wlan0: carrier lost\n" +
      join_at("08:16:45") +
      "Mar  2 08:16:46 raspberrypi dhcpcd[388]: wlan0: carrier acquired\n"
      "Mar  2 08:16:48 raspberrypi dhcpcd[388]: wlan0: leased 192.168.1.23 for 86400 seconds\n"
      "Mar  2 09:02:10 raspberrypi dhcpcd[388]: wlan0: carrier lost\n"
      "Mar  2 09:02:10 raspberrypi wpa_supplicant[412]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:a1:01 "
      "reason=4\n";
  const auto r = diagnose(log);
  EXPECT_EQ(
      attempts_by_group(r),
      (std::map<std::string, V>{{"wlan0 Home", {"1 failed ip_config device -", "1 succeeded unknown unknown -"}}}));
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);  // the failed attempt's link was no session
  const auto& s = r.groups[0].sessions[0];
  EXPECT_TRUE(s.ip_configured);
  ASSERT_TRUE(s.end_code);
  EXPECT_EQ(s.end_code->ref, "ieee80211_reason:4");
  EXPECT_EQ(s.ended_by, wlancode::diagnose::ender::ap);
}

TEST(Producers4, DhcpcdOnAWiredInterfaceIsNoWifiAttempt) {
  // eth0's IPv4LL fallback beside a good Wi-Fi link: the link stays up, no attempt fails.
  const std::string log = join_at("08:15:38") +
                          "Mar  2 08:15:41 raspberrypi dhcpcd[388]: wlan0: leased 192.168.1.23 for 86400 seconds\n"
                          "Mar  2 08:15:50 raspberrypi dhcpcd[388]: eth0: using IPv4LL address 169.254.41.8\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_by_group(r), (std::map<std::string, V>{{"wlan0 Home", {"1 succeeded unknown unknown -"}}}));
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_TRUE(r.groups[0].sessions[0].open);
  EXPECT_TRUE(r.groups[0].sessions[0].ip_configured);
}

TEST(Producers4, NetworkdLeasesMarkTheSessionsConfigured) {
  // systemd-networkd's two DHCPv4 styles (v250+ "via", before "gateway ... acquired from"), after a
  // wrong password; the first session ends by the AP (reason 6).
  const std::string h = "Mar 02 08:15:38 archbox wpa_supplicant[601]: wlan0: ";
  const std::string log =
      h + "SME: Trying to authenticate with 02:00:00:00:b2:01 (SSID='Corp' freq=5180 MHz)\n" + h +
      "Associated with 02:00:00:00:b2:01\n" +
      "Mar 02 08:15:48 archbox wpa_supplicant[601]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:b2:01 "
      "reason=15\n"
      "Mar 02 08:16:01 archbox wpa_supplicant[601]: wlan0: SME: Trying to authenticate with 02:00:00:00:b2:01 "
      "(SSID='Corp' freq=5180 MHz)\n"
      "Mar 02 08:16:01 archbox wpa_supplicant[601]: wlan0: Associated with 02:00:00:00:b2:01\n"
      "Mar 02 08:16:02 archbox wpa_supplicant[601]: wlan0: CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:b2:01 "
      "completed [id=0 id_str=]\n"
      "Mar 02 08:16:02 archbox systemd-networkd[455]: wlan0: Gained carrier\n"
      "Mar 02 08:16:04 archbox systemd-networkd[455]: wlan0: DHCPv4 address 10.20.30.41/24 via 10.20.30.1\n"
      "Mar 02 09:40:12 archbox systemd-networkd[455]: wlan0: Lost carrier\n"
      "Mar 02 09:40:12 archbox wpa_supplicant[601]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:b2:01 "
      "reason=6\n"
      "Mar 02 09:40:20 archbox wpa_supplicant[601]: wlan0: SME: Trying to authenticate with 02:00:00:00:b2:02 "
      "(SSID='Corp' freq=2412 MHz)\n"
      "Mar 02 09:40:20 archbox wpa_supplicant[601]: wlan0: Associated with 02:00:00:00:b2:02\n"
      "Mar 02 09:40:21 archbox wpa_supplicant[601]: wlan0: CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:b2:02 "
      "completed [id=0 id_str=]\n"
      "Mar 02 09:40:23 archbox systemd-networkd[455]: wlan0: DHCPv4 address 10.20.30.41/24, gateway 10.20.30.1 "
      "acquired from 10.20.30.1\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_by_group(r),
            (std::map<std::string, V>{{"wlan0 Corp",
                                       {"1 failed key_exchange ap ieee80211_reason:15", "1 succeeded unknown unknown -",
                                        "1 succeeded unknown unknown -"}}}));
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 2u);
  for (const auto& s : r.groups[0].sessions) EXPECT_TRUE(s.ip_configured);
  EXPECT_EQ(r.groups[0].sessions[0].ended_by, wlancode::diagnose::ender::ap);
}

TEST(Producers4, ALogStartingMidAttemptKnowsItsNetworkFromTheNextJoin) {
  // The log starts at "Associated with" (no SSID yet); the AP drops the link twice with reason 2,
  // then rejects twice (17, AP full) before a success. The first attempt is Lab's: its BSSID is.
  const std::string h = "Mar  2 08:15:40 nuc wpa_supplicant[700]: wlan0: ";
  const auto join = [](const std::string& t, bool rejected) {
    const std::string hh = "Mar  2 " + t + " nuc wpa_supplicant[700]: wlan0: ";
    std::string s = hh + "SME: Trying to authenticate with 02:00:00:00:d4:01 (SSID='Lab' freq=2462 MHz)\n" + hh +
                    "Trying to associate with 02:00:00:00:d4:01 (SSID='Lab' freq=2462 MHz)\n";
    if (rejected) return s + hh + "CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:d4:01 status_code=17\n";
    return s + hh + "Associated with 02:00:00:00:d4:01\n" + hh +
           "CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:d4:01 completed [id=1 id_str=]\n";
  };
  const std::string log =
      h + "Associated with 02:00:00:00:d4:01\n" + h +
      "CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:d4:01 completed [id=1 id_str=]\n"
      "Mar  2 08:16:40 nuc wpa_supplicant[700]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:d4:01 reason=2\n" +
      join("08:16:41", false) +
      "Mar  2 08:17:41 nuc wpa_supplicant[700]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:d4:01 reason=2\n" +
      join("08:17:42", true) + join("08:17:45", true) + join("08:17:48", false);
  const auto r = diagnose(log);
  EXPECT_EQ(
      attempts_by_group(r),
      (std::map<std::string, V>{{"wlan0 Lab",
                                 {"1 succeeded unknown unknown -", "1 succeeded unknown unknown -",
                                  "2 failed association ap ieee80211_status:17", "1 succeeded unknown unknown -"}}}));
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].attempts_total, 5u);
  EXPECT_EQ(r.groups[0].succeeded, 3u);
  EXPECT_EQ(r.groups[0].failed, 2u);
  ASSERT_EQ(r.groups[0].sessions.size(), 3u);
  for (std::size_t i = 0; i < 2; ++i) {
    ASSERT_TRUE(r.groups[0].sessions[i].end_code);
    EXPECT_EQ(r.groups[0].sessions[i].end_code->ref, "ieee80211_reason:2");
  }
}

TEST(Producers4, AnUnnamedGroupOfAnotherApStaysUnnamed) {
  // The first AP never appears with an SSID: its attempt keeps "network unknown".
  const std::string log =
      "Mar  2 08:15:40 nuc wpa_supplicant[700]: wlan0: Associated with 02:00:00:00:d4:07\n"
      "Mar  2 08:15:40 nuc wpa_supplicant[700]: wlan0: CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:d4:07 "
      "completed [id=1 id_str=]\n"
      "Mar  2 08:16:40 nuc wpa_supplicant[700]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:d4:07 reason=2\n"
      "Mar  2 08:16:41 nuc wpa_supplicant[700]: wlan0: SME: Trying to authenticate with 02:00:00:00:d4:01 "
      "(SSID='Lab' freq=2462 MHz)\n"
      "Mar  2 08:16:41 nuc wpa_supplicant[700]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:d4:01 "
      "status_code=17\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_by_group(r),
            (std::map<std::string, V>{{"wlan0 ?", {"1 succeeded unknown unknown -"}},
                                      {"wlan0 Lab", {"1 failed association ap ieee80211_status:17"}}}));
}

TEST(Producers4, RoamsBetweenBssidsOfOneNetworkAreOneSession) {
  // A good roam (SME, the kernel's "disconnect from AP ... for new auth to ..."), then a roam whose
  // authentication times out: the session ends there, by the device.
  const std::string k = "2026-03-02T08:42:10.0+01:00 laptop kernel: wlp2s0: ";
  const std::string w = "2026-03-02T08:42:10.0+01:00 laptop wpa_supplicant[812]: wlp2s0: ";
  const std::string k2 = "2026-03-02T09:05:00.5+01:00 laptop kernel: wlp2s0: ";
  const std::string w2 = "2026-03-02T09:05:00.6+01:00 laptop wpa_supplicant[812]: wlp2s0: ";
  const std::string log =
      "2026-03-02T08:15:38.1+01:00 laptop wpa_supplicant[812]: wlp2s0: SME: Trying to authenticate with "
      "02:00:00:00:c3:01 (SSID='Corp' freq=2412 MHz)\n"
      "2026-03-02T08:15:38.2+01:00 laptop wpa_supplicant[812]: wlp2s0: Associated with 02:00:00:00:c3:01\n"
      "2026-03-02T08:15:38.3+01:00 laptop wpa_supplicant[812]: wlp2s0: CTRL-EVENT-CONNECTED - Connection to "
      "02:00:00:00:c3:01 completed [id=0 id_str=]\n" +
      w + "SME: Trying to authenticate with 02:00:00:00:c3:02 (SSID='Corp' freq=5500 MHz)\n" + k +
      "disconnect from AP 02:00:00:00:c3:01 for new auth to 02:00:00:00:c3:02\n" + k + "authenticated\n" + k +
      "associated\n" + w + "Associated with 02:00:00:00:c3:02\n" + w +
      "CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:c3:02 completed [id=0 id_str=]\n" + w2 +
      "SME: Trying to authenticate with 02:00:00:00:c3:03 (SSID='Corp' freq=5745 MHz)\n" + k2 +
      "disconnect from AP 02:00:00:00:c3:02 for new auth to 02:00:00:00:c3:03\n" + k2 +
      "authentication with 02:00:00:00:c3:03 timed out\n" + w2 +
      "CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:c3:02 reason=3 locally_generated=1\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_by_group(r),
            (std::map<std::string, V>{{"wlp2s0 Corp",
                                       {"1 succeeded unknown unknown -", "1 succeeded unknown unknown -",
                                        "1 failed authentication device -"}}}));
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_EQ(r.groups[0].sessions[0].roams, 1u);
}

}  // namespace
