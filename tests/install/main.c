#include <stdio.h>
#include <wlancode/wlanapi_compat.h>
#include <wlancode/wlancode.h>
int main(void) {
  WCHAR w[64];
  char t[128];
  const wlancode_code* c = wlancode_find_value(wlancode_wlan_reason, 0x00050007u);
  wlancode_reason_to_string(0x0002800Bu, t, sizeof t);
  printf("%s | %s | rc=%u\n", wlancode_name(c), t, (unsigned)WlanReasonCodeToString(0x0002800Bu, 64, w, NULL));
  return c ? 0 : 1;
}
