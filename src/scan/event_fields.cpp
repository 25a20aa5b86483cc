// The fields of one Windows event -> candidates (see event_fields.hpp).
#include "event_fields.hpp"

#include <algorithm>

#include "text.hpp"

namespace wlancode::scan::detail {
namespace {

// A whole token that is a number: "229380", "0x00038004", "-2147024891".
bool is_number(std::string_view t) {
  if (t.empty() || t.size() > 12) return false;
  if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) return std::all_of(t.begin() + 2, t.end(), is_hex);
  if (t[0] == '-') t.remove_prefix(1);
  return !t.empty() && std::all_of(t.begin(), t.end(), is_digit);
}

// "Explicit Eap failure received (0x50005)" -> text + number.
void split_text_number(std::string_view v, std::string_view& text, std::string_view& number) {
  v = trim(v);
  text = v;
  number = {};
  if (is_number(v)) {
    text = {};
    number = v;
    return;
  }
  if (!v.empty() && v.back() == ')') {
    const std::size_t open = v.rfind('(');
    if (open != std::string_view::npos && is_number(v.substr(open + 1, v.size() - open - 2))) {
      number = v.substr(open + 1, v.size() - open - 2);
      text = trim(v.substr(0, open));
    }
  }
}

// Events whose ReasonCode is a WLAN_REASON_CODE (WLAN-AutoConfig, 802.1X, Security auditing).
bool reason_is_wlan(std::string_view id) {
  static constexpr std::string_view ids[] = {"8002",  "11004", "11005", "11006", "11010",
                                             "12011", "12012", "12013", "5632",  "5633"};
  return std::find(std::begin(ids), std::end(ids), id) != std::end(ids);
}

// A 12013's EAP reason and EAP error: data names, and the rendered message's labels ("EAP Reason:
// 0x80420100", "EAP Error: 0x80420112" in wevtutil /f:text and Format-List).
bool eap_reason_label(std::string_view n) {
  return iequals(n, "EAPReasonCode") || iequals(n, "EAP Reason Code") || iequals(n, "EAP Reason");
}
bool eap_error_label(std::string_view n) {
  return iequals(n, "EAPErrorCode") || iequals(n, "EAP Error Code") || iequals(n, "EAP Error");
}

// Labels an event's fields carry (data names and rendered "Label:" lines): a line with one is the
// event's own and meets no line rule.
bool known_label(std::string_view n) {
  static constexpr std::string_view labels[] = {"ReasonCode",
                                                "Reason Code",
                                                "FailureReason",
                                                "Failure Reason",
                                                "ReasonText",
                                                "Reason",
                                                "Dot11StatusCode",
                                                "Dot11 Status Code",
                                                "Status Code",
                                                "StatusCode",
                                                "EAPReasonCode",
                                                "EAP Reason Code",
                                                "EAP Reason",
                                                "ErrorCode",
                                                "Error Code",
                                                "EAPErrorCode",
                                                "EAP Error Code",
                                                "EAP Error",
                                                "Error",
                                                "SSID",
                                                "Name (SSID)",
                                                "Network SSID",
                                                "BSSID",
                                                "PeerMac",
                                                "AP MAC Address",
                                                "Peer MAC Address",
                                                "Event ID",
                                                "Date",
                                                "Log Name",
                                                "Source",
                                                "Task",
                                                "Level",
                                                "Opcode",
                                                "Keyword",
                                                "Keywords",
                                                "User",
                                                "User Name",
                                                "Computer",
                                                "Description",
                                                "Network Adapter",
                                                "Interface GUID",
                                                "Connection Mode",
                                                "Profile Name",
                                                "BSS Type",
                                                "Interface Description"};
  return std::any_of(std::begin(labels), std::end(labels), [n](std::string_view l) { return iequals(n, l); });
}

// Providers whose events carry Wi-Fi (or wired 802.1X) codes, by a part of their name (exports
// spell them "Microsoft-Windows-WLAN-AutoConfig", Event Viewer text "WLAN-AutoConfig"); Security
// auditing ("Microsoft Windows security auditing." in Event Viewer text) only in 5632/5633.
bool wifi_provider(std::string_view provider, std::string_view id) {
  static constexpr std::string_view providers[] = {
      "WLAN-AutoConfig", "WLAN AutoConfig",   "Wired-AutoConfig", "Wired AutoConfig", "OneX",
      "NWiFi",           "WiFiNetworkManager"};
  if (std::any_of(std::begin(providers), std::end(providers),
                  [provider](std::string_view p) { return ifind(provider, p) != std::string_view::npos; }))
    return true;
  return ifind(provider, "security") != std::string_view::npos &&
         ifind(provider, "auditing") != std::string_view::npos && (id == "5632" || id == "5633");
}

}  // namespace

