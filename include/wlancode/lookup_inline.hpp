// Header-only, constexpr lookup by value: the same answer as wlancode::find(family, value), but
// inlinable into hot loops and usable at compile time:
//   static_assert(wlancode::find_inline(wlancode::family::wlan_reason, 0x00048014)->suffix ==
//                 "MSMSEC_PSK_MISMATCH_SUSPECTED");
// The tables it points into are this binary's own copy: with the shared library, find() and
// find_inline() give equal records at different addresses. Compare codes by family and value.
#pragma once

#include "wlancode/detail/index.hpp"

namespace wlancode {
namespace detail {
#define WLANCODE_VALUE_INDEX_(table)                              \
  inline constexpr value_shape table##_shape = best_shape(table); \
  inline constexpr auto table##_by_value = make_value_index<table##_shape>(table);
WLANCODE_VALUE_INDEX_(wlan_reason_table)
WLANCODE_VALUE_INDEX_(wdi_assoc_status_table)
WLANCODE_VALUE_INDEX_(wcn_session_status_table)
WLANCODE_VALUE_INDEX_(ieee80211_reason_table)
WLANCODE_VALUE_INDEX_(ieee80211_status_table)
#undef WLANCODE_VALUE_INDEX_
}  // namespace detail

constexpr const code_info* find_inline(family f, std::uint32_t value) noexcept {
  using namespace detail;
  switch (f) {
    case family::wlan_reason:
      return probe(wlan_reason_table_by_value, value);
    case family::wdi_assoc_status:
      return probe(wdi_assoc_status_table_by_value, value);
    case family::wcn_session_status:
      return probe(wcn_session_status_table_by_value, value);
    case family::ieee80211_reason:
      return probe(ieee80211_reason_table_by_value, value);
    case family::ieee80211_status:
      return probe(ieee80211_status_table_by_value, value);
  }
  return nullptr;
}

template <class E, class = decltype(family_of<E>::value)>
constexpr const code_info* find_inline(E code) noexcept {
  return find_inline(family_of<E>::value, static_cast<std::uint32_t>(code));
}

}  // namespace wlancode
