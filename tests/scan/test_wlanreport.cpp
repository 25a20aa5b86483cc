// netsh wlan show wlanreport: the session events of the HTML report and of its XML (event id,
// time, SSID, interface, BSSID, reasons), the older "Reason:" reading of other lines, key
// material, redaction and bad input. The report samples are written here, in the layout of a
// real report (session header, rows of EventId / Time / Message; WlanSession / WlanEvent).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "helpers.hpp"

namespace {

using namespace scan_test;
using wlancode::scan::finding;
using wlancode::scan::input_format;
using wlancode::scan::value_kind;

std::vector<finding> scan_report(std::string_view data, bool redact = false, std::string_view tz = "UTC") {
  wlancode::scan::options o;
  o.events = true;
  o.redact = redact;
  o.tz = wlancode::time_zone::load(tz);
  std::vector<finding> out;
  wlancode::scan::scan_memory(data, "mem", o, [&](const finding& x) { out.push_back(x); });
  return out;
}

std::vector<std::string> events_of(const std::vector<finding>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs)
    if (f.kind == value_kind::event) out.push_back(f.event_id + ":" + std::string(wlancode::scan::to_string(f.event)));
  return out;
}

const std::string head =
    "<!DOCTYPE html>\n<html>\n<head>\n<title>wlan report</title>\n</head>\n<body>\n<div id=\"report-wrapper\">\n"
    "<h1>Wlan Report</h1>\n";

std::string session(std::string_view ssid, std::string_view disconnect) {
  return "<div class=\"session\">\n<p>Interface:<b>Lab Adapter</b></p>\n<p>Profile:<b>" + std::string(ssid) +
         "</b></p>\n<p>SSID:<b>" + std::string(ssid) +
         "</b></p>\n<p>Session Duration:\n <b>0 hours\n 1 minutes\n"
         " 0 seconds\n </b></p>\n<p>Disconnect Reason:<b>" +
         std::string(disconnect) +
         "</b></p>\n<table>\n<tr class=\"successful\">\n<th class=\"event-header\">EventId</th>\n"
         "<th class=\"time-header\">Time</th>\n<th class=\"message-header\">Message</th>\n</tr>\n";
}

std::string row(std::string_view id, std::string_view time, std::string_view body, std::string_view cls = "wlan ") {
  return "<tr class=\"" + std::string(cls) + "\">\n<td>" + std::string(id) + "<a id=\"7\"></a></td>\n<td>" +
         std::string(time) +
         "</td>\n<td>\n<div class=\"message\"><span class=\"expand-btn\">[+]</span><span class=\"message-body\">" +
         std::string(body) + "</span></div>\n</td>\n</tr>\n";
}

const std::string tail = "</table>\n</div>\n</div>\n</body>\n</html>\n";

