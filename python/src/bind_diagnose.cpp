// wlancode.diagnose from Python: the library's diagnose::run (or run_memory for bytes) without the
// GIL, its report as the wlancode-diagnose/1 JSON text (docs/diagnose.md), which the package parses.
// The inputs' problems come back beside it, in input order, for the package to raise or pass on.
#include <pybind11/stl.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "args.hpp"
#include "bindings.hpp"
#include "scan_input.hpp"
#include "wlancode/diagnose.hpp"

namespace wlancode::py {
namespace {

using problem = std::tuple<std::string, std::string, std::string>;  // kind ("error", "notice"), source, message

// The zone for stamps without an offset: None is UTC; a name the library cannot load is a ValueError.
std::shared_ptr<const time_zone> zone_arg(const pyb::object& tz) {
  if (tz.is_none()) return nullptr;
  if (!pyb::isinstance<pyb::str>(tz)) throw pyb::type_error("tz must be a str");
  const std::string name = utf8(tz);
  std::string error;
  auto z = time_zone::load(name, &error);
  if (!z) throw pyb::value_error(error.empty() ? "unknown zone '" + name + "'" : error);
  return z;
}

int year_arg(const pyb::object& year) {
  if (year.is_none()) return 0;
  if (pyb::isinstance<pyb::bool_>(year) || !pyb::isinstance<pyb::int_>(year))
    throw pyb::type_error("year must be an int");
  const long y = year.cast<long>();
  if (y < min_year || y > max_year)
    throw pyb::value_error("year must be in " + std::to_string(min_year) + ".." + std::to_string(max_year));
  return static_cast<int>(y);
}

std::pair<std::string, std::vector<problem>> diagnose_inputs(const pyb::list& inputs, bool is_path,
                                                             const std::string& source, const pyb::object& input_format,
                                                             bool redact, const pyb::object& tz,
                                                             const pyb::object& year, std::size_t max_line, long jobs) {
  if (jobs < 1 || jobs > static_cast<long>(scan::max_jobs))
    throw pyb::value_error("jobs must be in 1.." + std::to_string(scan::max_jobs));
  if (inputs.empty()) throw pyb::value_error("no input to diagnose");
  // Each input checked as scan() checks it; the options are the same for all.
  std::vector<scan_input> in;
  for (const pyb::handle& h : inputs)
    in.push_back(make_scan_input(pyb::reinterpret_borrow<pyb::object>(h), input_format, redact, pyb::none(), source,
                                 max_line, is_path));
  diagnose::run_options o;
  o.scan = in.front().opt;
  o.scan.jobs = static_cast<unsigned>(jobs);
  o.tz = zone_arg(tz);
  o.year = year_arg(year);
  std::vector<problem> problems;
  const scan::error_sink errors = [&](const scan::input_error& e) {
    problems.emplace_back(is_skipped_notice(e) ? "notice" : "error", e.source, e.message);
  };
  std::string json;
  {
    pyb::gil_scoped_release unlocked;
    diagnose::report r;
    if (is_path) {
      std::vector<std::string> paths;
      for (const scan_input& i : in) paths.push_back(i.path);
      r = diagnose::run(paths, o, errors);
    } else {
      r = diagnose::run_memory(in.front().data, in.front().source, o, errors);
    }
    json = diagnose::to_json(r);
  }
  return {std::move(json), std::move(problems)};
}

}  // namespace

void bind_diagnose(pyb::module_& m) {
  m.def(
      "diagnose",
      [](const pyb::list& inputs, bool is_path, const std::string& source, const pyb::object& input_format, bool redact,
         const pyb::object& tz, const pyb::object& year, std::size_t max_line, long jobs) {
        auto [json, problems] =
            diagnose_inputs(inputs, is_path, source, input_format, redact, tz, year, max_line, jobs);
        return pyb::make_tuple(pyb::bytes(json), problems);
      },
      pyb::arg("inputs"), pyb::arg("is_path"), pyb::arg("source"), pyb::arg("input_format"), pyb::arg("redact"),
      pyb::arg("tz"), pyb::arg("year"), pyb::arg("max_line"), pyb::arg("jobs"));
}

}  // namespace wlancode::py
