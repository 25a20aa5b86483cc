// Options shared by several commands: --format and --family.
#pragma once

#include <CLI/CLI.hpp>
#include <cctype>
#include <optional>
#include <string>

#include "output.hpp"
#include "wlancode/codes.hpp"

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
