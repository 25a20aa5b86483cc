// Instants as text: ISO 8601 in UTC with the printed precision, or a time since boot.
#include "civil.hpp"

namespace wlancode {

using namespace time_detail;

namespace {

struct writer {
  char* out;
  std::size_t cap, n = 0;
  void put(char c) noexcept {
    if (n < cap) out[n] = c;
    ++n;
  }
  void num(std::uint64_t v, int width) noexcept {
    char d[20];
    int k = 0;
    do {
      d[k++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v && k < 20);
    for (int pad = k; pad < width; ++pad) put('0');
    while (k) put(d[--k]);
  }
  void fraction(std::uint64_t ns, int digits) noexcept {
    if (digits <= 0) return;
    put('.');
    std::uint64_t div = 100'000'000;
    for (int k = 0; k < digits && k < 9; ++k, div /= 10) put(static_cast<char>('0' + (ns / div) % 10));
  }
};

// Two and four decimal digits of v, at out.
inline void put2(char* out, unsigned v) noexcept {
  out[0] = static_cast<char>('0' + v / 10 % 10);
  out[1] = static_cast<char>('0' + v % 10);
}
inline void put4(char* out, unsigned v) noexcept {
  put2(out, v / 100);
  put2(out + 2, v % 100);
}

}  // namespace

std::size_t to_iso8601(const instant& t, char* out, std::size_t cap) noexcept {
  writer w{out, cap};
  const int digits = t.digits < 0 ? 0 : t.digits > 9 ? 9 : t.digits;
  if (t.clk == instant::clock::relative) {  // +812.121877s
    const std::uint64_t ns = t.ns < 0 ? 0 : static_cast<std::uint64_t>(t.ns);
    w.put('+');
    w.num(ns / ns_per_s, 1);
    w.fraction(ns % ns_per_s, digits);
    w.put('s');
  } else if (t.clk == instant::clock::utc) {
    const std::int64_t s = floor_div(t.ns, ns_per_s);
    // The remainder, not t.ns - s * 1e9: s * 1e9 overflows at the range's ends (INT64_MIN).
    const std::int64_t r = t.ns % ns_per_s;
    const auto frac = static_cast<std::uint64_t>(r < 0 ? r + ns_per_s : r);
    const std::int64_t day = floor_div(s, 86400);
    const auto sod = static_cast<std::uint64_t>(s - day * 86400);
    const civil c = civil_from_days(day);
    if (c.year >= 0 && c.year <= 9999 && cap >= 31) {  // the usual case, one field at a time
      put4(out, static_cast<unsigned>(c.year));
      out[4] = '-';
      put2(out + 5, c.month);
      out[7] = '-';
      put2(out + 8, c.day);
      out[10] = 'T';
      put2(out + 11, static_cast<unsigned>(sod / 3600));
      out[13] = ':';
      put2(out + 14, static_cast<unsigned>(sod / 60 % 60));
      out[16] = ':';
      put2(out + 17, static_cast<unsigned>(sod % 60));
      w.n = 19;
      w.fraction(frac, digits);
      w.put('Z');
      return w.n;
    }
    if (c.year < 0) w.put('-');
    w.num(static_cast<std::uint64_t>(c.year < 0 ? -c.year : c.year), 4);
    w.put('-');
    w.num(c.month, 2);
    w.put('-');
    w.num(c.day, 2);
    w.put('T');
    w.num(sod / 3600, 2);
    w.put(':');
    w.num(sod / 60 % 60, 2);
    w.put(':');
    w.num(sod % 60, 2);
    w.fraction(frac, digits);
    w.put('Z');
  }
  return w.n;
}

std::string to_iso8601(const instant& t) {
  char buf[48];
  const std::size_t n = to_iso8601(t, buf, sizeof buf);
  return std::string(buf, n < sizeof buf ? n : sizeof buf);
}

}  // namespace wlancode
