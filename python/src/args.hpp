// Conversions of Python arguments shared by the bindings: family names, 32-bit values.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <optional>
#include <string>

#include "wlancode/codes.hpp"

namespace wlancode::py {

namespace pyb = pybind11;

// A family given as wlancode.Family, its int value or its id ("wlan_reason"). None: std::nullopt.
std::optional<family> family_arg(const pyb::handle& h);
family required_family(const pyb::handle& h);

// A Python int as a 32-bit code value: 0..0xFFFFFFFF, or a negative int32 (two's complement, as
// logs print DWORDs). Anything else raises OverflowError (out of range) or TypeError.
std::uint32_t value_arg(const pyb::handle& h);

// A str as UTF-8; a str that is not valid Unicode (lone surrogates) raises UnicodeEncodeError.
std::string utf8(const pyb::handle& h);

// The Python object of the Family member for `f` (wlancode.Family(int(f))).
pyb::object family_object(family f);

}  // namespace wlancode::py
