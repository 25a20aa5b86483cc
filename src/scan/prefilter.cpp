// Prefilter of the hot path: most log lines carry no code, so whole buffers are searched for the
// needles of grammar/needles.def (3-byte fragments that every rule key, generic key, family name
// prefix and container opener holds), case-folded (byte | 0x20), counting newlines in the same
// pass. The SIMD paths test every needle at once, whatever their number: each needle gets a bucket
// bit, and a byte position is a candidate when each of its three bytes, split into nibbles, finds
// the bucket in 16-entry tables (a shuffle per nibble, the "Teddy" scheme). Candidates are then
// checked exactly, so a hit returned is a needle. A hit only says "look closer".
#include <array>
#include <cstdint>
#include <cstring>

#include "internal.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define WLANCODE_SCAN_X86 1
#endif

namespace wlancode::scan::detail {
namespace {

constexpr std::string_view needles[] = {
#define WLANCODE_NEEDLE(text, bucket, set, why) text,
#include "grammar/needles.def"
};
constexpr std::size_t needle_count = std::size(needles);
static_assert(needle_count <= 64, "needles.def: the first-byte sets are 64-bit masks");
constexpr unsigned buckets[] = {
#define WLANCODE_NEEDLE(text, bucket, set, why) bucket,
#include "grammar/needles.def"
};
constexpr bool event_needle[] = {
#define WLANCODE_NEEDLE(text, bucket, set, why) std::string_view(#set) == "events",
#include "grammar/needles.def"
};

constexpr std::uint8_t fold(char c) noexcept { return static_cast<std::uint8_t>(c | 0x20); }

// No two needles are the same once folded: a place of a line holds one needle at most.
constexpr bool needles_distinct() {
  for (std::size_t a = 0; a < needle_count; ++a)
    for (std::size_t b = a + 1; b < needle_count; ++b)
      if (fold(needles[a][0]) == fold(needles[b][0]) && fold(needles[a][1]) == fold(needles[b][1]) &&
          fold(needles[a][2]) == fold(needles[b][2]))
        return false;
  return true;
}
static_assert(needles_distinct(), "needles.def: two needles are the same once folded");

// Needles that start with each folded byte, as a bit set (exact check of a candidate).
struct tables {
  std::array<std::uint64_t, 256> first{};
  // Bucket bits by nibble, per needle byte; the 16 entries repeated in each 128-bit lane.
  // Indexed by the input byte's own nibbles, not its folded ones: folding (| 0x20) leaves the low
  // nibble as it is and sets bit 1 of the high one, so hi[h] holds the needle bytes whose folded
  // high nibble is h | 2. The SIMD loops then fold nothing. A byte of 0x80 and above finds no
  // bucket either way: its low-nibble shuffle gives 0 (bit 7 of the index) and no needle byte is
  // that high.
  std::array<std::array<std::uint8_t, 64>, 3> lo{}, hi{};
};
constexpr tables make_tables(bool events) {
  tables t;
  for (std::size_t k = 0; k < needle_count; ++k) {
    if (event_needle[k] && !events) continue;
    const std::uint8_t f0 = fold(needles[k][0]);
    t.first[f0] |= std::uint64_t{1} << k;
    if (buckets[k] > 7) throw "needles.def: a bucket is 0-7";
    const auto bit = static_cast<std::uint8_t>(1u << buckets[k]);
    for (std::size_t j = 0; j < 3; ++j) {
      const std::uint8_t c = fold(needles[k][j]);
      if (c >= 0x80) throw "needles.def: needles are ASCII";
      for (std::size_t lane = 0; lane < 64; lane += 16) {
        t.lo[j][lane + (c & 15)] |= bit;
        t.hi[j][lane + (c >> 4)] |= bit;          // the byte as folded...
        t.hi[j][lane + ((c >> 4) & ~2u)] |= bit;  // ...and in the other case
      }
    }
  }
  return t;
}
constexpr tables tabs[2] = {make_tables(false), make_tables(true)};  // by needle_set

// Exactly a needle at p (3 readable bytes).
inline bool match_at(const tables& tab, const char* p) noexcept {
  std::uint64_t m = tab.first[fold(p[0])];
  while (m) {
    const unsigned k = static_cast<unsigned>(__builtin_ctzll(m));
    m &= m - 1;
    if (fold(p[1]) == fold(needles[k][1]) && fold(p[2]) == fold(needles[k][2])) return true;
  }
  return false;
}

std::size_t scalar_from(const tables& tab, const char* p, std::size_t n, std::size_t i,
                        std::size_t* newlines) noexcept {
  std::size_t lines = 0;
  for (; i + 3 <= n; ++i) {
    if (match_at(tab, p + i)) {
      if (newlines) *newlines += lines;
      return i;
    }
    lines += p[i] == '\n';
  }
  for (; i < n; ++i) lines += p[i] == '\n';
  if (newlines) *newlines += lines;
  return n;
}

#if defined(WLANCODE_SCAN_X86)
// The buffer scans ask for the bytes a page ahead: the hardware prefetcher stops at page bounds,
// and a mapped file's next page then costs a TLB walk and a cache miss in the loop (measured:
// 17% less CPU time on a sparse log; a prefetch of an address past the buffer is only a hint).
constexpr std::size_t prefetch_ahead = 4096;
inline void prefetch_ahead_of(const char* p) noexcept {  // an address, not a pointer past the buffer
  _mm_prefetch(reinterpret_cast<const char*>(reinterpret_cast<std::uintptr_t>(p) + prefetch_ahead), _MM_HINT_T0);
}

// Candidates of one step as a bit mask; then checked exactly, newlines counted up to the hit.
template <class Mask>
inline bool first_exact(const tables& tab, const char* p, std::size_t i, Mask cand, Mask nl, std::size_t& lines,
                        std::size_t& at) noexcept {
  while (cand) {
    const unsigned b = static_cast<unsigned>(__builtin_ctzll(static_cast<unsigned long long>(cand)));
    if (match_at(tab, p + i + b)) {
      const Mask before = b ? (~Mask{0} >> (sizeof(Mask) * 8 - b)) : 0;
      lines += static_cast<std::size_t>(__builtin_popcountll(static_cast<unsigned long long>(nl & before)));
      at = i + b;
      return true;
    }
    cand &= cand - 1;
  }
  return false;
}

__attribute__((target("avx2,popcnt,bmi"))) std::size_t find_avx2(const tables& tab, const char* p, std::size_t n,
                                                                 std::size_t* tail, std::size_t* newlines) noexcept {
  const __m256i low4 = _mm256_set1_epi8(0x0F), nlc = _mm256_set1_epi8('\n');
#define WLANCODE_TABLE_(t) _mm256_loadu_si256(reinterpret_cast<const __m256i*>((t).data()))
  const __m256i lo0 = WLANCODE_TABLE_(tab.lo[0]), hi0 = WLANCODE_TABLE_(tab.hi[0]);
  const __m256i lo1 = WLANCODE_TABLE_(tab.lo[1]), hi1 = WLANCODE_TABLE_(tab.hi[1]);
  const __m256i lo2 = WLANCODE_TABLE_(tab.lo[2]), hi2 = WLANCODE_TABLE_(tab.hi[2]);
#undef WLANCODE_TABLE_
#define WLANCODE_BUCKETS_(v, lo, hi) \
  _mm256_and_si256(_mm256_shuffle_epi8(lo, v), _mm256_shuffle_epi8(hi, _mm256_and_si256(_mm256_srli_epi16(v, 4), low4)))
  std::size_t i = 0, lines = 0;
  for (; i + 34 <= n; i += 32) {
    prefetch_ahead_of(p + i);
    const __m256i raw = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 1));
    const __m256i v2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 2));
    const auto nl = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(raw, nlc)));
    const __m256i m =
        _mm256_and_si256(_mm256_and_si256(WLANCODE_BUCKETS_(raw, lo0, hi0), WLANCODE_BUCKETS_(v1, lo1, hi1)),
                         WLANCODE_BUCKETS_(v2, lo2, hi2));
