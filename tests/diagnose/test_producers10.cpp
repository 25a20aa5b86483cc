// Attempts from logs of the tenth lifecycle-event audit (a third proxy held-out set of published
// logs, docs/producers-audit.md: Linux and Android clients): the supplicant's authentication
// failure just after a device's first disconnect, its "Association request to the driver failed",
// NetworkManager's Wi-Fi config stage, its timer and secrets request as one failure, and its wired
// devices. The logs are written by the project in each producer's print style; the expectations
// are hand-typed: outcome, failing phase, who ended it, decisive code, and the sessions.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;

TEST(Producers10, AuthFailedJustAfterTheFirstDisconnectIsAFailedAttempt) {
  // A journal cut in the middle of an 802.1X join: its first line is the supplicant tearing the
  // link down, then its verdict (reason=AUTH_FAILED: the EAP exchange failed) and NetworkManager's
  // "associated -> disconnected". Before: a session up before the log, ended by the device.
  const std::string t = "2026-05-04T08:12:40.1";
  const std::string w = "+02:00 lab wpa_supplicant[2210]: wlp3s0: ";
  const std::string log =
      t + "00100" + w + "CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:51:01 reason=3 locally_generated=1\n" + t + "00200" +
      w + "CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"campus\" auth_failures=1 duration=10 reason=AUTH_FAILED\n" + t +
      "00300" + w +
      "CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"campus\" auth_failures=2 duration=20 reason=CONN_FAILED\n" + t +
      "05000+02:00 lab NetworkManager[2208]: <info>  [1777875160.1050] device (wlp3s0): supplicant interface " +
      "state: associated -> disconnected\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), (V{"1 failed eap auth_server ieee80211_reason:3"}));
  EXPECT_EQ(session_count(r), 0u);
}

TEST(Producers10, ConnectionFailedAfterTheFirstDisconnectKeepsTheSession) {
  // The same first line, then only CONN_FAILED (the supplicant's count of failed connections,
  // which a lost link also raises): the session up before the log stays a session.
  const std::string w = "Mar  9 10:00:0";
  const std::string p = " pi wpa_supplicant[480]: wlan0: ";
  const std::string log =
      w + "1" + p + "CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:52:01 reason=4 locally_generated=1\n" + w + "2" + p +
      "CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"Loft\" auth_failures=1 duration=10 reason=CONN_FAILED\n";
  const auto r = diagnose(log);
  EXPECT_EQ(session_count(r), 1u);
}

TEST(Producers10, SupplicantDriverRefusedTheAssociation) {
  // wpa_supplicant on a BeagleBone's wifi0 (syslog with facility.level): the driver refuses each
  // association request, one AP after the other. Before: one attempt with no result.
  const std::string h = "Jan 27 15:55:";
  const std::string p = " gateway daemon.notice wpa_supplicant[1259]: wifi0: ";
  const std::string log = h + "24" + p + "Trying to associate with 02:00:00:00:53:01 (SSID='Yard' freq=2412 MHz)\n" +
                          h + "24" + p + "Association request to the driver failed\n" + h + "28" + p +
                          "Trying to associate with 02:00:00:00:53:02 (SSID='Yard' freq=2437 MHz)\n" + h + "28" + p +
                          "Association request to the driver failed\n" + h + "32" + p +
                          "Trying to associate with 02:00:00:00:53:03 (SSID='Yard' freq=2462 MHz)\n" + h + "32" + p +
                          "Association request to the driver failed\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)), (V{"3 failed association unknown -"}));
}

TEST(Producers10, NetworkManagerTimerThenSecretsIsOneFailureAndWiredIsNone) {
  // NetworkManager's timer over association ("association took too long"), then its request for
  // new secrets, then a wired profile on enp4s0 (systemd's Ethernet name). Before: three attempts
  // (the secrets request a key-exchange failure of its own, the wired activation one more). The
  // secrets request stays evidence: NetworkManager asks for them as the key may be wrong (WPA3-SAE
  // checks the password before association).
  const std::string n = "May 28 21:58:";
  const std::string p = " desk NetworkManager[3806]: <";
  const std::string log =
      n + "49" + p +
      "warn>  [1748444329.7869] device (wlx02000000c3d4): Activation: (wifi) association took too long\n" + n + "49" +
      p + "info>  [1748444329.7869] device (wlx02000000c3d4): state change: config -> need-auth " +
      "(reason 'none', managed-type: 'full')\n" + n + "49" + p +
      "warn>  [1748444329.7871] device (wlx02000000c3d4): Activation: (wifi) asking for new secrets\n" +
      "May 28 21:59:02" + p + "info>  [1748444342.4936] device (enp4s0): Activation: starting connection " +
      "'Wired connection 1' (9e593127-0000-4000-8000-000000000010)\n" + "May 28 21:59:03" + p +
      "info>  [1748444343.1000] device (enp4s0): state change: secondaries -> activated (reason 'none', " +
      "managed-type: 'full')\n";
  EXPECT_EQ(attempts_of(diagnose(log)), (V{"1 failed association device wrong_password"}));
}

TEST(Producers10, NetworkManagerWifiConfigStageStartsAnAttempt) {
  // A NetworkManager excerpt that begins in the Wi-Fi device's config stage (no "starting
  // connection" line) and stops while the supplicant scans. Before: nothing at all.
  const std::string n = "Apr 04 23:37:24 kiosk NetworkManager[709]: <info>  [1554421044.";
  const std::string log = n + "4818] device (wlan0): Activation: (wifi) connection 'Shop' has security, and secrets " +
                          "exist.  No new secrets needed.\n" + n + "4821] Config: added 'ssid' value 'Shop'\n" + n +
                          "6282] device (wlan0): supplicant interface state: inactive -> scanning\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)), (V{"1 unknown unknown unknown -"}));
  // The same with "access point ... has security, but secrets are required" and an open network.
  const std::string m = "Nov 14 19:05:54 ha NetworkManager[371]: <info>  [1668452754.";
  const std::string log2 = m + "9705] device (wlan0): Activation: (wifi) access point 'Den' has security, but " +
                           "secrets are required.\n" + m + "9717] device (wlan0): state change: config -> need-auth " +
                           "(reason 'none', sys-iface-state: 'managed')\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log2)), (V{"1 unknown unknown unknown -"}));
}

}  // namespace
