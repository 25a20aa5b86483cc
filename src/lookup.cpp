// Lookups by value and by name over the compile-time indexes.
#include <algorithm>

#include "wlancode/detail/index.hpp"
#include "wlancode/lookup_inline.hpp"

namespace wlancode {
namespace {
using namespace detail;

// One name index per family, built at compile time (the value indexes are in lookup_inline.hpp).
#define WLANCODE_FAMILY(id, ...) \
  constexpr auto id##_by_name = make_name_index<count_name_keys(id##_table, family::id)>(id##_table, family::id);
#include "wlancode/tables/families.def"

struct family_index {
  std::span<const code_info> rows;
  std::span<const name_key> name_keys;
  std::span<const std::uint16_t> name_slots;
};

constexpr family_index indexes[] = {
#define WLANCODE_FAMILY(id, ...) {id##_table, id##_by_name.keys, id##_by_name.slots},
#include "wlancode/tables/families.def"
};
static_assert(std::size(indexes) == family_count);

// Every side table must name existing codes: a typo would silently drop a hint or a text.
constexpr bool names_a_code(family f, std::string_view suffix) {
  for (const code_info& c : table_of(f))
    if (c.suffix == suffix || c.name == suffix) return true;
  return false;
}
constexpr bool side_tables_resolve() {
  for (const auto& h : hint_rows)
    if (!h.suffix.empty() && !names_a_code(h.fam, h.suffix)) return false;
  for (const auto& l : link_rows)
    if (!names_a_code(l.fam, l.suffix)) return false;
  for (const auto& r : runtime_rows)
    if (!r.name.empty() && !names_a_code(family::wlan_reason, r.name)) return false;
  return true;
}
static_assert(side_tables_resolve(), "hints.def, links.def or wlan_reason_text.def names an unknown code");

constexpr bool valid(family f) noexcept { return static_cast<std::size_t>(f) < family_count; }

// Longest name a query may have; names in the tables are far shorter.
constexpr std::size_t max_name = 128;

}  // namespace

std::span<const code_info> codes(family f) noexcept { return table_of(f); }

const code_info* find(family f, std::uint32_t value) noexcept { return find_inline(f, value); }

namespace {
const code_info* find_own(family f, std::string_view name) noexcept {
  char buf[max_name];
  for (std::size_t i = 0; i < name.size(); ++i) buf[i] = normalise(name[i]);
  const std::string_view key(buf, name.size());
  const family_index& ix = indexes[static_cast<std::size_t>(f)];
  const std::size_t mask = ix.name_slots.size() - 1;
  for (std::size_t slot = hash_name(key) & mask;; slot = (slot + 1) & mask) {
    const std::uint16_t s = ix.name_slots[slot];
    if (s == 0) return nullptr;
    const name_key& k = ix.name_keys[s - 1];
    if (k.key == key) return &ix.rows[k.row];
  }
}
}  // namespace

const code_info* find(family f, std::string_view name) noexcept {
  if (!valid(f) || name.empty() || name.size() > max_name) return nullptr;
  if (const code_info* c = find_own(f, name)) return c;
  // A range from 0 that holds another family's codes as they are (ESP-IDF reasons below 200
  // are 802.11 reason codes) also resolves that family's names, with or without this prefix.
  for (const range_info& r : ranges(f)) {
    if (!r.has_inner || r.first != 0) continue;
    const std::string_view prefix = name_prefix(f);
    const bool prefixed = name.size() > prefix.size() && std::equal(prefix.begin(), prefix.end(), name.begin(),
                                                                    [](char a, char b) { return a == normalise(b); });
    const code_info* c = find_own(r.inner, prefixed ? name.substr(prefix.size()) : name);
    if (!c) c = find_own(r.inner, name);
    if (c && c->value <= r.last) return c;
  }
  return nullptr;
}

std::span<const macro_info> macros() noexcept { return macro_table; }

const macro_info* find_macro(std::string_view name) noexcept {
  auto same = [name](const macro_info& m) {
    return m.name.size() == name.size() &&
           std::equal(m.name.begin(), m.name.end(), name.begin(), [](char a, char b) { return a == normalise(b); });
  };
  const auto it = std::find_if(std::begin(macro_table), std::end(macro_table), same);
  return it == std::end(macro_table) ? nullptr : &*it;
}

std::string_view to_string(family f) noexcept {
  return valid(f) ? family_rows[static_cast<std::size_t>(f)].id : std::string_view{};
}
std::string_view type_name(family f) noexcept {
  return valid(f) ? family_rows[static_cast<std::size_t>(f)].type_name : std::string_view{};
}
std::string_view name_prefix(family f) noexcept {
  return valid(f) ? family_rows[static_cast<std::size_t>(f)].prefix : std::string_view{};
}
std::string_view header(family f) noexcept {
  return valid(f) ? family_rows[static_cast<std::size_t>(f)].header : std::string_view{};
}
unsigned value_bits(family f) noexcept { return valid(f) ? family_rows[static_cast<std::size_t>(f)].bits : 0; }

std::optional<family> parse_family(std::string_view id) noexcept {
  for (family f : all_families)
    if (to_string(f) == id) return f;
  return std::nullopt;
}

std::string_view version() noexcept { return WLANCODE_VERSION; }

}  // namespace wlancode