#undef WLANCODE_BUCKETS_
    const auto cand = ~static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(m, _mm256_setzero_si256())));
    std::size_t at = 0;
    if (cand && first_exact<std::uint32_t>(tab, p, i, cand, nl, lines, at)) {
      *newlines += lines;
      return at;
    }
    lines += static_cast<std::size_t>(__builtin_popcount(nl));
  }
  *newlines += lines;
  *tail = i;
  return n;
}

__attribute__((target("avx512f,avx512bw,popcnt,bmi"))) std::size_t find_avx512(const tables& tab, const char* p,
                                                                               std::size_t n, std::size_t* tail,
                                                                               std::size_t* newlines) noexcept {
  const __m512i low4 = _mm512_set1_epi8(0x0F), nlc = _mm512_set1_epi8('\n');
  const __m512i lo0 = _mm512_loadu_si512(tab.lo[0].data()), hi0 = _mm512_loadu_si512(tab.hi[0].data());
  const __m512i lo1 = _mm512_loadu_si512(tab.lo[1].data()), hi1 = _mm512_loadu_si512(tab.hi[1].data());
  const __m512i lo2 = _mm512_loadu_si512(tab.lo[2].data()), hi2 = _mm512_loadu_si512(tab.hi[2].data());
  // The bucket bits of each byte for needle byte j, by its two nibbles (a macro: lambdas do not
  // inherit the function's target).
#define WLANCODE_BUCKETS_(v, lo, hi) \
  _mm512_and_si512(_mm512_shuffle_epi8(lo, v), _mm512_shuffle_epi8(hi, _mm512_and_si512(_mm512_srli_epi16(v, 4), low4)))
  std::size_t i = 0, lines = 0;
  for (; i + 66 <= n; i += 64) {
    prefetch_ahead_of(p + i);
    const __m512i raw = _mm512_loadu_si512(p + i);
    const __mmask64 nl = _mm512_cmpeq_epi8_mask(raw, nlc);
    const __m512i v1 = _mm512_loadu_si512(p + i + 1), v2 = _mm512_loadu_si512(p + i + 2);
    const __m512i m =
        _mm512_and_si512(_mm512_and_si512(WLANCODE_BUCKETS_(raw, lo0, hi0), WLANCODE_BUCKETS_(v1, lo1, hi1)),
                         WLANCODE_BUCKETS_(v2, lo2, hi2));
    const __mmask64 cand = _mm512_test_epi8_mask(m, m);
    std::size_t at = 0;
    if (cand && first_exact<std::uint64_t>(tab, p, i, cand, nl, lines, at)) {
      *newlines += lines;
      return at;
    }
    lines += static_cast<std::size_t>(__builtin_popcountll(nl));
  }
  *newlines += lines;
  *tail = i;
  return n;
}

