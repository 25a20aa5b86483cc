// Lookups by value and by name, per-code invariants, names of enums, std::error_code support.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <system_error>

#include "wlancode/codes.hpp"
#include "wlancode/error.hpp"

namespace {

using wlancode::code_info;
using wlancode::family;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
std::string replace_all(std::string_view s, char from, char to) {
  std::string out(s);
  std::replace(out.begin(), out.end(), from, to);
  return out;
}
std::string hex(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(v));
  return buf;
}

// ---- round trips ---------------------------------------------------------------------------

TEST(Lookup, EveryCodeRoundTripsByValueAndName) {
  for (family f : wlancode::all_families) {
    for (const code_info& c : wlancode::codes(f)) {
      SCOPED_TRACE(std::string(c.name));
      EXPECT_EQ(c.fam, f);
      EXPECT_EQ(wlancode::find(f, c.value), &c);
      EXPECT_EQ(wlancode::find(f, c.name), &c);
      EXPECT_EQ(wlancode::find(f, c.suffix), &c);
    }
  }
}

TEST(Lookup, NamesAndSuffixesAreConsistent) {
  for (family f : wlancode::all_families) {
    const std::string_view prefix = wlancode::name_prefix(f);
    ASSERT_FALSE(prefix.empty());
    for (const code_info& c : wlancode::codes(f)) {
      SCOPED_TRACE(std::string(c.name));
      ASSERT_FALSE(c.suffix.empty());
      if (c.name.starts_with("ONEX_") || c.name.starts_with("WPS_CFG_")) {
        // dot1x.h ONEX_REASON_CODE members carry no WLAN_REASON_CODE_ prefix; the two WPS values
        // Windows does not name keep hostap's names.
        EXPECT_TRUE(f == family::wlan_reason || f == family::wps_config_error);
        EXPECT_EQ(c.name, c.suffix);
      } else {
        EXPECT_EQ(c.name, std::string(prefix) + std::string(c.suffix));
      }
      // Identifiers: upper case, digits and underscores only.
      for (char ch : c.name)
        EXPECT_TRUE((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_') << "bad character " << ch;
      // The string_views point at NUL-terminated literals (documented in codes.hpp).
      EXPECT_EQ(c.name.data()[c.name.size()], '\0');
      EXPECT_EQ(c.meaning.text.data()[c.meaning.text.size()], '\0');
    }
  }
}

TEST(Lookup, ValuesAndNamesAreUniquePerFamily) {
  for (family f : wlancode::all_families) {
    std::set<std::uint32_t> values;
    std::set<std::string> names;
    for (const code_info& c : wlancode::codes(f)) {
      EXPECT_TRUE(values.insert(c.value).second) << "duplicate value " << hex(c.value);
      EXPECT_TRUE(names.insert(std::string(c.name)).second) << "duplicate name " << c.name;
    }
  }
}

TEST(Lookup, SixteenBitFamiliesHoldSixteenBitValues) {
  EXPECT_EQ(wlancode::value_bits(family::wlan_reason), 32u);
  EXPECT_EQ(wlancode::value_bits(family::wdi_assoc_status), 32u);
  EXPECT_EQ(wlancode::value_bits(family::wcn_session_status), 32u);
  EXPECT_EQ(wlancode::value_bits(family::ieee80211_reason), 16u);
  EXPECT_EQ(wlancode::value_bits(family::ieee80211_status), 16u);
  for (family f : {family::ieee80211_reason, family::ieee80211_status})
    for (const code_info& c : wlancode::codes(f)) EXPECT_LE(c.value, 0xFFFFu) << c.name;
}

TEST(Lookup, CaseInsensitiveAndDashesAndSpaces) {
  for (family f : wlancode::all_families) {
    for (const code_info& c : wlancode::codes(f)) {
      SCOPED_TRACE(std::string(c.name));
      EXPECT_EQ(wlancode::find(f, lower(c.name)), &c);
      EXPECT_EQ(wlancode::find(f, lower(c.suffix)), &c);
      EXPECT_EQ(wlancode::find(f, replace_all(lower(c.name), '_', '-')), &c);
      EXPECT_EQ(wlancode::find(f, replace_all(c.suffix, '_', '-')), &c);
      EXPECT_EQ(wlancode::find(f, replace_all(lower(c.suffix), '_', ' ')), &c);
    }
  }
}

TEST(Lookup, MsmsecAndOnexPartsMayBeLeftOut) {
  std::size_t stripped = 0;
  for (const code_info& c : wlancode::codes(family::wlan_reason)) {
    for (std::string_view part : {std::string_view("MSMSEC_"), std::string_view("ONEX_")}) {
      if (!c.suffix.starts_with(part)) continue;
      const std::string_view rest = c.suffix.substr(part.size());
      EXPECT_EQ(wlancode::find(family::wlan_reason, rest), &c) << rest;
      EXPECT_EQ(wlancode::find(family::wlan_reason, lower(rest)), &c) << rest;
      ++stripped;
    }
  }
  EXPECT_GT(stripped, 40u);  // dozens of MSMSEC_ and ONEX_ codes exist

  const code_info* psk = wlancode::find(family::wlan_reason, std::uint32_t{0x00048014});
  ASSERT_NE(psk, nullptr);
  EXPECT_EQ(wlancode::find(family::wlan_reason, "PSK_MISMATCH_SUSPECTED"), psk);
  EXPECT_EQ(wlancode::find(family::wlan_reason, "psk-mismatch-suspected"), psk);
  EXPECT_EQ(wlancode::find(family::wlan_reason, "psk mismatch suspected"), psk);
  EXPECT_EQ(wlancode::find(family::wlan_reason, "msmsec_psk_mismatch_suspected"), psk);
  EXPECT_EQ(wlancode::find(family::wlan_reason, "wlan_reason_code_msmsec_psk_mismatch_suspected"), psk);
  EXPECT_EQ(wlancode::find(family::wlan_reason, "Wlan-Reason-Code-Msmsec-Psk-Mismatch-Suspected"), psk);

  const code_info* ui = wlancode::find(family::wlan_reason, "UI_DISABLED");
  ASSERT_NE(ui, nullptr);
  EXPECT_EQ(ui->name, "ONEX_UI_DISABLED");
  EXPECT_EQ(ui->value, 0x00050003u);
  EXPECT_EQ(wlancode::find(family::wlan_reason, "onex_ui_disabled"), ui);
}

TEST(Lookup, Aliases) {
  const code_info* c = wlancode::find(family::wcn_session_status, "WCN_SESSION_FAILURE_GENERIC");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value, 1u);
  EXPECT_EQ(c->name, "WCN_SESSION_STATUS_FAILURE_GENERIC");
  c = wlancode::find(family::wcn_session_status, "wcn-session-failure-timeout");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value, 2u);
  EXPECT_EQ(c->name, "WCN_SESSION_STATUS_FAILURE_TIMEOUT");

  c = wlancode::find(family::wlan_reason, "L2_REASON_CODE_SUCCESS");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value, 0u);
  EXPECT_EQ(c->name, "WLAN_REASON_CODE_SUCCESS");
  c = wlancode::find(family::wlan_reason, "l2_reason_code_unknown");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value, 0x00010001u);  // l2cmn.h: L2_REASON_CODE_GEN_BASE + 1
  EXPECT_EQ(c->name, "WLAN_REASON_CODE_UNKNOWN");
  c = wlancode::find(family::wlan_reason, "ONEX_REASON_CODE_SUCCESS");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value, 0u);

  // Aliases belong to their family only.
  EXPECT_EQ(wlancode::find(family::wlan_reason, "WCN_SESSION_FAILURE_GENERIC"), nullptr);
  EXPECT_EQ(wlancode::find(family::wdi_assoc_status, "L2_REASON_CODE_SUCCESS"), nullptr);
}

