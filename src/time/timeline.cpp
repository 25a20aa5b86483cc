// A file's timestamps on one clock: year inference, zones, and times since boot anchored to wall time.
#include <chrono>
#include <climits>

#include "civil.hpp"

namespace wlancode {

using namespace time_detail;

namespace {

// The kernel's time since boot in a syslog-prefixed kernel line ("... kernel: [  812.121877] ...").
std::optional<std::int64_t> monotonic_in(std::string_view line) noexcept {
  const std::size_t k = line.find("kernel: [");
  if (k == std::string_view::npos) return std::nullopt;
  const std::size_t b = k + 8, e = line.find(']', b);
  if (e == std::string_view::npos || e - b > 32) return std::nullopt;
  const auto f = parse_timestamp(line.substr(b, e - b + 1));
  if (!f || f->style != timestamp_style::monotonic) return std::nullopt;
  return f->count_ns;
}

constexpr std::int64_t max_s = 9'223'372'035;  // int64 nanoseconds reach 2262-04-11

}  // namespace

timeline::timeline(timeline_settings s) : s_(std::move(s)) {
  if (!s_.reference_s)
    s_.reference_s =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

int timeline::year_for(int month, int day, int hour) {
  if (year_ == 0) {  // the first stamp without a year
    if (s_.year) {
      year_ = s_.year;
    } else {
      const std::int64_t ref = *s_.reference_s;
      std::int64_t y = civil_from_days(floor_div(ref, 86400)).year;
      const auto at = [&](std::int64_t yy) {
        return days_from_civil(yy, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 + hour * 3600;
      };
      if (at(y) > ref + 86400) --y;  // after the file was last written: last year's
      year_ = static_cast<int>(y);
    }
    last_month_ = month;
    return year_;
  }
  if (month + 6 <= last_month_) {  // December -> January: the next year
    ++year_;
    last_month_ = month;
    return year_;
  }
  if (month > last_month_ + 6) return year_ - 1;  // a late line from before the change
  last_month_ = month;
  return year_;
}

std::int64_t timeline::wall_to_utc_ns(const timestamp_fields& f, int year, bool& offset_known) {
  int second = f.second;
  std::int64_t frac = f.fraction_ns;
  if (second == 60) {  // a leap second: the last instant of the second before it
    second = 59;
    frac = ns_per_s - 1;
  }
  const std::int64_t local_s =
      days_from_civil(year, static_cast<unsigned>(f.month), static_cast<unsigned>(f.day)) * 86400 + f.hour * 3600 +
      f.minute * 60 + second;
  std::int64_t utc_s = local_s;
  offset_known = f.has_offset;
  if (f.has_offset) {
    utc_s = local_s - f.offset_s;
  } else if (s_.tz) {
    const time_zone::local_result r = s_.tz->from_local(local_s);
    utc_s = r.earliest;
    // A wall time that happened twice (clocks fell back): the first, unless the log has moved past it.
    if (r.latest != r.earliest && last_utc_s_ != INT64_MIN && r.earliest < last_utc_s_ && r.latest >= last_utc_s_)
      utc_s = r.latest;
    offset_known = true;
  }
  if (utc_s > max_s || utc_s < -max_s) return INT64_MIN;
  last_utc_s_ = utc_s;
  return utc_s * ns_per_s + frac;
}

instant timeline::resolve(std::string_view raw, std::string_view line) {
  if (raw.empty()) return {};
  if (raw != memo_raw_) {
    memo_raw_.assign(raw);
    memo_fields_ = parse_timestamp(raw);
    memo_year_ = 0;
  }
  if (!memo_fields_) return {};
  return resolve_fields(*memo_fields_, line, true);
}

instant timeline::resolve(const timestamp_fields& f, std::string_view line) { return resolve_fields(f, line, false); }

instant timeline::resolve_fields(const timestamp_fields& f, std::string_view line, bool memo) {
  instant t;
  t.digits = f.digits;
  switch (f.style) {
    case timestamp_style::none:
      return {};
    case timestamp_style::epoch:
      t.clk = instant::clock::utc;
      t.ns = f.count_ns;
      t.offset_known = true;
      return t;
    case timestamp_style::monotonic:
    case timestamp_style::boot_ms:
      if (f.count_ns < last_relative_ns_) boot_utc_ns_.reset();  // counting from 0 again: a new boot
      last_relative_ns_ = f.count_ns;
      t.ns = f.count_ns;
      t.clk = instant::clock::relative;
      if (boot_utc_ns_ && !__builtin_add_overflow(*boot_utc_ns_, f.count_ns, &t.ns)) {
        t.clk = instant::clock::utc;
        t.anchored = true;
        t.offset_known = boot_offset_known_;
      } else {
        t.ns = f.count_ns;
      }
      return t;
    default:
      break;
  }
  int year = f.year;
  if (year) {  // a printed year carries on to the stamps without one
    year_ = year;
    last_month_ = f.month;
  } else {
    year = year_for(f.month, f.day, f.hour);
    t.year_inferred = true;
    if (f.month == 2 && f.day == 29 && !is_leap(year)) return {};
  }
  bool known = false;
  std::int64_t ns = 0;
  if (memo && memo_year_ == year && year != 0) {
    ns = memo_ns_;
    known = memo_known_;
  } else {
    ns = wall_to_utc_ns(f, year, known);
    if (memo) {
      memo_year_ = year;
      memo_ns_ = ns;
      memo_known_ = known;
    }
  }
  if (ns == INT64_MIN) return {};
  t.clk = instant::clock::utc;
  t.ns = ns;
  t.offset_known = known;
  if (const auto mono = monotonic_in(line)) {
    boot_utc_ns_ = ns - *mono;
    boot_offset_known_ = known;
    last_relative_ns_ = *mono;
  }
  return t;
}

}  // namespace wlancode
