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
inline constexpr std::string_view src_docs = "Microsoft documentation";
inline constexpr std::string_view src_ieee = "IEEE Std 802.11 (paraphrased by wlancode)";
inline constexpr std::string_view src_wlancode = "wlancode";
inline constexpr std::string_view src_eventlog = "Windows event log (public reports)";
inline constexpr std::string_view src_appendix_e = "Microsoft Vista 802.11 troubleshooting guide, Appendix E";
inline constexpr std::string_view src_message_table = "Windows message table (public dump)";
inline constexpr std::string_view src_other = "public source (see wlan_reason_text.def)";

// ---- sections ------------------------------------------------------------------------
enum class section_id : std::uint8_t {
#define WLANCODE_SECTION(fam, id, ...) fam##__##id,
#include "wlancode/tables/sections.def"
#undef WLANCODE_SECTION
};
inline constexpr section_info sections[] = {
#define WLANCODE_SECTION(fam, id, heading, header) {family::fam, heading, header},
#include "wlancode/tables/sections.def"
#undef WLANCODE_SECTION
};

// ---- runtime texts (Windows' own strings) ------------------------------------------
struct runtime_row {
  std::string_view name;
  sourced_text text;
};
inline constexpr runtime_row runtime_rows[] = {
#if __has_include("wlancode/tables/wlan_reason_text.def")
#define WLANCODE_TEXT(name, text, source) {#name, {text, source}},
#include "wlancode/tables/wlan_reason_text.def"
#undef WLANCODE_TEXT
#endif
    {"", {}},  // keeps the array non-empty
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
#if __has_include("wlancode/tables/hints.def")
#define WLANCODE_HINT(fam, suffix, cause, action) {family::fam, #suffix, {cause, action}},
#include "wlancode/tables/hints.def"
#undef WLANCODE_HINT
#endif
    {family::wlan_reason, "", {}},
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
#undef WLANCODE_LINK
};
constexpr const link_info* link_for(family fam, std::string_view suffix) {
  for (const auto& row : link_rows)
    if (row.fam == fam && row.suffix == suffix) return &row.link;
  return nullptr;
}

// ---- code rows -----------------------------------------------------------------------
#define WLANCODE_ROW_(fam, name, suffix, value, sec, ph, ini, fl, meaning, phrase, meaning_src) \
  code_info{family::fam,                                                                        \
            static_cast<std::uint32_t>(value),                                                  \
            name,                                                                               \
            suffix,                                                                             \
            &sections[static_cast<std::size_t>(section_id::fam##__##sec)],                      \
            phase::ph,                                                                          \
            initiator::ini,                                                                     \
            (fl),                                                                               \
            {meaning, ((fl)&F_OWN) ? src_wlancode : meaning_src},                               \
            runtime_for(name),                                                                  \
            {phrase, src_wlancode},                                                             \
            hint_for(family::fam, suffix),                                                      \
            link_for(family::fam, suffix)},

inline constexpr code_info wlan_reason_table[] = {
#define WLANCODE(s, ...) WLANCODE_ROW_(wlan_reason, "WLAN_REASON_CODE_" #s, #s, __VA_ARGS__, src_docs)
#define WLANCODE_NP(s, ...) WLANCODE_ROW_(wlan_reason, #s, #s, __VA_ARGS__, src_docs)
#include "wlancode/tables/wlan_reason.def"
#undef WLANCODE_NP
#undef WLANCODE
};
inline constexpr code_info wdi_assoc_status_table[] = {
#define WLANCODE(s, ...) WLANCODE_ROW_(wdi_assoc_status, "WDI_ASSOC_STATUS_" #s, #s, __VA_ARGS__, src_docs)
#include "wlancode/tables/wdi_assoc_status.def"
#undef WLANCODE
};
inline constexpr code_info wcn_session_status_table[] = {
#define WLANCODE(s, ...) WLANCODE_ROW_(wcn_session_status, "WCN_SESSION_STATUS_" #s, #s, __VA_ARGS__, src_docs)
#include "wlancode/tables/wcn_session_status.def"
#undef WLANCODE
};
inline constexpr code_info ieee80211_reason_table[] = {
#define WLANCODE(s, ...) WLANCODE_ROW_(ieee80211_reason, "WLAN_REASON_" #s, #s, __VA_ARGS__, src_ieee)
#include "wlancode/tables/ieee80211_reason.def"
#undef WLANCODE
};
inline constexpr code_info ieee80211_status_table[] = {
#define WLANCODE(s, ...) WLANCODE_ROW_(ieee80211_status, "WLAN_STATUS_" #s, #s, __VA_ARGS__, src_ieee)
#include "wlancode/tables/ieee80211_status.def"
#undef WLANCODE
};
#undef WLANCODE_ROW_

// ---- aliases -------------------------------------------------------------------------
struct alias_row {
  family fam;
  std::string_view alias;
  std::string_view target_suffix;
};
inline constexpr alias_row alias_rows[] = {
#define WLANCODE_ALIAS(fam, alias, target) {family::fam, alias, #target},
#include "wlancode/tables/aliases.def"
#undef WLANCODE_ALIAS
};

// ---- WLAN_REASON_CODE macros and ranges ----------------------------------------------
namespace sdk {
#define WLANCODE_MACRO(name, expr, desc) inline constexpr std::uint32_t name = (expr);
#include "wlancode/tables/wlan_reason_macros.def"
#undef WLANCODE_MACRO
}  // namespace sdk
inline constexpr macro_info macro_table[] = {
#define WLANCODE_MACRO(name, expr, desc) {#name, sdk::name, desc},
#include "wlancode/tables/wlan_reason_macros.def"
#undef WLANCODE_MACRO
};
inline constexpr range_info wlan_reason_ranges[] = {
#define WLANCODE_RANGE(id, first, last, label) {family::wlan_reason, #id, sdk::first, sdk::last, label},
#include "wlancode/tables/wlan_reason_ranges.def"
#undef WLANCODE_RANGE
};

// ---- family descriptors --------------------------------------------------------------
struct family_row {
  std::string_view id;
  std::string_view type_name;
  std::string_view prefix;
  unsigned bits;
};
inline constexpr family_row family_rows[] = {
#define WLANCODE_FAMILY(id, type, prefix, bits) {#id, type, prefix, bits},
#include "wlancode/tables/families.def"
#undef WLANCODE_FAMILY
};

constexpr std::span<const code_info> table_of(family f) noexcept {
  switch (f) {
#define WLANCODE_FAMILY(id, ...) \
  case family::id:               \
    return id##_table;
#include "wlancode/tables/families.def"
#undef WLANCODE_FAMILY
  }
  return {};
}

}  // namespace wlancode::detail
