/* The C ABI (wlancode.h), compiled as C99 and linked against the shared library. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "wlancode/wlanapi_compat.h"
#include "wlancode/wlancode.h"

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)
#define CHECK_STR(a, b)                                                                                          \
  do {                                                                                                           \
    const char* a_ = (a);                                                                                        \
    const char* b_ = (b);                                                                                        \
    if (a_ == NULL || strcmp(a_, b_) != 0) {                                                                     \
      fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, a_ ? a_ : "(null)", b_); \
      ++failures;                                                                                                \
    }                                                                                                            \
  } while (0)

static int is_token(const char* s, const char* const* tokens, size_t n) {
  size_t i;
  for (i = 0; i < n; ++i)
    if (strcmp(s, tokens[i]) == 0) return 1;
  return 0;
}

static void test_families(void) {
  CHECK(wlancode_family_count == 8);
  CHECK_STR(wlancode_family_name(wlancode_wlan_reason), "wlan_reason");
  CHECK_STR(wlancode_family_name(wlancode_wdi_assoc_status), "wdi_assoc_status");
  CHECK_STR(wlancode_family_name(wlancode_wcn_session_status), "wcn_session_status");
  CHECK_STR(wlancode_family_name(wlancode_ieee80211_reason), "ieee80211_reason");
  CHECK_STR(wlancode_family_name(wlancode_ieee80211_status), "ieee80211_status");
  CHECK_STR(wlancode_family_name(wlancode_dot11_assoc_status), "dot11_assoc_status");
  CHECK_STR(wlancode_family_name(wlancode_wps_config_error), "wps_config_error");
  CHECK_STR(wlancode_family_name(wlancode_esp_wifi_reason), "esp_wifi_reason");
  CHECK_STR(wlancode_family_name(wlancode_family_count), "");
  CHECK_STR(wlancode_family_name((wlancode_family)99), "");
}

static void test_find(void) {
  const wlancode_code* c = wlancode_find_value(wlancode_wlan_reason, 0x00048014u);
  CHECK(c != NULL);
  CHECK_STR(wlancode_name(c), "WLAN_REASON_CODE_MSMSEC_PSK_MISMATCH_SUSPECTED");
  CHECK(wlancode_value(c) == 0x00048014u);
  CHECK(wlancode_code_family(c) == wlancode_wlan_reason);
  CHECK_STR(wlancode_header(c), "wlanapi.h");
  CHECK(wlancode_section(c)[0] != '\0');
  CHECK(wlancode_meaning(c)[0] != '\0');
  CHECK(wlancode_phrase(c)[0] != '\0');
  CHECK(wlancode_runtime_text(c) != NULL);

  CHECK(wlancode_find_name(wlancode_wlan_reason, "WLAN_REASON_CODE_MSMSEC_PSK_MISMATCH_SUSPECTED") == c);
  CHECK(wlancode_find_name(wlancode_wlan_reason, "msmsec_psk_mismatch_suspected") == c);
  CHECK(wlancode_find_name(wlancode_wlan_reason, "psk-mismatch-suspected") == c);

  c = wlancode_find_name(wlancode_wlan_reason, "not_visible");
  CHECK(c != NULL);
  CHECK(wlancode_value(c) == 0x00028002u);

  c = wlancode_find_name(wlancode_ieee80211_reason, "DEAUTH_LEAVING");
  CHECK(c != NULL);
  CHECK(wlancode_value(c) == 3u);
  CHECK(wlancode_code_family(c) == wlancode_ieee80211_reason);
  CHECK_STR(wlancode_name(c), "WLAN_REASON_DEAUTH_LEAVING");

  c = wlancode_find_value(wlancode_wdi_assoc_status, 13u);
  CHECK(c != NULL);
  CHECK_STR(wlancode_name(c), "WDI_ASSOC_STATUS_PEER_DEAUTHENTICATED");

  c = wlancode_find_name(wlancode_wcn_session_status, "WCN_SESSION_FAILURE_TIMEOUT");
  CHECK(c != NULL);
  CHECK(wlancode_value(c) == 2u);
}

static void test_not_found_and_null(void) {
  CHECK(wlancode_find_value(wlancode_wlan_reason, 0x00047777u) == NULL);
  CHECK(wlancode_find_value(wlancode_wlan_reason, 0xFFFFFFFFu) == NULL);
  CHECK(wlancode_find_value(wlancode_family_count, 0u) == NULL);
  CHECK(wlancode_find_value((wlancode_family)99, 0u) == NULL);
  CHECK(wlancode_find_name(wlancode_wlan_reason, NULL) == NULL);
  CHECK(wlancode_find_name(wlancode_wlan_reason, "") == NULL);
  CHECK(wlancode_find_name(wlancode_wlan_reason, "no such code") == NULL);
  CHECK(wlancode_find_name(wlancode_family_count, "SUCCESS") == NULL);
  CHECK(wlancode_count(wlancode_family_count) == 0);
  CHECK(wlancode_at(wlancode_family_count, 0) == NULL);

  CHECK_STR(wlancode_name(NULL), "");
  CHECK_STR(wlancode_section(NULL), "");
  CHECK_STR(wlancode_header(NULL), "");
  CHECK_STR(wlancode_meaning(NULL), "");
  CHECK_STR(wlancode_runtime_text(NULL), "");
  CHECK_STR(wlancode_phrase(NULL), "");
  CHECK_STR(wlancode_phase(NULL), "");
  CHECK_STR(wlancode_initiator(NULL), "");
  CHECK(wlancode_value(NULL) == 0);
  CHECK(wlancode_code_family(NULL) == wlancode_family_count);
}

static void test_iteration(void) {
  static const char* const phases[] = {"success", "discovery", "authentication", "association", "key_exchange",
                                       "eap",     "wps",       "profile",        "policy",      "roaming",
                                       "driver",  "host",      "unknown"};
  static const char* const initiators[] = {"none",        "config", "user",   "network",
                                           "auth_server", "driver", "system", "unknown"};
  int f;
  size_t total = 0;
  for (f = 0; f < (int)wlancode_family_count; ++f) {
    const wlancode_family fam = (wlancode_family)f;
    const size_t n = wlancode_count(fam);
    size_t i;
    CHECK(n > 0);
    CHECK(wlancode_at(fam, n) == NULL);
    total += n;
    for (i = 0; i < n; ++i) {
      const wlancode_code* c = wlancode_at(fam, i);
      CHECK(c != NULL);
      if (c == NULL) continue;
      CHECK(wlancode_code_family(c) == fam);
      CHECK(wlancode_find_value(fam, wlancode_value(c)) == c);
      CHECK(wlancode_find_name(fam, wlancode_name(c)) == c);
      CHECK(wlancode_name(c)[0] != '\0');
      CHECK(wlancode_meaning(c)[0] != '\0');
      CHECK(wlancode_section(c)[0] != '\0');
      CHECK(wlancode_header(c)[0] != '\0');
      CHECK(is_token(wlancode_phase(c), phases, sizeof phases / sizeof phases[0]));
      CHECK(is_token(wlancode_initiator(c), initiators, sizeof initiators / sizeof initiators[0]));
    }
  }
  CHECK(wlancode_count(wlancode_wlan_reason) == 157); /* 137 WLAN_REASON_CODE_* + 20 ONEX_* */
  CHECK(wlancode_count(wlancode_wcn_session_status) == 3);
  CHECK(total > 300);
}