#undef WLANCODE_BUCKETS_

const bool have_avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
const bool have_avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
#endif

// Every needle place of p[0, n), in order, at most `cap`: the byte-by-byte walk.
std::size_t hits_scalar_from(const char* p, std::size_t n, std::size_t i, needle_hit* out, std::size_t found,
                             std::size_t cap) noexcept {
  const tables& tab = tabs[1];
  for (; i + 3 <= n && found < cap; ++i) {
    std::uint64_t m = tab.first[fold(p[i])];
    while (m) {
      const unsigned k = static_cast<unsigned>(__builtin_ctzll(m));
      m &= m - 1;
      if (fold(p[i + 1]) == fold(needles[k][1]) && fold(p[i + 2]) == fold(needles[k][2])) {
        out[found++] = {static_cast<std::uint16_t>(i), static_cast<std::uint8_t>(k)};
        break;  // needles differ once folded: one a place
      }
    }
  }
  return found;
}

#if defined(WLANCODE_SCAN_X86)
// The Teddy candidates of the 32 places p[0, 32) (reads p[0, 34)), as a bit mask.
__attribute__((target("avx2"))) inline std::uint32_t candidates_avx2(const tables& tab, const char* p) noexcept {
  const __m256i low4 = _mm256_set1_epi8(0x0F);
#define WLANCODE_TABLE_(t) _mm256_loadu_si256(reinterpret_cast<const __m256i*>((t).data()))
#define WLANCODE_BUCKETS_(v, j)                                        \
  _mm256_and_si256(_mm256_shuffle_epi8(WLANCODE_TABLE_(tab.lo[j]), v), \
                   _mm256_shuffle_epi8(WLANCODE_TABLE_(tab.hi[j]), _mm256_and_si256(_mm256_srli_epi16(v, 4), low4)))
  const __m256i v0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1));
  const __m256i v2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 2));
  const __m256i m =
      _mm256_and_si256(_mm256_and_si256(WLANCODE_BUCKETS_(v0, 0), WLANCODE_BUCKETS_(v1, 1)), WLANCODE_BUCKETS_(v2, 2));
