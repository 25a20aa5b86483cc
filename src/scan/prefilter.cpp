// Prefilter of the hot path: most log lines carry no code, so whole buffers are searched for the
// few 3-byte fragments that every anchor of the line-oriented grammars contains, case-folded
// (byte | 0x20), 64 bytes at a time with AVX-512BW or 32 with AVX2. A hit only says "look closer".
#include <cstring>

#include "internal.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define WLANCODE_SCAN_X86 1
#endif

namespace wlancode::scan::detail {
namespace {

// Folded needles: reASOn (REASON, Reason, WLAN_REASON_...), stATUs (STATUS_, status_code=...),
// coDE= (kernel "(code=N)"), mLMe (hostapd MLME-...indication), ssiD=' (wpa_supplicant SSID='...').
// Folding maps '=' and '\'' to themselves, so the needles stay exact there.
constexpr char needles[][4] = {"aso", "atu", "de=", "lme", "d='"};  // order: see find_anchor_avx512
constexpr std::size_t needle_count = sizeof needles / sizeof needles[0];

constexpr char fold(char c) noexcept { return static_cast<char>(c | 0x20); }

bool match_at(const char* p) noexcept {
  const char c = fold(p[0]);
  if (c != 'a' && c != 'd' && c != 'l') return false;  // the needles' first letters
  for (const auto& n : needles)
    if (fold(p[0]) == n[0] && fold(p[1]) == n[1] && fold(p[2]) == n[2]) return true;
  return false;
}

#if defined(WLANCODE_SCAN_X86)
__attribute__((target("avx2,popcnt"))) std::size_t find_anchor_avx2(const char* p, std::size_t n, std::size_t* tail,
                                                                    std::size_t* newlines) noexcept {
  const __m256i f = _mm256_set1_epi8(0x20);
  const __m256i nl = _mm256_set1_epi8('\n');
  std::size_t i = 0, lines = 0;
  for (; i + 34 <= n; i += 32) {
    const __m256i raw = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const auto newline = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(raw, nl)));
    const __m256i v0 = _mm256_or_si256(raw, f);
    const __m256i v1 = _mm256_or_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 1)), f);
    const __m256i v2 = _mm256_or_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 2)), f);
    __m256i any = _mm256_setzero_si256();
    for (std::size_t k = 0; k < needle_count; ++k)
      any = _mm256_or_si256(any,
                            _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(v0, _mm256_set1_epi8(needles[k][0])),
                                                              _mm256_cmpeq_epi8(v1, _mm256_set1_epi8(needles[k][1]))),
                                             _mm256_cmpeq_epi8(v2, _mm256_set1_epi8(needles[k][2]))));
    const auto mask = static_cast<unsigned>(_mm256_movemask_epi8(any));
    if (mask) {
      const unsigned at = static_cast<unsigned>(__builtin_ctz(mask));
      const unsigned before = at ? (~0u >> (32 - at)) : 0;
      *newlines += lines + static_cast<std::size_t>(__builtin_popcount(newline & before));
      return i + at;
    }
    lines += static_cast<std::size_t>(__builtin_popcount(newline));
  }
  *newlines += lines;
  *tail = i;
  return n;
}

