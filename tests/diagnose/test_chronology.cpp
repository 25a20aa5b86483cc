// Newest-first exports (Event Viewer "Save as", Get-WinEvent, wevtutil /rd:true): the feed gives
// the analyzer each source oldest first, record by record, and leaves forward sources alone.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "chronology.hpp"
#include "helpers.hpp"

namespace {

using wlancode::instant;
using wlancode::scan::finding;
using wlancode::scan::value_kind;

finding at(const std::string& source, std::uint64_t line, std::int64_t seconds, bool event) {
  finding f;
  f.source = source;
  f.line = line;
  f.kind = event ? value_kind::event : value_kind::code;
  f.time.clk = seconds < 0 ? instant::clock::none : instant::clock::utc;
  f.time.ns = seconds * 1'000'000'000;
  return f;
}

std::vector<std::uint64_t> lines_fed(const std::vector<finding>& in, std::size_t cap = 1 << 15) {
  std::vector<std::uint64_t> out;
  auto sink = [&](const finding& f) { out.push_back(f.line); };
  wlancode::diagnose::detail::chronological_feed<decltype(sink)> feed(sink, cap);
  for (const finding& f : in) feed.add(f);
  feed.flush();
  return out;
}

TEST(Chronology, NewestFirstIsTurnedRoundByRecord) {
  // Three records, newest first; the middle one holds an event and its code (same time).
  const std::vector<finding> in = {at("a", 5, 300, true), at("a", 28, 200, true), at("a", 40, 200, false),
                                   at("a", 53, 100, true)};
  EXPECT_EQ(lines_fed(in), (std::vector<std::uint64_t>{53, 28, 40, 5}));
}

TEST(Chronology, ForwardAndUntimedSourcesAreLeftAlone) {
  EXPECT_EQ(lines_fed({at("a", 1, 100, true), at("a", 2, 100, false), at("a", 3, 200, true)}),
            (std::vector<std::uint64_t>{1, 2, 3}));
  EXPECT_EQ(lines_fed({at("a", 1, -1, true), at("a", 2, -1, true), at("a", 3, -1, true)}),
            (std::vector<std::uint64_t>{1, 2, 3}));
  EXPECT_TRUE(lines_fed({}).empty());
  // One step back in a forward log (a clock set back) changes nothing.
  EXPECT_EQ(lines_fed({at("a", 1, 100, true), at("a", 2, 90, true), at("a", 3, 200, true), at("a", 4, 300, true)}),
            (std::vector<std::uint64_t>{1, 2, 3, 4}));
}

TEST(Chronology, EachSourceOnItsOwn) {
  const std::vector<finding> in = {at("a", 1, 300, true), at("a", 2, 200, true), at("b", 1, 100, true),
                                   at("b", 2, 200, true)};
  EXPECT_EQ(lines_fed(in), (std::vector<std::uint64_t>{2, 1, 1, 2}));
}

TEST(Chronology, ALongSourceIsPassedOnAsRead) {
  std::vector<finding> in;
  for (std::uint64_t i = 0; i < 10; ++i) in.push_back(at("a", i + 1, 1000 - static_cast<std::int64_t>(i), true));
  const auto out = lines_fed(in, 4);
  ASSERT_EQ(out.size(), 10u);
  for (std::size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i], i + 1);
}

TEST(Chronology, NewestFirstEventTextGivesTheAttemptsInOrder) {
  // wevtutil-style text of WLAN-AutoConfig events, newest first as Event Viewer saves them.
  const auto record = [](int n, const char* date, const char* id, const char* text, const char* tail) {
    return std::string("Event[") + std::to_string(n) +
           "]:\r\n  Log Name: Microsoft-Windows-WLAN-AutoConfig/Operational\r\n  Source: "
           "Microsoft-Windows-WLAN-AutoConfig\r\n  Date: " +
           date + "\r\n  Event ID: " + id +
           "\r\n  Task: N/A\r\n  Level: Information\r\n  Computer: LAPTOP-7\r\n  Description: \r\n" + text +
           "\r\n\r\nNetwork Adapter: Contoso Wi-Fi 6 Adapter\r\nInterface GUID: "
           "{0b1c2d3e-0000-4000-8000-000000000001}\r\nConnection Mode: Automatic connection with a profile\r\n"
           "Profile Name: Corp\r\nSSID: Corp\r\nBSS Type: Infrastructure\r\n" +
           tail + "\r\n\r\n";
  };
  const std::string text =
      record(0, "2024-03-02T09:00:00.000", "8003",
             "WLAN AutoConfig service has successfully disconnected from a wireless network.",
             "Reason: The network is disconnected by the user.") +
      record(1, "2024-03-02T08:16:41.100", "8001",
             "WLAN AutoConfig service has successfully connected to a wireless network.",
             "Authentication: WPA2-Personal") +
      record(2, "2024-03-02T08:16:40.100", "8000",
             "WLAN AutoConfig service started a connection to a wireless network.", "") +
      record(3, "2024-03-02T08:15:44.000", "8002", "WLAN AutoConfig service failed to connect to a wireless network.",
             "Failure Reason:The specific network is not available.\r\nRSSI: 255") +
      record(4, "2024-03-02T08:15:40.100", "8000",
             "WLAN AutoConfig service started a connection to a wireless network.", "");
  const auto path = std::filesystem::temp_directory_path() / "wlancode_newest_first.txt";
  { std::ofstream(path, std::ios::binary) << text; }
  const wlancode::diagnose::report r = wlancode::diagnose::run({path.string()}, {});
  std::filesystem::remove(path);
  ASSERT_EQ(r.groups.size(), 1u);
  const auto& g = r.groups[0];
  ASSERT_EQ(g.attempts.size(), 2u);
  EXPECT_EQ(g.attempts[0].result, wlancode::diagnose::outcome::failed);
  EXPECT_EQ(g.attempts[0].failed_at, wlancode::phase::discovery);
  EXPECT_EQ(g.attempts[1].result, wlancode::diagnose::outcome::succeeded);
  ASSERT_EQ(g.sessions.size(), 1u);
  EXPECT_FALSE(g.sessions[0].before_log);
  EXPECT_EQ(g.sessions[0].ended_by, wlancode::diagnose::ender::user);
  EXPECT_EQ(g.sessions[0].end.ns - g.sessions[0].start.ns, 2'598'900'000'000);
}