#undef WLANCODE_BUCKETS_
#undef WLANCODE_TABLE_
  return ~static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(m, _mm256_setzero_si256())));
}

// The same as hits_scalar_from, 32 places a step; the last places are read from a zero-padded
// copy (a candidate there is checked exactly against the line's own length).
__attribute__((target("avx2,bmi"))) std::size_t hits_avx2(const char* p, std::size_t n, needle_hit* out,
                                                          std::size_t cap) noexcept {
  const tables& tab = tabs[1];
  std::size_t found = 0;
  char pad[68] = {};
  const auto take = [&](const char* q, std::size_t base, std::uint32_t cand) {
    for (; cand && found < cap; cand &= cand - 1) {
      const std::size_t j = static_cast<std::size_t>(__builtin_ctz(cand));
      if (base + j + 3 > n) break;
      const char* c = q + j;
      for (std::uint64_t m = tab.first[fold(c[0])]; m; m &= m - 1) {
        const unsigned k = static_cast<unsigned>(__builtin_ctzll(m));
        if (fold(c[1]) == fold(needles[k][1]) && fold(c[2]) == fold(needles[k][2])) {
          out[found++] = {static_cast<std::uint16_t>(base + j), static_cast<std::uint8_t>(k)};
          break;
        }
      }
    }
  };
  std::size_t i = 0;
  for (; i + 34 <= n && found < cap; i += 32) take(p + i, i, candidates_avx2(tab, p + i));
  if (i < n && found < cap) {
    std::memcpy(pad, p + i, n - i);  // at most 33 bytes
    take(pad, i, candidates_avx2(tab, pad));
    if (n - i > 32 && found < cap) take(pad + 32, i + 32, candidates_avx2(tab, pad + 32));
  }
  return found;
}

// The first `left` bytes of 64, as a load mask.
__attribute__((target("bmi2"))) inline __mmask64 first_bytes_mask(std::size_t left) noexcept {
  return left >= 64 ? ~__mmask64{0} : static_cast<__mmask64>(_bzhi_u64(~0ull, static_cast<unsigned>(left)));
}

// The same, 64 places a step: masked loads read nothing past the end, so no padded copy.
__attribute__((target("avx512f,avx512bw,bmi,bmi2"))) std::size_t hits_avx512(const char* p, std::size_t n,
                                                                             needle_hit* out,
                                                                             std::size_t cap) noexcept {
  const tables& tab = tabs[1];
  const __m512i low4 = _mm512_set1_epi8(0x0F);
  const __m512i lo0 = _mm512_loadu_si512(tab.lo[0].data()), hi0 = _mm512_loadu_si512(tab.hi[0].data());
  const __m512i lo1 = _mm512_loadu_si512(tab.lo[1].data()), hi1 = _mm512_loadu_si512(tab.hi[1].data());
  const __m512i lo2 = _mm512_loadu_si512(tab.lo[2].data()), hi2 = _mm512_loadu_si512(tab.hi[2].data());
#define WLANCODE_BUCKETS_(v, lo, hi) \
  _mm512_and_si512(_mm512_shuffle_epi8(lo, v), _mm512_shuffle_epi8(hi, _mm512_and_si512(_mm512_srli_epi16(v, 4), low4)))
  std::size_t found = 0;
  for (std::size_t i = 0; i + 3 <= n && found < cap; i += 64) {
    const std::size_t left = n - i;  // at least 3
    const __m512i v0 = _mm512_maskz_loadu_epi8(first_bytes_mask(left), p + i);
    const __m512i v1 = _mm512_maskz_loadu_epi8(first_bytes_mask(left - 1), p + i + 1);
    const __m512i v2 = _mm512_maskz_loadu_epi8(first_bytes_mask(left - 2), p + i + 2);
    const __m512i m =
        _mm512_and_si512(_mm512_and_si512(WLANCODE_BUCKETS_(v0, lo0, hi0), WLANCODE_BUCKETS_(v1, lo1, hi1)),
                         WLANCODE_BUCKETS_(v2, lo2, hi2));
    // Places whose three bytes are all in the line.
    for (__mmask64 cand = _mm512_test_epi8_mask(m, m) & first_bytes_mask(left - 2); cand && found < cap;
         cand &= cand - 1) {
      const std::size_t j = static_cast<std::size_t>(__builtin_ctzll(cand));
      const char* c = p + i + j;
      for (std::uint64_t k = tab.first[fold(c[0])]; k; k &= k - 1) {
        const unsigned nd = static_cast<unsigned>(__builtin_ctzll(k));
        if (fold(c[1]) == fold(needles[nd][1]) && fold(c[2]) == fold(needles[nd][2])) {
          out[found++] = {static_cast<std::uint16_t>(i + j), static_cast<std::uint8_t>(nd)};
          break;
        }
      }
    }
  }
#undef WLANCODE_BUCKETS_
  return found;
}
#endif

}  // namespace

