// Attempts from logs of the sixth lifecycle-event audit: Windows WLAN-AutoConfig connections told
// apart by their ConnectionId (a data field of every event from 8000 on: event XML and EVTX; the
// rendered messages of wevtutil /f:text, Format-List and Export-Csv do not show it), and the IHV
// security events 11007 .. 11009. The events are the project's own (windows_events.hpp); the
// expectations are hand-typed: outcome, failing phase, who ended it, decisive code, and the
// sessions' ends and roams.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "windows_events.hpp"

namespace {

using namespace diagnose_test;
using namespace windows_events;

std::vector<event> joined(std::vector<event> a, const std::vector<event>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

event disconnect(const std::string& time, const std::string& ssid, const std::string& cid, const std::string& why) {
  return {8003, time, &wifi_a, ssid, cid, {{"Reason", why}, {"ReasonCode", "0"}}};
}

// An export of the Information level (Event Viewer's filter "Information", or Get-WinEvent
// -FilterHashtable @{Level=4}): the Error-level events (8002, 11002, 11006, 12013) are not in it.
// A connection that got no result (its 8002 filtered out), then a new one (its own 8000 and
// ConnectionId) that works. Before: one attempt that succeeded (the second 8000 came before the
// first connection had associated, and the steps went on as one attempt).
std::vector<event> unanswered_then_new_connection() {
  return joined({{8000, "09:00:00", &wifi_a, "Lab", "0x10", {}}, {11000, "09:00:01", &wifi_a, "Lab", "0x10", {}}},
                good_join(wifi_a, "Lab", "0x11", "09:01"));
}

// One connection that associates twice: the key exchange with the first AP goes unanswered (its
// 11006 an Error, filtered out), the service associates with the next AP under the same
// ConnectionId and connects. Before: two attempts (the first "outcome unknown").
std::vector<event> reassociates_within_connection() {
  return {{8000, "09:10:00", &wifi_a, "Corp", "0x12", {}},
          {11000, "09:10:01", &wifi_a, "Corp", "0x12", {}},
          {11001, "09:10:01", &wifi_a, "Corp", "0x12", {}},
          {11010, "09:10:02", &wifi_a, "Corp", "0x12", {}},
          {11000, "09:10:12", &wifi_a, "Corp", "0x12", {}},
          {11001, "09:10:12", &wifi_a, "Corp", "0x12", {}},
          {11010, "09:10:13", &wifi_a, "Corp", "0x12", {}},
          {11005, "09:10:14", &wifi_a, "Corp", "0x12", {}},
          {8001, "09:10:14", &wifi_a, "Corp", "0x12", {{"PHYType", "802.11ax"}}}};
}

// 802.1X rejected, and the service's 8002 logged 18 s after the 12013 and 11006 (past the 5 s a
// failure told again is looked for). Before: a second attempt, collapsed with the first into one
// of count 2.
std::vector<event> eap_rejected_late_8002() {
  std::vector<event> v = eap_rejected("09:20");
  v.back().time = "09:20:24";
  return v;
}

// A join, then a new 8000 under the session's own ConnectionId (the service reconnecting the same
// connection to another AP), its MSM events and 8001, and the user's disconnect. Before: the
// second 8000 ended the session ("unknown") and opened a second one.
std::vector<event> reconnect_under_same_connection() {
  return joined(joined(good_join(wifi_a, "Home", "0x30", "09:30"), good_join(wifi_a, "Home", "0x30", "09:40")),
                {disconnect("09:50:00", "Home", "0x30", "The network is disconnected by the user.")});
}

// A join, then association under another ConnectionId without an 8003 nor an 8000 between (an
// export filtered by event id): a new connection, not a roam of the first. Before: a roam of the
// first session, which went on.
std::vector<event> other_connection_while_connected() {
  std::vector<event> second = good_join(wifi_a, "Home", "0x32", "10:10");
  second.erase(second.begin());
  return joined(joined(good_join(wifi_a, "Home", "0x31", "10:00"), second),
                {disconnect("10:30:00", "Home", "0x32", "The network is disconnected by the user.")});
}

// Vendor (IHV) security in place of the MSM's: 11007 started, 11008 succeeded, 11009 failed.
std::vector<event> ihv_join(const std::string& cid, const std::string& hhmm) {
  return {{8000, hhmm + ":00", &wifi_b, "Plant", cid, {}},
          {11000, hhmm + ":01", &wifi_b, "Plant", cid, {}},
          {11001, hhmm + ":01", &wifi_b, "Plant", cid, {}},
          {11007, hhmm + ":02", &wifi_b, "Plant", cid, {{"IhvSecuritySetting", "Vendor 802.1X"}}},
          {11008, hhmm + ":03", &wifi_b, "Plant", cid, {}},
          {8001, hhmm + ":03", &wifi_b, "Plant", cid, {{"PHYType", "802.11ac"}}}};
}

// A join with IHV security, a roam (11000, 11001, 11007, 11008: no 8000, no 8001), the driver's
// disconnect. Before: the roam left open, failed by the 8003 "in key exchange"; the session ended
// at the roam's start.
std::vector<event> ihv_join_roam_driver_ends() {
  return joined(ihv_join("0x40", "11:00"),
                {{11000, "11:20:00", &wifi_b, "Plant", "0x40", {}},
                 {11001, "11:20:00", &wifi_b, "Plant", "0x40", {}},
                 {11007, "11:20:01", &wifi_b, "Plant", "0x40", {}},
                 {11008, "11:20:01", &wifi_b, "Plant", "0x40", {}},
                 {8003,
                  "11:40:00",
                  &wifi_b,
                  "Plant",
                  "0x40",
                  {{"Reason", "The network is disconnected by the driver."}, {"ReasonCode", "2"}}}});
}

// IHV security fails: 11009 (an Error, its IhvReasonCode the vendor's own number, "Reason:" in
// the message), then the 8002 with the service's WLAN reason (IHV_NOT_RESPONDING, 0x3800E).
// Before: failed in "driver" by the driver (the 8002's reason decided; 11009 was not read).
std::vector<event> ihv_security_fails() {
  std::vector<event> v = ihv_join("0x41", "11:50");
  v.resize(4);
  v.push_back(
      {11009, "11:50:06", &wifi_b, "Plant", "0x41", {{"PeerMac", "02:00:00:00:40:01"}, {"IhvReasonCode", "0x7"}}});
  v.push_back({8002,
               "11:50:07",
               &wifi_b,
               "Plant",
               "0x41",
               {{"FailureReason", "The response from the IHV service timed out."}, {"ReasonCode", "229390"}}});
  return v;
}

TEST(Producers6, NewConnectionIdStartsANewAttempt) {
  const auto want = std::map<std::string, V>{
      {"Contoso Wireless AX210 Lab", {"1 unknown unknown unknown -", "1 succeeded unknown unknown -"}}};
  EXPECT_EQ(attempts_by_network(diagnose_file(as_xml(unanswered_then_new_connection()))), want);
  EXPECT_EQ(attempts_by_network(diagnose_file(as_xml(unanswered_then_new_connection(), true))), want);
  EXPECT_EQ(attempts_by_network(diagnose_file(as_xml(newest_first(unanswered_then_new_connection())))), want);
  // Without the ids (text exports): Windows logs one 8000 per connection, a second one is another.
  EXPECT_EQ(attempts_by_network(diagnose_file(as_text(unanswered_then_new_connection()))), want);
  EXPECT_EQ(attempts_by_network(diagnose_file(as_format_list(newest_first(unanswered_then_new_connection())))), want);
  EXPECT_EQ(attempts_by_network(diagnose_file(as_csv(unanswered_then_new_connection()))), want);
}

TEST(Producers6, OneConnectionAssociatingTwiceIsOneAttempt) {
  const auto want = std::map<std::string, V>{{"Contoso Wireless AX210 Corp", {"1 succeeded unknown unknown -"}}};
  EXPECT_EQ(attempts_by_network(diagnose_file(as_xml(reassociates_within_connection()))), want);
  EXPECT_EQ(attempts_by_network(diagnose_file(as_xml(newest_first(reassociates_within_connection())))), want);
  // Without the ConnectionId (text exports): the MSM's events between an 8000 and its 8001 are
  // that connection's.
  EXPECT_EQ(attempts_by_network(diagnose_file(as_text(reassociates_within_connection()))), want);
  EXPECT_EQ(attempts_by_network(diagnose_file(as_format_list(newest_first(reassociates_within_connection())))), want);
  EXPECT_EQ(attempts_by_network(diagnose_file(as_csv(reassociates_within_connection()))), want);
}

TEST(Producers6, LateFailureOfTheSameConnectionIsToldAgain) {
  const auto want =
      std::map<std::string, V>{{"Contoso Wireless AX210 Corp", {"1 failed eap auth_server wlan_reason:327685"}}};
  EXPECT_EQ(attempts_by_network(diagnose_file(as_xml(eap_rejected_late_8002()))), want);
  EXPECT_EQ(attempts_by_network(diagnose_file(as_xml(eap_rejected_late_8002(), true))), want);
  EXPECT_EQ(attempts_by_network(diagnose_file(as_xml(newest_first(eap_rejected_late_8002())))), want);
  // Without the id: an 8002 within a minute of the failure, no 8000 between, is the same connection's.
  EXPECT_EQ(attempts_by_network(diagnose_file(as_text(eap_rejected_late_8002()))), want);
  EXPECT_EQ(attempts_by_network(diagnose_file(as_format_list(newest_first(eap_rejected_late_8002())))), want);
  EXPECT_EQ(attempts_by_network(diagnose_file(as_csv(eap_rejected_late_8002()))), want);
  // A minute and more after it, with no id to say so, it is a failed attempt of its own.
  std::vector<event> later = eap_rejected_late_8002();
  later.back().time = "09:21:30";
  std::size_t n = 0;
  for (const auto& g : diagnose_file(as_text(later)).groups)
    for (const auto& a : g.attempts) n += a.count;
  EXPECT_EQ(n, 2u);
}

TEST(Producers6, StartUnderTheSessionsConnectionIdIsARoam) {
  for (const std::string& log :
       {as_xml(reconnect_under_same_connection()), as_xml(newest_first(reconnect_under_same_connection()))}) {
    const auto r = diagnose_file(log);
    EXPECT_EQ(attempts_by_network(r),
              (std::map<std::string, V>{{"Contoso Wireless AX210 Home",
                                         {"1 succeeded unknown unknown -", "1 succeeded unknown unknown -"}}}));
    ASSERT_EQ(r.groups.size(), 1u);
    ASSERT_EQ(r.groups[0].attempts.size(), 2u);
    EXPECT_TRUE(r.groups[0].attempts[1].roam);
    EXPECT_EQ(sessions_of(r, "Home"), (V{"user 1"}));
  }
}

TEST(Producers6, AssociationUnderAnotherConnectionIdIsANewConnection) {
  const auto r = diagnose_file(as_xml(other_connection_while_connected()));
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].attempts.size(), 2u);
  EXPECT_FALSE(r.groups[0].attempts[0].roam);
  EXPECT_FALSE(r.groups[0].attempts[1].roam);
  EXPECT_EQ(sessions_of(r, "Home"), (V{"unknown 0", "user 0"}));
}

