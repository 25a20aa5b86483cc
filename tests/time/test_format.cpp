// to_iso8601: UTC with the printed precision, times since boot, bounded buffers.
#include <gtest/gtest.h>

#include <cstring>

#include "wlancode/timestamp.hpp"

using wlancode::instant;
using wlancode::to_iso8601;

TEST(Format, PrecisionAsPrinted) {
  instant t{instant::clock::utc, 1'737'121'661'292'380'000LL, 6, true, false, false};
  EXPECT_EQ(to_iso8601(t), "2025-01-17T13:47:41.292380Z");
  t.digits = 0;
  EXPECT_EQ(to_iso8601(t), "2025-01-17T13:47:41Z");
  t.digits = 9;
  EXPECT_EQ(to_iso8601(t), "2025-01-17T13:47:41.292380000Z");
  t.digits = 42;  // clamped
  EXPECT_EQ(to_iso8601(t), "2025-01-17T13:47:41.292380000Z");
}

TEST(Format, BeforeTheEpochAndEdges) {
  EXPECT_EQ(to_iso8601(instant{instant::clock::utc, 0, 0, true, false, false}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(to_iso8601(instant{instant::clock::utc, -1, 9, true, false, false}), "1969-12-31T23:59:59.999999999Z");
  EXPECT_EQ(to_iso8601(instant{instant::clock::utc, INT64_MIN, 0, true, false, false}), "1677-09-21T00:12:43Z");
  EXPECT_EQ(to_iso8601(instant{instant::clock::utc, INT64_MAX, 3, true, false, false}), "2262-04-11T23:47:16.854Z");
}

TEST(Format, RelativeAndNone) {
  EXPECT_EQ(to_iso8601(instant{instant::clock::relative, 812'121'877'000LL, 6, false, false, false}), "+812.121877s");
  EXPECT_EQ(to_iso8601(instant{instant::clock::relative, 36'157'000'000LL, 3, false, false, false}), "+36.157s");
  EXPECT_EQ(to_iso8601(instant{instant::clock::relative, 5'000'000'000LL, 0, false, false, false}), "+5s");
  EXPECT_EQ(to_iso8601(instant{}), "");
}

TEST(Format, CallerBufferNeverOverrun) {
  const instant t{instant::clock::utc, 1'737'121'661'292'380'000LL, 9, true, false, false};
  char buf[64];
  std::memset(buf, 'x', sizeof buf);
  const std::size_t n = to_iso8601(t, buf, 10);
  EXPECT_EQ(n, std::strlen("2025-01-17T13:47:41.292380000Z"));  // the length it needs
  EXPECT_EQ(std::string(buf, 10), "2025-01-17");
  EXPECT_EQ(buf[10], 'x');
  EXPECT_EQ(to_iso8601(t, nullptr, 0), n);
}

// A buffer of any size gets the same text (the full one when it fits, its first bytes when not),
// for instants across the whole range, every precision.
TEST(Format, EveryBufferSizeGivesTheSameText) {
  std::uint64_t x = 88172645463325252ull;
  for (int i = 0; i < 2000; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    const instant t{
        instant::clock::utc, static_cast<std::int64_t>(x), static_cast<std::int8_t>(i % 10), true, false, false};
    char full[64];
    const std::size_t n = to_iso8601(t, full, sizeof full);
    ASSERT_LE(n, 30u);
    EXPECT_EQ(full[n - 1], 'Z');
    for (std::size_t cap = 0; cap <= n; ++cap) {
      char part[64];
      std::memset(part, 'x', sizeof part);
      EXPECT_EQ(to_iso8601(t, part, cap), n);
      EXPECT_EQ(std::string(part, cap), std::string(full, cap)) << cap;
      EXPECT_EQ(part[cap], 'x');
    }
  }
}
