// The header-only value index against a plain linear search, over listed values, their
// neighbours, range edges and pseudo-random 32-bit values; and its use at compile time.
#include <gtest/gtest.h>

#include <random>

#include "wlancode/lookup_inline.hpp"

namespace {
using namespace wlancode;

static_assert(find_inline(family::wlan_reason, 0x00048014)->suffix == "MSMSEC_PSK_MISMATCH_SUSPECTED");
static_assert(find_inline(wdi_assoc_status::PEER_DEAUTHENTICATED)->value == 13);
static_assert(find_inline(family::wlan_reason, 0x00047777) == nullptr);

const code_info* linear(family f, std::uint32_t v) {
  for (const code_info& c : codes(f))
    if (c.value == v) return &c;
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

}  // namespace
