// Text -> code: exact match after normalisation, then character-trigram similarity.
#include "wlancode/text_match.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace wlancode {
namespace {

// Lower case, letters and digits only, single spaces: "The specific network is not available."
// and "the SPECIFIC network  is not available" normalise alike.
std::string normalise(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Drops a leading label such as "Failure Reason:", "Reason:" or "Reason Code:".
std::string_view strip_label(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon > 24) return s;
  const std::string label = normalise(s.substr(0, colon));
  if (label.find("reason") == std::string::npos && label != "error" && label != "status") return s;
  return s.substr(colon + 1);
}

std::vector<std::uint32_t> trigrams(const std::string& s) {
  const std::string padded = "  " + s + " ";
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i + 3 <= padded.size(); ++i)
    out.push_back((static_cast<unsigned char>(padded[i]) << 16) | (static_cast<unsigned char>(padded[i + 1]) << 8) |
                  static_cast<unsigned char>(padded[i + 2]));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double dice(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
    } else if (a[i] < b[j])
      ++i;
    else
      ++j;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

struct candidate {
  const code_info* code;
  std::string_view text;
  std::string norm;
  std::vector<std::uint32_t> grams;
};

// Every Windows sentence a log may print: runtime text, documented meaning and the meaning's
// first sentence (long documented meanings continue with remarks no log repeats).
const std::vector<candidate>& candidates() {
  static const std::vector<candidate> all = [] {
    std::vector<candidate> out;
    auto add = [&out](const code_info& c, std::string_view text) {
      if (text.empty()) return;
      std::string norm = normalise(text);
      for (const candidate& k : out)
        if (k.code == &c && k.norm == norm) return;
      auto grams = trigrams(norm);
      out.push_back({&c, text, std::move(norm), std::move(grams)});
    };
    for (family f : all_families) {
      if (!has_texts(f)) continue;
      for (const code_info& c : codes(f)) {
        add(c, c.runtime.text);
        add(c, c.meaning.text);
        const std::size_t stop = c.meaning.text.find(". ");
        if (stop != std::string_view::npos) add(c, c.meaning.text.substr(0, stop + 1));
      }
    }
    return out;
  }();
  return all;
}

// Which candidates hold each trigram, and which normalised texts each candidate is: a query is
// scored only against the candidates it shares trigrams with (one pass over its postings), not
// against every sentence of every table (100,000 distinct reasons must not take seconds).
struct text_index {
  std::unordered_map<std::uint32_t, std::vector<std::uint16_t>> postings;
  std::unordered_map<std::string_view, std::vector<std::uint16_t>> exact;
};
const text_index& index() {
  static const text_index ix = [] {
    text_index t;
    const auto& all = candidates();
    for (std::size_t i = 0; i < all.size(); ++i) {
      for (std::uint32_t g : all[i].grams) t.postings[g].push_back(static_cast<std::uint16_t>(i));
      t.exact[all[i].norm].push_back(static_cast<std::uint16_t>(i));
    }
    return t;
  }();
  return ix;
}

}  // namespace

std::vector<text_match> match_text(std::string_view sentence, std::size_t max, double min_score) {
  std::vector<text_match> out;
  const std::string norm = normalise(strip_label(sentence));
  if (norm.empty() || max == 0) return out;
  const auto& all = candidates();
  const text_index& ix = index();
  if (const auto it = ix.exact.find(norm); it != ix.exact.end())
    for (std::uint16_t i : it->second) out.push_back({all[i].code, 1.0, true, all[i].text});
  if (out.empty()) {
    const auto grams = trigrams(norm);  // sorted, unique
    std::vector<std::uint16_t> common(all.size(), 0);
    for (std::uint32_t g : grams)
      if (const auto it = ix.postings.find(g); it != ix.postings.end())
        for (std::uint16_t i : it->second) ++common[i];
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (common[i] == 0) continue;
      const double score = 2.0 * common[i] / static_cast<double>(grams.size() + all[i].grams.size());
      if (score >= min_score) out.push_back({all[i].code, score, false, all[i].text});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const text_match& a, const text_match& b) { return a.score > b.score; });
  // One entry per code, best first.
  std::vector<text_match> unique;
  for (const text_match& m : out) {
    if (std::none_of(unique.begin(), unique.end(), [&m](const text_match& u) { return u.code == m.code; }))
      unique.push_back(m);
    if (unique.size() == max) break;
  }
  return unique;
}

double text_agreement(const code_info& code, std::string_view text) {
  const std::string norm = normalise(strip_label(text));
  if (norm.empty()) return 0;
  const auto grams = trigrams(norm);
  double best = 0;
  // A name as some logs print it ("DEAUTH_LEAVING", "4WAY_HANDSHAKE_TIMEOUT") compares with the suffix.
  for (std::string_view t : {code.meaning.text, code.runtime.text, code.phrase.text, code.suffix}) {
    if (t.empty()) continue;
    const std::string n = normalise(t);
    if (n == norm) return 1.0;
    best = std::max(best, dice(grams, trigrams(n)));
  }
  return best;
}

}  // namespace wlancode
