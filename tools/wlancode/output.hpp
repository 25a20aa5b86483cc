// Output helpers of the CLI: JSON and CSV escaping, code records, text wrapping.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "wlancode/codes.hpp"

namespace wlancode::cli {

enum class format { text, json, csv };

// "0x00038004" for 32-bit families, "0x0003" for 16-bit ones.
std::string hex(family f, std::uint32_t value);
std::string hex32(std::uint32_t value);

// A JSON string literal; invalid UTF-8 bytes become U+FFFD, control characters (C0, DEL, C1) \u escapes.
std::string json_string(std::string_view s);
// The same, appended to `out` (no temporary: for hot output loops).
void append_json_string(std::string& out, std::string_view s);
// A CSV field, quoted when needed (RFC 4180).
std::string csv_field(std::string_view s);

// Text that is safe to show on a terminal: control characters (C0 except tab, DEL, and the C1
// controls U+0080..U+009F, which include CSI) and bytes that are not valid UTF-8 become visible
// escapes (\x1b, \u009b, \xff); everything else, tab included, is copied. For text output and
// stderr messages that carry log content or user input.
std::string terminal_safe(std::string_view s);
void append_terminal_safe(std::string& out, std::string_view s);

// A CSV field of untrusted text (log content): terminal_safe, then quoted when needed, and
// neutralised against spreadsheet formula injection: a field starting with '=', '+', '-', '@' or a
// tab that is not a plain number gets a leading apostrophe ("'=HYPERLINK(...)"; "-3" is kept).
std::string csv_untrusted_field(std::string_view s);

// Progress while a large file (256 MiB or more) is read, for scan::options::progress: a
// "<verb> <name>: NN%" line on stderr, rewritten in place; none when stderr is not a terminal
// (the function is then empty). `name` is read at each report (the path being read; may be
// null). erase_progress() clears the line (after each path).
std::function<void(std::uint64_t, std::uint64_t)> terminal_progress(std::string verb, const std::string* name);
void erase_progress();

// One code as a JSON object (no trailing newline). `extra` is inserted verbatim after the
// opening brace when not empty (it must end with a comma).
void write_code_json(std::ostream& out, const code_info& c, std::string_view extra = {});
// Header and row of the CSV view of a code; `lead` columns come first.
std::string code_csv_header();
std::string code_csv_row(const code_info& c);

// Writes `text` wrapped to `width` columns, continuation lines indented by `indent` spaces; the
// first line is assumed to start at column `indent`.
void write_wrapped(std::ostream& out, std::string_view text, std::size_t indent, std::size_t width = 80);

}  // namespace wlancode::cli
