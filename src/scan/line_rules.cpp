// The line rules engine. For one line: find the needles (grammar/needles.def), try the rules
// whose key holds the needle found (grammar/rules.def), then the generic code contexts
// (grammar/keys.def) at the needles no rule took, then symbolic names, then WLAN_REASON_CODEs
// printed with their text. A rule that matches claims its text: nothing else reads it again.
#include "line_rules.hpp"
#include "line_markers.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <span>

#include "paste_prefix.hpp"
#include "text.hpp"
#include "wlancode/explain.hpp"
#include "wlancode/text_match.hpp"
#include "wrapped_lines.hpp"

namespace wlancode::scan::detail {
namespace {

// ---- needles -------------------------------------------------------------------------------
constexpr std::string_view needles[] = {
#define WLANCODE_NEEDLE(text, bucket, set, why) text,
#include "grammar/needles.def"
};
constexpr std::size_t needle_count = std::size(needles);
static_assert(needle_count <= 64, "needle sets are 64-bit masks");
// Needles searched only when lifecycle events are asked for (SET `events` of needles.def).
constexpr bool event_needle[] = {
#define WLANCODE_NEEDLE(text, bucket, set, why) std::string_view(#set) == "events",
#include "grammar/needles.def"
};

constexpr bool same_folded(std::string_view s, std::size_t i, std::string_view n) noexcept {
  return i + n.size() <= s.size() && fold(s[i]) == fold(n[0]) && fold(s[i + 1]) == fold(n[1]) &&
         fold(s[i + 2]) == fold(n[2]);
}
// The first needle inside `text` (folded), or needle_count; event needles only when `events`.
constexpr std::size_t needle_in(std::string_view text, std::size_t* at = nullptr, bool events = false) noexcept {
  for (std::size_t i = 0; i + 3 <= text.size(); ++i)
    for (std::size_t k = 0; k < needle_count; ++k)
      if ((events || !event_needle[k]) && same_folded(text, i, needles[k])) {
        if (at) *at = i;
        return k;
      }
  return needle_count;
}
// The needles that start with each folded byte: one lookup per byte of a line.
constexpr std::array<std::uint64_t, 256> make_first_bytes() {
  std::array<std::uint64_t, 256> t{};
  for (std::size_t k = 0; k < needle_count; ++k)
    t[static_cast<unsigned char>(fold(needles[k][0]))] |= std::uint64_t{1} << k;
  return t;
}
constexpr auto first_bytes = make_first_bytes();

constexpr std::size_t needle_id(std::string_view n) noexcept {
  for (std::size_t k = 0; k < needle_count; ++k)
    if (needles[k] == n) return k;
  return needle_count;
}
const std::size_t n_reason = needle_id("aso"), n_status = needle_id("atu"), n_error = needle_id("rro"),
                  n_name = needle_id("_ce"), n_hex = needle_id("x00"), n_ssid = needle_id("d='"),
                  n_xml = needle_id("<ev"), n_clixml = needle_id("<ob"), n_logname = needle_id("me:"),
                  n_created = needle_id("mec"), n_escaped_lt = needle_id("lt;");

// ---- rules ---------------------------------------------------------------------------------
enum class syntax : std::uint8_t { num, after_mac, tail_paren, from_to, tail_bracket, quoted_text, hex };
constexpr unsigned F_SIGNED = 1, F_CLOSE = 2, F_NAME = 4, F_STA = 8, F_SHAPE = 16, F_NONZERO = 32, F_HEX = 64,
                   F_LIST = 128, F_LOCAL = 256, F_DIGIT = 512;
enum class target : std::uint8_t {
#define WLANCODE_FAMILY(id, ...) id,
#include "wlancode/tables/families.def"
  raw,
  ignore
};

struct rule {
  std::string_view id;
  input_format format;
  std::string_view anchor, key;
  syntax syn;
  target fam;
  std::string_view field, space;
  unsigned flags;
  std::size_t needle, needle_at;  // the first needle of the key, and its offset in the key
  std::uint64_t head, head_mask;  // the key's first 8 bytes (little-endian), for a one-load check
};

// Its first 8 bytes (little-endian) and which of them it has, for a one-load check.
struct head8 {
  std::uint64_t head = 0, mask = 0;
};
constexpr head8 head_of(std::string_view text) {
  head8 h;
  for (std::size_t i = 0; i < 8 && i < text.size(); ++i) {
    h.head |= std::uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
    h.mask |= std::uint64_t{0xFF} << (8 * i);
  }
  return h;
}

// The 8 bytes of s at `start` (zeros past its end), in one load where there are 8.
inline std::uint64_t load8(std::string_view s, std::size_t start) noexcept {
  std::uint64_t v = 0;
  if (start + 8 <= s.size())
    std::memcpy(&v, s.data() + start, 8);
  else
    std::memcpy(&v, s.data() + start, s.size() - start);
  return v;
}

// `text` past its first 8 bytes at s[start] (which holds at least text.size() bytes), 8 bytes at
// a time, the last load overlapping (a call to memcmp costs more than the compare for the few
// bytes anchors and keys have past their first 8).
inline bool rest_at(std::string_view s, std::size_t start, std::string_view text) noexcept {
  const char* a = s.data() + start;
  const char* t = text.data();
  for (std::size_t i = 8; i < text.size(); i += 8) {
    const std::size_t at = std::min(i, text.size() - 8);
    std::uint64_t x, y;
    std::memcpy(&x, a + at, 8);
    std::memcpy(&y, t + at, 8);
    if (x != y) return false;
  }
  return true;
}

// `text` at s[start], by its first 8 bytes first (most keys are no longer), then the rest.
inline bool text_at(std::string_view s, std::size_t start, std::string_view text, head8 h) noexcept {
  return start + text.size() <= s.size() && (load8(s, start) & h.mask) == h.head && rest_at(s, start, text);
}

constexpr rule make_rule(std::string_view id, input_format format, std::string_view anchor, std::string_view key,
                         syntax syn, target fam, std::string_view field, std::string_view space, unsigned flags) {
  std::size_t at = 0;
  std::size_t n = needle_in(key, &at);
  if (n == needle_count) throw "rules.def: a rule's key holds no needle of needles.def";
  // "aso" (every "reason") holds the most rules: a key that holds another needle after it
  // ("reason_code=", "reasonCode=") is found by that one, which fewer rows share.
  if (n == needle_id("aso")) {
    std::size_t later = 0;
    const std::size_t m = needle_in(key.substr(at + 1), &later);
    if (m != needle_count) {
      n = m;
      at += 1 + later;
    }
  }
  const head8 h = head_of(key);
  return {id, format, anchor, key, syn, fam, field, space, flags, n, at, h.head, h.mask};
}

constexpr rule rules[] = {
#define WLANCODE_RULE(id, format, anchor, key, syn, fam, field, space, flags) \
  make_rule(#id, input_format::format, anchor, key, syntax::syn, target::fam, field, space, flags),
#include "grammar/rules.def"
};
constexpr std::size_t rule_count = std::size(rules);

// What the rules loops look at first for every rule a hit may start (its needle's offset in the
// key, the key's size and first 8 bytes), packed apart from the rows: 24 bytes a rule, all of
// them in a few cache lines, where a row is some 150 bytes.
struct key_head {
  std::uint64_t head, mask;
  std::uint32_t needle_at, size;
};
constexpr auto key_heads = [] {
  std::array<key_head, rule_count> t{};
  for (std::size_t i = 0; i < rule_count; ++i)
    t[i] = {rules[i].head, rules[i].head_mask, static_cast<std::uint32_t>(rules[i].needle_at),
            static_cast<std::uint32_t>(rules[i].key.size())};
  return t;
}();
// Whether the text of `k` may be at the hit s[at] (by its first 8 bytes); `start`: where it begins.
inline bool head_at(std::string_view s, std::size_t at, const key_head& k, std::size_t& start) noexcept {
  if (at < k.needle_at) return false;
  start = at - k.needle_at;
  return start + k.size <= s.size() && (load8(s, start) & k.mask) == k.head;
}

// The rows of a table (code rules, event rows) whose text holds each needle first, so a hit
// tries only those.
template <std::size_t N>
struct by_needle_t {
  static_assert(N <= 0xFFFF);
  std::array<std::array<std::uint16_t, N>, needle_count> index{};
  std::array<std::uint16_t, needle_count> count{};
};
template <class Row, std::size_t N>
constexpr by_needle_t<N> index_by_needle(const Row (&rows)[N]) {
  by_needle_t<N> t;
  for (std::size_t i = 0; i < N; ++i) {
    const std::size_t n = rows[i].needle;
    t.index[n][t.count[n]++] = static_cast<std::uint16_t>(i);
  }
  return t;
}
// A needle's rows are tried in pages of 64, a page one 64-bit mask of the filter below: however
// many rows share a needle ("aso" of every "reason" key), a row is one more line of rules.def.
constexpr std::size_t page_rows = 64;
template <std::size_t N>
constexpr std::size_t pages_of(const by_needle_t<N>& by) {
  std::size_t p = 0;
  for (std::size_t n = 0; n < needle_count; ++n) p += (by.count[n] + page_rows - 1) / page_rows;
  return p;
}
constexpr auto rules_by_needle = index_by_needle(rules);

// For each needle, by the bytes 3 and 4 places past its first: which of its rows (bits in
// by_needle order) may hold their text there. A frequent needle ("aso" of every "reason", "atu"
// of every "status", "-> " of every state change) has many rows; the two bytes after it tell most
// of them apart ("reason=", "reason: ", "reason_code", "reasonCode"), and most of its hits are
// followed by bytes none of their texts has. One filter for the code rules' keys, one for the
// event rows' anchors.
template <std::size_t Pages>
struct bytes_ahead_filter {
  std::array<std::array<std::uint64_t, 256>, Pages> next{}, after{};
  std::array<std::uint64_t, Pages> all{};                          // every row of the page
  std::array<std::array<std::uint16_t, page_rows>, Pages> row{};   // the table row of each bit
  std::array<std::array<std::uint16_t, 2>, needle_count> pages{};  // needle n's pages: [first, end)
  // The rows of page p that may have their text at a hit at s[hit] (bit i: row[p][i]).
  constexpr std::uint64_t at(std::size_t p, std::string_view s, std::size_t hit) const noexcept {
    return (hit + 3 < s.size() ? next[p][static_cast<unsigned char>(s[hit + 3])] : all[p]) &
           (hit + 4 < s.size() ? after[p][static_cast<unsigned char>(s[hit + 4])] : all[p]);
  }
};
template <std::size_t Pages, class Row, std::size_t N, std::size_t M>
constexpr bytes_ahead_filter<Pages> filter_bytes_ahead(const Row (&rows)[N], const by_needle_t<M>& by,
                                                       std::string_view Row::*text) {
  bytes_ahead_filter<Pages> f;
  std::size_t page = 0;
  for (std::size_t n = 0; n < needle_count; ++n) {
    const std::size_t end = page + (by.count[n] + page_rows - 1) / page_rows;
    f.pages[n] = {static_cast<std::uint16_t>(page), static_cast<std::uint16_t>(end)};
    for (std::size_t ri = 0; ri < by.count[n]; ++ri) {
      const std::size_t p = page + ri / page_rows;
      const Row& r = rows[by.index[n][ri]];
      const std::string_view t = r.*text;
      const auto bit = std::uint64_t{1} << (ri % page_rows);
      f.all[p] |= bit;
      f.row[p][ri % page_rows] = by.index[n][ri];
      for (std::size_t b = 0; b < 256; ++b) {
        if (r.needle_at + 3 >= t.size() || static_cast<unsigned char>(t[r.needle_at + 3]) == b) f.next[p][b] |= bit;
        if (r.needle_at + 4 >= t.size() || static_cast<unsigned char>(t[r.needle_at + 4]) == b) f.after[p][b] |= bit;
      }
    }
    page = end;
  }
  return f;
}
constexpr auto rules_filter = filter_bytes_ahead<pages_of(rules_by_needle)>(rules, rules_by_needle, &rule::key);

// A needle with more rows than a page holds: the rows past the first 64 are on its second page,
// each found there by its own bytes (a table of 70 rows "aso" + two letters, checked here).
namespace page_check {
struct row {
  std::string_view text;
  std::size_t needle, needle_at;
};
constexpr std::size_t n_rows = 70;
constexpr auto texts = [] {
  std::array<std::array<char, 5>, n_rows> t{};
  for (std::size_t i = 0; i < n_rows; ++i) t[i] = {'a', 's', 'o', char('a' + i / 26), char('a' + i % 26)};
  return t;
}();
constexpr auto make_rows() {
  struct table {
    row r[n_rows];
  } t{};
  for (std::size_t i = 0; i < n_rows; ++i) t.r[i] = {std::string_view(texts[i].data(), 5), needle_id("aso"), 0};
  return t;
}
constexpr auto table = make_rows();
constexpr auto by = index_by_needle(table.r);
constexpr auto filter = filter_bytes_ahead<pages_of(by)>(table.r, by, &row::text);
constexpr std::size_t first = filter.pages[needle_id("aso")][0];
static_assert(pages_of(by) == 2 && filter.pages[needle_id("aso")][1] == first + 2);
static_assert(filter.at(first + 1, std::string_view(texts[66].data(), 5), 0) == std::uint64_t{1} << 2);
static_assert(filter.row[first + 1][2] == 66);
static_assert(filter.at(first, std::string_view(texts[66].data(), 5), 0) == 0);
static_assert(filter.at(first, std::string_view(texts[3].data(), 5), 0) == std::uint64_t{1} << 3);
}  // namespace page_check

// ---- lifecycle event rows (WLANCODE_EVENT of rules.def) ------------------------------------
// E_STA: the line's first MAC is the station an access point reports on (wlceventd's "Assoc <mac>",
// MikroTik's "<mac>@wlan1: connected"), with no label that says so. E_WIFI: the line names a Wi-Fi
// interface (interface_of: wl*, phyN-*), for producers that print the same for wired ones (dhcpcd).
// E_MAC: a MAC's first octet follows the anchor (mwifiex's "disconnected from <bssid>", not the first line of a
// Windows 8003 message, "... successfully disconnected from a wireless network.").
// E_NOWIRED: the line's first parenthesis holds no wired interface, "(en" + a word with a digit
// (systemd's predictable Ethernet names enp9s0, eno1, ens33, enx00e04c680001): NetworkManager's
// device lines are the same for its wired devices.
constexpr unsigned E_END = 1, E_WORD = 2, E_STA = 4, E_WIFI = 8, E_MAC = 16, E_NOWIRED = 32;
struct event_rule {
  std::string_view id;
  input_format format;
  std::string_view anchor, also;
  event_kind kind;
  unsigned flags;
  std::size_t needle, needle_at;
  head8 head;  // of the anchor
};
constexpr event_rule make_event_rule(std::string_view id, input_format format, std::string_view anchor,
                                     std::string_view also, event_kind kind, unsigned flags) {
  std::size_t at = 0;
  const std::size_t n = needle_in(anchor, &at, true);
  if (n == needle_count) throw "rules.def: an event row's anchor holds no needle of needles.def";
  return {id, format, anchor, also, kind, flags, n, at, head_of(anchor)};
}
constexpr event_rule event_rules[] = {
#define WLANCODE_EVENT(id, format, anchor, also, kind, flags) \
  make_event_rule(#id, input_format::format, anchor, also, event_kind::kind, flags),
#include "grammar/rules.def"
};
constexpr std::size_t event_rule_count = std::size(event_rules);
// The event rows' anchors, packed as key_heads are (the first look of the event loops).
constexpr auto event_heads = [] {
  std::array<key_head, event_rule_count> t{};
  for (std::size_t i = 0; i < event_rule_count; ++i)
    t[i] = {event_rules[i].head.head, event_rules[i].head.mask, static_cast<std::uint32_t>(event_rules[i].needle_at),
            static_cast<std::uint32_t>(event_rules[i].anchor.size())};
  return t;
}();
constexpr auto event_rules_by_needle = index_by_needle(event_rules);

constexpr auto event_rows_filter =
    filter_bytes_ahead<pages_of(event_rules_by_needle)>(event_rules, event_rules_by_needle, &event_rule::anchor);

std::string_view interface_of(std::string_view s);

// Whether the line's first parenthesis holds a wired interface, "(enp9s0)", "(eno1)" (E_NOWIRED:
// NetworkManager prints its device first, "device (enp9s0): ...", "dhcp4 (eno1): ...").
inline bool names_wired(std::string_view s) noexcept {
  const std::size_t i = s.find('(');
  if (i == std::string_view::npos || i + 4 >= s.size() || s[i + 1] != 'e' || s[i + 2] != 'n') return false;
  std::size_t e = i + 3;
  bool digit = false;
  while (e < s.size() && e - i <= 17 && (is_alnum(s[e]) || s[e] == '_')) digit |= is_digit(s[e++]);
  return e < s.size() && s[e] == ')' && digit;
}

// Whether the event row's anchor is at s[start] (and what else the row asks of the line).
inline bool event_at(std::string_view line, std::size_t start, const event_rule& r) noexcept {
  if (!text_at(line, start, r.anchor, r.head)) return false;
  if ((r.flags & E_WORD) && start > 0 && is_alnum(line[start - 1])) return false;  // "disconnected with"
  if (r.flags & E_END) {
    for (std::size_t i = start + r.anchor.size(); i < line.size(); ++i)
      if (line[i] != ' ' && line[i] != '\t') return false;
  }
  if (r.flags & E_MAC) {  // "02:00:..." (the MAC may be followed by ": reason code 3")
    const std::size_t m = start + r.anchor.size();
    if (m + 3 > line.size() || !is_hex(line[m]) || !is_hex(line[m + 1]) || (line[m + 2] != ':' && line[m + 2] != '-'))
      return false;
  }
  if (!r.also.empty() && !contains(line, r.also)) return false;
  if ((r.flags & E_NOWIRED) && names_wired(line)) return false;
  return !(r.flags & E_WIFI) || !interface_of(line).empty();
}

constexpr bool rule_ids_unique() {
  for (std::size_t i = 0; i < rule_count; ++i)
    for (std::size_t j = i + 1; j < rule_count; ++j)
      if (rules[i].id == rules[j].id) return false;
  return true;
}
static_assert(rule_ids_unique(), "rules.def: two rules share an id");

// ---- generic keys ----------------------------------------------------------------------------
enum class key_class : std::uint8_t { reason, status, signed_reason, ieee_status, dot11, wlan, wps, esp };
struct key_row {
  std::string_view key;
  key_class cls;
};
constexpr key_row keys[] = {
#define WLANCODE_KEY(key, cls) {key, key_class::cls},
#include "grammar/keys.def"
};
constexpr bool keys_hold_needles() {
  for (const key_row& k : keys)
    if (needle_in(k.key) == needle_count) return false;
  return true;
}
static_assert(keys_hold_needles(), "keys.def: a key holds no needle of needles.def");

// Every family's name prefix holds a needle, so that symbolic names are found.
constexpr std::string_view name_prefixes[] = {
#define WLANCODE_FAMILY(id, type, prefix, ...) prefix,
#include "wlancode/tables/families.def"
};
constexpr bool prefixes_hold_needles() {
  for (std::string_view p : name_prefixes)
    if (needle_in(p) == needle_count) return false;
  return true;
}

// Whether the line holds a rule's anchor, each anchor searched at most once per line (several
// rules share one: CTRL-EVENT-DISCONNECTED, wlceventd, [Microsoft-Windows-NWiFi] ...).
struct anchor_memo {
  explicit anchor_memo(std::string_view l) : line(l) {}
  std::string_view line;
  std::array<const char*, 16> seen;  // [0, n) only: not cleared for every line
  std::array<bool, 16> found;
  std::size_t n = 0;
  bool has(std::string_view anchor) {
    if (anchor.empty()) return true;
    for (std::size_t i = 0; i < n; ++i)
      if (seen[i] == anchor.data()) return found[i];
    const bool f = contains(line, anchor);
    if (n < seen.size()) {
      seen[n] = anchor.data();
      found[n++] = f;
    }
    return f;
  }
};

// The marker groups of the line being read, each found once and only when a rule needs it.
struct line_marks {
  std::string_view line;
  unsigned known = 0, present = 0;
  bool has(marker_group g) {
    const unsigned bit = 1u << static_cast<unsigned>(g);
    if (!(known & bit)) {
      known |= bit;
      if (has_marker(line, g)) present |= bit;
    }
    return present & bit;
  }
};

// A key as normalised for comparison (lower case, no '_'), in a fixed buffer.
struct key_text {
  char buf[48];
  std::size_t n = 0;
  void add(char c) {
    if (n < sizeof buf) buf[n++] = c;
  }
  void append(std::string_view s) {
    for (char c : s) add(c);
  }
  std::string_view view() const { return {buf, n}; }
};

// ---- one line's state ------------------------------------------------------------------------
constexpr std::size_t max_hits = 64;
constexpr std::size_t max_scan = 4096;  // bytes of a line the rules look at

struct span {
  std::size_t begin, end;
};

// A value read at a key.
struct value {
  std::size_t begin = 0, end = 0;  // the token
  std::size_t past = 0;            // end of what the value claims (closer, name)
  std::string_view token, text;    // text: a name after '=' or " - ", or the reason text before (N)
  bool negative = false;
};

// Past a D-Bus/GVariant integer type word at s[p] ("int32 ", "uint32 " ...), or p.
std::size_t after_gvariant_type(std::string_view s, std::size_t p) {
  for (std::string_view t : {"int32 ", "uint32 ", "int16 ", "uint16 ", "int64 ", "uint64 ", "byte "})
    if (s.substr(p, t.size()) == t) {
      p += t.size();
      while (p < s.size() && s[p] == ' ') ++p;
      return p;
    }
  return p;
}

// A line that holds only a quoted D-Bus key: dbus-monitor `string "DisconnectReason"`, busctl
// monitor `STRING "DisconnectReason";`. L: the key's start; e: past its closing quote.
bool dbus_key_line(std::string_view s, std::size_t L, std::size_t e) {
  if (L < 8 || (s.substr(L - 8, 8) != "string \"" && s.substr(L - 8, 8) != "STRING \"")) return false;
  if (!trim(s.substr(0, L - 8)).empty()) return false;
  const std::string_view rest = trim(s.substr(e));
  return rest.empty() || rest == ";";
}

// The number at s[p] after optional spaces and one opener ( " ' <; its closer must follow.
// list: the number may be followed by "," and the next field of a positional list ("2,0)"),
// which number_ends_at refuses ("1,234" is one number elsewhere).
bool read_number(std::string_view s, std::size_t p, bool sign, bool need_close, bool name, value& v,
                 bool list = false) {
  std::size_t i = p;
  for (int k = 0; k < 4 && i < s.size() && (s[i] == ' ' || s[i] == '\t'); ++k) ++i;
  char closer = 0;
  if (i < s.size() && (s[i] == '(' || s[i] == '"' || s[i] == '\'' || s[i] == '<')) {
    closer = s[i] == '(' ? ')' : s[i] == '<' ? '>' : s[i];
    ++i;
    if (closer == '>') i = after_gvariant_type(s, i);  // GVariant text: <-3>, <int32 -3>
  }
  const std::size_t len = number_at(s, i, sign);
  if (len == 0) return false;
  v.begin = i;
  v.end = i + len;
  v.token = s.substr(i, len);
  v.negative = s[i] == '-';
  std::size_t e = v.end;
  if (closer) {
    if (e >= s.size() || s[e] != closer) return false;
    ++e;
  }
  if (need_close && !closer) {
    if (e >= s.size() || s[e] != ')') return false;
    ++e;
  }
  if (e < s.size() && s[e] == '=' && name) {  // mac80211: (Reason: 3=DEAUTH_LEAVING)
    std::size_t k = e + 1;
    while (k < s.size() && (is_word(s[k]) || s[k] == '<' || s[k] == '>')) ++k;
    v.text = s.substr(e + 1, k - e - 1);
    e = k;
  } else if (!number_ends_at(s, e) && !(list && s[e] == ',')) {
    return false;
  } else if (name && s.substr(e, 3) == " - ") {  // Arduino-ESP32: Reason: 202 - AUTH_FAIL
    std::size_t k = e + 3;
    while (k < s.size() && is_word(s[k])) ++k;
    if (k > e + 3) v.text = s.substr(e + 3, k - e - 3);
    e = k;
  }
  v.past = e;
  return true;
}

// hex (with F_HEX): at most 4 hexadecimal digits without their 0x at s[p] (spaces allowed before),
// as Realtek's rtllib prints its reason with %x: "received disassoc/deauth(c0) frame, reason code:f".
bool read_bare_hex(std::string_view s, std::size_t p, value& v) {
  std::size_t i = p;
  for (int k = 0; k < 4 && i < s.size() && (s[i] == ' ' || s[i] == '\t'); ++k) ++i;
  std::size_t e = i;
  while (e < s.size() && e - i < 4 && is_hex(s[e])) ++e;
  if (e == i || !number_ends_at(s, e)) return false;
  v.begin = i;
  v.end = e;
  v.token = s.substr(i, e - i);
  v.negative = false;
  v.past = e;
  return true;
}

// A reason text ending in (N) at s[p]: "Class 2 frame received from nonauthenticated station (6)".
// digit_start: the text may start with a digit, the number still decimal (ESP-IDF's blob:
// "wifi:reason: 4-way handshake timeout(15)").
bool read_tail_paren(std::string_view s, std::size_t p, value& v, bool bare_hex = false, bool digit_start = false) {
  std::size_t i = p;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size() || !(is_alpha(s[i]) || ((bare_hex || digit_start) && is_digit(s[i]))))
    return false;  // "4-way handshake ..."
  const std::size_t limit = std::min(s.size(), i + 240);
  for (std::size_t k = s.find('(', i); k != std::string_view::npos && k < limit; k = s.find('(', k + 1)) {
    std::size_t len = bare_hex ? 0 : number_at(s, k + 1);  // bare_hex: "(f)" is 15 (Broadcom wlceventd)
    while (bare_hex && len < 5 && k + 1 + len < s.size() && is_hex(s[k + 1 + len])) ++len;
    // Decimal up to 5 digits, or hex up to 0xFFFFFFFF: "Explicit Eap failure received (0x50005)"
    const bool hex = s.size() > k + 2 && s[k + 1] == '0' && (s[k + 2] == 'x' || s[k + 2] == 'X');
    if (len == 0 || len > (hex ? 10u : 5u) || k + 1 + len >= s.size() || s[k + 1 + len] != ')') continue;
    const std::size_t e = k + 2 + len;
    if (e < s.size() && s[e] != ',' && s[e] != ';' && s[e] != ' ' && s[e] != '\t') continue;
    v.begin = k + 1;
    v.end = k + 1 + len;
    v.past = e;
    v.token = s.substr(v.begin, len);
    v.text = trim(s.substr(i, k - i));
    return true;
  }
  return false;
}

// The reason texts producers print instead of their numbers (grammar/reason_texts.def), by table.
// A row names its code by the table's enumerator; the token (the finding's raw) is its value in
// decimal, written here at compile time.
struct reason_text {
  std::string_view table, text;
  std::array<char, 10> digits{};
  std::uint8_t ndigits = 0;
  constexpr std::string_view token() const { return {digits.data(), ndigits}; }
};
template <typename E>
constexpr reason_text make_reason_text(std::string_view table, std::string_view text, E code) {
  reason_text t{table, text};
  std::uint32_t v = static_cast<std::uint32_t>(code);
  std::array<char, 10> rev{};
  do {
    rev[t.ndigits++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  for (std::uint8_t i = 0; i < t.ndigits; ++i) t.digits[i] = rev[t.ndigits - 1 - i];
  return t;
}
constexpr reason_text reason_texts[] = {
#define WLANCODE_REASON_TEXT(table, text, fam, name) make_reason_text(#table, text, wlancode::fam::name),
#include "grammar/reason_texts.def"
};

// A quoted reason text that the table `table` lists, its opening quote the key's last byte
// s[p - 1]: ESPHome's reason='Auth Expired'.
bool read_quoted_text(std::string_view s, std::size_t p, std::string_view table, value& v) {
  if (p == 0 || p > s.size() || (s[p - 1] != '\'' && s[p - 1] != '"')) return false;
  const std::size_t e = s.find(s[p - 1], p);
  if (e == std::string_view::npos || e - p > 64) return false;
  const std::string_view text = s.substr(p, e - p);
  for (const reason_text& t : reason_texts)
    if (t.table == table && t.text == text) {
      v.begin = p;
      v.end = e;
      v.past = e + 1;
      v.token = t.token();
      v.text = text;
      return true;
    }
  return false;
}

// An ESP-IDF reason's name without its WIFI_REASON_ prefix at s[p], as Arduino-ESP32's
// WiFi.disconnectReasonName() and apps' own tables print it: "WiFi disconnected
// (reason=ASSOC_LEAVE)", "STA_DISCONNECTED, reason: NO_AP_FOUND", "reason: 4WAY_HANDSHAKE_TIMEOUT".
// The code, and in `e` where the name ends; only a name with an underscore that ESP-IDF has.
[[gnu::noinline]] const code_info* esp_reason_name_at(std::string_view s, std::size_t p, std::size_t& e) {
  if (p >= s.size() || s[p] == '_' || !is_upper_word(s[p])) return nullptr;
  constexpr std::string_view prefix = "WIFI_REASON_";
  char name[prefix.size() + 40];
  std::memcpy(name, prefix.data(), prefix.size());
  bool underscore = false;
  std::size_t k = p;
  for (; k < s.size() && is_upper_word(s[k]); ++k) {
    if (k - p == 40) return nullptr;
    underscore |= s[k] == '_';
    name[prefix.size() + k - p] = s[k];
  }
  if (!underscore || k - p < 6 || (k < s.size() && is_alnum(s[k]))) return nullptr;
  e = k;
  return find(family::esp_wifi_reason, std::string_view(name, prefix.size() + k - p));
}

// A value below 1000 in decimal, written into `buf`.
std::string_view decimal3(std::uint32_t v, char (&buf)[4]) noexcept {
  std::size_t n = 0;
  if (v >= 100) buf[n++] = static_cast<char>('0' + v / 100);
  if (v >= 10) buf[n++] = static_cast<char>('0' + v / 10 % 10);
  buf[n++] = static_cast<char>('0' + v % 10);
  return {buf, n};
}

// A reason text ending the line in [N] at s[p] (Realtek rtl8192cd: "Reason: 4-Way Handshake
// timeout[15]"). The text may start with a digit; nothing but blanks may follow the ']'.
bool read_tail_bracket(std::string_view s, std::size_t p, value& v) {
  std::size_t i = p;
  while (i < s.size() && s[i] == ' ') ++i;
  std::size_t e = s.size();
  while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  if (e < i + 4 || s[e - 1] != ']' || e - i > 240) return false;
  std::size_t k = e - 1;
  while (k > i && is_digit(s[k - 1])) --k;
  const std::size_t len = e - 1 - k;
  if (len == 0 || len > 5 || k == i || s[k - 1] != '[') return false;
  const std::string_view text = trim(s.substr(i, k - 1 - i));
  if (text.empty()) return false;
  v.begin = k;
  v.end = k + len;
  v.past = e;
  v.token = s.substr(k, len);
  v.text = text;
  return true;
}

bool read_after_mac(std::string_view s, std::size_t p, value& v) {
  if (!is_mac_at(s, p) || s.substr(p + 17, 2) != ", ") return false;
  return read_number(s, p + 19, false, true, false, v);
}

// An update "from M to N" or "to N" at s[p] (ChromeOS shill: "DisconnectReason from 0 to 3"):
// the new value N; M, the one before, is not a finding.
bool read_from_to(std::string_view s, std::size_t p, bool sign, value& v) {
  std::size_t i = p;
  while (i < s.size() && s[i] == ' ') ++i;
  if (s.substr(i, 5) == "from ") {
    const std::size_t len = number_at(s, i + 5, true);
    if (len == 0) return false;
    i += 5 + len;
    if (s.substr(i, 4) != " to ") return false;
    i += 4;
  } else if (s.substr(i, 3) == "to ") {
    i += 3;
  } else {
    return false;
  }
  return read_number(s, i, sign, false, false, v);
}

// The spans of a line that rules took (no heap: a line holds a few).
struct claims {
  std::array<span, max_hits> spans;
  std::size_t n = 0;
  void push_back(span s) {
    if (n < spans.size()) spans[n++] = s;
  }
};
bool overlaps(const claims& claimed, std::size_t b, std::size_t e) {
  for (std::size_t i = 0; i < claimed.n; ++i)
    if (b < claimed.spans[i].end && claimed.spans[i].begin < e) return true;
  return false;
}

std::optional<std::uint32_t> value_of(std::string_view token) {
  const parse_result p = parse_number(token);
  if (!p.number) return std::nullopt;
  return p.number->negative ? static_cast<std::uint32_t>(p.number->magnitude) : p.number->value;
}

// In one of the family's ranges (WLAN_REASON_CODE: 0x0002xxxx...), listed or not.
bool in_family_shape(family f, std::uint32_t v) { return classify(f, v).range != nullptr; }

// The value of "key=", "key: ", "key " context fields such as bssid=.
std::string_view context_value(std::string_view s, std::string_view key) {
  std::size_t k = 0;
  while ((k = s.find(key, k)) != std::string_view::npos) {
    if (k == 0 || !is_word(s[k - 1])) {
      std::size_t b = k + key.size();
      if (b < s.size() && (s[b] == '"' || s[b] == '\'')) ++b;
      std::size_t e = b;
      while (e < s.size() && s[e] != ' ' && s[e] != ',' && s[e] != '"' && s[e] != '\'' && s[e] != ')' && s[e] != '\t')
        ++e;
      return s.substr(b, e - b);
    }
    k += key.size();
  }
  return {};
}

// The interface: "wlan0: ..." style token ending with ':' or inside "device (wlp2s0)", if="wl1";
// OpenWrt's names ("phy0-sta0", "phy1-ap0", "phy0-mesh0") too.
std::string_view interface_of(std::string_view s) {
  const auto token_at = [&](std::size_t i, std::size_t from) -> std::string_view {
    if (i != 0 && s[i - 1] != ' ' && s[i - 1] != '(' && s[i - 1] != ',' && s[i - 1] != '[' && s[i - 1] != '"')
      return {};
    std::size_t e = from;
    while (e < s.size() && (is_alnum(s[e]) || s[e] == '-' || s[e] == '_' || s[e] == '.')) ++e;
    if (e < s.size() && (s[e] == ':' || s[e] == ')' || s[e] == ']' || s[e] == '"') && e - i >= 3 && e - i <= 15 &&
        is_digit(s[e - 1]))
      return s.substr(i, e - i);
    return {};
  };
  for (std::size_t i = s.find("wl"); i != std::string_view::npos && i + 3 < s.size(); i = s.find("wl", i + 1))
    if (const std::string_view t = token_at(i, i + 2); !t.empty()) return t;
  for (std::size_t i = s.find("phy"); i != std::string_view::npos && i + 7 < s.size(); i = s.find("phy", i + 1)) {
    std::size_t d = i + 3;  // phy<N>-<kind><N>
    while (d < s.size() && is_digit(s[d])) ++d;
    if (d == i + 3 || d + 1 >= s.size() || s[d] != '-' || !is_alpha(s[d + 1])) continue;
    if (const std::string_view t = token_at(i, d + 1); !t.empty()) return t;
  }
  // wpa_supplicant's global control interface names the interface of each event before it:
  // "IFNAME=wlan0 <3>CTRL-EVENT-CONNECTED ..." (wpa_cli, Android's WifiMonitor "Event [IFNAME=wlan0 ...]").
  if (const std::size_t k = s.find("IFNAME="); k != std::string_view::npos) {
    std::size_t e = k + 7;
    while (e < s.size() && (is_alnum(s[e]) || s[e] == '-' || s[e] == '_' || s[e] == '.')) ++e;
    if (e < s.size() && (s[e] == ' ' || s[e] == ']') && e - k - 7 >= 2 && e - k - 7 <= 15 && is_alpha(s[k + 7]))
      return s.substr(k + 7, e - k - 7);
  }
  return {};
}

// The interface a producer prints before its message, "<ifname>: <message>" (mac80211's
// sdata_info, wpa_supplicant's wpa_msg, hostapd's "<ifname>: STA <mac> ..."), for names
// interface_of does not know (wlancli, phy0-sta0, eth1, mlan0): the word that ends right before
// s[at] with ": " (or whose ": " starts at s[at], as the kernel rows' anchors do; at most 15
// bytes: IFNAMSIZ), after a blank, a ']' or the line's start.
std::string_view interface_before(std::string_view s, std::size_t at) {
  if (at > s.size()) return {};
  std::size_t e;
  if (s.substr(at, 2) == ": ")
    e = at;
  else if (at >= 2 && s.substr(at - 2, 2) == ": ")
    e = at - 2;
  else
    return {};
  std::size_t b = e;
  while (b > 0 && (is_alnum(s[b - 1]) || s[b - 1] == '-' || s[b - 1] == '_' || s[b - 1] == '.')) --b;
  if (b == e || e - b > 15 || (b > 0 && s[b - 1] != ' ' && s[b - 1] != ']') || !is_alnum(s[e - 1])) return {};
  const std::string_view w = s.substr(b, e - b);
  if (std::none_of(w.begin(), w.end(), [](char c) { return is_alpha(c); })) return {};
  return w;
}

// The interface of a "<ifname>: <message>" line (mac80211, wpa_supplicant, hostapd): the first
// word of the message, after a syslog header's program tag ("wpa_supplicant[812]: ",
// "kernel: ", "hostapd: "; OpenBSD's and NetBSD's syslogd name the kernel by its file, "/bsd: ",
// "/netbsd: ") and a kernel stamp ("[ 812.121877] "), when a ": " ends it.
std::string_view message_interface(std::string_view s) {
  std::size_t p = 0;
  const std::string_view head = s.substr(0, std::min<std::size_t>(s.size(), 96));
  for (std::string_view tag : {"]: ", "kernel: ", "hostapd: ", "/bsd: ", "/netbsd: "})
    if (const std::size_t k = head.find(tag); k != std::string_view::npos) {
      p = k + tag.size();
      break;
    }
  if (p < s.size() && s[p] == '[') {  // "[ 812.121877] "
    const std::size_t close = s.find("] ", p);
    if (close == std::string_view::npos || close - p > 20) return {};
    p = close + 2;
  }
  std::size_t e = p;
  while (e < s.size() && e - p <= 15 && (is_alnum(s[e]) || s[e] == '-' || s[e] == '_' || s[e] == '.')) ++e;
  return interface_before(s, e);
}

// Arduino-ESP32's "STA Connected: SSID: <ssid>, BSSID: <mac>, ..." / "STA Disconnected: SSID:
// <ssid>, BSSID: ..." (WiFiGeneric.cpp): the SSID, which may hold blanks, up to ", BSSID: ".
std::string_view ssid_before_bssid(std::string_view s) {
  const std::size_t k = s.find("SSID: ");
  if (k == std::string_view::npos || (k > 0 && is_word(s[k - 1]))) return {};
  const std::size_t b = k + 6, e = s.find(", BSSID: ", b);
  if (e == std::string_view::npos || e == b || e - b > 32) return {};
  return s.substr(b, e - b);
}

// NetworkManager's own stamp, "<info>  [1665432629.5810] ..." (epoch seconds, nm-logging.c), for
// its lines without a syslog or journal stamp before them (journalctl -o cat, a pasted excerpt).
std::string_view networkmanager_stamp(std::string_view s) {
  for (std::string_view level : {"<info>", "<warn>", "<debug>", "<trace>", "<error>"}) {
    const std::size_t k = s.find(level);
    if (k == std::string_view::npos) continue;
    std::size_t b = k + level.size();
    while (b < s.size() && s[b] == ' ') ++b;
    if (b >= s.size() || s[b] != '[') return {};
    std::size_t e = b + 1, digits = 0;
    while (e < s.size() && (is_digit(s[e]) || s[e] == '.') && e - b < 24) digits += is_digit(s[e++]);
    if (e >= s.size() || s[e] != ']' || digits < 10 || s.substr(b + 1, e - b - 1).find('.') == std::string_view::npos)
      return {};
    return s.substr(b, e - b + 1);
  }
  return {};
}

// The SSID a line prints quoted after its label: wpa_supplicant's ssid="Corp" (CTRL-EVENT-SSID-*),
// SSID='Corp' and "with SSID 'Corp'" (no BSSID to learn it by). At most 32 bytes, or none. Read
// from the line's quotes (few on a line; found by memchr).
std::string_view quoted_ssid(std::string_view s) {
  const auto label_before = [&](std::size_t q) {  // the quote at s[q] opens a labelled SSID
    if (q < 5 || (s[q - 1] != '=' && s[q - 1] != ' ')) return false;
    const std::string_view w = s.substr(q - 5, 4);
    if (w != (s[q] == '"' ? "ssid" : "SSID")) return false;
    return q == 5 || !is_word(s[q - 6]);
  };
  for (const char quote : {'"', '\''}) {
    for (std::size_t q = s.find(quote); q != std::string_view::npos; q = s.find(quote, q + 1)) {
      if (!label_before(q)) continue;
      const std::size_t e = s.find(quote, q + 1);
      if (e == std::string_view::npos || e == q + 1 || e - q - 1 > 32) return {};
      return s.substr(q + 1, e - q - 1);
    }
  }
  return {};
}

}  // namespace

static_assert(prefixes_hold_needles(), "families.def: a family's name prefix holds no needle of needles.def");

rule_engine::rule_engine(input_format only, bool events) : only_(only), events_on_(events) {}

bool rule_engine::use(input_format producer) const noexcept {
  if (only_ == input_format::automatic || only_ == producer) return true;
  if (only_ == input_format::linux_log) return format_is_linux(producer);
  return false;
}

void ssid_lru::learn(std::uint64_t key, std::string_view ssid) {
  if (const auto it = index_.find(key); it != index_.end()) {
    order_.splice(order_.begin(), order_, it->second);
    if (it->second->ssid != ssid) it->second->ssid.assign(ssid);
    return;
  }
  if (index_.size() >= capacity) {
    index_.erase(order_.back().key);
    order_.pop_back();
  }
  order_.push_front({key, std::string(ssid)});
  index_.emplace(key, order_.begin());
}

const std::string* ssid_lru::find(std::uint64_t key) const {
  const auto it = index_.find(key);
  return it == index_.end() ? nullptr : &it->second->ssid;
}

// "Trying to associate with <bssid> (SSID='<ssid>' freq=...)", hit at "d='": remember the SSID.
void rule_engine::learn_ssid(std::string_view s, std::size_t hit, std::uint64_t line) {
  const std::size_t q = hit >= 4 ? hit - 4 : 0;  // at "(SSID='": the hit is its D
  if (q < 24 || s.substr(q, 7) != "(SSID='" || s[q - 1] != ' ' || !is_mac_at(s, q - 18) ||
      s.substr(q - 24, 6) != " with ")
    return;
  const std::size_t e = s.find("' ", q + 7);
  if (e == std::string_view::npos || e - (q + 7) > 32) return;
  const std::uint64_t key = mac_key(s.substr(q - 18, 17));
  const std::string_view ssid = s.substr(q + 7, e - (q + 7));
  if (!events_) {
    ssids_.learn(key, ssid);
    return;
  }
  // The same learn twice in a row (the prefilter's hit, then the line's rules) changes nothing.
  if (!events_->empty() && events_->back().key == key && events_->back().ssid == ssid) return;
  events_->push_back({line, key, std::string(ssid)});
  if (events_->size() >= 2 * ssid_lru::capacity) compact_learns(*events_);
}

// Learns with no lookup between them leave the LRU as their last `capacity` distinct keys, in
// the order of their last learn: only those are kept (the pipeline passes the learns on before
// each finding, so the ones recorded are all before the next lookup).
void compact_learns(std::vector<ssid_event>& events) {
  std::unordered_map<std::uint64_t, std::size_t> last;
  for (std::size_t i = 0; i < events.size(); ++i) last[events[i].key] = i;
  std::vector<ssid_event> kept;
  std::size_t distinct = 0;
  for (std::size_t i = events.size(); i-- > 0 && distinct < ssid_lru::capacity;)
    if (last[events[i].key] == i) {
      kept.push_back(std::move(events[i]));
      ++distinct;
    }
  std::reverse(kept.begin(), kept.end());
  events.swap(kept);
}

namespace {
// A byte that publishing puts where a quote, blank or arrow was: '&' of "&quot;", the backslash
// of a JSON string's escaped quote, '#' of rsyslog's "#011", a UTF-8 lead byte of a typographic
// quote or no-break space. The line is then undone (published_text.hpp) and read: here it may
// hold a value.
constexpr bool published_escape(char c) noexcept {
  return c == '&' || c == '\\' || c == '#' || static_cast<unsigned char>(c) >= 0xC2;
}

// After a generic key word ending at s[p]: could a value follow (key=N, key: N, key "N",
// key(N), key -> N, key variant int32 N, or key: <text> (N) before the line ends)?
bool value_may_follow(std::string_view s, std::size_t p) {
  while (p < s.size() && is_word(s[p])) ++p;  // the rest of a compound: reasonCode, status_code
  if (p + 5 <= s.size() && s[p] == ' ' && iequals(s.substr(p + 1, 4), "code")) p += 5;
  if (p < s.size() && published_escape(s[p])) return true;
  if (p < s.size() && (s[p] == '"' || s[p] == '\'')) {
    ++p;
    // A D-Bus dump's key line ("DisconnectReason" or "...";): the value is on the next lines.
    std::size_t e = p;
    while (e < s.size() && (s[e] == ' ' || s[e] == ';' || s[e] == '\r')) ++e;
    if (e >= s.size() || s[e] == '\n') return true;
    // A quoted word among others (apparmor="STATUS" operation=...), but D-Bus's "Key" variant int32 N.
    if (e < s.size() && is_alpha(s[e]) && s.substr(e, 7) != "variant") return false;
  }
  for (int k = 0; k < 40 && p < s.size() && (s[p] == ' ' || s[p] == '\t'); ++k) ++p;  // Format-List pads
  if (p < s.size() && (s[p] == ':' || s[p] == '=')) ++p;
  if (s.substr(p, 2) == "->") p += 2;
  for (int k = 0; k < 40 && p < s.size() && (s[p] == ' ' || s[p] == '\t'); ++k) ++p;  // aligned columns
  // The line ends: a wrapped line's value may be on the next (wrapped_lines.hpp).
  if (p >= s.size() || s[p] == '\n' || s[p] == '\r') return true;
  // A quoted-printable soft line break ("Reason:=" at the end): the value is on the next line.
  if (s[p] == '=' && (p + 1 == s.size() || s[p + 1] == '\n' || s[p + 1] == '\r')) return true;
  const char c = s[p];
  // A number, D-Bus "variant", GVariant "<-3>", busctl --json {"type":"i","data":-3}
  if (is_digit(c) || c == 'v' || c == '<' || c == '{' || published_escape(c)) return true;
  if (c == '-' && p + 1 < s.size() && s[p + 1] == '&') return true;  // "-&gt; N"
  if ((c == '-' || c == '+' || c == '(' || c == '"' || c == '\'') && p + 1 < s.size() &&
      (is_digit(s[p + 1]) || s[p + 1] == '-'))
    return true;
  if (!is_alpha(c)) return false;
  // An upper-case name with an underscore: an ESP reason's name without its prefix (reason=NO_AP_FOUND).
  if (c >= 'A' && c <= 'Z') {
    std::size_t k = p;
    bool underscore = false;
    while (k < s.size() && k - p <= 40 && is_upper_word(s[k])) underscore |= s[k++] == '_';
    if (underscore && k - p >= 6) return true;
  }
  // A text, then (N) before the end of the line: reason: Class 2 frame received ... (6)
  const std::size_t end = std::min(s.size(), p + 240);
  std::size_t k = p;
  for (; k + 1 < end && s[k] != '\n'; ++k)
    if (s[k] == '(' && is_digit(s[k + 1])) return true;
  // Or the text runs to the end of a line that may be a wrapped line's piece: its "(N)" may be
  // on the next (wrapped_lines.hpp).
  const bool newline = k < s.size() && s[k] == '\n';
  if (!newline && end != s.size()) return false;  // longer than a wrapped piece
  std::size_t b = p;
  while (b > 0 && s[b - 1] != '\n' && p - b <= wrap_max) --b;
  std::size_t e = newline ? k : s.size();
  if (e > b && s[e - 1] == '\r') --e;
  return e - b >= wrap_min && e - b <= wrap_max;
}

// A line that starts (after blanks, or a CSV cell's quote) with a Windows event message's
// "Failure Reason:" label, its "aso" at s[at]: Get-WinEvent | Format-List and Export-Csv print
// the message so, without the "Log Name:" of wevtutil text; it opens an event text block.
bool failure_reason_at(std::string_view s, std::size_t at) {
  if (at < 10 || s.substr(at - 10, 15) != "Failure Reason:") return false;
  std::string_view before = s.substr(0, at - 10);
  if (const std::string_view t = trim(before); t.ends_with("\"")) before = t.substr(0, t.size() - 1);  // a CSV cell's
  return may_be_paste_prefix(before);
}
}  // namespace

bool rule_engine::live(std::string_view s, std::size_t at, std::uint64_t line_number) {
  if (at + 3 > s.size()) return true;
  // The hit's line, for the rules' anchors (found when a rule's key is here).
  std::string_view line;
  const auto line_of = [&]() {
    if (line.empty()) {
      const std::size_t b = s.rfind('\n', at), e = s.find('\n', at);
      line = s.substr(b == std::string_view::npos ? 0 : b + 1);
      line = line.substr(0, e == std::string_view::npos ? line.size() : e - (b == std::string_view::npos ? 0 : b + 1));
    }
    return line;
  };
  std::uint64_t m = first_bytes[static_cast<unsigned char>(fold(s[at]))];
  while (m) {
    const unsigned k = static_cast<unsigned>(__builtin_ctzll(m));
    m &= m - 1;
    if (fold(s[at + 1]) != fold(needles[k][1]) || fold(s[at + 2]) != fold(needles[k][2])) continue;
    if (events_on_ && event_rules_by_needle.count[k]) {  // a lifecycle event's anchor here
      for (std::size_t pg = event_rows_filter.pages[k][0]; pg < event_rows_filter.pages[k][1]; ++pg)
        for (std::uint64_t rm = event_rows_filter.at(pg, s, at); rm; rm &= rm - 1) {
          const std::size_t row = event_rows_filter.row[pg][__builtin_ctzll(rm)];
          // The anchor alone here (on_line checks the rest of the row on the line).
          std::size_t start = 0;
          if (!head_at(s, at, event_heads[row], start)) continue;
          const event_rule& r = event_rules[row];
          if (rest_at(s, start, r.anchor) && use(r.format)) return true;
        }
    }
    if (k == n_created) return events_on_;  // a Format-List record may start (events only)
    if (event_needle[k]) continue;
    bool ignored = false;  // a known non-code is here: nothing else reads it
    for (std::size_t pg = rules_filter.pages[k][0]; pg < rules_filter.pages[k][1]; ++pg)
      for (std::uint64_t rm = rules_filter.at(pg, s, at); rm; rm &= rm - 1) {  // a rule's key here
        const std::size_t ri = rules_filter.row[pg][__builtin_ctzll(rm)];
        std::size_t start = 0;
        if (!head_at(s, at, key_heads[ri], start)) continue;
        const rule& r = rules[ri];
        if (!rest_at(s, start, r.key) || !use(r.format)) continue;
        if (r.fam != target::ignore) return true;  // its anchor is checked with the line's rules
        if (!contains(line_of(), r.anchor)) continue;
        ignored = true;
      }
    if (ignored) continue;
    if (k == n_ssid) {  // "(SSID='...'": all there is to take
      learn_ssid(s, at, line_number);
      continue;
    }
    if (k == n_reason || k == n_status || k == n_name) {
      if (is_upper_word(s[at]) && is_upper_word(s[at + 1]) &&
          ((at > 0 && s[at - 1] == '_') || s[at] == '_' || (at + 3 < s.size() && s[at + 3] == '_') ||
           (at + 4 < s.size() && s[at + 4] == '_')))
        return true;  // part of a symbolic name: WLAN_REASON_CODE_..., WDI_ASSOC_STATUS_...
    }
    if (k == n_reason && at >= 2 && iequals(s.substr(at - 2, 6), "reason") && value_may_follow(s, at + 4)) return true;
    if (k == n_status && at >= 2 && iequals(s.substr(at - 2, 6), "status") && value_may_follow(s, at + 4)) return true;
    if (k == n_error && at >= 1 && iequals(s.substr(at - 1, 5), "error") && value_may_follow(s, at + 4) && at >= 8 &&
        (iequals(s.substr(at - 8, 7), "config_") || iequals(s.substr(at - 8, 7), "ration ")))
      return true;
    if (k == n_hex && at >= 1 && s[at - 1] == '0' && s.substr(at + 1, 3) == "000") return true;
    if (k == n_reason && failure_reason_at(line_of(), at - static_cast<std::size_t>(line_of().data() - s.data())))
      return true;  // a Windows event message's "Failure Reason:" line (PowerShell Format-List, CSV)
    if (k == n_xml || k == n_clixml || k == n_logname) return true;  // a container may start
    // The same opener HTML-escaped ("&lt;Event xmlns=", "&lt;Objs "): on_line reads it undone.
    if (k == n_escaped_lt && at >= 1 && s[at - 1] == '&' &&
        ((s.substr(at + 3, 5) == "Event" && at + 8 < s.size() &&
          (s[at + 8] == ' ' || s[at + 8] == '&' || s[at + 8] == 's')) ||
         s.substr(at + 3, 4) == "Obj " || s.substr(at + 3, 5) == "Objs "))
      return true;
  }
  return false;
}

unsigned rule_engine::on_line(const line& l, std::vector<candidate>& out) {
  const std::string_view s = l.text.substr(0, std::min(l.text.size(), max_scan));
  line_marks marks{s};
  anchor_memo anchors{s};
  unsigned opens = 0;

  // 1. The needles of the line.
  std::array<needle_hit, max_hits> hits;
  std::size_t nhits = 0;
  // Every needle (codes and events), in one SIMD pass over the line from its first live hit.
  const std::size_t from = l.anchor < s.size() ? l.anchor : 0;
  nhits = needle_hits(s.data() + from, s.size() - from, hits.data(), max_hits);
  for (std::size_t h = 0; h < nhits; ++h) hits[h].pos = static_cast<std::uint16_t>(hits[h].pos + from);
  if (nhits == 0 && pending_lines_ == 0) return 0;

  const std::size_t first = out.size();
  claims claimed;
  std::vector<std::size_t>& pos_of = pos_of_;  // candidate position on the line, for the final order
  pos_of.clear();
  auto emit = [&](candidate&& c, std::size_t at) {
    out.push_back(std::move(c));
    pos_of.push_back(at);
  };
  // A candidate made in place (a candidate is some twenty members: a move costs more than filling).
  auto fresh = [&](std::size_t at) -> candidate& {
    pos_of.push_back(at);
    return out.emplace_back();
  };

  // 1a. The line's lifecycle event: the first row of rules.def whose anchor is at a hit.
  if (events_on_) {
    std::size_t best = event_rule_count, best_at = 0;
    for (std::size_t h = 0; h < nhits; ++h) {
      const std::size_t k = hits[h].needle;
      for (std::size_t pg = event_rows_filter.pages[k][0]; pg < event_rows_filter.pages[k][1]; ++pg)
        for (std::uint64_t rm = event_rows_filter.at(pg, s, hits[h].pos); rm; rm &= rm - 1) {
          const std::size_t row = event_rows_filter.row[pg][__builtin_ctzll(rm)];
          std::size_t start = 0;
          if (row >= best || !head_at(s, hits[h].pos, event_heads[row], start)) continue;
          const event_rule& r = event_rules[row];
          if (use(r.format) && event_at(s, start, r)) {
            best = row;
            best_at = hits[h].pos;
          }
        }
    }
    if (best < event_rule_count) {
      candidate& c = fresh(best_at);
      c.format = event_rules[best].format;
      c.rule = event_rules[best].id;
      c.kind = candidate::how::event;
      c.event = event_rules[best].kind;
      if (event_rules[best].flags & E_STA) c.sta = find_mac(s);
    }
  }
  // A number's candidate, made in place at `at` (a reference valid until the next one is made).
  auto number_candidate = [&](input_format fmt, std::string_view rule_id, std::string_view field, family fam,
                              const value& v, double confidence, std::size_t at) -> candidate& {
    candidate& c = fresh(at);
    c.format = fmt;
    c.rule = rule_id;
    c.confidence = confidence;
    c.field = field;
    c.kind = candidate::how::number;
    c.fam = fam;
    c.token = v.token;
    c.text = v.text;
    return c;
  };

  // 1b. The value of a D-Bus property a dump printed the key of on an earlier line.
  if (pending_lines_ > 0) {
    --pending_lines_;
    const std::string_view t = trim(s);
    value v;
    std::size_t p = std::string_view::npos;
    if (t.starts_with("VARIANT \"") && t.ends_with("{")) {  // busctl: VARIANT "i" {, then INT32 -3;
      // the value is on the next line
    } else if (t.starts_with("variant ")) {  // dbus-monitor: variant             int32 -3
      p = after_gvariant_type(t, t.find_first_not_of(' ', 8));
    } else {
      for (std::string_view w : {"INT32 ", "UINT32 ", "INT16 ", "UINT16 ", "INT64 ", "UINT64 "})
        if (t.starts_with(w)) p = w.size();
      if (p != std::string_view::npos && !t.ends_with(";")) p = std::string_view::npos;
    }
    if (!(t.starts_with("VARIANT \"") && t.ends_with("{"))) {
      const key_row& k = keys[pending_key_];
      pending_lines_ = 0;
      const std::string_view num = p == std::string_view::npos ? std::string_view() : trim(t.substr(p));
      const std::string_view bare = num.ends_with(";") ? num.substr(0, num.size() - 1) : num;
      if (!bare.empty() && number_at(bare, 0, true) == bare.size()) {
        v.token = bare;
        const auto val = value_of(bare);
        const bool reason = k.cls == key_class::signed_reason;
        if (val && (!reason || *val != 0) && *val <= 0xFFFF) {
          const std::size_t at = static_cast<std::size_t>(bare.data() - s.data());
          claimed.push_back({at, at + bare.size()});
          number_candidate(input_format::generic, "generic", pending_name_,
                           reason ? family::ieee80211_reason : family::ieee80211_status, v, 0.9, at);
        }
      }
    }
  }

  // 2. Producer rules at their needles.
  for (std::size_t h = 0; h < nhits; ++h) {
    const std::size_t at = hits[h].pos, nd = hits[h].needle;
    for (std::size_t pg = rules_filter.pages[nd][0]; pg < rules_filter.pages[nd][1]; ++pg)
      for (std::uint64_t rm = rules_filter.at(pg, s, at); rm; rm &= rm - 1) {
        const std::size_t ri = rules_filter.row[pg][__builtin_ctzll(rm)];
        std::size_t start = 0;
        if (!head_at(s, at, key_heads[ri], start)) continue;
        const rule& r = rules[ri];
        if (!rest_at(s, start, r.key) || !use(r.format)) continue;
        if (overlaps(claimed, start, start + r.key.size())) continue;
        if (!anchors.has(r.anchor)) continue;
        const std::size_t p = start + r.key.size();
        value v;
        bool ok = false;
        switch (r.syn) {
          case syntax::num:
            ok = read_number(s, p, (r.flags & F_SIGNED) != 0, (r.flags & F_CLOSE) != 0, (r.flags & F_NAME) != 0, v,
                             (r.flags & F_LIST) != 0);
            break;
          case syntax::after_mac:
            ok = read_after_mac(s, p, v);
            break;
          case syntax::tail_paren:
            ok = read_tail_paren(s, p, v, (r.flags & F_HEX) != 0, (r.flags & F_DIGIT) != 0);
            break;
          case syntax::from_to:
            ok = read_from_to(s, p, (r.flags & F_SIGNED) != 0, v);
            break;
          case syntax::tail_bracket:
            ok = read_tail_bracket(s, p, v);
            break;
          case syntax::quoted_text:
            ok = read_quoted_text(s, p, r.space, v);
            break;
          case syntax::hex:
            ok = read_bare_hex(s, p, v);
            break;
        }
        if (r.fam == target::ignore) {  // a known non-code: nothing else may read it
          claimed.push_back({start, ok ? v.past : p});
          continue;
        }
        if (!ok) continue;
        // F_HEX: the digits are hexadecimal without their 0x; the token stays as printed ("f").
        const bool bare_hex = (r.flags & F_HEX) != 0;
        if (r.fam != target::raw && (r.flags & (F_SHAPE | F_NONZERO))) {
          const auto val = value_of(bare_hex ? "0x" + std::string(v.token) : std::string(v.token));
          if (!val || ((r.flags & F_SHAPE) && !in_family_shape(static_cast<family>(r.fam), *val))) continue;
          if ((r.flags & F_NONZERO) && *val == 0) {
            claimed.push_back({start, v.past});
            continue;
          }
        }
        claimed.push_back({start, v.past});
        if (r.fam == target::raw) {
          candidate& c = number_candidate(r.format, r.id, r.field, family::wlan_reason, v, 1.0, start);
          c.fam.reset();
          c.kind = candidate::how::raw;
          c.space = r.space;
          c.bare_hex = bare_hex;
        } else {
          candidate& c = number_candidate(r.format, r.id, r.field, static_cast<family>(r.fam), v, 1.0, start);
          c.bare_hex = bare_hex;
          if (r.flags & F_STA) c.sta = find_mac(s.substr(0, start));
          c.locally_generated = (r.flags & F_LOCAL) != 0;  // the print is of a frame the device sent
        }
      }
  }

  // 3. Generic code contexts at the reason/status/error needles no rule took.
  if (use(input_format::generic)) {
    for (std::size_t h = 0; h < nhits; ++h) {
      const std::size_t nd = hits[h].needle;
      if (nd != n_reason && nd != n_status && nd != n_error) continue;
      const std::size_t at = hits[h].pos;
      const std::string_view base = nd == n_reason ? "reason" : nd == n_status ? "status" : "error";
      const std::size_t b = nd == n_error ? at - (at ? 1 : 0) : (at >= 2 ? at - 2 : 0);
      if (b + base.size() > s.size() || !iequals(s.substr(b, base.size()), base)) continue;
      // The word around it, and a neighbour word the log joins to it.
      std::size_t L = b, R = b + base.size();
      while (L > 0 && is_word(s[L - 1])) --L;
      while (R < s.size() && is_word(s[R])) ++R;
      if (overlaps(claimed, L, R)) continue;
      if (R - L > 24) continue;  // no key is that long: an identifier such as WLAN_REASON_CODE_...
      key_text core, before;
      for (std::size_t i = L; i < R; ++i)
        if (s[i] != '_') core.add(lower(s[i]));
      // A neighbour word some logs join to the key: "Deauth reason", "Configuration Error".
      std::size_t before_at = L;
      if (L >= 2 && s[L - 1] == ' ') {
        std::size_t w = L - 1;
        while (w > 0 && is_alpha(s[w - 1]) && L - 1 - w < 16) --w;
        for (std::size_t i = w; i < L - 1; ++i) before.add(lower(s[i]));
        before_at = w;
      }
      const bool code_after = R + 5 <= s.size() && s[R] == ' ' && iequals(s.substr(R + 1, 4), "code") &&
                              (R + 5 == s.size() || !is_alpha(s[R + 5]));
      // The longest reading the table knows: neighbour + key + " code", then shorter ones.
      const key_row* kr = nullptr;
      for (int variant = 0; variant < 4 && !kr; ++variant) {
        const bool with_before = variant % 2 == 0, with_code = variant < 2;
        if ((with_before && before.n == 0) || (with_code && !code_after)) continue;
        key_text key;
        if (with_before) key.append(before.view());
        key.append(core.view());
        if (with_code) key.append("code");
        for (const key_row& k : keys)
          if (k.key == key.view()) kr = &k;
        if (kr) {
          if (with_before) L = before_at;
          if (with_code) R += 5;
        }
      }
      if (!kr) continue;
      // Separators: a closing quote of a quoted key, spaces, one of : = ->, spaces, D-Bus types.
      std::size_t p = R;
      if (L > 0 && (s[L - 1] == '"' || s[L - 1] == '\'') && p < s.size() && s[p] == s[L - 1]) ++p;
      const std::size_t sep0 = p;
      while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
      if (p < s.size() && (s[p] == ':' || s[p] == '=')) {
        ++p;
      } else if (s.substr(p, 2) == "->") {
        p += 2;
      }
      while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
      if (s.substr(p, 8) == "variant ") {
        p += 8;
        while (p < s.size() && s[p] == ' ') ++p;
        p = after_gvariant_type(s, p);
      } else if (s.substr(p, 9) == "{\"type\":\"") {  // busctl --json: "Key":{"type":"i","data":-3}
        const std::size_t q = s.find("\",\"data\":", p + 9);
        if (q != std::string_view::npos && q - (p + 9) <= 8) p = q + 9;
      }
      // dbus-monitor and busctl monitor print the key alone; its value is on a next line.
      if (p == sep0 || (p < s.size() && s[p] == ';')) {
        if ((kr->cls == key_class::signed_reason || kr->cls == key_class::ieee_status) && dbus_key_line(s, L, sep0)) {
          pending_key_ = static_cast<int>(kr - keys);
          pending_name_.assign(s.substr(L, R - L));
          pending_lines_ = 2;
          opens |= wants_next_lines;
          claimed.push_back({L, R});
          continue;
        }
      }
      if (p == sep0 && (p >= s.size() || (s[p] != '(' && s[p] != '"' && s[p] != '\''))) continue;  // "reasons"
      const bool reasonish = kr->cls == key_class::reason || kr->cls == key_class::signed_reason;
      value v;
      bool ok = read_number(s, p, reasonish, false, true, v);
      if (!ok && (kr->cls == key_class::reason || kr->cls == key_class::status)) ok = read_tail_paren(s, p, v);
      if (!ok && kr->cls == key_class::reason) {
        // An ESP reason's name without its WIFI_REASON_ prefix (reason=ASSOC_LEAVE), only on a
        // line of ESP firmware or one that says the link went down, never another protocol's.
        std::size_t e = 0;
        const code_info* code = esp_reason_name_at(s, p, e);
        if (code && !marks.has(marker_group::other_protocol) &&
            (marks.has(marker_group::esp) || marks.has(marker_group::reason_word))) {
          char digits[4];
          value nv;
          nv.token = decimal3(code->value, digits);
          nv.text = s.substr(p, e - p);
          nv.past = e;
          claimed.push_back({L, e});
          number_candidate(input_format::generic, "generic", s.substr(L, R - L), family::esp_wifi_reason, nv, 0.8, L);
        }
        continue;
      }
      if (!ok) continue;
      const auto val = value_of(v.token);
      if (!val) continue;
      // The family: the key, the value's shape, the producer's marks, the line's words.
      std::optional<family> fam;
      double confidence = 0.9;
      bool by_words = false;  // the family is only what the line's words suggest
      switch (kr->cls) {
        case key_class::ieee_status:
          fam = family::ieee80211_status;
          break;
        case key_class::dot11:
          fam = family::dot11_assoc_status;
          break;
        case key_class::wlan:
          fam = family::wlan_reason;
          break;
        case key_class::wps:
          fam = family::wps_config_error;
          break;
        case key_class::esp:
          fam = family::esp_wifi_reason;
          break;
        case key_class::signed_reason:
        case key_class::reason:
        case key_class::status:
          // Another protocol's reason or status (Bluetooth HCI, PPP, VPN, MQTT, HTTP): no family.
          if (marks.has(marker_group::other_protocol)) break;
          if (*val >= 0x10000) {
            if (marks.has(marker_group::nwifi) && in_family_shape(family::dot11_assoc_status, *val)) {
              fam = family::dot11_assoc_status;
            } else if (reasonish && !v.negative && in_family_shape(family::wlan_reason, *val)) {
              fam = family::wlan_reason;
              confidence = 0.85;
            }
          } else if (marks.has(marker_group::nwifi)) {
            fam = family::dot11_assoc_status;
            confidence = 0.8;
          } else if (reasonish && marks.has(marker_group::esp)) {
            fam = family::esp_wifi_reason;
            confidence = 0.8;
          } else if (reasonish && marks.has(marker_group::wps) && *val <= 0xFF) {
            fam = family::wps_config_error;
            confidence = 0.8;
          } else if (reasonish) {
            if (*val == 0) break;  // reserved: "no reason"
            if (*val >= 200 && *val <= 0xFF && find(family::esp_wifi_reason, *val) &&
                !find(family::ieee80211_reason, *val)) {
              fam = family::esp_wifi_reason;  // only Espressif uses these values
              confidence = 0.7;
            } else if (kr->cls == key_class::signed_reason || marks.has(marker_group::reason_word)) {
              fam = family::ieee80211_reason;
              confidence = kr->cls == key_class::signed_reason ? 0.9 : 0.7;
              by_words = kr->cls != key_class::signed_reason;
            }
          } else if (marks.has(marker_group::status_word)) {
            fam = family::ieee80211_status;
            confidence = 0.7;
            by_words = true;
          }
          break;
      }
      if (!fam) continue;
      if (value_bits(*fam) == 16 && *val > 0xFFFF) continue;
      // A bare "status 401" or "reason 300" on a line whose words alone say 802.11: a value the
      // standard does not list is another protocol's (HTTP, an app's own), not a reserved code.
      if (by_words && !find(*fam, *val)) continue;
      // A text or name printed with the number raises or lowers the confidence.
      if (!v.text.empty()) {
        const classification k = classify(*fam, *val);
        const code_info* code = k.code ? k.code : k.inner;
        if (code) {
          const double agree = text_agreement(*code, v.text);
          confidence += agree >= 0.6 ? 0.1 : agree < 0.3 ? -0.2 : 0.0;
        }
      }
      claimed.push_back({L, v.past});
      number_candidate(input_format::generic, "generic", s.substr(L, R - L), *fam, v, std::clamp(confidence, 0.1, 1.0),
                       L);
    }
  }

  // 4. Symbolic names of every family (WLAN_REASON_CODE_..., WCN_VALUE_CE_..., WIFI_REASON_...).
  if (use(input_format::plain)) {
    std::size_t done = 0;  // names end here: each is read once
    for (std::size_t h = 0; h < nhits; ++h) {
      const std::size_t nd = hits[h].needle;
      if (nd != n_reason && nd != n_status && nd != n_name) continue;
      std::size_t b = hits[h].pos;
      // A name's needle is upper case (REASON, STATUS) or "_CE": never part of a lower-case word.
      if (b < done || b + 1 >= s.size() || !is_upper_word(s[b]) || !is_upper_word(s[b + 1])) continue;
      while (b > 0 && is_upper_word(s[b - 1])) --b;
      std::size_t e = hits[h].pos;
      while (e < s.size() && is_upper_word(s[e])) ++e;
      done = std::max(done, e);
      if (b > 0 && is_alnum(s[b - 1])) continue;
      if (overlaps(claimed, b, e)) continue;
      const std::string_view name = s.substr(b, e - b);
      for (family f : all_families) {
        if (!name.starts_with(name_prefix(f)) || name.size() <= name_prefix(f).size()) continue;
        const code_info* c = find(f, name);
        if (!c || c->name.size() != name.size()) continue;  // only a table's own full names
        candidate k;
        k.format = input_format::plain;
        k.rule = "name";
        k.confidence = 1.0;
        k.field = "name";
        k.kind = candidate::how::name;
        k.fam = c->fam;
        k.token = name;
        claimed.push_back({b, e});
        emit(std::move(k), b);
        break;
      }
    }
  }

  // 5. A WLAN_REASON_CODE printed with its own text: "0x00038012, The computer is roaming too often".
  if (use(input_format::windows_app)) {
    for (std::size_t h = 0; h < nhits; ++h) {
      if (hits[h].needle != n_hex) continue;
      const std::size_t b = hits[h].pos;  // at 'x'
      if (b == 0 || s[b - 1] != '0' || (b > 1 && is_word(s[b - 2]))) continue;
      const std::size_t len = number_at(s, b - 1);
      if (len != 10 || !number_ends_at(s, b - 1 + len) || overlaps(claimed, b - 1, b - 1 + len)) continue;
      const auto val = value_of(s.substr(b - 1, len));
      const code_info* code = val ? find(family::wlan_reason, *val) : nullptr;
      if (!code) continue;
      std::size_t t = b - 1 + len;
      while (t < s.size() && (s[t] == ',' || s[t] == ' ' || s[t] == ':' || s[t] == '-' || s[t] == '\t')) ++t;
      std::string_view text = s.substr(t);
      double agree = text.empty() ? 0.0 : text_agreement(*code, text);
      std::size_t claim_from = b - 1, claim_to = s.size();
      // Or in parentheses after its text: "Disconnected: The specific network is not available.
      // (0x0002800B)". The text is the clause before it, from the last separator on.
      if (agree < 0.6 && b >= 3 && s[b - 2] == '(' && b - 1 + len < s.size() && s[b - 1 + len] == ')') {
        std::string_view before = s.substr(0, b - 2);
        while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) before.remove_suffix(1);
        std::size_t from = 0;
        for (std::string_view sep : {": ", "] ", " - ", "\t", "| ", ", "})
          if (const std::size_t k = before.rfind(sep); k != std::string_view::npos)
            from = std::max(from, k + sep.size());
        text = before.substr(from);
        agree = text.empty() ? 0.0 : text_agreement(*code, text);
        claim_from = from;
        claim_to = b + len;
      }
      if (agree < 0.6) continue;
      value v;
      v.token = s.substr(b - 1, len);
      v.text = text;
      claimed.push_back({claim_from, claim_to});
      number_candidate(input_format::windows_app, "wlanapi_text", "code", family::wlan_reason, v, agree, b - 1);
    }
  }

  // 6. Context learnt for later lines, and the container openers.
  for (std::size_t h = 0; h < nhits; ++h) {
    const std::size_t nd = hits[h].needle, at = hits[h].pos;
    if (nd == n_ssid && use(input_format::wpa_supplicant)) learn_ssid(s, at, l.number);
    if ((nd == n_xml && s.substr(at, 6) == "<Event" && at + 6 < s.size() &&
         (s[at + 6] == ' ' || s[at + 6] == '>' || s[at + 6] == 's')) ||
        (nd == n_clixml && (s.substr(at, 5) == "<Obj " || s.substr(at, 6) == "<Objs ")))
      opens |= opens_event_xml;
    // Event text labels start their line, after the prefix a pasted block may have (paste_prefix.hpp).
    if (nd == n_logname && at >= 6 && s.substr(at - 6, 9) == "Log Name:" && may_be_paste_prefix(s.substr(0, at - 6)))
      opens |= opens_event_text;
    // Get-WinEvent's default view names the provider of the table that follows ("   ProviderName:
    // Microsoft-Windows-WLAN-AutoConfig"); its header line opens the table (n_created below).
    if (nd == n_logname && events_on_ && at >= 10 && s.substr(at - 10, 13) == "ProviderName:" &&
        may_be_paste_prefix(s.substr(0, at - 10)))
      opens |= opens_event_text;
    if (nd == n_reason && failure_reason_at(s, at)) opens |= opens_event_text;
    if (nd == n_created && events_on_ &&
        ((at >= 2 && s.substr(at - 2, 12) == "TimeCreated " && may_be_paste_prefix(s.substr(0, at - 2))) ||
         event_csv_header(s)))
      opens |= opens_event_text;  // Format-List, Export-Csv
  }

  if (out.size() == first) return opens;
  // In the order of their place on the line; then the line's context.
  if (out.size() - first > 1) {
    std::vector<std::size_t> order(out.size() - first);
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return pos_of[a] < pos_of[b]; });
    std::vector<candidate> sorted;
    sorted.reserve(order.size());
    for (std::size_t i : order) sorted.push_back(std::move(out[first + i]));
    std::move(sorted.begin(), sorted.end(), out.begin() + static_cast<std::ptrdiff_t>(first));
  }
  std::string_view ts = leading_timestamp(s);
  if (ts.empty()) ts = networkmanager_stamp(s);
  std::string_view ifc = interface_of(s);
  // Producers that print their interface's name before the message (not a driver's "RTW: "), for
  // codes and events alike.
  if (ifc.empty() && std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), [](const candidate& c) {
        return c.format == input_format::kernel || c.format == input_format::wpa_supplicant ||
               c.format == input_format::hostapd;
      }))
    ifc = message_interface(s);
  // Read only when a reason needs it (most lines read here are events, or codes of other kinds).
  std::optional<bool> local_mark;
  const auto local = [&] {
    if (!local_mark) local_mark = marks.has(marker_group::local);
    return *local_mark;
  };
  // The MACs of the line, by the label before each (one pass: a line holds one or two).
  std::string_view bssid, sta, first_mac;
  for (std::size_t from = 0; from + 17 <= s.size();) {
    const std::string_view m = find_mac(s.substr(from));
    if (m.empty()) break;
    const auto at = static_cast<std::size_t>(m.data() - s.data());
    if (first_mac.empty()) first_mac = m;
    std::size_t k = at;
    if (k > 0 && (s[k - 1] == '"' || s[k - 1] == '\'')) --k;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '=' || s[k - 1] == ':')) --k;
    std::size_t w = k;
    while (w > 0 && (is_word(s[w - 1]))) --w;
    const std::string_view label = s.substr(w, k - w);
    if (bssid.empty() && (iequals(label, "bssid") || label == "Peer" || label == "Mac")) bssid = m;
    if (sta.empty() && (label == "STA" || iequals(label, "sta_mac") || label == "sta" || label == "ta")) sta = m;
    if (sta.empty() && w >= 7 && s[w - 1] == '-') {
      const std::size_t ap = s.substr(0, w).rfind("AP-STA-");  // hostapd "AP-STA-CONNECTED <mac>"
      if (ap != std::string_view::npos && w - ap <= 24) sta = m;
    }
    from = at + 17;
  }
  std::string_view ssid_field = contains(s, "ssid:") ? context_value(s, "ssid:") : std::string_view{};
  const auto any_of_format = [&](input_format f) {
    return std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                       [f](const candidate& c) { return c.format == f; });
  };
  if (ssid_field.empty() && any_of_format(input_format::esp)) ssid_field = ssid_before_bssid(s);
  // wpa_supplicant prints an SSID quoted where it names no BSSID (its lines only: a quote costs a
  // look on every line).
  if (ssid_field.empty() && any_of_format(input_format::wpa_supplicant)) ssid_field = quoted_ssid(s);
  for (std::size_t i = first; i < out.size(); ++i) {
    candidate& c = out[i];
    c.line = l.number;
    c.truncated = l.truncated;
    if (spares_) string_spares::take(spares_->lines, c.excerpt);
    excerpt_into(c.excerpt, l.text);
    c.timestamp = ts;
    c.interface = ifc;
    if (c.sta.empty() && !sta.empty()) {
      if (spares_) string_spares::take(spares_->macs, c.sta);
      c.sta = sta;
    }
    if (!bssid.empty() || (c.sta.empty() && !first_mac.empty())) {
      if (spares_) string_spares::take(spares_->macs, c.bssid);
      c.bssid = bssid.empty() && c.sta.empty() ? first_mac : bssid;
    }
    if (!ssid_field.empty() && ssid_field.size() <= 32) c.ssid = ssid_field;
    if (c.ssid.empty() && !c.bssid.empty() && !events_)
      if (const std::string* learnt = ssids_.find(mac_key(c.bssid))) c.ssid = *learnt;
    if (c.fam == family::ieee80211_reason || c.fam == family::esp_wifi_reason) {
      c.locally_generated = c.locally_generated || (!c.token.empty() && c.token[0] == '-') || local();
      c.init = c.locally_generated ? initiator::system : initiator::network;
    } else if (c.fam == family::ieee80211_status) {
      c.init = initiator::network;
    }
  }
  return opens;
}

}  // namespace wlancode::scan::detail

