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
// those events for the chart (FILETIME stamps) and is skipped when the report's event list
// follows it; an excerpt cut after it holds no other, and then it is read (read_snapshot()).
// The HTML prints the same entries in its script, `var snapshots = [` with one object per entry
// ("type", "error", "time", "message", ..., "correspondingEvent": the id of the event's row,
// `<a id="..">`), after its session list: read only when the input holds no row of a connection
// it copies (an excerpt of the list's last NCSI or NDIS rows and the script), in the rows' wall
// time (js_snapshot(), read_snapshot()).
// Lines that hold none of this keep the report's older reading (wlanreport_text.cpp).
#include <algorithm>
#include <numeric>
#include <optional>
#include <span>
#include <unordered_map>

#include "../evtx/evtx.hpp"
#include "event_fields.hpp"
#include "internal.hpp"
#include "text.hpp"
#include "wlancode/timestamp.hpp"
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
// The report's XSLT gives an event's row the class "error" instead of its type when the event's
// @error is set (its stylesheet's bold red row), a text node printed over three lines
// (`<tr class="`, `error`, `">`): the 8002 and 10002 rows of Windows 10 and 11 reports. That
// class names the row's state, not its provider, and says nothing either: the id decides.
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

// A FILETIME (100 ns since 1601-01-01 UTC, as the snapshot's <EventTime> prints it) as ISO 8601
// UTC, which the timestamp layer reads (the .evtx reader's conversion); none for anything else.
std::optional<std::uint64_t> filetime_of(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 19 || !std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c); }))
    return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) v = v * 10 + static_cast<std::uint64_t>(c - '0');
  if (v == 0) return std::nullopt;  // no time recorded
  return v;
}
std::optional<std::string> filetime_iso(std::string_view s) {
  const auto v = filetime_of(s);
  return v ? std::optional<std::string>(evtx::filetime_iso(*v)) : std::nullopt;
}

// A row's time as the HTML prints it (2024-08-01T17:40:52, the machine's wall time) in seconds
// since 1970 as if it were UTC; none for another layout.
std::optional<std::int64_t> wall_seconds(std::string_view t) {
  t = trim(t);
  if (t.size() < 19 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':') return std::nullopt;
  auto num = [&](std::size_t at, std::size_t n) -> std::int64_t {
    std::int64_t v = 0;
    for (std::size_t k = at; k < at + n; ++k) v = is_digit(t[k]) ? v * 10 + (t[k] - '0') : -1000000;
    return v;
  };
  const std::int64_t y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2), se = num(17, 2);
  if (y < 1601 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60)
    return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + se;
}

class wlanreport_container final : public container {
 public:
  explicit wlanreport_container(bool events) : ev_(input_format::wlanreport, events) {}
  // A report is a whole file: every line is its own.
  bool open() const noexcept override { return true; }
  void finish(std::vector<candidate>& out) override {
    end_event(out);
    end_session(out);
    if (!report_events_) read_snapshot(out);
    snap_.clear();
    row_times_.clear();
    js_ = false;
  }
  bool take(const line& l, std::vector<candidate>& out) override {
    // Key material never reaches here: lines are scrubbed of secrets first (secrets.cpp), also
    // when an element spans lines; a minified report's one line keeps all else.
    if (js_snapshot(l)) return true;
    if (structure(l, out)) return true;
    // A line without an element's end or a break is no part of the report's rows, whose cells
    // close on their line (a log pasted before or after the report, in one file, with its own
    // "<info>" or "<6>"): the line rules read it.
    if (l.text.find("</") == std::string_view::npos && l.text.find("<br") == std::string_view::npos) return false;
    reason_texts(l, last_event_, out);
    return true;
  }

