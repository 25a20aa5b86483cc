// The JSONL record of a finding: the one writer of the schema of docs/scan.md, used by the CLI's
// `scan --format jsonl` and by the Python module (python/), so that every output has the same keys.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "wlancode/codes.hpp"
#include "wlancode/export.h"
#include "wlancode/scan.hpp"

namespace wlancode::scan {

// The context a finding may carry, in the order every format gives it: JSON key and CSV column,
// and the label of the text format.
struct context_field {
  std::string_view key;
  std::string_view label;
  std::string finding::*member;
};
WLANCODE_API std::span<const context_field> context_fields() noexcept;

// Appends one finding as a JSON object and a newline to `out` (reused between findings: no
// per-field temporaries). Thread-safe.
WLANCODE_API void append_jsonl(std::string& out, const finding& f);

// Appends `s` as a JSON string literal: invalid UTF-8 bytes become \uFFFD, control characters
// (C0, DEL, C1) \u escapes, so that JSON shown on a terminal cannot drive it.
WLANCODE_API void append_json_string(std::string& out, std::string_view s);
// The same into a caller's buffer of at least json_escaped_max(s.size()) bytes; returns the end of
// what it wrote (no allocation: the JSONL writer's primitive).
WLANCODE_API char* escape_json_into(char* out, std::string_view s) noexcept;
// Escaping makes at most 6 bytes of one (\u00XX, \uFFFD), plus the two quotes.
constexpr std::size_t json_escaped_max(std::size_t n) noexcept { return 6 * n + 2; }

// "0x00038004" for 32-bit families, "0x0003" for 16-bit ones; hex32 always 8 digits.
WLANCODE_API std::string hex(family f, std::uint32_t value);
WLANCODE_API std::string hex32(std::uint32_t value);
// A finding's value in hex as above ("" without a value; 8 digits for raw values).
WLANCODE_API std::string value_hex(const finding& f);
// A confidence as "0.85": two decimals, without printf's locale.
WLANCODE_API std::string confidence_text(double c);

}  // namespace wlancode::scan