namespace wlancode::scan {
namespace {
constexpr std::string_view syntax_names[] = {"num",          "after_mac",   "tail_paren", "from_to",
                                             "tail_bracket", "quoted_text", "hex"};
constexpr std::string_view target_names[] = {
#define WLANCODE_FAMILY(id, ...) #id,
#include "wlancode/tables/families.def"
    "raw", "ignore"};
constexpr std::string_view class_names[] = {"reason", "status", "signed_reason", "ieee_status",
                                            "dot11",  "wlan",   "wps",           "esp"};
}  // namespace

std::span<const rule_description> line_rules() noexcept {
  using namespace detail;
  static const auto table = [] {
    std::array<rule_description, rule_count> t{};
    for (std::size_t i = 0; i < rule_count; ++i) {
      const rule& r = rules[i];
      t[i] = {r.id,
              r.format,
              r.anchor,
              r.key,
              syntax_names[static_cast<std::size_t>(r.syn)],
              target_names[static_cast<std::size_t>(r.fam)],
              r.field};
    }
    return t;
  }();
  return table;
}

std::span<const key_description> generic_keys() noexcept {
  using namespace detail;
  static const auto table = [] {
    std::array<key_description, std::size(keys)> t{};
    for (std::size_t i = 0; i < std::size(keys); ++i)
      t[i] = {keys[i].key, class_names[static_cast<std::size_t>(keys[i].cls)]};
    return t;
  }();
  return table;
}

}  // namespace wlancode::scan
