// Extractors of Windows event logs: event XML (Event Viewer XML view, wevtutil /f:xml,
// ConvertTo-Xml, Export-Clixml) and event text (wevtutil /f:text, Event Viewer text copies).
// Both gather one event's fields into an event_builder (event_fields.hpp), which decides at the
// end of the event which field holds which code space.
#include <algorithm>
#include <cstring>
#include <iterator>
#include <utility>

#include "event_csv.hpp"
#include "event_fields.hpp"
#include "internal.hpp"
#include "paste_prefix.hpp"
#include "text.hpp"
#include "wlancode/text_match.hpp"

namespace wlancode::scan::detail {
namespace {

constexpr std::size_t max_table_columns = 8, max_time_words = 4, max_event_id_digits = 5;

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
  explicit event_xml_container(bool events) : ev_(input_format::event_xml, events) {}
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
        ev_.set_id(element_text(s, after), l);
      } else if (tag.starts_with("Provider ")) {
        ev_.set_provider(attr(tag, 0, "Name"));
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
          ev_.set_id(element_text(s, after), l);
        else if (name == "ProviderName")
          ev_.set_provider(element_text(s, after));
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
// "TimeCreated  : 11/21/2023 ..." (Format-List's first property of a default Get-WinEvent
// record) or a CSV row's start: the next record.
bool format_list_record_start(std::string_view s) {
  if (s.starts_with("TimeCreated ") || s.starts_with("TimeCreated:")) {
    const std::string_view rest = trim(s.substr(11));
    return rest.starts_with(":");
  }
  return s.starts_with("\"") && s.size() > 1 && s[1] >= '0' && s[1] <= '9';
}

// Get-WinEvent's default view (Microsoft.PowerShell.Diagnostics' Event.format.ps1xml: a table of
// TimeCreated, Id, LevelDisplayName and Message, grouped by ProviderName), and Format-Table views of
// the same records that start with TimeCreated and Id:
//
//      ProviderName: Microsoft-Windows-WLAN-AutoConfig
//
//   TimeCreated                     Id LevelDisplayName Message
//   -----------                     -- ---------------- -------
//   11/21/2023 10:12:40 AM        8002 Error            WLAN AutoConfig service failed to connect...
//
// A row holds its record's time, id and the first line of its message: no SSID, adapter or reason.
// With lifecycle events on, a row is its id's event (WLANCODE_EVENT_ID rows) and nothing more.

// The words of a line, one at a time from `pos`.
std::string_view next_word(std::string_view s, std::size_t& pos) {
  while (pos < s.size() && is_blank(s[pos])) ++pos;
  const std::size_t b = pos;
  while (pos < s.size() && !is_blank(s[pos])) ++pos;
  return s.substr(b, pos - b);
}

// The table's header: "TimeCreated", "Id", then the other columns' names (into `columns`).
bool event_table_header(std::string_view s, std::vector<std::string>& columns) {
  std::size_t pos = 0;
  if (next_word(s, pos) != "TimeCreated" || next_word(s, pos) != "Id") return false;
  columns.clear();
  for (std::string_view w = next_word(s, pos); !w.empty() && columns.size() < max_table_columns; w = next_word(s, pos))
    columns.emplace_back(w);
  return true;
}

struct event_row {
  std::string_view time, id, provider, message;
};

// A row under that header: the time (words, the first one starting with a digit: "11/21/2023
// 10:12:40 AM", "21.11.2023 10.12.40"), the id (the first word of digits after it), one word for
// each column before Message (LevelDisplayName; ProviderName is kept), then the message.
bool event_table_row(std::string_view s, const std::vector<std::string>& columns, event_row& row) {
  std::size_t pos = 0;
  std::string_view w = next_word(s, pos);
  if (w.empty() || !is_digit(w.front())) return false;
  const std::size_t time_begin = static_cast<std::size_t>(w.data() - s.data());
  std::size_t time_end = pos;
  for (std::size_t words = 0;; time_end = pos) {
    w = next_word(s, pos);
    if (w.empty() || ++words > max_time_words) return false;
    if (w.size() <= max_event_id_digits && std::all_of(w.begin(), w.end(), is_digit)) break;
  }
  row.time = s.substr(time_begin, time_end - time_begin);
  row.id = w;
  for (const std::string& c : columns) {
    if (c == "Message") {
      row.message = trim(s.substr(pos));
      return true;
    }
    w = next_word(s, pos);
    if (w.empty()) return false;
    if (c == "ProviderName") row.provider = w;
  }
  return true;
}

// How WLAN-AutoConfig's English messages begin (wlansvc.dll's message table, libyal/winevt-kb
// MessageFile-wlansvc.dll.md): a row of a table printed without its group's ProviderName is that
// provider's only when its message says so (GroupPolicy, for one, has events 8000 to 8007 too).
bool wlan_autoconfig_message(std::string_view m) {
  static constexpr std::string_view starts[] = {"WLAN AutoConfig service ", "Wireless network association ",
                                                "Wireless security ", "Wireless IHV security ",
                                                "Wireless 802.1x authentication "};
  return std::any_of(std::begin(starts), std::end(starts),
                     [m](std::string_view b) { return m.size() >= b.size() && iequals(m.substr(0, b.size()), b); });
}

class event_text_container final : public container {
 public:
  explicit event_text_container(bool events) : ev_(input_format::event_text, events), events_(events) {}
  bool open() const noexcept override { return ev_.active() || csv_.active() || table_.active || !group_.empty(); }
  bool take(const line& l, std::vector<candidate>& out) override {
    if (table_.active) {
      if (table_row(l, out)) return true;
      table_.active = false;  // the table ended: the line is read as any other
    }
    if (csv_.active()) {
      bool row_done = false, own = false;
      if (csv_.read(l, ev_, row_done, own)) {
        if (row_done) {
          soft_ = !csv_.has_provider();
          flush(out);
        }
        return own;
      }
      flush(out);  // not a row: the table ended; the line is read as any other
    } else if (events_ && !ev_.active() && trim(l.text).starts_with("\"") && event_csv_header(l.text)) {
      csv_.start(l.text);
      return true;
    }
    std::string_view s = l.text;
    if (!ev_.active()) {
      learn_prefix(s);
    } else if (!prefix_.empty()) {  // a pasted block: its lines have the opening line's prefix
      std::size_t n = 0;
      if (!same_paste_prefix(prefix_, s, n)) {
        if (++lines_ >= max_lines) flush(out);
        return false;  // another log's line between the block's (journalctl -o export's fields)
      }
      s.remove_prefix(n);
    }
    s = trim(s);
    if (events_ && !ev_.active() && table_start(s)) return true;
    if (s.starts_with("- ")) s.remove_prefix(2);
    if (s.starts_with("Event[") || s.starts_with("Log Name:")) {
      flush(out);
      ev_.begin();
      lines_ = 0;
    } else if (!ev_.active() && (s.starts_with("Failure Reason:") || s.starts_with("\"Failure Reason:"))) {
      // Get-WinEvent | Format-List, Export-Csv: no "Log Name:"; the message's "Failure Reason:"
      // opens the event, a Format-List record's first property or a CSV row ends it.
      if (s.front() == '"') s.remove_prefix(1);
      ev_.begin();
      lines_ = 0;
      soft_ = true;
    } else if (ev_.active() && format_list_record_start(s)) {
      const bool next_by_time = by_time_ && s.starts_with("TimeCreated");
      flush(out);
      if (!next_by_time) return false;
      begin_by_time();  // the next record of a default Format-List
    } else if (!ev_.active() && events_ && s.starts_with("TimeCreated") && format_list_record_start(s)) {
      // Get-WinEvent | Format-List (default view: TimeCreated, ProviderName, Id, Message): a
      // record without a "Failure Reason:" (8000, 8001, 8003...) is a lifecycle event too.
      begin_by_time();
    }
    if (!ev_.active()) return false;
    const bool own = ev_.add_message_line(s, l) || s.starts_with("Event[");
    if (++lines_ >= max_lines) flush(out);
    return own;
  }
  void finish(std::vector<candidate>& out) override { flush(out); }

 private:
  // The prefix before the opening label of a block that starts on this line, if any
  // (paste_prefix.hpp); removed from `s`.
  void learn_prefix(std::string_view& s) {
    prefix_.clear();
    std::size_t at = std::string_view::npos;
    for (std::string_view label :
         {"Log Name:", "Event[", "\"Failure Reason:", "Failure Reason:", "TimeCreated", "ProviderName:"})
      at = std::min(at, s.find(label));
    if (at == std::string_view::npos || at == 0) return;
    const std::string_view before = s.substr(0, at);
    if (trim(before).empty() || !may_be_paste_prefix(before)) return;
    prefix_.assign(before);
    s.remove_prefix(at);
  }
  // A table's group ("ProviderName: ..."), then its header (the group's first line after it).
  bool table_start(std::string_view s) {
    if (s.starts_with("ProviderName:")) {
      group_.assign(trim(s.substr(s.find(':') + 1)));
      return true;
    }
    if (!group_.empty() && std::none_of(s.begin(), s.end(), is_alnum)) return true;  // "#": a quoted empty line
    std::string provider = std::move(group_);
    group_.clear();
    if (!event_table_header(s, table_.columns)) return false;
    table_.active = true;
    table_.rule_next = true;
    table_.provider = std::move(provider);
    table_.prefix = prefix_;
    return true;
  }
  bool table_row(const line& l, std::vector<candidate>& out) {
    std::string_view s = l.text;
    std::size_t n = 0;
    if (!table_.prefix.empty()) {
      if (!same_paste_prefix(table_.prefix, s, n)) return false;
      s.remove_prefix(n);
    }
    const bool indented = !s.empty() && is_blank(s.front());
    s = trim(s);
    if (std::exchange(table_.rule_next, false) && s.starts_with("--")) return true;
    if (s.starts_with("ProviderName:")) return false;  // the next group
    event_row row;
    if (!event_table_row(s, table_.columns, row)) return indented;  // Format-Table -Wrap: the message goes on
    if (row.provider.empty()) row.provider = table_.provider;
    if (row.provider.empty() && !wlan_autoconfig_message(row.message)) return true;  // another provider's, maybe
    ev_.begin();
    ev_.set_provider(row.provider);
    ev_.set_time(row.time);
    ev_.set_id(row.id, l);
    ev_.flush(out);
    return true;
  }
  void begin_by_time() {
    ev_.begin();
    lines_ = 0;
    soft_ = true;
    by_time_ = true;
  }
  // An event opened by its "Failure Reason:" alone may be any provider's (Security 4625 "Unknown
  // user name or bad password."): its texts count only where they are a WLAN reason's.
  void flush(std::vector<candidate>& out) {
    const std::size_t first = out.size();
    ev_.flush(out);
    if (soft_)
      out.erase(std::remove_if(
                    out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                    [](const candidate& c) { return c.kind == candidate::how::text && match_text(c.text, 1).empty(); }),
                out.end());
    soft_ = false;
    by_time_ = false;
  }
  static constexpr std::size_t max_lines = 256;
  event_builder ev_;
  event_csv_table csv_;
  std::size_t lines_ = 0;
  bool soft_ = false;
  bool events_ = false;
  bool by_time_ = false;  // opened by a Format-List record's TimeCreated line
  std::string prefix_;    // the block's paste prefix (empty: none, or blanks only)
  struct {
    bool active = false;
    bool rule_next = false;            // the header's rule of dashes may come next
    std::vector<std::string> columns;  // the header's columns after Id
    std::string provider;              // the group's ProviderName, when printed
    std::string prefix;                // the header's paste prefix
  } table_;                            // a Get-WinEvent table (Format-Table)
  std::string group_;                  // "ProviderName: ..." before a table's header
};

}  // namespace

std::unique_ptr<container> make_event_xml_container(bool events) {
  return std::make_unique<event_xml_container>(events);
}
std::unique_ptr<container> make_event_text_container(bool events) {
  return std::make_unique<event_text_container>(events);
}

}  // namespace wlancode::scan::detail
