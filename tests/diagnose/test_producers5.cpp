// Attempts from logs of the fifth lifecycle-event audit (issue 10): Windows WLAN-AutoConfig
// sequences (8000 .. 8003, 11000 .. 11010, 12011 .. 12013) in the shapes `scan` reads: event XML
// on one line per event (wevtutil qe /f:xml), indented XML (Event Viewer's XML view), wevtutil
// /f:text, Get-WinEvent | Format-List; oldest first and newest first. The events are written by
// the project from the message templates and data names of the provider (docs/producers-audit.md),
// with made-up GUIDs, adapters, SSIDs and 02:00:00 MACs; the expectations are hand-typed: outcome,
// failing phase, who ended it, decisive code.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "windows_events.hpp"

namespace {

using namespace diagnose_test;
using namespace windows_events;

// The AP refuses the association (802.11 status 17): 11002 with its WLAN reason and the status.
std::vector<event> assoc_refused(const std::string& hhmm) {
  const adapter& ad = wifi_a;
  const fields why{{"FailureReason", "The driver disconnected while associating."}, {"ReasonCode", "229378"}};
  fields refused = why;
  refused.emplace_back("Dot11StatusCode", "17");
  return {{8000, hhmm + ":00", &ad, "Guest", "0x3", {}},
          {11000, hhmm + ":01", &ad, "Guest", "0x3", {}},
          {11002, hhmm + ":02", &ad, "Guest", "0x3", refused},
          {8002, hhmm + ":03", &ad, "Guest", "0x3", why}};
}

// A working join, a roam (the MSM association and security events again, same ConnectionId, no
// 8000/8001), then 8003 from the driver.
std::vector<event> join_roam_driver_ends() {
  std::vector<event> v = good_join(wifi_a, "Home", "0x5", "08:45");
  const std::vector<event> roam = {{11000, "09:00:00", &wifi_a, "Home", "0x5", {}},
                                   {11001, "09:00:00", &wifi_a, "Home", "0x5", {}},
                                   {11010, "09:00:01", &wifi_a, "Home", "0x5", {}},
                                   {11005, "09:00:01", &wifi_a, "Home", "0x5", {}},
                                   {8003,
                                    "09:20:00",
                                    &wifi_a,
                                    "Home",
                                    "0x5",
                                    {{"Reason", "The network is disconnected by the driver."}, {"ReasonCode", "2"}}}};
  v.insert(v.end(), roam.begin(), roam.end());
  return v;
}

std::vector<event> the_day() {
  std::vector<event> v;
  for (auto part : {wrong_psk(wifi_a, "Lab", "0x1", "08:00"), eap_rejected("08:05"), assoc_refused("08:10"),
                    good_join(wifi_a, "Home", "0x4", "08:15")})
    v.insert(v.end(), part.begin(), part.end());
  v.push_back({8003,
               "08:40:00",
               &wifi_a,
               "Home",
               "0x4",
               {{"Reason", "The network is disconnected by the user."}, {"ReasonCode", "0"}}});
  for (const event& e : join_roam_driver_ends()) v.push_back(e);
  return v;
}

// With the data fields (XML), the decisive codes are the events' own numbers.
const std::map<std::string, V> day_by_data = {
    {"Contoso Wireless AX210 Lab", {"1 failed key_exchange device wlan_reason:294932"}},
    {"Contoso Wireless AX210 Corp", {"1 failed eap auth_server wlan_reason:327685"}},
    {"Contoso Wireless AX210 Guest", {"1 failed association ap ieee80211_status:17"}},
    // The two joins and the roam (an attempt of its own, as the supplicants' roams are).
    {"Contoso Wireless AX210 Home",
     {"1 succeeded unknown unknown -", "1 succeeded unknown unknown -", "1 succeeded unknown unknown -"}}};

TEST(Producers5, WevtutilXmlOneEventALine) {
  const auto r = diagnose_file(as_xml(the_day()));
  EXPECT_EQ(attempts_by_network(r), day_by_data);
  EXPECT_EQ(sessions_of(r, "Home"), (V{"user 0", "driver 1"}));
}

TEST(Producers5, EventViewerXmlATagALine) {
  const auto r = diagnose_file(as_xml(the_day(), true));
  EXPECT_EQ(attempts_by_network(r), day_by_data);
  EXPECT_EQ(sessions_of(r, "Home"), (V{"user 0", "driver 1"}));
}

TEST(Producers5, NewestFirstXmlGivesTheSameAttempts) {
  const auto r = diagnose_file(as_xml(newest_first(the_day())));
  EXPECT_EQ(attempts_by_network(r), day_by_data);
  EXPECT_EQ(sessions_of(r, "Home"), (V{"user 0", "driver 1"}));
}

// The rendered messages hold texts where the data hold numbers (8002's Failure Reason, 12013's
// Reason), and the EAP reason and error and 11002's Dot11 Status Code under their own labels.
const std::map<std::string, V> day_by_text = {
    {"Contoso Wireless AX210 Lab", {"1 failed key_exchange device wlan_reason:294932"}},
    {"Contoso Wireless AX210 Corp", {"1 failed eap auth_server wlan_reason:327685"}},
    {"Contoso Wireless AX210 Guest", {"1 failed association ap ieee80211_status:17"}},
    // The two joins and the roam (an attempt of its own, as the supplicants' roams are).
    {"Contoso Wireless AX210 Home",
     {"1 succeeded unknown unknown -", "1 succeeded unknown unknown -", "1 succeeded unknown unknown -"}}};

TEST(Producers5, WevtutilText) {
  const auto r = diagnose_file(as_text(the_day()));
  EXPECT_EQ(attempts_by_network(r), day_by_text);
  EXPECT_EQ(sessions_of(r, "Home"), (V{"user 0", "driver 1"}));
}

TEST(Producers5, WevtutilTextNewestFirst) {
  const auto r = diagnose_file(as_text(newest_first(the_day())));
  EXPECT_EQ(attempts_by_network(r), day_by_text);
  EXPECT_EQ(sessions_of(r, "Home"), (V{"user 0", "driver 1"}));
}

TEST(Producers5, GetWinEventFormatList) {
  const auto r = diagnose_file(as_format_list(the_day()));
  EXPECT_EQ(attempts_by_network(r), day_by_text);
  EXPECT_EQ(sessions_of(r, "Home"), (V{"user 0", "driver 1"}));
}

TEST(Producers5, GetWinEventFormatListNewestFirst) {
  const auto r = diagnose_file(as_format_list(newest_first(the_day())));
  EXPECT_EQ(attempts_by_network(r), day_by_text);
  EXPECT_EQ(sessions_of(r, "Home"), (V{"user 0", "driver 1"}));
}

// Export-Csv: a row an event, its message a quoted cell over several lines (before: no row was an
// event; only the Failure Reason texts were read, as attempts without a time).
TEST(Producers5, GetWinEventExportCsv) {
  for (const auto& log : {as_csv(the_day()), as_csv(newest_first(the_day())), as_csv(the_day(), ';')}) {
    const auto r = diagnose_file(log);
    EXPECT_EQ(attempts_by_network(r), day_by_text) << log.substr(0, 300);
    EXPECT_EQ(sessions_of(r, "Home"), (V{"user 0", "driver 1"}));
  }
}

// Other providers' rows with the same ids are no WLAN events; a CSV of other columns is no table.
TEST(Producers5, ExportCsvOfOtherProvidersOrColumnsIsNoEvent) {
  const auto r = diagnose_file(as_csv(good_join(wifi_a, "Home", "0x1", "09:00"), ',', "Microsoft-Windows-Other"));
  EXPECT_EQ(r.events, 0u);
  const auto t = diagnose_file("\"Name\",\"Id\",\"Size\"\n\"a\",\"8000\",\"1\"\n\"b\",\"8001\",\"2\"\n");
  EXPECT_EQ(t.events, 0u);
  // A header and a row cut short, an unterminated quote, NUL bytes: no crash, no event.
  const auto u = diagnose_file(std::string("\"Message\",\"Id\",\"TimeCreated\"\n\"WLAN\n\0\",\"80") + "\n\"x\",,\n\"");
  EXPECT_EQ(u.events, 0u);
}

// The EAP failure's codes: the ONEX reason decides; the EAP reason and error are its evidence.
TEST(Producers5, EapFailureKeepsItsEapCodesAsEvidence) {
  for (const std::string& log : {as_xml(eap_rejected("08:05")), as_text(eap_rejected("08:05"))}) {
    const auto r = diagnose_file(log);
    ASSERT_EQ(r.groups.size(), 1u);
    ASSERT_EQ(r.groups[0].attempts.size(), 1u);
    V refs;
    for (const auto& c : r.groups[0].attempts[0].codes) refs.push_back(c.ref);
    EXPECT_NE(std::find(refs.begin(), refs.end(), "raw:eap_reason:0x80420100"), refs.end()) << log.substr(0, 200);
    EXPECT_NE(std::find(refs.begin(), refs.end(), "raw:eap_error:0x80420112"), refs.end()) << log.substr(0, 200);
  }
}

// Two adapters at once: a wrong password on one while the other joins, their events interleaved.
TEST(Producers5, TwoAdaptersInterleaved) {
  std::vector<event> a = wrong_psk(wifi_a, "Lab", "0x1", "10:00");
  std::vector<event> b = good_join(wifi_b, "Home", "0x1", "10:00");
  std::vector<event> v;
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    if (i < a.size()) v.push_back(a[i]);
    if (i < b.size()) v.push_back(b[i]);
  }
  std::stable_sort(v.begin(), v.end(), [](const event& x, const event& y) { return x.time < y.time; });
  const std::map<std::string, V> want = {
      {"Contoso Wireless AX210 Lab", {"1 failed key_exchange device wlan_reason:294932"}},
      {"Fabrikam USB Wi-Fi 6 Home", {"1 succeeded unknown unknown -"}}};
  EXPECT_EQ(attempts_by_network(diagnose_file(as_xml(v))), want);
  EXPECT_EQ(attempts_by_network(diagnose_file(as_xml(newest_first(v)))), want);
  EXPECT_EQ(attempts_by_network(diagnose_file(as_text(v))), want);
}

