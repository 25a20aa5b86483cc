// The MESSAGE of a journal entry exported as JSON (journal_json.hpp).
#include "journal_json.hpp"

#include "../utf.hpp"
#include "text.hpp"

namespace wlancode::scan::detail {
namespace {

int hex_value(char c) noexcept {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The four hex digits at s[i], or -1.
long hex4_at(std::string_view s, std::size_t i) noexcept {
  if (i + 4 > s.size()) return -1;
  long v = 0;
  for (std::size_t k = i; k < i + 4; ++k) {
    const int d = hex_value(s[k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// The JSON string whose opening quote is at s[i], decoded into `out` (to the line's end when its
// closing quote is missing: a line cut short). A line break in the message becomes a blank: the
// rules read one line.
void decode_string(std::string_view s, std::size_t i, std::string& out) {
  for (++i; i < s.size();) {
    const char c = s[i];
    if (c == '"') return;
    if (c != '\\' || i + 1 >= s.size()) {
      out += c;
      ++i;
      continue;
    }
    const char e = s[i + 1];
    i += 2;
    switch (e) {
      case 'n':
      case 'r':
        out += ' ';
        break;
      case 't':
        out += '\t';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u': {
        long cp = hex4_at(s, i);
        if (cp < 0) {  // not an escape after all: kept as it is
          out += "\\u";
          break;
        }
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair's first half
          const long lo = i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u' ? hex4_at(s, i + 2) : -1;
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          } else {
            cp = 0xFFFD;
          }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          cp = 0xFFFD;
        }
        if (cp == 0) cp = ' ';  // a NUL would end the line for a C reader; the rules read blanks
        wlancode::detail::utf8_append(out, static_cast<char32_t>(cp));
        break;
      }
      default:  // \" \\ \/ and anything else: the character itself
        out += e;
    }
  }
}

// The array at s[i] ('['): journalctl's form of a message that is not printable UTF-8, its byte
// values ("[ 69, 58, 32, ... ]"), or of a field logged more than once, its values ("[ "a", "b" ]":
// the first is read). Values above 255 or junk end it.
void decode_array(std::string_view s, std::size_t i, std::string& out) {
  for (++i; i < s.size();) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
    if (i < s.size() && s[i] == '"' && out.empty()) return decode_string(s, i, out);
    if (i >= s.size() || !is_digit(s[i])) return;
    unsigned v = 0;
    for (int d = 0; i < s.size() && is_digit(s[i]) && d < 4; ++d) v = v * 10 + static_cast<unsigned>(s[i++] - '0');
    if (v > 255) return;
    out += v == 0 || v == '\n' || v == '\r' ? ' ' : static_cast<char>(v);
  }
}

}  // namespace

std::string_view journal_json::message_of(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i >= s.size() || (s[i] != '{' && s[i] != '"')) return s;
  std::size_t v = std::string_view::npos;
  if (s.substr(i, 8) == "{\"log\":\"") {  // Docker json-file: {"log":"...","stream":...}
    v = i + 7;
  } else {
    constexpr std::string_view key = "\"MESSAGE\"";
    const std::size_t k = s.find(key, i);
    if (k == std::string_view::npos) return s;
    std::size_t p = k + key.size();
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
    if (p >= s.size() || s[p] != ':') return s;
    ++p;
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
    if (p >= s.size() || (s[p] != '"' && s[p] != '[')) return s;
    v = p;
  }
  buf_.clear();
  if (s[v] == '"')
    decode_string(s, v, buf_);
  else
    decode_array(s, v, buf_);
  while (!buf_.empty() && buf_.back() == ' ') buf_.pop_back();  // Docker's "\n" at the end
  return buf_;
}

}  // namespace wlancode::scan::detail
