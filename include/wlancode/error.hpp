// std::error_code support: one std::error_category per family, so that
// std::error_code ec = wlancode::wlan_reason::NOT_VISIBLE; ec.message() works.
#pragma once

#include <system_error>
#include <type_traits>

#include "wlancode/codes.hpp"

namespace wlancode {

// The category of a family; name() is the family id, message() the documented meaning.
WLANCODE_API const std::error_category& category(family f) noexcept;

#define WLANCODE_ERROR_ENUM_(E) \
  inline std::error_code make_error_code(E e) noexcept { return {static_cast<int>(e), category(family_of<E>::value)}; }
WLANCODE_ERROR_ENUM_(wlan_reason)
WLANCODE_ERROR_ENUM_(wdi_assoc_status)
WLANCODE_ERROR_ENUM_(wcn_session_status)
WLANCODE_ERROR_ENUM_(ieee80211_reason)
WLANCODE_ERROR_ENUM_(ieee80211_status)
#undef WLANCODE_ERROR_ENUM_

}  // namespace wlancode

template <>
struct std::is_error_code_enum<wlancode::wlan_reason> : std::true_type {};
template <>
struct std::is_error_code_enum<wlancode::wdi_assoc_status> : std::true_type {};
template <>
struct std::is_error_code_enum<wlancode::wcn_session_status> : std::true_type {};
template <>
struct std::is_error_code_enum<wlancode::ieee80211_reason> : std::true_type {};
template <>
struct std::is_error_code_enum<wlancode::ieee80211_status> : std::true_type {};
