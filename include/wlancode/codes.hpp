// wlancode: every Windows and IEEE 802.11 Wi-Fi failure code, bit-exact, as a C++20 API.
// All enums and tables derive from the rows in wlancode/tables/*.def (families.def lists them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "wlancode/export.h"

namespace wlancode {

// The code families. Their ids ("wlan_reason", ...) are used by the API, the CLI and JSON.
enum class family : std::uint8_t {
#define WLANCODE_FAMILY(id, ...) id,
#include "wlancode/tables/families.def"
};
inline constexpr family all_families[] = {
#define WLANCODE_FAMILY(id, ...) family::id,
#include "wlancode/tables/families.def"
};
inline constexpr std::size_t family_count = std::size(all_families);

// The connection step a code belongs to.
enum class phase : std::uint8_t {
#define WLANCODE_PHASE(id, description) id,
#include "wlancode/tables/phases.def"
};
// Who is responsible for, or acted in, the event a code reports.
enum class initiator : std::uint8_t {
#define WLANCODE_INITIATOR(id, description) id,
#include "wlancode/tables/initiators.def"
};

// Bits of code_info::flags.
namespace flag {
inline constexpr std::uint32_t page = 1u << 0;      // named on the reference page
inline constexpr std::uint32_t xp = 1u << 1;        // Windows XP SP2/SP3 support remark applies
inline constexpr std::uint32_t own = 1u << 2;       // meaning is wlancode's own words
inline constexpr std::uint32_t reserved = 1u << 3;  // a reserved value
}  // namespace flag

// Typed enums with the exact header values, one per family, named after the family id.
// Enumerators are the names without the family prefix (wlan_reason::MSMSEC_PSK_MISMATCH_SUSPECTED
// is WLAN_REASON_CODE_MSMSEC_PSK_MISMATCH_SUSPECTED).
#define WLANCODE_FAMILY(id, type, prefix, bits, ...) enum class id : std::uint##bits##_t {
#define WLANCODE(suffix, value, ...) suffix = value,
#define WLANCODE_FAMILY_END(id) \
  }                             \
  ;
#include "wlancode/tables/families.def"

template <class E>
struct family_of;
#define WLANCODE_FAMILY(id, ...)                \
  template <>                                   \
  struct family_of<id> {                        \
    static constexpr family value = family::id; \
  };
#include "wlancode/tables/families.def"

struct section_info {
  family fam;
  std::string_view heading;  // e.g. "MSM security error codes"
  std::string_view header;   // e.g. "wlanapi.h"
};

// A text with where it comes from.
struct sourced_text {
  std::string_view text;    // empty when unknown
  std::string_view source;  // e.g. "Microsoft documentation", "wlancode", "Windows event log"
};

// A hint is a heuristic, not a fact: callers must present it as such.
struct hint_info {
  std::string_view cause;
  std::string_view action;
};

// A pointer from one code to the family that carries its detail, e.g. WDI_ASSOC_STATUS_PEER_DEAUTHENTICATED
// -> the 802.11 reason code of the deauthentication frame.
struct link_info {
  family target;
  std::string_view where;
};

// Everything wlancode knows about one code. All string_views point at NUL-terminated literals.
struct code_info {
  family fam;
  std::uint32_t value;
  std::string_view name;    // full identifier, e.g. "WLAN_REASON_CODE_NOT_VISIBLE"
  std::string_view suffix;  // enumerator name, e.g. "NOT_VISIBLE"
  const section_info* section;
  enum phase phase;
  enum initiator initiator;
  std::uint32_t flags;
  sourced_text meaning;   // documented meaning (or wlancode's, when the documentation gives none)
  sourced_text runtime;   // what Windows prints at run time, where public sources show it
  sourced_text phrase;    // short human phrase (wlancode)
  const hint_info* hint;  // nullptr when wlancode has no hint for this code
  const link_info* link;  // nullptr when no other family carries detail for this code
};

// All codes of a family, in table order.
WLANCODE_API std::span<const code_info> codes(family f) noexcept;