wlancode::diagnose::report diagnose_file(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  { std::ofstream(path, std::ios::binary) << text; }
  wlancode::diagnose::report r = wlancode::diagnose::run({path.string()}, {});
  std::filesystem::remove(path);
  return r;
}

TEST(Chronology, GetWinEventFormatListDefaultViewNewestFirst) {
  // Get-WinEvent -LogName Microsoft-Windows-WLAN-AutoConfig/Operational | Format-List: the default
  // view's four properties a record, newest first; 8000/8001/8003 hold no "Failure Reason:".
  const auto record = [](const char* when, const char* id, const char* text, const char* tail) {
    return std::string("\r\n\r\nTimeCreated  : ") + when +
           "\r\nProviderName : Microsoft-Windows-WLAN-AutoConfig\r\nId  "
           "         : " +
           id + "\r\nMessage      : " + text +
           "\r\n               \r\n               Network Adapter: Contoso Wi-Fi 6 Adapter\r\n               "
           "Connection Mode: Automatic connection with a profile\r\n               Profile Name: Home\r\n       "
           "        SSID: Home\r\n               BSS Type: Infrastructure\r\n" +
           tail;
  };
  const std::string text =
      record("3/2/2024 9:00:00 AM", "8003",
             "WLAN AutoConfig service has successfully disconnected from a wireless network.",
             "               Reason: The network is disconnected by the user.\r\n") +
      record("3/2/2024 8:16:41 AM", "8001", "WLAN AutoConfig service has successfully connected to a wireless network.",
             "               Authentication: WPA2-Personal\r\n") +
      record("3/2/2024 8:16:40 AM", "8000", "WLAN AutoConfig service started a connection to a wireless network.", "") +
      record("3/2/2024 8:15:44 AM", "8002", "WLAN AutoConfig service failed to connect to a wireless network.",
             "               Failure Reason:The specific network is not available.\r\n               RSSI: 255\r\n") +
      record("3/2/2024 8:15:40 AM", "8000", "WLAN AutoConfig service started a connection to a wireless network.", "");
  const auto r = diagnose_file("wlancode_format_list.txt", text);
  ASSERT_EQ(r.groups.size(), 1u);
  const auto& g = r.groups[0];
  EXPECT_EQ(g.ssid, "Home");
  ASSERT_EQ(g.attempts.size(), 2u);
  EXPECT_EQ(g.attempts[0].result, wlancode::diagnose::outcome::failed);
  EXPECT_EQ(g.attempts[0].failed_at, wlancode::phase::discovery);
  ASSERT_EQ(g.attempts[0].codes.size(), 1u);
  EXPECT_EQ(g.attempts[0].codes[0].ref, "wlan_reason:" + std::to_string(0x0002800Bu));  // NETWORK_NOT_AVAILABLE
  EXPECT_EQ(g.attempts[1].result, wlancode::diagnose::outcome::succeeded);
  ASSERT_EQ(g.sessions.size(), 1u);
  EXPECT_EQ(g.sessions[0].ended_by, wlancode::diagnose::ender::user);
}

TEST(Chronology, FormatListOfAnotherProviderIsNoEvent) {
  const std::string text =
      "\r\n\r\nTimeCreated  : 3/2/2024 8:15:40 AM\r\nProviderName : Microsoft-Windows-Security-Auditing\r\nId     "
      "      : 4625\r\nMessage      : An account failed to log on.\r\n               Failure Reason:   Unknown user "
      "name "
      "or bad password.\r\n\r\nTimeCreated  : 3/2/2024 8:15:41 AM\r\nProviderName : Service Control Manager\r\nId "
      "          : 8001\r\nMessage      : The service entered the running state.\r\n";
  const auto r = diagnose_file("wlancode_format_list_other.txt", text);
  EXPECT_TRUE(r.groups.empty());
  EXPECT_EQ(r.events, 0u);
  EXPECT_EQ(r.findings, 0u);
}

}  // namespace