// ---- non-codes -----------------------------------------------------------------------------

TEST(Lookup, NonCodesGiveNullptr) {
  const std::string long_name(200, 'A');
  const std::string long_valid = "WLAN_REASON_CODE_NOT_VISIBLE" + std::string(172, '_');
  const std::string_view with_nul_inside("NOT_VISIBLE\0X", 13);
  const std::string_view with_nul_at_end("NOT_VISIBLE\0", 12);
  const std::string_view nul_first("\0NOT_VISIBLE", 12);
  const std::string_view only_nuls("\0\0\0", 3);
  const std::string_view inputs[] = {
      "",
      "garbage",
      "NOT_A_CODE_AT_ALL",
      long_name,
      long_valid,
      with_nul_inside,
      with_nul_at_end,
      nul_first,
      only_nuls,
      "NOT_VISIBL\xC3\x89",  // NOT_VISIBLÉ
      "\xEF\xBC\xAE"
      "OT_VISIBLE",  // full-width N
      "NOT_VISIBLE\xFF",
      "\xFF\xFE",
      "WLAN_REASON_CODE_",
      "WLAN_REASON_CODE",
      "MSMSEC_",
      "ONEX_",
      "_",
      "-",
      " ",
      "NOT__VISIBLE",
      "NOT_VISIBLE_",
      "0x00028002",
      "163842",
  };
  for (family f : wlancode::all_families) {
    for (std::string_view in : inputs) {
      const code_info* c = wlancode::find(f, in);
      EXPECT_EQ(c, nullptr) << wlancode::to_string(f) << ": input of " << in.size() << " bytes resolved to "
                            << (c ? c->name : "");
    }
  }
}