// A failed attempt (wrong key) and a session the driver ended.
std::string two_sessions() {
  return head + session("LabNet", "Unknown") +
         row("8000", "2023-11-21T10:00:00",
             "WLAN AutoConfig service started a connection to a wireless network.<br><br>Network Adapter: Lab "
             "Adapter<br>Profile Name: LabNet<br>SSID: LabNet<br>",
             "wlan connect") +
         row("11000", "2023-11-21T10:00:00",
             "Wireless network association started.<br><br>Network Adapter: Lab Adapter<br>Local MAC Address: "
             "02:00:00:aa:00:01<br>Network SSID: LabNet<br>") +
         row("11001", "2023-11-21T10:00:01",
             "Wireless network association succeeded.<br><br>Network SSID: LabNet<br>Peer MAC Address: "
             "02:00:00:bb:00:02<br>") +
         row("11010", "2023-11-21T10:00:01", "Wireless security started.<br><br>Network SSID: LabNet<br>") +
         row("11006", "2023-11-21T10:00:04",
             "Wireless security failed.<br><br>Network SSID: LabNet<br>Reason: A PSK mismatch is suspected.<br>") +
         row("8002", "2023-11-21T10:00:04",
             "WLAN AutoConfig service failed to connect to a wireless network.<br><br>SSID: LabNet<br>Failure "
             "Reason:A PSK mismatch is suspected.<br>") +
         "</table>\n</div>\n" + session("HomeLab", "The network is disconnected by the driver.") +
         row("8000", "2023-11-21T10:01:00", "started<br>SSID: HomeLab<br>", "wlan connect") +
         row("11001", "2023-11-21T10:01:01", "associated<br>Peer MAC Address: 02:00:00:cc:00:03<br>") +
         row("11005", "2023-11-21T10:01:01", "Wireless security succeeded.<br>") +
         row("8001", "2023-11-21T10:01:02", "connected<br>SSID: HomeLab<br>") +
         row("4042", "2023-11-21T10:01:03", "Capability change on {guid} (Family: V4 Capability: Internet)",
             "ncsi internet") +
         row("8003", "2023-11-21T10:30:00",
             "WLAN AutoConfig service has successfully disconnected from a wireless network.<br>SSID: "
             "HomeLab<br>Reason: The network is disconnected by the driver.<br>",
             "wlan disconnect") +
         tail;
}

TEST(WlanReport, HtmlSessionRowsGiveTheirEvents) {
  const auto fs = scan_report(two_sessions());
  EXPECT_EQ(events_of(fs), (V{"8000:attempt_started", "11000:associating", "11001:associated", "11010:key_exchange",
                              "11006:key_failed", "8002:attempt_failed", "8000:attempt_started", "11001:associated",
                              "11005:key_exchange_done", "8001:connected", "8003:disconnected"}));
  std::size_t psk = 0, driver = 0;
  for (const auto& f : fs) {
    EXPECT_EQ(f.format, input_format::wlanreport);
    EXPECT_EQ(f.interface, "Lab Adapter") << f.excerpt;
    EXPECT_FALSE(f.timestamp.empty());
    EXPECT_TRUE(f.ssid == "LabNet" || f.ssid == "HomeLab") << f.ssid;
    if (f.kind == value_kind::event && f.event_id == "11001") {
      EXPECT_TRUE(f.bssid == "02:00:00:bb:00:02" || f.bssid == "02:00:00:cc:00:03") << f.bssid;
    }
    if (f.kind == value_kind::event) {
      // The excerpt is the row's message, past the expand button.
      EXPECT_EQ(f.excerpt.find("[+]"), std::string::npos) << f.excerpt;
      EXPECT_FALSE(f.excerpt.empty());
    }
    if (f.has_value && f.value == 0x00048014u) {
      ++psk;
      EXPECT_TRUE(f.event_id == "11006" || f.event_id == "8002");
      EXPECT_EQ(f.ssid, "LabNet");
    }
    if (f.kind == value_kind::raw) {
      ++driver;
      EXPECT_EQ(f.space, "event_8003_reason");
      EXPECT_EQ(f.text, "The network is disconnected by the driver.");
      EXPECT_EQ(f.timestamp, "2023-11-21T10:30:00");
    }
  }
  EXPECT_EQ(psk, 2u);     // 11006's Reason and 8002's Failure Reason
  EXPECT_EQ(driver, 1u);  // the 8003 row's; the header repeats it and is not reported twice
}

