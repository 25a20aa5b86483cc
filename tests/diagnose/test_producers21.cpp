// Attempts from logs of the twenty-first lifecycle-event audit (a twelfth proxy held-out set of
// published logs, docs/producers-audit.md: Linux clients, a second set): the Microchip WILC
// driver's connect result and disconnect notification, and ConnMan's connmanctl connect result.
// The logs are written by the project in each producer's print style; the expectations are
// hand-typed: outcome, failing phase, who ended it, decisive code.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;

TEST(Producers21, WilcConnectionSuccessfulIsAJoin) {
  // The vendor tree prints both at error level: the firmware's disconnect notification ends the
  // link up before the log, "Connection Successful" is the next join's connect result; the
  // driver's power-save timer print between them is no event. Before: no attempt at all.
  const auto a = attempts_with_codes(
      diagnose("2026-03-03T09:10:01.100+00:00 board kernel: wilc_sdio mmc0:0001:1 wlan0: ERR [cfg_connect_result:205] "
               "Received WILC_MAC_STATUS_DISCONNECTED dev [c2a41000]\n"
               "2026-03-03T09:10:02.200+00:00 board kernel: wilc_sdio mmc0:0001:1 wlan0: ERR [cfg_connect_result:181] "
               "Connection Successful: BSSID: 2000001101\n"
               "2026-03-03T09:10:22.600+00:00 board kernel: wilc_sdio mmc0:0001:1 wlan0: ERR [clear_during_ip:123] "
               "Unable to Obtain IP\n"
               "2026-03-03T09:15:04.000+00:00 board kernel: wilc_sdio mmc0:0001:1 wlan0: ERR [cfg_connect_result:205] "
               "Received WILC_MAC_STATUS_DISCONNECTED dev [c2a41000]\n"
               "2026-03-03T09:15:05.100+00:00 board kernel: wilc_sdio mmc0:0001:1 wlan0: ERR [cfg_connect_result:181] "
               "Connection Successful: BSSID: 2000001101\n"));
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0], "1 succeeded unknown unknown -");
  EXPECT_EQ(a[1], "1 succeeded unknown unknown -");
}

TEST(Producers21, WilcDisconnectAloneEndsASessionUpBeforeTheLog) {
  const auto r = diagnose(
      "[  940.310000] wilc_sdio mmc0:0001:1 wlan0: INFO [cfg_connect_result]Received WILC_MAC_STATUS_DISCONNECTED "
      "dev [c3922000]\n");
  EXPECT_TRUE(attempts_with_codes(r).empty());
  EXPECT_EQ(session_count(r), 1u);
}

TEST(Producers21, ConnmanctlConnectedIsAJoin) {
  // connmanctl prints "Connected <service>" once ConnMan's Connect call returned without error.
  // Before: the command's output held no event.
  const auto a =
      attempts_with_codes(diagnose("connmanctl> agent on\n"
                                   "Agent registered\n"
                                   "connmanctl> connect wifi_020000004401_486f6d65_managed_psk\n"
                                   "Agent RequestInput wifi_020000004401_486f6d65_managed_psk\n"
                                   "Passphrase? ********\n"
                                   "Connected wifi_020000004401_486f6d65_managed_psk\n"));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 succeeded unknown unknown -");
}

TEST(Producers21, ConnmanctlDisconnectedEndsTheSession) {
  const auto r = diagnose(
      "Connected wifi_020000004401_486f6d65_managed_psk\n"
      "Disconnected wifi_020000004401_486f6d65_managed_psk\n");
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 succeeded unknown unknown -");
  ASSERT_EQ(session_count(r), 1u);
  EXPECT_FALSE(r.groups[0].sessions[0].open);
}

TEST(Producers21, ConnmanctlWiredServiceIsNoAttempt) {
  const auto r = diagnose(
      "Connected ethernet_020000004402_cable\n"
      "Disconnected ethernet_020000004402_cable\n");
  EXPECT_TRUE(attempts_with_codes(r).empty());
  EXPECT_EQ(session_count(r), 0u);
}

}  // namespace
