// Attempts from logs of the eighteenth lifecycle-event audit (a ninth proxy held-out set of
// published logs, docs/producers-audit.md: Windows clients): netsh wlan show wlanreport's HTML
// prints an error event's row (8002, 10002) with the class "error" alone, split over three lines,
// where its other rows name their provider ("wlan", "ncsi internet"); a published excerpt of the
// session list may begin inside a session's header, or hold the rows alone, without the report's
// title; an excerpt of the report's XML cut after its <SessionSnapshot> (the chart's entries:
// Connect, Disconnect, Internet, newest first, FILETIME stamps, no event id and no 8001) holds no
// other event list. The reports are written by the project in the report's layout; the
// expectations are hand-typed: outcome, failing phase, who ended it, decisive code.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "helpers.hpp"
#include "windows_events.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;

const std::string adapter = "Lab Wireless Adapter";

std::string header(const std::string& ssid, const std::string& reason) {
  return "<div class=\"session\">\n<p>Interface:<b>" + adapter +
         "</b></p>\n<p>Connection Mode:<b>Automatic "
         "connection with a profile</b></p>\n<p>Profile:<b>" +
         ssid + "</b></p>\n<p>SSID:<b>" + ssid +
         "</b></p>\n<p>BSS Type:<b>Infrastructure</b></p>\n<p>Disconnect Reason:<b>" + reason +
         "</b></p>\n<table>\n<tr class=\"failed\">\n<th class=\"event-header\">EventId</th>\n<th "
         "class=\"time-header\">Time</th>\n<th class=\"message-header\">Message</th>\n</tr>\n";
}

// One row; `cls` is the row's class as the report prints it (an error row's spans three lines).
std::string row(const std::string& cls, const std::string& id, const std::string& time, const std::string& body) {
  return "<tr class=\"" + cls + "\">\n<td>" + id + "<a id=\"40\"></a></td>\n<td>" + time +
         "</td>\n<td>\n<div class=\"message\"><span class=\"expand-btn\">[+]</span><span class=\"message-body\">" +
         body + "</span></div>\n</td>\n</tr>\n";
}

const std::string error_cls = "\n                    error\n                ";

std::string start(const std::string& ssid) {
  return "WLAN AutoConfig service started a connection to a wireless network.<br><br>Network Adapter: " + adapter +
         "<br>Connection Mode: Automatic connection with a profile<br>Profile Name: " + ssid + "<br>SSID: " + ssid +
         "<br>BSS Type: Infrastructure<br>";
}
std::string assoc(const std::string& ssid) {
  return "Wireless network association started.<br><br>Network Adapter: " + adapter + "<br>Network SSID: " + ssid +
         "<br>BSS Type: Infrastructure<br>Authentication: WPA2-Personal<br>Encryption: AES<br>";
}
std::string failed(const std::string& ssid, const std::string& reason) {
  return "WLAN AutoConfig service failed to connect to a wireless network.<br><br>Network Adapter: " + adapter +
         "<br>Connection Mode: Automatic connection with a profile<br>Profile Name: " + ssid + "<br>SSID: " + ssid +
         "<br>BSS Type: Infrastructure<br>Failure Reason:" + reason + "<br>RSSI: 255<br>";
}

// A session whose association the driver gave up: 8000, 11000, then the 8002 in an error row.
std::string driver_gave_up(const std::string& ssid, const std::string& reason, const std::string& m) {
  return header(ssid, reason) + row("wlan connect", "8000", "2026-06-02T09:" + m + ":10", start(ssid)) +
         row("wlan ", "11000", "2026-06-02T09:" + m + ":10", assoc(ssid)) +
         row(error_cls, "8002", "2026-06-02T09:" + m + ":13", failed(ssid, reason)) + "</table>\n</div>\n";
}

const std::string head =
    "<!DOCTYPE html>\n<html>\n<head>\n<title>wlan report</title>\n</head>\n<body>\n"
    "<h2>Wireless Sessions</h2>\n<div id=\"session-list\">\n";

TEST(Producers18, AnErrorRowSplitOverLinesIsTheConnectionsFailure) {
  // The 8002 in its three-line "error" row fails the attempt where it got to (association), with
  // its reason. Before: the row's class read as a provider of its own, the 8002 was nobody's, and
  // the attempt had no result.
  const auto a = attempts_with_codes(
      diagnose(head + driver_gave_up("LabNet", "The driver disconnected while associating.", "30")));
  EXPECT_EQ(a, V{"1 failed association driver wlan_reason:229378"});
}

