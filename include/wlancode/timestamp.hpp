// Real time: the timestamps logs print, read as instants on one clock.
//
// parse_timestamp() reads one timestamp as printed (ISO 8601 / RFC 3339 / RFC 5424, Windows
// SystemTime, ETW text, Event Viewer and wevtutil text, wlanreport, syslog, journalctl short-*,
// logcat, kernel monotonic, epoch seconds, ESP-IDF milliseconds since boot) into its fields; a
// `timeline` (one per file, fed in line order) turns those fields into an `instant`: it supplies
// the year a style leaves out (from an explicit year or the file's mtime, rolling over at
// December -> January), applies the zone of stamps without an offset, and anchors times since
// boot to wall time when the log says when the boot was. Parsing and resolving allocate nothing;
// only time_zone::load reads files or the environment, and nothing sets the process's TZ.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wlancode/export.h"

namespace wlancode {

// A point in time, as precise as the log printed it.
struct instant {
  enum class clock : std::uint8_t {
    none,      // no timestamp, or one that could not be read
    utc,       // ns since 1970-01-01T00:00:00Z (leap seconds not counted, as POSIX time)
    relative,  // ns since the device booted (kernel monotonic, ESP-IDF), not anchored
  };
  clock clk = clock::none;
  std::int64_t ns = 0;
  std::int8_t digits = 0;      // fraction digits printed (0..9; more were cut to 9)
  bool offset_known = false;   // the offset was printed (or UTC by definition) or given as the zone;
                               // false: a wall time without offset, read as UTC
  bool year_inferred = false;  // the year was not printed: guessed by the timeline
  bool anchored = false;       // utc computed from a time since boot and the boot's wall time
  friend bool operator==(const instant&, const instant&) = default;
};

// The styles parse_timestamp() recognises.
enum class timestamp_style : std::uint8_t {
  none,
  iso8601,    // 2026-11-21T10:12:40.0012345Z, 2026-11-21 10:12:40,123+0100, SystemTime
  rfc5424,    // <34>1 2026-11-21T10:12:40.003Z host app ... (the ISO part after "<PRI>1 ")
  etw,        // 11/21/2023-10:12:40.001234 (netsh trace convert, tracefmt)
  us_date,    // 11/21/2023 10:12:40 AM, 11/21/2023 22:12:40 (Event Viewer text, wlanreport)
  syslog,     // Nov 21 10:12:40, Nov  1 10:12:40.123456 (journalctl short-precise); no year
  logcat,     // 11-21 10:12:40.123 (Android logcat); no year
  monotonic,  // [  812.121877] (kernel, journalctl short-monotonic): seconds since boot
  epoch,      // 1737121661.292380, [1737121661.292380]: seconds since 1970, UTC
  boot_ms,    // I (36157) wifi: (ESP-IDF), [  9836] (Arduino-ESP32: no fraction): milliseconds since boot
};
WLANCODE_API std::string_view to_string(timestamp_style s) noexcept;

// One timestamp's fields as printed. Fields the style does not print are 0 (year) or unset.
struct timestamp_fields {
  timestamp_style style = timestamp_style::none;
  int year = 0;                                              // 0: not printed
  int month = 0, day = 0, hour = 0, minute = 0, second = 0;  // second may be 60 (a leap second)
  std::int64_t fraction_ns = 0;
  std::int8_t digits = 0;
  bool has_offset = false;
  std::int32_t offset_s = 0;  // east of UTC
  std::int64_t count_ns = 0;  // monotonic, epoch, boot_ms: the count itself
};

// Reads a timestamp as printed (leading and trailing blanks ignored). nullopt when it is not one
// of the styles above, or names a time that does not exist (Feb 30, 24:01, month 13, an offset past
// -12:00 / +14:00, a second 60 anywhere but in a minute 59: the end of a UTC day in some zone).
// A leap second (:60) reads as the last nanosecond of the second before it (POSIX time has none).
WLANCODE_API std::optional<timestamp_fields> parse_timestamp(std::string_view text) noexcept;

// Days since 1970-01-01 of a proleptic Gregorian date (any int year), and its inverse.
WLANCODE_API std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept;

// A time zone: a fixed offset, or the rules of a TZif file (RFC 8536) with its POSIX TZ footer
// for times past its last transition. Immutable once loaded: share one between threads.
class WLANCODE_API time_zone {
 public:
  // "UTC" / "Z", "+02:00", "-0500", "+02", an IANA name read from the TZif database (TZDIR, or
  // /usr/share/zoneinfo), "local" (the zone named by $TZ as read now, else /etc/localtime), or a
  // POSIX TZ string ("CET-1CEST,M3.5.0,M10.5.0/3"). nullptr with `error` set when it cannot.
  static std::shared_ptr<const time_zone> load(std::string_view name, std::string* error = nullptr);
  // Parses TZif bytes (tests, embedded data).
  static std::shared_ptr<const time_zone> from_tzif(std::string_view bytes, std::string name,
                                                    std::string* error = nullptr);
  static std::shared_ptr<const time_zone> fixed(std::int32_t offset_s, std::string name);

