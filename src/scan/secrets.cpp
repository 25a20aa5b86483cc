// Removal of secrets (grammar/secrets.def) from lines, before anything reads them.
#include "secrets.hpp"

#include <array>
#include <cstring>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "text.hpp"

namespace wlancode::scan::detail {
namespace {

enum class kind : std::uint8_t { element, value, hexdump };
struct secret {
  kind k;
  std::string_view name;
};
constexpr secret secrets[] = {
#define WLANCODE_SECRET(k, name) {kind::k, name},
#include "grammar/secrets.def"
};

constexpr std::string_view removed = "[removed]";

// The secrets whose name starts with each folded byte ('<' and '&' start every element form): a
// line is compared only where a secret may start.
constexpr std::array<std::uint32_t, 256> make_starts() {
  static_assert(std::size(secrets) <= 32, "secret sets are bit masks");
  std::array<std::uint32_t, 256> t{};
  for (std::size_t k = 0; k < std::size(secrets); ++k) {
    if (secrets[k].k == kind::value) t[static_cast<unsigned char>(fold(secrets[k].name[0]))] |= 1u << k;
    if (secrets[k].k == kind::element) {
      t[static_cast<unsigned char>('<')] |= 1u << k;
      t[static_cast<unsigned char>('&')] |= 1u << k;
    }
  }
  return t;
}
constexpr auto starts = make_starts();

// The three spellings of '<' and '>' an element may come in: plain, HTML entity, numeric.
constexpr std::string_view lt_forms[] = {"<", "&lt;", "&#60;", "&#x3c;"};
constexpr std::string_view gt_forms[] = {">", "&gt;", "&#62;", "&#x3e;"};

// An element's opener (<name ...) or closer (</name) at s[i], in any spelling; its length, or 0.
std::size_t tag_at(std::string_view s, std::size_t i, std::string_view name, bool closer) {
  for (std::string_view lt : lt_forms) {
    if (!iequals(s.substr(i, lt.size()), lt)) continue;
    std::size_t k = i + lt.size();
    if (closer) {
      if (k >= s.size() || s[k] != '/') continue;
      ++k;
    }
    if (!iequals(s.substr(k, name.size()), name)) continue;
    k += name.size();
    if (k < s.size() && (is_word(s[k]) || s[k] == '-')) continue;  // <keyMaterialX>: another name
    return k - i;
  }
  return 0;
}
// The end of an opener's tag at or after s[i] (past its '>' in any spelling), or npos.
std::size_t tag_end(std::string_view s, std::size_t i) {
  for (std::size_t k = i; k < s.size(); ++k)
    for (std::string_view gt : gt_forms)
      if (iequals(s.substr(k, gt.size()), gt)) return k + gt.size();
  return std::string_view::npos;
}
// The first closer of `name` at or after s[i], or npos.
std::size_t find_closer(std::string_view s, std::size_t i, std::string_view name) {
  for (std::size_t k = i; k < s.size(); ++k)
    if ((s[k] == '<' || s[k] == '&') && tag_at(s, k, name, true)) return k;
  return std::string_view::npos;
}

// name = value at s[i]: the value's bounds, or false. The name is a whole word.
bool value_at(std::string_view s, std::size_t i, std::string_view name, std::size_t& vb, std::size_t& ve) {
  if (!iequals(s.substr(i, name.size()), name)) return false;
  if (i > 0 && (is_word(s[i - 1]) || s[i - 1] == '-')) return false;
  std::size_t k = i + name.size();
  if (k < s.size() && is_word(s[k])) return false;
  if (k < s.size() && (s[k] == '"' || s[k] == '\'')) ++k;  // "psk": "..."
  while (k < s.size() && s[k] == ' ') ++k;
  if (k >= s.size() || (s[k] != '=' && s[k] != ':')) return false;
  ++k;
  while (k < s.size() && s[k] == ' ') ++k;
  if (k < s.size() && (s[k] == '"' || s[k] == '\'')) {
    const char q = s[k];
    vb = k + 1;
    const std::size_t e = s.find(q, vb);
    ve = e == std::string_view::npos ? s.size() : e;
    return true;
  }
  if (s.substr(k, 6) == "&quot;") {
    vb = k + 6;
    const std::size_t e = s.find("&quot;", vb);
    ve = e == std::string_view::npos ? s.size() : e;
    return true;
  }
  vb = k;
  ve = k;
  while (ve < s.size() && s[ve] != ' ' && s[ve] != '\t' && s[ve] != ',' && s[ve] != ';' && s[ve] != '&' &&
         s[ve] != '<' && s[ve] != '>' && s[ve] != ')' && s[ve] != ']' && s[ve] != '}')
    ++ve;
  return ve > vb;
}

// A hexdump of key bytes: "<label> - hexdump(len=N): <bytes>"; where the bytes start, or npos.
std::size_t key_hexdump(std::string_view s) {
  const std::size_t h = s.find("hexdump");
  if (h == std::string_view::npos) return std::string_view::npos;
  const std::size_t colon = s.find("):", h);
  if (colon == std::string_view::npos) return std::string_view::npos;
  const std::string_view label = s.substr(0, h);
  for (const secret& x : secrets) {
    if (x.k != kind::hexdump) continue;
    for (std::size_t p = ifind(label, x.name); p != std::string_view::npos; p = ifind(label, x.name, p + 1)) {
      const bool start = p == 0 || !is_alpha(label[p - 1]);
      const bool end = p + x.name.size() >= label.size() || !is_alpha(label[p + x.name.size()]);
      if (start && end) return colon + 2;
    }
  }
  return std::string_view::npos;
}

// A quick look: can the line hold a secret at all? Every secret holds one of these fragments
// (folded): "key" (keyMaterial, wep_key, key hexdumps), "pas" (password, passphrase, passwd),
// "psk", "hex" (hexdump), "&#" and "&l" (escaped elements). One table lookup per byte pair.
constexpr std::string_view fragments[] = {"key", "pas", "psk", "hex", "&#", "&l"};
constexpr std::array<std::uint64_t, 1024> make_pairs() {
  std::array<std::uint64_t, 1024> t{};
  for (std::string_view f : fragments) {
    const unsigned key = static_cast<unsigned char>(fold(f[0])) << 8 | static_cast<unsigned char>(fold(f[1]));
    t[key >> 6] |= std::uint64_t{1} << (key & 63);
  }
  return t;
}
constexpr auto pairs = make_pairs();

bool may_hold_secret_from(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i + 1 < s.size(); ++i) {
    const unsigned key = static_cast<unsigned char>(fold(s[i])) << 8 | static_cast<unsigned char>(fold(s[i + 1]));
    if (!(pairs[key >> 6] >> (key & 63) & 1)) continue;
    for (std::string_view f : fragments)
      if (fold(s[i]) == fold(f[0]) && fold(s[i + 1]) == fold(f[1]) &&
          (f.size() == 2 || (i + 2 < s.size() && fold(s[i + 2]) == fold(f[2]))))
        return true;
  }
  return false;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// The same test, 32 positions at a time (every line reaching the rules goes through it): the
// fragments' folded bytes compared at offsets 0, 1 and 2 of each position of p[0, 34).
__attribute__((target("avx2"))) inline bool block_holds_fragment(const char* p) {
  const __m256i f = _mm256_set1_epi8(0x20);
  const __m256i v0 = _mm256_or_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)), f);
  const __m256i v1 = _mm256_or_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1)), f);
  const __m256i v2 = _mm256_or_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 2)), f);
  static_assert(fragments[0] == "key" && fragments[1] == "pas" && fragments[2] == "psk" && fragments[3] == "hex" &&
                    fragments[4] == "&#" && fragments[5] == "&l" && std::size(fragments) == 6,
                "the comparisons below follow `fragments`");
