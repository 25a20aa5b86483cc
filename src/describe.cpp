// Words for classifications and for WlanReasonCodeToString.
#include <cstdio>
#include <cstring>

#include "wlancode/codes.hpp"

namespace wlancode {
namespace {
// snprintf that tolerates a null or empty buffer and reports the full length.
template <class... A>
std::size_t print(char* buf, std::size_t size, const char* fmt, A... args) noexcept {
  const int n = std::snprintf(size ? buf : nullptr, size, fmt, args...);
  return n < 0 ? 0 : static_cast<std::size_t>(n);
}
}  // namespace

std::size_t describe(family f, std::uint32_t value, char* buf, std::size_t size) noexcept {
  const classification c = classify(f, value);
  if (!c.range) return print(buf, size, "outside every %s range", type_name(f).data());
  if (c.range->has_inner) {  // the low 16 bits are a code of another family
    const unsigned low = value & 0xFFFFu;
    const std::string_view inner = c.inner ? c.inner->name : std::string_view("unlisted");
    return print(buf, size, "%s, %s %u (%.*s)", c.range->label.data(), type_name(c.range->inner).data(), low,
                 static_cast<int>(inner.size()), inner.data());
  }
  return print(buf, size, "%s, %scode +0x%X", c.range->label.data(), c.code ? "" : "unlisted ",
               static_cast<unsigned>(c.offset));
}

std::size_t reason_text(std::uint32_t code, char* buf, std::size_t size) noexcept {
  if (const code_info* c = find(family::wlan_reason, code)) {
    const std::string_view text = c->runtime.text.empty() ? c->meaning.text : c->runtime.text;
    return print(buf, size, "%.*s", static_cast<int>(text.size()), text.data());
  }
  char where[160];
  describe(family::wlan_reason, code, where, sizeof where);
  return print(buf, size, "Unknown WLAN reason code 0x%08X (%s).", static_cast<unsigned>(code), where);
}

}  // namespace wlancode
