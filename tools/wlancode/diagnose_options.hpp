// Options of `diagnose` and `report` (the same inputs, two outputs), and the run they drive.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "output.hpp"
#include "wlancode/diagnose.hpp"

namespace wlancode::cli {

struct diagnose_options {
  std::vector<std::string> paths;
  std::string input_format = "auto";
  std::string tz;
  int year = 0;
  bool redact = false;
  unsigned jobs = 0;
  format fmt = format::text;
};

void add_diagnose_options(CLI::App& cmd, diagnose_options& opt);
// Runs the diagnosis; throws CLI::ValidationError for a bad --tz.
diagnose::report run_diagnosis(const diagnose_options& opt);

}  // namespace wlancode::cli
