/* Windows-style C against the installed drop-in SDK headers (<wlanapi.h> is wlancode/compat/wlanapi.h). */
#include <dot11wificxtypes.h>
#include <dot1x.h>
#include <stdio.h>
#include <wcndevice.h>
#include <windot11.h>
#include <wlanapi.h>
int main(void) {
  WCHAR w[64];
  WDI_ASSOC_STATUS status = WDI_ASSOC_STATUS_PEER_DEAUTHENTICATED;
  WCN_SESSION_STATUS session = WCN_SESSION_STATUS_FAILURE_TIMEOUT;
  DWORD rc = WlanReasonCodeToString(WLAN_REASON_CODE_NETWORK_NOT_AVAILABLE, 64, w, NULL);
  printf("compat %u %u %u %lu %lu\n", (unsigned)rc, (unsigned)status, (unsigned)session,
         (unsigned long)ONEX_UI_CANCELLED, (unsigned long)DOT11_ASSOC_STATUS_PEER_DEAUTHENTICATED_END);
  return rc != ERROR_SUCCESS;
}