TEST(Lookup, NamesOfOtherFamiliesDoNotResolve) {
  EXPECT_NE(wlancode::find(family::wlan_reason, "WLAN_REASON_CODE_NOT_VISIBLE"), nullptr);
  EXPECT_EQ(wlancode::find(family::wdi_assoc_status, "WLAN_REASON_CODE_NOT_VISIBLE"), nullptr);
  EXPECT_EQ(wlancode::find(family::ieee80211_reason, "WLAN_REASON_CODE_NOT_VISIBLE"), nullptr);
  EXPECT_EQ(wlancode::find(family::ieee80211_reason, "NOT_VISIBLE"), nullptr);
  EXPECT_EQ(wlancode::find(family::wlan_reason, "WDI_ASSOC_STATUS_PEER_DEAUTHENTICATED"), nullptr);
  EXPECT_EQ(wlancode::find(family::ieee80211_status, "WLAN_REASON_DEAUTH_LEAVING"), nullptr);
}

TEST(Lookup, NonValuesGiveNullptr) {
  for (family f : wlancode::all_families) {
    EXPECT_EQ(wlancode::find(f, std::uint32_t{0xFFFFFFFF}), nullptr) << wlancode::to_string(f);
    EXPECT_EQ(wlancode::find(f, std::uint32_t{0x00047777}), nullptr) << wlancode::to_string(f);
    EXPECT_EQ(wlancode::find(f, std::uint32_t{0x80000000}), nullptr) << wlancode::to_string(f);
  }
  // 16-bit families: a listed value plus 0x10000 is not that code.
  for (family f : {family::ieee80211_reason, family::ieee80211_status}) {
    for (const code_info& c : wlancode::codes(f)) {
      EXPECT_EQ(wlancode::find(f, c.value + 0x10000u), nullptr) << c.name;
      EXPECT_EQ(wlancode::find(f, c.value | 0xFFFF0000u), nullptr) << c.name;
    }
  }
}

TEST(Lookup, InvalidFamilyIsHandled) {
  const auto bad = static_cast<family>(200);
  EXPECT_EQ(wlancode::find(bad, std::uint32_t{0}), nullptr);
  EXPECT_EQ(wlancode::find(bad, "SUCCESS"), nullptr);
  EXPECT_TRUE(wlancode::codes(bad).empty());
  EXPECT_TRUE(wlancode::ranges(bad).empty());
  EXPECT_TRUE(wlancode::to_string(bad).empty());
  EXPECT_TRUE(wlancode::type_name(bad).empty());
  EXPECT_TRUE(wlancode::name_prefix(bad).empty());
  EXPECT_EQ(wlancode::value_bits(bad), 0u);
}

// ---- per-code data -------------------------------------------------------------------------

TEST(CodeData, EveryCodeHasTextsAndASection) {
  for (family f : wlancode::all_families) {
    for (const code_info& c : wlancode::codes(f)) {
      SCOPED_TRACE(std::string(c.name));
      EXPECT_FALSE(c.meaning.text.empty());
      EXPECT_FALSE(c.meaning.source.empty());
      EXPECT_FALSE(c.phrase.text.empty());
      EXPECT_LE(c.phrase.text.size(), 48u) << "tables/README.md: phrase is at most 48 characters";
      EXPECT_EQ(c.runtime.text.empty(), c.runtime.source.empty()) << "runtime text without a source or vice versa";
      ASSERT_NE(c.section, nullptr);
      EXPECT_FALSE(c.section->heading.empty());
      EXPECT_FALSE(c.section->header.empty());
      EXPECT_EQ(c.section->fam, f);
      EXPECT_EQ(c.meaning.text.find('\n'), std::string_view::npos);
      EXPECT_NE(wlancode::to_string(c.phase), "");
      EXPECT_NE(wlancode::to_string(c.initiator), "");
      if (c.flags & wlancode::flag::own) {
        EXPECT_EQ(c.meaning.source, "wlancode");
      }
    }
  }
}

