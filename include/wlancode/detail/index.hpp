// Not public API (may change): compile-time hash indexes over the code tables, for O(1) allocation-free lookups.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "wlancode/detail/tables.hpp"

namespace wlancode::detail {

// ---- by value, family known in code -------------------------------------------------------
// A direct index, no hashing and no probing. A family's values cluster in a few ranges (e.g.
// WLAN_REASON_CODE_MSMSEC_BASE + n), so each value splits into a page (its high bits, from bit
// `shift`), an offset (its `low_bits` low bits) and middle bits that are zero for every listed
// value. slots[page << low_bits | offset] is the row, or null. The shape is searched at compile
// time for the smallest table; a value with a middle bit set, or beyond the last page, is not listed.
struct value_shape {
  unsigned low_bits = 0;
  unsigned shift = 0;
  std::uint32_t pages = 0;
  std::size_t size = 0;  // pages << low_bits
};

template <std::size_t Rows>
constexpr value_shape best_shape(const code_info (&rows)[Rows]) {
  value_shape best{0, 0, 0, std::size_t(-1)};
  for (unsigned low = 0; low <= 12; ++low) {
    for (unsigned shift = low; shift <= 31; ++shift) {
      const std::uint32_t mid =
          static_cast<std::uint32_t>(((std::uint64_t{1} << shift) - 1) & ~((std::uint64_t{1} << low) - 1));
      std::uint32_t pages = 0;
      bool ok = true;
      for (const code_info& r : rows) {
        if (r.value & mid) ok = false;
        pages = std::max(pages, (r.value >> shift) + 1);
      }
      const std::size_t size = std::size_t{pages} << low;
      if (ok && size < best.size) best = {low, shift, pages, size};
    }
  }
  if (best.size > 8192) throw "a code table's values are too scattered for a direct index";
  return best;
}

template <value_shape Shape>
struct value_index {
  std::array<const code_info*, Shape.size> slots{};
};

template <value_shape Shape, std::size_t Rows>
constexpr value_index<Shape> make_value_index(const code_info (&rows)[Rows]) {
  value_index<Shape> index;
  for (const code_info& r : rows) {
    const std::size_t slot =
        (std::size_t{r.value >> Shape.shift} << Shape.low_bits) | (r.value & ((1u << Shape.low_bits) - 1));
    if (index.slots[slot] != nullptr) throw "duplicate value in a code table";
    index.slots[slot] = &r;
  }
  return index;
}

template <value_shape Shape>
constexpr const code_info* probe(const value_index<Shape>& index, std::uint32_t value) noexcept {
  constexpr std::uint32_t low_mask = (1u << Shape.low_bits) - 1;
  constexpr std::uint32_t mid_mask =
      static_cast<std::uint32_t>(((std::uint64_t{1} << Shape.shift) - 1) & ~std::uint64_t{low_mask});
  const std::uint32_t page = value >> Shape.shift;
  if ((value & mid_mask) != 0 || page >= Shape.pages) return nullptr;
  return index.slots[(std::size_t{page} << Shape.low_bits) | (value & low_mask)];
}

// ---- any family: one perfect hash over every (family, value) pair -------------------------
// slot = (key * mult) >> (64 - bits), where the multiplier is searched at compile time so that no
// two codes share a slot. A lookup is a multiply, a shift and one key compare: no probing, no
// branch on the family, so codes of mixed families cost the same as codes of one.
constexpr std::uint64_t value_key(family f, std::uint32_t value) noexcept {
  return (std::uint64_t{value} << 3) + static_cast<std::uint64_t>(f);  // one lea
}
static_assert(family_count <= 8, "value_key packs the family into 3 bits");

constexpr std::size_t count_all_codes() noexcept {
  std::size_t n = 0;
  for (family f : all_families) n += table_of(f).size();
  return n;
}
inline constexpr std::size_t all_code_count = count_all_codes();

struct value_hash_params {
  std::uint64_t mult = 0;
  unsigned bits = 0;
};

constexpr std::uint64_t splitmix64(std::uint64_t& state) noexcept {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

inline constexpr unsigned max_value_hash_bits = 15;

constexpr bool places_every_code(std::uint64_t mult, unsigned bits) {
  std::array<std::uint64_t, (std::size_t{1} << max_value_hash_bits) / 64> used{};
  for (family f : all_families)
    for (const code_info& c : table_of(f)) {
      const std::uint64_t slot = (value_key(f, c.value) * mult) >> (64 - bits);
      std::uint64_t& word = used[slot / 64];
      if (word & (std::uint64_t{1} << (slot % 64))) return false;
      word |= std::uint64_t{1} << (slot % 64);
    }
  return true;
}

// At a load of at most 1/4 a random multiplier is perfect often enough that the search ends
// within a few dozen tries (and stays inside the compilers' constexpr step limits).
constexpr value_hash_params search_value_hash() {
  for (unsigned bits = static_cast<unsigned>(std::bit_width(all_code_count * 4 - 1)); bits <= max_value_hash_bits;
       ++bits) {
    std::uint64_t state = 0;
    for (int trial = 0; trial < 256; ++trial) {
      const std::uint64_t mult = splitmix64(state) | 1;
      if (places_every_code(mult, bits)) return {mult, bits};
    }
  }
  throw "no perfect multiplicative hash for the value tables";
}

// ---- by name -------------------------------------------------------------------------
// Keys are upper case; a query is normalised the same way before hashing.
constexpr char normalise(char c) noexcept {
  if (c >= 'a' && c <= 'z') return static_cast<char>(c - 'a' + 'A');
  if (c == '-' || c == ' ') return '_';
  return c;
}
// Hashes the length and up to 24 bytes (head, middle, tail): names differ early or late, and a
// collision costs only a string compare. Much shorter than a byte-at-a-time hash chain.
constexpr std::uint64_t load_up_to_8(std::string_view s, std::size_t at) noexcept {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8 && at + i < s.size(); ++i)
    v |= std::uint64_t{static_cast<unsigned char>(s[at + i])} << (8 * i);
  return v;
}
constexpr std::uint32_t hash_name(std::string_view s) noexcept {
  const std::size_t n = s.size();
  const std::uint64_t head = load_up_to_8(s, 0);
  const std::uint64_t mid = n > 16 ? load_up_to_8(s, n / 2 - 4) : 0;
  const std::uint64_t tail = n > 8 ? load_up_to_8(s, n - 8) : 0;
  std::uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ (mid * 0xC2B2AE3D27D4EB4Full) ^ (tail * 0x165667B19E3779F9ull) ^ n;
  h ^= h >> 29;
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

struct name_key {
  std::string_view key;
  std::uint16_t row;
};

// The keys of one row: full name, suffix, suffix without a leading MSMSEC_/ONEX_.
struct row_keys {
  std::array<std::string_view, 3> keys{};
  std::size_t count = 0;
};
constexpr row_keys keys_of(const code_info& c) {
  row_keys out;
  auto add = [&out](std::string_view k) {
    for (std::size_t i = 0; i < out.count; ++i)
      if (out.keys[i] == k) return;
    out.keys[out.count++] = k;
  };
  add(c.name);
  add(c.suffix);
  for (std::string_view part : {std::string_view("MSMSEC_"), std::string_view("ONEX_")})
    if (c.suffix.starts_with(part) && c.suffix.size() > part.size()) add(c.suffix.substr(part.size()));
  return out;
}

template <std::size_t Rows>
constexpr std::size_t count_name_keys(const code_info (&rows)[Rows], family fam) {
  std::size_t n = 0;
  for (const auto& r : rows) n += keys_of(r).count;
  for (const auto& a : alias_rows) n += (a.fam == fam);
  return n;
}

template <std::size_t Keys>
struct name_index {
  static constexpr std::size_t size = std::bit_ceil(Keys * 2 < 16 ? std::size_t{16} : Keys * 2);
  std::array<name_key, Keys> keys{};
  std::array<std::uint16_t, size> slots{};  // key index + 1
};

template <std::size_t Keys, std::size_t Rows>
constexpr name_index<Keys> make_name_index(const code_info (&rows)[Rows], family fam) {
  name_index<Keys> index;
  std::size_t k = 0;
  auto insert = [&](std::string_view key, std::size_t row) {
    std::size_t slot = hash_name(key) & (index.size - 1);
    while (index.slots[slot] != 0) {
      if (index.keys[index.slots[slot] - 1].key == key) throw "a name key resolves to two codes";
      slot = (slot + 1) & (index.size - 1);
    }
    index.keys[k] = {key, static_cast<std::uint16_t>(row)};
    index.slots[slot] = static_cast<std::uint16_t>(++k);
  };
  for (std::size_t i = 0; i < Rows; ++i) {
    const row_keys rk = keys_of(rows[i]);
    for (std::size_t j = 0; j < rk.count; ++j) insert(rk.keys[j], i);
  }
  for (const auto& a : alias_rows) {
    if (a.fam != fam) continue;
    std::size_t target = Rows;
    for (std::size_t i = 0; i < Rows; ++i)
      if (rows[i].suffix == a.target_suffix || rows[i].name == a.target_suffix) target = i;
    if (target == Rows) throw "alias names no row";
    insert(a.alias, target);
  }
  return index;
}

}  // namespace wlancode::detail
