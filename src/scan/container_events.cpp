// Extractors of Windows event logs: event XML (Event Viewer XML view, wevtutil /f:xml,
// ConvertTo-Xml, Export-Clixml) and event text (wevtutil /f:text, Event Viewer text copies).
// Both gather one event's fields, then decide at the end of the event which field holds which
// code space (ReasonCode of 8002 is a WLAN_REASON_CODE, of 8003 it is not).
#include <algorithm>
#include <cstring>

#include "internal.hpp"
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

std::string xml_unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static constexpr std::pair<std::string_view, std::string_view> ents[] = {
          {"&amp;", "&"},  {"&lt;", "<"},   {"&gt;", ">"},   {"&quot;", "\""}, {"&apos;", "'"}, {"&#xD;", "\r"},
          {"&#xA;", "\n"}, {"&#13;", "\r"}, {"&#10;", "\n"}, {"&#x9;", "\t"},  {"&#9;", "\t"}};
      bool done = false;
      for (const auto& [e, r] : ents)
        if (s.substr(i, e.size()) == e) {
          out += r;
          i += e.size() - 1;
          done = true;
          break;
        }
      if (done) continue;
    }
    if (s[i] == '_' && s.substr(i, 7).size() == 7 && s[i + 1] == 'x' && s[i + 6] == '_' &&
        (s.substr(i, 7) == "_x000D_" || s.substr(i, 7) == "_x000A_" || s.substr(i, 7) == "_x0009_")) {
      out += s[i + 5] == 'D' ? '\r' : s[i + 5] == 'A' ? '\n' : '\t';
      i += 6;
      continue;
    }
    out += s[i];
  }
  return out;
}

// Fields of one event.
struct field {
  std::string name, value;
  std::uint64_t line;
  std::string excerpt;
  bool truncated;
  bool from_message;  // a "Label: value" line of the rendered message, not a named data field
};

