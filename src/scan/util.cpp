// Small text helpers shared by the extractors.
#include <string.h>  // memmem (POSIX/GNU)

#include <cstring>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "internal.hpp"
#include "text.hpp"

namespace wlancode::scan::detail {

namespace {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// Positions i where hay[i] is the needle's first byte and hay[i + m - 1] its last, 32 at a time,
// each then compared whole; the remainder (fewer than 32 + m - 1 bytes) goes to memmem.
__attribute__((target("avx2,bmi"))) bool contains_avx2(const char* h, std::size_t n, const char* nd,
                                                       std::size_t m) noexcept {
  const __m256i first = _mm256_set1_epi8(nd[0]), last = _mm256_set1_epi8(nd[m - 1]);
  std::size_t i = 0;
  for (; i + m - 1 + 32 <= n; i += 32) {
    const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(h + i));
    const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(h + i + m - 1));
    auto mask = static_cast<std::uint32_t>(
        _mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(a, first), _mm256_cmpeq_epi8(b, last))));
    while (mask) {
      const unsigned k = static_cast<unsigned>(__builtin_ctz(mask));
      if (std::memcmp(h + i + k + 1, nd + 1, m - 2) == 0) return true;
      mask &= mask - 1;
    }
  }
  // The rest (lines are short: often all of it), by the first byte (memmem's set-up costs more).
  for (; i + m <= n; ++i) {
    const void* f = std::memchr(h + i, nd[0], n - m + 1 - i);
    if (!f) return false;
    i = static_cast<std::size_t>(static_cast<const char*>(f) - h);
    if (std::memcmp(h + i + 1, nd + 1, m - 1) == 0) return true;
  }
  return false;
}
const bool have_avx2 = __builtin_cpu_supports("avx2");
#endif
}  // namespace

bool contains_bytes(const char* hay, std::size_t n, const char* needle, std::size_t m) noexcept {
  if (m == 0) return true;
  if (m > n) return false;
  if (m == 1) return std::memchr(hay, needle[0], n) != nullptr;
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (have_avx2) return contains_avx2(hay, n, needle, m);
#endif
  return ::memmem(hay, n, needle, m) != nullptr;
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// xx:xx:xx:xx:xx:xx or xx-xx-xx-xx-xx-xx, not part of a longer hex run.
bool is_mac_at(std::string_view s, std::size_t i) noexcept {
  if (i + 17 > s.size()) return false;
  const char sep = s[i + 2];
  if (sep != ':' && sep != '-') return false;
  for (std::size_t k = 0; k < 6; ++k) {
    if (!is_hex(s[i + 3 * k]) || !is_hex(s[i + 3 * k + 1])) return false;
    if (k < 5 && s[i + 3 * k + 2] != sep) return false;
  }
  if (i > 0 && (is_hex(s[i - 1]) || s[i - 1] == sep)) return false;
  if (i + 17 < s.size() && (is_hex(s[i + 17]) || s[i + 17] == sep)) return false;
  return true;
}

namespace {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// The first i in [from, n - 37) whose s[i + 2] is ':' or '-' and s[i + 5] the same, 32 at a time
// (a MAC's separators; most lines hold none): the places worth a full look, in order.
// The places k in [0, 32) of p whose p[k + 2] is ':' or '-' and p[k + 5] the same (reads p[2, 37)).
__attribute__((target("avx2"))) inline std::uint32_t mac_block(const char* p) noexcept {
  const __m256i colon = _mm256_set1_epi8(':'), dash = _mm256_set1_epi8('-');
  const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 2));
  const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 5));
  const __m256i sep = _mm256_or_si256(_mm256_cmpeq_epi8(a, colon), _mm256_cmpeq_epi8(a, dash));
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_and_si256(sep, _mm256_cmpeq_epi8(a, b))));
}
__attribute__((target("avx2,bmi"))) std::size_t mac_candidates(const char* p, std::size_t n, std::size_t i,
                                                               std::uint32_t& mask) noexcept {
  for (; i + 37 <= n; i += 32) {
    mask = mac_block(p + i);
    if (mask) return i;
  }
  // The places left (where most lines print their MAC: at the end), in one block that ends at
  // the end, over the last one; the places before i were looked at already.
  if (n >= 37 && i + 17 <= n) {
    const std::size_t at = n - 37;
    mask = mac_block(p + at) & (~std::uint32_t{0} << (i - at)) & ((std::uint32_t{1} << 21) - 1);  // up to at + 20
    if (mask) return at;
    return n;
  }
  mask = 0;
  return i;
}
const bool have_avx2_mac = __builtin_cpu_supports("avx2");
#endif
}  // namespace

