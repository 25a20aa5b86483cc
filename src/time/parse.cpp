// Reading one timestamp as printed into its fields (no year inference, no zone: timeline.cpp).
#include <array>

#include "months.hpp"
#include "wlancode/timestamp.hpp"

namespace wlancode {
namespace {

constexpr bool digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A cursor over the text: each reader consumes on success only.
struct cursor {
  std::string_view s;
  std::size_t p = 0;
  bool at_end() const noexcept { return p >= s.size(); }
  char peek(std::size_t k = 0) const noexcept { return p + k < s.size() ? s[p + k] : '\0'; }
  bool lit(char c) noexcept {
    if (peek() != c) return false;
    ++p;
    return true;
  }
  // Exactly n digits.
  bool fixed(std::size_t n, int& out) noexcept {
    if (p + n > s.size()) return false;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
      if (!digit(s[p + k])) return false;
      v = v * 10 + (s[p + k] - '0');
    }
    out = v;
    p += n;
    return true;
  }
  // min..max digits, not followed by another digit.
  bool some(std::size_t min, std::size_t max, int& out) noexcept {
    std::size_t k = 0;
    int v = 0;
    while (k < max && digit(peek(k))) v = v * 10 + (peek(k++) - '0');
    if (k < min || digit(peek(k))) return false;
    out = v;
    p += k;
    return true;
  }
  // A fraction's digits (any number: past 9 they are read but not kept).
  void fraction(timestamp_fields& f) noexcept {
    std::int64_t ns = 0;
    int n = 0;
    while (digit(peek())) {
      if (n < 9) {
        ns = ns * 10 + (peek() - '0');
        ++n;
      }
      ++p;
    }
    f.digits = static_cast<std::int8_t>(n);
    for (int k = n; k < 9; ++k) ns *= 10;
    f.fraction_ns = ns;
  }
  void blanks() noexcept {
    while (peek() == ' ' || peek() == '\t') ++p;
  }
};

constexpr bool leap(std::int64_t y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) noexcept {
  static constexpr std::array<int, 12> n{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  // No year printed: Feb 29 may exist (the timeline checks it against the year it infers).
  return m == 2 && (y == 0 || leap(y)) ? 29 : n[static_cast<std::size_t>(m - 1)];
}

bool valid(const timestamp_fields& f) noexcept {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > days_in_month(f.year, f.month)) return false;
  if (f.hour > 23 || f.minute > 59 || f.second > 60) return false;
  // A leap second is inserted at the end of a UTC minute 59 (any local hour, offsets shift it).
  if (f.second == 60 && f.minute != 59) return false;
  return true;
}

// hh:mm:ss[.fff] with hour of min_h..2 digits; seconds required.
bool clock_time(cursor& c, timestamp_fields& f, std::size_t min_h = 2) {
  if (!c.some(min_h, 2, f.hour) || !c.lit(':') || !c.fixed(2, f.minute) || !c.lit(':') || !c.fixed(2, f.second))
    return false;
  if (c.peek() == '.' || c.peek() == ',') {
    if (!digit(c.peek(1))) return false;
    ++c.p;
    c.fraction(f);
  }
  return true;
}

// Z, -00:00, +hh:mm, +hhmm, +hh; between -12:00 and +14:00 (the offsets zones have).
bool offset(cursor& c, timestamp_fields& f) {
  if (c.peek() == 'Z' || c.peek() == 'z') {
    ++c.p;
    f.has_offset = true;
    return true;
  }
  if (c.peek() == ' ' && c.peek(1) == 'U' && c.peek(2) == 'T' && c.peek(3) == 'C' && !digit(c.peek(4))) {
    c.p += 4;
    f.has_offset = true;
    return true;
  }
  if (c.peek() != '+' && c.peek() != '-') return true;  // none: local time
  const bool minus = c.peek() == '-';
  cursor t = c;
  ++t.p;
  int h = 0, m = 0;
  if (!t.fixed(2, h)) return false;
  if (t.lit(':')) {
    if (!t.fixed(2, m)) return false;
  } else if (digit(t.peek())) {
    if (!t.fixed(2, m)) return false;
  }
  if (m > 59) return false;
  const int s = (h * 60 + m) * 60;
  if (minus ? s > 12 * 3600 : s > 14 * 3600) return false;
  f.has_offset = true;
  f.offset_s = minus ? -s : s;
  c = t;
  return true;
}

// 2026-11-21T10:12:40.0012345Z / 2026-11-21 10:12:40,123+01:00
bool iso(cursor& c, timestamp_fields& f) {
  if (!c.fixed(4, f.year) || !c.lit('-') || !c.fixed(2, f.month) || !c.lit('-') || !c.fixed(2, f.day)) return false;
  if (!c.lit('T') && !c.lit('t') && !c.lit(' ')) return false;
  if (!clock_time(c, f)) return false;
  f.style = timestamp_style::iso8601;
  return offset(c, f);
}

// 11/21/2023-10:12:40.001234 (ETW) or 11/21/2023 10:12:40 AM (Event Viewer, wlanreport)
bool us_date(cursor& c, timestamp_fields& f) {
  if (!c.some(1, 2, f.month) || !c.lit('/') || !c.some(1, 2, f.day) || !c.lit('/') || !c.fixed(4, f.year)) return false;
  if (c.lit('-')) {
    f.style = timestamp_style::etw;
    return clock_time(c, f);
  }
  if (!c.lit(' ')) return false;
  c.blanks();
  f.style = timestamp_style::us_date;
  if (!clock_time(c, f, 1)) return false;
  cursor t = c;
  t.blanks();
  const char a = lower(t.peek()), m = lower(t.peek(1));
  if ((a == 'a' || a == 'p') && m == 'm' && !digit(t.peek(2))) {
    if (f.hour < 1 || f.hour > 12) return false;
    f.hour = f.hour % 12 + (a == 'p' ? 12 : 0);
    t.p += 2;
    c = t;
  }
  return offset(c, f);
}

// Nov 21 10:12:40[.123456]; Sat Mar  2 08:15:40 2024 (ctime: OpenWrt / BusyBox logread); mar/02 08:15:40
bool syslog(cursor& c, timestamp_fields& f) {
  static constexpr std::array<std::string_view, 7> weekdays{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  bool weekday = false;
  if (c.p + 4 <= c.s.size() && c.s[c.p + 3] == ' ')
    for (std::string_view w : weekdays)
      if (lower(c.s[c.p]) == w[0] && lower(c.s[c.p + 1]) == w[1] && lower(c.s[c.p + 2]) == w[2]) weekday = true;
  if (weekday) c.p += 4;
  if (c.p + 3 > c.s.size()) return false;
  f.month = 0;
  const auto is = [&](std::string_view m) {
    return lower(c.s[c.p]) == lower(m[0]) && lower(c.s[c.p + 1]) == lower(m[1]) && lower(c.s[c.p + 2]) == lower(m[2]);
  };
  for (std::size_t k = 0; k < time_detail::english_months.size(); ++k)
    if (is(time_detail::english_months[k])) f.month = static_cast<int>(k) + 1;
  if (!f.month)
    for (const time_detail::local_month& m : time_detail::local_months)
      if (is(m.abbr)) f.month = m.month;
  if (!f.month) return false;
  c.p += 3;
  if (!weekday && c.lit('/')) {  // "mar/02 08:15:40": MikroTik RouterOS /log print (days before today)
    if (!c.fixed(2, f.day) || !c.lit(' ')) return false;
  } else {
    if (!c.lit(' ')) return false;
    c.lit(' ');  // "Nov  1"
    if (!c.some(1, 2, f.day) || !c.lit(' ')) return false;
  }
  f.style = timestamp_style::syslog;
  if (!clock_time(c, f)) return false;
  if (weekday) return c.lit(' ') && c.fixed(4, f.year);  // ctime prints the year last
  return true;
}

// 11-21 10:12:40.123 (logcat)
bool logcat(cursor& c, timestamp_fields& f) {
  if (!c.fixed(2, f.month) || !c.lit('-') || !c.fixed(2, f.day) || !c.lit(' ')) return false;
  f.style = timestamp_style::logcat;
  return clock_time(c, f);
}

// seconds[.fraction] as a count of ns, at most 10 integer digits (no overflow).
bool seconds_count(cursor& c, timestamp_fields& f, bool need_fraction) {
  const std::size_t b = c.p;
  std::int64_t s = 0;
  while (digit(c.peek()) && c.p - b < 10) s = s * 10 + (c.s[c.p++] - '0');
  if (c.p == b || digit(c.peek())) return false;
  if (s > 9'223'372'035) return false;  // past int64 nanoseconds (year 2262)
  timestamp_fields frac;
  if (c.peek() == '.' && digit(c.peek(1))) {
    ++c.p;
    c.fraction(frac);
  } else if (need_fraction) {
    return false;
  }
  f.count_ns = s * 1'000'000'000 + frac.fraction_ns;
  f.digits = frac.digits;
  return true;
}

// An epoch count from 2000-01-01 on with ten digits; shorter counts are times since boot.
bool looks_epoch(std::int64_t count_ns, std::size_t int_digits) noexcept {
  return int_digits == 10 && count_ns >= 946684800LL * 1'000'000'000;
}

}  // namespace

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  // Shifts the year to start in March so the leap day ends it (a well-known civil-date algorithm).
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<std::uint64_t>(y - era * 400);
  const std::uint64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const std::uint64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string_view to_string(timestamp_style s) noexcept {
  switch (s) {
    case timestamp_style::none:
      return "none";
    case timestamp_style::iso8601:
      return "iso8601";
    case timestamp_style::rfc5424:
      return "rfc5424";
    case timestamp_style::etw:
      return "etw";
    case timestamp_style::us_date:
      return "us_date";
    case timestamp_style::syslog:
      return "syslog";
    case timestamp_style::logcat:
      return "logcat";
    case timestamp_style::monotonic:
      return "monotonic";
    case timestamp_style::epoch:
      return "epoch";
    case timestamp_style::boot_ms:
      return "boot_ms";
  }
  return "none";
}

std::optional<timestamp_fields> parse_timestamp(std::string_view text) noexcept {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == ':'))
    text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  cursor c{text};
  timestamp_fields f;
  bool ok = false;
  const char c0 = c.peek();
  if (c0 == '<') {  // RFC 5424: <PRI>1 then the ISO time
    int pri = 0, version = 0;
    ++c.p;
    if (c.some(1, 3, pri) && pri <= 191 && c.lit('>') && c.some(1, 2, version) && version >= 1 && c.lit(' ')) {
      ok = iso(c, f);
      f.style = timestamp_style::rfc5424;
    }
  } else if (c0 == '[') {  // [  812.121877] since boot, or [1737121661.292380] epoch
    ++c.p;
    c.blanks();
    const std::size_t b = c.p;
    if (seconds_count(c, f, false)) {
      const std::size_t int_digits = text.substr(b, c.p - b).find('.');
      const bool whole = int_digits == std::string_view::npos;
      if (looks_epoch(f.count_ns, whole ? c.p - b : int_digits)) {
        f.style = timestamp_style::epoch;
      } else if (whole) {  // "[  9836]": Arduino-ESP32's milliseconds since boot (the kernel prints a fraction)
        f.style = timestamp_style::boot_ms;
        f.count_ns /= 1000;
        f.digits = 3;
      } else {
        f.style = timestamp_style::monotonic;
      }
      c.blanks();
      ok = c.lit(']');
    }
  } else if (c0 == '(' || ((c0 == 'I' || c0 == 'E' || c0 == 'W' || c0 == 'D' || c0 == 'V') && c.peek(1) == ' ' &&
                           c.peek(2) == '(')) {  // ESP-IDF: I (36157)
    c.p += c0 == '(' ? 1 : 3;
    const std::size_t b = c.p;
    std::int64_t ms = 0;
    while (digit(c.peek()) && c.p - b < 12) ms = ms * 10 + (text[c.p++] - '0');
    if (c.p > b && c.lit(')')) {
      f.style = timestamp_style::boot_ms;
      f.count_ns = ms * 1'000'000;
      f.digits = 3;
      ok = true;
    }
  } else if (digit(c0)) {
    std::size_t run = 0;
    while (digit(c.peek(run))) ++run;
    const char next = c.peek(run);
    if (run == 4 && next == '-') {
      ok = iso(c, f);
    } else if (run <= 2 && next == '/') {
      ok = us_date(c, f);
    } else if (run == 2 && next == '-') {
      ok = logcat(c, f);
    } else if (run >= 9 && next == '.') {  // wpa_supplicant -t: 1737121661.292380
      ok = seconds_count(c, f, true) && looks_epoch(f.count_ns, run);
      f.style = timestamp_style::epoch;
    }
  } else {
    ok = syslog(c, f);
  }
  if (!ok || !c.at_end()) return std::nullopt;
  if (f.style != timestamp_style::monotonic && f.style != timestamp_style::epoch &&
      f.style != timestamp_style::boot_ms && !valid(f))
    return std::nullopt;
  return f;
}

}  // namespace wlancode
