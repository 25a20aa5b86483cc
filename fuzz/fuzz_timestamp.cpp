// libFuzzer target over the timestamp library: parse_timestamp, a timeline fed line after line
// (year roll-over, zones, boot anchoring), to_iso8601 into small buffers, TZif bytes and POSIX TZ
// rules. Checks: no crash, formatted text within its bound, parsed fields within their ranges.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "wlancode/timestamp.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  if (const auto f = wlancode::parse_timestamp(in)) {
    if (f->style != wlancode::timestamp_style::monotonic && f->style != wlancode::timestamp_style::epoch &&
        f->style != wlancode::timestamp_style::boot_ms &&
        (f->month < 1 || f->month > 12 || f->day < 1 || f->day > 31 || f->hour > 23 || f->minute > 59 ||
         f->second > 60))
      std::abort();
    if (f->digits < 0 || f->digits > 9 || f->fraction_ns < 0 || f->fraction_ns >= 1'000'000'000 || f->count_ns < 0)
      std::abort();
  }
  static const auto berlin = wlancode::time_zone::load("CET-1CEST,M3.5.0,M10.5.0/3");
  wlancode::timeline_settings s;
  s.tz = size % 2 ? berlin : nullptr;
  s.year = size % 3 ? 0 : 2025;
  s.reference_s = 1'790'000'000;
  wlancode::timeline tl(s);
  // Every line is a timestamp and its line, in order.
  for (std::size_t b = 0; b <= size;) {
    std::size_t e = in.find('\n', b);
    if (e == std::string_view::npos) e = size;
    const std::string_view line = in.substr(b, e - b);
    const wlancode::instant t = tl.resolve(line.substr(0, line.find(' ', 16)), line);
    char buf[64];
    const std::size_t n = wlancode::to_iso8601(t, buf, size % sizeof buf);
    if (n > 40) std::abort();
    b = e + 1;
  }
  if (const auto z = wlancode::time_zone::from_tzif(in, "fuzz")) {
    for (std::int64_t t :
         {std::int64_t{-4'000'000'000}, std::int64_t{0}, std::int64_t{1'790'000'000}, std::int64_t{9'000'000'000}}) {
      (void)z->offset_at(t);
      (void)z->from_local(t);
    }
  }
  // POSIX TZ strings (only those: a name would be looked up in the zone database).
  if (size < 64 && in.find_first_of(",<") != std::string_view::npos)
    if (const auto z = wlancode::time_zone::load(in)) (void)z->from_local(1'790'000'000);
  return 0;
}
