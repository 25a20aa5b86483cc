# Turns the independent expected lists (tests/expected/*.inc, rows {"family", "NAME", value}) into a C
# file that checks every NAME against the compat headers: at compile time (a negative array size names
# the row) and at run time (prints each mismatch). A name no SDK/WDK header defines is skipped with its
# reason; any other row that does not parse stops the build, so no row goes unchecked.
#   cmake -DOUT=check.c -DINPUTS="a.inc|b.inc" -P gen_expected_check.cmake
string(REPLACE "|" ";" INPUTS "${INPUTS}")
set(checks "")
set(runtime "")
set(skipped "")
set(checked 0)
set(skip_count 0)
foreach(inc IN LISTS INPUTS)
  get_filename_component(inc_name ${inc} NAME)
  file(STRINGS ${inc} lines)
  foreach(line IN LISTS lines)
    string(STRIP "${line}" line)
    if(line STREQUAL "" OR line MATCHES "^//")
      continue()
    endif()
    if(NOT line MATCHES "^\\{\"([a-z0-9_]+)\", \"([A-Za-z_][A-Za-z0-9_]*)\", (0[xX][0-9a-fA-F]+|[0-9]+)[uU]?\\},( *//.*)?$")
      message(FATAL_ERROR "${inc_name}: a row this script cannot read: ${line}")
    endif()
    set(fam "${CMAKE_MATCH_1}")
    set(name "${CMAKE_MATCH_2}")
    set(value "${CMAKE_MATCH_3}")
    set(reason "")
    if(fam STREQUAL "esp_wifi_reason")
      set(reason "an ESP-IDF name (esp_wifi_types.h), no Windows SDK identifier")
    elseif(fam STREQUAL "wps_config_error" AND name MATCHES "^WPS_CFG_")
      set(reason "a hostap name (wps_defs.h): wcntypes.h defines no value ${value}")
    elseif(NOT fam MATCHES "^(wlan_reason|wdi_assoc_status|wcn_session_status|dot11_assoc_status|wps_config_error)$")
      message(FATAL_ERROR "${inc_name}: family ${fam} has no compat header: decide whether ${name} is an SDK name")
    endif()
    if(reason)
      string(APPEND skipped "/* skipped ${name} (${fam}, ${inc_name}): ${reason} */\n")
      math(EXPR skip_count "${skip_count} + 1")
      continue()
    endif()
    string(APPEND checks "WLANCODE_EXPECT(${name}, ${value}u);\n")
    string(APPEND runtime "  WLANCODE_EXPECT_RT(${name}, ${value}u);\n")
    math(EXPR checked "${checked} + 1")
  endforeach()
endforeach()
if(checked EQUAL 0)
  message(FATAL_ERROR "no rows read from ${INPUTS}")
endif()
file(WRITE ${OUT}.tmp "/* Generated at build time by tests/compat/gen_expected_check.cmake from the independent lists
   tests/expected/{windows_values,windows_macros,new_families_values}.inc; do not edit.
   ${checked} names checked against the compat headers, ${skip_count} skipped. */
#include <stdio.h>

#include <dot11wificxtypes.h>
#include <dot1x.h>
#include <l2cmn.h>
#include <wcndevice.h>
#include <wcntypes.h>
#include <windot11.h>
#include <wlanapi.h>

/* Compile time: the array size is -1 when NAME differs from its expected value. */
#define WLANCODE_EXPECT(name, value) typedef char wlancode_expect_##name[((unsigned long)(name) == (value)) ? 1 : -1]
/* Run time: the same comparison, with the values printed. */
#define WLANCODE_EXPECT_RT(name, value)                                                                  \\
  do {                                                                                                   \\
    ++checked;                                                                                           \\
    if ((unsigned long)(name) != (unsigned long)(value)) {                                               \\
      fprintf(stderr, \"%s = 0x%08lX, expected 0x%08lX\\n\", #name, (unsigned long)(name), (unsigned long)(value)); \\
      ++failures;                                                                                        \\
    }                                                                                                    \\
  } while (0)

${checks}
${skipped}
int main(void) {
  int checked = 0, failures = 0;
${runtime}  printf(\"%d names checked, %d failures, ${skip_count} skipped (not SDK names)\\n\", checked, failures);
  return failures != 0 || checked != ${checked};
}
")
# Only touch the output when it changes (no rebuild of the checks otherwise).
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
file(REMOVE ${OUT}.tmp)
