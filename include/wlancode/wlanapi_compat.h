/* WlanReasonCodeToString for platforms without wlanapi.h, with Windows' documented contract:
   the buffer size is in WCHARs (16-bit UTF-16 units); the text is truncated to fit and always
   NUL-terminated; returns ERROR_SUCCESS (0), or ERROR_INVALID_PARAMETER (87) for a NULL buffer,
   a zero size or a non-NULL reserved pointer.
   On Windows this header only includes the real <wlanapi.h>: nothing here may clash with it. */
#ifndef WLANCODE_WLANAPI_COMPAT_H
#define WLANCODE_WLANAPI_COMPAT_H

#ifdef _WIN32
#include <windows.h>
#include <wlanapi.h>
#else

#include <stdint.h>

#include "export.h" /* relative: the compat headers work with only -I<prefix>/include/wlancode/compat */

#ifdef __cplusplus
extern "C" {
#endif

/* The same block is in the generated wlancode/compat/windot11.h: whichever comes first defines them. */
#ifndef WLANCODE_NO_WINDOWS_TYPES
#ifndef WLANCODE_WINDOWS_TYPES_DEFINED
#define WLANCODE_WINDOWS_TYPES_DEFINED
typedef uint32_t DWORD;
typedef uint32_t ULONG;
typedef uint16_t WCHAR;
typedef WCHAR* PWCHAR;
typedef void* PVOID;
#endif
#endif

#ifndef ERROR_SUCCESS
#define ERROR_SUCCESS 0L
#endif
#ifndef ERROR_INVALID_PARAMETER
#define ERROR_INVALID_PARAMETER 87L
#endif

WLANCODE_API DWORD WlanReasonCodeToString(DWORD dwReasonCode, DWORD dwBufferSize, PWCHAR pStringBuffer,
                                          PVOID pReserved);

#ifdef __cplusplus
}
#endif

#endif /* _WIN32 */
#endif /* WLANCODE_WLANAPI_COMPAT_H */
