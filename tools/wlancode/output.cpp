#include "output.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "wlancode/scan_json.hpp"

namespace wlancode::cli {

std::string hex32(std::uint32_t value) { return scan::hex32(value); }

std::string hex(family f, std::uint32_t value) { return scan::hex(f, value); }

std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

void append_json_string(std::string& out, std::string_view s) { scan::append_json_string(out, s); }

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

namespace {
// Length of the well-formed UTF-8 sequence (shortest form, no surrogates, at most U+10FFFF) that
// starts at s[i], a byte >= 0x80; 0 if there is none.
std::size_t utf8_length(std::string_view s, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  const auto c1 = static_cast<unsigned char>(s[i + 1]);
  if (len == 2 && c < 0xC2) return 0;
  if (len == 3 && ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0))) return 0;
  if (len == 4 && (c > 0xF4 || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))) return 0;
  return len;
}

bool plain_number(std::string_view s) noexcept {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  const std::size_t dot = s.find('.');
  const auto digits = [](std::string_view d) {
    return !d.empty() && d.find_first_not_of("0123456789") == std::string_view::npos;
  };
  return dot == std::string_view::npos ? digits(s) : digits(s.substr(0, dot)) && digits(s.substr(dot + 1));
}
}  // namespace

void append_terminal_safe(std::string& out, std::string_view s) {
  static constexpr char digits[] = "0123456789abcdef";
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t run = i;  // bytes copied as they are: printable ASCII and tab
    // 8 bytes at a time while none is a control, DEL or non-ASCII (tab included: rare).
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (run + 8 <= s.size()) {
      std::uint64_t x;
      std::memcpy(&x, s.data() + run, 8);
      const std::uint64_t del = x ^ (ones * 0x7F);
      if ((x & highs) != 0 || ((x - ones * 0x20) & ~x & highs) != 0 || ((del - ones) & ~del & highs) != 0) break;
      run += 8;
    }
    while (run < s.size()) {
      const auto c = static_cast<unsigned char>(s[run]);
      if ((c < 0x20 && c != '\t') || c >= 0x7F) break;
      ++run;
    }
    out.append(s.data() + i, run - i);
    i = run;
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      if (const std::size_t len = utf8_length(s, i)) {
        if (c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {  // C1 control
          out += "\\u00";
          out += digits[static_cast<unsigned char>(s[i + 1]) >> 4];
          out += digits[static_cast<unsigned char>(s[i + 1]) & 15];
        } else {
          out.append(s.data() + i, len);
        }
        i += len;
        continue;
      }
    }
    out += "\\x";
    out += digits[c >> 4];
    out += digits[c & 15];
    ++i;
  }
}

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_terminal_safe(out, s);
  return out;
}

std::string csv_untrusted_field(std::string_view s) {
  std::string safe = terminal_safe(s);
  if (!safe.empty() && std::string_view("=+-@\t").find(safe[0]) != std::string_view::npos && safe != "-" &&
      !plain_number(safe))
    safe.insert(0, 1, '\'');
  return csv_field(safe);
}

void write_code_json(std::ostream& out, const code_info& c, std::string_view extra) {
  out << '{' << extra << "\"family\":" << json_string(to_string(c.fam)) << ",\"name\":" << json_string(c.name)
      << ",\"value\":" << c.value << ",\"hex\":" << json_string(hex(c.fam, c.value))
      << ",\"section\":" << json_string(c.section->heading) << ",\"header\":" << json_string(c.section->header)
      << ",\"meaning\":" << json_string(c.meaning.text) << ",\"meaning_source\":" << json_string(c.meaning.source)
      << ",\"runtime_text\":" << (c.runtime.text.empty() ? "null" : json_string(c.runtime.text))
      << ",\"runtime_source\":" << (c.runtime.text.empty() ? "null" : json_string(c.runtime.source))
      << ",\"phrase\":" << json_string(c.phrase.text) << ",\"phase\":" << json_string(to_string(c.phase))
      << ",\"initiator\":" << json_string(to_string(c.initiator))
      << ",\"on_reference_page\":" << ((c.flags & flag::page) ? "true" : "false")
      << ",\"xp_sp2_sp3\":" << ((c.flags & flag::xp) ? "true" : "false")
      << ",\"reserved\":" << ((c.flags & flag::reserved) ? "true" : "false") << ",\"hint\":";
  if (c.hint)
    out << "{\"heuristic\":true,\"cause\":" << json_string(c.hint->cause)
        << ",\"action\":" << json_string(c.hint->action) << '}';
  else
    out << "null";
  out << ",\"see_also\":";
  if (c.link)
    out << "{\"family\":" << json_string(to_string(c.link->target)) << ",\"where\":" << json_string(c.link->where)
        << '}';
  else
    out << "null";
  out << '}';
}

std::string code_csv_header() { return "family,name,value,hex,section,phase,initiator,meaning"; }

std::string code_csv_row(const code_info& c) {
  return csv_field(to_string(c.fam)) + ',' + csv_field(c.name) + ',' + std::to_string(c.value) + ',' +
         hex(c.fam, c.value) + ',' + csv_field(c.section->heading) + ',' + std::string(to_string(c.phase)) + ',' +
         std::string(to_string(c.initiator)) + ',' + csv_field(c.meaning.text);
}

void write_wrapped(std::ostream& out, std::string_view text, std::size_t indent, std::size_t width) {
  const std::size_t room = width > indent + 20 ? width - indent : 20;
  bool first = true;
  while (!text.empty()) {
    std::size_t take = text.size();
    if (take > room) {
      take = text.rfind(' ', room);
      if (take == std::string_view::npos || take == 0) take = room;
    }
    if (!first) out << std::string(indent, ' ');
    out << text.substr(0, take) << '\n';
    text.remove_prefix(take);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    first = false;
  }
  if (first) out << '\n';
}

std::function<void(std::uint64_t, std::uint64_t)> terminal_progress(std::string verb, const std::string* name) {
  if (::isatty(2) == 0) return {};
  return [verb = std::move(verb), name](std::uint64_t done, std::uint64_t total) {
    if (total < (256u << 20)) return;
    std::string line = verb;
    if (name && !name->empty()) (line += ' ') += terminal_safe(*name);
    std::fprintf(stderr, "\r%s: %3u%%", line.c_str(), static_cast<unsigned>(done * 100 / total));
    if (done >= total) erase_progress();
  };
}

void erase_progress() {
  if (::isatty(2) != 0) std::fprintf(stderr, "\r\033[K");
}

}  // namespace wlancode::cli
