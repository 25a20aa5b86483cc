// Not public API (may change): compile-time hash indexes over the code tables, for O(1) allocation-free lookups.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "wlancode/detail/tables.hpp"

namespace wlancode::detail {

// ---- by value ------------------------------------------------------------------------
// Open addressing with linear probing. A slot keeps the value beside the row number (row + 1,
// 0 = empty), so a probe never touches the row unless it is the answer.
constexpr std::uint32_t hash_value(std::uint32_t v) noexcept { return v * 0x9E3779B1u; }

struct value_slot {
  std::uint32_t value = 0;
  std::uint32_t row = 0;  // row index + 1; 0 marks an empty slot
};

template <std::size_t Rows>
struct value_index {
  static constexpr std::size_t size = std::bit_ceil(Rows * 4 < 16 ? std::size_t{16} : Rows * 4);
  static constexpr unsigned shift = 32 - std::countr_zero(size);
  std::array<value_slot, size> slots{};
};

template <std::size_t Rows>
constexpr value_index<Rows> make_value_index(const code_info (&rows)[Rows]) {
  value_index<Rows> index;
  for (std::size_t i = 0; i < Rows; ++i) {
    std::size_t slot = hash_value(rows[i].value) >> index.shift;
    while (index.slots[slot].row != 0) {
      if (index.slots[slot].value == rows[i].value) throw "duplicate value in a code table";
      slot = (slot + 1) & (index.size - 1);
    }
    index.slots[slot] = {rows[i].value, static_cast<std::uint32_t>(i + 1)};
  }
  return index;
}

template <std::size_t Rows>
constexpr const code_info* probe(const value_index<Rows>& index, const code_info (&rows)[Rows],
                                 std::uint32_t value) noexcept {
  for (std::size_t slot = hash_value(value) >> index.shift;; slot = (slot + 1) & (index.size - 1)) {
    const value_slot& s = index.slots[slot];
    if (s.row == 0) return nullptr;
    if (s.value == value) return &rows[s.row - 1];
  }
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
      if (rows[i].suffix == a.target_suffix) target = i;
    if (target == Rows) throw "alias names no row";
    insert(a.alias, target);
  }
  return index;
}

}  // namespace wlancode::detail
