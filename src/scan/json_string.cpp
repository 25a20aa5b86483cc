// JSON string escaping and hex formatting of the JSONL record (scan_json.hpp).
#include <cstring>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "wlancode/scan_json.hpp"

namespace wlancode::scan {

namespace {
// "0x" and `digits` upper-case hex digits (no printf: scan output formats one per finding).
std::string hex_digits(std::uint32_t value, int digits) {
  std::string out(2 + static_cast<std::size_t>(digits), '0');
  out[1] = 'x';
  for (int i = digits - 1; i >= 0; --i, value >>= 4)
    out[2 + static_cast<std::size_t>(i)] = "0123456789ABCDEF"[value & 15];
  return out;
}
}  // namespace

std::string hex32(std::uint32_t value) { return hex_digits(value, 8); }

std::string hex(family f, std::uint32_t value) { return value_bits(f) > 16 ? hex32(value) : hex_digits(value, 4); }

namespace {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// Length of the leading run that needs no JSON escape, 32 bytes at a time: a byte needs one if it
// is below 0x20 or 0x80 and above (both "less than 0x20" as signed bytes), '"', '\\' or DEL.
__attribute__((target("avx2"))) std::size_t plain_run_avx2(const char* p, std::size_t n) noexcept {
  const __m256i space = _mm256_set1_epi8(0x20), quote = _mm256_set1_epi8('"'), bslash = _mm256_set1_epi8('\\'),
                del = _mm256_set1_epi8(0x7F);
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const __m256i special = _mm256_or_si256(_mm256_or_si256(_mm256_cmpgt_epi8(space, v), _mm256_cmpeq_epi8(v, quote)),
                                            _mm256_or_si256(_mm256_cmpeq_epi8(v, bslash), _mm256_cmpeq_epi8(v, del)));
    const auto mask = static_cast<unsigned>(_mm256_movemask_epi8(special));
    if (mask) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
  return i;
}
// Copies the leading run of s[0, n) that needs no escape to d, 64 bytes at a time with masked
// loads and stores (nothing read past the end of s, nothing written past the run); returns its
// length. The copy and the test in one pass: most strings are plain from end to end.
__attribute__((target("avx512f,avx512bw,avx512vl,bmi2"))) std::size_t copy_plain_avx512(char* d, const char* p,
                                                                                        std::size_t n) noexcept {
  const __m512i space = _mm512_set1_epi8(0x20), quote = _mm512_set1_epi8('"'), bslash = _mm512_set1_epi8('\\'),
                del = _mm512_set1_epi8(0x7F);
  for (std::size_t i = 0; i < n; i += 64) {
    const std::size_t left = n - i;
    const __mmask64 k = left >= 64 ? ~__mmask64{0} : _bzhi_u64(~0ull, static_cast<unsigned>(left));
    const __m512i v = _mm512_maskz_loadu_epi8(k, p + i);
    const __mmask64 special = (_mm512_cmpgt_epi8_mask(space, v) | _mm512_cmpeq_epi8_mask(v, quote) |
                               _mm512_cmpeq_epi8_mask(v, bslash) | _mm512_cmpeq_epi8_mask(v, del)) &
                              k;
    if (special) {
      const auto run = static_cast<unsigned>(__builtin_ctzll(special));
      _mm512_mask_storeu_epi8(d + i, _bzhi_u64(~0ull, run), v);
      return i + run;
    }
    _mm512_mask_storeu_epi8(d + i, k, v);
  }
  return n;
}
const bool have_avx2 = __builtin_cpu_supports("avx2");
const bool have_avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                         __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("bmi2");
#endif
}  // namespace

namespace {
constexpr char hex_upper[] = "0123456789ABCDEF";
// "\u00XX" for a control byte.
char* put_u00(char* d, unsigned char c) noexcept {
  std::memcpy(d, "\\u00", 4);
  d[4] = hex_upper[c >> 4];
  d[5] = hex_upper[c & 15];
  return d + 6;
}
}  // namespace

char* escape_json_into(char* d, std::string_view s) noexcept {
  *d++ = '"';
  for (std::size_t i = 0; i < s.size();) {
    // Copy the run of printable ASCII that needs no escape in one go, 8 bytes at a time while
    // no byte is a control, DEL, '"', '\\' or non-ASCII (SWAR tests), then byte by byte.
    std::size_t run = i;
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    if (have_avx512) {  // copied as tested
      const std::size_t plain = copy_plain_avx512(d, s.data() + i, s.size() - i);
      d += plain;
      i += plain;
      if (i == s.size()) break;
      run = i;
    } else if (have_avx2) {
      run += plain_run_avx2(s.data() + run, s.size() - run);
    }
#endif
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const auto has_byte = [](std::uint64_t x, unsigned char b) {
      const std::uint64_t y = x ^ (ones * b);
      return ((y - ones) & ~y & highs) != 0;
    };
    while (run + 8 <= s.size()) {
      std::uint64_t x;
      std::memcpy(&x, s.data() + run, 8);
      const bool special = (x & highs) != 0 || (((x - ones * 0x20) & ~x & highs) != 0) || has_byte(x, '"') ||
                           has_byte(x, '\\') || has_byte(x, 0x7F);
      if (special) break;
      run += 8;
    }
    while (run < s.size()) {
      const auto r = static_cast<unsigned char>(s[run]);
      if (r < 0x20 || r >= 0x7F || r == '"' || r == '\\') break;
      ++run;
    }
    if (run > i) {
      std::memcpy(d, s.data() + i, run - i);
      d += run - i;
      i = run;
      if (i == s.size()) break;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '"' || c == '\\') {
        *d++ = '\\';
        *d++ = static_cast<char>(c);
      } else if (c < 0x20 || c == 0x7F) {
        d = put_u00(d, c);
      } else {
        *d++ = static_cast<char>(c);
      }
      ++i;
      continue;
    }
    // Copy a well-formed UTF-8 sequence; replace anything else with U+FFFD.
    const std::size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && len == 2) ok = c >= 0xC2;  // no overlong forms
    if (ok && len == 3) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);  // no overlong, no surrogates
    }
    if (ok && len == 4) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      ok = c <= 0xF4 && !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (ok && len == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      // A C1 control (U+0080..U+009F, CSI among them): escaped like C0 controls, so that JSON shown
      // on a terminal cannot drive it.
      d = put_u00(d, static_cast<unsigned char>(s[i + 1]));
      i += len;
    } else if (ok) {
      std::memcpy(d, s.data() + i, len);
      d += len;
      i += len;
    } else {
      std::memcpy(d, "\\uFFFD", 6);
      d += 6;
      ++i;
    }
  }
  *d++ = '"';
  return d;
}

void append_json_string(std::string& out, std::string_view s) {
  if (json_escaped_max(s.size()) <= 512) {  // most strings: escaped on the stack, appended once
    char buf[512];
    out.append(buf, static_cast<std::size_t>(escape_json_into(buf, s) - buf));
    return;
  }
  const std::size_t old = out.size();
  out.resize(old + json_escaped_max(s.size()));
  char* const end = escape_json_into(out.data() + old, s);
  out.resize(static_cast<std::size_t>(end - out.data()));
}

std::string confidence_text(double c) {
  const int v = static_cast<int>(c * 100 + 0.5);
  return std::string{static_cast<char>('0' + v / 100), '.', static_cast<char>('0' + v / 10 % 10),
                     static_cast<char>('0' + v % 10)};
}

std::string value_hex(const finding& f) {
  if (!f.has_value) return {};
  if (f.fam) return hex(*f.fam, f.value);
  return hex32(f.value);
}

}  // namespace wlancode::scan
