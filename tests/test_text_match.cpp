// Text -> code: round trip for every Windows text, normalisation, approximate matching.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "wlancode/explain.hpp"
#include "wlancode/text_match.hpp"

namespace {
using namespace wlancode;

bool contains(const std::vector<text_match>& ms, const code_info* c) {
  return std::any_of(ms.begin(), ms.end(), [c](const text_match& m) { return m.code == c; });
}

TEST(TextMatch, EveryWindowsTextFindsItsCode) {
  std::size_t checked = 0;
  for (family f : {family::wlan_reason, family::wdi_assoc_status, family::wcn_session_status}) {
    for (const code_info& c : codes(f)) {
      for (std::string_view text : {c.runtime.text, c.meaning.text}) {
        if (text.empty()) continue;
        const auto ms = match_text(text, 16);
        ASSERT_FALSE(ms.empty()) << c.name << ": " << text;
        EXPECT_TRUE(ms.front().exact) << c.name;
        EXPECT_DOUBLE_EQ(ms.front().score, 1.0);
        EXPECT_TRUE(contains(ms, &c)) << c.name << ": " << text;
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 240u);  // 195 Windows meanings + their runtime texts
}

TEST(TextMatch, NormalisesCasePunctuationWhitespaceAndLabels) {
  const code_info* want = find(family::wlan_reason, 0x0002800Bu);  // NETWORK_NOT_AVAILABLE
  for (const char* s : {"Failure Reason: The specific network is not available.",
                        "THE SPECIFIC NETWORK IS NOT AVAILABLE", "  the specific   network is not available!!  ",
                        "Reason: The specific network is not available.", "the specific network, is not available"}) {
    const auto ms = match_text(s);
    ASSERT_FALSE(ms.empty()) << s;
    EXPECT_EQ(ms.front().code, want) << s;
    EXPECT_TRUE(ms.front().exact) << s;
  }
}

// Deterministic perturbations: drop a letter, swap two letters, change case, drop a word.
std::vector<std::string> perturb(std::string s) {
  std::vector<std::string> out;
  if (s.size() > 12) {
    std::string a = s;
    a.erase(a.size() / 2, 1);
    out.push_back(a);
    std::string b = s;
    std::swap(b[b.size() / 3], b[b.size() / 3 + 1]);
    out.push_back(b);
  }
  std::string c = s;
  for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  out.push_back(c);
  return out;
}

TEST(TextMatch, ApproximateMatchesOnPerturbedRuntimeTexts) {
  std::size_t tried = 0, top1 = 0;
  for (const code_info& c : codes(family::wlan_reason)) {
    if (c.runtime.text.size() < 25) continue;
    for (const std::string& p : perturb(std::string(c.runtime.text))) {
      const auto ms = match_text(p, 3, 0.5);
      ++tried;
      if (!ms.empty() && ms.front().code == &c) ++top1;
      if (!ms.empty() && !ms.front().exact) {
        EXPECT_LT(ms.front().score, 1.0);
      }
    }
  }
  ASSERT_GT(tried, 50u);
  EXPECT_GE(static_cast<double>(top1) / static_cast<double>(tried), 0.9) << top1 << "/" << tried;
}

TEST(TextMatch, UnrelatedOrEmptyTextMatchesNothing) {
  EXPECT_TRUE(match_text("").empty());
  EXPECT_TRUE(match_text("   ").empty());
  EXPECT_TRUE(match_text("Failure Reason:").empty());
  EXPECT_TRUE(match_text("The quick brown fox jumps over the lazy dog").empty());
  EXPECT_TRUE(match_text(std::string(5000, 'x')).empty());
  EXPECT_TRUE(match_text(std::string("\0\xff\xfe garbage", 12)).empty());
}

TEST(TextMatch, ResultsAreBoundedOrderedAndUnique) {
  const auto ms = match_text("The driver disconnected", 5, 0.3);
  ASSERT_LE(ms.size(), 5u);
  for (std::size_t i = 1; i < ms.size(); ++i) {
    EXPECT_GE(ms[i - 1].score, ms[i].score);
    for (std::size_t j = 0; j < i; ++j) EXPECT_NE(ms[i].code, ms[j].code);
  }
  EXPECT_TRUE(match_text("The driver disconnected", 0).empty());
}

TEST(ExplainText, MarksApproximateMatchesAndErrors) {
  const explanation exact = explain_text("The specific network is not available.");
  ASSERT_FALSE(exact.matches.empty());
  EXPECT_FALSE(exact.matches.front().approximate);
  const explanation approx = explain_text("the driver disconected while asociating");
  ASSERT_FALSE(approx.matches.empty());
  EXPECT_TRUE(approx.matches.front().approximate);
  EXPECT_EQ(approx.matches.front().code->name, "WLAN_REASON_CODE_ASSOCIATION_FAILURE");
  EXPECT_FALSE(explain_text("  ").error.empty());
}

}  // namespace