TEST(CodeData, WindowsHeadersAreTheDocumentedOnes) {
  for (const code_info& c : wlancode::codes(family::wlan_reason)) {
    const char* header = c.name.starts_with("ONEX_") ? "dot1x.h" : "wlanapi.h";
    EXPECT_EQ(c.section->header, header) << c.name;
  }
  for (const code_info& c : wlancode::codes(family::wcn_session_status))
    EXPECT_EQ(c.section->header, "wcndevice.h") << c.name;
}

TEST(CodeData, SuccessCodesHaveSuccessPhaseAndNoInitiator) {
  std::size_t success_rows = 0;
  for (family f : wlancode::all_families) {
    if (const code_info* c = wlancode::find(f, "SUCCESS")) {
      SCOPED_TRACE(std::string(c->name));
      ++success_rows;
      EXPECT_EQ(c->value, 0u);
      EXPECT_EQ(c->phase, wlancode::phase::success);
      EXPECT_EQ(c->initiator, wlancode::initiator::none);
    }
    for (const code_info& c : wlancode::codes(f)) {
      SCOPED_TRACE(std::string(c.name));
      // A success is nobody's doing, and only a success is.
      EXPECT_EQ(c.phase == wlancode::phase::success, c.initiator == wlancode::initiator::none);
      if (c.phase == wlancode::phase::success) {
        EXPECT_TRUE(c.suffix.find("SUCCESS") != std::string_view::npos || c.suffix == "NO_ERROR");
        EXPECT_EQ(c.suffix.find("FAIL"), std::string_view::npos);
        EXPECT_EQ(c.suffix.find("TIMEOUT"), std::string_view::npos);
      }
    }
  }
  // wlan_reason, wdi_assoc_status, wcn_session_status, ieee80211_status and dot11_assoc_status define
  // SUCCESS = 0; wps_config_error calls it NO_ERROR.
  EXPECT_EQ(success_rows, 5u);
  const code_info* no_error = wlancode::find(family::wps_config_error, "NO_ERROR");
  ASSERT_NE(no_error, nullptr);
  EXPECT_EQ(no_error->value, 0u);
  EXPECT_EQ(no_error->phase, wlancode::phase::success);
}

// ---- std::error_code -----------------------------------------------------------------------

TEST(ErrorCode, MessageIsTheMeaning) {
  const std::error_code ec = wlancode::wlan_reason::NOT_VISIBLE;
  const code_info* c = wlancode::find(family::wlan_reason, "NOT_VISIBLE");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(ec.value(), 0x00028002);
  EXPECT_EQ(ec.message(), c->meaning.text);
  EXPECT_STREQ(ec.category().name(), "wlan_reason");
  EXPECT_TRUE(static_cast<bool>(ec));

  const std::error_code ok = wlancode::make_error_code(wlancode::wlan_reason::SUCCESS);
  EXPECT_EQ(ok.value(), 0);

  const std::error_code ieee = wlancode::ieee80211_reason::DEAUTH_LEAVING;
  EXPECT_EQ(ieee.value(), 3);
  EXPECT_STREQ(ieee.category().name(), "ieee80211_reason");
  EXPECT_EQ(ieee.message(), wlancode::find(family::ieee80211_reason, std::uint32_t{3})->meaning.text);
  // Same number, different families: different error codes.
  EXPECT_NE(ieee, std::error_code(wlancode::ieee80211_status::TDLS_WAKEUP_REJECT));
  EXPECT_NE(std::error_code(wlancode::wdi_assoc_status::SUCCESS),
            std::error_code(wlancode::wcn_session_status::SUCCESS));
}

TEST(ErrorCode, EveryCodeOfEveryFamily) {
  for (family f : wlancode::all_families) {
    const std::error_category& cat = wlancode::category(f);
    EXPECT_EQ(std::string_view(cat.name()), wlancode::to_string(f));
    for (const code_info& c : wlancode::codes(f))
      EXPECT_EQ(cat.message(static_cast<int>(c.value)), c.meaning.text) << c.name;
  }
  std::set<const std::error_category*> distinct;
  for (family f : wlancode::all_families) distinct.insert(&wlancode::category(f));
  EXPECT_EQ(distinct.size(), wlancode::family_count);
}

TEST(ErrorCode, UnknownValuesMentionTheHexValue) {
  for (family f : wlancode::all_families) {
    const std::error_category& cat = wlancode::category(f);
    const std::string m1 = lower(cat.message(0x00047777));
    EXPECT_NE(m1.find("47777"), std::string::npos) << m1;
    EXPECT_NE(m1.find("0x"), std::string::npos) << m1;
    const std::string m2 = lower(cat.message(-1));
    EXPECT_NE(m2.find("0xffffffff"), std::string::npos) << m2;
  }
}

