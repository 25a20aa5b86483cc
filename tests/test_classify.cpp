// Range classification of any 32-bit value, and its description in words.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "wlancode/codes.hpp"

namespace {

using wlancode::family;
using wlancode::range_info;

std::string describe(family f, std::uint32_t v) {
  char buf[256];
  const std::size_t n = wlancode::describe(f, v, buf, sizeof buf);
  EXPECT_LT(n, sizeof buf);
  EXPECT_EQ(n, std::strlen(buf));
  return buf;
}
std::string hex(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(v));
  return buf;
}
// The documented wording (codes.hpp): "MSM security range, unlisted code +0x1F".
std::string expected_words(const range_info& r, std::uint32_t offset, bool listed) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%.*s, %scode +0x%X", static_cast<int>(r.label.size()), r.label.data(),
                listed ? "" : "unlisted ", static_cast<unsigned>(offset));
  return buf;
}

// Values of a range that are not listed codes: the first, the last and one in the middle.
std::vector<std::uint32_t> unlisted_in(family f, const range_info& r) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t v = r.first;; ++v) {
    if (!wlancode::find(f, v)) {
      out.push_back(v);
      break;
    }
    if (v == r.last) break;
  }
  for (std::uint32_t v = r.last;; --v) {
    if (!wlancode::find(f, v)) {
      out.push_back(v);
      break;
    }
    if (v == r.first) break;
  }
  const std::uint32_t mid = r.first + (r.last - r.first) / 2 + 0x1F;
  if (mid <= r.last && !wlancode::find(f, mid)) out.push_back(mid);
  return out;
}

// The WLAN_REASON_CODE ranges as the SDK macros bound them (values from tests/expected/windows_macros.inc).
struct expected_range {
  const char* id;
  std::uint32_t first, last;
};
constexpr expected_range sdk_ranges[] = {
    {"general", 0x00010000, 0x0001FFFF},
    {"ac", 0x00020000, 0x00027FFF},
    {"ac_connect", 0x00028000, 0x0002FFFF},
    {"msm", 0x00030000, 0x00037FFF},
    {"msm_connect", 0x00038000, 0x0003FFFF},
    {"msmsec", 0x00040000, 0x00047FFF},
    {"msmsec_connect", 0x00048000, 0x0004FFFF},
    {"onex", 0x00050000, 0x0005FFFF},
    {"dot3_ac", 0x00060000, 0x0006FFFF},
    {"dot3_msm", 0x00070000, 0x0007FFFF},
    {"profile", 0x00080000, 0x00087FFF},
    {"profile_connect", 0x00088000, 0x0008FFFF},
    {"ihv", 0x00090000, 0x0009FFFF},
    {"wimax", 0x000A0000, 0x000AFFFF},
    {"reserved", 0x000B0000, 0x000BFFFF},
};

TEST(Ranges, WlanReasonRangesMatchTheSdkMacros) {
  const auto rs = wlancode::ranges(family::wlan_reason);
  ASSERT_EQ(rs.size(), std::size(sdk_ranges));
  for (const expected_range& e : sdk_ranges) {
    const auto it = std::find_if(rs.begin(), rs.end(), [&](const range_info& r) { return r.id == e.id; });
    ASSERT_NE(it, rs.end()) << "no range " << e.id;
    EXPECT_EQ(it->first, e.first) << e.id;
    EXPECT_EQ(it->last, e.last) << e.id;
    EXPECT_EQ(it->fam, family::wlan_reason);
    EXPECT_FALSE(it->label.empty());
  }
}

TEST(Ranges, ContiguousAndNonOverlapping) {
  auto rs = std::vector<range_info>(wlancode::ranges(family::wlan_reason).begin(),
                                    wlancode::ranges(family::wlan_reason).end());
  ASSERT_FALSE(rs.empty());
  std::sort(rs.begin(), rs.end(), [](const range_info& a, const range_info& b) { return a.first < b.first; });
  EXPECT_EQ(rs.front().first, 0x00010000u);  // L2_REASON_CODE_GEN_BASE
  EXPECT_EQ(rs.back().last, 0x000BFFFFu);    // WLAN_REASON_CODE_RESERVED_END
  std::set<std::string_view> ids, labels;
  for (std::size_t i = 0; i < rs.size(); ++i) {
    EXPECT_LE(rs[i].first, rs[i].last) << rs[i].id;
    EXPECT_TRUE(ids.insert(rs[i].id).second) << "duplicate id " << rs[i].id;
    EXPECT_TRUE(labels.insert(rs[i].label).second) << "duplicate label " << rs[i].label;
    if (i + 1 < rs.size()) {
      EXPECT_EQ(rs[i].last + 1, rs[i + 1].first) << rs[i].id << " / " << rs[i + 1].id;
    }
  }
}