std::string_view find_mac(std::string_view s) noexcept {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  std::size_t from = 0;
  if (have_avx2_mac) {
    // Blocks of 32 places, each candidate checked in order; the rest goes to the loop below.
    for (;;) {
      std::uint32_t mask = 0;
      const std::size_t b = mac_candidates(s.data(), s.size(), from, mask);
      if (!mask) {
        from = b;
        break;
      }
      for (; mask; mask &= mask - 1) {
        const std::size_t i = b + static_cast<std::size_t>(__builtin_ctz(mask));
        if (is_mac_at(s, i)) return s.substr(i, 17);
      }
      from = b + 32;
    }
  }
#else
  const std::size_t from = 0;
#endif
  return find_mac_from(s, from);
}

std::string_view find_mac_from(std::string_view s, std::size_t from) noexcept {
  // The next ':' and the next '-' at or after i + 2, each searched again only once i passes it
  // (a line's timestamp holds several ':' and most lines no '-': no rescan of the line per ':').
  const char* const end = s.data() + s.size();
  const char* colon = nullptr;
  const char* dash = nullptr;
  for (std::size_t i = from; i + 17 <= s.size(); ++i) {
    const char* at = s.data() + i + 2;
    if (!colon || (colon != end && colon < at)) {
      const void* h = std::memchr(at, ':', s.size() - i - 2);
      colon = h ? static_cast<const char*>(h) : end;
    }
    if (!dash || (dash != end && dash < at)) {
      const void* h = std::memchr(at, '-', s.size() - i - 2);
      dash = h ? static_cast<const char*>(h) : end;
    }
    const char* h = colon < dash ? colon : dash;
    if (h == end) return {};
    i = static_cast<std::size_t>(h - s.data()) - 2;
    if (is_mac_at(s, i)) return s.substr(i, 17);
  }
  return {};
}

std::uint64_t mac_key(std::string_view mac) noexcept {
  std::uint64_t k = 0;
  if (mac.size() == 17) {  // the usual xx:xx:xx:xx:xx:xx, hex digits at fixed places
    for (std::size_t i = 0; i < 17; i += 3) {
      for (std::size_t j = i; j < i + 2; ++j) {
        const char c = mac[j];
        k = (k << 4) | static_cast<std::uint64_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
      }
    }
    return k;
  }
  for (char c : mac)
    if (is_hex(c)) k = (k << 4) | static_cast<std::uint64_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  return k;
}

namespace {

bool digits_at(std::string_view s, std::size_t from, std::size_t n) noexcept {
  if (from + n > s.size()) return false;
  for (std::size_t k = 0; k < n; ++k)
    if (!is_digit(s[from + k])) return false;
  return true;
}

// The end of a ".123456" / ",123" fraction at e (e itself when there is none).
std::size_t fraction_end(std::string_view s, std::size_t e) noexcept {
  if (e + 1 < s.size() && (s[e] == '.' || s[e] == ',') && is_digit(s[e + 1])) {
    e += 2;
    while (e < s.size() && is_digit(s[e])) ++e;
  }
  return e;
}

// "hh:mm:ss" at i (a one-digit hour too when `short_hour`); returns its end with the fraction, or 0.
std::size_t clock_end(std::string_view s, std::size_t i, bool short_hour = false) noexcept {
  std::size_t h = 0;
  while (h < 2 && digits_at(s, i + h, 1)) ++h;
  if (h == 0 || (h == 1 && !short_hour)) return 0;
  i += h;
  if (i + 6 > s.size() || s[i] != ':' || !digits_at(s, i + 1, 2) || s[i + 3] != ':' || !digits_at(s, i + 4, 2))
    return 0;
  return fraction_end(s, i + 6);
}

}  // namespace

