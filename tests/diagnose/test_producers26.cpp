// Attempts from logs of the twenty-sixth lifecycle-event audit (a proxy held-out set of
// published logs, docs/producers-audit.md: Windows clients, a third set): netsh wlan show
// wlanreport's HTML prints, after its session list, the chart's copy of the events in its script
// (`var snapshots = [`, one object per entry: "type" Connect / Disconnect / Internet / None /
// Sleep / Wake, "error", "time" as a FILETIME, "message" with its <br>s, "ssid",
// "disconnectReason" and "correspondingEvent", the id of the event's row); Windows 10 and 11
// reports print it alike, one field a line (Windows 11's with a blank line between). An excerpt
// that holds the script but not the rows it copies has its connections there only. The reports
// are written by the project in the report's layout (its own adapter, networks and times); the
// expectations are hand-typed: outcome, failing phase, who ended it, decisive code.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "helpers.hpp"
#include "windows_events.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;

const std::string adapter = "Bench Wireless Adapter";

const std::string head =
    "<!DOCTYPE html>\n<html>\n<head>\n<title>wlan report</title>\n</head>\n<body>\n"
    "<h2>Wireless Sessions</h2>\n<div id=\"session-list\">\n";

// One row of the session list; `id`: its anchor, the id the script names it by.
std::string row(const std::string& cls, const std::string& event, const std::string& id, const std::string& time,
                const std::string& body) {
  return "<tr class=\"" + cls + "\">\n<td>" + event + "<a id=\"" + id + "\"></a></td>\n<td>" + time +
         "</td>\n<td>\n<div class=\"message\"><span class=\"expand-btn\">[+]</span><span class=\"message-body\">" +
         body + "</span></div>\n</td>\n</tr>\n";
}

std::string start_msg(const std::string& ssid) {
  return "WLAN AutoConfig service started a connection to a wireless network.<br><br>Network Adapter: " + adapter +
         "<br>Connection Mode: Automatic connection with a profile<br>Profile Name: " + ssid + "<br>SSID: " + ssid +
         "<br>BSS Type: Infrastructure<br>";
}
std::string connected_msg(const std::string& ssid) {
  return "WLAN AutoConfig service has successfully connected to a wireless network.<br><br>Network Adapter: " +
         adapter + "<br>Connection Mode: Automatic connection with a profile<br>Profile Name: " + ssid +
         "<br>SSID: " + ssid + "<br>BSS Type: Infrastructure<br>";
}
const std::string internet_msg =
    "Capability change on {00000000-0000-4000-8000-000000000026} (0x47008000000000 Family: V4 Capability: Internet "
    "ChangeReason: ActiveHttpProbeSucceeded)";
std::string failed_msg(const std::string& ssid, const std::string& reason) {
  return "WLAN AutoConfig service failed to connect to a wireless network.<br><br>Network Adapter: " + adapter +
         "<br>Connection Mode: Automatic connection with a profile<br>Profile Name: " + ssid + "<br>SSID: " + ssid +
         "<br>BSS Type: Infrastructure<br>Failure Reason:" + reason + "<br>RSSI: 255<br>";
}

// 2026-07-01 08:00:00 UTC is FILETIME 134273664000000000; a second is 10000000.
std::string ft(int seconds) { return std::to_string(134273664000000000LL + 10000000LL * seconds); }

// One entry of the script's snapshot; `gap`: the blank line Windows 11's report prints between
// its lines.
std::string entry(const std::string& type, int error, int at, const std::string& message, const std::string& ssid,
                  const std::string& reason, const std::string& row_id, bool gap) {
  const std::string nl = gap ? "\n\n" : "\n";
  const std::string in = "                            ";
  return "                        {" + nl + in + "\"type\":\"" + type + "\"," + nl + in + "\"error\":\"" +
         std::to_string(error) + "\"," + nl + in + "\"time\":\"" + ft(at) + "\"," + nl + in + "\"message\":\"" +
         message + "\"," + nl + in + "\"connectionMode\":\"\"," + nl + in + "\"profileName\":\"" + ssid + "\"," + nl +
         in + "\"ssid\":\"" + ssid + "\"," + nl + in + "\"disconnectReason\":\"" + reason + "\"," + nl + in +
         "\"correspondingEvent\":\"" + row_id + "\" " + nl + "                        }," + nl;
}

std::string script(const std::string& entries, bool gap) {
  const std::string nl = gap ? "\n\n" : "\n";
  return "</div><script type=\"text/javascript\">" + nl + "                var snapshots = [" + nl + entries +
         "                ];" + nl + "</script>\n";
}

TEST(Producers26, TheScriptsSnapshotWithoutItsRowsIsRead) {
  // An excerpt of the report's head and its script, without the session list: newest first, a
  // connection to BenchNet (its Connect and its Internet capability), then a failed one the
  // network was not found for. Before: nothing (the script's lines were no event).
  const std::string entries =
      entry("Disconnect", 1, 400, failed_msg("BenchNet", "The specific network is not available."), "BenchNet",
            "The specific network is not available.", "31", false) +
      entry("Connect", 0, 398, start_msg("BenchNet"), "BenchNet", "", "30", false) +
      entry("Disconnect", 0, 300,
            "WLAN AutoConfig service has successfully disconnected from a wireless network.<br><br>Network Adapter: " +
                adapter + "<br>SSID: BenchNet<br>Reason: The network is disconnected by the driver.<br>",
            "BenchNet", "The network is disconnected by the driver.", "29", false) +
      entry("Internet", 0, 4, internet_msg, "", "", "12", false) +
      entry("Connect", 0, 1, start_msg("BenchNet"), "BenchNet", "", "10", false);
  const auto a = attempts_with_codes(windows_events::diagnose_file(head + script(entries, false)));
  EXPECT_EQ(a, (V{"1 succeeded unknown unknown -", "1 failed discovery device wlan_reason:163851"}));
}

