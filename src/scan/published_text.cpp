// Undoing what publishing did to a line (published_text.hpp).
#include "published_text.hpp"

#include <cstring>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "../utf.hpp"
#include "text.hpp"

namespace wlancode::scan::detail {
namespace {

constexpr unsigned mark_of(unsigned char c) noexcept {
  return c == 0x1b ? mark_esc : c == '&' ? mark_amp : c == '#' || c == '\\' ? mark_octal : c >= 0x80 ? mark_high : 0u;
}

unsigned marks_scalar(const char* p, std::size_t n) noexcept {
  unsigned m = 0;
  for (std::size_t i = 0; i < n; ++i) m |= mark_of(static_cast<unsigned char>(p[i]));
  for (std::size_t i = 1; i < n && !(m & mark_qp); ++i)
    if (p[i] == 'D' && p[i - 1] == '3') m |= mark_qp;
  return m;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// Whether any of the 32 bytes at p is marked: ESC, '&', '#' and '\\' have distinct low nibbles, so
// one shuffle gives, for each byte, the one of them that has its low nibble, and one compare says
// whether the byte is it (a byte of 0x80 and above shuffles to 0, never equal: it is told by its
// own high bit, which the movemask reads as it reads the compare's).
__attribute__((target("avx2"))) inline __m256i marked(__m256i table, const char* p) noexcept {
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  return _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_shuffle_epi8(table, v), v), v);
}
// Where a '3' at p[k] has a 'D' after it, for the 32 places k (33 readable bytes).
__attribute__((target("avx2"))) inline __m256i pairs_3d(__m256i three, __m256i dee, const char* p) noexcept {
  return _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)), three),
                          _mm256_cmpeq_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1)), dee));
}
// 64 bytes a step, then 32, then the line's last 32 (overlapping the ones before): nothing is
// read past the end; lines shorter than 32 bytes are read a byte at a time. A line that holds a
// marked byte (rare) is read again a byte at a time, for which marks.
__attribute__((target("avx2"))) unsigned marks_avx2(const char* p, std::size_t n) noexcept {
  if (n < 32) return marks_scalar(p, n);
  static_assert((0x1b & 15) == 0xb && ('&' & 15) == 6 && ('#' & 15) == 3 && ('\\' & 15) == 0xc);
  // Entry k: the marked byte whose low nibble is k, or 0x80 | k (a byte with the high bit, marked anyway).
  const __m256i table = _mm256_setr_epi8(
      char(0x80), char(0x81), char(0x82), '#', char(0x84), char(0x85), '&', char(0x87), char(0x88), char(0x89),
      char(0x8a), 0x1b, '\\', char(0x8d), char(0x8e), char(0x8f), char(0x80), char(0x81), char(0x82), '#', char(0x84),
      char(0x85), '&', char(0x87), char(0x88), char(0x89), char(0x8a), 0x1b, '\\', char(0x8d), char(0x8e), char(0x8f));
  __m256i any = _mm256_setzero_si256();
  std::size_t i = 0;
  for (; i + 64 <= n; i += 64)
    any = _mm256_or_si256(any, _mm256_or_si256(marked(table, p + i), marked(table, p + i + 32)));
  if (i + 32 <= n) {
    any = _mm256_or_si256(any, marked(table, p + i));
    i += 32;
  }
  if (i < n) any = _mm256_or_si256(any, marked(table, p + n - 32));
  if (_mm256_movemask_epi8(any)) return marks_scalar(p, n);
  // "3D": a '3' at p[k] and a 'D' at p[k + 1], 32 places a step, then the last 32 (n >= 33).
  if (n < 33) return marks_scalar(p, n);
  const __m256i three = _mm256_set1_epi8('3'), dee = _mm256_set1_epi8('D');
  __m256i pair = _mm256_setzero_si256();
  std::size_t k = 0;
  for (; k + 33 <= n; k += 32) pair = _mm256_or_si256(pair, pairs_3d(three, dee, p + k));
  if (k + 1 < n) pair = _mm256_or_si256(pair, pairs_3d(three, dee, p + n - 33));
  return _mm256_movemask_epi8(pair) ? mark_qp : 0u;
}
const bool have_avx2 = __builtin_cpu_supports("avx2");
#endif

// rsyslog's escape of a control character at s[i] (its prefix, '#' or sysklogd's '\\'): the prefix
// and three octal digits, 000-037 or 177 (EscapeControlCharactersOnReceive,
// ControlCharacterEscapePrefix), or -1. A line break becomes a blank: one line is read.
int rsyslog_escape_at(std::string_view s, std::size_t i) noexcept {
  if (i + 4 > s.size()) return -1;
  const char a = s[i + 1], b = s[i + 2], c = s[i + 3];
  if (a < '0' || a > '1' || b < '0' || b > '7' || c < '0' || c > '7') return -1;
  const int v = (a - '0') * 64 + (b - '0') * 8 + (c - '0');
  if (v >= 0x20 && v != 0x7f) return -1;
  return v == '\n' || v == '\r' || v == 0 ? ' ' : v;
}

