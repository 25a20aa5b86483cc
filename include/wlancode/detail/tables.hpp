// Not public API (may change): the constexpr views of the .def tables. Every other file reads codes through these.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "wlancode/codes.hpp"

namespace wlancode::detail {

// Flag tokens used in the .def rows.
inline constexpr std::uint32_t F_PAGE = flag::page;
inline constexpr std::uint32_t F_XP = flag::xp;
inline constexpr std::uint32_t F_OWN = flag::own;
inline constexpr std::uint32_t F_RESERVED = flag::reserved;

// Provenance labels.
inline constexpr std::string_view src_wlancode = "wlancode";
inline constexpr std::string_view src_eventlog = "Windows event log (public reports)";
inline constexpr std::string_view src_appendix_e = "Microsoft Vista 802.11 troubleshooting guide, Appendix E";
inline constexpr std::string_view src_message_table = "Windows message table (public dump)";
inline constexpr std::string_view src_other = "public source (see wlan_reason_text.def)";

// ---- sections ------------------------------------------------------------------------
struct section_row {
  std::string_view id;
  section_info info;
};
inline constexpr section_row sections[] = {
#define WLANCODE_SECTION(fam, id, heading, header) {#id, {family::fam, heading, header}},
#include "wlancode/tables/families.def"
};
// A row's section, by the family and the id the row names; a typo fails to compile.
constexpr const section_info* section_for(family fam, std::string_view id) {
  for (const section_row& s : sections)
    if (s.info.fam == fam && s.id == id) return &s.info;
  throw "a code row names a section its table does not define";
}

// ---- runtime texts (Windows' own strings) ------------------------------------------
struct runtime_row {
  std::string_view name;
  sourced_text text;
};
inline constexpr runtime_row runtime_rows[] = {
#define WLANCODE_TEXT(name, text, source) {#name, {text, source}},
#include "wlancode/tables/wlan_reason_text.def"
};
constexpr sourced_text runtime_for(std::string_view name) {
  for (const auto& row : runtime_rows)
    if (row.name == name) return row.text;
  return {};
}

// ---- hints (heuristics) --------------------------------------------------------------
struct hint_row {
  family fam;
  std::string_view suffix;
  hint_info hint;
};
inline constexpr hint_row hint_rows[] = {
#define WLANCODE_HINT(fam, suffix, cause, action) {family::fam, #suffix, {cause, action}},
#include "wlancode/tables/hints.def"
};
constexpr const hint_info* hint_for(family fam, std::string_view suffix) {
  for (const auto& row : hint_rows)
    if (row.fam == fam && row.suffix == suffix) return &row.hint;
  return nullptr;
}

// ---- cross-family links -------------------------------------------------------------
struct link_row {
  family fam;
  std::string_view suffix;
  link_info link;
};
inline constexpr link_row link_rows[] = {
#define WLANCODE_LINK(fam, suffix, target, where) {family::fam, #suffix, {family::target, where}},
#include "wlancode/tables/links.def"
};
constexpr const link_info* link_for(family fam, std::string_view suffix) {
  for (const auto& row : link_rows)
    if (row.fam == fam && row.suffix == suffix) return &row.link;
  return nullptr;
}

// ---- code rows -----------------------------------------------------------------------
// A name is the family prefix and the row's suffix joined at compile time into one
// NUL-terminated array, so code_info::name is a plain C string as the C ABI needs.
template <std::size_t N>
struct literal {
  char text[N]{};
  constexpr literal(const char (&s)[N]) {  // NOLINT: implicit, so string literals convert
    for (std::size_t i = 0; i < N; ++i) text[i] = s[i];
  }
};
template <literal Prefix, literal Suffix>
inline constexpr auto joined_name = [] {
  constexpr std::size_t p = sizeof Prefix.text - 1, n = sizeof Suffix.text;
  std::array<char, p + n> out{};
  for (std::size_t i = 0; i < p; ++i) out[i] = Prefix.text[i];
  for (std::size_t i = 0; i < n; ++i) out[p + i] = Suffix.text[i];
  return out;
}();
template <literal Prefix, literal Suffix>
constexpr std::string_view name_of() {
  return {joined_name<Prefix, Suffix>.data(), joined_name<Prefix, Suffix>.size() - 1};
}

// A full-name row's suffix: the name without the family prefix where it has it (WCN_VALUE_CE_2_4_...).
constexpr std::string_view suffix_of(std::string_view name, std::string_view prefix) {
  return name.starts_with(prefix) ? name.substr(prefix.size()) : name;
}

constexpr code_info make_row(family fam, std::string_view name, std::string_view suffix, std::uint32_t value,
                             std::string_view sec, phase ph, initiator ini, std::uint32_t fl, std::string_view meaning,
                             std::string_view phrase, std::string_view meaning_src) {
  return {fam,
          value,
          name,
          suffix,
          section_for(fam, sec),
          ph,
          ini,
          fl,
          {meaning, (fl & F_OWN) ? src_wlancode : meaning_src},
          runtime_for(name),
          {phrase, src_wlancode},
          hint_for(fam, suffix),
          link_for(fam, suffix)};
}

// One table per family, `<id>_table`, in a namespace of its own whose constants the rows read.
#define WLANCODE_FAMILY(id, type, prefix, bits, header, source, ...) \
  namespace id##_rows {                                              \
    inline constexpr family fam = family::id;                        \
    inline constexpr literal<sizeof(prefix)> name_prefix = prefix;   \
    inline constexpr std::string_view meaning_source = source;       \
    inline constexpr code_info table[] = {
#define WLANCODE(s, value, sec, ph, ini, fl, meaning, phrase)                                                       \
  make_row(fam, name_of<name_prefix, #s>(), #s, static_cast<std::uint32_t>(value), #sec, phase::ph, initiator::ini, \
           (fl), meaning, phrase, meaning_source),
#define WLANCODE_NP(s, value, sec, ph, ini, fl, meaning, phrase)                                         \
  make_row(fam, #s, suffix_of(#s, name_prefix.text), static_cast<std::uint32_t>(value), #sec, phase::ph, \
           initiator::ini, (fl), meaning, phrase, meaning_source),
#define WLANCODE_FAMILY_END(id) \
  }                             \
  ;                             \
  }                             \
  inline constexpr auto& id##_table = id##_rows::table;