TEST(Producers26, TheScriptAfterTheRowsItCopiesIsNotToldTwice) {
  // The whole report: the session list's rows (anchors 10 to 12), then the script with the same
  // events by those ids: one connection, as the rows alone give.
  const std::string rows = "<div class=\"session\">\n<p>SSID:<b>BenchNet</b></p>\n<table>\n" +
                           row("wlan connect", "8000", "10", "2026-07-01T08:00:01", start_msg("BenchNet")) +
                           row("wlan ", "8001", "11", "2026-07-01T08:00:03", connected_msg("BenchNet")) +
                           row("ncsi internet", "4042", "12", "2026-07-01T08:00:04", internet_msg) + "</table>\n";
  const std::string entries = entry("Internet", 0, 4, internet_msg, "", "", "12", true) +
                              entry("Connect", 0, 1, start_msg("BenchNet"), "BenchNet", "", "10", true);
  const auto a = attempts_with_codes(windows_events::diagnose_file(head + rows + script(entries, true)));
  EXPECT_EQ(a, V{"1 succeeded unknown unknown -"});
}

TEST(Producers26, TheScriptAfterTheListsLastRowTellsTheConnectionsBeforeIt) {
  // An excerpt that begins at the session list's last row (an Internet capability, anchor 52,
  // whose Connect is older than the cut), then the script: its Connect entries are the
  // excerpt's only record of two connections; the Internet entry of the row read still tells
  // the newer connection up (NCSI's row tells no connection). Windows 11's layout. The rows
  // print the machine's wall time (here three hours behind UTC), the script UTC: the row and its
  // entry give the offset, and the script's times are told in the rows' wall time.
  const std::string tail =
      row("ncsi internet", "4042", "52", "2026-07-01T06:00:05", internet_msg) + "</table>\n</div>\n</div>\n";
  const std::string entries =
      entry("Internet", 0, 3605, internet_msg, "", "", "52", true) +
      entry("Connect", 0, 3601, start_msg("BenchLab"), "BenchLab", "", "50", true) +
      entry("Disconnect", 0, 3600,
            "WLAN AutoConfig service has successfully disconnected from a wireless network.<br><br>Network Adapter: " +
                adapter + "<br>SSID: BenchNet<br>Reason: The network is disconnected by the user.<br>",
            "BenchNet", "The network is disconnected by the user.", "49", true) +
      entry("Internet", 0, 5, internet_msg, "", "", "41", true) +
      entry("Connect", 0, 2, start_msg("BenchNet"), "BenchNet", "", "40", true);
  const auto r = windows_events::diagnose_file(tail + script(entries, true));
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
  EXPECT_EQ(a[1].substr(0, 11), "1 succeeded");
  bool seen = false;
  for (const auto& g : r.groups)
    if (g.ssid == "BenchNet") {
      ASSERT_FALSE(g.sessions.empty());
      // 2026-07-01T05:00:05, the Internet capability's wall time (08:00:05 UTC).
      EXPECT_EQ(g.sessions[0].start.ns, 1782882005LL * 1000000000LL);
      seen = true;
    }
  EXPECT_TRUE(seen);
}

TEST(Producers26, TheScriptAfterRowsOfConnectionsItCopiesAddsNothingOlder) {
  // The session list's last session (its rows, in the machine's wall time), then the script with
  // copies of those rows and an older connection whose rows the excerpt lacks: the rows' one
  // connection only; the older entries would reach the attempts after the newer rows, out of
  // order, and are not read.
  const std::string rows = "<div class=\"session\">\n<p>SSID:<b>BenchNet</b></p>\n<table>\n" +
                           row("wlan connect", "8000", "60", "2026-07-01T06:00:01", start_msg("BenchNet")) +
                           row("wlan ", "8001", "61", "2026-07-01T06:00:03", connected_msg("BenchNet")) +
                           row("ncsi internet", "4042", "62", "2026-07-01T06:00:04", internet_msg) + "</table>\n";
  const std::string entries =
      entry("Internet", 0, 3604, internet_msg, "", "", "62", false) +
      entry("Connect", 0, 3601, start_msg("BenchNet"), "BenchNet", "", "60", false) +
      entry("Disconnect", 0, 3600,
            "WLAN AutoConfig service has successfully disconnected from a wireless network.<br><br>Network Adapter: " +
                adapter + "<br>SSID: BenchNet<br>Reason: The network is disconnected by the user.<br>",
            "BenchNet", "The network is disconnected by the user.", "59", false) +
      entry("Internet", 0, 5, internet_msg, "", "", "41", false) +
      entry("Connect", 0, 2, start_msg("BenchNet"), "BenchNet", "", "40", false);
  const auto r = windows_events::diagnose_file(rows + script(entries, false));
  EXPECT_EQ(attempts_with_codes(r), V{"1 succeeded unknown unknown -"});
  EXPECT_EQ(session_count(r), 1u);
}

}  // namespace