void event_builder::set_id(std::string_view id) { event_id_ = std::string(trim(id).substr(0, 16)); }

void event_builder::set_id(std::string_view id, const line& l) {
  set_id(id);
  set_event_line(l);
}

void event_builder::set_event_line(const line& l) {
  id_line_ = l.number;
  if (events_) id_excerpt_ = excerpt_of(l.text);
}

void event_builder::set_provider(std::string_view provider) {
  if (provider_.empty()) provider_ = std::string(trim(provider).substr(0, 128));
}

namespace {
// The Windows events that are lifecycle events (WLANCODE_EVENT_ID rows of rules.def).
struct event_id_row {
  std::string_view provider, id;
  event_kind kind;
};
constexpr event_id_row event_id_rows[] = {
#define WLANCODE_EVENT_ID(provider, id, kind) {provider, id, event_kind::kind},
#include "grammar/rules.def"
};
}  // namespace

void event_builder::set_time(std::string_view t) {
  if (timestamp_.empty()) timestamp_ = std::string(trim(t).substr(0, 64));
}

void event_builder::add(std::string_view name, std::string_view value, const line& l, bool from_message) {
  if (!from_message) has_data_ = true;
  if (fields_.size() >= 96) return;
  fields_.push_back({std::string(trim(name)), std::string(trim(value).substr(0, 2048)), l.number, excerpt_of(l.text),
                     l.truncated, from_message});
}

bool event_builder::add_message_line(std::string_view text, const line& l) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon > 40) return false;
  std::string_view label = trim(text.substr(0, colon));
  if (label.empty()) return false;
  if (iequals(label, "Event ID") || label == "Id")  // "Id : 8002": Get-WinEvent | Format-List
    set_id(text.substr(colon + 1), l);
  else if (iequals(label, "Source") || label == "ProviderName")  // ProviderName: Format-List
    set_provider(text.substr(colon + 1));
  else if (iequals(label, "Date") || label == "TimeCreated")  // TimeCreated: Format-List
    set_time(text.substr(colon + 1));
  add(label, text.substr(colon + 1), l, true);
  return known_label(label);
}

