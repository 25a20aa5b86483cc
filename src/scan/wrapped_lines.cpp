// Pieces of wrapped log lines (wrapped_lines.hpp).
#include "wrapped_lines.hpp"

#include <array>
#include <cstdint>

#include "../time/months.hpp"
#include "text.hpp"

namespace wlancode::scan::detail {
namespace {

bool is_blank_byte(char c) noexcept { return c == ' ' || c == '\t'; }

// The three bytes at s as one number (a month's abbreviation, compared in one step).
constexpr std::uint32_t key3(std::string_view s) noexcept {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[0])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[1])) << 8 | static_cast<unsigned char>(s[2]);
}
constexpr auto month_keys = [] {
  std::array<std::uint32_t, time_detail::english_months.size()> k{};
  for (std::size_t i = 0; i < k.size(); ++i) k[i] = key3(time_detail::english_months[i]);
  return k;
}();

// A month's abbreviation and a blank: a syslog timestamp (most lines start so: twelve compares
// of a number, not twelve of strings).
bool month_at_start(std::string_view s) noexcept {
  if (s.size() < 5 || s[3] != ' ') return false;
  const std::uint32_t k = key3(s);
  for (std::uint32_t m : month_keys)
    if (m == k) return true;
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

// A timestamp, a date, an uptime or an epoch starts a line ("12:00:01", "2026-11-02",
// "1137.591730", "08/28/17", "1700000000"); a MAC ("02:00:…:01: reason"), a hex number
// ("0x8A15… Reason") or a value ("202 - AUTH_FAIL", "16=GROUP_KEY…") is the middle of one.
bool time_at_start(std::string_view s) noexcept {
  if (mac_shape_at_start(s)) return false;
  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i >= 8) return true;
  return i + 1 < s.size() && (s[i] == ':' || s[i] == '-' || s[i] == '.' || s[i] == '/') && is_digit(s[i + 1]);
}

}  // namespace

bool may_be_wrapped_head(std::string_view s) noexcept {
  return s.size() >= wrap_min && s.size() <= wrap_max && !is_blank_byte(s.back());
}

bool may_be_wrapped_continuation(std::string_view s) noexcept {
  if (s.empty() || s.size() > wrap_max || is_blank_byte(s[0])) return false;
  const char c = s[0];
  if (is_digit(c)) return !time_at_start(s);
  if ((c == '[' || c == '<') && s.size() > 1 && (is_digit(s[1]) || s[1] == ' ')) return false;
  if (c >= 'A' && c <= 'Z' && s.size() > 2 && (s[1] == '/' || (s[1] == ' ' && s[2] == '('))) return false;
  return !month_at_start(s) && !tag_at_start(s);
}

}  // namespace wlancode::scan::detail