// An export that begins after the 8000 (filtered or rolled over): the attempt is the one the
// remaining events tell.
TEST(Producers5, StartEventMissing) {
  std::vector<event> ok = good_join(wifi_a, "Home", "0x9", "11:00");
  ok.erase(ok.begin());
  EXPECT_EQ(attempts_by_network(diagnose_file(as_xml(ok))),
            (std::map<std::string, V>{{"Contoso Wireless AX210 Home", {"1 succeeded unknown unknown -"}}}));
  std::vector<event> bad = wrong_psk(wifi_a, "Lab", "0x9", "11:00");
  bad.erase(bad.begin(), bad.begin() + 2);
  EXPECT_EQ(
      attempts_by_network(diagnose_file(as_xml(bad))),
      (std::map<std::string, V>{{"Contoso Wireless AX210 Lab", {"1 failed key_exchange device wlan_reason:294932"}}}));
}

// The network is not in range: 8002 alone, its reason a discovery one.
TEST(Producers5, NetworkNotAvailable) {
  const std::vector<event> v = {{8000, "12:00:00", &wifi_a, "Lab", "0x7", {}},
                                {8002,
                                 "12:00:04",
                                 &wifi_a,
                                 "Lab",
                                 "0x7",
                                 {{"FailureReason", "The network is not available."}, {"ReasonCode", "0x2800b"}}}};
  EXPECT_EQ(
      attempts_by_network(diagnose_file(as_xml(v))),
      (std::map<std::string, V>{{"Contoso Wireless AX210 Lab", {"1 failed discovery device wlan_reason:163851"}}}));
}

