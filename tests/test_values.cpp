// Every code value and name checked against INDEPENDENT, hand-typed expectation lists
// (tests/expected/*.inc), which were typed from sources other than the wlancode .def tables.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "wlancode/codes.hpp"

namespace {

struct expected_row {
  const char* family;
  const char* name;
  std::uint32_t value;
};

constexpr expected_row windows_values[] = {
#include "expected/windows_values.inc"
};
constexpr expected_row windows_macros[] = {
#include "expected/windows_macros.inc"
};
constexpr expected_row ieee80211_values[] = {
#include "expected/ieee80211_values.inc"
};

constexpr expected_row new_family_values[] = {
#include "expected/new_families_values.inc"
};

constexpr wlancode::family windows_families[] = {wlancode::family::wlan_reason, wlancode::family::wdi_assoc_status,
                                                 wlancode::family::wcn_session_status};

std::string hex(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(v));
  return buf;
}

// Checks one expected row against the library, both ways (name -> value, value -> name).
void check_row(const expected_row& row) {
  SCOPED_TRACE(std::string(row.family) + " " + row.name + " " + hex(row.value));
  const auto fam = wlancode::parse_family(row.family);
  ASSERT_TRUE(fam.has_value()) << "unknown family id in the expected list: " << row.family;

  const wlancode::code_info* by_name = wlancode::find(*fam, std::string_view(row.name));
  ASSERT_NE(by_name, nullptr) << row.name << " is not known to wlancode";
  EXPECT_EQ(by_name->name, row.name);
  EXPECT_EQ(by_name->value, row.value) << row.name << ": wlancode says " << hex(by_name->value) << ", expected "
                                       << hex(row.value);
  EXPECT_EQ(by_name->fam, *fam);

  const wlancode::code_info* by_value = wlancode::find(*fam, row.value);
  ASSERT_NE(by_value, nullptr) << hex(row.value) << " is not known to wlancode in " << row.family;
  EXPECT_EQ(by_value->name, row.name) << hex(row.value) << " resolves to " << by_value->name;
}

TEST(ExpectedValues, ListsAreNotEmpty) {
  // Guards against an accidentally emptied .inc file making every other test vacuous.
  EXPECT_GE(std::size(windows_values), 150u);
  EXPECT_GE(std::size(windows_macros), 20u);
  EXPECT_GE(std::size(ieee80211_values), 100u);
}

TEST(ExpectedValues, EveryWindowsRowResolves) {
  for (const expected_row& row : windows_values) check_row(row);
}

TEST(ExpectedValues, EveryIeeeRowResolves) {
  for (const expected_row& row : ieee80211_values) check_row(row);
}

TEST(ExpectedValues, ExpectedListsHaveNoDuplicates) {
  // A duplicate in the expected list would hide a missing code from the count checks below.
  std::set<std::pair<std::string, std::string>> names;
  std::set<std::pair<std::string, std::uint32_t>> values;
  auto add = [&](const expected_row& r) {
    EXPECT_TRUE(names.insert({r.family, r.name}).second) << "duplicate name " << r.name;
    EXPECT_TRUE(values.insert({r.family, r.value}).second) << "duplicate value " << r.family << " " << hex(r.value);
  };
  for (const auto& r : windows_values) add(r);
  for (const auto& r : ieee80211_values) add(r);
}

TEST(ExpectedValues, WindowsFamilyCountsMatch) {
  std::map<std::string, std::size_t> expected;
  for (const auto& r : windows_values) ++expected[r.family];
  for (wlancode::family f : windows_families) {
    const std::string id(wlancode::to_string(f));
    SCOPED_TRACE(id);
    EXPECT_EQ(wlancode::codes(f).size(), expected[id])
        << "wlancode has " << wlancode::codes(f).size() << " codes, the independent list " << expected[id];
  }
}

TEST(ExpectedValues, NoWindowsCodeMissingFromTheExpectedList) {
  // The converse of EveryWindowsRowResolves: names which the independent sources do not have.
  std::set<std::pair<std::string, std::string>> expected;
  for (const auto& r : windows_values) expected.insert({r.family, r.name});
  for (wlancode::family f : windows_families)
    for (const wlancode::code_info& c : wlancode::codes(f))
      EXPECT_TRUE(expected.count({std::string(wlancode::to_string(f)), std::string(c.name)}))
          << c.name << " = " << hex(c.value) << " is in wlancode but not in the independent list";
}