std::string_view leading_timestamp(std::string_view s) noexcept {
  const auto digits = [&](std::size_t from, std::size_t n) { return digits_at(s, from, n); };
  // "23:24:14.141 -> " (the Arduino IDE's serial monitor, timestamps on): the PC's time of day,
  // with no date; the device's own stamp after it ("[ 55424][V]...", "D (36157) ...") is the line's.
  if (s.size() > 16 && s[2] == ':' && s[12] == ' ' && s[13] == '-' && s[14] == '>' && s[15] == ' ' && digits(0, 2) &&
      digits(3, 2) && s[5] == ':' && digits(6, 2) && s[8] == '.' && digits(9, 3))
    return leading_timestamp(s.substr(16));
  // "<34>Nov 21 10:12:34" / "<34>1 2026-11-21T10:12:34Z" (syslog as a server receives it, RFC 5424):
  // the priority (and version) are not part of the time.
  if (s.size() > 3 && s[0] == '<' && is_digit(s[1])) {
    std::size_t k = 1;
    while (k < 5 && k < s.size() && is_digit(s[k])) ++k;
    if (k < s.size() && s[k] == '>') {
      std::size_t b = k + 1;
      if (b + 1 < s.size() && is_digit(s[b]) && s[b + 1] == ' ') b += 2;  // RFC 5424 version 1
      const std::string_view t = leading_timestamp(s.substr(b));
      if (!t.empty() && t.front() != '<') return t;
      return {};
    }
  }
  // "Sat Mar  2 08:15:40 2024 daemon.info hostapd: ..." (OpenWrt / BusyBox logread: ctime, with the year)
  if (s.size() >= 24 && s[3] == ' ' && s[0] >= 'A' && s[0] <= 'Z' && s[4] >= 'A' && s[4] <= 'Z') {
    const std::string_view t = leading_timestamp(s.substr(4));
    if (t.size() == 15 && t.front() != '<' && s[19] == ' ' && digits(20, 4) && (s.size() == 24 || s[24] == ' '))
      return s.substr(0, 24);
  }
  // "Nov 21 10:12:34" (syslog), "Nov 21 10:12:34.123456" (journalctl short-precise); "ago 29
  // 10:12:34" (a Spanish, Portuguese or Italian system's lower-case month)
  if (s.size() >= 15 && s[3] == ' ' && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')) &&
      (digits(4, 2) || (s[4] == ' ' && digits(5, 1))) && s[6] == ' ' && digits(7, 2) && s[9] == ':' && digits(10, 2) &&
      s[12] == ':' && digits(13, 2))
    return s.substr(0, fraction_end(s, 15));
  // "mar/02 08:15:40 wireless,info ..." (MikroTik RouterOS /log print: a lower-case month, no year)
  if (s.size() >= 15 && s[3] == '/' && s[0] >= 'a' && s[0] <= 'z' && digits(4, 2) && s[6] == ' ' && digits(7, 2) &&
      s[9] == ':' && digits(10, 2) && s[12] == ':' && digits(13, 2))
    return s.substr(0, 15);
  // "2023-11-21T10:12:34.567+01:00" / "2023-11-21 10:12:34,567"
  if (digits(0, 4) && s.size() >= 19 && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2) &&
      (s[10] == 'T' || s[10] == ' ') && digits(11, 2) && s[13] == ':') {
    std::size_t e = 19;
    while (e < s.size() &&
           (is_digit(s[e]) || s[e] == '.' || s[e] == ',' || s[e] == '+' || s[e] == '-' || s[e] == ':' || s[e] == 'Z'))
      ++e;
    return s.substr(0, e);
  }
  // "[0]0A1C.0B2C::11/21/2023-10:12:40.001234 [Provider]..." (ETW text of netsh trace convert)
  if (const std::size_t dc = s.substr(0, 32).find("::"); dc != std::string_view::npos && !s.empty() && s[0] == '[') {
    std::size_t b = dc + 2;
    while (b < s.size() && s[b] == ' ') ++b;
    std::size_t e = b;
    while (e < s.size() && s[e] != ' ' && s[e] != '[' && e - b < 32) ++e;
    if (e > b && digits(b, 2)) return s.substr(b, e - b);
  }
  // "[  123.456789]" (dmesg), "[  9836][E][...]" (Arduino-ESP32: milliseconds since boot)
  if (!s.empty() && s[0] == '[') {
    std::size_t e = 1;
    while (e < s.size() && e < 24 && (s[e] == ' ' || is_digit(s[e]) || s[e] == '.')) ++e;
    if (e < s.size() && s[e] == ']' && e > 2) return s.substr(0, e + 1);
  }
  // "1700000000.123456: " (wpa_supplicant -t)
  if (digits(0, 10) && s.size() > 11 && s[10] == '.') {
    std::size_t e = 11;
    while (e < s.size() && is_digit(s[e])) ++e;
    if (e < s.size() && s[e] == ':') return s.substr(0, e);
  }
  // "I (36157) wifi: ..." (ESP-IDF: level letter, milliseconds since boot)
  if (s.size() > 4 && (s[0] == 'E' || s[0] == 'W' || s[0] == 'I' || s[0] == 'D' || s[0] == 'V') && s[1] == ' ' &&
      s[2] == '(' && is_digit(s[3])) {
    std::size_t e = 3;
    while (e < s.size() && e < 16 && is_digit(s[e])) ++e;
    if (e < s.size() && s[e] == ')') return s.substr(0, e + 1);
  }
  // "11-21 10:12:40.123  1234  1250 I wpa_supplicant: ..." (Android logcat, threadtime)
  if (digits(0, 2) && s.size() >= 14 && s[2] == '-' && digits(3, 2) && s[5] == ' ')
    if (const std::size_t e = clock_end(s, 6)) return s.substr(0, e);
  // "11/21/2023 10:12:40 AM" (Event Viewer text and wlanreport rows; month and day may have one digit)
  {
    std::size_t k = 0;
    const auto one_or_two = [&] {
      const std::size_t b = k;
      while (k < s.size() && k - b < 2 && is_digit(s[k])) ++k;
      return k > b;
    };
    if (one_or_two() && k < s.size() && s[k] == '/' && (++k, one_or_two()) && k < s.size() && s[k] == '/' &&
        digits(k + 1, 4) && k + 5 < s.size() && s[k + 5] == ' ') {
      if (std::size_t e = clock_end(s, k + 6, true)) {
        if (e + 3 <= s.size() && s[e] == ' ' && (s[e + 1] == 'A' || s[e + 1] == 'P') && s[e + 2] == 'M') e += 3;
        return s.substr(0, e);
      }
    }
  }
  return {};
}

// The line as findings show it, capped (secrets were removed before: secrets.cpp).
std::string excerpt_of(std::string_view line) {
  std::string out;
  excerpt_into(out, line);
  return out;
}

void excerpt_into(std::string& out, std::string_view line) {
  constexpr std::size_t cap = 400;
  out.assign(line.substr(0, cap + 1));  // what may be kept, and one byte to tell it was cut
  if (line.size() > cap) {
    std::size_t n = cap;
    while (n > 0 && (static_cast<unsigned char>(out[n]) & 0xC0) == 0x80) --n;
    // Not inside an address or a hex run: a cut MAC would escape --redact.
    std::size_t back = n;
    while (back > 0 && (is_hex(out[back - 1]) || out[back - 1] == ':' || out[back - 1] == '-')) --back;
    if (n - back < 40) n = back;
    out.resize(n);
    out += "...";
  }
}

}  // namespace wlancode::scan::detail
