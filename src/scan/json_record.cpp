// The JSONL record of a finding (scan_json.hpp): the schema of docs/scan.md, written in one place.
#include <algorithm>
#include <cstdio>
#include <string>
#include <unordered_map>

#include "wlancode/scan_json.hpp"

namespace wlancode::scan {

namespace {
const context_field context_table[] = {{"timestamp", "time", &finding::timestamp},
                                       {"event_id", "event", &finding::event_id},
                                       {"interface", "interface", &finding::interface},
                                       {"ssid", "ssid", &finding::ssid},
                                       {"bssid", "bssid", &finding::bssid},
                                       {"sta", "sta", &finding::sta}};

// One JSON object per line, appended to `s` (reused between findings: no per-field temporaries).
// The JSON of a finding's table-derived fields (name, meaning, hint) is the same for every finding
// of a code: escaped once per code and reused (dense logs repeat a few codes many times).
struct code_json {
  std::string name_meaning;  // ,"name":...,"meaning":...
  std::string hint;          // ,"hint":...
};
const code_json& json_of(const code_info& c, const finding& f) {
  // Per thread: writers on several threads (the Python module, -j) share nothing.
  thread_local std::unordered_map<const code_info*, code_json> cache;
  auto [it, fresh] = cache.try_emplace(&c);
  if (fresh) {
    std::string& nm = it->second.name_meaning;
    nm = ",\"name\":";
    append_json_string(nm, f.name);
    nm += ",\"meaning\":";
    append_json_string(nm, f.meaning);
    std::string& h = it->second.hint;
    if (f.hint_cause.empty()) {
      h = ",\"hint\":null";
    } else {
      h = ",\"hint\":{\"heuristic\":true,\"cause\":";
      append_json_string(h, f.hint_cause);
      h += ",\"action\":";
      append_json_string(h, f.hint_action);
      h += '}';
    }
  }
  return it->second;
}

}  // namespace

void append_jsonl(std::string& s, const finding& f) {
  // Findings with a table code carry its own name, meaning and hint (decoder): cacheable.
  const code_json* cached = f.code && f.name == f.code->name ? &json_of(*f.code, f) : nullptr;
  const auto str = [&s](std::string_view key, std::string_view v) {
    s += key;
    append_json_string(s, v);
  };
  const auto opt = [&s](std::string_view key, std::string_view v) {
    s += key;
    if (v.empty())
      s += "null";
    else
      append_json_string(s, v);
  };
  str("{\"source\":", f.source);
  s += ",\"line\":";
  s += std::to_string(f.line);
  str(",\"format\":", to_string(f.format));
  opt(",\"rule\":", f.rule);
  s += ",\"confidence\":";
  s += confidence_text(f.confidence);
  str(",\"field\":", f.field);
  str(",\"kind\":", to_string(f.kind));
  opt(",\"event\":", f.kind == value_kind::event ? to_string(f.event) : std::string_view{});
  opt(",\"family\":", f.fam ? to_string(*f.fam) : std::string_view{});
  opt(",\"space\":", f.space);
  s += ",\"value\":";
  s += f.has_value ? std::to_string(f.value) : std::string("null");
  opt(",\"hex\":", value_hex(f));
  opt(",\"raw\":", f.raw);
  if (cached) {
    s += cached->name_meaning;
  } else {
    opt(",\"name\":", f.name);
    opt(",\"meaning\":", f.meaning);
  }
  opt(",\"text\":", f.text);
  opt(",\"mapping\":", f.mapping);
  if (f.kind == value_kind::text && f.code) {
    char buf[32];
    std::snprintf(buf, sizeof buf, ",\"score\":%.3f", f.score);
    s += buf;
  } else {
    s += ",\"score\":null";
  }
  str(",\"phase\":", to_string(f.ph));
  str(",\"initiator\":", to_string(f.init));
  s += f.locally_generated ? ",\"locally_generated\":true" : ",\"locally_generated\":false";
  if (cached) {
    s += cached->hint;
  } else if (f.hint_cause.empty()) {
    s += ",\"hint\":null";
  } else {
    str(",\"hint\":{\"heuristic\":true,\"cause\":", f.hint_cause);
    str(",\"action\":", f.hint_action);
    s += '}';
  }
  // The timestamp on one clock (ISO 8601 UTC, "+812.121877s" since boot, or null), then as printed.
  s += ",\"time\":";
  if (f.time.clk == instant::clock::none) {
    s += "null";
  } else {
    char buf[48];
    s += '"';
    s.append(buf, std::min(to_iso8601(f.time, buf, sizeof buf), sizeof buf));
    s += '"';
  }
  for (const context_field& c : context_table) {
    s += ",\"";
    s += c.key;
    opt("\":", f.*c.member);
  }
  s += ",\"record\":";  // EVTX record identifier
  s += f.record ? std::to_string(f.record) : std::string("null");
  str(",\"excerpt\":", f.excerpt);
  s += f.line_truncated ? ",\"truncated\":true}\n" : ",\"truncated\":false}\n";
}

std::span<const context_field> context_fields() noexcept { return context_table; }

}  // namespace wlancode::scan