TEST(Ranges, ClassifyEveryValueOfTheSpaceOnce) {
  // Every value from 0 to 0x000C0000: its range (if any) really contains it, and no other range does.
  const auto rs = wlancode::ranges(family::wlan_reason);
  for (std::uint32_t v = 0; v <= 0x000C0000u; ++v) {
    const wlancode::classification c = wlancode::classify(family::wlan_reason, v);
    std::size_t containing = 0;
    for (const range_info& r : rs) containing += (v >= r.first && v <= r.last);
    ASSERT_LE(containing, 1u) << hex(v);
    if (c.range) {
      ASSERT_GE(v, c.range->first) << hex(v);
      ASSERT_LE(v, c.range->last) << hex(v);
      ASSERT_EQ(c.offset, v - c.range->first) << hex(v);
    } else {
      ASSERT_EQ(containing, 0u) << hex(v);
    }
  }
}

TEST(Classify, UnlistedValuesInEveryWlanReasonRange) {
  for (const range_info& r : wlancode::ranges(family::wlan_reason)) {
    const auto values = unlisted_in(family::wlan_reason, r);
    ASSERT_FALSE(values.empty()) << r.id << " is full";
    for (std::uint32_t v : values) {
      SCOPED_TRACE(std::string(r.id) + " " + hex(v));
      const wlancode::classification c = wlancode::classify(family::wlan_reason, v);
      ASSERT_NE(c.range, nullptr);
      EXPECT_EQ(c.range, &r);
      EXPECT_EQ(c.range->id, r.id);
      EXPECT_EQ(c.offset, v - r.first);
      EXPECT_EQ(c.code, nullptr);
      EXPECT_EQ(describe(family::wlan_reason, v), expected_words(r, v - r.first, false));
    }
  }
}

TEST(Classify, DocumentedExampleWording) {
  // 0x00047FE0 is inside WLAN_REASON_CODE_MSMSEC_BASE..MSMSEC_CONNECT_BASE-1 and not a code.
  ASSERT_EQ(wlancode::find(family::wlan_reason, std::uint32_t{0x00047FE0}), nullptr);
  EXPECT_EQ(describe(family::wlan_reason, 0x00047FE0), "MSM security range, unlisted code +0x7FE0");
  // MSMSEC_PSK_MISMATCH_SUSPECTED = WLAN_REASON_CODE_MSMSEC_CONNECT_BASE + 20.
  EXPECT_EQ(describe(family::wlan_reason, 0x00048014), "MSM security connection range, code +0x14");
}

TEST(Classify, ListedCodes) {
  // wlanapi.h section -> the range its codes lie in.
  const std::map<std::string_view, std::string_view> range_of_section = {
      {"Automatic configuration error codes", "ac"},         {"Automatic connection error codes", "ac_connect"},
      {"Profile validation error codes", "profile"},         {"MSM network incompatibility error codes", "msm"},
      {"MSM connection failure error codes", "msm_connect"}, {"MSM security error codes", "msmsec"},
      {"MSM connection error codes", "msmsec_connect"},      {"802.1X reason codes", "onex"},
  };
  for (const wlancode::code_info& code : wlancode::codes(family::wlan_reason)) {
    SCOPED_TRACE(std::string(code.name));
    const wlancode::classification c = wlancode::classify(family::wlan_reason, code.value);
    EXPECT_EQ(c.code, &code);
    if (code.value == 0) {  // WLAN_REASON_CODE_SUCCESS lies below L2_REASON_CODE_GEN_BASE
      EXPECT_EQ(c.range, nullptr);
      continue;
    }
    ASSERT_NE(c.range, nullptr);
    EXPECT_EQ(c.offset, code.value - c.range->first);
    EXPECT_EQ(describe(family::wlan_reason, code.value), expected_words(*c.range, c.offset, true));
    // docs/windows-sources.md (b4): the reference page files MSMSEC_UI_REQUEST_FAILURE (0x00048001, in the
    // MSMSEC connection range) under "MSM security error codes", and wlancode keeps the page's heading.
    if (code.name == "WLAN_REASON_CODE_MSMSEC_UI_REQUEST_FAILURE") {
      EXPECT_EQ(c.range->id, "msmsec_connect");
      continue;
    }
    const auto it = range_of_section.find(code.section->heading);
    if (it != range_of_section.end()) {
      EXPECT_EQ(c.range->id, it->second) << code.section->heading;
    }
  }
  for (family f : wlancode::all_families)
    for (const wlancode::code_info& code : wlancode::codes(f))
      EXPECT_EQ(wlancode::classify(f, code.value).code, &code) << code.name;
}

