// From findings to what happened: connection attempts and sessions per device and network, the
// phase an attempt failed at, who ended it, its decisive code, and the likely causes, ranked.
//
// An `analyzer` takes findings (codes and lifecycle events, scan::options::events set) in input
// order, one source after another or interleaved, and keeps only what is open plus bounded
// summaries of what closed: consecutive attempts that failed the same way are one `attempt` with a
// count, and every list has a cap (what a cap leaves out is counted and noted). Memory grows with
// the number of devices, networks and distinct failures, never with the size of the input.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wlancode/codes.hpp"
#include "wlancode/export.h"
#include "wlancode/scan.hpp"
#include "wlancode/timestamp.hpp"

namespace wlancode::diagnose {

enum class outcome : std::uint8_t { succeeded, failed, unknown };
// Who ended an attempt or a session.
enum class ender : std::uint8_t { device, ap, auth_server, driver, user, unknown };
WLANCODE_API std::string_view to_string(outcome o) noexcept;
WLANCODE_API std::string_view to_string(ender e) noexcept;

// A line that shows something.
struct evidence {
  std::string source;
  std::uint64_t line = 0;
  instant time;
  std::string excerpt;
};

// A code seen in an attempt or at the end of a session.
struct code_seen {
  std::string ref;  // "ieee80211_reason:15", "raw:eap_reason:0x50005", "text:<text>"
  std::optional<family> fam;
  std::string space;  // raw codes
  std::uint32_t value = 0;
  bool has_value = false;
  std::string raw, name, meaning;
  phase ph = phase::unknown;
  initiator init = initiator::unknown;
  bool locally_generated = false;
  bool decisive = false;
  std::string carried_ref, carried_name;  // the code a range value's low 16 bits carry (DOT11 0x0003xxxx)
  evidence where;
};

struct step {
  scan::event_kind kind;
  evidence where;
  scan::input_format format = scan::input_format::plain;  // the producer that told it
};

// One attempt to connect, or `count` consecutive attempts of one device to one network that
// ended the same way (same outcome, phase and decisive code).
struct attempt {
  std::uint64_t count = 1;
  outcome result = outcome::unknown;
  phase failed_at = phase::unknown;  // for failed attempts
  ender ended_by = ender::unknown;
  instant start, end;               // of the first attempt / of the last
  instant last_start;               // start of the last attempt of a collapsed run
  std::string bssid;                // of the last attempt
  std::vector<std::string> bssids;  // every BSSID of the run (capped)
  bool roam = false;                // started while connected (a reassociation)
  bool inferred = false;            // only codes, no lifecycle event: the attempt is inferred from them
  int cause = -1;                   // index into causes(), or -1
  double cause_confidence = 0;
  std::vector<step> steps;       // of the last attempt (capped)
  std::vector<code_seen> codes;  // of the last attempt (capped); at most one decisive
  std::string summary;           // one line: "association rejected: 802.11 status 17 (...) by the AP"
};

// A time connected.
struct session {
  instant start, end;
  std::string bssid;
  bool open = true;  // still connected at the end of the input
  ender ended_by = ender::unknown;
  std::optional<code_seen> end_code;
  int cause = -1;  // why it ended, when a cause rule says (weak signal, AP full...)
  double cause_confidence = 0;
  std::uint64_t roams = 0;
  bool ip_configured = false;
  bool before_log = false;  // connected when the log begins (its end is in the log, its start is not)
  evidence start_where, end_where;
};

// Failed attempts past a group's cap of listed attempts, counted by what they were found to be
// (cause, failing phase, who ended them): so causes and the by_* counts cover every attempt.
struct failure_tally {
  int cause = -1;
  double cause_confidence = 0;
  phase failed_at = phase::unknown;
  ender ended_by = ender::unknown;
  std::uint64_t count = 0;
};

struct group {
  std::string host, interface, ssid;
  std::string file;                 // the file a device that names no host is known by (host is then empty)
  std::vector<std::string> bssids;  // capped
  std::vector<attempt> attempts;    // in order; capped (attempts_capped counts the rest)
  std::vector<session> sessions;    // in order; capped
  std::uint64_t attempts_total = 0, succeeded = 0, failed = 0, unknown = 0;
  std::uint64_t attempts_capped = 0, sessions_capped = 0;
  std::vector<failure_tally> capped_failures;  // the failed ones of attempts_capped, one row per kind
  instant first, last;                         // utc or relative
};

// A likely cause across the input.
struct cause_count {
  int cause = -1;
  double weight = 0;           // attempts (and session ends) x confidence
  std::uint64_t attempts = 0;  // failed attempts it explains
  std::uint64_t sessions = 0;  // session ends it explains
  double confidence = 0;       // the highest of one of them
  std::vector<std::size_t> groups;
  std::vector<evidence> lines;  // a few lines that show it
};

struct input_status {
  std::string source;
  std::string error;  // empty when read
};

struct report {
  std::vector<group> groups;
  std::vector<cause_count> causes;  // ranked, most likely first
  std::vector<input_status> inputs;
  std::uint64_t findings = 0, events = 0;
  std::vector<std::string> notes;
  std::string verdict;  // the answer, one sentence
};

// The diagnosis rules (src/diagnose/causes.def).
struct cause_info {
  std::string_view id, title, check;
};
WLANCODE_API std::span<const cause_info> causes() noexcept;

struct limits {
  std::size_t max_groups = 4096;
  std::size_t max_attempts_per_group = 500;  // distinct (collapsed) attempts kept per group
  std::size_t max_sessions_per_group = 500;
  std::size_t max_steps = 24, max_codes = 12, max_bssids = 16;
};

// The report as JSON (schema wlancode-diagnose/1, docs/diagnose.md), one object and a newline.
WLANCODE_API std::string to_json(const report& r);

class WLANCODE_API analyzer {
 public:
  explicit analyzer(limits l = {});
  ~analyzer();
  analyzer(const analyzer&) = delete;
  analyzer& operator=(const analyzer&) = delete;
  // A finding, with its instant (clock::none when unknown). Findings of one source in line order.
  void add(const scan::finding& f, const instant& when);
  void add_input(std::string source, std::string error = {});
  // Closes what is open and ranks the causes.
  report finish();

 private:
  struct state;
  std::unique_ptr<state> st_;
};

// Scans paths (files, directories, "-") with lifecycle events on and diagnoses them: each
// finding comes with its instant (scan::finding::time: the year from `year` or the file's mtime,
// zone `tz` for stamps without an offset, nullptr = UTC). Unreadable inputs are in report::inputs.
struct run_options {
  scan::options scan;  // `events` is set by run(); tz and year are taken from below
  std::shared_ptr<const time_zone> tz;
  int year = 0;
  limits lim;
};
WLANCODE_API report run(const std::vector<std::string>& paths, const run_options& opt,
                        const scan::error_sink& errors = nullptr);
// The same for bytes already in memory (any encoding scan::scan_memory accepts, gzip included),
// named `source` in the report. Data that cannot be decoded is the input's error.
WLANCODE_API report run_memory(std::string_view data, const std::string& source, const run_options& opt,
                               const scan::error_sink& errors = nullptr);

}  // namespace wlancode::diagnose