// Events whose ReasonCode is a WLAN_REASON_CODE (WLAN-AutoConfig, 802.1X, Security auditing).
bool reason_is_wlan(std::string_view id) {
  static constexpr std::string_view ids[] = {"8002",  "11004", "11005", "11006", "11010",
                                             "12011", "12012", "12013", "5632",  "5633"};
  return std::find(std::begin(ids), std::end(ids), id) != std::end(ids);
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
                                                "Status Code",
                                                "StatusCode",
                                                "EAPReasonCode",
                                                "EAP Reason Code",
                                                "ErrorCode",
                                                "Error Code",
                                                "EAPErrorCode",
                                                "EAP Error Code",
                                                "Error",
                                                "SSID",
                                                "Name (SSID)",
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

class event_builder {
 public:
  explicit event_builder(input_format f) : format_(f) {}
  void begin() {
    clear();
    active_ = true;
  }
  bool active() const noexcept { return active_; }
  void set_id(std::string_view id) { event_id_ = std::string(trim(id).substr(0, 16)); }
  void set_time(std::string_view t) {
    if (timestamp_.empty()) timestamp_ = std::string(trim(t).substr(0, 64));
  }
  void add(std::string_view name, std::string_view value, const line& l, bool from_message) {
    if (!from_message) has_data_ = true;
    if (fields_.size() >= 96) return;
    fields_.push_back({std::string(trim(name)), std::string(trim(value).substr(0, 2048)), l.number, excerpt_of(l.text),
                       l.truncated, from_message});
  }
  // Message lines ("Failure Reason: ...") of a rendered message; true when the label is an
  // event field's.
  bool add_message_line(std::string_view text, const line& l) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon > 40) return false;
    std::string_view label = trim(text.substr(0, colon));
    if (label.empty()) return false;
    if (iequals(label, "Event ID"))
      set_id(text.substr(colon + 1));
    else if (iequals(label, "Date"))
      set_time(text.substr(colon + 1));
    add(label, text.substr(colon + 1), l, true);
    return known_label(label);
  }
  void flush(std::vector<candidate>& out) {
    active_ = false;
    if (fields_.empty()) {
      clear();
      return;
    }
    // Named data fields win over the rendered message when both are present.
    const bool data = has_data_;
    std::string ssid, bssid, ifc;
    const field* reason_text = nullptr;
    bool have_reason_code = false;
    for (const field& f : fields_) {
      if (data && f.from_message) continue;
      const std::string& n = f.name;
      if ((iequals(n, "SSID") || iequals(n, "Name (SSID)")) && ssid.empty())
        ssid = f.value;
      else if ((iequals(n, "BSSID") || iequals(n, "PeerMac") || iequals(n, "AP MAC Address") ||
                iequals(n, "Peer MAC Address")) &&
               bssid.empty())
        bssid = f.value;
      else if ((iequals(n, "InterfaceDescription") || iequals(n, "Adapter") || iequals(n, "Network Adapter") ||
                iequals(n, "Interface Description")) &&
               ifc.empty())
        ifc = f.value;
      else if ((iequals(n, "FailureReason") || iequals(n, "Failure Reason") || iequals(n, "ReasonText") ||
                iequals(n, "Reason")) &&
               !reason_text && !f.value.empty())
        reason_text = &f;
      else if (iequals(n, "ReasonCode") || iequals(n, "Reason Code"))
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
      c.ssid = ssid;
      c.bssid = bssid;
      c.interface = ifc;
      return c;
    };
    for (const field& f : fields_) {
      if (data && f.from_message) continue;
      const std::string& n = f.name;
      std::string_view text, number;
      if (iequals(n, "ReasonCode") || iequals(n, "Reason Code")) {
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
      } else if (iequals(n, "Dot11StatusCode") || iequals(n, "Status Code") || iequals(n, "StatusCode")) {
        split_text_number(f.value, text, number);
        if (number.empty()) continue;
        candidate c = base(f, n);
        c.kind = candidate::how::number;
        c.fam = family::ieee80211_status;
        c.token = number;
        c.init = initiator::network;
        out.push_back(std::move(c));
      } else if (iequals(n, "EAPReasonCode") || iequals(n, "EAP Reason Code") || iequals(n, "ErrorCode") ||
                 iequals(n, "Error Code") || iequals(n, "EAPErrorCode") || iequals(n, "EAP Error Code") ||
                 iequals(n, "Error")) {
        split_text_number(f.value, text, number);
        if (number.empty() || number == "0" || number == "0x0" || number == "0x00000000") continue;
        candidate c = base(f, n);
        c.kind = candidate::how::raw;
        c.token = number;
        c.space = (iequals(n, "EAPReasonCode") || iequals(n, "EAP Reason Code")) ? "eap_reason"
                  : (iequals(n, "EAPErrorCode") || iequals(n, "EAP Error Code")) ? "eap_error"
                                                                                 : "win32_error";
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

 private:
  void clear() {
    fields_.clear();
    event_id_.clear();
    timestamp_.clear();
    has_data_ = false;
  }
  input_format format_;
  std::vector<field> fields_;
  std::string event_id_, timestamp_;
  bool has_data_ = false;
  bool active_ = false;
};

// The text between `open_end` (just after '>') and the next '<', or to the end of the line.
std::string_view element_text(std::string_view s, std::size_t from) {
  const std::size_t lt = s.find('<', from);
  return s.substr(from, (lt == std::string_view::npos ? s.size() : lt) - from);
}

// Value of attribute `name` ("Name" in <Data Name="X">) at or after `from`; ' or " quotes.
std::string_view attr(std::string_view s, std::size_t from, std::string_view name, std::size_t* end = nullptr) {
  std::size_t k = s.find(name, from);
  if (k == std::string_view::npos || k + name.size() + 1 >= s.size() || s[k + name.size()] != '=') return {};
  const char q = s[k + name.size() + 1];
  if (q != '"' && q != '\'') return {};
  const std::size_t b = k + name.size() + 2;
  const std::size_t e = s.find(q, b);
  if (e == std::string_view::npos) return {};
  if (end) *end = e + 1;
  return s.substr(b, e - b);
}

class event_xml_container final : public container {
 public:
  event_xml_container() : ev_(input_format::event_xml) {}
  bool open() const noexcept override { return ev_.active() || in_message_; }
  // Lines inside an event, or holding its tags, are the container's.
  bool take(const line& l, std::vector<candidate>& out) override {
    const bool was_open = open();
    tags_ = false;
    parse(l, out);
    return was_open || open() || tags_;
  }
  void finish(std::vector<candidate>& out) override {
    ev_.flush(out);
    in_message_ = false;
  }

 private:
  void parse(const line& l, std::vector<candidate>& out) {
    std::string_view s = l.text;
    std::size_t pos = 0;
    if (in_message_) {
      const std::size_t close = s.find("</");
      message_line(s.substr(0, close == std::string_view::npos ? s.size() : close), l);
      if (close == std::string_view::npos) return;
      in_message_ = false;
      pos = close;
    }
    for (;;) {
      const std::size_t lt = s.find('<', pos);
      if (lt == std::string_view::npos) return;
      std::size_t gt = s.find('>', lt);
      if (gt == std::string_view::npos) gt = s.size();
      const std::string_view tag = s.substr(lt + 1, gt - lt - 1);
      const std::size_t after = std::min(gt + 1, s.size());
      pos = after;
      if (tag.starts_with("Event ") || tag == "Event" || tag.starts_with("Event>") ||
          ((tag.starts_with("Object ") || tag == "Object") && !tag.ends_with("/")) || tag.starts_with("Obj ")) {
        ev_.flush(out);
        ev_.begin();
        tags_ = true;
      } else if (tag == "/Event" || tag == "/Object" || tag == "/Obj") {
        ev_.flush(out);
        tags_ = true;
      } else if (!ev_.active()) {
        continue;  // outside an event: nothing of ours
      } else if (tag.starts_with("EventID")) {
        ev_.set_id(element_text(s, after));
      } else if (tag.starts_with("TimeCreated")) {
        ev_.set_time(attr(tag, 0, "SystemTime"));
      } else if (tag.starts_with("Data ") || tag.starts_with("Data\t")) {
        const std::string_view name = attr(tag, 0, "Name");
        if (name.empty() || tag.ends_with("/")) continue;
        ev_.add(name, xml_unescape(element_text(s, after)), l, false);
      } else if (tag.starts_with("Property ") || tag.starts_with("I32 ") || tag.starts_with("S ") ||
                 tag.starts_with("DT ") || tag.starts_with("U16 ") || tag.starts_with("I64 ")) {
        std::string_view name = attr(tag, 0, "Name");
        if (name.empty()) name = attr(tag, 0, "N");
        if (name == "Id")
          ev_.set_id(element_text(s, after));
        else if (name == "TimeCreated")
          ev_.set_time(element_text(s, after));
        else if (name == "Message")
          message_start(s, after, l);
      } else if (tag == "Message") {
        message_start(s, after, l);
      }
    }
  }
  void message_start(std::string_view s, std::size_t after, const line& l) {
    const std::size_t lt = s.find('<', after);
    message_line(s.substr(after, (lt == std::string_view::npos ? s.size() : lt) - after), l);
    if (lt == std::string_view::npos) in_message_ = true;
  }
  void message_line(std::string_view text, const line& l) {
    const std::string u = xml_unescape(text);
    std::string_view rest(u);
    while (!rest.empty()) {
      const std::size_t nl = rest.find_first_of("\r\n");
      ev_.add_message_line(rest.substr(0, nl), l);
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
  }
  event_builder ev_;
  bool in_message_ = false;
  bool tags_ = false;  // the last line held an event's tags
};

// wevtutil /f:text and Event Viewer copies: an event runs from its "Event[N]:" or "Log Name:"
// line to the next one, at most max_lines lines (a text export has no end marker, and a support
// bundle goes on with other logs).
class event_text_container final : public container {
 public:
  event_text_container() : ev_(input_format::event_text) {}
  bool open() const noexcept override { return ev_.active(); }
  bool take(const line& l, std::vector<candidate>& out) override {
    std::string_view s = trim(l.text);
    if (s.starts_with("- ")) s.remove_prefix(2);
    if (s.starts_with("Event[") || s.starts_with("Log Name:")) {
      ev_.flush(out);
      ev_.begin();
      lines_ = 0;
    }
    if (!ev_.active()) return false;
    const bool own = ev_.add_message_line(s, l) || s.starts_with("Event[");
    if (++lines_ >= max_lines) ev_.flush(out);
    return own;
  }
  void finish(std::vector<candidate>& out) override { ev_.flush(out); }

 private:
  static constexpr std::size_t max_lines = 256;
  event_builder ev_;
  std::size_t lines_ = 0;
};

}  // namespace

std::unique_ptr<container> make_event_xml_container() { return std::make_unique<event_xml_container>(); }
std::unique_ptr<container> make_event_text_container() { return std::make_unique<event_text_container>(); }

}  // namespace wlancode::scan::detail
