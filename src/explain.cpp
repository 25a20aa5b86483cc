// Input parsing, family guessing and word search.
#include "wlancode/explain.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "wlancode/text_match.hpp"

namespace wlancode {
namespace {

std::string_view trim(std::string_view s) noexcept {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Letters, digits and the separators the name lookup treats alike: '_', '-' and ' '
// ("psk mismatch suspected" is PSK_MISMATCH_SUSPECTED, as "psk-mismatch-suspected" is).
bool looks_like_name(std::string_view s) noexcept {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == ' ';
  });
}

bool contains_icase(std::string_view hay, std::string_view needle) noexcept {
  if (needle.empty()) return true;
  const auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it != hay.end();
}

}  // namespace

std::string_view to_string(parse_error e) noexcept {
  switch (e) {
    case parse_error::none:
      return "";
    case parse_error::empty:
      return "empty input";
    case parse_error::not_a_number:
      return "not a number";
    case parse_error::out_of_range:
      return "out of the 32-bit range";
    case parse_error::negative_zero:
      return "-0 is not a code value";
  }
  return "";
}

parse_result parse_number(std::string_view text) noexcept {
  parse_result out;
  text = trim(text);
  if (text.empty()) {
    out.error = parse_error::empty;
    return out;
  }
  bool negative = false;
  if (text.front() == '-' || text.front() == '+') {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  }
  if (text.empty()) {
    out.error = parse_error::not_a_number;
    return out;
  }
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v, base);
  if (ec == std::errc::result_out_of_range) {
    out.error = parse_error::out_of_range;
    return out;
  }
  if (ec != std::errc() || end != text.data() + text.size()) {
    out.error = parse_error::not_a_number;
    return out;
  }
  if (negative && base == 16) {
    out.error = parse_error::not_a_number;
    return out;
  }
  if (negative) {
    if (v == 0) {
      out.error = parse_error::negative_zero;
      return out;
    }
    if (v > 0x80000000ull) {
      out.error = parse_error::out_of_range;
      return out;
    }
    out.number = parsed_number{static_cast<std::uint32_t>(0x100000000ull - v), true, static_cast<std::int64_t>(v)};
    return out;
  }
  if (v > 0xFFFFFFFFull) {
    out.error = parse_error::out_of_range;
    return out;
  }
  out.number = parsed_number{static_cast<std::uint32_t>(v), false, 0};
  return out;
}

explanation explain(std::string_view input, std::optional<family> only) {
  explanation out;
  out.input = std::string(input);
  std::string_view text = trim(input);
  // "family:value", as `scan --summary` and `diagnose` print a code without a name of its own
  // (ieee80211_reason:252): that family only (a conflicting --family keeps the text as it is).
  if (const std::size_t colon = text.find(':'); colon != std::string_view::npos && colon > 0) {
    const std::optional<family> named = parse_family(text.substr(0, colon));
    if (named && (!only || *only == *named)) {
      only = named;
      text = trim(text.substr(colon + 1));
    }
  }
  const parse_result parsed = parse_number(text);
  const family one = only.value_or(family::wlan_reason);
  const auto families = [&](std::uint32_t v) { return only ? std::span<const family>(&one, 1) : guess_order(v); };

  if (parsed.number) {
    const parsed_number n = *parsed.number;
    out.number = n;
    for (family f : families(n.value))
      if (const code_info* c = find(f, n.value)) out.matches.push_back({c, false});
    // NetworkManager and others print a locally generated 802.11 reason as its negative.
    if (n.negative && n.magnitude <= 0xFFFF && (!only || *only == family::ieee80211_reason))
      if (const code_info* c = find(family::ieee80211_reason, static_cast<std::uint32_t>(n.magnitude)))
        out.matches.push_back({c, true});
    // The range of the best match's family first, then of the likeliest family with one.
    std::vector<family> range_order;
    if (!out.matches.empty()) range_order.push_back(out.matches.front().code->fam);
    for (family f : families(n.value)) range_order.push_back(f);
    for (family f : range_order) {
      const classification c = classify(f, n.value);
      if (c.range) {
        out.range_family = f;
        out.range = c;
        break;
      }
    }
    if (!out.range_family) out.range_family = families(n.value).front();
    if (out.matches.empty() && !n.negative)
      for (family f : families(n.value))
        if ((f == family::ieee80211_reason || f == family::ieee80211_status) && n.value <= 0xFFFF)
          out.reserved_in.push_back(f);
    return out;
  }
  if (parsed.error != parse_error::not_a_number || !looks_like_name(text)) {
    out.error = parsed.error == parse_error::not_a_number ? "neither a number nor a code name"
                                                          : std::string(to_string(parsed.error));
    return out;
  }
  for (family f :
       only ? std::vector<family>{*only} : std::vector<family>(std::begin(all_families), std::end(all_families)))
    if (const code_info* c = find(f, text))  // a name may resolve through another family's range
      if (std::none_of(out.matches.begin(), out.matches.end(), [c](const match& m) { return m.code == c; }))
        out.matches.push_back({c, false});
  if (!only || *only == family::wlan_reason)
    if (const macro_info* m = find_macro(text)) out.macros.push_back(m);
  return out;
}

explanation explain_text(std::string_view sentence) {
  explanation out;
  out.input = std::string(sentence);
  if (trim(sentence).empty()) {
    out.error = "empty input";
    return out;
  }
  for (const text_match& m : match_text(sentence)) out.matches.push_back({m.code, false, m.score, !m.exact});
  return out;
}

std::vector<const code_info*> search(std::span<const std::string> words, std::optional<family> only) {
  std::vector<const code_info*> out;
  for (family f : all_families) {
    if (only && *only != f) continue;
    for (const code_info& c : codes(f)) {
      const bool all = std::all_of(words.begin(), words.end(), [&c](const std::string& w) {
        return contains_icase(c.name, w) || contains_icase(c.meaning.text, w) || contains_icase(c.runtime.text, w) ||
               contains_icase(c.phrase.text, w);
      });
      if (all) out.push_back(&c);
    }
  }
  return out;
}

}  // namespace wlancode
