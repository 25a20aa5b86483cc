// The container of netsh wlan show wlanreport: the HTML report and the XML beside it
// (C:\ProgramData\Microsoft\Windows\WlanReport\wlan-report-latest.{html,xml}). ETW text is line
// rules (grammar/rules.def).
//
// The report lists sessions, each with the events Windows logged in it (WLAN AutoConfig, NCSI,
// NDIS, ...). HTML: a session header (<div class="session"><p>Interface:<b>..</b></p>
// <p>SSID:<b>..</b></p> ... <p>Disconnect Reason:<b>..</b></p>) and a table of rows
// <tr class="wlan connect"><td>8000<a id=".."></a></td><td>2024-08-01T14:35:18</td><td><div
// class="message">[+] <span class="message-body">Label: value<br>...</span></div></td></tr>.
// XML: <WlanSession interface=".." ssid=".." disconnect=".."> around <WlanEvent type=".."> with
// <EventID>, <EventTime> and a multi-line <EventMessage>. Each event goes through the event fields
// (event_fields.hpp) as an exported event does: its lifecycle event from its id (the
// WLANCODE_EVENT_ID rows), its codes from its "Label: value" lines. <SessionSnapshot> repeats
// those events for the chart (FILETIME stamps) and is skipped. Lines that hold none of this keep
// the report's older reading (wlanreport_text.cpp).
#include <algorithm>
#include <span>

#include "event_fields.hpp"
#include "internal.hpp"
#include "text.hpp"
#include "wlanreport_text.hpp"

namespace wlancode::scan::detail {
namespace {

// The lower-case name of a tag's text ("tr class=..", "/td", "br/"): "tr", "/td", "br".
std::string tag_name(std::string_view tag) {
  std::string n;
  for (char c : tag) {
    if (c == ' ' || c == '\t' || c == '>' || (c == '/' && !n.empty())) break;
    n += lower(c);
    if (n.size() > 24) break;
  }
  return n;
}

// The value of attribute `name` in a tag's text (either quote), "" when absent.
std::string_view attr_of(std::string_view tag, std::string_view name) {
  for (std::size_t k = ifind(tag, name); k != std::string_view::npos; k = ifind(tag, name, k + 1)) {
    const std::size_t q = k + name.size() + 1;
    if (k == 0 || (tag[k - 1] != ' ' && tag[k - 1] != '\t') || q >= tag.size() || tag[q - 1] != '=' ||
        (tag[q] != '"' && tag[q] != '\''))
      continue;
    const std::size_t e = tag.find(tag[q], q + 1);
    return e == std::string_view::npos ? tag.substr(q + 1) : tag.substr(q + 1, e - q - 1);
  }
  return {};
}

// The provider of a report event, by its row class or type ("wlan connect", "ncsi internet",
// "ndis wake"): WLAN AutoConfig's events are the ones with lifecycle events and codes; another
// provider's ReasonCode is not a Wi-Fi code (event_fields.cpp). An unknown class says nothing.
// The report prints an error event's row with the class "error" alone (its stylesheet's bold red
// row), split over three lines (`<tr class="`, `error`, `">`): WLAN AutoConfig's 8002 and 10002
// rows of Windows 10 and 11 reports. A class of that kind names the row's state, not its
// provider, and says nothing either.
std::string_view provider_of(std::string_view cls) {
  cls = trim(cls);
  if (cls.empty() || cls.starts_with("wlan")) return cls.empty() ? "" : "WLAN-AutoConfig";
  if (cls.starts_with("eap")) return "";
  const std::string_view first = cls.substr(0, std::min(cls.find_first_of(" \t"), cls.size()));
  if (iequals(first, "error")) return "";
  return first;
}

// An event id as the report prints it: 1 to 5 digits.
bool is_event_id(std::string_view s) {
  return !s.empty() && s.size() <= 5 && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c); });
}

bool is_reason_label(std::string_view label) {
  return iequals(label, "Reason") || iequals(label, "Failure Reason") || iequals(label, "Disconnect Reason");
}

class wlanreport_container final : public container {
 public:
  explicit wlanreport_container(bool events) : ev_(input_format::wlanreport, events) {}
  // A report is a whole file: every line is its own.
  bool open() const noexcept override { return true; }
  void finish(std::vector<candidate>& out) override {
    end_event(out);
    end_session(out);
  }
  bool take(const line& l, std::vector<candidate>& out) override {
    // Key material never reaches here: lines are scrubbed of secrets first (secrets.cpp), also
    // when an element spans lines; a minified report's one line keeps all else.
    if (structure(l, out)) return true;
    // A line without an element's end or a break is no part of the report's rows, whose cells
    // close on their line (a log pasted before or after the report, in one file, with its own
    // "<info>" or "<6>"): the line rules read it.
    if (l.text.find("</") == std::string_view::npos && l.text.find("<br") == std::string_view::npos) return false;
    reason_texts(l, last_event_, out);
    return true;
  }

