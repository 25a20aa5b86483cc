// wlancode report: the diagnosis of logs as one self-contained HTML page (docs/report.md).
// The diagnosis is `diagnose`'s (same options, same JSON); the page is render_report's.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "commands.hpp"
#include "diagnose_options.hpp"
#include "output.hpp"
#include "report_html.hpp"
#include "wlancode/codes.hpp"
#include "wlancode/diagnose.hpp"
#include "wlancode/timestamp.hpp"

namespace wlancode::cli {
namespace {

struct report_options {
  diagnose_options diagnosis;
  std::string output;
  std::string title;
};

std::string now_utc() {
  instant t;
  t.clk = instant::clock::utc;
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  t.ns = std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count() * 1'000'000'000;
  t.offset_known = true;
  return to_iso8601(t);
}

// Writes the page straight into what is already there (a device, a FIFO, a terminal: -o /dev/null,
// /dev/stdout), which a rename would replace.
void write_in_place(const std::string& path, const std::string& page) {
  std::ofstream out(path, std::ios::binary);
  out << page;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path);
}

// Writes the page to `path` through a temporary file beside it, so that a failed write never
// leaves half a report where a whole one was. A symbolic link is kept: the file it names is
// replaced. What is not a regular file is written in place.
void write_file(const std::string& path, const std::string& page) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);  // of what a link names
  if (fs::exists(st) && !fs::is_regular_file(st)) return write_in_place(path, page);
  // The file at the end of the links (one that does not exist yet is made there); 40 as the kernel's
  // ELOOP limit.
  fs::path target = path;
  for (int hops = 0; fs::is_symlink(fs::symlink_status(target, ec)); ++hops) {
    const fs::path to = fs::read_symlink(target, ec);
    if (ec || hops == 40) throw std::runtime_error("cannot write " + path);
    target = to.is_absolute() ? to : target.parent_path() / to;
  }
  const std::string part = target.string() + ".part-" + std::to_string(::getpid());
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out << page;
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(part, ignored);
      throw std::runtime_error("cannot write " + path);
    }
  }
  fs::rename(part, target, ec);
  if (ec) {
    fs::remove(part, ec);
    throw std::runtime_error("cannot write " + path);
  }
}

}  // namespace

runner add_report(CLI::App& app) {
  auto opt = std::make_shared<report_options>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Diagnose logs (as `diagnose` does) and write the result as one self-contained HTML page");
  add_diagnose_options(*cmd, opt->diagnosis);
  cmd->add_option("-o,--output", opt->output, "The HTML file to write ('-': standard output)")->required();
  cmd->add_option("--title", opt->title, "The page's title (default: \"Wi-Fi connection report\")");
  cmd->footer(
      "The page needs no network and loads nothing: inline CSS, script and SVG (docs/report.md). With --redact,\n"
      "host names, SSIDs, MACs and user names are replaced before they reach it.\n"
      "Exit status: 0 attempts found, 1 none found (the page says so), 2 usage or I/O error.");
  return [opt] {
    const diagnose::report r = run_diagnosis(opt->diagnosis);
    report_meta meta;
    meta.title = opt->title;
    meta.generated_at = now_utc();
    meta.version = std::string(wlancode::version());
    for (const diagnose::input_status& in : r.inputs) meta.inputs.push_back(in.source);
    const std::string page = render_report(diagnose::to_json(r), meta);
    std::uint64_t attempts = 0;
    for (const diagnose::group& g : r.groups) attempts += g.attempts_total + g.sessions.size();
    if (opt->output == "-") {
      std::cout << page;
      std::cout.flush();
    } else {
      write_file(opt->output, page);
      std::error_code ec;
      const std::filesystem::path where = std::filesystem::absolute(opt->output, ec);
      std::cerr << "wlancode: report written to " << terminal_safe(ec ? opt->output : where.string()) << " ("
                << r.groups.size() << (r.groups.size() == 1 ? " device/network, " : " devices/networks, ") << attempts
                << (attempts == 1 ? " attempt or session" : " attempts and sessions") << ")\n";
    }
    for (const diagnose::input_status& in : r.inputs)
      if (!in.error.empty()) return exit_usage;
    return attempts ? exit_ok : exit_not_found;
  };
}

}  // namespace wlancode::cli
