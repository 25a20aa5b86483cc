// wlancode explain CODE...: what a number or name means, in every family it belongs to.
#include <algorithm>
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

struct explain_options {
  std::vector<std::string> inputs;
  std::vector<std::string> texts;
  std::optional<family> only;
  format fmt = format::text;
};

std::string range_words(const explanation& e) {
  if (!e.number || !e.range_family) return {};
  char buf[200];
  describe(*e.range_family, e.number->value, buf, sizeof buf);
  return buf;
}

// One code's block; `pad` indents it (an inner code is shown under its range).
void print_code(std::ostream& out, const match& m, const std::string& pad = "") {
  const code_info& c = *m.code;
  std::string head = pad + "  " + std::string(c.name);
  std::string value = "= " + hex(c.fam, c.value) + "  (" + std::to_string(c.value) + ")";
  if (m.locally_generated) value += "  locally generated";
  if (m.approximate) value += "  approximate, score " + std::to_string(static_cast<int>(m.score * 100 + 0.5)) + "%";
  // Long names push the value to its own line so that no line passes 80 columns.
  out << head << (head.size() + 2 + value.size() <= 80 ? "  " : "\n" + pad + "    ") << value << "\n";
  const std::size_t indent = pad.size() + 15;
  const auto row = [&](std::string_view label, std::string_view text) {
    out << pad << "    " << label << std::string(11 - label.size(), ' ');
    write_wrapped(out, text, indent);
  };
  row("family", std::string(to_string(c.fam)) + " (" + std::string(type_name(c.fam)) + ", " +
                    std::string(c.section->header) + ")");
  row("section", c.section->heading);
  row("phase", describe(c.phase));
  row("initiator", m.locally_generated ? "this device (locally generated)" : describe(c.initiator));
  row("meaning", c.meaning.text);
  if (!c.runtime.text.empty()) row("windows", "\"" + std::string(c.runtime.text) + "\"");
  row("in short", c.phrase.text);
  if (c.flags & flag::xp) row("support", "also Windows XP SP3, and XP SP2 with the Wireless LAN API");
  if (c.link) row("see also", std::string(to_string(c.link->target)) + ": " + std::string(c.link->where));
  if (c.hint) row("hint", "(heuristic) " + std::string(c.hint->cause) + " " + std::string(c.hint->action));
}

// `from_text`: the explanation of a --text sentence (matched by text, not by value or name).
void print_text(std::ostream& out, const explanation& e, bool from_text) {
  if (!e.error.empty()) {
    out << "\"" << terminal_safe(e.input) << "\": " << e.error << "\n\n";
    return;
  }
  if (e.number) {
    out << hex32(e.number->value) << "  (" << e.number->value;
    if (e.number->negative) out << ", written as -" << e.number->magnitude;
    out << ")\n";
  } else {
    out << terminal_safe(e.input) << "\n";  // what the user typed, control characters made visible
  }
  if (!e.found())
    out << (from_text  ? "  no code's text matches"
            : e.number ? "  not a known code in any family"
                       : "  not a known code in any family by that name")
        << "\n";
  for (family f : e.reserved_in)
    out << "  reserved   in " << to_string(f) << ": IEEE 802.11 reserves every value it does not assign\n";
  if (e.number) {
    out << "  range      ";
    write_wrapped(out, range_words(e), 13);
  }
  for (const macro_info* m : e.macros) {
    out << "  " << m->name << "  = " << hex32(m->value) << "  (" << m->value << ")\n";
    out << "    macro      ";
    write_wrapped(out, std::string(m->description) + " (range macro, wlanapi.h / l2cmn.h)", 15);
  }
  if (e.range.inner) {
    out << "  carries    in its low 16 bits this " << type_name(e.range.inner->fam) << ":\n";
    print_code(out, {e.range.inner, false}, "  ");
  }
  for (const match& m : e.matches) print_code(out, m);
  out << "\n";
}