 private:
  static constexpr std::size_t max_text = 4096;      // a cell, message line or header value kept
  static constexpr std::size_t excerpt_room = 1024;  // of a line, more than an excerpt shows

  // ---- the sessions and their events ------------------------------------------------------
  // Walks the line's tags and text; true when the line held a part of a session or an event
  // (those lines meet no "Reason:" search: their reasons are the events').
  bool structure(const line& l, std::vector<candidate>& out) {
    claimed_ = false;
    std::string_view s = l.text;
    std::size_t pos = 0;
    if (!tag_.empty()) {  // a tag that began on an earlier line
      const std::size_t gt = s.find('>');
      tag_ += s.substr(0, gt == std::string_view::npos ? s.size() : gt);
      if (tag_.size() > max_text) tag_.resize(max_text);
      if (gt == std::string_view::npos) return claimed_ || in_structure();
      const std::string t = std::move(tag_);
      tag_.clear();
      on_tag(t, 0, l, out);
      pos = gt + 1;
    }
    while (pos <= s.size()) {
      const std::size_t lt = s.find('<', pos);
      on_text(s.substr(pos, (lt == std::string_view::npos ? s.size() : lt) - pos), l);
      if (lt == std::string_view::npos) break;
      const std::size_t gt = s.find('>', lt);
      if (gt == std::string_view::npos) {
        tag_ = std::string(s.substr(lt + 1, max_text));
        break;
      }
      on_tag(s.substr(lt + 1, gt - lt - 1), lt, l, out);
      pos = gt + 1;
    }
    // A line ends a line of a message (the XML's messages span lines).
    if (in_message()) end_message_line(l);
    return claimed_;
  }

  bool in_message() const noexcept { return (event_row_ && cell_ == 2) || xml_message_; }
  bool in_structure() const noexcept { return snapshot_ || event_row_ || xml_event_; }

  void on_text(std::string_view t, const line& l) {
    if (t.empty()) return;
    if (snapshot_) {
      claimed_ = true;
      return;
    }
    if (in_message()) {
      claimed_ = true;
      if (trim(t) == "[+]" || trim(t) == "[-]") return;  // the HTML's expand button
      append(message_, t);
      message_line_ = l.number;
      return;
    }
    if (xml_field_) {
      append(field_, t);
      return;
    }
    if (row_ && (cell_ == 0 || cell_ == 1)) {
      append(cell_text_[static_cast<std::size_t>(cell_)], t);
      return;
    }
    if (in_b_) {
      append(header_value_, t);
    } else if (in_p_) {
      append(header_label_, t);
    }
  }

