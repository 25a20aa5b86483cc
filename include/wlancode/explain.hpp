// Resolving what a user typed (a number in any common spelling, or a name) to codes.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wlancode/codes.hpp"

namespace wlancode {

// A number as logs print codes: "0x00038004", "0x38004", "229380", or a negative int32
// ("-2147024891", "-3"). Surrounding ASCII whitespace is ignored.
struct parsed_number {
  std::uint32_t value = 0;     // the 32-bit pattern
  bool negative = false;       // written with a minus sign
  std::int64_t magnitude = 0;  // |number| as written, for negative inputs
};
enum class parse_error { none, empty, not_a_number, out_of_range, negative_zero };
struct parse_result {
  std::optional<parsed_number> number;
  parse_error error = parse_error::none;
};
WLANCODE_API parse_result parse_number(std::string_view text) noexcept;
WLANCODE_API std::string_view to_string(parse_error e) noexcept;

struct match {
  const code_info* code = nullptr;
  bool locally_generated = false;  // a negative 802.11 reason, as NetworkManager prints it
  double score = 1.0;              // below 1.0: an approximate text match
  bool approximate = false;        // found by text similarity, not by value, name or exact text
};

struct explanation {
  std::string input;
  std::optional<parsed_number> number;    // set when the input is numeric
  std::string error;                      // why the input could not be read, if it could not
  std::vector<match> matches;             // best guess first
  std::vector<const macro_info*> macros;  // range macros named by the input
  std::optional<family> range_family;     // where `range` was classified
  classification range;                   // range of a numeric input (range.range may be null);
                                          // range.inner: the code its low 16 bits carry, if any
  // Families that reserve the (unlisted) value: IEEE 802.11 reserves every value of its 16-bit
  // reason and status fields that it does not assign. Set only when nothing matched.
  std::vector<family> reserved_in;
  bool found() const noexcept {
    return !matches.empty() || !macros.empty() || !reserved_in.empty() || range.inner != nullptr;
  }
};

// Explains one input. With `only`, considers that family alone; otherwise every family in which
// the input is meaningful, best guess first.
WLANCODE_API explanation explain(std::string_view input, std::optional<family> only = std::nullopt);

// Explains a reason sentence as Windows prints it ("Failure Reason: The specific network is not
// available."): exact and normalised matches first, then approximate ones with their score.
WLANCODE_API explanation explain_text(std::string_view sentence);

// Codes whose name, meaning, runtime text or phrase contains every word (case-insensitive).
WLANCODE_API std::vector<const code_info*> search(std::span<const std::string> words,
                                                  std::optional<family> only = std::nullopt);

}  // namespace wlancode