TEST(Producers18, AnErrorRowWithALocalizedReasonStillFailsTheAttempt) {
  // A localized report: the message's labels are English, its reason is not (the project's own
  // words here, no table row of it): the attempt still fails in association, on that text.
  const std::string reason = "Le pilote a interrompu la connexion pendant l'association.";
  const auto r = diagnose(head + driver_gave_up("LabNet", reason, "30") + driver_gave_up("LabNet", reason, "31"));
  ASSERT_EQ(r.groups.size(), 1u);
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 30), "2 failed association unknown t");  // two failures, one repeat
}

TEST(Producers18, AnErrorRowOfTheExtensibilityModuleIsNoAttempt) {
  // 10002 (the IHV extensibility module stopped) in an error row, between two sessions' events:
  // no attempt of its own, and the join after it is unchanged.
  const std::string s = header("HomeLab", "The network is disconnected by the driver.") +
                        row(error_cls, "10002", "2026-06-02T08:00:00",
                            "WLAN Extensibility Module has stopped.<br><br>Module Path: C:\\lab\\ihv.dll<br>") +
                        row("wlan connect", "8000", "2026-06-02T08:00:20", start("HomeLab")) +
                        row("wlan ", "11000", "2026-06-02T08:00:20", assoc("HomeLab")) +
                        row("wlan ", "11001", "2026-06-02T08:00:21",
                            "Wireless network association succeeded.<br><br>Network Adapter: " + adapter +
                                "<br>Network SSID: HomeLab<br>") +
                        row("wlan ", "8001", "2026-06-02T08:00:22",
                            "WLAN AutoConfig service has successfully connected to a wireless network.<br><br>"
                            "Network Adapter: " +
                                adapter + "<br>SSID: HomeLab<br>") +
                        "</table>\n</div>\n";
  const auto a = attempts_with_codes(diagnose(head + s));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
}

TEST(Producers18, AnExcerptBeginningInsideASessionHeaderIsThatSession) {
  // The excerpt starts after the session's <div class="session">, at its header's paragraphs:
  // its "Disconnect Reason" is the session's, told again by its 8002, not a failure of its own.
  // Before: an attempt inferred from the header's reason, then the session's own attempt.
  std::string s = driver_gave_up("LabNet", "The driver disconnected while associating.", "30");
  s = s.substr(s.find("<p>Connection Mode:"));
  const auto a = attempts_with_codes(diagnose(head + s));
  EXPECT_EQ(a, V{"1 failed association driver wlan_reason:229378"});
}

TEST(Producers18, SessionRowsAloneAreReadAsTheReport) {
  // The session list pasted without the report's title or list element: its rows' expand button
  // and message body say it is the report. Before: no attempt (the lines met the line rules).
  std::string s = driver_gave_up("LabNet", "The driver disconnected while associating.", "30");
  s = s.substr(s.find("<p>SSID:"));
  const auto a = attempts_with_codes(diagnose(s));
  EXPECT_EQ(a, V{"1 failed association driver wlan_reason:229378"});
}

// ---- the XML's SessionSnapshot ------------------------------------------------------------------

// One snapshot entry as the report prints it; `ft`: its FILETIME.
std::string snap(const std::string& type, int error, const std::string& ft, const std::string& message,
                 const std::string& ssid = "", const std::string& reason = "") {
  std::string e = "    <Session>\n    <EventType>" + type + "</EventType>\n<EventError>" + std::to_string(error) +
                  "</EventError><EventTime>" + ft + "</EventTime>\n<EventMessage>" + message + "</EventMessage>\n";
  if (!ssid.empty())
    e += "<EventConnectionMode>Automatic connection with a profile</EventConnectionMode>\n<EventProfileName>" + ssid +
         "</EventProfileName>\n<EventSSID>" + ssid + "</EventSSID>\n";
  if (!reason.empty()) e += "<EventDisconnectReason>" + reason + "</EventDisconnectReason>\n";
  return e + "<CorrespondingEvent>7</CorrespondingEvent>\n    </Session>\n";
}

std::string snap_connect(const std::string& ft, const std::string& ssid) {
  return snap("Connect", 0, ft,
              "WLAN AutoConfig service started a connection to a wireless network.\n\nNetwork Adapter: " + adapter +
                  "\nConnection Mode: Automatic connection with a profile\nProfile Name: " + ssid + "\nSSID: " + ssid +
                  "\nBSS Type: Infrastructure\n",
              ssid);
}
std::string snap_internet(const std::string& ft) {
  return snap("Internet", 0, ft,
              "Capability change on {00000000-0000-4000-8000-000000000018} (0x47008000000000 Family: V4 Capability: "
              "Internet ChangeReason: ActiveHttpProbeSucceeded)");
}
std::string snap_disconnect(const std::string& ft, int error, const std::string& ssid, const std::string& label,
                            const std::string& reason) {
  const std::string what = error ? "failed to connect to" : "has successfully disconnected from";
  return snap("Disconnect", error, ft,
              "WLAN AutoConfig service " + what + " a wireless network.\n\nNetwork Adapter: " + adapter +
                  "\nSSID: " + ssid + "\nBSS Type: Infrastructure\n" + label + reason + "\n",
              ssid, reason);
}

