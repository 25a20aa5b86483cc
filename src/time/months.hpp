// Month abbreviations as logs print them (%b): the one table the timestamp parser and the
// scanner's wrapped-line check read.
#pragma once

#include <array>
#include <string_view>

namespace wlancode::time_detail {

// English, as C-locale syslog and journalctl print them ("Nov 21 10:12:40"), month k + 1.
inline constexpr std::array<std::string_view, 12> english_months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// journalctl and syslog daemons print %b in the system's locale: Spanish, Portuguese and Italian
// systems write the months English does not share in lower case ("ago 29", "dez 3", "gen 7";
// glibc's es, pt and it abmon).
struct local_month {
  std::string_view abbr;
  int month;
};
inline constexpr std::array<local_month, 14> local_months{{{"ene", 1},
                                                           {"gen", 1},
                                                           {"fev", 2},
                                                           {"abr", 4},
                                                           {"mai", 5},
                                                           {"mag", 5},
                                                           {"giu", 6},
                                                           {"lug", 7},
                                                           {"ago", 8},
                                                           {"set", 9},
                                                           {"out", 10},
                                                           {"ott", 10},
                                                           {"dic", 12},
                                                           {"dez", 12}}};

}  // namespace wlancode::time_detail