#define WLANCODE_EQ_(v, c) _mm256_cmpeq_epi8(v, _mm256_set1_epi8(fold(c)))
  const __m256i p0 = WLANCODE_EQ_(v0, 'p'), e1 = WLANCODE_EQ_(v1, 'e');
  __m256i m = _mm256_and_si256(_mm256_and_si256(WLANCODE_EQ_(v0, 'k'), e1), WLANCODE_EQ_(v2, 'y'));
  m = _mm256_or_si256(m, _mm256_and_si256(_mm256_and_si256(p0, WLANCODE_EQ_(v1, 'a')), WLANCODE_EQ_(v2, 's')));
  m = _mm256_or_si256(m, _mm256_and_si256(_mm256_and_si256(p0, WLANCODE_EQ_(v1, 's')), WLANCODE_EQ_(v2, 'k')));
  m = _mm256_or_si256(m, _mm256_and_si256(_mm256_and_si256(WLANCODE_EQ_(v0, 'h'), e1), WLANCODE_EQ_(v2, 'x')));
  m = _mm256_or_si256(
      m, _mm256_and_si256(WLANCODE_EQ_(v0, '&'), _mm256_or_si256(WLANCODE_EQ_(v1, '#'), WLANCODE_EQ_(v1, 'l'))));
#undef WLANCODE_EQ_
  return _mm256_movemask_epi8(m) != 0;
}
__attribute__((target("avx2"))) bool may_hold_secret_avx2(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  std::size_t i = 0;
  for (; i + 34 <= n; i += 32)
    if (block_holds_fragment(p + i)) return true;
  if (i >= n) return false;
  // The last n - i (at most 33) bytes, followed by zeros: a zero folds to ' ', which no fragment
  // holds, so the padding finds nothing the line does not hold.
  char pad[68] = {};
  std::memcpy(pad, p + i, n - i);
  return block_holds_fragment(pad) || (n - i > 32 && block_holds_fragment(pad + 32));
}
// The first `left` bytes of 64, as a load mask.
__attribute__((target("bmi2"))) inline __mmask64 first(std::size_t left) noexcept {
  return left >= 64 ? ~__mmask64{0} : static_cast<__mmask64>(_bzhi_u64(~0ull, static_cast<unsigned>(left)));
}
// The same, 64 positions a step with masked loads (nothing read past the end: a byte not loaded
// is a zero, which folds to ' ', which no fragment holds).
__attribute__((target("avx512f,avx512bw,bmi2"))) bool may_hold_secret_avx512(std::string_view s) {
  static_assert(fragments[0] == "key" && fragments[1] == "pas" && fragments[2] == "psk" && fragments[3] == "hex" &&
                    fragments[4] == "&#" && fragments[5] == "&l" && std::size(fragments) == 6,
                "the comparisons below follow `fragments`");
  const __m512i f = _mm512_set1_epi8(0x20);
  const char* p = s.data();
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n; i += 64) {
    const std::size_t left = n - i;  // at least 1
    const __m512i v0 = _mm512_or_si512(_mm512_maskz_loadu_epi8(first(left), p + i), f);
    const __m512i v1 = _mm512_or_si512(_mm512_maskz_loadu_epi8(first(left - 1), p + i + 1), f);
    const __m512i v2 = _mm512_or_si512(_mm512_maskz_loadu_epi8(first(left >= 2 ? left - 2 : 0), p + i + 2), f);
#define WLANCODE_EQ_(v, c) _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(fold(c)))
    const __mmask64 p0 = WLANCODE_EQ_(v0, 'p'), e1 = WLANCODE_EQ_(v1, 'e');
    const __mmask64 m =
        (WLANCODE_EQ_(v0, 'k') & e1 & WLANCODE_EQ_(v2, 'y')) | (p0 & WLANCODE_EQ_(v1, 'a') & WLANCODE_EQ_(v2, 's')) |
        (p0 & WLANCODE_EQ_(v1, 's') & WLANCODE_EQ_(v2, 'k')) | (WLANCODE_EQ_(v0, 'h') & e1 & WLANCODE_EQ_(v2, 'x')) |
        (WLANCODE_EQ_(v0, '&') & (WLANCODE_EQ_(v1, '#') | WLANCODE_EQ_(v1, 'l')));
#undef WLANCODE_EQ_
    if (m) return true;
  }
  return false;
}
const bool have_avx2 = __builtin_cpu_supports("avx2");
const bool have_avx512 =
    __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("bmi2");
