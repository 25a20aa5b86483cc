/* Windows-style C99: telemetry decoding as it is written against the SDK headers, compiled off Windows
   against the drop-in headers of wlancode/compat only (the build passes -I include/wlancode/compat and
   nothing else of wlancode) and linked against the shared library for WlanReasonCodeToString. */
#include <stdio.h>
#include <string.h>

/* windot11.h before wlanapi.h: its DWORD/ULONG typedefs come first (the C++ test has the other order). */
#include <dot11wificxtypes.h>
#include <dot1x.h>
#include <l2cmn.h>
#include <wcndevice.h>
#include <wcntypes.h>
#include <windot11.h>
#include <wlanapi.h>

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

/* A compile-time check in C99: a negative array size. */
#define STATIC_CHECK(name, cond) typedef char static_check_##name[(cond) ? 1 : -1]

STATIC_CHECK(reason_network_not_available, WLAN_REASON_CODE_NETWORK_NOT_AVAILABLE == 0x0002800Bu);
STATIC_CHECK(onex_start, ONEX_REASON_START == L2_REASON_CODE_ONEX_BASE);
STATIC_CHECK(dot11_deauth_start,
             DOT11_ASSOC_STATUS_PEER_DEAUTHENTICATED_START == DOT11_ASSOC_STATUS_PEER_DEAUTHENTICATED);
STATIC_CHECK(dot11_ihv_end, DOT11_ASSOC_STATUS_IHV_END == 0xFFFFFFFFu);
STATIC_CHECK(dot11_type, sizeof(DOT11_ASSOC_STATUS) == 4);
STATIC_CHECK(reason_type, sizeof(WLAN_REASON_CODE) == 4);

static const char* reason_kind(WLAN_REASON_CODE code) {
  if (code == WLAN_REASON_CODE_SUCCESS) return "success";
  if (code == WLAN_REASON_CODE_NETWORK_NOT_AVAILABLE) return "network not available";
  if (code == WLAN_REASON_CODE_MSMSEC_PSK_MISMATCH_SUSPECTED) return "wrong password";
  if (code >= WLAN_REASON_CODE_MSMSEC_BASE && code <= WLAN_REASON_CODE_MSMSEC_END) return "security";
  if (code >= L2_REASON_CODE_ONEX_BASE && code < L2_REASON_CODE_DOT3_AC_BASE) return "802.1X";
  return "other";
}

static const char* wdi_kind(WDI_ASSOC_STATUS status) {
  switch (status) {
    case WDI_ASSOC_STATUS_SUCCESS:
      return "ok";
    case WDI_ASSOC_STATUS_PEER_DEAUTHENTICATED:
      return "deauthenticated by the AP";
    case WDI_ASSOC_STATUS_PEER_DISASSOCIATED:
      return "disassociated by the AP";
    case WDI_ASSOC_STATUS_NO_BEACON_PROBE_RESPONSE:
      return "AP not heard";
    default:
      return "other";
  }
}

/* A DOT11_ASSOC_STATUS range carries the 802.11 reason or status code in its low 16 bits. */
static const char* dot11_kind(DOT11_ASSOC_STATUS s, unsigned* ieee) {
  *ieee = (unsigned)(s & DOT11_ASSOC_STATUS_REASON_CODE_MASK);
  if (s >= DOT11_ASSOC_STATUS_PEER_DEAUTHENTICATED_START && s <= DOT11_ASSOC_STATUS_PEER_DEAUTHENTICATED_END)
    return "deauth";
  if (s >= DOT11_ASSOC_STATUS_PEER_DISASSOCIATED_START && s <= DOT11_ASSOC_STATUS_PEER_DISASSOCIATED_END)
    return "disassoc";
  if (s >= DOT11_ASSOC_STATUS_ASSOCIATION_RESPONSE_START && s <= DOT11_ASSOC_STATUS_ASSOCIATION_RESPONSE_END)
    return "assoc response";
  if (s >= DOT11_ASSOC_STATUS_IHV_START) return "ihv";
  *ieee = 0;
  return s == DOT11_ASSOC_STATUS_SUCCESS ? "success" : "general";
}

int main(void) {
  WCHAR wide[256];
  char ascii[256];
  DWORD rc;
  size_t i;
  unsigned ieee = 0;
  WCN_SESSION_STATUS session = WCN_SESSION_STATUS_FAILURE_TIMEOUT;
  WCN_VALUE_TYPE_CONFIGURATION_ERROR config_error = WCN_VALUE_CE_DEVICE_PASSWORD_AUTH_FAILURE;
  ONEX_REASON_CODE onex = ONEX_UI_CANCELLED;

  CHECK(strcmp(reason_kind(0x0002800Bu), "network not available") == 0);
  CHECK(strcmp(reason_kind(0x00048014u), "wrong password") == 0);
  CHECK(strcmp(reason_kind(0x00047777u), "security") == 0);
  CHECK(strcmp(reason_kind((WLAN_REASON_CODE)ONEX_NO_RESPONSE_TO_IDENTITY), "802.1X") == 0);
  CHECK(WLAN_REASON_CODE_SUCCESS == L2_REASON_CODE_SUCCESS && WLAN_REASON_CODE_UNKNOWN == L2_REASON_CODE_UNKNOWN);

  CHECK(strcmp(wdi_kind(WDI_ASSOC_STATUS_PEER_DEAUTHENTICATED), "deauthenticated by the AP") == 0);
  CHECK(strcmp(wdi_kind((WDI_ASSOC_STATUS)14), "disassociated by the AP") == 0);
  CHECK(strcmp(wdi_kind(WDI_ASSOC_STATUS_RESERVED_2), "other") == 0);

  CHECK(strcmp(dot11_kind(0x00010003u, &ieee), "deauth") == 0 && ieee == 3);
  CHECK(strcmp(dot11_kind(DOT11_ASSOC_STATUS_ASSOCIATION_RESPONSE | 17u, &ieee), "assoc response") == 0 && ieee == 17);
  CHECK(strcmp(dot11_kind(0x80000001u, &ieee), "ihv") == 0);
  CHECK(strcmp(dot11_kind(DOT11_ASSOC_STATUS_RADIO_OFF, &ieee), "general") == 0);
  CHECK(DOT11_DISASSOC_REASON_PEER_DEAUTHENTICATED == DOT11_ASSOC_STATUS_PEER_DEAUTHENTICATED);

  CHECK(session == 2 && session != WCN_SESSION_STATUS_SUCCESS && WCN_SESSION_STATUS_FAILURE_GENERIC == 1);
  CHECK(config_error == 18 && WCN_VALUE_CE_NO_ERROR == 0 && WCN_VALUE_CE_2_4_CHANNEL_NOT_SUPPORTED == 3);
  CHECK(onex - ONEX_REASON_START == 0x11 && ONEX_REASON_CODE_SUCCESS == 0);

  rc = WlanReasonCodeToString(WLAN_REASON_CODE_NETWORK_NOT_AVAILABLE, 256, wide, NULL);
  CHECK(rc == ERROR_SUCCESS);
  for (i = 0; i + 1 < sizeof ascii && wide[i] != 0; ++i) ascii[i] = wide[i] < 0x80 ? (char)wide[i] : '?';
  ascii[i] = '\0';
  CHECK(strcmp(ascii, "The specific network is not available.") == 0);
  CHECK(WlanReasonCodeToString(WLAN_REASON_CODE_SUCCESS, 0, wide, NULL) == ERROR_INVALID_PARAMETER);

  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures != 0;
}
