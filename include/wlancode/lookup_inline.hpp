// Header-only, constexpr lookup by value: the same answer as wlancode::find(family, value), but
// inlinable into hot loops and usable at compile time:
//   static_assert(wlancode::find_inline(wlancode::family::wlan_reason, 0x00048014)->suffix ==
//                 "MSMSEC_PSK_MISMATCH_SUSPECTED");
#pragma once

#include "wlancode/detail/index.hpp"

namespace wlancode {
namespace detail {
inline constexpr auto wlan_reason_by_value = make_value_index(wlan_reason_table);
inline constexpr auto wdi_assoc_status_by_value = make_value_index(wdi_assoc_status_table);
inline constexpr auto wcn_session_status_by_value = make_value_index(wcn_session_status_table);
inline constexpr auto ieee80211_reason_by_value = make_value_index(ieee80211_reason_table);
inline constexpr auto ieee80211_status_by_value = make_value_index(ieee80211_status_table);
}  // namespace detail

constexpr const code_info* find_inline(family f, std::uint32_t value) noexcept {
  using namespace detail;
  switch (f) {
    case family::wlan_reason:
      return probe(wlan_reason_by_value, wlan_reason_table, value);
    case family::wdi_assoc_status:
      return probe(wdi_assoc_status_by_value, wdi_assoc_status_table, value);
    case family::wcn_session_status:
      return probe(wcn_session_status_by_value, wcn_session_status_table, value);
    case family::ieee80211_reason:
      return probe(ieee80211_reason_by_value, ieee80211_reason_table, value);
    case family::ieee80211_status:
      return probe(ieee80211_status_by_value, ieee80211_status_table, value);
  }
  return nullptr;
}

template <class E, class = decltype(family_of<E>::value)>
constexpr const code_info* find_inline(E code) noexcept {
  return find_inline(family_of<E>::value, static_cast<std::uint32_t>(code));
}

}  // namespace wlancode
