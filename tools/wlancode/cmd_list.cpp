// wlancode list / search: tables of codes.
#include <algorithm>
#include <cctype>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "options.hpp"
#include "output.hpp"
#include "wlancode/explain.hpp"

namespace wlancode::cli {
namespace {

// Text: one line per code, grouped under family and section headings, fitted to 80 columns.
void print_text(std::ostream& out, const std::vector<const code_info*>& rows) {
  std::optional<family> fam;
  const section_info* section = nullptr;
  for (const code_info* c : rows) {
    if (!fam || *fam != c->fam) {
      out << (fam ? "\n" : "") << to_string(c->fam) << " (" << type_name(c->fam) << ", prefix " << name_prefix(c->fam)
          << ")\n";
      fam = c->fam;
      section = nullptr;
    }
    if (section != c->section) {
      out << "  " << c->section->heading << "\n";
      section = c->section;
    }
    std::string line = "    " + hex(c->fam, c->value) + "  " + std::string(c->suffix);
    const std::size_t phrase_col = std::max<std::size_t>(line.size() + 2, 52);
    if (phrase_col + 8 < 80) {
      line.resize(phrase_col, ' ');
      std::string phrase(c->phrase.text);
      if (line.size() + phrase.size() > 79) phrase = phrase.substr(0, 79 - line.size() - 3) + "...";
      line += phrase;
    }
    out << line << "\n";
  }
}

void print_rows(std::ostream& out, const std::vector<const code_info*>& rows, format fmt) {
  switch (fmt) {
    case format::text:
      print_text(out, rows);
      break;
    case format::json:
      out << "[";
      for (std::size_t i = 0; i < rows.size(); ++i) {
        out << (i ? ",\n " : "\n ");
        write_code_json(out, *rows[i]);
      }
      out << (rows.empty() ? "]\n" : "\n]\n");
      break;
    case format::csv:
      out << code_csv_header() << "\n";
      for (const code_info* c : rows) out << code_csv_row(*c) << "\n";
      break;
  }
}

bool icase_contains(std::string_view hay, std::string_view needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         }) != hay.end();
}

struct list_options {
  std::optional<family> only;
  std::string section;
  format fmt = format::text;
};

struct search_options {
  std::vector<std::string> words;
  std::optional<family> only;
  format fmt = format::text;
};

}  // namespace

runner add_list(CLI::App& app) {
  auto opt = std::make_shared<list_options>();
  CLI::App* cmd = app.add_subcommand("list", "List codes, by family and section");
  add_family_option(*cmd, opt->only, "Only this family");
  cmd->add_option("--section", opt->section, "Only sections whose heading contains this text (case-insensitive)");
  add_format_option(*cmd, opt->fmt);
  cmd->footer("Exit status: 0 codes listed, 1 no code matched, 2 usage error.");
  return [opt] {
    std::vector<const code_info*> rows;
    for (family f : all_families) {
      if (opt->only && *opt->only != f) continue;
      for (const code_info& c : codes(f))
        if (opt->section.empty() || icase_contains(c.section->heading, opt->section)) rows.push_back(&c);
    }
    print_rows(std::cout, rows, opt->fmt);
    if (rows.empty()) std::cerr << "wlancode: no code matches\n";
    return rows.empty() ? exit_not_found : exit_ok;
  };
}

runner add_search(CLI::App& app) {
  auto opt = std::make_shared<search_options>();
  CLI::App* cmd = app.add_subcommand("search", "Find codes whose name or texts contain every word");
  cmd->add_option("words", opt->words, "Words to look for (case-insensitive)")->required();
  add_family_option(*cmd, opt->only, "Only this family");
  add_format_option(*cmd, opt->fmt);
  cmd->footer("Exit status: 0 something found, 1 nothing found, 2 usage error.");
  return [opt] {
    const std::vector<const code_info*> rows = search(opt->words, opt->only);
    print_rows(std::cout, rows, opt->fmt);
    if (rows.empty()) std::cerr << "wlancode: nothing matches\n";
    return rows.empty() ? exit_not_found : exit_ok;
  };
}

}  // namespace wlancode::cli
