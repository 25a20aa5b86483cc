// A block of lines pasted with the same prefix on each: a mail or Markdown quote ("> ", ">> "),
// a viewer's line numbers ("  12: ", "12 | "), a collector's tag ("[pod/x/c] ", "svc-1  | ",
// "<30>", a timestamp, journalctl -o export's "MESSAGE="). Line rules read a line anywhere in it;
// a container whose block opens with a label at the start of a line (event text's "Log Name:")
// learns the prefix its opening line has, and reads the next lines without it.
#pragma once

#include <cstddef>
#include <string_view>

#include "text.hpp"

namespace wlancode::scan::detail {

constexpr std::size_t max_paste_prefix = 64;

// Whether `before` (what precedes a block's opening label on its line) may be such a prefix: at
// most 64 bytes, and not the end of a word ("CatalogLog Name:").
constexpr bool may_be_paste_prefix(std::string_view before) noexcept {
  return before.size() <= max_paste_prefix && (before.empty() || !is_word(before.back()));
}

constexpr bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }

// Whether `s` starts with a prefix of the same shape as `prefix` (runs of digits for runs of
// digits, runs of blanks for runs of blanks, the other bytes as they are: line numbers and
// timestamps change from line to line); `len` is then its length in `s`, blanks after it included.
constexpr bool same_paste_prefix(std::string_view prefix, std::string_view s, std::size_t& len) noexcept {
  std::size_t i = 0, j = 0;
  while (i < prefix.size()) {
    const char c = prefix[i];
    if (is_digit(c) || is_blank(c)) {
      const bool digit = is_digit(c);
      const auto same_class = [digit](char x) { return digit ? is_digit(x) : is_blank(x); };
      if (j >= s.size() || !same_class(s[j])) {
        if (digit) return false;
        ++i;  // a blank run the line does not have ("  9: " and " 10: ", ">" of an empty quoted line)
        continue;
      }
      while (i < prefix.size() && same_class(prefix[i])) ++i;
      while (j < s.size() && same_class(s[j])) ++j;
      continue;
    }
    if (j >= s.size() || s[j] != c) return false;
    ++i;
    ++j;
  }
  while (j < s.size() && is_blank(s[j])) ++j;
  len = j;
  return true;
}

}  // namespace wlancode::scan::detail