TEST(Classify, OutsideEveryWlanReasonRange) {
  for (std::uint32_t v : {0x00000005u, 0x0000FFFFu, 0x000C0000u, 0x000C0001u, 0x00100000u, 0x7FFFFFFFu, 0x80000000u,
                          0x80070005u, 0xFFFFFFFFu}) {
    SCOPED_TRACE(hex(v));
    const wlancode::classification c = wlancode::classify(family::wlan_reason, v);
    EXPECT_EQ(c.range, nullptr);
    EXPECT_EQ(c.code, nullptr);
    EXPECT_EQ(c.offset, 0u);
    EXPECT_EQ(describe(family::wlan_reason, v), "outside every WLAN_REASON_CODE range");
  }
}

TEST(Classify, IeeeFieldsAreSixteenBits) {
  for (family f : {family::ieee80211_reason, family::ieee80211_status}) {
    SCOPED_TRACE(std::string(wlancode::to_string(f)));
    const auto rs = wlancode::ranges(f);
    ASSERT_EQ(rs.size(), 1u);
    EXPECT_EQ(rs[0].first, 0u);
    EXPECT_EQ(rs[0].last, 0xFFFFu);
    EXPECT_EQ(rs[0].fam, f);
    const auto values = unlisted_in(f, rs[0]);
    ASSERT_FALSE(values.empty());
    for (std::uint32_t v : {values.front(), values.back(), std::uint32_t{0x1234}, std::uint32_t{0xFFFF}}) {
      if (wlancode::find(f, v)) continue;
      const wlancode::classification c = wlancode::classify(f, v);
      ASSERT_EQ(c.range, &rs[0]) << v;
      EXPECT_EQ(c.offset, v);
      EXPECT_EQ(c.code, nullptr);
      EXPECT_EQ(describe(f, v), expected_words(rs[0], v, false));
    }
    for (std::uint32_t v : {0x10000u, 0x10003u, 0xFFFFFFFFu}) {
      const wlancode::classification c = wlancode::classify(f, v);
      EXPECT_EQ(c.range, nullptr) << v;
      EXPECT_EQ(c.code, nullptr) << v;
      EXPECT_EQ(describe(f, v), "outside every " + std::string(wlancode::type_name(f)) + " range");
    }
  }
  // Reason code 0 is reserved in Table 9-49.
  EXPECT_EQ(wlancode::find(family::ieee80211_reason, std::uint32_t{0}), nullptr);
  EXPECT_NE(wlancode::classify(family::ieee80211_reason, 0).range, nullptr);
}

TEST(Classify, FamiliesWithoutRanges) {
  for (family f : {family::wdi_assoc_status, family::wcn_session_status}) {
    EXPECT_TRUE(wlancode::ranges(f).empty());
    const wlancode::classification listed = wlancode::classify(f, 1);
    EXPECT_NE(listed.code, nullptr);
    EXPECT_EQ(listed.range, nullptr);
    const wlancode::classification unlisted = wlancode::classify(f, 0x00047777);
    EXPECT_EQ(unlisted.code, nullptr);
    EXPECT_EQ(unlisted.range, nullptr);
    EXPECT_EQ(describe(f, 0x00047777), "outside every " + std::string(wlancode::type_name(f)) + " range");
  }
}

TEST(Describe, SnprintfContract) {
  const std::string full = describe(family::wlan_reason, 0x00047FE0);
  ASSERT_FALSE(full.empty());
  EXPECT_EQ(wlancode::describe(family::wlan_reason, 0x00047FE0, nullptr, 0), full.size());
  char small[8];
  std::memset(small, '#', sizeof small);
  EXPECT_EQ(wlancode::describe(family::wlan_reason, 0x00047FE0, small, 5), full.size());
  EXPECT_EQ(std::string(small), full.substr(0, 4));
  EXPECT_EQ(small[5], '#');
  char one[2] = {'#', '#'};
  EXPECT_EQ(wlancode::describe(family::wlan_reason, 0x00047FE0, one, 1), full.size());
  EXPECT_EQ(one[0], '\0');
  EXPECT_EQ(one[1], '#');
}

TEST(ReasonText, ListedAndUnlisted) {
  for (const wlancode::code_info& c : wlancode::codes(family::wlan_reason)) {
    char buf[1024];
    const std::size_t n = wlancode::reason_text(c.value, buf, sizeof buf);
    ASSERT_LT(n, sizeof buf);
    const std::string_view expected = c.runtime.text.empty() ? c.meaning.text : c.runtime.text;
    EXPECT_EQ(std::string_view(buf, n), expected) << c.name;
  }
  for (std::uint32_t v : {0x00047FE0u, 0x000C0000u, 0xFFFFFFFFu}) {
    char buf[512];
    const std::size_t n = wlancode::reason_text(v, buf, sizeof buf);
    ASSERT_LT(n, sizeof buf);
    std::string text(buf, n);
    EXPECT_NE(text.find(describe(family::wlan_reason, v)), std::string::npos) << text;
    for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    std::string h = hex(v);
    for (char& ch : h) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    EXPECT_NE(text.find(h), std::string::npos) << text;
  }
}

}  // namespace
