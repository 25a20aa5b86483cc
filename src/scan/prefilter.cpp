// Prefilter of the hot path: most log lines carry no code, so whole buffers are searched for the
// few 3-byte fragments every anchor of the line-oriented grammars contains, 16 bytes at a time.
#include <cstring>

#include "internal.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace wlancode::scan::detail {
namespace {

// reason/Reason, REASON, status/Status, STATUS, code=, WLAN_, WDI_, WCN_, MLME-, SSID
constexpr char needles[][4] = {"aso", "ASO", "atu", "ATU", "de=", "AN_", "DI_", "CN_", "LME", "SID"};
constexpr std::size_t needle_count = sizeof needles / sizeof needles[0];

bool match_at(const char* p) noexcept {
  for (const auto& n : needles)
    if (p[0] == n[0] && p[1] == n[1] && p[2] == n[2]) return true;
  return false;
}

}  // namespace

std::size_t find_anchor(const char* p, std::size_t n) noexcept {
  std::size_t i = 0;
#if defined(__SSE2__)
  __m128i n0[needle_count], n1[needle_count], n2[needle_count];
  for (std::size_t k = 0; k < needle_count; ++k) {
    n0[k] = _mm_set1_epi8(needles[k][0]);
    n1[k] = _mm_set1_epi8(needles[k][1]);
    n2[k] = _mm_set1_epi8(needles[k][2]);
  }
  for (; i + 18 <= n; i += 16) {
    const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
    const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 2));
    __m128i any = _mm_setzero_si128();
    for (std::size_t k = 0; k < needle_count; ++k)
      any = _mm_or_si128(any, _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(v0, n0[k]), _mm_cmpeq_epi8(v1, n1[k])),
                                            _mm_cmpeq_epi8(v2, n2[k])));
    const int mask = _mm_movemask_epi8(any);
    if (mask) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i + 3 <= n; ++i)
    if (match_at(p + i)) return i;
  return n;
}

std::size_t count_newlines(const char* p, std::size_t n) noexcept {
  std::size_t count = 0, i = 0;
#if defined(__SSE2__)
  const __m128i nl = _mm_set1_epi8('\n');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    count += static_cast<std::size_t>(__builtin_popcount(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl)))));
  }
#endif
  for (; i < n; ++i) count += p[i] == '\n';
  return count;
}

}  // namespace wlancode::scan::detail
