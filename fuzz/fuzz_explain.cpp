// libFuzzer target over the input parsers of the library: numbers (parse_number), names (find by
// name, find_macro), explain() with and without a forced family, text -> code (match_text,
// explain_text), and the C ABI's string functions with small buffers.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "wlancode/explain.hpp"
#include "wlancode/text_match.hpp"
#include "wlancode/wlanapi_compat.h"
#include "wlancode/wlancode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  (void)wlancode::parse_number(in);
  (void)wlancode::explain(in);
  for (wlancode::family f : wlancode::all_families) {
    (void)wlancode::explain(in, f);
    (void)wlancode::find(f, in);
  }
  (void)wlancode::find_macro(in);
  (void)wlancode::match_text(in, 3, 0.3);
  (void)wlancode::explain_text(in);
  if (size >= 4) {
    std::uint32_t v = 0;
    std::memcpy(&v, data, 4);
    char small[7];
    (void)wlancode_reason_to_string(v, small, size % sizeof small);
    (void)wlancode_classify(static_cast<wlancode_family>(data[0] % (wlancode_family_count + 1)), v, small,
                            sizeof small);
    WCHAR w[5];
    (void)WlanReasonCodeToString(v, static_cast<DWORD>(size % 6), w, nullptr);
  }
  const std::string z(in);  // NUL-terminated copy for the C ABI
  (void)wlancode_find_name(wlancode_wlan_reason, z.c_str());
  return 0;
}