 private:
  // The snapshot's entries (a field per <Event...> element) and the message line being gathered.
  enum snap_part : int { snap_none = -1, snap_type = 0, snap_error, snap_time, snap_ssid, snap_reason, snap_message };
  struct snap_entry {
    std::string field[5];
    std::vector<std::pair<std::string, std::uint64_t>> message;  // its lines and their numbers
    std::string excerpt;
    std::uint64_t line = 0;
    std::string event;  // the HTML script's "correspondingEvent": the id of the event's row
  };
  // Bounds: entries kept (a report's three days chart some hundred), a field's or message line's
  // text, message lines of an entry ("Label: value" lines are short and few).
  static constexpr std::size_t max_snapshot = 512, snap_text_max = 512, snap_lines_max = 16;
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
    if (snapshot_ && snap_field_ == snap_message) end_snap_line(l);
    return claimed_;
  }

  bool in_message() const noexcept { return (event_row_ && cell_ == 2) || xml_message_; }
  bool in_structure() const noexcept { return snapshot_ || event_row_ || xml_event_; }

  void on_text(std::string_view t, const line& l) {
    if (t.empty()) return;
    if (snapshot_) {
      claimed_ = true;
      if (in_snap_entry_ && snap_field_ != snap_none) {
        std::string& to = snap_field_ == snap_message ? snap_text_ : snap_.back().field[snap_field_];
        if (to.size() < snap_text_max) to += t.substr(0, snap_text_max - to.size());
      }
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
      snapshot_tag(n, at, l);
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
      row_anchor_.clear();
    } else if (n == "a") {
      // A row's anchor (<td>8000<a id="80"></a>): the id the script's snapshot names it by.
      if (row_ && cell_ == 0 && row_times_.size() < max_row_ids)
        if (const std::string_view id = attr_of(tag, "id");
            !id.empty() && id.size() <= 9 && std::all_of(id.begin(), id.end(), [](char c) { return is_digit(c); })) {
          row_anchor_ = std::string(id);
          row_times_.emplace(row_anchor_, std::string());
        }
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
      report_events_ = true;  // the report's own event list: the snapshot only repeated it
      snap_.clear();
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
      report_events_ = true;
      snap_.clear();
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

  // ---- the XML's <SessionSnapshot> ----------------------------------------------------------
  // The chart's entries, newest first: <Session> with <EventType> (Connect, Disconnect,
  // Internet, None, Sleep, Wake), <EventError> (1 for an error event), <EventTime> (FILETIME),
  // <EventMessage> (the event's rendered message), <EventSSID> and, for a Disconnect,
  // <EventDisconnectReason>; no event id. Kept (at most max_snapshot entries) until the report's
  // event list shows up, which tells the same events with their ids, or the input ends without
  // one (an excerpt cut after the snapshot). Past max_snapshot entries the rest are not kept.
  void snapshot_tag(std::string_view n, std::size_t at, const line& l) {
    if (n == "/sessionsnapshot") {
      snapshot_ = in_snap_entry_ = false;
      snap_field_ = snap_none;
    } else if (n == "session") {
      in_snap_entry_ = !report_events_ && snap_.size() < max_snapshot;
      if (in_snap_entry_) {
        snap_.emplace_back();
        snap_.back().line = l.number;
        snap_.back().excerpt = excerpt_of(l.text.substr(at, excerpt_room));
      }
      snap_field_ = snap_none;
    } else if (!in_snap_entry_) {
      return;
    } else if (n == "/session") {
      in_snap_entry_ = false;
      snap_field_ = snap_none;
    } else if (n == "eventtype" || n == "eventerror" || n == "eventtime" || n == "eventssid" ||
               n == "eventdisconnectreason") {
      snap_field_ = n == "eventtype"    ? snap_type
                    : n == "eventerror" ? snap_error
                    : n == "eventtime"  ? snap_time
                    : n == "eventssid"  ? snap_ssid
                                        : snap_reason;
    } else if (n == "eventmessage") {
      snap_field_ = snap_message;
      snap_text_.clear();
      snap_.back().line = l.number;  // the event is shown by its message
      snap_.back().excerpt = excerpt_of(l.text.substr(at, excerpt_room));
    } else if (n == "/eventmessage") {
      end_snap_line(l);
      snap_field_ = snap_none;
    } else if (n.starts_with("/event")) {
      snap_field_ = snap_none;
    }
  }

  // ---- the HTML's script copy of the snapshot ------------------------------------------------
  // `var snapshots = [`, then per entry `{`, a `"key":"value",` line per field and `},`, to `];`
  // (the report's XSLT, Windows 10 of 2016 and Windows 11 alike). The message's "Label: value"
  // parts are split at its `<br>`s. True for the lines of that block.
  bool js_snapshot(const line& l) {
    const std::string_view t = trim(l.text);
    if (!js_) {
      if (!t.starts_with("var snapshots")) return false;
      js_ = true;
      return true;
    }
    if (t.starts_with("]")) {
      js_ = in_snap_entry_ = false;
      return true;
    }
    if (t.starts_with("{")) {
      in_snap_entry_ = !report_events_ && snap_.size() < max_snapshot;
      if (in_snap_entry_) {
        snap_.emplace_back();
        snap_.back().line = l.number;
        snap_.back().excerpt = excerpt_of(l.text.substr(0, excerpt_room));
      }
      return true;
    }
    if (t.starts_with("}")) {
      in_snap_entry_ = false;
      return true;
    }
    if (!in_snap_entry_ || !t.starts_with('"')) return true;
    const std::size_t k = t.find('"', 1);
    if (k == std::string_view::npos || k + 2 >= t.size() || t[k + 1] != ':' || t[k + 2] != '"') return true;
    const std::string_view key = t.substr(1, k - 1);
    std::string_view v = t.substr(k + 3);
    while (!v.empty() && (v.back() == ',' || v.back() == ' ')) v.remove_suffix(1);
    if (v.ends_with('"')) v.remove_suffix(1);
    v = v.substr(0, snap_text_max);
    snap_entry& e = snap_.back();
    if (key == "type") {
      e.field[snap_type] = v;
    } else if (key == "error") {
      e.field[snap_error] = v;
    } else if (key == "time") {
      e.field[snap_time] = v;
    } else if (key == "ssid") {
      e.field[snap_ssid] = v;
    } else if (key == "disconnectReason") {
      e.field[snap_reason] = v;
    } else if (key == "correspondingEvent") {
      e.event = v.substr(0, 16);
    } else if (key == "message") {
      e.line = l.number;  // the event is shown by its message
      e.excerpt = excerpt_of(l.text.substr(0, excerpt_room));
      for (std::size_t from = 0; from <= v.size() && e.message.size() < snap_lines_max;) {
        std::size_t br = ifind(v, "<br", from);
        if (br == std::string_view::npos) br = v.size();
        std::string part(v.substr(from, br - from));
        decode_entities(part);
        if (const std::string_view m = trim(part); !m.empty()) e.message.push_back({std::string(m), l.number});
        const std::size_t gt = br < v.size() ? v.find('>', br) : std::string_view::npos;
        if (gt == std::string_view::npos) break;
        from = gt + 1;
      }
    }
    return true;
  }

  void end_snap_line(const line& l) {
    decode_entities(snap_text_);
    const std::string_view m = trim(snap_text_);
    if (!m.empty() && in_snap_entry_ && snap_.back().message.size() < snap_lines_max)
      snap_.back().message.push_back({std::string(m), l.number});
    snap_text_.clear();
  }

  // The snapshot's entries as the events they are, oldest first: a Connect is the connection's
  // start (8000), a Disconnect its failure (8002) when it is an error event, else the end of its
  // session (8003); the chart lists no 8001, and an Internet capability (NCSI's 4042) after a
  // Connect, before any Disconnect, is that connection up: it is told as the connection.
  void read_snapshot(std::vector<candidate>& out) {
    if (snap_.empty()) return;
    // The HTML script after rows of connections it copies: the rows told those, and its older
    // entries, read only now, would reach the attempts after the newer rows; they are not read.
    for (const snap_entry& e : snap_) {
      const std::string_view type = trim(e.field[snap_type]);
      if (!e.event.empty() && row_times_.contains(e.event) && (iequals(type, "Connect") || iequals(type, "Disconnect")))
        return;
    }
    std::vector<std::size_t> order(snap_.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::vector<std::optional<std::string>> when(snap_.size());
    bool timed = true;
    // The HTML's rows print the machine's wall time, the script its UTC FILETIME: an entry whose
    // row was read gives the machine's offset (to the quarter hour), and then every entry is told
    // in the rows' wall time, so the two readings of one report keep their order.
    std::optional<std::int64_t> offset;
    for (const snap_entry& e : snap_) {
      const auto r = e.event.empty() ? row_times_.end() : row_times_.find(e.event);
      if (r == row_times_.end()) continue;
      const auto ft = filetime_of(e.field[snap_time]);
      const auto wall = wall_seconds(r->second);
      if (!ft || !wall) continue;
      const std::int64_t d = *wall - (static_cast<std::int64_t>(*ft / 10000000) - 11644473600LL);
      if (d < -14 * 3600 || d > 14 * 3600) continue;
      offset = (d >= 0 ? (d + 450) / 900 : -((-d + 450) / 900)) * 900;
      break;
    }
    for (std::size_t i = 0; i < snap_.size(); ++i) {
      if (offset) {
        if (const auto ft = filetime_of(snap_[i].field[snap_time]);
            ft && static_cast<std::int64_t>(*ft) + *offset * 10000000 > 0) {
          std::string w =
              evtx::filetime_iso(static_cast<std::uint64_t>(static_cast<std::int64_t>(*ft) + *offset * 10000000));
          if (w.ends_with('Z')) w.pop_back();
          when[i] = std::move(w);
        }
      } else {
        when[i] = filetime_iso(snap_[i].field[snap_time]);
      }
      if (!when[i]) timed = false;
    }
    if (timed)  // ISO strings of one layout sort as their instants
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return *when[a] < *when[b]; });
    else
      std::reverse(order.begin(), order.end());  // newest first as printed
    const snap_entry* open = nullptr;
    for (std::size_t i : order) {
      const snap_entry& e = snap_[i];
      const std::string_view type = trim(e.field[snap_type]);
      // The HTML script's copy of a row the input held (NCSI's, Sleep, Wake: no Connect or
      // Disconnect, above): an Internet entry still tells the open Connect up, its row telling no
      // connection.
      if (iequals(type, "Connect")) {
        snapshot_event(e, when[i], "8000", e, out);
        open = &e;
      } else if (iequals(type, "Disconnect")) {
        const std::string_view error = trim(e.field[snap_error]);  // the XSLT's test: @error > 0
        snapshot_event(e, when[i], !error.empty() && error != "0" ? "8002" : "8003", e, out);
        open = nullptr;
      } else if (iequals(type, "Internet") && open) {
        snapshot_event(e, when[i], "8001", *open, out);
        open = nullptr;
      }
    }
  }

  // One event of the snapshot; `from`: the entry whose message fields it carries (a connection
  // told by its Internet capability carries its Connect's adapter and SSID).
  void snapshot_event(const snap_entry& e, const std::optional<std::string>& when, std::string_view id,
                      const snap_entry& from, std::vector<candidate>& out) {
    ev_.begin();
    ev_.set_id(id);
    ev_.set_provider("WLAN-AutoConfig");
    if (when) ev_.set_time(*when);
    const line at{e.excerpt, e.line, false};
    ev_.set_event_line(at);
    bool reason = false;
    for (std::size_t k = (&from == &e ? 0 : 1); k < from.message.size(); ++k) {
      const auto& [text, number] = from.message[k];
      const line ml{text, number, false};
      if (const std::size_t colon = text.find(':'); colon != std::string::npos && colon <= 40)
        if (is_reason_label(trim(std::string_view(text).substr(0, colon)))) reason = true;
      ev_.add_message_line(text, ml);
    }
    if (!from.field[snap_ssid].empty()) ev_.add("SSID", trim(from.field[snap_ssid]), at, true);
    if (&from == &e && !reason && (id == "8002" || id == "8003") && usable(trim(e.field[snap_reason])))
      ev_.add(id == "8002" ? "Failure Reason" : "Reason", trim(e.field[snap_reason]), at, true);
    ev_.flush(out);
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
    if (!row_anchor_.empty())
      if (const auto r = row_times_.find(row_anchor_); r != row_times_.end())
        r->second = std::string(when.substr(0, 32));
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

  // The snapshot's entries and the message line being gathered (types above).
  std::vector<snap_entry> snap_;
  bool in_snap_entry_ = false, report_events_ = false;
  bool js_ = false;  // in the HTML script's `var snapshots = [` block
  // The anchors of the rows read (<a id="..">) and their times; the anchor of the row being read.
  std::unordered_map<std::string, std::string> row_times_;
  std::string row_anchor_;
  static constexpr std::size_t max_row_ids = 8192;
  int snap_field_ = snap_none;
  std::string snap_text_;

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