  // `at`: where the tag starts on the line (a row's excerpt starts there).
  void on_tag(std::string_view tag, std::size_t at, const line& l, std::vector<candidate>& out) {
    const std::string n = tag_name(tag);
    if (snapshot_) {
      claimed_ = true;
      if (n == "/sessionsnapshot") snapshot_ = false;
      return;
    }
    if (n == "sessionsnapshot") {
      claimed_ = snapshot_ = true;
    } else if (n == "span" && event_row_ && cell_ == 2 && attr_of(tag, "class") == "message-body") {
      // The excerpt of the event and its codes starts at the message, past the expand button.
      start_line_ = l.number;
      start_at_ = at + tag.size() + 2;
      if (!have_line_) ev_.set_event_line(from_start(l));
    } else if (n == "br" || n == "/div" || n == "/span" || n == "p" || n == "/p") {
      if (in_message()) end_message_line(l);
      if (n == "p") {
        p_line_ = l.number;
        p_at_ = at;
        in_p_ = true;
        in_b_ = false;
        header_label_.clear();
        header_value_.clear();
      } else if (n == "/p") {
        in_p_ = in_b_ = false;
      }
    } else if (n == "tr") {
      end_event(out);
      row_ = true;
      cell_ = -1;
      start_line_ = l.number;
      start_at_ = at;
      cell_text_[0].clear();
      cell_text_[1].clear();
      class_ = std::string(provider_of(attr_of(tag, "class")));
    } else if (n == "td") {
      if (!row_) return;
      if (in_message()) end_message_line(l);
      ++cell_;
      if (cell_ == 2) begin_row_event(l);
    } else if (n == "/tr" || n == "/table") {
      end_event(out);
    } else if (n == "div") {
      if (attr_of(tag, "class") == "session") {
        end_event(out);
        end_session(out);
        session_ = true;
        claimed_ = true;
      }
    } else if (n == "b") {
      if (in_p_) in_b_ = true;
    } else if (n == "/b") {
      if (in_b_) header_field(l);
      in_b_ = in_p_ = false;
    } else if (n == "wlansession") {
      end_event(out);
      end_session(out);
      session_ = claimed_ = true;
      set_session(interface_, attr_of(tag, "interface"));
      set_session(ssid_, attr_of(tag, "ssid"));
      if (ssid_.empty()) set_session(ssid_, attr_of(tag, "profile"));
      set_session(disconnect_, attr_of(tag, "disconnect"));
      disconnect_line_ = l.number;
      disconnect_excerpt_ = excerpt_of(l.text.substr(at, excerpt_room));
    } else if (n == "/wlansession") {
      end_event(out);
      end_session(out);
      claimed_ = true;
    } else if (n == "wlanevent") {
      end_event(out);
      claimed_ = xml_event_ = true;
      start_line_ = l.number;
      start_at_ = at;
      ev_.begin();
      ev_.set_event_line(from_start(l));
      ev_.set_provider(provider_of(attr_of(tag, "type")));
    } else if (n == "/wlanevent") {
      claimed_ = true;
      end_event(out);
    } else if (xml_event_ && (n == "eventid" || n == "eventtime")) {
      claimed_ = xml_field_ = true;
      field_.clear();
    } else if (xml_event_ && (n == "/eventid" || n == "/eventtime")) {
      claimed_ = true;
      xml_field_ = false;
      if (n == "/eventid" && is_event_id(trim(field_))) {
        ev_.set_id(trim(field_));
        has_id_ = true;
      } else if (n == "/eventtime") {
        ev_.set_time(trim(field_));
        last_time_ = std::string(trim(field_).substr(0, 64));
      }
    } else if (xml_event_ && n == "eventmessage") {
      claimed_ = xml_message_ = true;
    } else if (n == "/eventmessage") {
      if (xml_message_) end_message_line(l);
      xml_message_ = false;
    }
  }

  // A header's "Label:<b>value</b>" (HTML): the session's interface, SSID and disconnect reason.
  void header_field(const line& l) {
    std::string_view label = trim(header_label_);
    if (label.ends_with(':')) label = trim(label.substr(0, label.size() - 1));
    // An excerpt cut inside a session's header, after its <div class="session">, still holds
    // the header's paragraphs: one only a session header prints starts that session, so its
    // "Disconnect Reason" is the session's (told again by its events), not a failure of its own.
    if (!session_ && (iequals(label, "SSID") || iequals(label, "Profile") || iequals(label, "Connection Mode") ||
                      iequals(label, "Session Duration") || iequals(label, "Disconnect Reason")))
      session_ = true;
    if (!session_) return;
    if (iequals(label, "Interface")) {
      set_session(interface_, header_value_);
    } else if (iequals(label, "SSID")) {
      set_session(ssid_, header_value_);
    } else if (iequals(label, "Profile")) {
      if (ssid_.empty()) set_session(ssid_, header_value_);
    } else if (iequals(label, "Disconnect Reason")) {
      set_session(disconnect_, header_value_);
      disconnect_line_ = l.number;
      disconnect_excerpt_ = excerpt_of(l.text.substr(p_line_ == l.number ? p_at_ : 0, excerpt_room));
    } else {
      return;
    }
    claimed_ = true;
  }

  static void set_session(std::string& to, std::string_view v) {
    std::string t(trim(v).substr(0, 512));
    decode_entities(t);
    to = std::string(trim(t));
  }

  static void append(std::string& to, std::string_view t) {
    if (to.size() < max_text) to += t.substr(0, max_text - to.size());
  }

  // The message cell starts: the row is an event when its first cells are an event id and a time.
  void begin_row_event(const line& l) {
    const std::string_view id = trim(cell_text_[0]), when = trim(cell_text_[1]);
    // A time the timestamp layer reads, or one printed some other way (kept as printed).
    const bool time = !leading_timestamp(when).empty() ||
                      (!when.empty() && is_digit(when[0]) && when.find(':') != std::string_view::npos);
    if (!is_event_id(id) || !time) return;
    event_row_ = claimed_ = true;
    ev_.begin();
    ev_.set_id(id);
    ev_.set_time(when);
    ev_.set_provider(class_);
    has_id_ = true;
    last_time_ = std::string(when.substr(0, 64));
    ev_.set_event_line(from_start(l));
  }