static void test_classify(void) {
  char buf[256];
  char small[8];
  size_t need;
  size_t i;
  need = wlancode_classify(wlancode_wlan_reason, 0x00047FE0u, buf, sizeof buf);
  CHECK_STR(buf, "MSM security range, unlisted code +0x7FE0");
  CHECK(need == strlen(buf) + 1);
  CHECK(wlancode_classify(wlancode_wlan_reason, 0x00047FE0u, NULL, 0) == need);

  memset(small, '#', sizeof small);
  CHECK(wlancode_classify(wlancode_wlan_reason, 0x00047FE0u, small, 4) == need);
  CHECK_STR(small, "MSM");
  for (i = 4; i < sizeof small; ++i) CHECK(small[i] == '#');

  wlancode_classify(wlancode_wlan_reason, 0x00048014u, buf, sizeof buf);
  CHECK_STR(buf, "MSM security connection range, code +0x14");
  wlancode_classify(wlancode_wlan_reason, 0x000C0000u, buf, sizeof buf);
  CHECK_STR(buf, "outside every WLAN_REASON_CODE range");

  memset(buf, '#', sizeof buf);
  CHECK(wlancode_classify(wlancode_family_count, 1u, buf, sizeof buf) == 1);
  CHECK_STR(buf, "");
}

static void test_reason_to_string(void) {
  char buf[512];
  char tiny[4] = {'#', '#', '#', '#'};
  const size_t need = wlancode_reason_to_string(0x00028002u, NULL, 0);
  CHECK(need > 1);
  CHECK(wlancode_reason_to_string(0x00028002u, buf, sizeof buf) == need);
  CHECK(strlen(buf) + 1 == need);
  CHECK(wlancode_reason_to_string(0x00028002u, tiny, 1) == need);
  CHECK(tiny[0] == '\0' && tiny[1] == '#');
}

static void test_wide(void) {
#ifndef _WIN32
  WCHAR w[8];
  CHECK(WlanReasonCodeToString(0x00028002u, 0, w, NULL) == ERROR_INVALID_PARAMETER);
  CHECK(WlanReasonCodeToString(0x00028002u, 8, w, NULL) == ERROR_SUCCESS);
  CHECK(w[7] == 0);
#endif
}

static void test_version(void) {
  unsigned a = 0, b = 0, c = 0;
  char tail = 0;
  const char* v = wlancode_version();
  CHECK(v != NULL && v[0] != '\0');
  CHECK(sscanf(v, "%u.%u.%u%c", &a, &b, &c, &tail) == 3);
}

int main(void) {
  test_families();
  test_find();
  test_not_found_and_null();
  test_iteration();
  test_classify();
  test_reason_to_string();
  test_wide();
  test_version();
  if (failures)
    fprintf(stderr, "%d C ABI check(s) failed\n", failures);
  else
    printf("C ABI: all checks passed\n");
  return failures ? 1 : 0;
}