// AVX-512BW: 64 bytes a step, the comparisons straight into mask registers.
// Also counts the newlines it passes, so the caller needs no second pass over the bytes.
// `strict` (the line grammars of Linux logs) drops, inside the loop, the hits that no such grammar
// can take: reason/status not followed by '=', ' ', ':' or '_' and then a number (or ':'/'_'),
// code= without a digit, mLMe without '-'. Decoys then cost no return and no restart.
template <bool Strict>
__attribute__((target("avx512f,avx512bw,popcnt"))) std::size_t find_anchor_avx512(const char* p, std::size_t n,
                                                                                  std::size_t* tail,
                                                                                  std::size_t* newlines) noexcept {
  const __m512i f = _mm512_set1_epi8(0x20);
  const __m512i nl = _mm512_set1_epi8('\n');
  constexpr std::size_t reach = Strict ? 73 : 66;  // bytes read from a step's start
  std::size_t i = 0, lines = 0;
  for (; i + reach <= n; i += 64) {
    const __m512i raw = _mm512_loadu_si512(p + i);
    const __mmask64 newline = _mm512_cmpeq_epi8_mask(raw, nl);
    const __m512i v0 = _mm512_or_si512(raw, f);
    const __m512i v1 = _mm512_or_si512(_mm512_loadu_si512(p + i + 1), f);
    const __m512i v2 = _mm512_or_si512(_mm512_loadu_si512(p + i + 2), f);
    // The needles grouped by first letter: aso|atu, de=|d=', lme.
#define WLANCODE_IS_(v, c) _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(c))
    const __mmask64 a = WLANCODE_IS_(v0, 'a'), d = WLANCODE_IS_(v0, 'd');
    const __mmask64 aso = a & WLANCODE_IS_(v1, 's') & WLANCODE_IS_(v2, 'o');
    const __mmask64 atu = a & WLANCODE_IS_(v1, 't') & WLANCODE_IS_(v2, 'u');
    const __mmask64 de = d & WLANCODE_IS_(v1, 'e') & WLANCODE_IS_(v2, '=');
    const __mmask64 ssid = d & WLANCODE_IS_(v1, '=') & WLANCODE_IS_(v2, '\'');
    const __mmask64 lme = WLANCODE_IS_(v0, 'l') & WLANCODE_IS_(v1, 'm') & WLANCODE_IS_(v2, 'e');
#undef WLANCODE_IS_
    const __mmask64 hit[needle_count] = {aso, atu, de, lme, ssid};
    __mmask64 any = aso | atu | de | lme | ssid;
    if constexpr (Strict) {
      if (any) {  // rare: a step with a fragment; check what follows it
        const __m512i v3 = _mm512_loadu_si512(p + i + 3);
        const __m512i v4 = _mm512_loadu_si512(p + i + 4);
        const __m512i v5 = _mm512_loadu_si512(p + i + 5);
        const __m512i v6 = _mm512_loadu_si512(p + i + 6);
        const __m512i v7 = _mm512_loadu_si512(p + i + 7);
        const __m512i v8 = _mm512_loadu_si512(p + i + 8);
#define WLANCODE_IS_(v, c) _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(c))
#define WLANCODE_DIGIT_(v) _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, _mm512_set1_epi8('0')), _mm512_set1_epi8(9))
        const __mmask64 colon_or_us = WLANCODE_IS_(v4, ':') | WLANCODE_IS_(v4, '_');
        // reason=N, reason N, reason -N (wpa_supplicant, hostapd, NetworkManager), Reason: N, reason_code=
        const __mmask64 reason_ok =
            ((WLANCODE_IS_(v4, '=') | WLANCODE_IS_(v4, ' ')) & (WLANCODE_DIGIT_(v5) | WLANCODE_IS_(v5, '-'))) |
            colon_or_us;
        // status=N only as mac80211 prints it, "status=N aid=": 1 to 3 digits then a space;
        // status N, status: N, status_code=
        const __mmask64 short_number =
            WLANCODE_DIGIT_(v5) &
            (WLANCODE_IS_(v6, ' ') |
             (WLANCODE_DIGIT_(v6) & (WLANCODE_IS_(v7, ' ') | (WLANCODE_DIGIT_(v7) & WLANCODE_IS_(v8, ' ')))));
        const __mmask64 status_ok =
            (WLANCODE_IS_(v4, '=') & short_number) | (WLANCODE_IS_(v4, ' ') & WLANCODE_DIGIT_(v5)) | colon_or_us;
        any = (hit[0] & reason_ok) | (hit[1] & status_ok) | (hit[2] & WLANCODE_DIGIT_(v3)) |
              (hit[3] & WLANCODE_IS_(v3, '-')) | hit[4];
#undef WLANCODE_IS_
#undef WLANCODE_DIGIT_
      }
    }
    if (any) {
      const unsigned at = static_cast<unsigned>(__builtin_ctzll(any));
      const __mmask64 before = at ? (~__mmask64{0} >> (64 - at)) : 0;
      *newlines += lines + static_cast<std::size_t>(__builtin_popcountll(newline & before));
      return i + at;
    }
    lines += static_cast<std::size_t>(__builtin_popcountll(newline));
  }
  *newlines += lines;
  *tail = i;
  return n;
}

const bool have_avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
const bool have_avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
#endif

}  // namespace

std::size_t find_anchor(const char* p, std::size_t n, std::size_t* newlines, bool strict) noexcept {
  std::size_t i = 0, lines = 0;
#if defined(WLANCODE_SCAN_X86)
  if (have_avx512 && n >= 73) {
    const std::size_t r =
        strict ? find_anchor_avx512<true>(p, n, &i, &lines) : find_anchor_avx512<false>(p, n, &i, &lines);
    if (r != n) {
      if (newlines) *newlines += lines;
      return r;
    }
  }
  if (have_avx2 && n - i >= 34) {
    std::size_t t = 0;
    const std::size_t r = find_anchor_avx2(p + i, n - i, &t, &lines);
    if (r != n - i) {
      if (newlines) *newlines += lines;
      return i + r;
    }
    i += t;
  }
#endif
  for (; i + 3 <= n; ++i) {
    if (match_at(p + i)) {
      if (newlines) *newlines += lines;
      return i;
    }
    lines += p[i] == '\n';
  }
  for (; i < n; ++i) lines += p[i] == '\n';
  if (newlines) *newlines += lines;
  return n;
}

}  // namespace wlancode::scan::detail
