// Windows-style C++: a cross-platform tool that began as Windows code, compiled off Windows against the
// drop-in headers only (#include <wlancode/compat/...>, no codes.hpp) and linked against the library.
#include <cstdio>
#include <string>

// wlanapi_compat.h first: its DWORD/ULONG typedefs come before windot11.h's (the C test has the other order).
#include <wlancode/wlanapi_compat.h>

#include <wlancode/compat/dot11wificxtypes.h>
#include <wlancode/compat/dot1x.h>
#include <wlancode/compat/wcndevice.h>
#include <wlancode/compat/wcntypes.h>
#include <wlancode/compat/windot11.h>
#include <wlancode/compat/wlanapi.h>

namespace {

int failures = 0;

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "check failed: %s\n", what);
    ++failures;
  }
}

static_assert(WLAN_REASON_CODE_NETWORK_NOT_AVAILABLE == 0x0002800B);
static_assert(WLAN_REASON_CODE_MSMSEC_CONNECT_BASE == 0x00048000 && WLAN_REASON_CODE_RESERVED_END == 0x000BFFFF);
static_assert(ONEX_UI_NOT_PERMITTED == 0x00050014 && ONEX_REASON_START == L2_REASON_CODE_ONEX_BASE);
static_assert(DOT11_ASSOC_STATUS_PEER_DISASSOCIATED_END == 0x0002FFFFu && DOT11_ASSOC_STATUS_IHV_START == 0x80000000u);
static_assert(WDI_ASSOC_STATUS_RESERVED_0 == 0x01000000 && WCN_SESSION_STATUS_FAILURE_TIMEOUT == 2);

std::string reason(WLAN_REASON_CODE code) {
  switch (code) {
    case WLAN_REASON_CODE_SUCCESS:
      return "success";
    case WLAN_REASON_CODE_NETWORK_NOT_AVAILABLE:
      return "network not available";
    case WLAN_REASON_CODE_MSMSEC_PSK_MISMATCH_SUSPECTED:
      return "wrong password";
    case ONEX_NO_RESPONSE_TO_IDENTITY:
      return "no answer from the RADIUS side";
    default:
      break;
  }
  if (code >= WLAN_REASON_CODE_MSMSEC_BASE && code <= WLAN_REASON_CODE_MSMSEC_END) return "security";
  return "other";
}

std::string wdi(WDI_ASSOC_STATUS status) {
  switch (status) {
    case WDI_ASSOC_STATUS_SUCCESS:
      return "ok";
    case WDI_ASSOC_STATUS_PEER_DEAUTHENTICATED:
      return "deauthenticated";
    case WDI_ASSOC_STATUS_AUTH_FAILED_BY_PEER:
    case WDI_ASSOC_STATUS_ASSOC_FAILED_BY_PEER:
      return "rejected by the AP";
    default:
      return "other";
  }
}

std::string dot11(DOT11_ASSOC_STATUS status) {
  switch (status & ~DOT11_ASSOC_STATUS_REASON_CODE_MASK) {
    case DOT11_ASSOC_STATUS_PEER_DEAUTHENTICATED_START:
      return "deauth " + std::to_string(status & DOT11_ASSOC_STATUS_REASON_CODE_MASK);
    case DOT11_ASSOC_STATUS_PEER_DISASSOCIATED_START:
      return "disassoc " + std::to_string(status & DOT11_ASSOC_STATUS_REASON_CODE_MASK);
    case DOT11_ASSOC_STATUS_ASSOCIATION_RESPONSE_START:
      return "status " + std::to_string(status & DOT11_ASSOC_STATUS_REASON_CODE_MASK);
    default:
      return status >= DOT11_ASSOC_STATUS_IHV_START ? "ihv" : "general";
  }
}

std::string text(DWORD code) {
  WCHAR buf[256];
  if (WlanReasonCodeToString(code, 256, buf, nullptr) != ERROR_SUCCESS) return "?";
  std::string out;
  for (const WCHAR* p = buf; *p; ++p) out += *p < 0x80 ? static_cast<char>(*p) : '?';
  return out;
}

}  // namespace

int main() {
  WCN_SESSION_STATUS s = WCN_SESSION_STATUS_FAILURE_TIMEOUT;
  WCN_VALUE_TYPE_CONFIGURATION_ERROR ce = WCN_VALUE_CE_SETUP_LOCKED;
  ONEX_REASON_CODE onex = ONEX_EAP_FAILURE_RECEIVED;
  check(reason(0x0002800B) == "network not available", "NETWORK_NOT_AVAILABLE");
  check(reason(0x00048014) == "wrong password", "PSK_MISMATCH_SUSPECTED");
  check(reason(0x00050007) == "no answer from the RADIUS side", "ONEX_NO_RESPONSE_TO_IDENTITY");
  check(reason(0x00040001) == "security", "MSMSEC range");
  check(wdi(WDI_ASSOC_STATUS_PEER_DEAUTHENTICATED) == "deauthenticated", "WDI deauth");
  check(wdi(static_cast<WDI_ASSOC_STATUS>(54)) == "rejected by the AP", "WDI 54");
  check(wdi(WDI_ASSOC_STATUS_RESERVED_1) == "other", "WDI reserved");
  check(dot11(0x00010003u) == "deauth 3", "DOT11 deauth 3");
  check(dot11(DOT11_ASSOC_STATUS_ASSOCIATION_RESPONSE | 17u) == "status 17", "DOT11 status 17");
  check(dot11(DOT11_ASSOC_STATUS_IHV_START + 5) == "ihv", "DOT11 IHV");
  check(dot11(DOT11_ROAMING_REASON_BETTER_AP_FOUND) == "general", "DOT11 roaming");
  check(s != WCN_SESSION_STATUS_SUCCESS && s == 2, "WCN_SESSION_STATUS");
  check(ce == 15 && WCN_VALUE_CE_5_0_CHANNEL_NOT_SUPPORTED == 4, "WCN_VALUE_CE");
  check(onex == static_cast<ONEX_REASON_CODE>(ONEX_REASON_START + 5) && ONEX_REASON_CODE_SUCCESS == 0, "ONEX");
  check(text(WLAN_REASON_CODE_NETWORK_NOT_AVAILABLE) == "The specific network is not available.", "text");
  if (failures) std::fprintf(stderr, "%d check(s) failed\n", failures);
  return failures != 0;
}