  // The line from the start of its row or element (a minified report is one line): excerpts
  // show the event, not the report's head.
  // Only its head: an excerpt is capped, and a minified report's line is the whole report.
  line from_start(const line& l) const {
    const std::size_t at = start_line_ == l.number && start_at_ < l.text.size() ? start_at_ : 0;
    return line{l.text.substr(at, excerpt_room), l.number, l.truncated};
  }

  void end_message_line(const line& l) {
    if (message_.empty()) return;
    decode_entities(message_);
    const std::string_view m = trim(message_);
    if (!m.empty()) {
      const line at = from_start(l);
      if (!have_line_) {
        ev_.set_event_line(at);
        have_line_ = true;
      }
      if (const std::size_t colon = m.find(':'); colon != std::string_view::npos && colon <= 40)
        if (is_reason_label(trim(m.substr(0, colon)))) has_reason_ = true;
      ev_.add_message_line(m, at);
    }
    message_.clear();
    message_line_ = 0;
  }

  // The event in progress ends (its row or element closed, another began, the input ended): the
  // session header fills what the message does not say (a localized message's labels).
  void end_event(std::vector<candidate>& out) {
    if (in_message()) {
      const line none{{}, message_line_, false};
      end_message_line(none);
    }
    if (ev_.active() && has_id_) {
      const line header{disconnect_excerpt_, disconnect_line_, false};
      if (!interface_.empty()) ev_.add("Interface Description", interface_, header, true);
      if (!ssid_.empty()) ev_.add("SSID", ssid_, header, true);
      if (ev_.id() == "8003" && !has_reason_ && usable(disconnect_)) {
        ev_.add("Reason", disconnect_, header, true);
        disconnect_used_ = true;
      }
      if (ev_.id() == "8003") disconnect_used_ = true;  // the event's own reason says it
      ev_.flush(out);
    } else if (ev_.active()) {
      ev_.flush(out);
    }
    row_ = event_row_ = xml_event_ = xml_message_ = xml_field_ = false;
    has_id_ = has_reason_ = have_line_ = false;
    cell_ = -1;
    message_.clear();
  }

  static bool usable(std::string_view reason) { return !reason.empty() && !iequals(reason, "Unknown"); }

  // A session ends: a disconnect reason no 8003 event of it carried is still reported.
  void end_session(std::vector<candidate>& out) {
    if (session_ && !disconnect_used_ && usable(disconnect_)) {
      candidate c;
      c.format = input_format::wlanreport;
      c.rule = "wlanreport";
      c.field = "Disconnect Reason";
      c.kind = candidate::how::raw;
      c.space = "event_8003_reason";
      c.text = disconnect_.substr(0, 512);
      c.event_id = "8003";
      c.line = disconnect_line_;
      c.excerpt = disconnect_excerpt_;
      c.timestamp = last_time_;
      c.ssid = ssid_;
      c.interface = interface_;
      out.push_back(std::move(c));
    }
    session_ = disconnect_used_ = false;
    interface_.clear();
    ssid_.clear();
    disconnect_.clear();
    disconnect_excerpt_.clear();
    last_time_.clear();
    disconnect_line_ = 0;
  }

  event_builder ev_;
  std::string tag_;  // a tag not closed on its line
  bool claimed_ = false;
  bool snapshot_ = false;
  // HTML rows: cell 0 the event id, 1 the time, 2 the message.
  bool row_ = false, event_row_ = false;
  int cell_ = -1;
  std::string cell_text_[2];
  std::string class_;
  // XML events.
  bool xml_event_ = false, xml_message_ = false, xml_field_ = false;
  std::string field_;
  // The event's message line being gathered, and what the event said so far.
  std::string message_;
  std::uint64_t message_line_ = 0;
  std::uint64_t start_line_ = 0;  // the line and offset where the event's row or element starts
  std::size_t start_at_ = 0;
  bool has_id_ = false, has_reason_ = false, have_line_ = false;
  // HTML session header paragraphs.
  bool in_p_ = false, in_b_ = false;
  std::uint64_t p_line_ = 0;  // where the paragraph starts
  std::size_t p_at_ = 0;
  std::string header_label_, header_value_;
  // The session.
  bool session_ = false, disconnect_used_ = false;
  std::string interface_, ssid_, disconnect_, disconnect_excerpt_, last_time_;
  std::uint64_t disconnect_line_ = 0;

  std::string last_event_;  // of the older reading (wlanreport_text.hpp)
};

}  // namespace

std::unique_ptr<container> make_wlanreport_container(bool events) {
  return std::make_unique<wlanreport_container>(events);
}

}  // namespace wlancode::scan::detail
