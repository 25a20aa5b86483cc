// diagnose on a wlanreport: its session events make attempts and sessions with outcome, phase,
// decisive code and who ended them, as the same events do in an event export. The reports are
// written here in the layout of a real one (session header, EventId / Time / Message rows).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;
using wlancode::diagnose::ender;

// One event: id, time, SSID, and the message's other "Label: value" lines.
struct ev {
  std::string id, time, ssid, extra;
};

std::string report_html(const std::vector<std::vector<ev>>& sessions) {
  std::string r =
      "<!DOCTYPE html>\n<html>\n<head>\n<title>wlan report</title>\n</head>\n<body>\n<h1>Wlan Report</h1>\n";
  for (const auto& s : sessions) {
    r += "<div class=\"session\">\n<p>Interface:<b>Lab Adapter</b></p>\n<p>SSID:<b>" + s.front().ssid +
         "</b></p>\n<p>Disconnect Reason:<b>Unknown</b></p>\n<table>\n<tr class=\"failed\">\n"
         "<th class=\"event-header\">EventId</th>\n<th class=\"time-header\">Time</th>\n"
         "<th class=\"message-header\">Message</th>\n</tr>\n";
    for (const ev& e : s)
      r += "<tr class=\"wlan \">\n<td>" + e.id + "<a id=\"1\"></a></td>\n<td>" + e.time +
           "</td>\n<td>\n<div class=\"message\"><span class=\"expand-btn\">[+]</span><span class=\"message-body\">"
           "Event " +
           e.id + ".<br><br>Network Adapter: Lab Adapter<br>SSID: " + e.ssid + "<br>" + e.extra +
           "</span></div>\n</td>\n</tr>\n";
    r += "</table>\n</div>\n";
  }
  return r + "</body>\n</html>\n";
}

// The same events as an Event Viewer XML export.
std::string event_xml(const std::vector<std::vector<ev>>& sessions) {
  std::string x = "<Events>\n";
  for (const auto& s : sessions)
    for (const ev& e : s) {
      x += "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider "
           "Name='Microsoft-Windows-WLAN-AutoConfig'/>\n<EventID>" +
           e.id + "</EventID>\n<TimeCreated SystemTime='" + e.time +
           "'/>\n</System><EventData>\n<Data Name='InterfaceDescription'>Lab Adapter</Data>\n<Data Name='SSID'>" +
           e.ssid + "</Data>\n";
      // "Label: value<br>" lines as data fields.
      for (std::size_t p = 0; p < e.extra.size();) {
        const std::size_t br = e.extra.find("<br>", p);
        const std::string item = e.extra.substr(p, br - p);
        const std::size_t colon = item.find(':');
        std::string name = item.substr(0, colon), value = item.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        std::erase(name, ' ');
        if (name == "FailureReason" || name == "Reason") name = "FailureReason";
        if (name == "PeerMACAddress") name = "PeerMac";
        x += "<Data Name='" + name + "'>" + value + "</Data>\n";
        p = br + 4;
      }
      x += "</EventData></Event>\n";
    }
  return x + "</Events>\n";
}

// A wrong key on `CorpLab`, then a session on `HomeLab` the driver ended.
const std::vector<std::vector<ev>> failed_then_connected = {
    {{"8000", "2026-11-21T10:00:00", "CorpLab", ""},
     {"11000", "2026-11-21T10:00:00", "CorpLab", ""},
     {"11001", "2026-11-21T10:00:01", "CorpLab", "Peer MAC Address: 02:00:00:bb:00:01<br>"},
     {"11010", "2026-11-21T10:00:01", "CorpLab", ""},
     {"11006", "2026-11-21T10:00:04", "CorpLab", "Reason: A PSK mismatch is suspected.<br>"},
     {"8002", "2026-11-21T10:00:04", "CorpLab", "Failure Reason: A PSK mismatch is suspected.<br>"}},
    {{"8000", "2026-11-21T10:01:00", "HomeLab", ""},
     {"11000", "2026-11-21T10:01:00", "HomeLab", ""},
     {"11001", "2026-11-21T10:01:01", "HomeLab", "Peer MAC Address: 02:00:00:cc:00:02<br>"},
     {"11010", "2026-11-21T10:01:01", "HomeLab", ""},
     {"11005", "2026-11-21T10:01:02", "HomeLab", ""},
     {"8001", "2026-11-21T10:01:02", "HomeLab", ""},
     {"8003", "2026-11-21T10:31:02", "HomeLab", "Reason: The network is disconnected by the driver.<br>"}}};

