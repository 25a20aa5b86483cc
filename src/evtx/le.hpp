// Internal: little-endian loads from a byte buffer (the caller has checked the bounds).
#pragma once

#include <cstdint>

namespace wlancode::evtx {

constexpr std::uint16_t le16(const unsigned char* p) noexcept { return static_cast<std::uint16_t>(p[0] | p[1] << 8); }
constexpr std::uint32_t le32(const unsigned char* p) noexcept {
  return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24;
}
constexpr std::uint64_t le64(const unsigned char* p) noexcept {
  return std::uint64_t{le32(p)} | std::uint64_t{le32(p + 4)} << 32;
}

}  // namespace wlancode::evtx
