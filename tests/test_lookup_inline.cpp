// The header-only value indexes (the perfect hash for a run-time family, the direct index per
// family for a family known in code) against a plain linear search, over listed values, their
// neighbours, range edges and pseudo-random 32-bit values; and their use at compile time.
#include <gtest/gtest.h>

#include <random>

#include "wlancode/lookup_inline.hpp"

namespace {
using namespace wlancode;

static_assert(find_inline(family::wlan_reason, 0x00048014)->suffix == "MSMSEC_PSK_MISMATCH_SUSPECTED");
static_assert(find_inline(wdi_assoc_status::PEER_DEAUTHENTICATED)->value == 13);
static_assert(find_inline(family::wlan_reason, 0x00047777) == nullptr);
static_assert(find_inline<family::wlan_reason>(0x00048014)->suffix == "MSMSEC_PSK_MISMATCH_SUSPECTED");
static_assert(find_inline<family::wdi_assoc_status>(0x01000002)->suffix == "RESERVED_2");
static_assert(find_inline<family::ieee80211_status>(0)->value == 0);
static_assert(find_inline<family::wcn_session_status>(3) == nullptr);
// Every code has a slot of its own in the perfect hash, at a load of at most 1/4.
static_assert(detail::value_hash_size >= 4 * detail::all_code_count);

const code_info* linear(family f, std::uint32_t v) {
  for (const code_info& c : codes(f))
    if (c.value == v) return &c;
  return nullptr;
}

// find_inline<F> for a run-time f.
const code_info* by_family(family f, std::uint32_t v) {
  switch (f) {
#define WLANCODE_FAMILY(id, ...) \
  case family::id:               \
    return find_inline<family::id>(v);
#include "wlancode/tables/families.def"
  }
  return nullptr;
}

TEST(LookupInline, AgreesWithALinearSearch) {
  std::mt19937 rng(7);
  std::size_t checked = 0;
  for (family f : all_families) {
    std::vector<std::uint32_t> probes = {0, 1, 0xFFFFFFFFu, 0x80000000u, 0x00010000u, 0x01000000u, 0x0000FFFFu};
    for (const code_info& c : codes(f))
      for (std::int64_t d = -70; d <= 70; ++d) probes.push_back(static_cast<std::uint32_t>(c.value + d));
    for (int i = 0; i < 200000; ++i) probes.push_back(static_cast<std::uint32_t>(rng()));
    for (int i = 0; i < 200000; ++i) probes.push_back(static_cast<std::uint32_t>(rng()) & 0x000FFFFFu);
    for (std::uint32_t v : probes) {
      const code_info* want = linear(f, v);
      const code_info* got = find_inline(f, v);
      ASSERT_EQ(by_family(f, v), got) << to_string(f) << " 0x" << std::hex << v;
      // The inline tables are this binary's copy: compare what they say, not where they are.
      ASSERT_EQ(got != nullptr, want != nullptr) << to_string(f) << " 0x" << std::hex << v;
      if (got) {
        ASSERT_EQ(got->value, v);
        ASSERT_EQ(got->name, want->name);
        ASSERT_EQ(got->fam, f);
      }
      ASSERT_EQ(find(f, v), want) << to_string(f) << " 0x" << std::hex << v;
      ++checked;
    }
  }
  EXPECT_GT(checked, 2'000'000u);
}

// The hash key packs the family into three bits: a value outside the enumeration must find
// nothing, not another family's code whose key it happens to equal.
TEST(LookupInline, NoCodeForAFamilyOutsideTheEnumeration) {
  for (unsigned raw : {8u, 9u, 12u, 16u, 255u}) {  // eight families use all three bits
    const auto f = static_cast<family>(raw);
    for (family real : all_families)
      for (const code_info& c : codes(real))
        for (std::uint32_t v : {c.value, c.value >> 1, c.value >> 3, c.value - 1, c.value + 1}) {
          EXPECT_EQ(find_inline(f, v), nullptr) << raw << " 0x" << std::hex << v;
          EXPECT_EQ(find(f, v), nullptr) << raw << " 0x" << std::hex << v;
        }
  }
}

}  // namespace