TEST(Producers6, IhvSecurityRoamKeepsTheSession) {
  for (const std::string& log : {as_xml(ihv_join_roam_driver_ends()), as_text(ihv_join_roam_driver_ends()),
                                 as_format_list(newest_first(ihv_join_roam_driver_ends()))}) {
    const auto r = diagnose_file(log);
    EXPECT_EQ(attempts_by_network(r),
              (std::map<std::string, V>{
                  {"Fabrikam USB Wi-Fi 6 Plant", {"1 succeeded unknown unknown -", "1 succeeded unknown unknown -"}}}))
        << log.substr(0, 200);
    EXPECT_EQ(sessions_of(r, "Plant"), (V{"driver 1"}));
  }
}

// The vendor's reason is the failing event's own code and decides (a raw number: its meaning is
// the vendor's); the 8002's WLAN reason stays as evidence.
TEST(Producers6, IhvSecurityFailureFailsTheKeyExchange) {
  for (const std::string& log :
       {as_xml(ihv_security_fails()), as_xml(ihv_security_fails(), true), as_text(ihv_security_fails())}) {
    const auto r = diagnose_file(log);
    EXPECT_EQ(attempts_by_network(r),
              (std::map<std::string, V>{
                  {"Fabrikam USB Wi-Fi 6 Plant", {"1 failed key_exchange device raw:event_11009_reason:0x7"}}}))
        << log.substr(0, 200);
    ASSERT_EQ(r.groups.size(), 1u);
    ASSERT_EQ(r.groups[0].attempts.size(), 1u);
    V refs;
    for (const auto& c : r.groups[0].attempts[0].codes) refs.push_back(c.ref);
    EXPECT_NE(std::find(refs.begin(), refs.end(), "wlan_reason:229390"), refs.end()) << log.substr(0, 200);
  }
}

