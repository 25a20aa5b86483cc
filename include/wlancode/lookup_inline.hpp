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

namespace detail {
// The five direct indexes side by side, with one descriptor per family: a lookup whose family is
// only known at run time needs no jump table (a few loads from one cache line, arithmetic, one
// slot load); with a constant family the compiler folds the descriptor away.
struct value_route {
  std::uint32_t mid_mask;
  std::uint32_t pages;
  std::uint32_t low_mask;
  std::uint8_t shift;
  std::uint8_t low_bits;
  std::uint16_t base;
};
template <value_shape Shape>
constexpr value_route route_of(std::size_t base) {
  const std::uint32_t low = (1u << Shape.low_bits) - 1;
  return {static_cast<std::uint32_t>(((std::uint64_t{1} << Shape.shift) - 1) & ~std::uint64_t{low}),
          Shape.pages,
          low,
          static_cast<std::uint8_t>(Shape.shift),
          static_cast<std::uint8_t>(Shape.low_bits),
          static_cast<std::uint16_t>(base)};
}
inline constexpr std::size_t all_value_slots = wlan_reason_table_shape.size + wdi_assoc_status_table_shape.size +
                                               wcn_session_status_table_shape.size + ieee80211_reason_table_shape.size +
                                               ieee80211_status_table_shape.size;
static_assert(all_value_slots < 65536);
struct value_routes {
  std::array<value_route, family_count> route{};
  std::array<const code_info*, all_value_slots> slots{};
};
constexpr value_routes make_value_routes() {
  value_routes r;
  std::size_t base = 0;
  const auto add = [&r, &base](family f, value_route route, const auto& slots) {
    r.route[static_cast<std::size_t>(f)] = route;
    for (std::size_t i = 0; i < slots.size(); ++i) r.slots[base + i] = slots[i];
    base += slots.size();
  };
  add(family::wlan_reason, route_of<wlan_reason_table_shape>(base), wlan_reason_table_by_value.slots);
  add(family::wdi_assoc_status, route_of<wdi_assoc_status_table_shape>(base), wdi_assoc_status_table_by_value.slots);
  add(family::wcn_session_status, route_of<wcn_session_status_table_shape>(base),
      wcn_session_status_table_by_value.slots);
  add(family::ieee80211_reason, route_of<ieee80211_reason_table_shape>(base), ieee80211_reason_table_by_value.slots);
  add(family::ieee80211_status, route_of<ieee80211_status_table_shape>(base), ieee80211_status_table_by_value.slots);
  return r;
}
inline constexpr value_routes value_routes_all = make_value_routes();
}  // namespace detail

constexpr const code_info* find_inline(family f, std::uint32_t value) noexcept {
  const auto i = static_cast<std::size_t>(f);
  if (i >= family_count) return nullptr;
  const detail::value_route& r = detail::value_routes_all.route[i];
  const std::uint32_t page = value >> r.shift;
  if ((value & r.mid_mask) != 0 || page >= r.pages) return nullptr;
  return detail::value_routes_all.slots[r.base + ((std::size_t{page} << r.low_bits) | (value & r.low_mask))];
}

template <class E, class = decltype(family_of<E>::value)>
constexpr const code_info* find_inline(E code) noexcept {
  return find_inline(family_of<E>::value, static_cast<std::uint32_t>(code));
}

}  // namespace wlancode