TEST(WlanReportDiagnose, FailedAndSuccessfulConnection) {
  const auto r = diagnose(report_html(failed_then_connected));
  ASSERT_EQ(r.groups.size(), 2u);
  const auto& corp = r.groups[0].ssid == "CorpLab" ? r.groups[0] : r.groups[1];
  const auto& home = r.groups[0].ssid == "HomeLab" ? r.groups[0] : r.groups[1];
  EXPECT_EQ(corp.interface, "Lab Adapter");
  ASSERT_EQ(corp.attempts.size(), 1u);
  const auto& a = corp.attempts[0];
  EXPECT_EQ(a.result, wlancode::diagnose::outcome::failed);
  EXPECT_EQ(a.failed_at, wlancode::phase::key_exchange);
  EXPECT_EQ(a.ended_by, ender::device);
  EXPECT_EQ(cause_id(a.cause), "wrong_password");
  EXPECT_EQ(a.bssid, "02:00:00:bb:00:01");
  std::size_t decisive = 0;
  for (const auto& c : a.codes)
    if (c.decisive) {
      ++decisive;
      EXPECT_EQ(c.value, 0x00048014u);  // WLAN_REASON_CODE_MSMSEC_PSK_MISMATCH_SUSPECTED
    }
  EXPECT_EQ(decisive, 1u);
  ASSERT_EQ(home.attempts.size(), 1u);
  EXPECT_EQ(home.attempts[0].result, wlancode::diagnose::outcome::succeeded);
  EXPECT_EQ(home.attempts[0].bssid, "02:00:00:cc:00:02");  // not CorpLab's AP
  ASSERT_EQ(home.sessions.size(), 1u);
  const auto& s = home.sessions[0];
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.ended_by, ender::driver);
  ASSERT_TRUE(s.end_code);
  EXPECT_EQ(s.end_code->space, "event_8003_reason");
}

// A session up before the report, ended by an 8003 whose message labels its reason in another
// language: the session header's "Disconnect Reason" (printed before the event) is its reason.
TEST(WlanReportDiagnose, HeaderReasonFillsALocalizedDisconnect) {
  std::string html = report_html(
      {{{"8003", "2026-11-21T10:31:02", "HomeLab", "Motivo: A rede est\xC3\xA1 desconectada pelo driver.<br>"}}});
  const std::string unknown = "Disconnect Reason:<b>Unknown</b>";
  html.replace(html.find(unknown), unknown.size(),
               "Disconnect Reason:<b>The network is disconnected by the driver.</b>");
  const auto r = diagnose(html);
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  const auto& s = r.groups[0].sessions[0];
  EXPECT_TRUE(s.before_log);
  EXPECT_EQ(s.ended_by, ender::driver);
  ASSERT_TRUE(s.end_code);
  EXPECT_EQ(s.end_code->space, "event_8003_reason");
  EXPECT_TRUE(r.groups[0].attempts.empty());
}

// The report's events tell what the same events exported from the event log tell.
TEST(WlanReportDiagnose, SameAttemptsAsTheEventExport) {
  const auto from_report = attempts_of(diagnose(report_html(failed_then_connected)));
  const auto from_events = attempts_of(diagnose(event_xml(failed_then_connected)));
  EXPECT_EQ(from_report, from_events);
  EXPECT_EQ(from_report, (V{"1 failed key_exchange device wrong_password", "1 succeeded unknown unknown none"}));
}

// Repeated failures to a network that is not there collapse; the text command answers first.
TEST(WlanReportDiagnose, RepeatsCollapseAndTheAnswerComesFirst) {
  std::vector<std::vector<ev>> sessions;
  for (int i = 0; i < 3; ++i)
    sessions.push_back({{"8000", "2026-11-21T10:0" + std::to_string(i) + ":00", "GoneNet", ""},
                        {"8002", "2026-11-21T10:0" + std::to_string(i) + ":02", "GoneNet",
                         "Failure Reason: The specific network is not available.<br>"}});
  const auto r = diagnose(report_html(sessions));
  EXPECT_EQ(attempts_of(r), V{"3 failed discovery device not_found"});
}

}  // namespace