// 8004 (an Error: "Wireless network is blocked due to connection failure", its FailureReason,
// ReasonCode, block timer and ConnectionId) after a wrong password's 8002: the block that
// failure led to, no attempt of its own, however late it is logged. Before: 31 s after, an
// inferred second attempt "failed in unknown" from its reason.
std::vector<event> blocked_after(const std::string& at) {
  std::vector<event> v = wrong_psk(wifi_a, "Lab", "0x50", "13:00");
  v.push_back({8004,
               at,
               &wifi_a,
               "Lab",
               "0x50",
               {{"FailureReason", "A PSK mismatch is suspected."}, {"BlockTime", "60"}, {"ReasonCode", "294932"}}});
  return v;
}

TEST(Producers6, NetworkBlockedAfterAFailureIsNoAttempt) {
  const auto want =
      std::map<std::string, V>{{"Contoso Wireless AX210 Lab", {"1 failed key_exchange device wlan_reason:294932"}}};
  for (const std::string at : {"13:00:10", "13:00:40"})
    for (const std::string& log :
         {as_xml(blocked_after(at)), as_xml(blocked_after(at), true), as_xml(newest_first(blocked_after(at))),
          as_text(blocked_after(at)), as_format_list(blocked_after(at)), as_csv(blocked_after(at))})
      EXPECT_EQ(attempts_by_network(diagnose_file(log)), want) << at << "\n" << log.substr(0, 300);
  // Alone (the failure before it not in the log) it still tells of a failed attempt.
  const std::vector<event> alone = {blocked_after("13:00:10").back()};
  std::size_t n = 0;
  for (const auto& g : diagnose_file(as_xml(alone)).groups) n += g.attempts.size();
  EXPECT_EQ(n, 1u);
}

// A ConnectionId too long (cut to 32 bytes, the same for every event), missing on one event, or
// of garbage bytes: read as any other, no crash.
TEST(Producers6, OddConnectionIdsCrashNothing) {
  std::vector<event> v = good_join(wifi_a, "Lab", std::string(300, 'f'), "12:00");
  v[2].connection = "";
  EXPECT_EQ(attempts_by_network(diagnose_file(as_xml(v))),
            (std::map<std::string, V>{{"Contoso Wireless AX210 Lab", {"1 succeeded unknown unknown -"}}}));
  for (event& e : v) e.connection = std::string("\xff\xfe\0x", 4) + std::to_string(e.id % 3);
  const auto r = diagnose_file(as_xml(v));
  std::size_t n = 0;
  for (const auto& g : r.groups) n += g.attempts.size();
  EXPECT_GE(n, 1u);
  EXPECT_LE(n, v.size());
}

}  // namespace