// Lookup by value: O(1), no allocation. nullptr when the family does not define the value.
WLANCODE_API const code_info* find(family f, std::uint32_t value) noexcept;

// Lookup by name: case-insensitive; accepts the full name, the name without the family
// prefix, without a leading MSMSEC_/ONEX_ part, or a documented alias; '-' and ' ' count as '_'.
WLANCODE_API const code_info* find(family f, std::string_view name) noexcept;

template <class E, class = decltype(family_of<E>::value)>
inline const code_info* find(E code) noexcept {
  return find(family_of<E>::value, static_cast<std::uint32_t>(code));
}

// Range macros of the WLAN_REASON_CODE space (WLAN_REASON_CODE_MSMSEC_BASE, L2_REASON_CODE_*_BASE ...).
struct macro_info {
  std::string_view name;
  std::uint32_t value;
  std::string_view description;
};
WLANCODE_API std::span<const macro_info> macros() noexcept;
WLANCODE_API const macro_info* find_macro(std::string_view name) noexcept;

// A contiguous range of a family's value space.
struct range_info {
  family fam;
  std::string_view id;
  std::uint32_t first;
  std::uint32_t last;
  std::string_view label;  // e.g. "MSM security range"
  bool has_inner;          // the value's low 16 bits are a code of `inner` (DOT11_ASSOC_STATUS_PEER_*)
  family inner;
};
WLANCODE_API std::span<const range_info> ranges(family f) noexcept;

// Classification of any 32-bit value within a family, listed in the table or not.
struct classification {
  const range_info* range = nullptr;  // nullptr: outside every range of the family
  const code_info* code = nullptr;    // nullptr: not a listed code
  std::uint32_t offset = 0;           // value - range->first
  const code_info* inner = nullptr;   // range->has_inner: the low 16 bits as a code of range->inner
};
WLANCODE_API classification classify(family f, std::uint32_t value) noexcept;

// Describes a classification in words, snprintf-style: writes at most `size` bytes including
// the NUL and returns the length the whole text needs. Examples:
// "MSM security range, code +0x14", "MSM security range, unlisted code +0x1F",
// "outside every WLAN_REASON_CODE range".
WLANCODE_API std::size_t describe(family f, std::uint32_t value, char* buf, std::size_t size) noexcept;

// The sentence WlanReasonCodeToString gives for a WLAN_REASON_CODE: Windows' runtime text where
// known, else the documented meaning, else a description of the value's range. snprintf-style.
WLANCODE_API std::size_t reason_text(std::uint32_t code, char* buf, std::size_t size) noexcept;

// Families in the order a bare number most likely belongs to them (families.def's ranks).
WLANCODE_API std::span<const family> guess_order(std::uint32_t value) noexcept;
// Whether logs print this family's meanings as sentences (text -> code matching uses them).
WLANCODE_API bool has_texts(family f) noexcept;

// Ids and names.
WLANCODE_API std::string_view to_string(family f) noexcept;     // "wlan_reason"
WLANCODE_API std::string_view type_name(family f) noexcept;     // "WLAN_REASON_CODE"
WLANCODE_API std::string_view name_prefix(family f) noexcept;   // "WLAN_REASON_CODE_"
WLANCODE_API unsigned value_bits(family f) noexcept;            // 32 or 16
WLANCODE_API std::string_view header(family f) noexcept;        // "wlanapi.h"
WLANCODE_API std::string_view to_string(phase p) noexcept;      // "key_exchange"
WLANCODE_API std::string_view to_string(initiator i) noexcept;  // "auth_server"
WLANCODE_API std::string_view describe(phase p) noexcept;       // "4-way/group key exchange"
WLANCODE_API std::string_view describe(initiator i) noexcept;   // "the authentication server"
WLANCODE_API std::optional<family> parse_family(std::string_view id) noexcept;

// Library version, "MAJOR.MINOR.PATCH".
WLANCODE_API std::string_view version() noexcept;

}  // namespace wlancode
