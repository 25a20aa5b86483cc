// Removal of terminal colour codes (ECMA-48 control sequences) from lines.
#include "terminal_colours.hpp"

#include <cstring>

#include "text.hpp"

namespace wlancode::scan::detail {
namespace {

constexpr char esc = '\x1b';

// The length of the control sequence ESC [ P* I* F at s[i] (ESC at s[i]), or 0: parameter bytes
// 0x30-0x3F, intermediate bytes 0x20-0x2F, one final byte 0x40-0x7E (ECMA-48, 5.4).
std::size_t csi_at(std::string_view s, std::size_t i) {
  std::size_t k = i + 1;
  if (k >= s.size() || s[k] != '[') return 0;
  ++k;
  while (k < s.size() && s[k] >= 0x30 && s[k] <= 0x3F) ++k;
  while (k < s.size() && s[k] >= 0x20 && s[k] <= 0x2F) ++k;
  if (k >= s.size() || s[k] < 0x40 || s[k] > 0x7E) return 0;
  return k + 1 - i;
}

// The length of an SGR code that lost its ESC at s[i] ('[' at s[i]): "[m", "[0m", "[0;31m",
// "[1;33;40m" (at most four numbers of at most three digits), or 0.
std::size_t bare_sgr_at(std::string_view s, std::size_t i) {
  std::size_t k = i + 1;
  for (int n = 0; n < 4; ++n) {
    std::size_t d = 0;
    while (k < s.size() && is_digit(s[k]) && d < 3) ++k, ++d;
    if (k < s.size() && s[k] == ';' && d > 0) {
      ++k;
      continue;
    }
    break;
  }
  return k < s.size() && s[k] == 'm' && (k == i + 1 || is_digit(s[k - 1])) ? k + 1 - i : 0;
}

// Where the reset code that ends the line (before blanks) starts, with or without its ESC, or npos.
std::size_t final_reset(std::string_view s) {
  std::size_t e = s.size();
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  const std::string_view t = s.substr(0, e);
  if (t.ends_with("[0m")) return e - 3;
  if (t.ends_with("[m")) return e - 2;
  return std::string_view::npos;
}

}  // namespace

std::string_view colour_stripper::strip(std::string_view s) {
  return strip(s, std::memchr(s.data(), esc, s.size()) != nullptr);
}

std::string_view colour_stripper::strip_codes(std::string_view s, bool has_esc) {
  const std::size_t reset = final_reset(s);
  const bool bare = reset != std::string_view::npos;
  if (!has_esc && !bare) return s;
  buf_.clear();
  std::size_t i = 0, copied = 0;
  while (i < s.size()) {
    std::size_t n = 0;
    if (s[i] == esc)
      n = csi_at(s, i);
    else if (bare && s[i] == '[' && (i == reset || i == 0 || !is_word(s[i - 1])))  // "reason: 201[0m"
      n = bare_sgr_at(s, i);
    if (n == 0) {
      ++i;
      continue;
    }
    buf_.append(s.substr(copied, i - copied));
    i += n;
    copied = i;
  }
  if (copied == 0) return s;
  buf_.append(s.substr(copied));
  return buf_;
}

}  // namespace wlancode::scan::detail
