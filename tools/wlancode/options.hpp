// Options shared by several commands: --format, --family, --jobs, --tz and --year.
#pragma once

#include <CLI/CLI.hpp>
#include <cctype>
#include <optional>
#include <string>

#include "output.hpp"
#include "wlancode/codes.hpp"
#include "wlancode/scan.hpp"
#include "wlancode/timestamp.hpp"

namespace wlancode::cli {

inline void add_format_option(CLI::App& cmd, format& f, bool with_jsonl = false) {
  const char* const choices = with_jsonl ? "text, jsonl, csv" : "text, json, csv";
  cmd.add_option_function<std::string>(
         "-f,--format",
         [&f, with_jsonl, choices](const std::string& name) {
           std::string low = name;
           for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
           if (low == "text")
             f = format::text;
           else if (low == "json" || (with_jsonl && low == "jsonl"))
             f = format::json;
           else if (low == "csv")
             f = format::csv;
           else
             throw CLI::ValidationError("--format", "unknown format '" + name + "' (one of: " + choices + ")");
         },
         "Output format")
      ->option_text(with_jsonl ? "text|jsonl|csv (default text)" : "text|json|csv (default text)");
}

// An integer option from `lo` to `hi`; the message says what is expected ("--jobs: expected a
// positive integer from 1 to 256, got 'abc'"), for non-numbers as for numbers out of range.
inline CLI::Validator integer_in(unsigned long long lo, unsigned long long hi, const std::string& what) {
  return CLI::Validator(
      [lo, hi, what](std::string& v) -> std::string {
        const std::string expected = "expected " + what + " from " + std::to_string(lo) + " to " + std::to_string(hi);
        if (v.empty() || v.size() > 19 || v.find_first_not_of("0123456789") != std::string::npos)
          return expected + ", got '" + v + "'";
        const unsigned long long n = std::stoull(v);
        if (n < lo || n > hi) return expected + ", got " + v;
        return {};
      },
      "", "INTEGER");
}

// -j: 0 (the default) is one thread per core (scan::auto_jobs).
inline void add_jobs_option(CLI::App& cmd, unsigned& jobs) {
  cmd.add_option("-j,--jobs", jobs, "Threads for large regular files (1 to " + std::to_string(scan::max_jobs) + ")")
      ->check(integer_in(1, scan::max_jobs, "a positive integer"))
      ->option_text("N (default: one per core, at most " + std::to_string(scan::max_auto_jobs) + ")");
}

inline void add_tz_option(CLI::App& cmd, std::string& tz) {
  cmd.add_option("--tz", tz,
                 "Zone of timestamps printed without a UTC offset: UTC, local, +02:00, -0500 or an IANA name "
                 "(Europe/Berlin)")
      ->check([](const std::string& v) {
        std::string why;
        return time_zone::load(v, &why) ? std::string() : why;
      })
      ->option_text("ZONE (default UTC)");
}

inline void add_year_option(CLI::App& cmd, int& year) {
  cmd.add_option("--year", year, "Year of the first timestamp that prints none (syslog, logcat)")
      ->check(integer_in(min_year, max_year, "a year"))
      ->option_text("YYYY (default: from each file's mtime)");
}

inline std::string family_choices() {
  std::string out;
  for (family f : all_families) out += (out.empty() ? "" : ", ") + std::string(to_string(f));
  return out;
}

inline void add_family_option(CLI::App& cmd, std::optional<family>& fam, const char* what) {
  cmd.add_option_function<std::string>(
         "--family",
         [&fam](const std::string& id) {
           fam = parse_family(id);
           if (!fam)
             throw CLI::ValidationError("--family", "unknown family '" + id + "' (one of: " + family_choices() + ")");
         },
         what)
      ->type_name("FAMILY");
}

}  // namespace wlancode::cli
