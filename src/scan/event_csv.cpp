// Get-WinEvent | Export-Csv tables (see event_csv.hpp).
#include "event_csv.hpp"

#include <algorithm>

#include "text.hpp"

namespace wlancode::scan::detail {
namespace {

// The quoted column names of an Export-Csv header row, in order ("Message","Id",...); empty when
// the line is not one (every cell quoted, at most 64 of them). `delim`: ',' or, with -UseCulture
// in a culture whose list separator it is, ';'.
std::vector<std::string_view> csv_header_names(std::string_view s, char* delim = nullptr) {
  std::vector<std::string_view> names;
  s = trim(s);
  char sep = 0;
  while (!s.empty() && names.size() < 64) {
    if (s.front() != '"') return {};
    const std::size_t q = s.find('"', 1);
    if (q == std::string_view::npos) return {};
    names.push_back(s.substr(1, q - 1));
    s.remove_prefix(q + 1);
    if (s.empty()) break;
    if (!sep && (s.front() == ',' || s.front() == ';')) sep = s.front();
    if (s.front() != sep) return {};
    s.remove_prefix(1);
  }
  if (delim) *delim = sep ? sep : ',';
  return names;
}

}  // namespace

bool event_csv_header(std::string_view line) {
  const std::vector<std::string_view> names = csv_header_names(line);
  return std::find(names.begin(), names.end(), "Id") != names.end() &&
         std::find(names.begin(), names.end(), "TimeCreated") != names.end();
}

bool event_csv_table::start(std::string_view header) {
  const std::vector<std::string_view> names = csv_header_names(header, &delim_);
  columns_.clear();
  bool has_id = false;
  for (std::string_view n : names) {
    const column c = n == "Id"             ? id
                     : n == "ProviderName" ? provider
                     : n == "TimeCreated"  ? time
                     : n == "Message"      ? message
                                           : other;
    has_id |= c == id;
    columns_.push_back(c);
  }
  active_ = has_id && names.size() > 1;
  in_row_ = false;
  return active_;
}

bool event_csv_table::read(const line& l, event_builder& ev, bool& row_done, bool& own) {
  std::string_view s = l.text;
  row_done = false;
  own = false;
  if (!in_row_) {
    if (s.empty() || (s.front() != '"' && s.front() != delim_)) {  // a row's first cell, quoted or empty
      active_ = false;
      return false;
    }
    ev.begin();
    ev.set_event_line(l);  // the row's first line (its message's first): where the event is told
    in_row_ = true;
    cell_ = 0;
    quoted_ = false;
    at_cell_start_ = true;
    value_.clear();
    lines_ = 0;
  }
  std::size_t piece = 0;  // where the current cell's text on this line starts
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (at_cell_start_) {
      at_cell_start_ = false;
      if (c == '"') {
        quoted_ = true;
        piece = i + 1;
        continue;
      }
      piece = i;
    }
    if (quoted_ && c == '"') {
      if (i + 1 < s.size() && s[i + 1] == '"') {  // "" is a quote inside the cell
        ++i;
        continue;
      }
      quoted_ = false;
      take_piece(s.substr(piece, i - piece));
      piece = i + 1;
      continue;
    }
    if (!quoted_ && c == delim_) {
      take_piece(s.substr(piece, i - piece));
      own = end_cell(l, ev) || own;
      at_cell_start_ = true;
      piece = i + 1;
    }
  }
  if (quoted_) {  // the cell goes on on the next line
    take_piece(s.substr(std::min(piece, s.size())));
    if (column_now() == message) {  // each of its lines is a message line ("Failure Reason:...")
      own = ev.add_message_line(value_, l) || own;
      value_.clear();
    }
    if (++lines_ < max_lines) return true;
  } else if (!at_cell_start_) {
    take_piece(s.substr(std::min(piece, s.size())));
  }
  own = end_cell(l, ev) || own;
  in_row_ = false;
  row_done = true;
  return true;
}

bool event_csv_table::end_cell(const line& l, event_builder& ev) {
  bool label = false;
  switch (column_now()) {
    case id:
      ev.set_id(value_);
      break;
    case provider:
      ev.set_provider(value_);
      break;
    case time:
      ev.set_time(value_);
      break;
    case message:
      label = ev.add_message_line(value_, l);
      break;
    case other:
      break;
  }
  value_.clear();
  ++cell_;
  return label;
}

}  // namespace wlancode::scan::detail
