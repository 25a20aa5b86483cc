// Pieces of wrapped log lines (wrapped_lines.hpp).
#include "wrapped_lines.hpp"

#include "text.hpp"

namespace wlancode::scan::detail {
namespace {

bool is_blank_byte(char c) noexcept { return c == ' ' || c == '\t'; }

// A month's abbreviation and a blank: a syslog timestamp.
bool month_at_start(std::string_view s) noexcept {
  static constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (s.size() < 5 || s[3] != ' ') return false;
  for (std::string_view m : months)
    if (s.starts_with(m)) return true;
  return false;
}

// The first word is a tag that ends with ':' and a blank ("wlan0: ", "WPA: ", "hostapd[12]: ").
bool tag_at_start(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size() && i < 48; ++i) {
    const char c = s[i];
    if (c == ':') return i > 0 && (i + 1 == s.size() || is_blank_byte(s[i + 1]));
    if (is_blank_byte(c) || c == '=' || c == ',') return false;
  }
  return false;
}

// Six hex pairs with ':' or '-' between them (what follows does not matter: "…:01: reason").
bool mac_shape_at_start(std::string_view s) noexcept {
  if (s.size() < 17 || (s[2] != ':' && s[2] != '-')) return false;
  for (std::size_t k = 0; k < 6; ++k)
    if (!is_hex(s[3 * k]) || !is_hex(s[3 * k + 1]) || (k < 5 && s[3 * k + 2] != s[2])) return false;
  return true;
}

}  // namespace

bool may_be_wrapped_head(std::string_view s) noexcept {
  return s.size() >= wrap_min && s.size() <= wrap_max && !is_blank_byte(s.back());
}

bool may_be_wrapped_continuation(std::string_view s) noexcept {
  if (s.empty() || s.size() > wrap_max || is_blank_byte(s[0])) return false;
  const char c = s[0];
  // A timestamp, an uptime, a year start a line; a MAC ("02:00:…:01: reason") or a hex number
  // ("0x8A15… Reason") is the middle of one.
  if (is_digit(c)) return mac_shape_at_start(s) || (s.size() > 2 && c == '0' && (s[1] == 'x' || s[1] == 'X'));
  if ((c == '[' || c == '<') && s.size() > 1 && (is_digit(s[1]) || s[1] == ' ')) return false;
  if (c >= 'A' && c <= 'Z' && s.size() > 2 && (s[1] == '/' || (s[1] == ' ' && s[2] == '('))) return false;
  return !month_at_start(s) && !tag_at_start(s);
}

}  // namespace wlancode::scan::detail
