/* wlancode C ABI (C99). Every string returned is UTF-8, NUL-terminated and static. */
#ifndef WLANCODE_H
#define WLANCODE_H

#include <stddef.h>
#include <stdint.h>

#include "wlancode/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The code families, in the order of wlancode/tables/families.def. */
typedef enum wlancode_family {
#define WLANCODE_FAMILY(id, ...) wlancode_##id,
#include "wlancode/tables/families.def"
  wlancode_family_count
} wlancode_family;

/* One code; opaque, valid for the life of the program. */
typedef struct wlancode_code wlancode_code;

/* Lookups. NULL when not found or when an argument is invalid. */
WLANCODE_API const wlancode_code* wlancode_find_value(wlancode_family family, uint32_t value);
/* Case-insensitive; full name, name without the family prefix, or alias. */
WLANCODE_API const wlancode_code* wlancode_find_name(wlancode_family family, const char* name);

/* Iteration: wlancode_at(f, i) for i in [0, wlancode_count(f)). */
WLANCODE_API size_t wlancode_count(wlancode_family family);
WLANCODE_API const wlancode_code* wlancode_at(wlancode_family family, size_t index);

/* Accessors; each returns "" (or 0) for a NULL code. */
WLANCODE_API wlancode_family wlancode_code_family(const wlancode_code* code);
WLANCODE_API uint32_t wlancode_value(const wlancode_code* code);
WLANCODE_API const char* wlancode_name(const wlancode_code* code);
WLANCODE_API const char* wlancode_section(const wlancode_code* code);
WLANCODE_API const char* wlancode_header(const wlancode_code* code);
WLANCODE_API const char* wlancode_meaning(const wlancode_code* code);
WLANCODE_API const char* wlancode_runtime_text(const wlancode_code* code); /* "" when unknown */
WLANCODE_API const char* wlancode_phrase(const wlancode_code* code);
WLANCODE_API const char* wlancode_phase(const wlancode_code* code);     /* e.g. "key_exchange" */
WLANCODE_API const char* wlancode_initiator(const wlancode_code* code); /* e.g. "network" */

/* "wlan_reason", ...; "" for an invalid family. */
WLANCODE_API const char* wlancode_family_name(wlancode_family family);

/* Text that WlanReasonCodeToString would give, in UTF-8. Writes at most buffer_size bytes,
   always NUL-terminated when buffer_size > 0 (truncated on a UTF-8 character boundary), and
   returns the buffer size the whole text needs, NUL included. buffer may be NULL when
   buffer_size is 0, to ask for the size. */
WLANCODE_API size_t wlancode_reason_to_string(uint32_t reason_code, char* buffer, size_t buffer_size);

/* The range classification of any value, e.g. "MSM security range, unlisted code +0x1F".
   Same buffer contract as wlancode_reason_to_string. */
WLANCODE_API size_t wlancode_classify(wlancode_family family, uint32_t value, char* buffer, size_t buffer_size);

/* "MAJOR.MINOR.PATCH" */
WLANCODE_API const char* wlancode_version(void);

#ifdef __cplusplus
}
#endif

#endif /* WLANCODE_H */
