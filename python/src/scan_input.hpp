// What wlancode.scan and the native summaries scan: a path or bytes, with options, read from the
// Python arguments in one place, and scanned by one function (errors as the CLI reports them).
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <functional>
#include <string>

#include "wlancode/scan.hpp"

namespace wlancode::py {

struct scan_input {
  std::string path;  // when !in_memory
  std::string data;  // when in_memory
  bool in_memory = false;
  std::string source;  // the name of in-memory data in its findings
  scan::options opt;
};

// From the arguments of _native.Scanner (wlancode.scan): ValueError/TypeError on bad ones.
scan_input make_scan_input(const pybind11::object& what, const pybind11::object& input_format, bool redact,
                           const pybind11::object& fam, const std::string& source, std::size_t max_line, bool is_path);

// An input's problem: an error, or the one notice that is not (a directory's skipped entries).
enum class problem_kind { error, notice };
// Whether an input's error is the one that is not (scan.hpp): a directory's entries that were skipped.
inline bool is_skipped_notice(const scan::input_error& e) { return e.message.starts_with("skipped "); }
using problem_sink = std::function<void(problem_kind, const std::string& source, const std::string& message)>;

// Scans `in` (no GIL needed): findings to `out`, problems to `problems` in input order.
void run_scan_input(const scan_input& in, const scan::finding_sink& out, const problem_sink& problems);

}  // namespace wlancode::py
