// Lifecycle events (WLANCODE_EVENT rows of src/scan/grammar/rules.def): every sample gives its
// event, events come only when asked for, Windows events by id, and the SIMD/scalar prefilter
// agree with event needles on.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "helpers.hpp"

namespace {

using namespace scan_test;
using wlancode::scan::value_kind;

struct event_sample {
  const char* rule;
  const char* line;
  const char* kind;  // "" for none
};
constexpr event_sample samples[] = {
#define WLANCODE_EVENT_SAMPLE(id, line, kind) {#id, line, kind},
#include "grammar/rules.def"
};

std::vector<wlancode::scan::finding> scan_events(std::string_view data) {
  wlancode::scan::options o;
  o.events = true;
  std::vector<wlancode::scan::finding> out;
  wlancode::scan::scan_memory(data, "mem", o, [&](const wlancode::scan::finding& x) { out.push_back(x); });
  return out;
}

std::vector<std::string> events_of(const std::vector<wlancode::scan::finding>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs)
    if (f.kind == value_kind::event) out.emplace_back(wlancode::scan::to_string(f.event));
  return out;
}

TEST(EventSamples, EverySampleGivesItsEvent) {
  ASSERT_GT(std::size(samples), 50u);
  for (const event_sample& s : samples) {
    SCOPED_TRACE(std::string(s.rule) + ": " + s.line);
    const auto fs = scan_events(std::string(s.line) + "\n");
    const auto got = events_of(fs);
    if (!*s.kind) {
      EXPECT_TRUE(got.empty());
      continue;
    }
    ASSERT_EQ(got, std::vector<std::string>{s.kind});
    for (const auto& f : fs)
      if (f.kind == value_kind::event) {
        EXPECT_EQ(f.rule, s.rule);
        EXPECT_EQ(f.line, 1u);
        EXPECT_FALSE(f.meaning.empty());
      }
  }
}

TEST(EventSamples, EveryKindHasADescriptionAndTheTableIsInOrder) {
  const auto kinds = wlancode::scan::event_kinds();
  ASSERT_GT(kinds.size(), 20u);
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(kinds[i].id), i);
    EXPECT_FALSE(kinds[i].description.empty());
    EXPECT_TRUE(names.insert(kinds[i].name).second) << kinds[i].name;
    EXPECT_EQ(wlancode::scan::to_string(kinds[i].id), kinds[i].name);
  }
  EXPECT_EQ(wlancode::scan::info(wlancode::scan::event_kind::connected).role, wlancode::scan::event_role::done);
}

TEST(Events, OnlyWhenAskedFor) {
  std::string all;
  for (const event_sample& s : samples) (all += s.line) += '\n';
  for (const auto& f : scan(all)) EXPECT_NE(f.kind, value_kind::event) << f.excerpt;
  // With events on, the codes are the same as without.
  std::vector<std::string> with, without = keys(scan(all));
  std::vector<wlancode::scan::finding> codes;
  for (auto& f : scan_events(all))
    if (f.kind != value_kind::event) codes.push_back(f);
  with = keys(codes);
  EXPECT_EQ(with, without);
}

TEST(Events, DecoysGiveNoEvent) {
  const char* decoys[] = {
      "Nov 21 10:00:00 host sshd[12]: Accepted password for alice: authenticated via publickey",
      "Nov 21 10:00:00 host app[12]: session associated with user 1000",
      "Nov 21 10:00:00 host app[12]: state change: idle -> activated by timer",
      "Nov 21 10:00:00 host kernel: usb 1-2: new high-speed USB device number 3 using xhci_hcd",
      "Nov 21 10:00:00 host postfix[12]: connection lost after DATA",
      "Nov 21 10:00:00 host kernel: wlan0: associated with the wrong thing",
  };
  for (const char* d : decoys) EXPECT_TRUE(events_of(scan_events(std::string(d) + "\n")).empty()) << d;
}

