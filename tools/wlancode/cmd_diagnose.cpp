// wlancode diagnose: connection attempts, sessions and likely causes from logs. Argument parsing
// and printing only; the diagnosis is wlancode::diagnose (src/diagnose/).
#include <cmath>
#include <iostream>
#include <memory>

#include "checked_output.hpp"
#include "commands.hpp"
#include "diagnose_options.hpp"
#include "options.hpp"
#include "output.hpp"
#include "wlancode/diagnose.hpp"

namespace wlancode::cli {
namespace {

std::string when(const instant& t) {
  if (t.clk == instant::clock::utc) return to_iso8601(t);
  if (t.clk == instant::clock::relative) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "+%.3fs since boot", static_cast<double>(t.ns) / 1e9);
    return buf;
  }
  return "(no time)";
}

void write_text(std::ostream& out, const diagnose::report& r) {
  out << terminal_safe(r.verdict) << "\n";
  if (!r.causes.empty()) {
    out << "\nLikely causes (heuristics: check the evidence):\n";
    std::size_t n = 0;
    for (const diagnose::cause_count& c : r.causes) {
      if (++n > 5) break;
      const diagnose::cause_info& ci = diagnose::causes()[static_cast<std::size_t>(c.cause)];
      out << "  " << n << ". " << ci.title << " (" << (c.confidence >= 0.7 ? "likely" : "possible") << ", "
          << c.attempts << " attempt(s)";
      if (c.sessions) out << ", " << c.sessions << " disconnect(s)";
      out << ")\n";
      out << "     what to check: ";
      write_wrapped(out, ci.check, 20, 100);
      for (const diagnose::evidence& e : c.lines)
        out << "       " << terminal_safe(e.source) << ":" << e.line << ": " << terminal_safe(e.excerpt.substr(0, 160))
            << "\n";
    }
  }
  for (const diagnose::group& g : r.groups) {
    out << "\n"
        << (!g.host.empty()  ? terminal_safe(g.host) + " "
            : g.file.empty() ? ""
                             : terminal_safe(g.file) + ": ")
        << (g.interface.empty() ? "(interface unknown)" : terminal_safe(g.interface)) << " -> "
        << (g.ssid.empty() ? "(network unknown)" : "`" + terminal_safe(g.ssid) + "`") << ": " << g.attempts_total
        << " attempt(s), " << g.succeeded << " succeeded, " << g.failed << " failed";
    if (g.unknown) out << ", " << g.unknown << " unknown";
    out << "; " << g.sessions.size() << " session(s)\n";
    for (const diagnose::attempt& a : g.attempts) {
      out << "  " << when(a.start) << "  ";
      if (a.count > 1) out << a.count << " x ";
      out << terminal_safe(a.summary);
      if (!a.bssid.empty()) out << " [" << terminal_safe(a.bssid) << (a.bssids.size() > 1 ? ", ..." : "") << "]";
      if (a.cause >= 0) out << "\n      likely: " << diagnose::causes()[static_cast<std::size_t>(a.cause)].title;
      out << "\n";
      // The decisive code's line, else (no code decided it: a join that worked, a failure told by an
      // event alone) the attempt's last step.
      const diagnose::evidence* ev = nullptr;
      for (const diagnose::code_seen& c : a.codes)
        if (c.decisive) ev = &c.where;
      if (!ev && !a.steps.empty()) ev = &a.steps.back().where;
      if (ev)
        out << "      evidence " << terminal_safe(ev->source) << ":" << ev->line << ": "
            << terminal_safe(ev->excerpt.substr(0, 160)) << "\n";
    }
    for (const diagnose::session& s : g.sessions) {
      out << "  session " << (s.before_log ? std::string("(up before the log)") : when(s.start)) << " .. "
          << (s.open ? std::string("(still connected)") : when(s.end));
      if (!s.open) out << ", ended by " << diagnose::to_string(s.ended_by);
      if (s.end_code)
        out << " (" << terminal_safe(s.end_code->name.empty() ? s.end_code->ref : s.end_code->name) << ")";
      if (s.roams) out << ", " << s.roams << " roam(s)";
      out << "\n";
    }
    if (g.attempts_capped) out << "  (" << g.attempts_capped << " more attempts not listed)\n";
  }
  for (const std::string& n : r.notes) out << "\nnote: " << terminal_safe(n) << "\n";
  for (const diagnose::input_status& in : r.inputs)
    if (!in.error.empty())
      out << "\nunreadable: " << terminal_safe(in.source) << ": " << terminal_safe(in.error) << "\n";
}

}  // namespace

runner add_diagnose(CLI::App& app) {
  auto opt = std::make_shared<diagnose_options>();
  CLI::App* cmd = app.add_subcommand(
      "diagnose",
      "Group the codes and connection events of logs into attempts and sessions per device and network, and\n"
      "rank the likely causes of the failures");
  add_diagnose_options(*cmd, *opt);
  add_format_option(*cmd, opt->fmt);
  cmd->footer(
      "Reads what `scan` reads (any mix of Windows event exports, wlanreports, Linux journals, router and\n"
      "embedded logs). Causes are heuristics (src/diagnose/causes.def) and always shown with their evidence.\n"
      "JSON schema: docs/diagnose.md. Exit status: 0 attempts found, 1 none found, 2 usage or I/O error.");
  return [opt] {
    if (opt->fmt == format::csv) throw CLI::ValidationError("--format", "diagnose writes text or json");
    const diagnose::report r = run_diagnosis(*opt);
    if (opt->fmt == format::json)
      std::cout << diagnose::to_json(r);
    else
      write_text(std::cout, r);
    std::cout.flush();
    for (const diagnose::input_status& in : r.inputs)
      if (!in.error.empty()) return exit_usage;
    std::uint64_t attempts = 0;
    for (const diagnose::group& g : r.groups) attempts += g.attempts_total + g.sessions.size();
    return attempts ? exit_ok : exit_not_found;
  };
}

}  // namespace wlancode::cli