// The ids the report lists, with the kinds they are (typed here, independently of rules.def), and
// the same events exported as event XML give the same kinds.
TEST(WlanReport, EveryLifecycleIdOfTheReport) {
  const std::vector<std::pair<std::string, std::string>> ids = {
      {"8000", "attempt_started"}, {"8001", "connected"},          {"8002", "attempt_failed"},
      {"8003", "disconnected"},    {"11000", "associating"},       {"11001", "associated"},
      {"11002", "assoc_rejected"}, {"11005", "key_exchange_done"}, {"11006", "key_failed"},
      {"11010", "key_exchange"},   {"12011", "eap_started"},       {"12012", "eap_success"},
      {"12013", "eap_failure"}};
  std::string report = head + session("LabNet", "Unknown");
  std::string xml;
  V want;
  for (const auto& [id, kind] : ids) {
    report += row(id, "2023-11-21T10:00:00", "x<br>SSID: LabNet<br>");
    xml +=
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider "
        "Name='Microsoft-Windows-WLAN-AutoConfig'/>\n<EventID>" +
        id + "</EventID>\n</System></Event>\n";
    want.push_back(id + ":" + kind);
  }
  EXPECT_EQ(events_of(scan_report(report + tail)), want);
  EXPECT_EQ(events_of(scan_report(xml)), want);
  // Events that are no lifecycle event, and rows of other providers, give none.
  EXPECT_EQ(events_of(scan_report(head + session("LabNet", "Unknown") + row("11004", "2023-11-21T10:00:00", "x") +
                                  row("8001", "2023-11-21T10:00:00", "x", "ncsi internet") + tail)),
            V{});
  // A time printed another way is kept as printed.
  const auto other =
      scan_report(head + session("LabNet", "Unknown") + row("8001", "21.11.2023 10:00:00", "x<br>") + tail);
  ASSERT_EQ(events_of(other), V{"8001:connected"});
  EXPECT_EQ(other[0].timestamp, "21.11.2023 10:00:00");
}

const std::string report_xml =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<WlanReport>\n  <SessionSnapshot>\n    <Session>\n"
    "    <EventType>Disconnect</EventType>\n<EventTime>133462811400000000</EventTime>\n"
    "<EventMessage>WLAN AutoConfig service has successfully disconnected from a wireless network.\n\n"
    "Reason: The network is disconnected by the driver.\n\n</EventMessage>\n"
    "<CorrespondingEvent>4</CorrespondingEvent>\n    </Session>\n  </SessionSnapshot>\n"
    "  <WlanSession success=\"0\" interface=\"Lab Adapter\" profile=\"LabNet\" ssid=\"LabNet\" "
    "disconnect=\"Unknown\">\n"
    "      <WlanEvent type=\"wlan connect\" error=\"0\">\n        <UID>1</UID>\n        <EventID>8000</EventID>\n"
    "        <EventTime>2023-11-21T09:00:00</EventTime>\n"
    "        <EventMessage>WLAN AutoConfig service started a connection to a wireless network.\n\n"
    "SSID: LabNet\n\n</EventMessage>\n      </WlanEvent>\n"
    "      <WlanEvent type=\"wlan \" error=\"1\">\n        <UID>2</UID>\n        <EventID>8002</EventID>\n"
    "        <EventTime>2023-11-21T09:00:03</EventTime>\n"
    "        <EventMessage>WLAN AutoConfig service failed to connect to a wireless network.\n\n"
    "SSID: LabNet\n\nFailure Reason:The specific network is not available.\n\n</EventMessage>\n      </WlanEvent>\n"
    "  </WlanSession>\n"
    "  <WlanSession success=\"1\" interface=\"Lab Adapter\" ssid=\"HomeLab\" disconnect=\"The network is "
    "disconnected by the driver.\">\n"
    "      <WlanEvent type=\"wlan connect\"><UID>3</UID><EventID>8000</EventID><EventTime>2023-11-21T09:01:00"
    "</EventTime><EventMessage>started</EventMessage></WlanEvent>\n"
    "      <WlanEvent type=\"wlan \"><UID>4</UID><EventID>8001</EventID><EventTime>2023-11-21T09:01:02</EventTime>"
    "<EventMessage>connected</EventMessage></WlanEvent>\n"
    "      <WlanEvent type=\"wlan disconnect\"><UID>5</UID><EventID>8003</EventID><EventTime>2023-11-21T09:02:02"
    "</EventTime><EventMessage>Desconectado\nMotivo: A rede est&#225; desconectada pelo driver.\n</EventMessage>"
    "</WlanEvent>\n  </WlanSession>\n</WlanReport>\n";

