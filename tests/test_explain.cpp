// parse_number, explain() and search().
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "wlancode/codes.hpp"
#include "wlancode/explain.hpp"

namespace {

using wlancode::family;
using wlancode::parse_error;

// ---- parse_number --------------------------------------------------------------------------

void expect_value(std::string_view in, std::uint32_t value) {
  const wlancode::parse_result r = wlancode::parse_number(in);
  ASSERT_TRUE(r.number.has_value()) << '"' << in << "\" gave error " << static_cast<int>(r.error);
  EXPECT_EQ(r.error, parse_error::none) << in;
  EXPECT_EQ(r.number->value, value) << in;
  EXPECT_FALSE(r.number->negative) << in;
}
void expect_negative(std::string_view in, std::uint32_t value, std::int64_t magnitude) {
  const wlancode::parse_result r = wlancode::parse_number(in);
  ASSERT_TRUE(r.number.has_value()) << in;
  EXPECT_EQ(r.number->value, value) << in;
  EXPECT_TRUE(r.number->negative) << in;
  EXPECT_EQ(r.number->magnitude, magnitude) << in;
}
void expect_error(std::string_view in, parse_error e) {
  const wlancode::parse_result r = wlancode::parse_number(in);
  EXPECT_FALSE(r.number.has_value()) << '"' << in << "\" parsed as " << (r.number ? r.number->value : 0);
  EXPECT_EQ(r.error, e) << '"' << in << '"';
}

TEST(ParseNumber, Spellings) {
  expect_value("0x00038004", 0x00038004);
  expect_value("0x38004", 0x00038004);
  expect_value("0X38004", 0x00038004);
  expect_value("0x0003800a", 0x0003800A);
  expect_value("229380", 229380);
  expect_value(" 229380 \t", 229380);
  expect_value("\t0x38004\r\n", 0x00038004);
  expect_value("0", 0);
  expect_value("0x0", 0);
  expect_value("4294967295", 0xFFFFFFFF);
  expect_value("0xFFFFFFFF", 0xFFFFFFFF);
  expect_value("0x00000000FFFFFFFF", 0xFFFFFFFF);
}

TEST(ParseNumber, NegativeInt32) {
  expect_negative("-3", 0xFFFFFFFD, 3);
  expect_negative("-1", 0xFFFFFFFF, 1);
  expect_negative("-2147024891", 0x80070005, 2147024891);  // E_ACCESSDENIED as logs print it
  expect_negative("-2147483648", 0x80000000, 2147483648LL);
  expect_negative(" -3 ", 0xFFFFFFFD, 3);
}

TEST(ParseNumber, OutOfRange) {
  expect_error("-2147483649", parse_error::out_of_range);
  expect_error("0x1FFFFFFFF", parse_error::out_of_range);
  expect_error("0x100000000", parse_error::out_of_range);
  expect_error("4294967296", parse_error::out_of_range);
  expect_error("99999999999999999999999", parse_error::out_of_range);
  expect_error("-99999999999999999999999", parse_error::out_of_range);
  expect_error("0xFFFFFFFFFFFFFFFFFFFF", parse_error::out_of_range);
}

TEST(ParseNumber, OtherErrors) {
  expect_error("-0", parse_error::negative_zero);
  expect_error("-00", parse_error::negative_zero);
  expect_error("", parse_error::empty);
  expect_error("   ", parse_error::empty);
  expect_error("\t\r\n", parse_error::empty);
  expect_error("12abc", parse_error::not_a_number);
  expect_error("0x", parse_error::not_a_number);
  expect_error("0xg", parse_error::not_a_number);
  expect_error("0x-5", parse_error::not_a_number);
  expect_error("-", parse_error::not_a_number);
  expect_error("1 2", parse_error::not_a_number);
  expect_error("abc", parse_error::not_a_number);
  expect_error("NOT_VISIBLE", parse_error::not_a_number);
  expect_error("\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x99", parse_error::not_a_number);  // full-width "229"
  expect_error("\xEF\xBC\x90x38004", parse_error::not_a_number);                    // full-width 0, "x38004"
  expect_error("\xD9\xA3", parse_error::not_a_number);                              // Arabic-Indic digit 3
  expect_error(std::string_view("3\0", 2), parse_error::not_a_number);
  for (parse_error e :
       {parse_error::empty, parse_error::not_a_number, parse_error::out_of_range, parse_error::negative_zero})
    EXPECT_FALSE(wlancode::to_string(e).empty());
}

TEST(ParseNumber, NegativeHexIsNotFive) {
  // "-0x5" is no common spelling; it must not silently read as +5.
  const wlancode::parse_result r = wlancode::parse_number("-0x5");
  if (r.number) {
    EXPECT_TRUE(r.number->negative);
    EXPECT_EQ(r.number->value, 0xFFFFFFFBu);
  } else {
    EXPECT_NE(r.error, parse_error::none);
  }
}

// ---- explain -------------------------------------------------------------------------------

TEST(Explain, WlanReasonHex) {
  for (std::string_view in : {"0x38004", "0x00038004", "229380"}) {
    const wlancode::explanation e = wlancode::explain(in);
    EXPECT_EQ(e.input, in);
    EXPECT_TRUE(e.error.empty());
    ASSERT_TRUE(e.number);
    EXPECT_EQ(e.number->value, 0x00038004u);
    ASSERT_FALSE(e.matches.empty()) << in;
    EXPECT_EQ(e.matches[0].code->name, "WLAN_REASON_CODE_PRE_SECURITY_FAILURE");
    EXPECT_FALSE(e.matches[0].locally_generated);
    EXPECT_TRUE(e.found());
    ASSERT_TRUE(e.range_family);
    EXPECT_EQ(*e.range_family, family::wlan_reason);
    ASSERT_NE(e.range.range, nullptr);
    EXPECT_EQ(e.range.range->first, 0x00038000u);  // WLAN_REASON_CODE_MSM_CONNECT_BASE
    EXPECT_EQ(e.range.offset, 4u);
    EXPECT_EQ(e.range.code, e.matches[0].code);
  }
}

TEST(Explain, SmallNumberInEveryFamily) {
  const wlancode::explanation e = wlancode::explain("3");
  ASSERT_FALSE(e.matches.empty());
  EXPECT_EQ(e.matches[0].code->fam, family::ieee80211_reason);
  EXPECT_EQ(e.matches[0].code->value, 3u);
  std::set<family> seen;
  for (const wlancode::match& m : e.matches) {
    EXPECT_EQ(m.code->value, 3u);
    EXPECT_FALSE(m.locally_generated);
    EXPECT_TRUE(seen.insert(m.code->fam).second) << "family listed twice";
  }
  for (family f : wlancode::all_families)
    EXPECT_EQ(seen.count(f), wlancode::find(f, std::uint32_t{3}) ? 1u : 0u) << wlancode::to_string(f);
  EXPECT_GE(seen.size(), 3u);  // 802.11 reason 3, 802.11 status 3, WDI_ASSOC_STATUS 3
}

TEST(Explain, NegativeIsLocallyGeneratedReason) {
  const wlancode::explanation e = wlancode::explain("-3");
  ASSERT_TRUE(e.number);
  EXPECT_TRUE(e.number->negative);
  EXPECT_EQ(e.number->value, 0xFFFFFFFDu);
  const auto it = std::find_if(e.matches.begin(), e.matches.end(), [](const wlancode::match& m) {
    return m.code->fam == family::ieee80211_reason && m.code->value == 3;
  });
  ASSERT_NE(it, e.matches.end());
  EXPECT_TRUE(it->locally_generated);
  EXPECT_EQ(it->code->name, "WLAN_REASON_DEAUTH_LEAVING");
  EXPECT_TRUE(e.found());
  // Only reason codes are sent with a locally-generated flag; not status codes.
  for (const wlancode::match& m : e.matches)
    if (m.locally_generated) {
      EXPECT_EQ(m.code->fam, family::ieee80211_reason);
    }
  EXPECT_FALSE(wlancode::explain("-3", family::ieee80211_status).found());
  EXPECT_TRUE(wlancode::explain("-3", family::ieee80211_reason).found());
  // -0x10003 is no 16-bit reason.
  for (const wlancode::match& m : wlancode::explain("-65539").matches) EXPECT_FALSE(m.locally_generated);
}

// "family:value", as scan --summary and diagnose label a code with no name of its own.
TEST(Explain, FamilyColonValue) {
  const wlancode::explanation e = wlancode::explain("ieee80211_status:17");
  ASSERT_EQ(e.matches.size(), 1u);
  EXPECT_EQ(e.matches[0].code->fam, family::ieee80211_status);
  EXPECT_EQ(e.matches[0].code->value, 17u);
  const wlancode::explanation w = wlancode::explain(" wlan_reason: 0x38012 ");
  ASSERT_EQ(w.matches.size(), 1u);
  EXPECT_EQ(w.matches[0].code->name, "WLAN_REASON_CODE_TOO_MANY_SECURITY_ATTEMPTS");
  EXPECT_EQ(w.input, " wlan_reason: 0x38012 ");                    // the input as given
  EXPECT_TRUE(wlancode::explain("ieee80211_reason:252").found());  // reserved, still the family's
  EXPECT_EQ(wlancode::explain("ieee80211_reason:252").range_family, family::ieee80211_reason);
  // A family the text does not name, or one --family contradicts: not read as a number.
  EXPECT_FALSE(wlancode::explain("bogus:17").found());
  EXPECT_FALSE(wlancode::explain("ieee80211_status:17", family::wlan_reason).found());
  EXPECT_TRUE(wlancode::explain("ieee80211_status:17", family::ieee80211_status).found());
}

TEST(Explain, NamesAcrossFamilies) {
  const wlancode::explanation e = wlancode::explain("SUCCESS");
  EXPECT_FALSE(e.number);
  EXPECT_GE(e.matches.size(), 4u);
  std::set<family> seen;
  for (const wlancode::match& m : e.matches) {
    EXPECT_TRUE(m.code->name.ends_with("SUCCESS")) << m.code->name;
    EXPECT_TRUE(seen.insert(m.code->fam).second);
  }
  const wlancode::explanation lower = wlancode::explain("success");
  EXPECT_EQ(lower.matches.size(), e.matches.size());

  const wlancode::explanation full = wlancode::explain("WLAN_REASON_CODE_MSMSEC_PSK_MISMATCH_SUSPECTED");
  ASSERT_EQ(full.matches.size(), 1u);
  EXPECT_EQ(full.matches[0].code->value, 0x00048014u);
  const wlancode::explanation padded = wlancode::explain("  not-visible\t");
  ASSERT_EQ(padded.matches.size(), 1u);
  EXPECT_EQ(padded.matches[0].code->value, 0x00028002u);
}

// The name lookup treats ' ' like '-' and '_'; explain must hand it such names.
TEST(Explain, NamesWithSpaces) {
  for (const char* spelled : {"psk mismatch suspected", "PSK MISMATCH_SUSPECTED", "msmsec psk-mismatch suspected"}) {
    const wlancode::explanation e = wlancode::explain(spelled);
    EXPECT_TRUE(e.error.empty()) << spelled << ": " << e.error;
    ASSERT_EQ(e.matches.size(), 1u) << spelled;
    EXPECT_EQ(e.matches[0].code->value, 0x00048014u);
  }
  EXPECT_EQ(wlancode::explain("deauth leaving", family::ieee80211_reason).matches.size(), 1u);
  EXPECT_FALSE(wlancode::explain("psk mismatch; suspected").error.empty());
}

TEST(Explain, FamilyNarrowing) {
  const wlancode::explanation e = wlancode::explain("SUCCESS", family::wdi_assoc_status);
  ASSERT_EQ(e.matches.size(), 1u);
  EXPECT_EQ(e.matches[0].code->fam, family::wdi_assoc_status);

  const wlancode::explanation n = wlancode::explain("3", family::ieee80211_status);
  ASSERT_EQ(n.matches.size(), 1u);
  EXPECT_EQ(n.matches[0].code->fam, family::ieee80211_status);
  ASSERT_TRUE(n.range_family);
  EXPECT_EQ(*n.range_family, family::ieee80211_status);

  const wlancode::explanation none = wlancode::explain("0x38004", family::ieee80211_reason);
  EXPECT_TRUE(none.matches.empty());
  EXPECT_FALSE(none.found());
  EXPECT_EQ(none.range.range, nullptr);  // 0x38004 is outside the 16-bit field

  const wlancode::explanation wcn = wlancode::explain("3", family::wcn_session_status);
  EXPECT_FALSE(wcn.found());
  ASSERT_TRUE(wcn.range_family);
  EXPECT_EQ(*wcn.range_family, family::wcn_session_status);

  EXPECT_FALSE(wlancode::explain("NOT_VISIBLE", family::wdi_assoc_status).found());
  EXPECT_TRUE(wlancode::explain("NOT_VISIBLE", family::wlan_reason).found());
}

TEST(Explain, Macros) {
  const wlancode::explanation e = wlancode::explain("WLAN_REASON_CODE_MSMSEC_BASE");
  ASSERT_EQ(e.macros.size(), 1u);
  EXPECT_EQ(e.macros[0]->value, 0x00040000u);
  EXPECT_TRUE(e.found());
  const wlancode::explanation l = wlancode::explain("l2_reason_code_onex_base");
  ASSERT_EQ(l.macros.size(), 1u);
  EXPECT_EQ(l.macros[0]->name, "L2_REASON_CODE_ONEX_BASE");
  EXPECT_EQ(l.macros[0]->value, 0x00050000u);
  EXPECT_TRUE(wlancode::explain("ONEX_REASON_START", family::wlan_reason).found());
  EXPECT_FALSE(wlancode::explain("WLAN_REASON_CODE_MSMSEC_BASE", family::wdi_assoc_status).found());
  EXPECT_FALSE(wlancode::explain("WLAN_REASON_CODE_MSMSEC_BAS").found());
}

TEST(Explain, UnknownNumbersKeepTheirRange) {
  const wlancode::explanation e = wlancode::explain("0x00047777");
  EXPECT_FALSE(e.found());
  EXPECT_TRUE(e.error.empty());
  ASSERT_TRUE(e.number);
  ASSERT_TRUE(e.range_family);
  EXPECT_EQ(*e.range_family, family::wlan_reason);
  ASSERT_NE(e.range.range, nullptr);
  EXPECT_EQ(e.range.range->first, 0x00040000u);  // WLAN_REASON_CODE_MSMSEC_BASE
  EXPECT_EQ(e.range.offset, 0x7777u);
  EXPECT_EQ(e.range.code, nullptr);

  // Outside every WLAN_REASON_CODE range, inside DOT11_ASSOC_STATUS's vendor range.
  const wlancode::explanation out = wlancode::explain("0xFFFFFFFF");
  EXPECT_FALSE(out.found());
  ASSERT_NE(out.range.range, nullptr);
  EXPECT_EQ(out.range.range->fam, family::dot11_assoc_status);
  EXPECT_EQ(out.range.range->id, "IHV");
  const wlancode::explanation none = wlancode::explain("0xFFFFFFFF", family::wlan_reason);
  EXPECT_EQ(none.range.range, nullptr);
}

TEST(Explain, BadInputs) {
  const std::string long_name(10000, 'A');
  const std::string long_junk(10000, '"');
  const std::string inputs[] = {"",
                                "   ",
                                "0x1FFFFFFFF",
                                "-0",
                                "a\"b\\c",
                                "\xEF\xBC\x90x38004",
                                long_junk,
                                std::string("NOT\0VISIBLE", 11),
                                "\xFF\xFE"};
  for (const std::string& in : inputs) {
    const wlancode::explanation e = wlancode::explain(in);
    EXPECT_EQ(e.input, in);
    EXPECT_FALSE(e.found()) << in.substr(0, 40);
    EXPECT_FALSE(e.error.empty()) << in.substr(0, 40);
    EXPECT_TRUE(e.matches.empty());
    EXPECT_EQ(e.range.range, nullptr);
  }
  const wlancode::explanation e = wlancode::explain(long_name);
  EXPECT_EQ(e.input, long_name);
  EXPECT_FALSE(e.found());
}

// ---- search --------------------------------------------------------------------------------

bool contains_icase(std::string_view hay, std::string_view needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         }) != hay.end();
}
std::vector<const wlancode::code_info*> brute_force(const std::vector<std::string>& words,
                                                    std::optional<family> only = std::nullopt) {
  std::vector<const wlancode::code_info*> out;
  for (family f : wlancode::all_families) {
    if (only && *only != f) continue;
    for (const wlancode::code_info& c : wlancode::codes(f)) {
      bool all = true;
      for (const std::string& w : words)
        all = all && (contains_icase(c.name, w) || contains_icase(c.meaning.text, w) ||
                      contains_icase(c.runtime.text, w) || contains_icase(c.phrase.text, w));
      if (all) out.push_back(&c);
    }
  }
  return out;
}
std::set<const wlancode::code_info*> as_set(const std::vector<const wlancode::code_info*>& v) {
  return {v.begin(), v.end()};
}