bool decode_rsyslog(std::string_view s, std::string& out) {
  bool any = false;
  std::size_t copied = 0;
  for (std::size_t i = s.find_first_of("#\\"); i != std::string_view::npos; i = s.find_first_of("#\\", i + 1)) {
    const int c = rsyslog_escape_at(s, i);
    if (c < 0) continue;
    if (!any) out.clear();
    any = true;
    out.append(s.substr(copied, i - copied));
    out += static_cast<char>(c);
    copied = i + 4;
    i += 3;
  }
  if (any) out.append(s.substr(copied));
  return any;
}

// The character reference at s[i] ('&'): its length (through ';') and the code point, or 0.
// Named: the ones an escaped log line holds (markup's five and nbsp); numeric: decimal and hex.
std::size_t reference_at(std::string_view s, std::size_t i, char32_t& cp) noexcept {
  static constexpr std::pair<std::string_view, char32_t> named[] = {{"&quot;", '"'}, {"&amp;", '&'},   {"&lt;", '<'},
                                                                    {"&gt;", '>'},   {"&apos;", '\''}, {"&nbsp;", ' '}};
  if (i + 1 < s.size() && s[i + 1] != '#') {
    for (const auto& [name, c] : named)
      if (s.substr(i, name.size()) == name) {
        cp = c;
        return name.size();
      }
    return 0;
  }
  std::size_t k = i + 2;
  const bool hex = k < s.size() && (s[k] == 'x' || s[k] == 'X');
  if (hex) ++k;
  std::uint32_t v = 0;
  const std::size_t digits_at = k;
  for (; k < s.size() && k - digits_at < 7; ++k) {
    const char c = s[k];
    if (is_digit(c))
      v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(c - '0');
    else if (hex && is_hex(c))
      v = v * 16 + static_cast<std::uint32_t>(lower(c) - 'a' + 10);
    else
      break;
  }
  if (k == digits_at || k >= s.size() || s[k] != ';') return 0;
  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
  if (v == 0xA0 || v == '\n' || v == '\r') v = ' ';
  cp = v;
  return k + 1 - i;
}

// The ASCII of a typographic character at s[i] (a UTF-8 lead byte), and its length, or 0:
// quotes U+2018/2019/201C/201D, no-break spaces U+00A0 and U+202F.
std::size_t typographic_at(std::string_view s, std::size_t i, char& ascii) noexcept {
  const auto u = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  if (u(i) == 0xC2 && u(i + 1) == 0xA0) {
    ascii = ' ';
    return 2;
  }
  if (u(i) != 0xE2 || u(i + 1) != 0x80) return 0;
  switch (u(i + 2)) {
    case 0x98:
    case 0x99:
      ascii = '\'';
      return 3;
    case 0x9C:
    case 0x9D:
      ascii = '"';
      return 3;
    case 0xAF:
      ascii = ' ';
      return 3;
    default:
      return 0;
  }
}

// References (where `amp`) and typographic characters (where `high`) of s, into `out`.
bool decode_web(std::string_view s, bool amp, bool high, std::string& out) {
  bool any = false;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    char32_t cp = 0;
    char ascii = 0;
    if (amp && c == '&') {
      n = reference_at(s, i, cp);
    } else if (high && (c == 0xC2 || c == 0xE2)) {
      n = typographic_at(s, i, ascii);
      cp = static_cast<unsigned char>(ascii);
    }
    if (n == 0) continue;
    if (!any) out.clear();
    any = true;
    out.append(s.substr(copied, i - copied));
    wlancode::detail::utf8_append(out, cp);
    copied = i + n;
    i += n - 1;
  }
  if (any) out.append(s.substr(copied));
  return any;
}

}  // namespace

unsigned pasted_marks_of(std::string_view s) noexcept {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (have_avx2) return marks_avx2(s.data(), s.size());
#endif
  return marks_scalar(s.data(), s.size());
}

std::string_view published_text::undo_quoted_printable(std::string_view s, unsigned& marks) {
  const auto hex = [](char c) { return is_digit(c) ? c - '0' : lower(c) - 'a' + 10; };
  q_.clear();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '=') {
      q_ += s[i];
    } else if (i + 2 < s.size() && is_hex(s[i + 1]) && is_hex(s[i + 2])) {
      q_ += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else if (i + 1 != s.size()) {
      q_ += '=';  // not an escape: kept (a soft line break, the last '=', is dropped)
    }
  }
  marks |= pasted_marks(q_);
  return q_;
}

std::string_view published_text::undo_marked(std::string_view s, unsigned& marks) {
  const char* const given = s.data();
  if ((marks & mark_qp) && is_quoted_printable(s)) s = undo_quoted_printable(s, marks);
  if ((marks & mark_octal) && decode_rsyslog(s, a_)) s = a_;
  if ((marks & (mark_amp | mark_high)) && decode_web(s, marks & mark_amp, marks & mark_high, b_)) s = b_;
  if (s.data() != given && std::memchr(s.data(), 0x1b, s.size())) marks |= mark_esc;  // "#033", "&#27;"
  return s;
}

}  // namespace wlancode::scan::detail
