// Classification of any 32-bit value by the ranges of its family.
#include "wlancode/detail/tables.hpp"

namespace wlancode {
namespace {
using namespace detail;

// IEEE 802.11 reason and status codes are 16-bit fields: every value of the field that the
// table does not list is reserved by the standard.
constexpr range_info ieee_ranges[] = {
    {family::ieee80211_reason, "ieee80211_reason", 0, (1u << 16) - 1,
     "IEEE 802.11 reason code field (unlisted values are reserved)"},
    {family::ieee80211_status, "ieee80211_status", 0, (1u << 16) - 1,
     "IEEE 802.11 status code field (unlisted values are reserved)"},
};
}  // namespace

std::span<const range_info> ranges(family f) noexcept {
  switch (f) {
    case family::wlan_reason:
      return wlan_reason_ranges;
    case family::ieee80211_reason:
      return std::span(ieee_ranges).first(1);
    case family::ieee80211_status:
      return std::span(ieee_ranges).last(1);
    default:
      return {};
  }
}

classification classify(family f, std::uint32_t value) noexcept {
  classification out;
  out.code = find(f, value);
  for (const range_info& r : ranges(f)) {
    if (value >= r.first && value <= r.last) {
      out.range = &r;
      out.offset = value - r.first;
      break;
    }
  }
  return out;
}

}  // namespace wlancode
