// Options of `diagnose` and `report`.
#include "diagnose_options.hpp"

#include <iostream>

#include "options.hpp"
#include "output.hpp"
#include "wlancode/scan.hpp"

namespace wlancode::cli {

void add_diagnose_options(CLI::App& cmd, diagnose_options& opt) {
  cmd.add_option("paths", opt.paths, "Files or directories to read ('-' or none: standard input)");
  cmd.add_option("--input-format", opt.input_format, "Force the input format (as for `scan`)")
      ->check([](const std::string& v) -> std::string {
        return scan::parse_input_format(v) ? std::string() : "unknown input format '" + v + "'";
      });
  add_tz_option(cmd, opt.tz);
  add_year_option(cmd, opt.year);
  cmd.add_flag("--redact", opt.redact, "Replace host names and SSIDs by pseudonyms, mask MACs and user names");
  add_jobs_option(cmd, opt.jobs);
}

diagnose::report run_diagnosis(const diagnose_options& opt) {
  diagnose::run_options ro;
  ro.scan.forced = *scan::parse_input_format(opt.input_format);
  ro.scan.redact = opt.redact;
  ro.scan.jobs = opt.jobs;
  ro.year = opt.year;
  if (!opt.tz.empty()) {
    std::string error;
    ro.tz = time_zone::load(opt.tz, &error);
    if (!ro.tz) throw CLI::ValidationError("--tz", error.empty() ? "unknown zone '" + opt.tz + "'" : error);
  }
  std::vector<std::string> paths = opt.paths;
  if (paths.empty()) paths.push_back("-");
  ro.scan.progress = terminal_progress("reading", nullptr);
  diagnose::report r = diagnose::run(paths, ro, [&ro](const scan::input_error& e) {
    if (ro.scan.progress) erase_progress();
    std::cerr << "wlancode: " << terminal_safe(e.source) << ": " << terminal_safe(e.message) << "\n";
  });
  if (ro.scan.progress) erase_progress();
  return r;
}

}  // namespace wlancode::cli