TEST(WlanReport, XmlSessionsAndTheSnapshotIsSkipped) {
  const auto fs = scan_report(report_xml);
  EXPECT_EQ(events_of(fs), (V{"8000:attempt_started", "8002:attempt_failed", "8000:attempt_started", "8001:connected",
                              "8003:disconnected"}));
  std::size_t codes = 0, raws = 0;
  for (const auto& f : fs) {
    EXPECT_EQ(f.format, input_format::wlanreport);
    EXPECT_EQ(f.interface, "Lab Adapter");
    EXPECT_GT(f.line, 16u) << "nothing of the snapshot: " << f.excerpt;
    if (f.has_value) {
      ++codes;
      EXPECT_EQ(f.value, 0x0002800Bu);
      EXPECT_EQ(f.ssid, "LabNet");
      EXPECT_EQ(f.timestamp, "2023-11-21T09:00:03");
    }
    if (f.kind == value_kind::raw) {
      ++raws;  // a localized message: the session's disconnect attribute says why
      EXPECT_EQ(f.text, "The network is disconnected by the driver.");
      EXPECT_EQ(f.ssid, "HomeLab");
    }
  }
  EXPECT_EQ(codes, 1u);
  EXPECT_EQ(raws, 1u);
}

TEST(WlanReport, MinifiedReportIsOneLine) {
  std::string one = two_sessions();
  std::erase(one, '\n');
  const auto fs = scan_report(one);
  const auto formatted = scan_report(two_sessions());
  EXPECT_EQ(events_of(fs), events_of(formatted));
  ASSERT_EQ(fs.size(), formatted.size());
  for (std::size_t i = 0; i < fs.size(); ++i) {
    EXPECT_EQ(fs[i].line, 1u);
    EXPECT_EQ(fs[i].timestamp, formatted[i].timestamp);
    EXPECT_EQ(fs[i].ssid, formatted[i].ssid);
    // Each excerpt shows its own row, not the report's head.
    EXPECT_EQ(fs[i].excerpt.find("<!DOCTYPE"), std::string::npos) << fs[i].excerpt;
  }
}

TEST(WlanReport, HeaderDisconnectReason) {
  // No 8003 row in the session: its header's reason is still reported, with the session's context.
  auto fs = scan_report(head + session("LabNet", "The network is disconnected by the driver.") +
                        row("8001", "2023-11-21T10:00:00", "connected<br>") + tail);
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_EQ(fs[0].kind, value_kind::event);
  EXPECT_EQ(fs[1].kind, value_kind::raw);  // when the session ends, on the header's line
  EXPECT_EQ(fs[1].space, "event_8003_reason");
  EXPECT_EQ(fs[1].text, "The network is disconnected by the driver.");
  EXPECT_EQ(fs[1].ssid, "LabNet");
  EXPECT_EQ(fs[1].timestamp, "2023-11-21T10:00:00");
  EXPECT_LT(fs[1].line, fs[0].line);
  // "Unknown" (a session still open when the report was made) is no reason.
  fs = scan_report(head + session("LabNet", "Unknown") + row("8001", "2023-11-21T10:00:00", "connected<br>") + tail);
  EXPECT_EQ(fs.size(), 1u);
  // A localized 8003 row takes the header's reason (its own label is not read).
  fs = scan_report(head + session("LabNet", "Le r&#233;seau a &#233;t&#233; d&#233;connect&#233;.") +
                   row("8003", "2023-11-21T10:00:00", "d&#233;connect&#233;<br>Raison : x<br>", "wlan disconnect") +
                   tail);
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_EQ(fs[0].text, "Le réseau a été déconnecté.");
  EXPECT_EQ(fs[1].event, wlancode::scan::event_kind::disconnected);
}