// ---- families, phases, initiators ----------------------------------------------------------

TEST(Names, FamilyIdsRoundTrip) {
  const char* ids[] = {"wlan_reason",      "wdi_assoc_status",   "wcn_session_status", "ieee80211_reason",
                       "ieee80211_status", "dot11_assoc_status", "wps_config_error",   "esp_wifi_reason"};
  ASSERT_EQ(wlancode::family_count, std::size(ids));
  std::size_t i = 0;
  for (family f : wlancode::all_families) {
    EXPECT_EQ(wlancode::to_string(f), ids[i]);
    EXPECT_EQ(wlancode::parse_family(ids[i]), f);
    EXPECT_FALSE(wlancode::type_name(f).empty());
    ++i;
  }
  EXPECT_EQ(wlancode::parse_family(""), std::nullopt);
  EXPECT_EQ(wlancode::parse_family("bogus"), std::nullopt);
  EXPECT_EQ(wlancode::parse_family("wlan_reasons"), std::nullopt);
  EXPECT_EQ(wlancode::parse_family("wlan"), std::nullopt);
  EXPECT_EQ(wlancode::parse_family(std::string_view("wlan_reason\0", 12)), std::nullopt);
  EXPECT_EQ(wlancode::type_name(family::wlan_reason), "WLAN_REASON_CODE");
  EXPECT_EQ(wlancode::name_prefix(family::wlan_reason), "WLAN_REASON_CODE_");
  EXPECT_EQ(wlancode::name_prefix(family::wdi_assoc_status), "WDI_ASSOC_STATUS_");
  EXPECT_EQ(wlancode::name_prefix(family::wcn_session_status), "WCN_SESSION_STATUS_");
}

TEST(Names, CodesPerFamily) {
  // Counts from the independent lists in tests/expected (137 WLAN_REASON_CODE_* + 20 ONEX_*).
  EXPECT_EQ(wlancode::codes(family::wlan_reason).size(), 157u);
  EXPECT_EQ(wlancode::codes(family::wdi_assoc_status).size(), 34u);
  EXPECT_EQ(wlancode::codes(family::wcn_session_status).size(), 3u);
  // 802.11: at least the values Wireshark names; at most the 16-bit field.
  EXPECT_GE(wlancode::codes(family::ieee80211_reason).size(), 63u);
  EXPECT_GE(wlancode::codes(family::ieee80211_status).size(), 120u);
  EXPECT_LE(wlancode::codes(family::ieee80211_reason).size(), 0x10000u);
  // The same span every time.
  EXPECT_EQ(wlancode::codes(family::wlan_reason).data(), wlancode::codes(family::wlan_reason).data());
}

TEST(Names, PhasesAndInitiators) {
  // tables/README.md lists the tokens in enum order.
  const char* phases[] = {"success", "discovery", "authentication", "association", "key_exchange", "eap",  "wps",
                          "profile", "policy",    "ip_config",      "roaming",     "driver",       "host", "unknown"};
  std::set<std::string_view> descriptions;
  for (std::size_t i = 0; i < std::size(phases); ++i) {
    const auto p = static_cast<wlancode::phase>(i);
    EXPECT_EQ(wlancode::to_string(p), phases[i]);
    EXPECT_FALSE(wlancode::describe(p).empty()) << phases[i];
    descriptions.insert(wlancode::describe(p));
  }
  EXPECT_EQ(descriptions.size(), std::size(phases)) << "two phases share a description";

  const char* initiators[] = {"none", "config", "user", "network", "auth_server", "driver", "system", "unknown"};
  descriptions.clear();
  for (std::size_t i = 0; i < std::size(initiators); ++i) {
    const auto in = static_cast<wlancode::initiator>(i);
    EXPECT_EQ(wlancode::to_string(in), initiators[i]);
    EXPECT_FALSE(wlancode::describe(in).empty()) << initiators[i];
    descriptions.insert(wlancode::describe(in));
  }
  EXPECT_EQ(descriptions.size(), std::size(initiators)) << "two initiators share a description";
}

TEST(Names, Version) {
  const std::string_view v = wlancode::version();
  unsigned a = 0, b = 0, c = 0;
  char tail = 0;
  EXPECT_EQ(std::sscanf(std::string(v).c_str(), "%u.%u.%u%c", &a, &b, &c, &tail), 3) << v;
}

}  // namespace
