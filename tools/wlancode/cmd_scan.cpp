// wlancode scan: find, decode and summarise every code in logs. Argument parsing and output
// only; the scanning itself is wlancode::scan (src/scan/).
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checked_output.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "output.hpp"
#include "wlancode/scan.hpp"
#include "wlancode/scan_json.hpp"

namespace wlancode::cli {
namespace {

struct scan_options {
  std::vector<std::string> paths;
  std::string input_format = "auto";
  format fmt = format::text;
  bool summary = false;
  bool redact = false;
  bool events = false;
  unsigned jobs = 0;
  std::optional<family> only;
  std::size_t max_line = scan::options{}.max_line;
  std::string tz = "UTC";
  int year = 0;
};

// A summary's time: ISO 8601 UTC with the timestamp as printed, or the printed one alone.
std::string seen_text(const instant& t, const std::string& printed) {
  if (t.clk != instant::clock::utc) return printed;
  std::string s = to_iso8601(t);
  if (!printed.empty() && printed != s) s += " (" + printed + ")";
  return s;
}
std::string opt_time(const instant& t) {
  return t.clk == instant::clock::utc ? "\"" + to_iso8601(t) + "\"" : std::string("null");
}

std::string opt_str(std::string_view s) { return s.empty() ? "null" : json_string(s); }

using scan::confidence_text;
using scan::value_hex;
using context_field = scan::context_field;

// CSV: these columns, then the context fields, the EVTX record and the excerpt (JSONL's order).
struct csv_column {
  std::string_view name;
  std::string (*value)(const scan::finding&);
};
using finding_ref = const scan::finding&;
const csv_column csv_columns[] = {
    {"source", [](finding_ref f) { return f.source; }},
    {"line", [](finding_ref f) { return std::to_string(f.line); }},
    {"format", [](finding_ref f) { return std::string(scan::to_string(f.format)); }},
    {"rule", [](finding_ref f) { return f.rule; }},
    {"confidence", [](finding_ref f) { return confidence_text(f.confidence); }},
    {"field", [](finding_ref f) { return f.field; }},
    {"kind", [](finding_ref f) { return std::string(scan::to_string(f.kind)); }},
    {"family", [](finding_ref f) { return f.fam ? std::string(to_string(*f.fam)) : std::string(); }},
    {"space", [](finding_ref f) { return f.space; }},
    {"value", [](finding_ref f) { return f.has_value ? std::to_string(f.value) : std::string(); }},
    {"hex", [](finding_ref f) { return value_hex(f); }},
    {"raw", [](finding_ref f) { return f.raw; }},
    {"name", [](finding_ref f) { return f.name; }},
    {"meaning", [](finding_ref f) { return f.meaning; }},
    {"text", [](finding_ref f) { return f.text; }},
    {"mapping", [](finding_ref f) { return f.mapping; }},
    {"phase", [](finding_ref f) { return std::string(to_string(f.ph)); }},
    {"initiator", [](finding_ref f) { return std::string(to_string(f.init)); }},
    {"locally_generated", [](finding_ref f) { return std::string(f.locally_generated ? "true" : "false"); }},
    {"time", [](finding_ref f) { return to_iso8601(f.time); }},  // then the printed timestamp
};

std::string csv_header() {
  std::string s;
  for (const csv_column& c : csv_columns) (s += c.name) += ',';
  for (const context_field& c : scan::context_fields()) (s += c.key) += ',';
  return s + "record,excerpt";
}

// Every text field comes from the log (or from a path): through csv_untrusted_field, so that no
// control character reaches a terminal and no cell is a spreadsheet formula.
void write_csv(std::ostream& out, const scan::finding& f) {
  std::string s;
  for (const csv_column& c : csv_columns) (s += csv_untrusted_field(c.value(f))) += ',';
  for (const context_field& c : scan::context_fields()) (s += csv_untrusted_field(f.*c.member)) += ',';
  if (f.record) s += std::to_string(f.record);
  out << s << ',' << csv_untrusted_field(f.excerpt) << "\n";
}

// Text output shows log content: every field from the log goes through terminal_safe (control
// characters and escape sequences become visible \x1b escapes).
void write_text(std::ostream& out, const scan::finding& f) {
  std::string s;
  const auto put = [&s](std::string_view v) { append_terminal_safe(s, v); };
  put(f.source);
  s += f.record ? ":record " : ":";
  s += std::to_string(f.record ? f.record : f.line);
  s += ": ";
  if (f.fam) {
    s += std::string(to_string(*f.fam)) + " " + value_hex(f) + " ";
    // A value without a name of its own: its range and the code its low bits carry, if any.
    const bool carries =
        f.name.empty() && f.has_value && classify(*f.fam, static_cast<std::uint32_t>(f.value)).inner != nullptr;
    put(!f.name.empty() ? f.name : carries ? scan::code_label(f) : std::string("(unlisted)"));
    if (f.code && !f.code->phrase.text.empty()) s += " - " + std::string(f.code->phrase.text);
  } else if (f.kind == scan::value_kind::raw) {
    s += "raw ";
    put(f.space);
    s += " ";
    put(f.raw.empty() ? std::string_view("(text)") : std::string_view(f.raw));
    s += " (not decoded: not a code space wlancode knows)";
  } else if (f.kind == scan::value_kind::event) {
    s += "event ";
    s += scan::to_string(f.event);
    s += " - ";
    put(f.meaning);
  } else {
    s += "reason text, ";
    put(f.mapping);
  }
  s += "\n  " + std::string(scan::to_string(f.format)) + " ";
  put(f.field);
  if (f.confidence < 1.0) {  // a generic context: say how sure
    char buf[48];
    std::snprintf(buf, sizeof buf, " (%s, confidence %.2f)", f.rule.c_str(), f.confidence);
    s += buf;
  }
  if (!f.raw.empty() && f.kind != scan::value_kind::raw) {
    s += "=";
    put(f.raw);
  }
  if (f.kind == scan::value_kind::text && f.code) {
    char buf[32];
    std::snprintf(buf, sizeof buf, " (text match %s, %.2f)", terminal_safe(f.mapping).c_str(), f.score);
    s += buf;
  }
  if (f.fam) s += "; phase " + std::string(to_string(f.ph)) + ", initiator " + std::string(to_string(f.init));
  if (f.locally_generated) s += " (locally generated)";
  std::string ctx;
  auto add = [&ctx](std::string_view k, const std::string& v) {
    if (v.empty()) return;
    if (!ctx.empty()) ctx += ", ";
    ctx.append(k);
    ctx += ' ';
    append_terminal_safe(ctx, v);
  };
  for (const context_field& c : scan::context_fields()) add(c.label, f.*c.member);
  if (!ctx.empty()) s += "\n  " + ctx;
  if (!f.meaning.empty()) s += "\n  meaning: " + f.meaning;  // from the tables, not the log
  if (!f.text.empty()) {
    s += "\n  log text: ";
    put(f.text);
  }
  if (!f.hint_cause.empty()) s += "\n  hint (heuristic): " + f.hint_cause + " " + f.hint_action;  // tables
  s += "\n  > ";
  put(f.excerpt);
  s += std::string(f.line_truncated ? " [line truncated]" : "") + "\n\n";
  out << s;
}

void write_summary_text(std::ostream& out, const scan::summary& sm, const scan::result& r) {
  out << "Findings: " << sm.total << " in " << r.files << " file(s)";
  if (r.errors) out << ", " << r.errors << " input error(s)";
  out << "\n";
  const auto safe = [](std::string_view v) { return terminal_safe(v); };  // names, places, SSIDs come from logs
  if (!sm.first_seen.empty() || sm.first_time.clk == instant::clock::utc)
    out << "First seen: " << safe(seen_text(sm.first_time, sm.first_seen))
        << "\nLast seen:  " << safe(seen_text(sm.last_time, sm.last_seen)) << "\n";
  auto section = [&out, &safe](const char* title, const std::map<std::string, std::uint64_t>& m) {
    out << "\n" << title << ":\n";
    for (const auto& [k, v] : m) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%8llu  ", static_cast<unsigned long long>(v));
      out << buf << safe(k) << "\n";
    }
  };
  out << "\nBy code:\n";
  for (const auto& c : sm.by_code) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%8llu  ", static_cast<unsigned long long>(c.count));
    out << buf << safe(c.name);
    if (c.fam && c.has_value) out << " (" << to_string(*c.fam) << " " << hex(*c.fam, c.value) << ")";
    const auto at = [](const instant& t, const std::string& printed, const std::string& where) {
      const std::string when = seen_text(t, printed);
      return when.empty() ? where : when + " " + where;
    };
    out << "\n          first " << safe(at(c.first_time, c.first_seen, c.first_where)) << "\n          last  "
        << safe(at(c.last_time, c.last_seen, c.last_where)) << "\n";
  }
  section("By family", sm.by_family);
  section("By phase", sm.by_phase);
  section("By initiator", sm.by_initiator);
  section("By format", sm.by_format);
  if (sm.locally_generated) out << "\nLocally generated: " << sm.locally_generated << "\n";
  auto where = [&out, &safe](const char* title, const std::map<std::string, scan::summary::where_count>& m) {
    if (m.empty()) return;
    out << "\n" << title << ":\n";
    for (const auto& [k, w] : m) {
      out << "  " << safe(k) << ": " << w.count << "\n";
      for (const auto& [code, n] : w.codes) out << "      " << n << "  " << safe(code) << "\n";
    }
  };
  where("By SSID", sm.by_ssid);
  where("By BSSID", sm.by_bssid);
  if (sm.capped.any()) {
    out << "\nLimits reached (the lists above are partial; totals and the by family/phase/initiator/format "
           "counts are exact):\n";
    const auto line = [&out](std::uint64_t n, const std::string& what) {
      if (n) out << "  " << n << " " << what << "\n";
    };
    line(sm.capped.codes, "finding(s) of codes past the first " + std::to_string(sm.max_keys) + " not listed by code");
    line(sm.capped.ssids, "finding(s) of SSIDs past the first " + std::to_string(sm.max_keys) + " not listed by SSID");
    line(sm.capped.bssids,
         "finding(s) of BSSIDs past the first " + std::to_string(sm.max_keys) + " not listed by BSSID");
    line(sm.capped.place_codes, "count(s) of a code at an SSID/BSSID not itemised (at most " +
                                    std::to_string(sm.max_codes_per_place) + " codes per place, " +
                                    std::to_string(sm.max_place_codes) + " in all)");
  }
}