TEST(Events, WindowsEventsById) {
  const std::string xml =
      "<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
      "<Provider Name='Microsoft-Windows-WLAN-AutoConfig' Guid='{9580d7dd-0379-4658-9870-d5be7d52d6de}'/>\n"
      "<EventID>8001</EventID>\n<TimeCreated SystemTime='2026-11-21T10:40:02.1234567Z'/>\n</System><EventData>\n"
      "<Data Name='SSID'>Corp</Data>\n<Data Name='BSSID'>02:00:00:00:00:01</Data>\n</EventData></Event>\n"
      "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
      "<Provider Name='Microsoft-Windows-WLAN-AutoConfig'/>\n<EventID>8002</EventID>\n</System><EventData>\n"
      "<Data Name='SSID'>Corp</Data>\n<Data Name='ReasonCode'>229380</Data>\n</EventData></Event>\n"
      "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
      "<Provider Name='Some-Other-Provider'/>\n<EventID>8001</EventID>\n</System><EventData>\n"
      "<Data Name='Value'>1</Data>\n</EventData></Event></Events>\n";
  const auto fs = scan_events(xml);
  EXPECT_EQ(events_of(fs), (std::vector<std::string>{"connected", "attempt_failed"}));
  for (const auto& f : fs)
    if (f.kind == value_kind::event && f.event == wlancode::scan::event_kind::connected) {
      EXPECT_EQ(f.ssid, "Corp");
      EXPECT_EQ(f.bssid, "02:00:00:00:00:01");
      EXPECT_EQ(f.event_id, "8001");
      EXPECT_EQ(f.line, 2u);  // the EventID line
    }
  // The 8002 code is still there, once.
  std::size_t codes = 0;
  for (const auto& f : fs) codes += f.kind == value_kind::code;
  EXPECT_EQ(codes, 1u);
}

TEST(Events, EventTextExportById) {
  const std::string text =
      "Log Name:      Microsoft-Windows-WLAN-AutoConfig/Operational\n"
      "Source:        Microsoft-Windows-WLAN-AutoConfig\n"
      "Date:          11/21/2026 10:40:00 AM\n"
      "Event ID:      8000\n"
      "Description:\nWLAN AutoConfig service started a connection to a wireless network.\n\n";
  EXPECT_EQ(events_of(scan_events(text)), std::vector<std::string>{"attempt_started"});
}

// A WLAN-AutoConfig event's ConnectionId (a data field) reaches its event and its codes; a
// message line of that name (no rendered message has one) or another provider's field does not.
TEST(Events, WindowsConnectionIdOfEventAndCodes) {
  const std::string xml =
      "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
      "<Provider Name='Microsoft-Windows-WLAN-AutoConfig'/><EventID>8002</EventID>"
      "<TimeCreated SystemTime='2026-11-21T10:41:00.0000000Z'/></System><EventData>"
      "<Data Name='SSID'>Corp</Data><Data Name='FailureReason'>The network is not available.</Data>"
      "<Data Name='ReasonCode'>163851</Data><Data Name='ConnectionId'>0x1c</Data></EventData></Event>\n";
  const auto fs = scan_events(xml);
  ASSERT_EQ(fs.size(), 2u);
  for (const auto& f : fs) EXPECT_EQ(f.connection, "0x1c") << f.rule;
  const std::string text =
      "Event[0]:\n  Log Name: Microsoft-Windows-WLAN-AutoConfig/Operational\n  Source: "
      "Microsoft-Windows-WLAN-AutoConfig\n  Date: 2026-11-21T10:41:00.000\n  Event ID: 8002\n  Description: \n"
      "WLAN AutoConfig service failed to connect to a wireless network.\n\nSSID: Corp\n"
      "Failure Reason:The network is not available.\nConnectionId: 0x1c\n\n";
  const auto ts = scan_events(text);
  ASSERT_FALSE(ts.empty());
  for (const auto& f : ts) EXPECT_EQ(f.connection, "") << f.rule;
}

}  // namespace

namespace {
// last_on_line marks the last finding the scanner reports for a line (an event and its code
// come together; a line alone is last of itself), also through -j's ordered merge.
TEST(Events, LastOnLineMarksTheEndOfALinesFindings) {
  const std::string log =
      "Nov 21 10:00:00 host wpa_supplicant[1]: wlan0: Trying to associate with 02:00:00:00:00:01 (SSID='Lab' "
      "freq=2412 MHz)\n"
      "Nov 21 10:00:01 host wpa_supplicant[1]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:01 "
      "status_code=17\n"
      "Nov 21 10:00:02 host kernel: [ 10.000000] wlan0: associated\n";
  const auto fs = scan_events(log);
  ASSERT_GE(fs.size(), 3u);
  for (std::size_t i = 0; i < fs.size(); ++i) {
    const bool last = i + 1 == fs.size() || fs[i + 1].line != fs[i].line;
    EXPECT_EQ(fs[i].last_on_line, last) << "finding " << i << " of line " << fs[i].line;
  }
  // Line 2 holds a code and its event: the first of them is not the last.
  std::size_t on_two = 0;
  for (const auto& f : fs) on_two += f.line == 2;
  EXPECT_GE(on_two, 2u);
}
}  // namespace