TEST(WlanReport, ReportTimesBecomeFindingTime) {
  const auto utc = scan_report(two_sessions());
  ASSERT_FALSE(utc.empty());
  // 2023-11-21T10:00:00 as UTC: 1700560800 s since the epoch.
  EXPECT_EQ(utc[0].time.clk, wlancode::instant::clock::utc);
  EXPECT_EQ(utc[0].time.ns, 1700560800LL * 1000000000LL);
  // The report prints the machine's local time without an offset: --tz says which it was.
  const auto plus2 = scan_report(two_sessions(), false, "+02:00");
  EXPECT_EQ(plus2[0].time.ns, (1700560800LL - 7200) * 1000000000LL);
  EXPECT_TRUE(plus2[0].time.offset_known);
}

const std::string profile_secrets =
    "<div id=\"commands-output\"><textarea class=\"command-output\">\n"
    "&lt;sharedKey&gt;&lt;keyMaterial&gt;EscapedSecret1&lt;/keyMaterial&gt;&lt;/sharedKey&gt;\n"
    "<keyMaterial>RawSecret2</keyMaterial>\n<keyMaterial>\nSplitSecret3 Reason: hidden\n</keyMaterial>\n"
    "keyMaterial=\"ValueSecret4\"\n</textarea></div>\n";

TEST(WlanReport, KeyMaterialNeverAppears) {
  // In the script output, and inside an event's message too.
  const std::string report =
      head + session("LabNet", "Unknown") +
      row("8002", "2023-11-21T10:00:00",
          "failed<br>SSID: LabNet<br>&lt;keyMaterial&gt;RowSecret5&lt;/keyMaterial&gt;<br>Failure Reason:A PSK "
          "mismatch is suspected.<br>") +
      "</table>\n</div>\n" + profile_secrets + "</div>\n</body>\n</html>\n";
  std::string one = report;
  std::erase(one, '\n');
  for (bool redact : {false, true}) {
    for (const std::string& r : {report, one}) {
      const auto fs = scan_report(r, redact);
      EXPECT_EQ(events_of(fs), V{"8002:attempt_failed"});
      for (const auto& f : fs)
        for (const std::string* s : {&f.excerpt, &f.text, &f.ssid, &f.raw, &f.interface})
          for (const char* secret : {"Secret1", "Secret2", "Secret3", "Secret4", "Secret5", "hidden"})
            EXPECT_EQ(s->find(secret), std::string::npos) << *s;
    }
  }
}

TEST(WlanReport, RedactionHolds) {
  const auto fs = scan_report(two_sessions(), true);
  ASSERT_FALSE(fs.empty());
  for (const auto& f : fs)
    for (const std::string* s : {&f.excerpt, &f.text, &f.ssid, &f.bssid})
      for (const char* clear : {"LabNet", "HomeLab", "02:00:00:"}) EXPECT_EQ(s->find(clear), std::string::npos) << *s;
}

// ---- bad input -------------------------------------------------------------------------------

TEST(WlanReport, TruncatedAnywhere) {
  const std::string full = two_sessions();
  const std::size_t all = events_of(scan_report(full)).size();
  for (std::size_t n = 0; n < full.size(); n += 13) {
    const auto fs = scan_report(full.substr(0, n));
    EXPECT_LE(events_of(fs).size(), all) << n;
  }
  // A report cut inside its last row still gives that row's event.
  const std::string cut = head + session("LabNet", "Unknown") +
                          "<tr class=\"wlan\">\n<td>8001</td>\n<td>2023-11-21T10:00:00"
                          "</td>\n<td><div class=\"message\"><span class=\"message-body\">conn";
  EXPECT_EQ(events_of(scan_report(cut)), V{"8001:connected"});
}