void write_summary_json(std::ostream& out, const scan::summary& sm, const scan::result& r) {
  auto obj = [](const std::map<std::string, std::uint64_t>& m) {
    std::string s = "{";
    for (const auto& [k, v] : m) {
      if (s.size() > 1) s += ',';
      s += json_string(k);
      s += ':';
      s += std::to_string(v);
    }
    return s + "}";
  };
  auto where = [&obj](const std::map<std::string, scan::summary::where_count>& m) {
    std::string s = "{";
    for (const auto& [k, w] : m) {
      if (s.size() > 1) s += ',';
      s += json_string(k) + ":{\"count\":" + std::to_string(w.count) + ",\"codes\":" + obj(w.codes) + "}";
    }
    return s + "}";
  };
  std::string s = "{\"summary\":{\"findings\":" + std::to_string(sm.total) + ",\"files\":" + std::to_string(r.files) +
                  ",\"errors\":" + std::to_string(r.errors) + ",\"first_time\":" + opt_time(sm.first_time) +
                  ",\"last_time\":" + opt_time(sm.last_time) + ",\"first_seen\":" + opt_str(sm.first_seen) +
                  ",\"last_seen\":" + opt_str(sm.last_seen) + ",\"by_code\":[";
  bool first = true;
  for (const auto& c : sm.by_code) {
    if (!first) s += ',';
    s += "{\"name\":" + json_string(c.name) +
         ",\"family\":" + (c.fam ? json_string(to_string(*c.fam)) : std::string("null")) +
         ",\"space\":" + opt_str(c.space) +
         ",\"value\":" + (c.has_value ? std::to_string(c.value) : std::string("null")) +
         ",\"count\":" + std::to_string(c.count) + ",\"first_time\":" + opt_time(c.first_time) +
         ",\"last_time\":" + opt_time(c.last_time) + ",\"first_seen\":" + opt_str(c.first_seen) +
         ",\"last_seen\":" + opt_str(c.last_seen) + ",\"first\":" + json_string(c.first_where) +
         ",\"last\":" + json_string(c.last_where) + "}";
    first = false;
  }
  s += "],\"by_family\":" + obj(sm.by_family) + ",\"by_phase\":" + obj(sm.by_phase) +
       ",\"by_initiator\":" + obj(sm.by_initiator) + ",\"by_format\":" + obj(sm.by_format) +
       ",\"locally_generated\":" + std::to_string(sm.locally_generated) + ",\"by_ssid\":" + where(sm.by_ssid) +
       ",\"by_bssid\":" + where(sm.by_bssid) + ",\"capped\":{\"any\":" + (sm.capped.any() ? "true" : "false") +
       ",\"max_keys\":" + std::to_string(sm.max_keys) + ",\"codes\":" + std::to_string(sm.capped.codes) +
       ",\"ssids\":" + std::to_string(sm.capped.ssids) + ",\"bssids\":" + std::to_string(sm.capped.bssids) +
       ",\"place_codes\":" + std::to_string(sm.capped.place_codes) + "}}}\n";
  out << s;
}