TEST(Search, EveryWordMustMatch) {
  const std::vector<std::string> psk{"psk"};
  const std::vector<std::string> psk_mismatch{"PSK", "mismatch"};
  const auto a = wlancode::search(psk);
  const auto b = wlancode::search(psk_mismatch);
  ASSERT_FALSE(b.empty());
  EXPECT_LE(b.size(), a.size());
  const auto sa = as_set(a);
  for (const wlancode::code_info* c : b) EXPECT_TRUE(sa.count(c)) << c->name;
  const wlancode::code_info* suspected = wlancode::find(family::wlan_reason, "PSK_MISMATCH_SUSPECTED");
  EXPECT_TRUE(as_set(b).count(suspected));
  EXPECT_EQ(as_set(a), as_set(brute_force(psk)));
  EXPECT_EQ(as_set(b), as_set(brute_force(psk_mismatch)));
  EXPECT_EQ(a.size(), as_set(a).size()) << "a code listed twice";
}

TEST(Search, CaseInsensitiveAndNarrowed) {
  const std::vector<std::string> lower{"timeout"}, upper{"TIMEOUT"};
  EXPECT_EQ(as_set(wlancode::search(lower)), as_set(wlancode::search(upper)));
  const auto ieee = wlancode::search(lower, family::ieee80211_reason);
  ASSERT_FALSE(ieee.empty());
  for (const wlancode::code_info* c : ieee) EXPECT_EQ(c->fam, family::ieee80211_reason);
  EXPECT_EQ(as_set(ieee), as_set(brute_force(lower, family::ieee80211_reason)));
  EXPECT_TRUE(as_set(ieee).count(wlancode::find(family::ieee80211_reason, "FOURWAY_HANDSHAKE_TIMEOUT")));
}

