// The scanner's small text layer: ASCII classes, case folding and number tokens, shared by
// every grammar (one definition of what a digit, a word character or a number is).
#pragma once

#include <cstddef>
#include <string_view>

namespace wlancode::scan::detail {

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_hex(char c) noexcept { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
constexpr bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_alnum(char c) noexcept { return is_digit(c) || is_alpha(c); }
constexpr bool is_word(char c) noexcept { return is_alnum(c) || c == '_'; }
constexpr bool is_upper_word(char c) noexcept { return (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_'; }
// The prefilter's folding: letters to lower case; '=', '\'', '[', ':' and the like stay as they are.
constexpr char fold(char c) noexcept { return static_cast<char>(c | 0x20); }
constexpr char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Case-insensitive (ASCII) equality and search.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}
constexpr std::size_t ifind(std::string_view hay, std::string_view needle, std::size_t from = 0) noexcept {
  if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
  // The first byte decides most places without a substring (redact_text asks some forty labels of
  // every excerpt).
  const char first = lower(needle[0]);
  for (std::size_t i = from; i + needle.size() <= hay.size(); ++i)
    if (lower(hay[i]) == first && iequals(hay.substr(i, needle.size()), needle)) return i;
  return std::string_view::npos;
}

// Whether `hay` holds `needle`. The needles are short (an anchor, a word) and so are the lines:
// a first-and-last-byte SIMD filter then memcmp (util.cpp), cheaper there than memmem's set-up.
bool contains_bytes(const char* hay, std::size_t n, const char* needle, std::size_t m) noexcept;
inline bool contains(std::string_view hay, std::string_view needle) noexcept {
  return needle.empty() ||
         (needle.size() <= hay.size() && contains_bytes(hay.data(), hay.size(), needle.data(), needle.size()));
}

// A number token at s[p]: "0x" and 1-8 hex digits, or 1-10 decimal digits, with an optional
// leading '-' when `sign`. Returns its length, 0 when there is none. What may follow it is the
// caller's business (number_ends_at).
constexpr std::size_t number_at(std::string_view s, std::size_t p, bool sign = false) noexcept {
  std::size_t e = p;
  if (sign && e < s.size() && (s[e] == '-' || s[e] == '+')) ++e;
  if (e + 2 < s.size() + 1 && e + 1 < s.size() && s[e] == '0' && (s[e + 1] == 'x' || s[e + 1] == 'X')) {
    const std::size_t d = e + 2;
    std::size_t k = d;
    while (k < s.size() && is_hex(s[k]) && k - d < 8) ++k;
    if (k == d || (k < s.size() && is_hex(s[k]))) return 0;
    return k - p;
  }
  const std::size_t d = e;
  while (e < s.size() && is_digit(s[e]) && e - d < 10) ++e;
  if (e == d || (e < s.size() && is_digit(s[e]))) return 0;
  return e - p;
}

// Whether a number may end at s[e]: not inside a word, a decimal fraction, a time, a range or a
// fraction ("1/3"). '=' (N=NAME) is left to the caller.
constexpr bool number_ends_at(std::string_view s, std::size_t e) noexcept {
  if (e >= s.size()) return true;
  const char c = s[e];
  if (is_word(c)) return false;
  const bool digit_next = e + 1 < s.size() && is_digit(s[e + 1]);
  if ((c == '.' || c == ':' || c == '-' || c == '/' || c == ',') && digit_next) return false;
  return true;
}

}  // namespace wlancode::scan::detail
