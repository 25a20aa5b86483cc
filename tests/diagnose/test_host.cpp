// host_memo: host_of's answer for every line, whatever the lines before it remembered.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "internal.hpp"

namespace {

using wlancode::diagnose::detail::host_memo;
using wlancode::diagnose::detail::host_of;

struct line_case {
  std::string excerpt, timestamp, host;  // host: the answer, typed by hand
};

// One memo over the lines in order: each answer is the hand-typed one, host_of's, and a view of
// the line itself (the memo's own buffer changes on the next line).
void expect_memo_agrees(const std::vector<line_case>& lines) {
  host_memo memo;
  for (const line_case& c : lines) {
    SCOPED_TRACE(c.excerpt);
    const std::string_view got = memo(c.excerpt, c.timestamp);
    EXPECT_EQ(got, c.host);
    EXPECT_EQ(got, host_of(c.excerpt, c.timestamp));
    if (!got.empty()) {
      EXPECT_GE(got.data(), c.excerpt.data());
      EXPECT_LE(got.data() + got.size(), c.excerpt.data() + c.excerpt.size());
    }
  }
}

TEST(HostMemo, SameHostOtherTagsAndTimestamps) {
  expect_memo_agrees({
      {"Nov 21 10:00:01 laptop wpa_supplicant[812]: wlan0: x", "Nov 21 10:00:01", "laptop"},
      {"Nov 21 10:00:02 laptop kernel: wlan0: associated", "Nov 21 10:00:02", "laptop"},
      {"Nov 21 10:00:02 laptop NetworkManager[7]: <info>", "Nov 21 10:00:02", "laptop"},
      // The same host field, then no program tag: no host.
      {"Nov 21 10:00:02 laptop wlan0 associated", "Nov 21 10:00:02", ""},
      {"Nov 21 10:00:02 laptop ", "Nov 21 10:00:02", ""},
      {"Nov 21 10:00:02 laptop", "Nov 21 10:00:02", ""},
      {"Nov 21 10:00:03 laptop kernel: x", "Nov 21 10:00:03", "laptop"},
  });
}

TEST(HostMemo, TimestampsOfOtherLengths) {
  expect_memo_agrees({
      {"2026-11-21T10:00:01+01:00 pc-7 NetworkManager[7]: <info>", "2026-11-21T10:00:01+01:00", "pc-7"},
      {"2026-11-21T10:00:01.123456+01:00 pc-7 kernel: x", "2026-11-21T10:00:01.123456+01:00", "pc-7"},
      {"2026-11-21T10:00:01.1+01:00 pc-7 kernel: x", "2026-11-21T10:00:01.1+01:00", "pc-7"},
      {"Nov  1 10:00:01 pc-7 kernel: x", "Nov  1 10:00:01", "pc-7"},
      {"Nov  1 10:00:01  pc-7 kernel: x", "Nov  1 10:00:01", "pc-7"},  // two spaces before the host
      {"Nov  1 10:00:01 pc-7 kernel: x", "Nov  1 10:00:01", "pc-7"},
      // The timestamp the scanner found does not open the line: no host.
      {"x Nov  1 10:00:01 pc-7 kernel: x", "Nov  1 10:00:01", ""},
      {"Nov  1 10:00:01 pc-7 kernel: x", "", ""},
      {"Nov  1 10:00:01 pc-7 kernel: x", "Nov  1 10:00:02", ""},
  });
}

TEST(HostMemo, HostChanges) {
  expect_memo_agrees({
      {"Nov 21 10:00:01 laptop kernel: x", "Nov 21 10:00:01", "laptop"},
      {"Nov 21 10:00:01 laptop2 kernel: x", "Nov 21 10:00:01", "laptop2"},  // the old host is a prefix
      {"Nov 21 10:00:01 lap kernel: x", "Nov 21 10:00:01", "lap"},          // the new host is a prefix
      {"Nov 21 10:00:01 router hostapd: wlan0: x", "Nov 21 10:00:01", "router"},
      {"Nov 21 10:00:01 kernel: wlan0: x", "Nov 21 10:00:01", ""},  // no host field
      {"Nov 21 10:00:01 router hostapd: wlan0: x", "Nov 21 10:00:01", "router"},
      {"Nov 21 10:00:01 laptop kernel: x", "Nov 21 10:00:01", "laptop"},
  });
}

TEST(HostMemo, Rfc5424AndBsdLinesWithTheSameHost) {
  expect_memo_agrees({
      {"<34>1 2026-11-21T10:00:01Z router hostapd 12 - - msg", "2026-11-21T10:00:01Z", "router"},
      // The same bytes after the timestamp, but BSD syslog: "hostapd" is no program tag here.
      {"2026-11-21T10:00:01Z router hostapd 12 - - msg", "2026-11-21T10:00:01Z", ""},
      {"2026-11-21T10:00:01Z router hostapd: msg", "2026-11-21T10:00:01Z", "router"},
      {"<34>1 2026-11-21T10:00:02Z router hostapd 12 - - msg", "2026-11-21T10:00:02Z", "router"},
      {"<34>1 2026-11-21T10:00:02Z - hostapd 12 - - msg", "2026-11-21T10:00:02Z", ""},  // the nil host
      {"<34>1 2026-11-21T10:00:02Z router", "2026-11-21T10:00:02Z", ""},
      {"<34 2026-11-21T10:00:02Z router hostapd: msg", "2026-11-21T10:00:02Z", ""},  // no closing '>'
  });
}

TEST(HostMemo, LevelsAndFacilitiesAreNoHosts) {
  expect_memo_agrees({
      {"2024-03-02T08:15:40.1Z INFO shill[1234]: x", "2024-03-02T08:15:40.1Z", ""},
      {"2024-03-02T08:15:41.1Z INFO shill[1234]: x", "2024-03-02T08:15:41.1Z", ""},
      {"2024-03-02T08:15:41.1Z INFOS shill[1234]: x", "2024-03-02T08:15:41.1Z", "INFOS"},
      {"2024-03-02T08:15:41.1Z INFO shill[1234]: x", "2024-03-02T08:15:41.1Z", ""},
      {"Sat Mar  2 08:15:40 2024 daemon.notice hostapd: wlan0: x", "Sat Mar  2 08:15:40 2024", ""},
      {"Sat Mar  2 08:15:40 2024 ap.lan hostapd: wlan0: x", "Sat Mar  2 08:15:40 2024", "ap.lan"},
      {"Sat Mar  2 08:15:40 2024 kern.info kernel: x", "Sat Mar  2 08:15:40 2024", ""},
  });
}

TEST(HostMemo, BadBytesAndSizes) {
  const std::string ts = "Nov 21 10:00:01";
  const std::string long_host(64, 'h');
  expect_memo_agrees({
      {"", "", ""},
      {ts + " laptop kernel: x", ts, "laptop"},
      {ts + std::string(" lap\0top kernel: x", 18), ts, ""},        // NUL in the host
      {ts + std::string(" laptop ker\0nel: x", 18), ts, "laptop"},  // NUL in the tag: still a word
      {ts + " lap\xfftop kernel: x", ts, ""},                       // not ASCII
      {ts + " " + long_host + " kernel: x", ts, long_host},
      {ts + " " + long_host + "h kernel: x", ts, ""},  // 65 bytes: no host
      {ts + " " + long_host + " kernel: x", ts, long_host},
      {ts + " laptop kernel", ts, ""},  // the tag is not closed
      {ts, ts, ""},
  });
}

// Many lines in a mixed order: the memo never differs from host_of.
TEST(HostMemo, AgreesWithHostOfOnMixedLines) {
  const std::vector<std::string> stamps = {"Nov 21 10:00:01", "Nov  1 09:00:00", "2026-11-21T10:00:01.5+01:00"};
  const std::vector<std::string> hosts = {"laptop", "lap", "laptop2", "INFO", "kern.info", "-", "a.b"};
  const std::vector<std::string> tails = {" kernel: x", " wpa_supplicant[8]: x", " wlan0 x", " x", "", ":"};
  host_memo memo;
  unsigned seed = 7, n = 0;
  for (int i = 0; i < 2000; ++i) {
    seed = seed * 1103515245u + 12345u;
    const std::string& ts = stamps[(seed >> 8) % stamps.size()];
    const std::string& host = hosts[(seed >> 12) % hosts.size()];
    const std::string& tail = tails[(seed >> 16) % tails.size()];
    const std::string pri = (seed >> 20) % 4 == 0 ? "<34>1 " : "";
    const std::string line = pri + ts + " " + host + tail;
    ASSERT_EQ(memo(line, ts), host_of(line, ts)) << line;
    n += !host_of(line, ts).empty();
  }
  EXPECT_GT(n, 100u);  // the lines did name hosts
}

}  // namespace