#include "wlancode/tables/families.def"

// ---- aliases -------------------------------------------------------------------------
struct alias_row {
  family fam;
  std::string_view alias;
  std::string_view target_suffix;
};
inline constexpr alias_row alias_rows[] = {
#define WLANCODE_ALIAS(fam, alias, target) {family::fam, alias, #target},
#include "wlancode/tables/aliases.def"
};

// ---- WLAN_REASON_CODE macros and ranges ----------------------------------------------
namespace sdk {
#define WLANCODE_MACRO(name, expr, desc) inline constexpr std::uint32_t name = (expr);
#include "wlancode/tables/wlan_reason_macros.def"
// A range's INNER column: a family id, or `none`.
enum class inner_family : int {
#define WLANCODE_FAMILY(id, ...) id,
#include "wlancode/tables/families.def"
  none
};
constexpr range_info make_range(family fam, std::string_view id, std::uint32_t first, std::uint32_t last,
                                std::string_view label, inner_family inner) {
  const bool has = inner != inner_family::none;
  return {fam, id, first, last, label, has, has ? static_cast<family>(inner) : fam};
}
// Ranges, in the scope of the macros their bounds name.
inline constexpr range_info range_table[] = {
#define WLANCODE_RANGE(fam, id, first, last, label, inner) \
  make_range(family::fam, #id, (first), (last), label, inner_family::inner),
#include "wlancode/tables/families.def"
};
}  // namespace sdk
inline constexpr macro_info macro_table[] = {
#define WLANCODE_MACRO(name, expr, desc) {#name, sdk::name, desc},
#include "wlancode/tables/wlan_reason_macros.def"
};
using sdk::range_table;

// ---- family descriptors --------------------------------------------------------------
struct family_row {
  std::string_view id;
  std::string_view type_name;
  std::string_view prefix;
  unsigned bits;
  std::string_view header;
  unsigned rank_small, rank_large;
  bool texts;
};
inline constexpr family_row family_rows[] = {
#define WLANCODE_FAMILY(id, type, prefix, bits, header, source, rank_small, rank_large, texts) \
  {#id, type, prefix, bits, header, rank_small, rank_large, texts != 0},
#include "wlancode/tables/families.def"
};

constexpr std::span<const code_info> table_of(family f) noexcept {
  switch (f) {
#define WLANCODE_FAMILY(id, ...) \
  case family::id:               \
    return id##_table;
#include "wlancode/tables/families.def"
  }
  return {};
}

}  // namespace wlancode::detail
