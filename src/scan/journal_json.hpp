// A systemd journal entry exported as JSON (`journalctl -o json`, one object a line, or
// `-o json-pretty`, one field a line) holds the logged line in its MESSAGE field, JSON-escaped
// ("reason=\"3\"", tabs as "\t", ESC as "\u001b"), or as an array of byte values when it is not
// printable UTF-8; Docker's json-file driver holds it in "log". The message is what the rules read.
#pragma once

#include <string>
#include <string_view>

namespace wlancode::scan::detail {

class journal_json {
 public:
  // The decoded message of a line that holds a journal MESSAGE field (or starts a Docker
  // json-file record), a view of a buffer valid until the next call; `line` itself otherwise.
  // The check is a look at the line's first non-blank byte: lines that do not start a JSON
  // object or member cost nothing more.
  std::string_view message(std::string_view line) {
    if (line.empty() || (line[0] != '{' && line[0] != '"' && line[0] != ' ' && line[0] != '\t')) return line;
    return message_of(line);
  }

 private:
  std::string_view message_of(std::string_view line);
  std::string buf_;
};

}  // namespace wlancode::scan::detail
