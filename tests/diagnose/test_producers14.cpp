// Attempts from the fourteenth audit (Windows: published WLAN-AutoConfig events, PowerShell and
// netsh output; docs/producers-audit.md): Get-WinEvent's default view, the table of TimeCreated, Id,
// LevelDisplayName and Message grouped by ProviderName (Event.format.ps1xml of
// Microsoft.PowerShell.Diagnostics), read as the events of its rows. The tables are written by the
// project in PowerShell's layout (newest first, as Get-WinEvent lists them); the expectations are
// hand-typed: outcome, failing phase, who ended it.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "windows_events.hpp"

namespace {

using namespace diagnose_test;
using windows_events::diagnose_file;

const std::string header =
    "TimeCreated                     Id LevelDisplayName Message\n"
    "-----------                     -- ---------------- -------\n";

TEST(Producers14, DefaultTableOfAJoinIsOneSucceededAttempt) {
  // Get-WinEvent -LogName Microsoft-Windows-WLAN-AutoConfig/Operational, newest first. Before: no
  // attempt (the rows were nobody's lines).
  const std::string log = "\n   ProviderName: Microsoft-Windows-WLAN-AutoConfig\n\n" + header +
                          "3/2/2026 9:14:07 AM           8001 Information      WLAN AutoConfig service has "
                          "successfully connected to a wireless network.\n"
                          "3/2/2026 9:14:07 AM          11005 Information      Wireless security succeeded.\n"
                          "3/2/2026 9:14:06 AM          11010 Information      Wireless security started.\n"
                          "3/2/2026 9:14:06 AM          11001 Information      Wireless network association "
                          "succeeded.\n"
                          "3/2/2026 9:14:06 AM          11000 Information      Wireless network association "
                          "started.\n"
                          "3/2/2026 9:14:05 AM           8000 Information      WLAN AutoConfig service started a "
                          "connection to a wireless network.\n";
  const auto a = attempts_with_codes(diagnose_file(log));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
}

TEST(Producers14, TableWithoutItsGroupReadsWlanAutoConfigMessages) {
  // The same view pasted without the "ProviderName:" line (a filtered list of errors): the
  // messages say whose events they are. 11006 fails its attempt in the key exchange; the 8002
  // after it, 20 s on, is that attempt's end, and the later 8002 another failed attempt.
  const std::string log = header +
                          "3/2/2026 10:31:55 AM          8002 Error            WLAN AutoConfig service failed "
                          "to connect to a wireless network.\n"
                          "3/2/2026 10:20:24 AM          8002 Error            WLAN AutoConfig service failed "
                          "to connect to a wireless network.\n"
                          "3/2/2026 10:20:04 AM         11006 Error            Wireless security failed.\n";
  const auto a = attempts_with_codes(diagnose_file(log));
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].substr(0, 21), "1 failed key_exchange");
  EXPECT_EQ(a[1].substr(0, 8), "1 failed");
}

TEST(Producers14, TableOfAnotherProviderIsNoAttempt) {
  // Near misses: GroupPolicy's 8000 / 8001 (boot and logon policy processing) in the same view,
  // with its group and without; a WLAN-AutoConfig row of an id that is no lifecycle event of the
  // project (4001).
  const std::string gp = header +
                         "3/2/2026 8:01:12 AM           8001 Information      Completed user logon policy processing "
                         "for CORP\\jdoe in 4 seconds.\n"
                         "3/2/2026 7:58:40 AM           8000 Information      Completed computer boot policy "
                         "processing for PC01$ in 53 seconds.\n";
  EXPECT_TRUE(attempts_of(diagnose_file("   ProviderName: Microsoft-Windows-GroupPolicy\n\n" + gp)).empty());
  EXPECT_TRUE(attempts_of(diagnose_file(gp)).empty());
  const std::string limited = "   ProviderName: Microsoft-Windows-WLAN-AutoConfig\n\n" + header +
                              "3/2/2026 9:20:31 AM           4001 Information      ...\n";
  EXPECT_TRUE(attempts_of(diagnose_file(limited)).empty());
}

TEST(Producers14, LocalizedTableIsReadByItsGroup) {
  // A German system: LevelDisplayName and Message in German, the dates as the locale prints them;
  // the group's ProviderName tells the provider. Without the group the rows are not read.
  const std::string rows =
      "TimeCreated                     Id LevelDisplayName Message\n"
      "-----------                     -- ---------------- -------\n"
      "02.03.2026 10:20:24           8002 Fehler           Fehler beim Herstellen einer Verbindung ...\n";
  const auto a = attempts_with_codes(diagnose_file("   ProviderName: Microsoft-Windows-WLAN-AutoConfig\n\n" + rows));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 8), "1 failed");
  EXPECT_TRUE(attempts_of(diagnose_file(rows)).empty());
}

TEST(Producers14, QuotedTableKeepsItsPrefix) {
  // The table pasted as a comment ("# " before each line, an empty one between the group and the
  // header), its messages cut to "...": the group tells the provider. Then the script goes on.
  const std::string log =
      "#    ProviderName: Microsoft-Windows-WLAN-AutoConfig\n# \n"
      "# TimeCreated                     Id LevelDisplayName Message\n"
      "# -----------                     -- ---------------- -------\n"
      "# 3/2/2026 9:40:02 AM           8003 Information      ...\n"
      "# 3/2/2026 9:14:07 AM           8001 Information      ...\n"
      "Get-NetAdapter -Name Wi-Fi\n";
  const auto r = diagnose_file(log);
  EXPECT_EQ(session_count(r), 1u);
}

TEST(Producers14, WrappedMessagesStayInTheirRows) {
  // Format-Table -Wrap: a message's further lines under the Message column; the next row is read
  // (before: the rows were nobody's lines, no attempt).
  const std::string log = "   ProviderName: Microsoft-Windows-WLAN-AutoConfig\n\n" + header +
                          "3/2/2026 10:20:24 AM          8002 Error            WLAN AutoConfig service failed\n"
                          "                                                    to connect to a wireless network.\n"
                          "3/2/2026 10:20:05 AM          8000 Information      WLAN AutoConfig service started a\n"
                          "                                                    connection to a wireless network.\n";
  const auto r = diagnose_file(log);
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 8), "1 failed");
  EXPECT_EQ(session_count(r), 0u);
}

TEST(Producers14, TableGivesNoCodes) {
  // The rows hold ids and times, never a code: scan (events off) finds nothing in them.
  wlancode::scan::options o;
  std::size_t n = 0;
  wlancode::scan::scan_memory(header +
                                  "3/2/2026 10:20:24 AM          8002 Error            WLAN AutoConfig service "
                                  "failed to connect to a wireless network.\n",
                              "mem.log", o, [&](const wlancode::scan::finding&) { ++n; });
  EXPECT_EQ(n, 0u);
}

}  // namespace