std::size_t needle_hits_scalar(const char* p, std::size_t n, needle_hit* out, std::size_t cap) noexcept {
  return hits_scalar_from(p, n, 0, out, 0, cap);
}

std::size_t needle_hits(const char* p, std::size_t n, needle_hit* out, std::size_t cap) noexcept {
#if defined(WLANCODE_SCAN_X86)
  if (have_avx512 && n <= 0xFFFF) return hits_avx512(p, n, out, cap);
  if (have_avx2 && n <= 0xFFFF) return hits_avx2(p, n, out, cap);
#endif
  return hits_scalar_from(p, n, 0, out, 0, cap);
}

std::size_t needle_hits_simd(const char* p, std::size_t n, needle_hit* out, std::size_t cap, int width) noexcept {
#if defined(WLANCODE_SCAN_X86)
  if (width == 512 && have_avx512 && n <= 0xFFFF) return hits_avx512(p, n, out, cap);
  if (width == 256 && have_avx2 && n <= 0xFFFF) return hits_avx2(p, n, out, cap);
#else
  (void)width;
#endif
  return hits_scalar_from(p, n, 0, out, 0, cap);
}

std::size_t find_anchor_scalar(const char* p, std::size_t n, std::size_t* newlines, needle_set set) noexcept {
  return scalar_from(tabs[static_cast<int>(set)], p, n, 0, newlines);
}

std::size_t find_anchor(const char* p, std::size_t n, std::size_t* newlines, needle_set set) noexcept {
  const tables& tab = tabs[static_cast<int>(set)];
  std::size_t lines = 0;
#if defined(WLANCODE_SCAN_X86)
  std::size_t i = 0;
  if (have_avx512 && n >= 66) {
    const std::size_t r = find_avx512(tab, p, n, &i, &lines);
    if (r != n) {
      if (newlines) *newlines += lines;
      return r;
    }
  } else if (have_avx2 && n >= 34) {
    const std::size_t r = find_avx2(tab, p, n, &i, &lines);
    if (r != n) {
      if (newlines) *newlines += lines;
      return r;
    }
  }
  if (newlines) *newlines += lines;
  return scalar_from(tab, p, n, i, newlines);
#else
  (void)lines;
  return scalar_from(tab, p, n, 0, newlines);
#endif
}

// For tests: the SIMD paths alone, where the CPU has them (0 when it has not).
std::size_t find_anchor_simd(const char* p, std::size_t n, std::size_t* newlines, int width, needle_set set) noexcept {
  const tables& tab = tabs[static_cast<int>(set)];
#if defined(WLANCODE_SCAN_X86)
  std::size_t i = 0, lines = 0;
  std::size_t r = n;
  if (width == 512 && have_avx512 && n >= 66)
    r = find_avx512(tab, p, n, &i, &lines);
  else if (width == 256 && have_avx2 && n >= 34)
    r = find_avx2(tab, p, n, &i, &lines);
  if (r != n) {
    if (newlines) *newlines += lines;
    return r;
  }
  if (newlines) *newlines += lines;
  return scalar_from(tab, p, n, i, newlines);
#else
  (void)width;
  return scalar_from(tab, p, n, 0, newlines);
#endif
}

}  // namespace wlancode::scan::detail
