// WlanReasonCodeToString for non-Windows platforms (Windows has its own in wlanapi.dll).
#ifndef _WIN32
#include "wlancode/wlanapi_compat.h"

#include <string_view>

#include "utf.hpp"
#include "wlancode/codes.hpp"

extern "C" DWORD WlanReasonCodeToString(DWORD code, DWORD size, PWCHAR buffer, PVOID reserved) {
  if (buffer == nullptr || size == 0 || reserved != nullptr) return ERROR_INVALID_PARAMETER;
  char text[512];
  std::size_t n = wlancode::reason_text(code, text, sizeof text);
  if (n >= sizeof text) n = sizeof text - 1;
  const std::string_view utf8(text, n);
  DWORD out = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = wlancode::detail::utf8_next(utf8, i);
    const DWORD units = cp > 0xFFFF ? 2 : 1;
    if (out + units > size - 1) break;  // keep room for the NUL; never split a surrogate pair
    if (units == 2) {
      buffer[out++] = static_cast<WCHAR>(0xD800 + ((cp - 0x10000) >> 10));
      buffer[out++] = static_cast<WCHAR>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      buffer[out++] = static_cast<WCHAR>(cp);
    }
  }
  buffer[out] = 0;
  return ERROR_SUCCESS;
}
#endif