// DOT11_ASSOC_STATUS, WPS Configuration Error, ESP-IDF reasons. A name ending in _START that
// the tables hold as a range (DOT11_ASSOC_STATUS_IHV_START) must be that range's first value.
TEST(ExpectedValues, EveryNewFamilyRowResolves) {
  std::size_t ranges_checked = 0;
  for (const expected_row& row : new_family_values) {
    const auto fam = wlancode::parse_family(row.family);
    ASSERT_TRUE(fam) << row.family;
    const std::string name = row.name;
    if (!wlancode::find(*fam, std::string_view(name)) && name.ends_with("_START")) {
      const std::string id =
          name.substr(wlancode::name_prefix(*fam).size(), name.size() - 6 - wlancode::name_prefix(*fam).size());
      bool found = false;
      for (const wlancode::range_info& r : wlancode::ranges(*fam))
        if (r.id == id) {
          EXPECT_EQ(r.first, row.value) << name;
          found = true;
        }
      EXPECT_TRUE(found) << name << " is neither a code nor a range";
      ++ranges_checked;
      continue;
    }
    check_row(row);
  }
  EXPECT_EQ(ranges_checked, 1u);
}

TEST(ExpectedValues, NoNewFamilyCodeMissingFromTheExpectedList) {
  std::set<std::pair<std::string, std::string>> expected;
  for (const auto& r : new_family_values) expected.insert({r.family, r.name});
  for (wlancode::family f :
       {wlancode::family::dot11_assoc_status, wlancode::family::wps_config_error, wlancode::family::esp_wifi_reason})
    for (const wlancode::code_info& c : wlancode::codes(f))
      EXPECT_TRUE(expected.count({std::string(wlancode::to_string(f)), std::string(c.name)}))
          << c.name << " = " << hex(c.value) << " is in wlancode but not in the independent list";
}

// ESP-IDF reasons below 200 are 802.11 reason codes: they resolve through the range, by value
// and by ESP-IDF's own names where those differ from IEEE's (hand-typed from esp_wifi_types.h).
TEST(ExpectedValues, EspReasonsBelow200AreIeeeReasons) {
  const struct {
    const char* esp_name;
    std::uint32_t value;
  } esp[] = {{"WIFI_REASON_AUTH_EXPIRE", 2},
             {"WIFI_REASON_AUTH_LEAVE", 3},
             {"WIFI_REASON_ASSOC_LEAVE", 8},
             {"WIFI_REASON_4WAY_HANDSHAKE_TIMEOUT", 15},
             {"WIFI_REASON_802_1X_AUTH_FAILED", 23},
             {"WIFI_REASON_UNSPECIFIED", 1},
             {"WIFI_REASON_GROUP_KEY_UPDATE_TIMEOUT", 16}};
  for (const auto& e : esp) {
    SCOPED_TRACE(e.esp_name);
    const wlancode::code_info* c = wlancode::find(wlancode::family::esp_wifi_reason, std::string_view(e.esp_name));
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->fam, wlancode::family::ieee80211_reason);
    EXPECT_EQ(c->value, e.value);
    const wlancode::classification k = wlancode::classify(wlancode::family::esp_wifi_reason, e.value);
    ASSERT_NE(k.inner, nullptr);
    EXPECT_EQ(k.inner, c);
  }
  EXPECT_EQ(wlancode::find(wlancode::family::esp_wifi_reason, "WIFI_REASON_NO_SUCH_REASON"), nullptr);
}

TEST(ExpectedValues, IeeeFamiliesCoverTheExpectedList) {
  std::map<std::string, std::size_t> expected;
  for (const auto& r : ieee80211_values) ++expected[r.family];
  ASSERT_EQ(expected.size(), 2u);
  for (const auto& [id, n] : expected) {
    const auto f = wlancode::parse_family(id);
    ASSERT_TRUE(f);
    // The .def may list a few values Wireshark omits (see the .inc header), never fewer.
    EXPECT_GE(wlancode::codes(*f).size(), n) << id;
  }
}

TEST(ExpectedValues, EveryMacroResolves) {
  for (const expected_row& row : windows_macros) {
    SCOPED_TRACE(row.name);
    ASSERT_STREQ(row.family, "wlan_reason");
    const wlancode::macro_info* m = wlancode::find_macro(row.name);
    ASSERT_NE(m, nullptr) << row.name << " is not known to wlancode";
    EXPECT_EQ(m->name, row.name);
    EXPECT_EQ(m->value, row.value) << row.name << ": wlancode says " << hex(m->value) << ", expected "
                                   << hex(row.value);
    EXPECT_FALSE(m->description.empty());
  }
}

TEST(ExpectedValues, MacroCountMatches) {
  EXPECT_EQ(wlancode::macros().size(), std::size(windows_macros));
  std::set<std::string> expected;
  for (const auto& r : windows_macros) expected.insert(r.name);
  for (const wlancode::macro_info& m : wlancode::macros())
    EXPECT_TRUE(expected.count(std::string(m.name))) << m.name << " is not in the independent list";
}

