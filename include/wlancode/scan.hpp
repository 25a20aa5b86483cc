// Scanning logs for Wi-Fi failure codes: Windows event logs (XML and text), netsh wlanreport,
// ETW text, wpa_supplicant, hostapd, mac80211, NetworkManager, iwd, vendor drivers, routers,
// Espressif firmware, WPS tools, apps, and code contexts of any producer.
//
// The pipeline streams: reader (file, directory, stdin, gzip; UTF-8/UTF-16) -> lines -> containers
// (where lines need their neighbours) and line rules (every other line, every rule) -> decoder ->
// diagnosis -> findings handed to a callback. Memory does not grow with the input size. Printing
// is the caller's business (see tools/wlancode).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wlancode/codes.hpp"
#include "wlancode/export.h"
#include "wlancode/timestamp.hpp"

namespace wlancode::scan {

// Input formats (wlancode/scan_formats.def): `automatic` runs every line rule on every line and
// opens a container (event XML, event text) where the lines start one, or for the whole file when
// its head is a wlanreport; forcing a container applies it from the first line; forcing a
// producer (or `linux_log`, the Linux producers) restricts the line rules to it.
enum class input_format : std::uint8_t {
#define WLANCODE_FORMAT(id, ...) id,
#include "wlancode/scan_formats.def"
};

struct format_info {
  input_format id;
  std::string_view name;         // "event_xml"
  std::string_view kind;         // "meta", "container" or "producer"
  bool linux_log;                // part of --input-format linux
  std::string_view description;  // one line, for --help
};
WLANCODE_API std::span<const format_info> input_formats() noexcept;

// The line rules (src/scan/grammar/rules.def), for documentation and help.
struct rule_description {
  std::string_view id;      // "wpa_disconnected"
  input_format format;      // the producer
  std::string_view anchor;  // text the line must hold, or ""
  std::string_view key;     // text right before the value
  std::string_view syntax;  // "num", "after_mac", "tail_paren"
  std::string_view family;  // a family id, "raw" or "ignore"
  std::string_view field;
};
WLANCODE_API std::span<const rule_description> line_rules() noexcept;
// The generic keys (src/scan/grammar/keys.def): normalised key and its class.
struct key_description {
  std::string_view key;
  std::string_view cls;
};
WLANCODE_API std::span<const key_description> generic_keys() noexcept;
WLANCODE_API std::string_view to_string(input_format f) noexcept;
WLANCODE_API std::optional<input_format> parse_input_format(std::string_view name) noexcept;

// Lifecycle events of a connection (wlancode/scan_events.def), reported when options::events is set.
enum class event_kind : std::uint8_t {
#define WLANCODE_EVENT_KIND(id, ...) id,
#include "wlancode/scan_events.def"
};
enum class event_role : std::uint8_t { begin, step, done, fail, end, ip_ok, ip_fail, lost, roam };
struct event_info {
  event_kind id;
  std::string_view name;  // "connected"
  phase ph;               // where an attempt that fails after it failed
  event_role role;
  std::string_view description;
};
WLANCODE_API std::span<const event_info> event_kinds() noexcept;
WLANCODE_API const event_info& info(event_kind k) noexcept;
WLANCODE_API std::string_view to_string(event_kind k) noexcept;

// What a finding's value is.
enum class value_kind : std::uint8_t {
  code,   // a code of a wlancode family (`fam` is set), decoded from a number or a symbolic name
  text,   // a reason printed as text only, mapped to a code by wlancode::match_text (`fam` set)
          // or not mapped (`fam` unset, `mapping` says why)
  raw,    // a number in a code space wlancode does not decode (EAP reason, Win32 error, the
          // 8003 disconnect reason...): reported as printed, never decoded
  event,  // a lifecycle event (`event` is set), only when options::events is set
};
WLANCODE_API std::string_view to_string(value_kind k) noexcept;

// One code found in a log.
struct finding {
  std::string source;        // file path, "-" for stdin
  std::uint64_t line = 0;    // 1-based line number (in the transcoded text); EVTX: the record's ordinal in the file
  std::uint64_t record = 0;  // EVTX: the event record identifier (EventRecordID); 0 elsewhere
  input_format format = input_format::plain;  // the producer or container that found it (never automatic/linux_log)
  std::string rule;         // how it was found: a rule id of src/scan/grammar/rules.def, "generic" (a code
                            // context of any producer), "name", "wlanapi_text", or the container's format
  double confidence = 1.0;  // 1.0 for a producer's own rule or a container field; lower for generic contexts
  std::string field;        // the log's own label: "reason", "status_code", "ReasonCode", "Failure Reason"...
  value_kind kind = value_kind::code;
  event_kind event = event_kind::attempt_started;  // kind == value_kind::event only
  std::optional<family> fam;                       // unset for raw values and unmapped texts
  std::string space;  // for raw values: "eap_reason", "win32_error", "eap_error", "event_8003_reason", "unknown"
  bool has_value = false;
  std::uint32_t value = 0;          // the 32-bit (or 16-bit) value; a negative NetworkManager reason as its magnitude
  std::string raw;                  // the token as printed ("0x38004", "-3", "WLAN_REASON_CODE_...")
  const code_info* code = nullptr;  // the table entry, when the family lists the value
  std::string name;                 // full code name, or "" when unlisted
  std::string meaning;              // documented meaning, or the range description when unlisted
  std::string text;                 // the reason text printed next to the code (or the text that was mapped)
  std::string mapping;              // text findings: "exact", "approximate", "unmapped", "unmapped_localized"
  double score = 0;                 // text findings: match score
  phase ph = phase::unknown;
  initiator init = initiator::unknown;
  bool locally_generated = false;       // the local station sent the frame (wpa locally_generated=1,
                                        // NetworkManager negative reason, kernel "by local choice", iwd from_ap: false)
  std::string hint_cause, hint_action;  // a heuristic, from the code's hint
  std::string timestamp, event_id, interface, ssid, bssid, sta;  // context, empty when unknown
  // A Windows WLAN-AutoConfig event's ConnectionId data field ("0x2": the events of one
  // connection, 8000 .. 8003 and the MSM and 802.1X events between, share it); empty elsewhere.
  // Read by diagnose to tell connections apart; not part of the record (docs/scan.md).
  std::string connection;
  instant time;                 // `timestamp` on one clock (wlancode/timestamp.hpp), resolved per file in line order
  std::string excerpt;          // the line (at most ~400 bytes; key material removed; redacted on request)
  bool line_truncated = false;  // the line exceeded the line cap and was scanned in its first part only
  // Set by the scanner on the last finding it reports for a line (false: unknown, or more may
  // follow), so that a consumer reading a line's findings together need not hold copies.
  bool last_on_line = false;
};

// The ranges options accept (the command line and the Python module check against these).
inline constexpr unsigned max_jobs = 256;
inline constexpr std::size_t min_line_cap = 256, max_line_cap = std::size_t{256} << 20;  // options::max_line
// jobs = 0: one thread per core, at most max_auto_jobs (more add less than their mappings cost in memory).
inline constexpr unsigned max_auto_jobs = 8;
WLANCODE_API unsigned auto_jobs() noexcept;

struct options {
  input_format forced = input_format::automatic;
  std::optional<family> only;                    // keep findings of this family only
  bool events = false;                           // also report lifecycle events (value_kind::event)
  bool redact = false;                           // mask MAC addresses, SSIDs and user names in every finding field
  unsigned jobs = 1;                             // threads for large regular files; 0: auto_jobs()
  std::size_t max_line = 1u << 20;               // lines longer than this are scanned in their first max_line bytes
  std::uint64_t parallel_min_bytes = 32u << 20;  // -j applies to files at least this large
  std::uint64_t map_window = 16u << 20;          // regular files are mapped this many bytes at a time
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;  // optional, per file
  // Timestamps without a UTC offset are read in this zone (nullptr: as UTC). Shared, immutable.
  std::shared_ptr<const time_zone> tz;
  // The year of a file's first timestamp that prints none (syslog, logcat); 0: inferred from the
  // file's mtime (stdin and memory: from the current time). See wlancode::timeline.
  int year = 0;
};

struct input_error {
  std::string source;
  std::string message;
};

using finding_sink = std::function<void(const finding&)>;
using error_sink = std::function<void(const input_error&)>;

struct result {
  std::uint64_t findings = 0;
  std::uint64_t files = 0;
  std::uint64_t errors = 0;
  std::uint64_t truncated_lines = 0;
};

// Scans a path: a file (plain or .gz), a directory (recursively, sorted) or "-" for stdin.
// Findings arrive in input order. An unreadable path (or directory within the tree) is reported to
// `errors` and counted in result::errors; scanning goes on. `errors` also receives one notice, not
// counted, naming entries of a directory that were skipped (dangling symlinks, FIFOs, sockets...).
WLANCODE_API result scan_path(const std::string& path, const options& opt, const finding_sink& out,
                              const error_sink& errors);

// Scans bytes already in memory (any encoding the reader accepts, gzip included), named `source`.
WLANCODE_API result scan_memory(std::string_view data, const std::string& source, const options& opt,
                                const finding_sink& out);

// The format the detector picks for these first bytes of a file (already UTF-8).
WLANCODE_API input_format detect_format(std::string_view head) noexcept;

// -j and other splitters (the Python module's Dask tasks) look at this many first bytes of a file.
inline constexpr std::size_t split_head_bytes = 64 * 1024;

// Whether a file whose first bytes are `head` is text the scanner reads in place: not gzip, not
// UTF-16 (nor any NUL byte), not CR-only. Returns the offset of the text (3 after a UTF-8 BOM).
WLANCODE_API std::optional<std::uint64_t> text_offset(std::string_view head) noexcept;

// Whether such a file can be scanned in independent line-aligned segments, as -j splits it: text
// as above that is neither forced nor detected as a container (an event log or a report needs the
// whole file). Returns the offset of the text, or nullopt.
WLANCODE_API std::optional<std::uint64_t> splittable(std::string_view head, input_format forced) noexcept;

// Masks MAC addresses (keeps the first octet: "02:xx:xx:xx:xx:xx"), and the values of SSID, user and
// profile fields, in a line of text. Used on excerpts by scan_* when options::redact is set.
WLANCODE_API std::string redact_text(std::string_view line);

// The label --summary counts a finding's code under: its name; "family:value" for an unlisted
// value; "space:raw" for a raw one (the value as printed); else "text:" and the text's first 80 bytes.
WLANCODE_API std::string code_label(const finding& f);

// Counts for --summary. Bounded whatever the input: at most `max_keys` codes, SSIDs and BSSIDs
// each, at most `max_codes_per_place` codes counted per SSID or BSSID and `max_place_codes` in
// all. What a cap leaves out is counted in `capped` (the totals and the by-family, phase,
// initiator and format counts stay exact).
class WLANCODE_API summary {
 public:
  struct code_count {
    std::optional<family> fam;
    std::string space;  // raw values: their space
    std::uint32_t value = 0;
    bool has_value = false;
    std::string name;  // code name, or the text for unmapped texts
    std::uint64_t count = 0;
    // The earliest and latest finding by real time (`time` on the UTC clock), with their printed
    // timestamps and places; where no finding of the code has one, the first and last in input order.
    instant first_time, last_time;
    std::string first_seen, last_seen;    // timestamps as printed, where the log has them
    std::string first_where, last_where;  // "source:line"
  };
  struct where_count {
    std::uint64_t count = 0;
    std::map<std::string, std::uint64_t> codes;  // code name -> count
  };
  void add(const finding& f);
  std::uint64_t total = 0;
  std::vector<code_count> by_code;                 // in order of first appearance
  std::map<std::string, std::uint64_t> by_family;  // family id, "raw", "unmapped_text"
  std::map<std::string, std::uint64_t> by_phase;
  std::map<std::string, std::uint64_t> by_initiator;
  std::map<std::string, std::uint64_t> by_format;
  std::map<std::string, where_count> by_ssid, by_bssid;
  std::map<std::string, std::uint64_t> by_event;  // lifecycle events (options::events), not in `total`
  std::uint64_t locally_generated = 0;
  instant first_time, last_time;      // earliest and latest on the UTC clock (none when no finding has one)
  std::string first_seen, last_seen;  // their timestamps as printed (else the first and last printed)
  std::size_t max_keys = 10000;
  std::size_t max_codes_per_place = 256;
  std::size_t max_place_codes = 100000;
  struct capped_counts {
    std::uint64_t codes = 0;        // findings of codes past max_keys: not in by_code
    std::uint64_t ssids = 0;        // findings of SSIDs past max_keys: not in by_ssid
    std::uint64_t bssids = 0;       // findings of BSSIDs past max_keys: not in by_bssid
    std::uint64_t place_codes = 0;  // counted for their SSID/BSSID but not in its `codes`
    bool any() const noexcept { return codes || ssids || bssids || place_codes; }
  } capped;

 private:
  std::size_t place_codes_ = 0;
  std::map<std::string, std::size_t> index_;
};

}  // namespace wlancode::scan