TEST(WlanReport, GarbageRows) {
  const std::string garbage =
      head + session("LabNet", "Unknown") +
      "<tr><td>abc</td><td>2023-11-21T10:00:00</td><td>not an id</td></tr>\n"
      "<tr><td>123456789</td><td>2023-11-21T10:00:00</td><td>id too long</td></tr>\n"
      "<tr><td>8001</td><td>yesterday</td><td>no time</td></tr>\n"
      "<tr><td></td><td></td><td></td></tr>\n<tr><tr><td>8000<td><td>\n"
      "<td <<< >>> </tr </td><b></b></p><p><b>\n< <\n<tr class=\"\"><td>-1</td><td>2023-11-21T10:00:00</td><td>x</td>"
      "</tr>\n" +
      row("8001", "2023-11-21T10:00:00", "connected<br>SSID: LabNet<br>") + tail;
  const auto fs = scan_report(garbage);
  EXPECT_EQ(events_of(fs), V{"8001:connected"});
  EXPECT_EQ(fs.back().ssid, "LabNet");
}

TEST(WlanReport, HugeRowAndNulBytes) {
  // A message of 4 MiB on one line: read in its first max_line bytes, the event still reported.
  std::string big = head + session("LabNet", "Unknown") +
                    "<tr class=\"wlan\"><td>8002</td><td>2023-11-21T10:00:00</td><td><span class=\"message-body\">" +
                    std::string(4u << 20, 'A') + "<br>Failure Reason:A PSK mismatch is suspected.</span></td></tr>\n" +
                    row("8001", "2023-11-21T10:01:00", "connected<br>") + tail;
  auto fs = scan_report(big);
  EXPECT_EQ(events_of(fs), (V{"8002:attempt_failed", "8001:connected"}));
  for (const auto& f : fs) EXPECT_LT(f.excerpt.size(), 4096u);
  // NUL bytes in the cells and the message.
  std::string nul = two_sessions();
  for (std::size_t p = nul.find("<td>8000"); p != std::string::npos; p = nul.find("<td>8000", p + 1))
    nul[p + 7] = '\0';  // "800\0"
  const std::size_t r = nul.find("Reason:A PSK");
  ASSERT_NE(r, std::string::npos);
  nul[r + 2] = '\0';
  fs = scan_report(nul);
  const auto ev = events_of(fs);
  EXPECT_EQ(std::count(ev.begin(), ev.end(), "8000:attempt_started"), 0);  // "800\0" is not an id
  EXPECT_EQ(std::count(ev.begin(), ev.end(), "8001:connected"), 1);
}

}  // namespace

namespace {
// A report pasted into one file with a Linux log before and after it (a support bundle, a ticket):
// the log's lines still meet the line rules, "<info>" and "<MacRemoved>" in them or not; the
// report's own findings stay the same.
TEST(WlanReport, LogLinesAroundAReportStillMeetTheLineRules) {
  const std::string before =
      "Nov 21 10:00:01 laptop NetworkManager[700]: <warn>  [1700000000.1] sup-iface[0x1,wlan0]: connection "
      "disconnected (reason -3)\n"
      "Feb 22 14:40:06 wlceventd: wlceventd_proc_event(401): eth5: Disassoc <MacRemoved>, status: 0, reason: "
      "Disassociated due to inactivity (4)\n";
  const std::string after =
      "Nov 21 10:00:02 laptop wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=15\n";
  const auto alone = scan_report(two_sessions());
  const auto mixed = scan_report(before + two_sessions() + after);
  std::size_t codes_around = 0;
  for (const auto& f : mixed)
    if (f.rule != "wlanreport" && f.kind == value_kind::code) ++codes_around;
  EXPECT_EQ(codes_around, 3u);
  std::size_t from_report = 0;
  for (const auto& f : mixed) from_report += f.rule == "wlanreport";
  std::size_t report_alone = 0;
  for (const auto& f : alone) report_alone += f.rule == "wlanreport";
  EXPECT_EQ(from_report, report_alone);
}
}  // namespace