// Spot checks of the typed enums against literals typed here.
TEST(TypedEnums, WlanReasonEnumerators) {
  using wlancode::wlan_reason;
  EXPECT_EQ(static_cast<std::uint32_t>(wlan_reason::SUCCESS), 0x00000000u);
  EXPECT_EQ(static_cast<std::uint32_t>(wlan_reason::UNKNOWN), 0x00010001u);
  EXPECT_EQ(static_cast<std::uint32_t>(wlan_reason::NOT_VISIBLE), 0x00028002u);
  EXPECT_EQ(static_cast<std::uint32_t>(wlan_reason::NETWORK_NOT_AVAILABLE), 0x0002800Bu);
  EXPECT_EQ(static_cast<std::uint32_t>(wlan_reason::PRE_SECURITY_FAILURE), 0x00038004u);
  EXPECT_EQ(static_cast<std::uint32_t>(wlan_reason::MSMSEC_PSK_MISMATCH_SUSPECTED), 0x00048014u);
  EXPECT_EQ(static_cast<std::uint32_t>(wlan_reason::MSMSEC_PROFILE_INVALID_KEY_INDEX), 0x00040001u);
  EXPECT_EQ(static_cast<std::uint32_t>(wlan_reason::INVALID_PROFILE_SCHEMA), 0x00080001u);
  EXPECT_EQ(static_cast<std::uint32_t>(wlan_reason::ONEX_UI_DISABLED), 0x00050003u);
  EXPECT_EQ(static_cast<std::uint32_t>(wlan_reason::ONEX_UNABLE_TO_IDENTIFY_USER), 0x00050001u);
}

TEST(TypedEnums, OtherFamilies) {
  EXPECT_EQ(static_cast<std::uint32_t>(wlancode::wdi_assoc_status::PEER_DEAUTHENTICATED), 13u);
  EXPECT_EQ(static_cast<std::uint32_t>(wlancode::wdi_assoc_status::NO_BEACON_PROBE_RESPONSE), 31u);
  EXPECT_EQ(static_cast<std::uint32_t>(wlancode::wdi_assoc_status::RESERVED_0), 0x01000000u);
  EXPECT_EQ(static_cast<std::uint32_t>(wlancode::wcn_session_status::FAILURE_TIMEOUT), 2u);
  EXPECT_EQ(static_cast<unsigned>(wlancode::ieee80211_reason::DEAUTH_LEAVING), 3u);
  EXPECT_EQ(static_cast<unsigned>(wlancode::ieee80211_reason::MIC_FAILURE), 14u);
  EXPECT_EQ(static_cast<unsigned>(wlancode::ieee80211_reason::FOURWAY_HANDSHAKE_TIMEOUT), 15u);
  EXPECT_EQ(static_cast<unsigned>(wlancode::ieee80211_reason::IEEE8021X_FAILED), 23u);
  EXPECT_EQ(static_cast<unsigned>(wlancode::ieee80211_status::UNSPECIFIED_FAILURE), 1u);
  EXPECT_EQ(static_cast<unsigned>(wlancode::ieee80211_status::CHALLENGE_FAIL), 15u);
  EXPECT_EQ(static_cast<unsigned>(wlancode::ieee80211_status::AP_UNABLE_TO_HANDLE_NEW_STA), 17u);
  EXPECT_EQ(static_cast<unsigned>(wlancode::ieee80211_status::ANTI_CLOG_REQUIRED), 76u);
  static_assert(sizeof(wlancode::ieee80211_reason) == 2 && sizeof(wlancode::ieee80211_status) == 2);
  static_assert(sizeof(wlancode::wlan_reason) == 4 && sizeof(wlancode::wdi_assoc_status) == 4);
}

TEST(TypedEnums, FindByEnumGivesTheFullName) {
  const wlancode::code_info* c = wlancode::find(wlancode::wlan_reason::MSMSEC_PSK_MISMATCH_SUSPECTED);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "WLAN_REASON_CODE_MSMSEC_PSK_MISMATCH_SUSPECTED");
  EXPECT_EQ(c->suffix, "MSMSEC_PSK_MISMATCH_SUSPECTED");
  c = wlancode::find(wlancode::wlan_reason::ONEX_UI_DISABLED);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "ONEX_UI_DISABLED");
  c = wlancode::find(wlancode::wdi_assoc_status::PEER_DEAUTHENTICATED);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "WDI_ASSOC_STATUS_PEER_DEAUTHENTICATED");
  c = wlancode::find(wlancode::wcn_session_status::FAILURE_GENERIC);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "WCN_SESSION_STATUS_FAILURE_GENERIC");
  c = wlancode::find(wlancode::ieee80211_reason::FOURWAY_HANDSHAKE_TIMEOUT);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "WLAN_REASON_FOURWAY_HANDSHAKE_TIMEOUT");
  EXPECT_EQ(c->fam, wlancode::family::ieee80211_reason);
  c = wlancode::find(wlancode::ieee80211_status::CHALLENGE_FAIL);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "WLAN_STATUS_CHALLENGE_FAIL");
  EXPECT_EQ(c->fam, wlancode::family::ieee80211_status);
}

}  // namespace
