// WlanReasonCodeToString for non-Windows platforms (Windows has its own in wlanapi.dll).
// The UTF-16 text of every WLAN_REASON_CODE is built at compile time from the same rows as the
// UTF-8 tables, so a call is a lookup and a bounded copy; only unlisted codes are formatted.
#ifndef _WIN32
#include "wlancode/wlanapi_compat.h"

#include <array>
#include <cstring>
#include <string_view>

#include "utf.hpp"
#include "wlancode/lookup_inline.hpp"

namespace {
using wlancode::code_info;
using wlancode::detail::wlan_reason_table;

// The text Windows gives for a listed code: its runtime text where known, else the meaning.
constexpr std::string_view text_of(const code_info& c) {
  return c.runtime.text.empty() ? c.meaning.text : c.runtime.text;
}

template <class Sink>
constexpr void to_utf16(std::string_view s, Sink&& put) {
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = wlancode::detail::utf8_next(s, i);
    if (cp > 0xFFFF) {
      put(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      put(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      put(static_cast<char16_t>(cp));
    }
  }
}

constexpr std::size_t pool_size() {
  std::size_t n = 0;
  for (const code_info& c : wlan_reason_table) to_utf16(text_of(c), [&n](char16_t) { ++n; });
  return n;
}

constexpr std::size_t rows = std::size(wlan_reason_table);
struct utf16_texts {
  std::array<char16_t, pool_size()> pool{};
  std::array<std::uint32_t, rows + 1> start{};  // text of row i: pool[start[i], start[i + 1])
};
constexpr utf16_texts make_texts() {
  utf16_texts t;
  std::size_t n = 0;
  for (std::size_t i = 0; i < rows; ++i) {
    t.start[i] = static_cast<std::uint32_t>(n);
    to_utf16(text_of(wlan_reason_table[i]), [&](char16_t u) { t.pool[n++] = u; });
  }
  t.start[rows] = static_cast<std::uint32_t>(n);
  return t;
}
constexpr utf16_texts texts = make_texts();

// Copies at most size - 1 units and the NUL; never ends on half a surrogate pair.
DWORD copy_out(const char16_t* text, std::size_t len, DWORD size, PWCHAR buffer) {
  std::size_t n = len < size - 1 ? len : size - 1;
  if (n < len && n > 0 && text[n - 1] >= 0xD800 && text[n - 1] < 0xDC00) --n;
  std::memcpy(buffer, text, n * sizeof(WCHAR));
  buffer[n] = 0;
  return ERROR_SUCCESS;
}
static_assert(sizeof(WCHAR) == sizeof(char16_t));
}  // namespace

extern "C" DWORD WlanReasonCodeToString(DWORD code, DWORD size, PWCHAR buffer, PVOID reserved) {
  if (buffer == nullptr || size == 0 || reserved != nullptr) return ERROR_INVALID_PARAMETER;
  if (const code_info* c = wlancode::find_inline<wlancode::family::wlan_reason>(code)) {
    const auto row = static_cast<std::size_t>(c - wlan_reason_table);
    return copy_out(texts.pool.data() + texts.start[row], texts.start[row + 1] - texts.start[row], size, buffer);
  }
  // Unlisted: the range description, formatted once per call (rare in logs).
  char text[512];
  std::size_t n = wlancode::reason_text(code, text, sizeof text);
  if (n >= sizeof text) n = sizeof text - 1;
  char16_t wide[512];
  std::size_t w = 0;
  to_utf16(std::string_view(text, n), [&](char16_t u) {
    if (w < std::size(wide)) wide[w++] = u;
  });
  return copy_out(wide, w, size, buffer);
}
#endif
