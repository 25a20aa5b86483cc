// Time zones: fixed offsets, TZif files (RFC 8536) and POSIX TZ strings (their footers).
// Read once, at load; afterwards a zone is immutable and shared by threads.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "civil.hpp"

namespace wlancode {

using namespace time_detail;

// A POSIX TZ rule: "CET-1CEST,M3.5.0,M10.5.0/3" (POSIX offsets count west: -1 is UTC+1).
struct time_zone::rule {
  struct change {
    char kind = 'M';  // 'J' (1..365, no Feb 29), 'D' (0..365), 'M' (month.week.weekday)
    int a = 0, b = 0, c = 0;
    std::int32_t time_s = 7200;  // local time of the change, default 02:00
  };
  std::int32_t std_off = 0, dst_off = 0;  // east of UTC
  bool has_dst = false;
  change start, end;

  // Days since 1970 of a change in year y.
  static std::int64_t day_of(const change& ch, std::int64_t y) noexcept {
    if (ch.kind == 'J') return days_from_civil(y, 1, 1) + ch.a - 1 + (is_leap(y) && ch.a >= 60 ? 1 : 0);
    if (ch.kind == 'D') return days_from_civil(y, 1, 1) + ch.a;
    const auto m = static_cast<unsigned>(ch.a);
    const std::int64_t first = days_from_civil(y, m, 1);
    const std::int64_t wd1 = ((first + 4) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
    std::int64_t day = first + (ch.c - wd1 + 7) % 7 + 7 * (ch.b - 1);
    const std::int64_t next = m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1);
    while (day >= next) day -= 7;  // week 5: the last one
    return day;
  }
  std::int32_t offset_at(std::int64_t utc_s) const noexcept {
    if (!has_dst) return std_off;
    const std::int64_t y = civil_from_days(floor_div(utc_s + std_off, 86400)).year;
    const std::int64_t on = day_of(start, y) * 86400 + start.time_s - std_off;
    const std::int64_t off = day_of(end, y) * 86400 + end.time_s - dst_off;
    const bool dst = on < off ? (utc_s >= on && utc_s < off) : !(utc_s >= off && utc_s < on);
    return dst ? dst_off : std_off;
  }
};

namespace {

struct reader {
  std::string_view s;
  std::size_t p = 0;
  char peek() const noexcept { return p < s.size() ? s[p] : '\0'; }
  bool digit() const noexcept { return peek() >= '0' && peek() <= '9'; }
  bool number(int max_digits, int& v) noexcept {
    if (!digit()) return false;
    v = 0;
    for (int k = 0; k < max_digits && digit(); ++k) v = v * 10 + (s[p++] - '0');
    return !digit();
  }
};

// [+-]hh[:mm[:ss]] in seconds (hours up to 167, as TZif v3 footers allow).
bool posix_hms(reader& r, std::int32_t& out) {
  int sign = 1;
  if (r.peek() == '+' || r.peek() == '-') sign = r.s[r.p++] == '-' ? -1 : 1;
  int h = 0, m = 0, sec = 0;
  if (!r.number(3, h) || h > 167) return false;
  if (r.peek() == ':') {
    ++r.p;
    if (!r.number(2, m) || m > 59) return false;
    if (r.peek() == ':') {
      ++r.p;
      if (!r.number(2, sec) || sec > 59) return false;
    }
  }
  out = sign * ((h * 60 + m) * 60 + sec);
  return true;
}

bool posix_name(reader& r) {
  const std::size_t b = r.p;
  if (r.peek() == '<') {
    while (r.p < r.s.size() && r.s[r.p] != '>') ++r.p;
    if (r.peek() != '>') return false;
    ++r.p;
    return r.p - b >= 3;
  }
  while ((r.peek() >= 'A' && r.peek() <= 'Z') || (r.peek() >= 'a' && r.peek() <= 'z')) ++r.p;
  return r.p - b >= 3;
}

bool posix_change(reader& r, time_zone::rule::change& ch) {
  if (r.peek() == 'M') {
    ++r.p;
    ch.kind = 'M';
    if (!r.number(2, ch.a) || r.peek() != '.') return false;
    ++r.p;
    if (!r.number(1, ch.b) || r.peek() != '.') return false;
    ++r.p;
    if (!r.number(1, ch.c)) return false;
    if (ch.a < 1 || ch.a > 12 || ch.b < 1 || ch.b > 5 || ch.c > 6) return false;
  } else if (r.peek() == 'J') {
    ++r.p;
    ch.kind = 'J';
    if (!r.number(3, ch.a) || ch.a < 1 || ch.a > 365) return false;
  } else {
    ch.kind = 'D';
    if (!r.number(3, ch.a) || ch.a > 365) return false;
  }
  if (r.peek() == '/') {
    ++r.p;
    return posix_hms(r, ch.time_s);
  }
  return true;
}

std::unique_ptr<time_zone::rule> parse_posix(std::string_view text) {
  reader r{text};
  auto z = std::make_unique<time_zone::rule>();
  std::int32_t west = 0;
  if (!posix_name(r) || !posix_hms(r, west)) return nullptr;
  z->std_off = -west;
  if (r.p == text.size()) return z;
  if (!posix_name(r)) return nullptr;
  z->has_dst = true;
  z->dst_off = z->std_off + 3600;
  if (r.peek() != ',' && r.p < text.size()) {
    if (!posix_hms(r, west)) return nullptr;
    z->dst_off = -west;
  }
  if (r.p == text.size()) {  // no rule: the US one, as C libraries assume
    z->start = {'M', 3, 2, 0, 7200};
    z->end = {'M', 11, 1, 0, 7200};
    return z;
  }
  if (r.peek() != ',') return nullptr;
  ++r.p;
  if (!posix_change(r, z->start) || r.peek() != ',') return nullptr;
  ++r.p;
  if (!posix_change(r, z->end) || r.p != text.size()) return nullptr;
  return z;
}

std::uint32_t be32(const unsigned char* p) noexcept {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}
std::int64_t be64(const unsigned char* p) noexcept {
  return static_cast<std::int64_t>((std::uint64_t{be32(p)} << 32) | be32(p + 4));
}

bool fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

// "+02:00", "-0500", "+5", "UTC+3"? (only the first three): seconds east of UTC.
std::optional<std::int32_t> fixed_offset(std::string_view s) {
  if (s.size() < 2 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  const std::string_view d = s.substr(1);  // hh, hh:mm or hhmm
  const auto two = [&](std::size_t at) {
    return at + 2 <= d.size() && d[at] >= '0' && d[at] <= '9' && d[at + 1] >= '0' && d[at + 1] <= '9'
               ? (d[at] - '0') * 10 + (d[at + 1] - '0')
               : -1;
  };
  const int h = two(0);
  int m = 0;
  if (h < 0) return std::nullopt;
  if (d.size() == 5 && d[2] == ':')
    m = two(3);
  else if (d.size() == 4)
    m = two(2);
  else if (d.size() != 2)
    return std::nullopt;
  if (m < 0 || m > 59) return std::nullopt;
  const int v = (h * 60 + m) * 60;
  if (s[0] == '-' ? v > 12 * 3600 : v > 14 * 3600) return std::nullopt;
  return s[0] == '-' ? -v : v;
}

bool safe_zone_name(std::string_view n) {
  if (n.empty() || n.size() > 255 || n.front() == '/' || n.find("..") != std::string_view::npos) return false;
  return std::all_of(n.begin(), n.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
           c == '-' || c == '+';
  });
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  constexpr std::size_t cap = 1 << 20;  // TZif files are a few KiB
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad() && out.size() <= cap;
}

}  // namespace

time_zone::time_zone() = default;
time_zone::~time_zone() = default;

std::int32_t time_zone::offset_at(std::int64_t utc_s) const noexcept {
  const auto it = std::upper_bound(transitions_.begin(), transitions_.end(), utc_s);
  const auto i = static_cast<std::size_t>(it - transitions_.begin());
  if (i == transitions_.size() && footer_) return footer_->offset_at(utc_s);
  return offsets_.empty() ? 0 : offsets_[std::min(i, offsets_.size() - 1)];
}

time_zone::local_result time_zone::from_local(std::int64_t local_s) const noexcept {
  // Zones change their offset at most once within a day: the offsets a day either side bound it.
  const std::int32_t before = offset_at(local_s - 86400), after = offset_at(local_s + 86400);
  const std::int64_t ub = local_s - before, ua = local_s - after;
  if (before == after) return {ub, ub, false};
  const bool b_ok = offset_at(ub) == before, a_ok = offset_at(ua) == after;
  if (b_ok && a_ok) return {std::min(ub, ua), std::max(ub, ua), false};
  if (b_ok) return {ub, ub, false};
  if (a_ok) return {ua, ua, false};
  return {ub, ub, true};  // a gap: read with the offset in force before it
}

std::shared_ptr<const time_zone> time_zone::fixed(std::int32_t offset_s, std::string name) {
  auto z = std::make_shared<time_zone>();
  z->name_ = std::move(name);
  z->offsets_ = {offset_s};
  return z;
}

std::shared_ptr<const time_zone> time_zone::from_tzif(std::string_view bytes, std::string name, std::string* error) {
  const auto* u = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  struct counts {
    std::uint32_t isut, isstd, leap, time, type, chars;
  };
  const auto header = [&](std::size_t at, counts& c) {
    if (at + 44 > n || bytes.substr(at, 4) != "TZif") return false;
    const unsigned char* h = u + at + 20;
    c = {be32(h), be32(h + 4), be32(h + 8), be32(h + 12), be32(h + 16), be32(h + 20)};
    // Bounds before any multiplication can overflow: the file is at most 1 MiB.
    return c.isut <= n && c.isstd <= n && c.leap <= n && c.time <= n && c.type <= 256 && c.chars <= n;
  };
  const auto block_size = [](const counts& c, std::size_t tsize) {
    return c.time * tsize + c.time + c.type * 6 + c.chars + c.leap * (tsize + 4) + c.isstd + c.isut;
  };
  counts c{};
  if (!header(0, c)) return fail(error, "not a TZif file"), nullptr;
  const char version = n > 4 ? bytes[4] : 0;
  std::size_t at = 44, tsize = 4;
  if (version >= '2') {  // skip the 32-bit block: the 64-bit one follows
    at += block_size(c, 4);
    if (!header(at, c)) return fail(error, "truncated TZif file"), nullptr;
    at += 44;
    tsize = 8;
  }
  if (c.type == 0 || c.chars == 0 || (c.isstd && c.isstd != c.type) || (c.isut && c.isut != c.type))
    return fail(error, "invalid TZif counts"), nullptr;
  if (c.leap) return fail(error, "TZif with leap seconds (a right/ zone) is not supported"), nullptr;
  if (at + block_size(c, tsize) > n) return fail(error, "truncated TZif file"), nullptr;
  auto z = std::make_shared<time_zone>();
  z->name_ = std::move(name);
  const unsigned char* times = u + at;
  const unsigned char* idx = times + c.time * tsize;
  const unsigned char* types = idx + c.time;
  std::vector<std::int32_t> type_off(c.type);
  for (std::uint32_t k = 0; k < c.type; ++k) {
    const auto off = static_cast<std::int32_t>(be32(types + 6 * k));
    if (off < -25 * 3600 || off > 26 * 3600) return fail(error, "TZif offset out of range"), nullptr;
    type_off[k] = off;
  }
  z->transitions_.reserve(c.time);
  z->offsets_.reserve(c.time + 1);
  z->offsets_.push_back(type_off[0]);  // before the first transition: type 0 (RFC 8536 3.2)
  for (std::uint32_t k = 0; k < c.time; ++k) {
    const std::int64_t t = tsize == 8 ? be64(times + 8 * k) : static_cast<std::int32_t>(be32(times + 4 * k));
    if (!z->transitions_.empty() && t <= z->transitions_.back())
      return fail(error, "TZif transitions out of order"), nullptr;
    if (idx[k] >= c.type) return fail(error, "TZif type index out of range"), nullptr;
    z->transitions_.push_back(t);
    z->offsets_.push_back(type_off[idx[k]]);
  }
  if (tsize == 8) {  // the footer: "\n" POSIX-TZ "\n"
    const std::size_t f = at + block_size(c, tsize);
    if (f < n && bytes[f] == '\n') {
      const std::size_t e = bytes.find('\n', f + 1);
      if (e == std::string_view::npos) return fail(error, "TZif footer not terminated"), nullptr;
      const std::string_view tz = bytes.substr(f + 1, e - f - 1);
      if (!tz.empty()) {
        z->footer_ = parse_posix(tz);
        if (!z->footer_) return fail(error, "TZif footer not understood: " + std::string(tz)), nullptr;
      }
    }
  }
  return z;
}

std::shared_ptr<const time_zone> time_zone::load(std::string_view name, std::string* error) {
  const auto same = [](std::string_view a, std::string_view w) {
    return a.size() == w.size() &&
           std::equal(a.begin(), a.end(), w.begin(), [](char x, char y) { return (x | 0x20) == (y | 0x20); });
  };
  const auto lower_is = [&](std::string_view w) { return same(name, w); };
  if (lower_is("utc") || lower_is("z")) return fixed(0, "UTC");
  if (const auto off = fixed_offset(name)) return fixed(*off, std::string(name));
  const auto from_file = [&](const std::string& path, std::string zname) -> std::shared_ptr<const time_zone> {
    std::string bytes;
    if (!read_file(path, bytes)) return nullptr;
    return from_tzif(bytes, std::move(zname), error);
  };
  const auto from_database = [&](std::string_view zname) -> std::shared_ptr<const time_zone> {
    if (!safe_zone_name(zname)) return nullptr;
    const char* dir = std::getenv("TZDIR");
    const std::string base = dir && *dir ? dir : "/usr/share/zoneinfo";
    return from_file(base + "/" + std::string(zname), std::string(zname));
  };
  const auto from_posix = [&](std::string_view text) -> std::shared_ptr<const time_zone> {
    auto r = parse_posix(text);
    if (!r) return nullptr;
    auto z = std::make_shared<time_zone>();
    z->name_ = std::string(text);
    z->offsets_ = {r->std_off};
    z->footer_ = std::move(r);
    return z;
  };
  if (lower_is("local")) {
    const char* tz = std::getenv("TZ");
    if (!tz || !*tz) {
      if (auto z = from_file("/etc/localtime", "local")) return z;
      return fixed(0, "UTC");  // no zone configured: the C library's default too
    }
    std::string_view t(tz);
    if (t.front() == ':') t.remove_prefix(1);
    if (same(t, "utc")) return fixed(0, "UTC");
    if (auto z = from_database(t)) return z;
    if (auto z = from_posix(t)) return z;
    fail(error, "TZ=" + std::string(tz) + " names no zone");
    return nullptr;
  }
  if (auto z = from_database(name)) return z;
  if (error && !error->empty()) return nullptr;  // the file exists but is damaged: say why
  if (auto z = from_posix(name)) return z;
  fail(error,
       "unknown time zone '" + std::string(name) + "' (UTC, local, +hh:mm, or an IANA name such as Europe/Berlin)");
  return nullptr;
}

}  // namespace wlancode
