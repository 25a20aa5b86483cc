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

// For tests: the quick look "can this line hold a secret?" by one path: width 512 (AVX-512),
// 256 (AVX2) where the CPU has it, otherwise (and for 0) byte by byte. Every path says the same.
bool may_hold_secret_simd(std::string_view line, int width);

}  // namespace wlancode::scan::detail
