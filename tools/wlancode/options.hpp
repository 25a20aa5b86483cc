// Options shared by several commands: --format and --family.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "output.hpp"
#include "wlancode/codes.hpp"

namespace wlancode::cli {

inline void add_format_option(CLI::App& cmd, format& f, bool with_jsonl = false) {
  std::map<std::string, format> names{{"text", format::text}, {"json", format::json}, {"csv", format::csv}};
  if (with_jsonl) names.emplace("jsonl", format::json);
  cmd.add_option("-f,--format", f, "Output format")
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case))
      ->default_str("text");
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
