// Windows WLAN-AutoConfig events written by the tests (lifecycle audits five and six), rendered
// into the shapes `scan` reads: event XML one event a line (wevtutil qe /f:xml) or a tag a line
// (Event Viewer), wevtutil /f:text, Get-WinEvent | Format-List and | Export-Csv. The events are
// the project's own, from the provider's message templates and data names
// (docs/producers-audit.md), with made-up GUIDs, adapters, SSIDs and 02:00:00 MACs.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "chronology.hpp"
#include "helpers.hpp"

namespace windows_events {

using namespace diagnose_test;

// As `wlancode diagnose` reads a file: newest-first exports turned round (chronology.hpp).
inline wlancode::diagnose::report diagnose_file(std::string_view log) {
  wlancode::diagnose::analyzer an;
  wlancode::scan::options o;
  o.events = true;
  o.year = 2026;
  auto to_analyzer = [&](const wlancode::scan::finding& f) { an.add(f, f.time); };
  wlancode::diagnose::detail::chronological_feed<decltype(to_analyzer)> feed(to_analyzer);
  wlancode::scan::scan_memory(log, "mem.log", o, [&](const wlancode::scan::finding& f) { feed.add(f); });
  feed.flush();
  an.add_input("mem.log");
  return an.finish();
}
using V = std::vector<std::string>;
using fields = std::vector<std::pair<std::string, std::string>>;

struct adapter {
  std::string guid, name, mac;
};
inline const adapter wifi_a{"{5b1e0c3a-7d42-4e8f-9a61-0c2d4e6f8a01}", "Contoso Wireless AX210", "02:00:00:aa:00:01"};
inline const adapter wifi_b{"{9c4d2e1f-3a5b-4c6d-8e7f-1a2b3c4d5e02}", "Fabrikam USB Wi-Fi 6", "02:00:00:bb:00:02"};

// One WLAN-AutoConfig event: its id, time (hh:mm:ss on 2026-03-02), adapter, SSID, connection
// id and its own data fields (after the common ones, as the provider orders them).
struct event {
  int id;
  std::string time;
  const adapter* ad;
  std::string ssid, connection;
  fields own;
};

inline fields data_of(const event& e) {
  fields d;
  if (e.id < 11000)  // AcmConnection events
    d = {{"InterfaceGuid", e.ad->guid},
         {"InterfaceDescription", e.ad->name},
         {"ConnectionMode", "Automatic connection with a profile"},
         {"ProfileName", e.ssid},
         {"SSID", e.ssid},
         {"BSSType", "Infrastructure"}};
  else  // MsmAssociation, MsmSecurity, OneXAuthentication events
    d = {{"Adapter", e.ad->name},
         {"DeviceGuid", e.ad->guid},
         {"LocalMac", e.ad->mac},
         {"SSID", e.ssid},
         {"BSSType", "Infrastructure"}};
  if (e.id == 8004)  // the networks blocked: "SSIDs", rendered "SSID(s):"
    for (auto& [k, v] : d)
      if (k == "SSID") k = "SSIDs";
  d.insert(d.end(), e.own.begin(), e.own.end());
  d.emplace_back("ConnectionId", e.connection);
  return d;
}

// wevtutil qe /f:xml: one event a line. `indent`: a tag a line (Event Viewer's XML view).
inline std::string as_xml(const std::vector<event>& evs, bool indent = false) {
  const std::string nl = indent ? "\n  " : "";
  std::string out;
  for (const event& e : evs) {
    out += "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>" + nl +
           "<System><Provider Name='Microsoft-Windows-WLAN-AutoConfig' "
           "Guid='{9580d7dd-0379-4658-9870-d5be7d52d6de}'/>" +
           nl + "<EventID>" + std::to_string(e.id) + "</EventID>" + nl + "<Level>4</Level>" + nl +
           "<TimeCreated SystemTime='2026-03-02T" + e.time + ".4180032Z'/>" + nl +
           "<Channel>Microsoft-Windows-WLAN-AutoConfig/Operational</Channel><Computer>LAPTOP-7</Computer></System>" +
           nl + "<EventData>";
    for (const auto& [k, v] : data_of(e)) out += nl + "<Data Name='" + k + "'>" + v + "</Data>";
    out += nl + "</EventData></Event>\n";
  }
  return out;
}

// The rendered message: the template's first line, then "Label: value" lines.
inline std::vector<std::string> message_of(const event& e) {
  static const std::map<int, std::string> heads = {
      {8000, "WLAN AutoConfig service started a connection to a wireless network."},
      {8001, "WLAN AutoConfig service has successfully connected to a wireless network."},
      {8002, "WLAN AutoConfig service failed to connect to a wireless network."},
      {8003, "WLAN AutoConfig service has successfully disconnected from a wireless network."},
      {8004, "Wireless network is blocked due to connection failure."},
      {11000, "Wireless network association started."},
      {11001, "Wireless network association succeeded."},
      {11002, "Wireless network association failed."},
      {11004, "Wireless security stopped."},
      {11005, "Wireless security succeeded."},
      {11006, "Wireless security failed."},
      {11007, "Wireless IHV security started."},
      {11008, "Wireless IHV security succeeded."},
      {11009, "Wireless IHV security failed."},
      {11010, "Wireless security started."},
      {12011, "Wireless 802.1x authentication started."},
      {12012, "Wireless 802.1x authentication succeeded."},
      {12013, "Wireless 802.1x authentication failed."},
      {12014, "Wireless 802.1x authentication was restarted."}};
  static const std::map<std::string, std::string> labels = {{"InterfaceGuid", "Interface GUID"},
                                                            {"DeviceGuid", "Interface GUID"},
                                                            {"InterfaceDescription", "Network Adapter"},
                                                            {"Adapter", "Network Adapter"},
                                                            {"LocalMac", "Local MAC Address"},
                                                            {"ConnectionMode", "Connection Mode"},
                                                            {"ProfileName", "Profile Name"},
                                                            {"BSSType", "BSS Type"},
                                                            {"PeerMac", "Peer MAC Address"},
                                                            {"FailureReason", "Failure Reason"},
                                                            {"ReasonText", "Reason"},
                                                            {"Reason", "Reason"},
                                                            {"ErrorCode", "Error"},
                                                            {"EAPReasonCode", "EAP Reason"},
                                                            {"EAPErrorCode", "EAP Error"},
                                                            {"Dot11StatusCode", "Dot11 Status Code"},
                                                            {"SecurityHint", "Security Hint"},
                                                            {"IhvReasonCode", "Reason"},
                                                            {"SSIDs", "SSID(s)"},
                                                            {"BlockTime", "Length of block timer (minutes)"}};
  std::vector<std::string> out{heads.at(e.id), ""};
  for (const auto& [k, v] : data_of(e)) {
    // The message shows no ReasonCode, ConnectionId or hint code: only the data hold them.
    if (k == "ReasonCode" || k == "ConnectionId" || k == "SecurityHintCode") continue;
    std::string label = k == "SSID" && e.id >= 11000 ? "Network SSID" : labels.count(k) ? labels.at(k) : k;
    out.push_back(label + (k == "FailureReason" && e.id < 11000 ? ":" : ": ") + v);
  }
  return out;
}

// wevtutil qe /f:text.
inline std::string as_text(const std::vector<event>& evs) {
  std::string out;
  for (std::size_t i = 0; i < evs.size(); ++i) {
    const event& e = evs[i];
    out += "Event[" + std::to_string(i) +
           "]:\n  Log Name: Microsoft-Windows-WLAN-AutoConfig/Operational\n  Source: "
           "Microsoft-Windows-WLAN-AutoConfig\n  Date: 2026-03-02T" +
           e.time + ".418\n  Event ID: " + std::to_string(e.id) +
           "\n  Task: N/A\n  Level: Information\n  Opcode: Info\n  Keyword: N/A\n  User: S-1-5-18\n  User Name: NT "
           "AUTHORITY\\SYSTEM\n  Computer: LAPTOP-7\n  Description: \n";
    for (const std::string& l : message_of(e)) out += l + "\n";
    out += "\n";
  }
  return out;
}

// Get-WinEvent | Format-List (default view): TimeCreated, ProviderName, Id, Message (its next
// lines indented under the first).
inline std::string as_format_list(const std::vector<event>& evs) {
  std::string out;
  for (const event& e : evs) {
    const int h = std::stoi(e.time.substr(0, 2));
    out += "\nTimeCreated  : 3/2/2026 " + std::to_string(h % 12 == 0 ? 12 : h % 12) + e.time.substr(2) +
           (h < 12 ? " AM" : " PM") +
           "\nProviderName : Microsoft-Windows-WLAN-AutoConfig\nId           : " + std::to_string(e.id) + "\n";
    const std::vector<std::string> m = message_of(e);
    for (std::size_t i = 0; i < m.size(); ++i) out += (i == 0 ? "Message      : " : "               ") + m[i] + "\n";
  }
  return out;
}

// Get-WinEvent | Export-Csv (Windows PowerShell 5.1: a #TYPE line, then every property as a
// quoted cell, Message first, empty ones bare); `sep` ';' as -UseCulture writes in cultures whose
// list separator it is. `provider` for other providers' rows.
inline std::string as_csv(const std::vector<event>& evs, char sep = ',',
                          const std::string& provider = "Microsoft-Windows-WLAN-AutoConfig") {
  const std::string d(1, sep), q = "\"", qd = q + d + q;
  std::string out = "#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord\n\"Message" + qd + "Id" + qd + "Version" +
                    qd + "Qualifiers" + qd + "Level" + qd + "RecordId" + qd + "ProviderName" + qd + "LogName" + qd +
                    "MachineName" + qd + "TimeCreated" + qd + "LevelDisplayName" + qd + "Properties\"\n";
  int record = 4100;
  for (const event& e : evs) {
    std::string message;
    for (const std::string& l : message_of(e)) message += (message.empty() ? "" : "\n") + l;
    const int h = std::stoi(e.time.substr(0, 2));
    out += q + message + qd + std::to_string(e.id) + qd + "0" + q + d + d + q + "4" + qd + std::to_string(++record) +
           qd + provider + qd + "Microsoft-Windows-WLAN-AutoConfig/Operational" + qd + "LAPTOP-7" + qd + "3/2/2026 " +
           std::to_string(h % 12 == 0 ? 12 : h % 12) + e.time.substr(2) + (h < 12 ? " AM" : " PM") + qd +
           "Information" + qd +
           "System.Collections.Generic.List`1[System.Diagnostics.Eventing.Reader.EventProperty]\"\n";
  }
  return out;
}

inline std::vector<event> newest_first(std::vector<event> evs) {
  std::reverse(evs.begin(), evs.end());
  return evs;
}

// A join that works: 8000, association, security, 8001 (hh:mm, seconds 00 .. 05).
inline std::vector<event> good_join(const adapter& ad, const std::string& ssid, const std::string& cid,
                                    const std::string& hhmm) {
  return {{8000, hhmm + ":00", &ad, ssid, cid, {}},
          {11000, hhmm + ":01", &ad, ssid, cid, {{"AuthenticationAlgorithm", "WPA2-Personal"}}},
          {11001, hhmm + ":02", &ad, ssid, cid, {}},
          {11010, hhmm + ":03", &ad, ssid, cid, {{"AuthenticationAlgorithm", "WPA2-Personal"}}},
          {11005, hhmm + ":04", &ad, ssid, cid, {}},
          {8001, hhmm + ":05", &ad, ssid, cid, {{"PHYType", "802.11ax"}, {"OnexEnabled", "0"}}}};
}

// A wrong pre-shared key: 11006 "A PSK mismatch is suspected." (0x48014), 11004, 8002.
inline std::vector<event> wrong_psk(const adapter& ad, const std::string& ssid, const std::string& cid,
                                    const std::string& hhmm) {
  return {{8000, hhmm + ":00", &ad, ssid, cid, {}},
          {11000, hhmm + ":01", &ad, ssid, cid, {}},
          {11001, hhmm + ":02", &ad, ssid, cid, {}},
          {11010, hhmm + ":03", &ad, ssid, cid, {}},
          {11006,
           hhmm + ":07",
           &ad,
           ssid,
           cid,
           {{"PeerMac", "02:00:00:00:10:01"},
            {"ReasonText", "A PSK mismatch is suspected."},
            {"ReasonCode", "0x48014"},
            {"ErrorCode", "0x0"}}},
          {11004, hhmm + ":08", &ad, ssid, cid, {{"SecurityHint", "No Hint"}, {"SecurityHintCode", "0x0"}}},
          {8002,
           hhmm + ":09",
           &ad,
           ssid,
           cid,
           {{"FailureReason", "A PSK mismatch is suspected."}, {"ReasonCode", "294932"}}}};
}

// 802.1X rejected: 12011, 12013 (ONEX reason 0x50005, EAP reason and error), then the security
// layer's 11006 with the same reason, 11004 and 8002.
inline std::vector<event> eap_rejected(const std::string& hhmm) {
  const adapter& ad = wifi_a;
  const fields reason{{"PeerMac", "02:00:00:00:20:01"},
                      {"ReasonText", "Explicit Eap failure received"},
                      {"ReasonCode", "0x50005"},
                      {"ErrorCode", "0x80420112"}};
  fields eap = reason;
  eap.insert(eap.begin() + 1, {"Identity", "host/laptop-7"});
  eap.emplace_back("EAPReasonCode", "0x80420100");
  eap.emplace_back("EAPRootCauseString", "The server certificate is not trusted.");
  eap.emplace_back("EAPErrorCode", "0x80420112");
  return {{8000, hhmm + ":00", &ad, "Corp", "0x2", {}},
          {11000, hhmm + ":01", &ad, "Corp", "0x2", {}},
          {11001, hhmm + ":01", &ad, "Corp", "0x2", {}},
          {11010, hhmm + ":02", &ad, "Corp", "0x2", {}},
          {12011, hhmm + ":03", &ad, "Corp", "0x2", {{"EAPMethodType", "25"}}},
          {12013, hhmm + ":05", &ad, "Corp", "0x2", eap},
          {11006, hhmm + ":06", &ad, "Corp", "0x2", reason},
          {11004, hhmm + ":06", &ad, "Corp", "0x2", {{"SecurityHint", "No Hint"}}},
          {8002,
           hhmm + ":07",
           &ad,
           "Corp",
           "0x2",
           {{"FailureReason", "Explicit Eap failure received"}, {"ReasonCode", "327685"}}}};
}

inline std::map<std::string, V> attempts_by_network(const wlancode::diagnose::report& r) {
  std::map<std::string, V> out;
  for (const auto& g : r.groups)
    for (const auto& a : g.attempts) out[g.interface + " " + g.ssid].push_back(attempt_with_code(a));
  return out;
}

// "ended_by roams" of each session of the network's group.
inline V sessions_of(const wlancode::diagnose::report& r, const std::string& ssid) {
  V out;
  for (const auto& g : r.groups)
    if (g.ssid == ssid)
      for (const auto& s : g.sessions)
        out.push_back(std::string(to_string(s.ended_by)) + " " + std::to_string(s.roams));
  return out;
}

}  // namespace windows_events
