// Phase, initiator, hints and cross-family links for every code.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "wlancode/codes.hpp"

namespace {
using namespace wlancode;

TEST(Diagnosis, EveryCodeHasAKnownPhaseAndInitiator) {
  const std::set<std::string> phases{"success", "discovery", "authentication", "association", "key_exchange",
                                     "eap",     "wps",       "profile",        "policy",      "roaming",
                                     "driver",  "host",      "unknown"};
  const std::set<std::string> initiators{"none",        "config", "user",   "network",
                                         "auth_server", "driver", "system", "unknown"};
  std::size_t n = 0;
  for (family f : all_families) {
    for (const code_info& c : codes(f)) {
      EXPECT_TRUE(phases.count(std::string(to_string(c.phase)))) << c.name;
      EXPECT_TRUE(initiators.count(std::string(to_string(c.initiator)))) << c.name;
      EXPECT_FALSE(describe(c.phase).empty());
      EXPECT_FALSE(describe(c.initiator).empty());
      // Only success codes have phase success, and they have no initiator.
      const bool success_name = c.suffix.starts_with("SUCCESS") || c.suffix == "NO_ERROR";  // WPS: no error
      EXPECT_EQ(c.phase == phase::success, success_name) << c.name;
      if (success_name) {
        EXPECT_EQ(c.initiator, initiator::none) << c.name;
      }
      ++n;
    }
  }
  EXPECT_GE(n, 380u);
}

TEST(Diagnosis, SpotChecksOfPhaseAndInitiator) {
  struct row {
    family f;
    std::uint32_t v;
    phase p;
    initiator i;
  };
  const row rows[] = {
      {family::wlan_reason, 0x00048014, phase::key_exchange, initiator::config},  // PSK mismatch
      {family::wlan_reason, 0x00050005, phase::eap, initiator::auth_server},      // EAP failure
      {family::wlan_reason, 0x00028003, phase::policy, initiator::config},        // GP denied
      {family::wlan_reason, 0x00038001, phase::host, initiator::user},            // user cancelled
      {family::wdi_assoc_status, 13, phase::association, initiator::network},     // peer deauth
      {family::ieee80211_reason, 15, phase::key_exchange, initiator::network},    // 4-way timeout
      {family::ieee80211_reason, 23, phase::eap, initiator::auth_server},         // 802.1X failed
      {family::ieee80211_status, 17, phase::association, initiator::network},     // AP full
  };
  for (const row& r : rows) {
    const code_info* c = find(r.f, r.v);
    ASSERT_NE(c, nullptr) << r.v;
    EXPECT_EQ(c->phase, r.p) << c->name;
    EXPECT_EQ(c->initiator, r.i) << c->name;
  }
}

TEST(Diagnosis, HintsForTheCommonCodesAndNoneForSuccess) {
  for (auto [f, v] : {std::pair{family::wlan_reason, 0x00048014u},
                      {family::wlan_reason, 0x0002800Bu},
                      {family::wlan_reason, 0x00048005u},
                      {family::wlan_reason, 0x00050005u},
                      {family::ieee80211_reason, 3u},
                      {family::ieee80211_reason, 4u},
                      {family::ieee80211_reason, 5u},
                      {family::ieee80211_reason, 15u},
                      {family::ieee80211_reason, 16u},
                      {family::ieee80211_status, 17u}}) {
    const code_info* c = find(f, v);
    ASSERT_NE(c, nullptr);
    ASSERT_NE(c->hint, nullptr) << c->name;
    EXPECT_FALSE(c->hint->cause.empty());
    EXPECT_FALSE(c->hint->action.empty());
  }
  for (family f : all_families)
    for (const code_info& c : codes(f))
      if (c.phase == phase::success) {
        EXPECT_EQ(c.hint, nullptr) << c.name;
      }
}

TEST(Diagnosis, CrossFamilyLinks) {
  const auto link = [](family f, std::uint32_t v) { return find(f, v)->link; };
  ASSERT_NE(link(family::wdi_assoc_status, 44), nullptr);  // AUTH_FAILED_BY_PEER
  EXPECT_EQ(link(family::wdi_assoc_status, 44)->target, family::ieee80211_status);
  ASSERT_NE(link(family::wdi_assoc_status, 13), nullptr);  // PEER_DEAUTHENTICATED
  EXPECT_EQ(link(family::wdi_assoc_status, 13)->target, family::ieee80211_reason);
  EXPECT_EQ(link(family::wdi_assoc_status, 14)->target, family::ieee80211_reason);
  EXPECT_EQ(link(family::wdi_assoc_status, 54)->target, family::ieee80211_status);
  EXPECT_EQ(link(family::wdi_assoc_status, 0), nullptr);
  for (family f : all_families)
    for (const code_info& c : codes(f))
      if (c.link) {
        EXPECT_NE(c.link->target, c.fam) << c.name;
      }
}

TEST(Diagnosis, TextsCarryTheirProvenance) {
  for (family f : all_families) {
    for (const code_info& c : codes(f)) {
      EXPECT_FALSE(c.meaning.source.empty()) << c.name;
      EXPECT_EQ(c.phrase.source, "wlancode");
      EXPECT_EQ(c.runtime.text.empty(), c.runtime.source.empty()) << c.name;
      if (c.flags & flag::own) {
        EXPECT_EQ(c.meaning.source, "wlancode") << c.name;
      }
      EXPECT_LE(c.phrase.text.size(), 48u) << c.name;
    }
  }
  EXPECT_EQ(find(family::wlan_reason, 0x0002800Bu)->runtime.text, "The specific network is not available.");
}

}  // namespace