const std::string snap_head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<WlanReport>\n  <SessionSnapshot>\n";

// 2026-06-02 08:00:00 UTC is FILETIME 134248608000000000; a second is 10000000.
std::string ft(int seconds) { return std::to_string(134248608000000000LL + 10000000LL * seconds); }

// Newest first, as the report prints it: a connection the driver ended, then one that failed.
const std::string snapshot_only =
    snap_head + snap_disconnect(ft(700), 1, "LabNet", "Failure Reason:", "The specific network is not available.") +
    snap_connect(ft(697), "LabNet") +
    snap_disconnect(ft(600), 0, "LabNet", "Reason: ", "The network is disconnected by the driver.") +
    snap_internet(ft(3)) + snap_connect(ft(1), "LabNet") + "  </SessionSnapshot>\n";

TEST(Producers18, ASnapshotAloneIsReadOldestFirst) {
  // An excerpt of the report's XML cut after its snapshot: the Connect and its Internet
  // capability are a connection (the driver ended its session ten minutes on), the next Connect
  // failed where a network is looked for. Before: nothing (the snapshot was skipped).
  const auto r = windows_events::diagnose_file(snapshot_only);
  EXPECT_EQ(attempts_with_codes(r),
            (V{"1 succeeded unknown unknown -", "1 failed discovery device wlan_reason:163851"}));
  ASSERT_EQ(session_count(r), 1u);
  const auto& s = r.groups[0].sessions[0];
  EXPECT_EQ(s.ended_by, wlancode::diagnose::ender::driver);
  EXPECT_EQ(r.groups[0].interface, adapter);
  EXPECT_EQ(r.groups[0].ssid, "LabNet");
}

TEST(Producers18, ASnapshotBeforeTheReportsEventsIsNotToldTwice) {
  // The whole report: the snapshot, then its sessions with the same events and their ids. The
  // events are the sessions' only (one failed attempt), as before.
  const std::string x =
      snap_head + snap_disconnect(ft(5), 1, "LabNet", "Failure Reason:", "The specific network is not available.") +
      snap_connect(ft(2), "LabNet") + "  </SessionSnapshot>\n  <WlanSession success=\"0\" interface=\"" + adapter +
      "\" ssid=\"LabNet\" disconnect=\"Unknown\">\n      <WlanEvent type=\"wlan connect\" "
      "error=\"0\">\n        <UID>1</UID>\n        <EventID>8000</EventID>\n        "
      "<EventTime>2026-06-02T08:00:02</EventTime>\n        <EventMessage>WLAN AutoConfig service "
      "started a connection to a wireless network.\n\nSSID: LabNet\n</EventMessage>\n      "
      "</WlanEvent>\n      <WlanEvent type=\"wlan \" error=\"1\">\n        <UID>2</UID>\n        "
      "<EventID>8002</EventID>\n        <EventTime>2026-06-02T08:00:05</EventTime>\n        "
      "<EventMessage>WLAN AutoConfig service failed to connect to a wireless network.\n\nSSID: "
      "LabNet\nFailure Reason:The specific network is not available.\n</EventMessage>\n      "
      "</WlanEvent>\n  </WlanSession>\n</WlanReport>\n";
  EXPECT_EQ(attempts_with_codes(windows_events::diagnose_file(x)), V{"1 failed discovery device wlan_reason:163851"});
}

TEST(Producers18, AnInternetCapabilityWithoutItsConnectIsNoAttempt) {
  // The excerpt begins inside a session (its Connect older than the cut): its Internet capability
  // opens nothing, and its end is a session up before the excerpt.
  const std::string x = snap_head +
                        snap_disconnect(ft(60), 0, "LabNet", "Reason: ", "The network is disconnected by the driver.") +
                        snap_internet(ft(3)) + "  </SessionSnapshot>\n";
  const auto r = windows_events::diagnose_file(x);
  EXPECT_TRUE(attempts_with_codes(r).empty());
  ASSERT_EQ(session_count(r), 1u);
  EXPECT_TRUE(r.groups[0].sessions[0].before_log);
}

}  // namespace
