// Shared helpers of the diagnose tests: a log in memory, diagnosed.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "wlancode/diagnose.hpp"

namespace diagnose_test {

// Scans `log` with events on and diagnoses it (year 2026 for stamps without one).
inline wlancode::diagnose::report diagnose(std::string_view log) {
  wlancode::diagnose::analyzer an;
  wlancode::scan::options o;
  o.events = true;
  wlancode::timeline_settings ts;
  ts.year = 2026;
  wlancode::timeline tl(ts);
  wlancode::scan::scan_memory(log, "mem.log", o,
                              [&](const wlancode::scan::finding& f) { an.add(f, tl.resolve(f.timestamp, f.excerpt)); });
  an.add_input("mem.log");
  return an.finish();
}

inline std::string cause_id(int cause) {
  return cause < 0 ? std::string("none")
                   : std::string(wlancode::diagnose::causes()[static_cast<std::size_t>(cause)].id);
}

// One line per attempt: "count outcome phase ended_by cause".
inline std::vector<std::string> attempts_of(const wlancode::diagnose::report& r) {
  std::vector<std::string> out;
  for (const auto& g : r.groups)
    for (const auto& a : g.attempts)
      out.push_back(std::to_string(a.count) + " " + std::string(to_string(a.result)) + " " +
                    std::string(wlancode::to_string(a.failed_at)) + " " + std::string(to_string(a.ended_by)) + " " +
                    cause_id(a.cause));
  return out;
}

// An attempt as "count outcome phase ended_by decisive-code" ("-" for no decisive code).
inline std::string attempt_with_code(const wlancode::diagnose::attempt& a) {
  std::string code = "-";
  for (const auto& c : a.codes)
    if (c.decisive) code = c.ref;
  return std::to_string(a.count) + " " + std::string(to_string(a.result)) + " " +
         std::string(wlancode::to_string(a.failed_at)) + " " + std::string(to_string(a.ended_by)) + " " + code;
}

// Every attempt of the report that way, in group order.
inline std::vector<std::string> attempts_with_codes(const wlancode::diagnose::report& r) {
  std::vector<std::string> out;
  for (const auto& g : r.groups)
    for (const auto& a : g.attempts) out.push_back(attempt_with_code(a));
  return out;
}

// Per "interface network" group, one line per attempt as attempt_with_code gives it.
inline std::map<std::string, std::vector<std::string>> attempts_by_group(const wlancode::diagnose::report& r) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& g : r.groups)
    for (const auto& a : g.attempts)
      out[g.interface + " " + (g.ssid.empty() ? "?" : g.ssid)].push_back(attempt_with_code(a));
  return out;
}

// Sessions in the report, every group's.
inline std::size_t session_count(const wlancode::diagnose::report& r) {
  std::size_t n = 0;
  for (const auto& g : r.groups) n += g.sessions.size();
  return n;
}

}  // namespace diagnose_test
