// Marker search: the candidate places of a group's texts are the places where one of their first
// two bytes (folded) is, found 32 or 64 places a step; each is then compared with the texts that
// start there.
#include "line_markers.hpp"

#include <array>
#include <cstring>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "text.hpp"

namespace wlancode::scan::detail {
namespace {

enum class marker_case : std::uint8_t { exact, fold };
struct marker_row {
  marker_group group;
  std::string_view text;
  marker_case mcase;
};
constexpr marker_row markers[] = {
#define WLANCODE_MARKER(group, text, mcase) {marker_group::group, text, marker_case::mcase},
#include "grammar/markers.def"
};
constexpr bool markers_hold_two_bytes() {
  for (const marker_row& r : markers)
    if (r.text.size() < 2) return false;
  return true;
}
static_assert(markers_hold_two_bytes(), "markers.def: a marker is found by its first two bytes");

// The markers of each group that may start at each byte (by its folded value).
using marker_table = std::array<std::array<std::uint64_t, 256>, marker_group_count>;
constexpr marker_table make_marker_starts() {
  static_assert(std::size(markers) <= 64, "marker sets are bit masks");
  marker_table t{};
  for (std::size_t k = 0; k < std::size(markers); ++k)
    t[static_cast<std::size_t>(markers[k].group)][static_cast<unsigned char>(fold(markers[k].text[0]))] |=
        std::uint64_t{1} << k;
  return t;
}
constexpr auto marker_starts = make_marker_starts();

// Each group's distinct first two bytes (folded), for the SIMD paths.
constexpr std::size_t max_pairs = 16;
struct pair_set {
  std::array<char, max_pairs> first{}, second{};
  std::size_t n = 0;
};
constexpr std::array<pair_set, marker_group_count> make_pairs() {
  std::array<pair_set, marker_group_count> t{};
  for (const marker_row& r : markers) {
    pair_set& p = t[static_cast<std::size_t>(r.group)];
    const char a = fold(r.text[0]), b = fold(r.text[1]);
    bool seen = false;
    for (std::size_t i = 0; i < p.n; ++i) seen = seen || (p.first[i] == a && p.second[i] == b);
    if (seen) continue;
    if (p.n == max_pairs) throw "markers.def: a group has more than 16 distinct first byte pairs";
    p.first[p.n] = a;
    p.second[p.n++] = b;
  }
  return t;
}
constexpr auto pairs = make_pairs();

// Whether one of the group's markers starts at s[i].
bool marker_at(std::string_view s, std::size_t i, marker_group g) noexcept {
  std::uint64_t m = marker_starts[static_cast<std::size_t>(g)][static_cast<unsigned char>(fold(s[i]))];
  while (m) {
    const marker_row& r = markers[__builtin_ctzll(m)];
    m &= m - 1;
    if (r.text.size() > s.size() - i) continue;
    // The second byte first (folded: right for either case): most places fail there, without a call.
    if (fold(s[i + 1]) != fold(r.text[1])) continue;
    const std::string_view at = s.substr(i, r.text.size());
    if (r.mcase == marker_case::exact ? at == r.text : iequals(at, r.text)) return true;
  }
  return false;
}

bool has_marker_bytes(std::string_view s, marker_group g) noexcept {
  for (std::size_t i = 0; i + 1 < s.size(); ++i)
    if (marker_at(s, i, g)) return true;
  return false;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// The places of p[0, 32) where one of the group's pairs starts (p[32] is read too).
__attribute__((target("avx2"))) inline std::uint32_t pair_places_avx2(const char* p, const pair_set& ps) noexcept {
  const __m256i f = _mm256_set1_epi8(0x20);
  const __m256i v0 = _mm256_or_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)), f);
  const __m256i v1 = _mm256_or_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1)), f);
  __m256i m = _mm256_setzero_si256();
  for (std::size_t k = 0; k < ps.n; ++k)
    m = _mm256_or_si256(m, _mm256_and_si256(_mm256_cmpeq_epi8(v0, _mm256_set1_epi8(ps.first[k])),
                                            _mm256_cmpeq_epi8(v1, _mm256_set1_epi8(ps.second[k]))));
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(m));
}
__attribute__((target("avx2"))) bool has_marker_avx2(std::string_view s, marker_group g) noexcept {
  const pair_set& ps = pairs[static_cast<std::size_t>(g)];
  const char* p = s.data();
  const std::size_t n = s.size();
  std::size_t i = 0;
  for (; i + 33 <= n; i += 32)
    for (std::uint32_t m = pair_places_avx2(p + i, ps); m; m &= m - 1)
      if (marker_at(s, i + static_cast<std::size_t>(__builtin_ctz(m)), g)) return true;
  if (i + 1 >= n) return false;
  // The last n - i (at most 32) bytes, followed by zeros: a place the padding makes a candidate
  // is compared with the line itself, which it is not in.
  char pad[33] = {};
  std::memcpy(pad, p + i, n - i);
  for (std::uint32_t m = pair_places_avx2(pad, ps); m; m &= m - 1) {
    const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(m));
    if (at + 1 < n && marker_at(s, at, g)) return true;
  }
  return false;
}
// The first `left` bytes of 64, as a load mask.
__attribute__((target("bmi2"))) inline __mmask64 first(std::size_t left) noexcept {
  return left >= 64 ? ~__mmask64{0} : static_cast<__mmask64>(_bzhi_u64(~0ull, static_cast<unsigned>(left)));
}
// 64 places a step with masked loads: nothing is read past the line's end.
__attribute__((target("avx512f,avx512bw,bmi2"))) bool has_marker_avx512(std::string_view s, marker_group g) noexcept {
  const pair_set& ps = pairs[static_cast<std::size_t>(g)];
  const __m512i f = _mm512_set1_epi8(0x20);
  const char* p = s.data();
  const std::size_t n = s.size();
  for (std::size_t i = 0; i + 1 < n; i += 64) {
    const std::size_t left = n - i;  // at least 2
    const __m512i v0 = _mm512_or_si512(_mm512_maskz_loadu_epi8(first(left), p + i), f);
    const __m512i v1 = _mm512_or_si512(_mm512_maskz_loadu_epi8(first(left - 1), p + i + 1), f);
    __mmask64 m = 0;
    for (std::size_t k = 0; k < ps.n; ++k)
      m |= _mm512_cmpeq_epi8_mask(v0, _mm512_set1_epi8(ps.first[k])) &
           _mm512_cmpeq_epi8_mask(v1, _mm512_set1_epi8(ps.second[k]));
    m &= first(left - 1);  // a pair starts at most at the line's last but one byte
    for (; m; m &= m - 1)
      if (marker_at(s, i + static_cast<std::size_t>(__builtin_ctzll(m)), g)) return true;
  }
  return false;
}
const bool have_avx2 = __builtin_cpu_supports("avx2");
const bool have_avx512 =
    __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("bmi2");
#endif

}  // namespace

bool has_marker(std::string_view s, marker_group g) noexcept {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (have_avx512) return has_marker_avx512(s, g);
  if (have_avx2) return has_marker_avx2(s, g);
#endif
  return has_marker_bytes(s, g);
}

bool has_marker_by(std::string_view s, marker_group g, int width) noexcept {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (width == 512 && have_avx512) return has_marker_avx512(s, g);
  if (width == 256 && have_avx2) return has_marker_avx2(s, g);
#else
  (void)width;
#endif
  return has_marker_bytes(s, g);
}

}  // namespace wlancode::scan::detail