void event_builder::flush(std::vector<candidate>& out) {
  active_ = false;
  if (fields_.empty() && !(events_ && !event_id_.empty())) {
    clear();
    return;
  }
  // Named data fields win over the rendered message when both are present.
  const bool data = has_data_;
  std::string ssid, bssid, ifc, connection;
  const field* reason_text = nullptr;
  bool have_reason_code = false;
  for (const field& f : fields_) {
    if (data && f.from_message) continue;
    const std::string& n = f.name;
    if ((iequals(n, "SSID") || iequals(n, "Name (SSID)") || iequals(n, "Network SSID")) && ssid.empty())
      ssid = f.value;
    else if ((iequals(n, "BSSID") || iequals(n, "PeerMac") || iequals(n, "AP MAC Address") ||
              iequals(n, "Peer MAC Address")) &&
             bssid.empty())
      bssid = f.value;
    else if ((iequals(n, "InterfaceDescription") || iequals(n, "Adapter") || iequals(n, "Network Adapter") ||
              iequals(n, "Interface Description")) &&
             ifc.empty())
      ifc = f.value;
    else if (!f.from_message && connection.empty() && iequals(n, "ConnectionId"))  // no message shows it
      connection = f.value.substr(0, 32);
    else if ((iequals(n, "FailureReason") || iequals(n, "Failure Reason") || iequals(n, "ReasonText") ||
              iequals(n, "Reason")) &&
             !reason_text && !f.value.empty())
      reason_text = &f;
    else if (iequals(n, "ReasonCode") || iequals(n, "Reason Code") || (!f.from_message && iequals(n, "IhvReasonCode")))
      have_reason_code = true;
  }
  const bool wlan = reason_is_wlan(event_id_);
  auto base = [&](const field& f, std::string_view label) {
    candidate c;
    c.format = format_;
    c.rule = to_string(format_);
    c.field = label;
    c.line = f.line;
    c.excerpt = f.excerpt;
    c.truncated = f.truncated;
    c.timestamp = timestamp_;
    c.event_id = event_id_;
    c.record = record_;
    c.ssid = ssid;
    c.bssid = bssid;
    c.interface = ifc;
    c.connection = connection;
    return c;
  };
  if (events_ && !event_id_.empty()) {
    for (const event_id_row& r : event_id_rows) {
      if (r.id != event_id_ || !(provider_.empty() || contains(provider_, r.provider))) continue;
      candidate c;
      c.format = format_;
      c.rule = to_string(format_);
      c.kind = candidate::how::event;
      c.event = r.kind;
      c.record = record_;
      c.line = id_line_ ? id_line_ : (fields_.empty() ? 0 : fields_.front().line);
      c.excerpt = id_line_ || fields_.empty() ? id_excerpt_ : fields_.front().excerpt;
      c.timestamp = timestamp_;
      c.event_id = event_id_;
      c.ssid = ssid;
      c.bssid = bssid;
      c.interface = ifc;
      c.connection = connection;
      out.push_back(std::move(c));
      break;
    }
  }
  // Other providers' ReasonCode, Status or Error fields are not Wi-Fi codes.
  const bool codes = provider_.empty() || wifi_provider(provider_, event_id_);
  for (const field& f : fields_) {
    if (!codes) break;
    if (data && f.from_message) continue;
    const std::string& n = f.name;
    std::string_view text, number;
    // IhvReasonCode: an 11009's vendor reason (its message shows it as "Reason:"), a raw number.
    if (iequals(n, "ReasonCode") || iequals(n, "Reason Code") || (!f.from_message && iequals(n, "IhvReasonCode"))) {
      split_text_number(f.value, text, number);
      candidate c = base(f, n);
      if (!text.empty())
        c.text = text;
      else if (reason_text && reason_text != &f)
        c.text = reason_text->value;
      if (!number.empty()) {
        c.token = number;
        if (wlan) {
          c.kind = candidate::how::number;
          c.fam = family::wlan_reason;
        } else {
          c.kind = candidate::how::raw;
          c.space = event_id_.empty() ? "unknown" : "event_" + event_id_ + "_reason";
        }
      } else if (!text.empty() && (wlan || event_id_.empty())) {
        c.kind = candidate::how::text;
      } else if (!text.empty()) {
        c.kind = candidate::how::raw;
        c.space = "event_" + event_id_ + "_reason";
      } else {
        continue;
      }
      out.push_back(std::move(c));
    } else if (iequals(n, "Dot11StatusCode") || iequals(n, "Dot11 Status Code") || iequals(n, "Status Code") ||
               iequals(n, "StatusCode")) {
      split_text_number(f.value, text, number);
      if (number.empty()) continue;
      candidate c = base(f, n);
      c.kind = candidate::how::number;
      c.fam = family::ieee80211_status;
      c.token = number;
      c.init = initiator::network;
      out.push_back(std::move(c));
    } else if (eap_reason_label(n) || eap_error_label(n) || iequals(n, "ErrorCode") || iequals(n, "Error Code") ||
               iequals(n, "Error")) {
      split_text_number(f.value, text, number);
      if (number.empty() || number == "0" || number == "0x0" || number == "0x00000000") continue;
      candidate c = base(f, n);
      c.kind = candidate::how::raw;
      c.token = number;
      c.space = eap_reason_label(n) ? "eap_reason" : eap_error_label(n) ? "eap_error" : "win32_error";
      out.push_back(std::move(c));
    } else if (&f == reason_text && !have_reason_code) {
      // A reason given as text only.
      candidate c = base(f, n);
      c.text = f.value;
      if (wlan || event_id_.empty()) {
        c.kind = candidate::how::text;
      } else {
        c.kind = candidate::how::raw;
        c.space = "event_" + event_id_ + "_reason";
      }
      out.push_back(std::move(c));
    }
  }
  clear();
}

}  // namespace wlancode::scan::detail
