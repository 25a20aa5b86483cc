// Prefilter of the hot path: most log lines carry no code, so whole buffers are searched for the
// few 3-byte fragments every anchor of the line-oriented grammars contains, 16 bytes at a time.
#include <cstring>

#include "internal.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define WLANCODE_SCAN_AVX2 1
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

#if defined(WLANCODE_SCAN_AVX2)
// The same search, 32 bytes at a time; returns n when nothing matched before the tail (< 34 bytes),
// whose offset goes to *tail.
__attribute__((target("avx2"))) std::size_t find_anchor_avx2(const char* p, std::size_t n, std::size_t* tail) noexcept {
  __m256i n0[needle_count], n1[needle_count], n2[needle_count];
  for (std::size_t k = 0; k < needle_count; ++k) {
    n0[k] = _mm256_set1_epi8(needles[k][0]);
    n1[k] = _mm256_set1_epi8(needles[k][1]);
    n2[k] = _mm256_set1_epi8(needles[k][2]);
  }
  std::size_t i = 0;
  for (; i + 34 <= n; i += 32) {
    const __m256i v0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 1));
    const __m256i v2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 2));
    __m256i any = _mm256_setzero_si256();
    for (std::size_t k = 0; k < needle_count; ++k)
      any = _mm256_or_si256(any, _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(v0, n0[k]), _mm256_cmpeq_epi8(v1, n1[k])),
                                                  _mm256_cmpeq_epi8(v2, n2[k])));
    const unsigned mask = static_cast<unsigned>(_mm256_movemask_epi8(any));
    if (mask) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
  *tail = i;
  return n;
}
const bool have_avx2 = __builtin_cpu_supports("avx2");
#endif

}  // namespace

std::size_t find_anchor(const char* p, std::size_t n) noexcept {
  std::size_t i = 0;
#if defined(WLANCODE_SCAN_AVX2)
  if (have_avx2 && n >= 64) {
    const std::size_t r = find_anchor_avx2(p, n, &i);
    if (r != n) return r;
  }
#endif
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
  while (i + 16 <= n) {
    // Byte counters (cmpeq gives -1 per match), summed every 255 blocks with psadbw.
    __m128i acc = _mm_setzero_si128();
    for (int k = 0; k < 255 && i + 16 <= n; ++k, i += 16)
      acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)), nl));
    const __m128i sums = _mm_sad_epu8(acc, _mm_setzero_si128());
    count += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) + static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  for (; i < n; ++i) count += p[i] == '\n';
  return count;
}

}  // namespace wlancode::scan::detail
