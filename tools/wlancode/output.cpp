#include "output.hpp"

#include <cstdio>
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include <cstring>

namespace wlancode::cli {

namespace {
// "0x" and `digits` upper-case hex digits (no printf: scan output formats one per finding).
std::string hex_digits(std::uint32_t value, int digits) {
  std::string out(2 + static_cast<std::size_t>(digits), '0');
  out[1] = 'x';
  for (int i = digits - 1; i >= 0; --i, value >>= 4)
    out[2 + static_cast<std::size_t>(i)] = "0123456789ABCDEF"[value & 15];
  return out;
}
}  // namespace

std::string hex32(std::uint32_t value) { return hex_digits(value, 8); }

std::string hex(family f, std::uint32_t value) { return value_bits(f) > 16 ? hex32(value) : hex_digits(value, 4); }

std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

namespace {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// Length of the leading run that needs no JSON escape, 32 bytes at a time: a byte needs one if it
// is below 0x20 or 0x80 and above (both "less than 0x20" as signed bytes), '"', '\\' or DEL.
__attribute__((target("avx2"))) std::size_t plain_run_avx2(const char* p, std::size_t n) noexcept {
  const __m256i space = _mm256_set1_epi8(0x20), quote = _mm256_set1_epi8('"'), bslash = _mm256_set1_epi8('\\'),
                del = _mm256_set1_epi8(0x7F);
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const __m256i special = _mm256_or_si256(_mm256_or_si256(_mm256_cmpgt_epi8(space, v), _mm256_cmpeq_epi8(v, quote)),
                                            _mm256_or_si256(_mm256_cmpeq_epi8(v, bslash), _mm256_cmpeq_epi8(v, del)));
    const auto mask = static_cast<unsigned>(_mm256_movemask_epi8(special));
    if (mask) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
  return i;
}
const bool have_avx2 = __builtin_cpu_supports("avx2");
#endif
}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    // Copy the run of printable ASCII that needs no escape in one go, 8 bytes at a time while
    // no byte is a control, DEL, '"', '\\' or non-ASCII (SWAR tests), then byte by byte.
    std::size_t run = i;
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    if (have_avx2) run += plain_run_avx2(s.data() + run, s.size() - run);
#endif
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const auto has_byte = [](std::uint64_t x, unsigned char b) {
      const std::uint64_t y = x ^ (ones * b);
      return ((y - ones) & ~y & highs) != 0;
    };
    while (run + 8 <= s.size()) {
      std::uint64_t x;
      std::memcpy(&x, s.data() + run, 8);
      const bool special = (x & highs) != 0 || (((x - ones * 0x20) & ~x & highs) != 0) || has_byte(x, '"') ||
                           has_byte(x, '\\') || has_byte(x, 0x7F);
      if (special) break;
      run += 8;
    }
    while (run < s.size()) {
      const auto r = static_cast<unsigned char>(s[run]);
      if (r < 0x20 || r >= 0x7F || r == '"' || r == '\\') break;
      ++run;
    }
    if (run > i) {
      out.append(s.data() + i, run - i);
      i = run;
      if (i == s.size()) break;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c < 0x20 || c == 0x7F) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04X", c);
        out += buf;
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    // Copy a well-formed UTF-8 sequence; replace anything else with U+FFFD.
    const std::size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && len == 2) ok = c >= 0xC2;  // no overlong forms
    if (ok && len == 3) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);  // no overlong, no surrogates
    }
    if (ok && len == 4) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      ok = c <= 0xF4 && !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (ok && len == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      // A C1 control (U+0080..U+009F, CSI among them): escaped like C0 controls, so that JSON shown
      // on a terminal cannot drive it.
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned char>(s[i + 1]));
      out += buf;
      i += len;
    } else if (ok) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += "\\uFFFD";
      ++i;
    }
  }
  out += '"';
}

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

}  // namespace wlancode::cli