std::string formats_help() {
  std::string s =
      "Every line meets every line rule; event XML/text blocks are read as events where they start.\n"
      "Input formats (--input-format forces a container, or restricts the rules to a producer):\n";
  for (const scan::format_info& f : scan::input_formats()) {
    std::string name(f.name);
    name.resize(16, ' ');
    s += "  " + name + std::string(f.description) + "\n";
  }
  std::size_t rules = 0;
  for (const auto& r : scan::line_rules()) rules += r.family != "ignore";
  s += "\nA number is reported only where a rule says it is a code: " + std::to_string(rules) +
       " producer rules, generic\ncontexts (reason=, status: , ReasonCode, AssocStatusCode, config_error ... in "
       "any common\nsyntax, with a confidence), names and event fields. Fields of other code spaces (EAP reason, "
       "Win32\nerror, the 8003 disconnect reason) are reported raw, never decoded. Rules: docs/codes/scan-rules.md.\n"
       "Output: --format text (default), jsonl (one object per finding; schema in docs/scan.md), csv.\n"
       "Exit status: 0 findings, 1 no findings, 2 usage or I/O error (other inputs are still scanned).";
  return s;
}

}  // namespace

runner add_scan(CLI::App& app) {
  auto opt = std::make_shared<scan_options>();
  CLI::App* cmd =
      app.add_subcommand("scan", "Find, decode and summarise every code in logs (files, directories, .gz, stdin)");
  cmd->add_option("paths", opt->paths, "Files or directories to scan ('-' or none: standard input)");
  cmd->add_option("--input-format", opt->input_format, "Force the input format (see below)")
      ->check([](const std::string& v) {
        return scan::parse_input_format(v) ? std::string() : "unknown input format '" + v + "'";
      })
      ->type_name("FORMAT");
  add_format_option(*cmd, opt->fmt, true);
  cmd->add_flag("--summary", opt->summary,
                "Print counts by code, family, phase, initiator, SSID and BSSID instead of findings");
  cmd->add_flag("--redact", opt->redact, "Mask MAC addresses, SSIDs and user names in all output");
  cmd->add_flag("--events", opt->events,
                "Also report connection lifecycle events (attempt started, associated, connected, disconnected...) as "
                "findings of kind 'event'");
  add_jobs_option(*cmd, opt->jobs);
  add_family_option(*cmd, opt->only, "Report only codes of this family");
  cmd->add_option("--max-line", opt->max_line, "Scan at most this many bytes of a line")
      ->check(integer_in(scan::min_line_cap, scan::max_line_cap, "a number of bytes"))
      ->option_text("BYTES (default " + std::to_string(scan::options{}.max_line) + ")");
  add_tz_option(*cmd, opt->tz);
  add_year_option(*cmd, opt->year);
  cmd->footer(formats_help());
  return [opt] {
    scan::options so;
    so.tz = time_zone::load(opt->tz);  // checked above; read once, shared by every file and thread
    so.year = opt->year;
    so.forced = *scan::parse_input_format(opt->input_format);
    so.only = opt->only;
    so.redact = opt->redact;
    so.events = opt->events;
    so.jobs = opt->jobs;
    so.max_line = opt->max_line;
    std::string current;
    so.progress = terminal_progress("scanning", &current);
    // No std::ios::sync_with_stdio(false): std::cout already writes through main()'s checked,
    // unsynchronised buffer (checked_output.hpp), which that call would replace.
    std::vector<std::string> paths = opt->paths;
    if (paths.empty()) paths.push_back("-");
    scan::summary sm;
    scan::result total;
    if (!opt->summary && opt->fmt == format::csv) {
      std::cout << csv_header() << "\n";
    }
    std::string jsonl;  // JSONL goes out in blocks of about 64 KiB
    const auto flush_jsonl = [&jsonl] {
      std::cout.write(jsonl.data(), static_cast<std::streamsize>(jsonl.size()));
      jsonl.clear();
    };
    // Live input (a pipe, a terminal): each finding goes out, flushed, as soon as its line is read.
    bool live = false;
    const scan::finding_sink sink = [&](const scan::finding& f) {
      if (opt->summary) {
        sm.add(f);
        return;
      }
      switch (opt->fmt) {
        case format::text:
          write_text(std::cout, f);
          break;
        case format::json:
          scan::append_jsonl(jsonl, f);
          if (jsonl.size() >= (64u << 10)) flush_jsonl();
          break;
        case format::csv:
          write_csv(std::cout, f);
          break;
      }
      if (live) {
        flush_jsonl();
        std::cout.flush();
      }
      check_output();  // stop at the first failed write (the rest would be lost)
    };
    const scan::error_sink errors = [&flush_jsonl](const scan::input_error& e) {
      flush_jsonl();
      std::cout.flush();
      std::cerr << "wlancode: " << terminal_safe(e.source) << ": " << terminal_safe(e.message) << "\n";
    };
    for (const std::string& p : paths) {
      current = p;
      struct stat sb {};
      live = (p == "-" ? ::fstat(0, &sb) : ::stat(p.c_str(), &sb)) == 0 &&
             (S_ISFIFO(sb.st_mode) || S_ISCHR(sb.st_mode) || S_ISSOCK(sb.st_mode));
      const scan::result r = scan::scan_path(p, so, sink, errors);
      total.findings += r.findings;
      total.files += r.files;
      total.errors += r.errors;
      total.truncated_lines += r.truncated_lines;
      if (so.progress) erase_progress();
    }
    flush_jsonl();
    if (opt->summary) {
      if (opt->fmt == format::text)
        write_summary_text(std::cout, sm, total);
      else if (opt->fmt == format::json)
        write_summary_json(std::cout, sm, total);
      else {
        std::cout << "name,family,space,value,count,first_seen,last_seen,first,last,first_time,last_time\n";
        for (const auto& c : sm.by_code)
          std::cout << csv_untrusted_field(c.name) << "," << (c.fam ? std::string(to_string(*c.fam)) : "") << ","
                    << csv_untrusted_field(c.space) << "," << (c.has_value ? std::to_string(c.value) : "") << ","
                    << c.count << "," << csv_untrusted_field(c.first_seen) << "," << csv_untrusted_field(c.last_seen)
                    << "," << csv_untrusted_field(c.first_where) << "," << csv_untrusted_field(c.last_where) << ","
                    << to_iso8601(c.first_time.clk == instant::clock::utc ? c.first_time : instant{}) << ","
                    << to_iso8601(c.last_time.clk == instant::clock::utc ? c.last_time : instant{}) << "\n";
      }
    }
    std::cout.flush();
    if (total.truncated_lines)
      std::cerr << "wlancode: " << total.truncated_lines
                << " line(s) longer than --max-line were scanned in their first part only\n";
    if (total.errors) return exit_usage;
    return total.findings ? exit_ok : exit_not_found;
  };
}

}  // namespace wlancode::cli