void print_json(std::ostream& out, const std::vector<explanation>& all) {
  out << "[";
  for (std::size_t i = 0; i < all.size(); ++i) {
    const explanation& e = all[i];
    out << (i ? ",\n " : "\n ") << "{\"input\":" << json_string(e.input);
    if (!e.error.empty()) out << ",\"error\":" << json_string(e.error);
    if (e.number) out << ",\"value\":" << e.number->value << ",\"hex\":" << json_string(hex32(e.number->value));
    out << ",\"found\":" << (e.found() ? "true" : "false") << ",\"matches\":[";
    for (std::size_t k = 0; k < e.matches.size(); ++k) {
      if (k) out << ',';
      const match& m = e.matches[k];
      std::string extra = m.locally_generated ? "\"locally_generated\":true," : "\"locally_generated\":false,";
      if (m.approximate) extra += "\"approximate\":true,\"score\":" + std::to_string(m.score) + ",";
      write_code_json(out, *m.code, extra);
    }
    out << "],\"macros\":[";
    for (std::size_t k = 0; k < e.macros.size(); ++k)
      out << (k ? "," : "") << "{\"name\":" << json_string(e.macros[k]->name) << ",\"value\":" << e.macros[k]->value
          << ",\"hex\":" << json_string(hex32(e.macros[k]->value))
          << ",\"description\":" << json_string(e.macros[k]->description) << '}';
    out << "],\"reserved_in\":[";
    for (std::size_t k = 0; k < e.reserved_in.size(); ++k)
      out << (k ? "," : "") << json_string(to_string(e.reserved_in[k]));
    out << "],\"range\":";
    if (e.number && e.range.range) {
      out << "{\"family\":" << json_string(to_string(e.range.range->fam))
          << ",\"id\":" << json_string(e.range.range->id) << ",\"label\":" << json_string(e.range.range->label)
          << ",\"first\":" << e.range.range->first << ",\"last\":" << e.range.range->last
          << ",\"offset\":" << e.range.offset << ",\"listed\":" << (e.range.code ? "true" : "false")
          << ",\"text\":" << json_string(range_words(e)) << ",\"inner\":";
      if (e.range.inner)
        write_code_json(out, *e.range.inner);
      else
        out << "null";
      out << '}';
    } else {
      out << "null";
    }
    out << '}';
  }
  out << (all.empty() ? "]\n" : "\n]\n");
}

void print_csv(std::ostream& out, const std::vector<explanation>& all) {
  out << "input," << code_csv_header() << ",range\n";
  for (const explanation& e : all) {
    const std::string range = csv_field(range_words(e));
    if (e.matches.empty()) out << csv_field(e.input) << ",,,,,,,,," << range << "\n";
    for (const match& m : e.matches) out << csv_field(e.input) << ',' << code_csv_row(*m.code) << ',' << range << "\n";
  }
}

}  // namespace

runner add_explain(CLI::App& app) {
  auto opt = std::make_shared<explain_options>();
  CLI::App* cmd =
      app.add_subcommand("explain", "Explain codes given as numbers (0x00038004, 0x38004, 229380, -3) or names");
  cmd->add_option("codes", opt->inputs,
                  "Codes to explain: hex, decimal, negative int32, a name, or family:value (ieee80211_reason:252)");
  cmd->add_option("-t,--text", opt->texts,
                  "A reason sentence as Windows prints it (\"Failure Reason: The specific network is not available.\")")
      ->type_name("SENTENCE");
  add_family_option(*cmd, opt->only, "Only consider this family");
  add_format_option(*cmd, opt->fmt);
  cmd->footer(
      "Several matches across families are all shown, best guess first.\n"
      "Exit status: 0 all found, 1 some unknown (their range is still shown), 2 usage error.");
  return [opt] {
    if (opt->inputs.empty() && opt->texts.empty()) throw CLI::RequiredError("CODE or --text");
    // An empty (or blank) argument is a usage error, like a missing one: nothing is explained.
    const auto blank = [](const std::string& in) { return in.find_first_not_of(" \t\r\n\v\f") == std::string::npos; };
    if (std::any_of(opt->inputs.begin(), opt->inputs.end(), blank))
      throw CLI::ValidationError("CODE", "an empty argument is not a code");
    if (std::any_of(opt->texts.begin(), opt->texts.end(), blank))
      throw CLI::ValidationError("--text", "an empty argument is not a sentence");
    std::vector<explanation> all;
    for (const std::string& in : opt->inputs) all.push_back(explain(in, opt->only));
    for (const std::string& in : opt->texts) all.push_back(explain_text(in));
    bool all_found = true;
    for (const explanation& e : all) {
      if (!e.found()) all_found = false;
      if (!e.error.empty()) std::cerr << "wlancode: \"" << terminal_safe(e.input) << "\": " << e.error << "\n";
    }
    switch (opt->fmt) {
      case format::text:
        for (std::size_t i = 0; i < all.size(); ++i) print_text(std::cout, all[i], i >= opt->inputs.size());
        break;
      case format::json:
        print_json(std::cout, all);
        break;
      case format::csv:
        print_csv(std::cout, all);
        break;
    }
    return all_found ? exit_ok : exit_not_found;
  };
}

}  // namespace wlancode::cli
