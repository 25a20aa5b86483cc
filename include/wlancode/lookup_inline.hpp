// Header-only, constexpr lookup by value: the same answer as wlancode::find(family, value), but
// inlinable into hot loops and usable at compile time:
//   static_assert(wlancode::find_inline(wlancode::family::wlan_reason, 0x00048014)->suffix ==
//                 "MSMSEC_PSK_MISMATCH_SUSPECTED");
// Three forms: find_inline(family, value) for a family known only at run time, and
// find_inline<family::F>(value) or find_inline(typed_enum) when the family is known in code.
// The tables they point into are this binary's own copy: with the shared library, find() and
// find_inline() give equal records at different addresses. Compare codes by family and value.
#pragma once

#include "wlancode/detail/index.hpp"

namespace wlancode {
namespace detail {

// ---- family known only at run time: the perfect hash over every code ------------------------
inline constexpr value_hash_params value_hash = search_value_hash();
inline constexpr std::size_t value_hash_size = std::size_t{1} << value_hash.bits;

constexpr std::size_t value_slot(std::uint64_t key) noexcept {
  return static_cast<std::size_t>((key * value_hash.mult) >> (64 - value_hash.bits));
}

// Keys and rows apart, so both are indexed with the natural 8-byte scale.
struct value_hash_index {
  std::array<std::uint64_t, value_hash_size> keys{};  // ~0 marks an empty slot: no key has all bits set
  std::array<const code_info*, value_hash_size> rows{};
};
constexpr value_hash_index make_value_hash_index() {
  value_hash_index index;
  for (std::uint64_t& k : index.keys) k = ~std::uint64_t{0};
  for (family f : all_families)
    for (const code_info& c : table_of(f)) {
      const std::uint64_t key = value_key(f, c.value);
      index.keys[value_slot(key)] = key;
      index.rows[value_slot(key)] = &c;
    }
  return index;
}
inline constexpr value_hash_index value_hash_all = make_value_hash_index();

// ---- family known in code: a direct index per family ----------------------------------------
#define WLANCODE_FAMILY(id, ...)                                    \
  inline constexpr value_shape id##_shape = best_shape(id##_table); \
  inline constexpr auto id##_by_value = make_value_index<id##_shape>(id##_table);
#include "wlancode/tables/families.def"

template <family F>
constexpr const auto& value_index_of() noexcept {
#define WLANCODE_FAMILY(id, ...) \
  if constexpr (F == family::id) return id##_by_value;
#include "wlancode/tables/families.def"
}

}  // namespace detail

constexpr const code_info* find_inline(family f, std::uint32_t value) noexcept {
  if (static_cast<std::size_t>(f) >= family_count) return nullptr;
  const std::uint64_t key = detail::value_key(f, value);
  const std::size_t slot = detail::value_slot(key);
  return detail::value_hash_all.keys[slot] == key ? detail::value_hash_all.rows[slot] : nullptr;
}

template <family F>
constexpr const code_info* find_inline(std::uint32_t value) noexcept {
  return detail::probe(detail::value_index_of<F>(), value);
}

template <class E, class = decltype(family_of<E>::value)>
constexpr const code_info* find_inline(E code) noexcept {
  return find_inline<family_of<E>::value>(static_cast<std::uint32_t>(code));
}

}  // namespace wlancode
