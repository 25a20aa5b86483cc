// std::error_code support: one std::error_category per family, so that
// std::error_code ec = wlancode::wlan_reason::NOT_VISIBLE; ec.message() works.
#pragma once

#include <system_error>
#include <type_traits>

#include "wlancode/codes.hpp"

namespace wlancode {

// The category of a family; name() is the family id, message() the documented meaning.
WLANCODE_API const std::error_category& category(family f) noexcept;

// make_error_code for every typed enum (found by argument-dependent lookup).
#define WLANCODE_FAMILY(id, ...) \
  inline std::error_code make_error_code(id e) noexcept { return {static_cast<int>(e), category(family::id)}; }
#include "wlancode/tables/families.def"

}  // namespace wlancode

#define WLANCODE_FAMILY(id, ...) \
  template <>                    \
  struct std::is_error_code_enum<wlancode::id> : std::true_type {};
#include "wlancode/tables/families.def"
