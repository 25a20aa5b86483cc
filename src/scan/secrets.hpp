// Secrets are removed from every line before any rule, container or output sees it, by the
// table of grammar/secrets.def: WLAN profile key material, passwords and passphrases on a line,
// key hexdumps of wpa_supplicant -K debug output. One place for every path.
#pragma once

#include <string>
#include <string_view>

namespace wlancode::scan::detail {

class secret_scrubber {
 public:
  // `line` without its secrets: `line` itself when it holds none, else a view of a buffer valid
  // until the next call. A secret element left open continues on the next lines (all removed
  // until it closes).
  std::string_view scrub(std::string_view line);

 private:
  bool in_element_ = false;
  std::string buf_;
};

}  // namespace wlancode::scan::detail