// A roam while connected (the MSM events again, no 8000 nor 8001) is a roam of the session, which
// goes on to the end the 8003 tells (before: an attempt left open, failed "in IP configuration"
// by that 8003).
TEST(Producers5, RoamKeepsTheSession) {
  const auto r = diagnose_file(as_xml(join_roam_driver_ends()));
  EXPECT_EQ(attempts_by_network(r),
            (std::map<std::string, V>{
                {"Contoso Wireless AX210 Home", {"1 succeeded unknown unknown -", "1 succeeded unknown unknown -"}}}));
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].attempts.size(), 2u);
  EXPECT_TRUE(r.groups[0].attempts[1].roam);
  EXPECT_EQ(sessions_of(r, "Home"), (V{"driver 1"}));
}

// A roam that fails: the 11006 of the new AP's key exchange fails it and ends the session.
TEST(Producers5, FailedRoamEndsTheSession) {
  std::vector<event> v = good_join(wifi_a, "Home", "0x6", "13:00");
  const std::vector<event> roam = {{11000, "13:30:00", &wifi_a, "Home", "0x6", {}},
                                   {11001, "13:30:00", &wifi_a, "Home", "0x6", {}},
                                   {11010, "13:30:01", &wifi_a, "Home", "0x6", {}},
                                   {11006,
                                    "13:30:05",
                                    &wifi_a,
                                    "Home",
                                    "0x6",
                                    {{"ReasonText", "A PSK mismatch is suspected."}, {"ReasonCode", "0x48014"}}}};
  v.insert(v.end(), roam.begin(), roam.end());
  const auto r = diagnose_file(as_xml(v));
  EXPECT_EQ(attempts_by_network(r), (std::map<std::string, V>{{"Contoso Wireless AX210 Home",
                                                               {"1 succeeded unknown unknown -",
                                                                "1 failed key_exchange device wlan_reason:294932"}}}));
  ASSERT_EQ(sessions_of(r, "Home").size(), 1u);
}

// Bad input around the events: a truncated event, an event without its data, garbage ids.
TEST(Producers5, TruncatedAndEmptyEventsCrashNothing) {
  std::string log = as_xml(wrong_psk(wifi_a, "Lab", "0x1", "14:00"));
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, log.size() / 3, log.size() / 2, log.size() - 1}) {
    const auto r = diagnose_file(log.substr(0, cut));
    std::size_t n = 0;
    for (const auto& g : r.groups) n += g.attempts.size();
    EXPECT_LE(n, 1u);
  }
  const auto r = diagnose_file(
      "<Event><System><EventID>8002</EventID></System><EventData></EventData></Event>\n"
      "<Event><System><EventID>99999999999999999999</EventID></System></Event>\n"
      "<Event><System><EventID>\xff\xfe</EventID></System></Event>\n" +
      std::string("Event[0]:\n  Event ID: 8003\n  Description: \n") + std::string(1, '\0') + "Reason: \xc3\n");
  std::size_t n = 0;
  for (const auto& g : r.groups) n += g.attempts.size();
  EXPECT_LE(n, 1u);
}

}  // namespace
