// Terminal colour and cursor codes are removed from a line before anything reads it. Consoles
// print them around whole lines (ESP-IDF and Arduino logs with colours on, Zephyr, `journalctl`
// or `dmesg --color=always` captured to a file), and pasted into a bug report they lose their
// ESC byte ("[0;31mE (4321) wifi: ...[0m"). Left in, they hide a line's timestamp and its last
// "(N)", and clutter excerpts.
#pragma once

#include <string>
#include <string_view>

namespace wlancode::scan::detail {

class colour_stripper {
 public:
  // `line` without its colour codes: `line` itself when it holds none, else a view of a buffer
  // valid until the next call. Removed: every ESC [ ... sequence (CSI: parameters, then one final
  // byte), and on a line that ends with a reset code, that code and the other SGR codes printed
  // without their ESC ("[0;32m") where no word character is before them.
  std::string_view strip(std::string_view line);
  // The same, told whether the line holds an ESC byte (a caller that has looked already).
  std::string_view strip(std::string_view line, bool has_esc) {
    // Most lines: no ESC, and no reset code can end them (their last byte is no 'm' or blank).
    if (!has_esc && (line.empty() || (line.back() != 'm' && line.back() != ' ' && line.back() != '\t'))) return line;
    return strip_codes(line, has_esc);
  }

 private:
  std::string_view strip_codes(std::string_view line, bool has_esc);
  std::string buf_;
};

}  // namespace wlancode::scan::detail
