// The wlanreport's text layer: its entities, and its older reading of "Reason:" texts (see
// wlanreport_text.hpp).
#include "wlanreport_text.hpp"

#include <algorithm>

#include "text.hpp"

namespace wlancode::scan::detail {

void decode_entities(std::string& text) {
  for (auto [e, r] : {std::pair{"&lt;", "<"}, std::pair{"&gt;", ">"}, std::pair{"&#39;", "'"}, std::pair{"&apos;", "'"},
                      std::pair{"&quot;", "\""}, std::pair{"&nbsp;", " "}, std::pair{"&amp;", "&"}}) {
    std::size_t p = 0;
    const std::string_view ev(e);
    while ((p = text.find(ev, p)) != std::string::npos) {
      text.replace(p, ev.size(), r);
      p += std::string_view(r).size();
    }
  }
  for (std::size_t p = 0; (p = text.find("&#", p)) != std::string::npos;) {
    const std::size_t semi = text.find(';', p);
    if (semi == std::string::npos || semi - p > 10) {
      p += 2;
      continue;
    }
    const bool hexnum = p + 2 < text.size() && (text[p + 2] == 'x' || text[p + 2] == 'X');
    unsigned long cp = 0;
    bool ok = semi > p + (hexnum ? 3 : 2);
    for (std::size_t i = p + (hexnum ? 3 : 2); ok && i < semi; ++i) {
      const char ch = text[i];
      const int d = is_digit(ch) ? ch - '0' : (hexnum && is_hex(ch)) ? (ch | 0x20) - 'a' + 10 : -1;
      if (d < 0)
        ok = false;
      else
        cp = cp * (hexnum ? 16 : 10) + static_cast<unsigned long>(d);
      if (cp > 0x10FFFF) ok = false;
    }
    if (!ok || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
      p += 2;
      continue;
    }
    std::string u;
    if (cp < 0x80)
      u += static_cast<char>(cp);
    else if (cp < 0x800)
      u += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    else if (cp < 0x10000)
      u += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
            static_cast<char>(0x80 | (cp & 0x3F))};
    else
      u += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
            static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    text.replace(p, semi + 1 - p, u);
    p += u.size();
  }
}

void reason_texts(const line& l, std::string& last_event, std::vector<candidate>& out) {
  const std::string_view s = l.text;
  // Text without tags, entities decoded.
  std::string text;
  bool in_tag = false;
  for (std::size_t i = 0; i < s.size() && text.size() < 8192; ++i) {
    const char ch = s[i];
    if (ch == '<') {
      in_tag = true;
      text += ' ';
    } else if (ch == '>') {
      in_tag = false;
    } else if (!in_tag) {
      text += ch;
    }
  }
  decode_entities(text);
  const std::string_view t(text);
  // Every "… Reason:" of the line, in order (one per line in a formatted report, all of them in
  // a minified one). A reason's event id and timestamp are the last ones before it on the line.
  const auto event_in = [](std::string_view seg) -> std::string_view {
    const std::size_t a = seg.rfind("8003"), b = seg.rfind("8002");
    if (a == std::string_view::npos && b == std::string_view::npos) return {};
    return seg.substr(a == std::string_view::npos ? b : b == std::string_view::npos ? a : std::max(a, b), 4);
  };
  std::size_t from = 0;    // where the text of the current reason's row begins
  std::size_t raw_at = 0;  // where to look for the next label in the raw line, for the excerpt
  bool first = true;
  for (std::size_t p = t.find("Reason:"); p != std::string_view::npos; p = t.find("Reason:", p + 7)) {
    std::string_view lab = "Reason:";
    for (std::string_view longer : {std::string_view("Disconnect Reason:"), std::string_view("Failure Reason:")})
      if (p + 7 >= longer.size() && t.substr(p + 7 - longer.size(), longer.size()) == longer) lab = longer;
    const std::size_t lab_at = p + 7 - lab.size();
    const std::string_view seg = t.substr(from, lab_at - from);
    if (const std::string_view ev = event_in(seg); !ev.empty())
      last_event = std::string(ev);
    else if (first && !event_in(t).empty())
      last_event = std::string(event_in(t));  // the event id printed after the reason
    std::string_view v = trim(t.substr(p + 7));
    if (const std::size_t cut = v.find("  "); cut != std::string_view::npos) v = trim(v.substr(0, cut));
    // The row of this reason: its <tr> if it starts after the previous reason; else the line (the
    // first reason) or the label. The excerpt starts there; the timestamp is the row's first cell.
    std::size_t row = 0, row_end = 0;
    if (const std::size_t raw = s.find(lab, raw_at); raw != std::string_view::npos) {
      const std::size_t tr = s.rfind("<tr", raw);
      row = tr != std::string_view::npos && tr >= raw_at ? tr : first ? 0 : raw;
      row_end = raw;
      raw_at = raw + lab.size();
    }
    std::string row_text;
    bool tag = false;
    for (char ch : s.substr(row, row_end - row)) {
      if (ch == '<' || ch == '>') row_text += ' ';
      if (ch == '<') tag = true;
      if (!tag) row_text += ch;
      if (ch == '>') tag = false;
    }
    std::string timestamp(leading_timestamp(trim(row_text)));
    if (timestamp.empty()) timestamp = leading_timestamp(trim(first ? t : seg));
    if (v.empty()) {
      from = p + 7;
      first = false;
      continue;
    }
    candidate c;
    c.format = input_format::wlanreport;
    c.rule = "wlanreport";
    c.field = lab.substr(0, lab.size() - 1);
    c.kind = candidate::how::text;
    c.text = v.substr(0, 512);
    c.event_id = last_event;
    c.line = l.number;
    c.truncated = l.truncated;
    c.excerpt = excerpt_of(s.substr(row, 1024));  // a minified report is one line
    c.timestamp = std::move(timestamp);
    out.push_back(std::move(c));
    from = static_cast<std::size_t>(v.data() + v.size() - t.data());
    first = false;
  }
}

}  // namespace wlancode::scan::detail