TEST(Search, NothingFound) {
  const std::vector<std::string> none{"zzqqxxjj"};
  EXPECT_TRUE(wlancode::search(none).empty());
  const std::vector<std::string> contradict{"psk", "zzqqxxjj"};
  EXPECT_TRUE(wlancode::search(contradict).empty());
}

}  // namespace

// IEEE 802.11 reserves its unassigned values: they are classified as reserved, not unknown.
TEST(ExplainReserved, UnassignedIeeeValuesAreReserved) {
  const wlancode::explanation e = wlancode::explain("250");  // 200-212 are ESP-IDF's
  EXPECT_TRUE(e.matches.empty());
  EXPECT_EQ(e.reserved_in,
            (std::vector<wlancode::family>{wlancode::family::ieee80211_reason, wlancode::family::ieee80211_status}));
  EXPECT_TRUE(e.found());
  const wlancode::explanation s = wlancode::explain("4", wlancode::family::ieee80211_status);
  EXPECT_EQ(s.reserved_in, std::vector<wlancode::family>{wlancode::family::ieee80211_status});
  // Listed somewhere: no reserved note. Beyond 16 bits, or in a Windows range: unknown.
  EXPECT_TRUE(wlancode::explain("3").reserved_in.empty());
  EXPECT_FALSE(wlancode::explain("0x47777").found());
  EXPECT_FALSE(wlancode::explain("70000").found());
  EXPECT_TRUE(wlancode::explain("-200").reserved_in.empty());
}
