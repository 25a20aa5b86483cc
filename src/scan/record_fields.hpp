// The fields of a finding's record (scan_record.hpp), as a template over the visitor: the one
// definition of the schema of docs/scan.md. visit_record instantiates it with the virtual
// record_visitor (the Python module's writers); the JSONL writer instantiates it with itself, so
// that its calls inline and every key is a literal of known size.
#pragma once

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>

#include "wlancode/scan_json.hpp"
#include "wlancode/scan_record.hpp"

namespace wlancode::scan::detail {

// The context fields (scan_json.hpp's context_fields()), here so that the visit unrolls over them.
inline constexpr std::array<context_field, 6> context_table{{{"timestamp", "time", &finding::timestamp},
                                                             {"event_id", "event", &finding::event_id},
                                                             {"interface", "interface", &finding::interface},
                                                             {"ssid", "ssid", &finding::ssid},
                                                             {"bssid", "bssid", &finding::bssid},
                                                             {"sta", "sta", &finding::sta}}};

// The ISO 8601 text of `t` (findings come in runs of one second: a line's codes, a burst of
// lines, so the last text is kept and given again).
std::string_view time_text(const instant& t);

template <class Visitor>
void visit_record_fields(const finding& f, Visitor& v) {
  // Findings with a table code carry its own name, meaning and hint (decoder): passed as the
  // table's text, so that writers can reuse what they made of it.
  const bool from_table = f.code && f.name == f.code->name;
  const auto opt = [&v](std::string_view key, std::string_view s, bool stable) {
    if (s.empty())
      v.null(key);
    else
      v.string(key, s, stable);
  };
  v.string("source", f.source, false);
  v.integer("line", f.line);
  v.string("format", to_string(f.format), true);
  opt("rule", f.rule, false);
  v.number("confidence", confidence_text(f.confidence));
  v.string("field", f.field, false);
  v.string("kind", to_string(f.kind), true);
  opt("event", f.kind == value_kind::event ? to_string(f.event) : std::string_view{}, true);
  opt("family", f.fam ? to_string(*f.fam) : std::string_view{}, true);
  opt("space", f.space, false);
  if (f.has_value)
    v.integer("value", f.value);
  else
    v.null("value");
  opt("hex", value_hex(f), false);
  opt("raw", f.raw, false);
  if (from_table && f.meaning == f.code->meaning.text) {
    v.string("name", f.code->name, true);
    opt("meaning", f.code->meaning.text, true);
  } else {
    opt("name", f.name, false);
    opt("meaning", f.meaning, false);
  }
  opt("text", f.text, false);
  opt("mapping", f.mapping, false);
  if (f.kind == value_kind::text && f.code) {
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%.3f", f.score);
    v.number("score", std::string_view(buf, static_cast<std::size_t>(std::clamp(n, 0, 31))));
  } else {
    v.null("score");
  }
  v.string("phase", to_string(f.ph), true);
  v.string("initiator", to_string(f.init), true);
  v.boolean("locally_generated", f.locally_generated);
  // A heuristic, never a fact: the object says so.
  const hint_info* table_hint = f.code ? f.code->hint : nullptr;
  if (f.hint_cause.empty()) {
    v.null("hint");
  } else {
    const bool stable = table_hint && f.hint_cause == table_hint->cause && f.hint_action == table_hint->action;
    v.begin_object("hint");
    v.boolean("heuristic", true);
    v.string("cause", stable ? table_hint->cause : std::string_view(f.hint_cause), stable);
    v.string("action", stable ? table_hint->action : std::string_view(f.hint_action), stable);
    v.end_object();
  }
  // The timestamp on one clock (ISO 8601 UTC, "+812.121877s" since boot, or null), then as printed.
  if (f.time.clk == instant::clock::none)
    v.null("time");
  else
    v.string("time", time_text(f.time), false);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (opt(context_table[I].key, f.*context_table[I].member, false), ...);
  }
  (std::make_index_sequence<context_table.size()>{});
  if (f.record)  // the EVTX record identifier
    v.integer("record", f.record);
  else
    v.null("record");
  v.string("excerpt", f.excerpt, false);
  v.boolean("truncated", f.line_truncated);
}

}  // namespace wlancode::scan::detail