  const std::string& name() const noexcept { return name_; }
  // Offset east of UTC in force at a UTC second.
  std::int32_t offset_at(std::int64_t utc_s) const noexcept;
  // The UTC seconds a local wall time names: `earliest` and `latest` differ where clocks fell
  // back (the wall time happened twice); in a gap (clocks sprang forward) both use the offset
  // before the change, as if the clock had not been changed yet (so 02:30 in a 02:00->03:00 gap
  // is 01:30 of the old offset).
  struct local_result {
    std::int64_t earliest, latest;
    bool gap;
  };
  local_result from_local(std::int64_t local_s) const noexcept;

  struct rule;  // a POSIX TZ rule (std/dst offsets and change dates)
  time_zone();
  ~time_zone();

 private:
  std::string name_;
  std::vector<std::int64_t> transitions_;  // UTC seconds, ascending
  std::vector<std::int32_t> offsets_;      // offsets_[i] applies from transitions_[i - 1]; [0] before all
  std::unique_ptr<rule> footer_;           // after the last transition, when present
};

// The years timeline_settings::year may name (an instant holds int64 nanoseconds, to 2262).
inline constexpr int min_year = 1970, max_year = 2200;

struct timeline_settings {
  std::shared_ptr<const time_zone> tz;      // stamps without an offset; nullptr = UTC
  int year = 0;                             // the year of the first stamp without one; 0 = infer
  std::optional<std::int64_t> reference_s;  // the file's mtime (UTC s): the log ends before it
};

// One file's timestamps, fed in line order (the scanner feeds it the timestamps of its findings).
// Year inference: the first stamp without a year takes `year`, else the latest year that puts it
// at or before the reference (+1 day of slack for zones and skew); each later stamp moves to the
// next year when its month falls six or more months behind the previous one (December ->
// January), and one more than six months ahead of the previous (a late line from before the
// change) takes the year before, without moving the timeline. A stamp that prints its year sets
// the year for those after it. Feb 29 in a non-leap inferred year resolves to none.
// Anchoring: a line carrying both a wall-clock stamp and the kernel's time since boot (a
// syslog-prefixed kernel line "Nov 21 10:00:00 host kernel: [  812.12] ...") gives the boot's
// wall time; later monotonic stamps are placed on it (and flagged `anchored`). A count that goes
// backwards means a new boot: the anchor is dropped until the next such line.
// Zones: a wall time that happened twice (clocks fell back) is the first occurrence unless the
// log has already moved past it; one in a gap is read at the offset before the gap.
class WLANCODE_API timeline {
 public:
  explicit timeline(timeline_settings s = {});
  // The instant of `raw` (a timestamp the scanner found), with `line` (its line, or "") as
  // context for anchoring. clock::none when raw is empty or unreadable.
  instant resolve(std::string_view raw, std::string_view line = {});
  // The same, from fields already parsed.
  instant resolve(const timestamp_fields& f, std::string_view line = {});

 private:
  std::int64_t wall_to_utc_ns(const timestamp_fields& f, int year, bool& offset_known);
  int year_for(int month, int day, int hour);
  timeline_settings s_;
  int year_ = 0;
  int last_month_ = 0;
  std::int64_t last_utc_s_ = INT64_MIN;
  std::optional<std::int64_t> boot_utc_ns_;
  bool boot_offset_known_ = false;
  std::int64_t last_relative_ns_ = -1;
  // The last stamp read as text and what it gave: a log prints one stamp on many lines in a row,
  // and a repeat is not parsed or converted again (both are idempotent on the same input).
  std::string memo_raw_;
  std::optional<timestamp_fields> memo_fields_;
  int memo_year_ = 0;  // 0: no wall-clock conversion memoized for memo_raw_
  std::int64_t memo_ns_ = 0;
  bool memo_known_ = false;
  instant resolve_fields(const timestamp_fields& f, std::string_view line, bool memo);
};

// ISO 8601 in UTC with the printed precision: "2026-11-21T10:12:40.001234Z" (digits as printed;
// whole seconds when none were). Relative instants: "+812.121877s" (time since boot). "" for none.
WLANCODE_API std::string to_iso8601(const instant& t);
// The same into a caller's buffer (no allocation); returns the length written (at most 40).
WLANCODE_API std::size_t to_iso8601(const instant& t, char* out, std::size_t cap) noexcept;

}  // namespace wlancode
