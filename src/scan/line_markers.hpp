// The marks a line may hold (grammar/markers.def): what the generic code contexts infer a family
// from, and the marks of a locally generated reason. One question per group: "does the line hold
// any of the group's texts?", answered by a SIMD pass over the line's byte pairs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wlancode::scan::detail {

enum class marker_group : std::uint8_t { esp, wps, nwifi, reason_word, status_word, local, other_protocol };
constexpr std::size_t marker_group_count = 7;

bool has_marker(std::string_view line, marker_group g) noexcept;

// For tests: the same answer by one path: width 512 (AVX-512), 256 (AVX2) where the CPU has it,
// otherwise (and for 0) byte by byte.
bool has_marker_by(std::string_view line, marker_group g, int width) noexcept;

}  // namespace wlancode::scan::detail