#endif

// A quick look: can the line hold a secret at all?
bool may_hold_secret(std::string_view s) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (have_avx512) return may_hold_secret_avx512(s);
  if (have_avx2) return may_hold_secret_avx2(s);
#endif
  return may_hold_secret_from(s, 0);
}

}  // namespace

bool may_hold_secret_simd(std::string_view s, int width) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (width == 512 && have_avx512) return may_hold_secret_avx512(s);
  if (width == 256 && have_avx2) return may_hold_secret_avx2(s);
#else
  (void)width;
#endif
  return may_hold_secret_from(s, 0);
}

std::string_view secret_scrubber::scrub(std::string_view s) {
  if (!in_element_ && !may_hold_secret(s)) return s;
  buf_.clear();
  std::size_t i = 0;
  bool changed = false;
  if (in_element_) {  // the rest of an element opened on an earlier line
    std::size_t c = std::string_view::npos;
    for (const secret& x : secrets)
      if (x.k == kind::element) c = std::min(c, find_closer(s, 0, x.name));
    changed = true;
    buf_ += removed;
    if (c == std::string_view::npos) return buf_;
    in_element_ = false;
    i = c;
  } else {
    // A closer with no opener before it on the line: the line began inside the element.
    for (const secret& x : secrets) {
      if (x.k != kind::element) continue;
      const std::size_t c = find_closer(s, 0, x.name);
      if (c == std::string_view::npos) continue;
      bool opened = false;
      for (std::size_t k = 0; k < c && !opened; ++k)
        if ((s[k] == '<' || s[k] == '&') && tag_at(s, k, x.name, false)) opened = true;
      if (!opened) {
        buf_ += removed;
        i = c;
        changed = true;
        break;
      }
    }
  }
  const std::size_t dump = key_hexdump(s);
  const std::size_t limit = dump == std::string_view::npos ? s.size() : dump;
  std::size_t copied = i;
  while (i < limit) {
    bool hit = false;
    std::uint32_t candidates = starts[static_cast<unsigned char>(fold(s[i]))];
    while (candidates && !hit) {
      const secret& x = secrets[__builtin_ctz(candidates)];
      candidates &= candidates - 1;
      if (x.k == kind::element && (s[i] == '<' || s[i] == '&')) {
        const std::size_t t = tag_at(s, i, x.name, false);
        if (!t) continue;
        const std::size_t body = tag_end(s, i + t);
        if (body == std::string_view::npos) break;  // an opener cut by the line end: left as it is
        buf_.append(s.substr(copied, body - copied));
        buf_ += removed;
        const std::size_t c = find_closer(s, body, x.name);
        changed = hit = true;
        if (c == std::string_view::npos) {
          in_element_ = true;
          return buf_;
        }
        i = copied = c;
        break;
      }
      std::size_t vb = 0, ve = 0;
      if (x.k == kind::value && value_at(s, i, x.name, vb, ve)) {
        buf_.append(s.substr(copied, vb - copied));
        buf_ += removed;
        i = copied = ve;
        changed = hit = true;
        break;
      }
    }
    if (!hit) ++i;
  }
  if (dump != std::string_view::npos) {
    buf_.append(s.substr(copied, dump - copied));
    buf_ += ' ';
    buf_ += removed;
    return buf_;
  }
  if (!changed) return s;
  buf_.append(s.substr(copied));
  return buf_;
}

}  // namespace wlancode::scan::detail
