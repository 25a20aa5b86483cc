// timeline: year inference (explicit, from the mtime, December -> January), zones, DST folds,
// and times since boot anchored to wall time.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "wlancode/timestamp.hpp"

using wlancode::days_from_civil;
using wlancode::instant;
using wlancode::time_zone;
using wlancode::timeline;
using wlancode::timeline_settings;
using wlancode::to_iso8601;

namespace {

std::int64_t utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
  return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

timeline with_year(int y) {
  timeline_settings s;
  s.year = y;
  return timeline(s);
}
timeline with_mtime(std::int64_t m) {
  timeline_settings s;
  s.reference_s = m;
  return timeline(s);
}

}  // namespace

TEST(Timeline, FullDatesNeedNoInference) {
  timeline t;
  const instant a = t.resolve("2026-11-21T10:12:40.0012345Z");
  EXPECT_EQ(a.clk, instant::clock::utc);
  EXPECT_EQ(a.ns, utc(2026, 11, 21, 10, 12, 40) * 1'000'000'000LL + 1'234'500);
  EXPECT_EQ(a.digits, 7);
  EXPECT_TRUE(a.offset_known);
  EXPECT_FALSE(a.year_inferred);
  EXPECT_EQ(to_iso8601(t.resolve("<34>1 2026-11-21T10:12:40.003+01:00")), "2026-11-21T09:12:40.003Z");
  EXPECT_EQ(to_iso8601(t.resolve("2023-11-21T10:20:15.512345+0100")), "2023-11-21T09:20:15.512345Z");
  EXPECT_EQ(to_iso8601(t.resolve("2026-11-21T00:30:00+14:00")), "2026-11-20T10:30:00Z");
  EXPECT_EQ(to_iso8601(t.resolve("2026-11-21T23:30:00-12:00")), "2026-11-22T11:30:00Z");
  EXPECT_EQ(to_iso8601(t.resolve("11/21/2023-10:12:40.001234")), "2023-11-21T10:12:40.001234Z");
  EXPECT_EQ(to_iso8601(t.resolve("11/21/2023 10:12:40 PM")), "2023-11-21T22:12:40Z");
  const instant local = t.resolve("2023-11-21 10:12:34");  // no offset, no zone: read as UTC
  EXPECT_FALSE(local.offset_known);
  EXPECT_EQ(to_iso8601(local), "2023-11-21T10:12:34Z");
}

TEST(Timeline, EpochAndLeapSecond) {
  timeline t;
  EXPECT_EQ(to_iso8601(t.resolve("[1737121661.292380]")), "2025-01-17T13:47:41.292380Z");
  EXPECT_EQ(to_iso8601(t.resolve("1737121661.292380:")), "2025-01-17T13:47:41.292380Z");
  const instant leap = t.resolve("2016-12-31T23:59:60.5Z");
  EXPECT_EQ(leap.ns, utc(2017, 1, 1) * 1'000'000'000LL - 1);  // the last ns before midnight
  EXPECT_LT(leap.ns, t.resolve("2017-01-01T00:00:00Z").ns);
  EXPECT_GT(leap.ns, t.resolve("2016-12-31T23:59:59.9Z").ns);
}

TEST(Timeline, UnreadableIsNone) {
  timeline t;
  EXPECT_EQ(t.resolve("").clk, instant::clock::none);
  EXPECT_EQ(t.resolve("garbage").clk, instant::clock::none);
  EXPECT_EQ(t.resolve("2026-02-30T00:00:00Z").clk, instant::clock::none);
  EXPECT_EQ(to_iso8601(t.resolve("nope")), "");
  // Before 1678 or after 2262 int64 nanoseconds do not reach: none, not a wrapped time.
  EXPECT_EQ(t.resolve("1500-01-01T00:00:00Z").clk, instant::clock::none);
  EXPECT_EQ(t.resolve("9999-12-31T23:59:59Z").clk, instant::clock::none);
  EXPECT_EQ(t.resolve("1700-01-01T00:00:00Z").clk, instant::clock::utc);
}

TEST(Timeline, ExplicitYearAndDecemberToJanuary) {
  timeline t = with_year(2025);
  const instant a = t.resolve("Dec 31 23:59:58");
  EXPECT_TRUE(a.year_inferred);
  EXPECT_EQ(to_iso8601(a), "2025-12-31T23:59:58Z");
  EXPECT_EQ(to_iso8601(t.resolve("Jan  1 00:00:01")), "2026-01-01T00:00:01Z");
  EXPECT_EQ(to_iso8601(t.resolve("Dec 31 23:59:59")), "2025-12-31T23:59:59Z");  // a late line
  EXPECT_EQ(to_iso8601(t.resolve("Jan  1 00:00:02")), "2026-01-01T00:00:02Z");  // no second roll-over
  EXPECT_EQ(to_iso8601(t.resolve("Jun 15 12:00:00")), "2026-06-15T12:00:00Z");
  EXPECT_EQ(to_iso8601(t.resolve("Dec 30 12:00:00")), "2026-12-30T12:00:00Z");
  EXPECT_EQ(to_iso8601(t.resolve("Jan  2 12:00:00")), "2027-01-02T12:00:00Z");
  EXPECT_EQ(to_iso8601(t.resolve("01-03 10:00:00.250")), "2027-01-03T10:00:00.250Z");  // logcat shares it
}

TEST(Timeline, YearFromTheMtime) {
  // Written 2026-01-03: a log starting Dec 30 began last year.
  timeline t = with_mtime(utc(2026, 1, 3, 8));
  EXPECT_EQ(to_iso8601(t.resolve("Dec 30 10:00:00")), "2025-12-30T10:00:00Z");
  EXPECT_EQ(to_iso8601(t.resolve("Jan  2 10:00:00")), "2026-01-02T10:00:00Z");
  // A log within the mtime's year.
  timeline u = with_mtime(utc(2026, 11, 21, 12));
  EXPECT_EQ(to_iso8601(u.resolve("Nov 21 10:12:40")), "2026-11-21T10:12:40Z");
  // Up to a day past the mtime is still this year (zones, clock skew); further is last year's.
  timeline v = with_mtime(utc(2026, 11, 21, 12));
  EXPECT_EQ(to_iso8601(v.resolve("Nov 22 11:00:00")), "2026-11-22T11:00:00Z");
  timeline w = with_mtime(utc(2026, 11, 21, 12));
  EXPECT_EQ(to_iso8601(w.resolve("Nov 23 11:00:00")), "2025-11-23T11:00:00Z");
}

TEST(Timeline, FebruaryTwentyNinth) {
  timeline leap = with_year(2024);
  EXPECT_EQ(to_iso8601(leap.resolve("Feb 29 10:00:00")), "2024-02-29T10:00:00Z");
  timeline plain = with_year(2026);
  EXPECT_EQ(plain.resolve("Feb 29 10:00:00").clk, instant::clock::none);
}

TEST(Timeline, PrintedYearCarriesOn) {
  timeline t = with_year(2001);
  EXPECT_EQ(to_iso8601(t.resolve("2026-11-21T10:00:00Z")), "2026-11-21T10:00:00Z");
  EXPECT_EQ(to_iso8601(t.resolve("Nov 21 10:00:05")), "2026-11-21T10:00:05Z");
}

TEST(Timeline, ZoneForStampsWithoutOffset) {
  timeline_settings s;
  s.tz = time_zone::load("+02:00");
  s.year = 2026;
  timeline t(s);
  const instant a = t.resolve("Nov 21 10:00:00");
  EXPECT_TRUE(a.offset_known);
  EXPECT_EQ(to_iso8601(a), "2026-11-21T08:00:00Z");
  EXPECT_EQ(to_iso8601(t.resolve("2026-11-21T10:00:00Z")), "2026-11-21T10:00:00Z");  // its own offset wins
  EXPECT_EQ(to_iso8601(t.resolve("11/21/2026-10:00:00.5")), "2026-11-21T08:00:00.5Z");
}

TEST(Timeline, DstFoldsFollowTheLog) {
  if (!std::filesystem::exists("/usr/share/zoneinfo/Europe/Berlin")) GTEST_SKIP() << "tzdata not installed";
  timeline_settings s;
  s.tz = time_zone::load("Europe/Berlin");
  ASSERT_NE(s.tz, nullptr);
  timeline t(s);
  // Fall back 03:00 -> 02:00: a log running 02:10, 02:50, (clocks back) 02:20, 02:40, 03:10.
  EXPECT_EQ(to_iso8601(t.resolve("2026-10-25 02:10:00")), "2026-10-25T00:10:00Z");
  EXPECT_EQ(to_iso8601(t.resolve("2026-10-25 02:50:00")), "2026-10-25T00:50:00Z");
  EXPECT_EQ(to_iso8601(t.resolve("2026-10-25 02:20:00")), "2026-10-25T01:20:00Z");
  EXPECT_EQ(to_iso8601(t.resolve("2026-10-25 02:40:00")), "2026-10-25T01:40:00Z");
  EXPECT_EQ(to_iso8601(t.resolve("2026-10-25 03:10:00")), "2026-10-25T02:10:00Z");
  // A wall time in the spring gap: read at the offset before it.
  timeline g(s);
  EXPECT_EQ(to_iso8601(g.resolve("2026-03-29 02:30:00")), "2026-03-29T01:30:00Z");
  EXPECT_EQ(to_iso8601(g.resolve("2026-03-29 03:30:00")), "2026-03-29T01:30:00Z");
}

TEST(Timeline, MonotonicStaysRelativeUntilAnchored) {
  timeline t = with_year(2026);
  const instant r = t.resolve("[  812.121877]");
  EXPECT_EQ(r.clk, instant::clock::relative);
  EXPECT_EQ(r.ns, 812'121'877'000LL);
  EXPECT_EQ(to_iso8601(r), "+812.121877s");
  EXPECT_EQ(to_iso8601(t.resolve("I (36157)")), "+36.157s");
  // A syslog-prefixed kernel line carries both: boot was at 10:00:00 - 900.5 s.
  const instant w = t.resolve("Nov 21 10:00:00", "Nov 21 10:00:00 host kernel: [  900.500000] wlan0: deauthenticated");
  EXPECT_EQ(to_iso8601(w), "2026-11-21T10:00:00Z");
  const instant a = t.resolve("[  910.250000]");
  EXPECT_EQ(a.clk, instant::clock::utc);
  EXPECT_TRUE(a.anchored);
  EXPECT_EQ(to_iso8601(a), "2026-11-21T10:00:09.750000Z");
  // The count starts again: a new boot, no anchor until the next wall-clock kernel line.
  const instant b = t.resolve("[    3.000000]");
  EXPECT_EQ(b.clk, instant::clock::relative);
  EXPECT_FALSE(b.anchored);
}

TEST(Timeline, ResolveFromFields) {
  timeline t = with_year(2026);
  const auto f = wlancode::parse_timestamp("Nov 21 10:00:00");
  ASSERT_TRUE(f);
  EXPECT_EQ(to_iso8601(t.resolve(*f)), "2026-11-21T10:00:00Z");
  EXPECT_EQ(t.resolve(wlancode::timestamp_fields{}).clk, instant::clock::none);
}

// A stamp repeated on consecutive lines (most logs print many lines a second) resolves as it
// did the first time, also across a roll-over, for a late line and with a zone.
TEST(Timeline, RepeatedStampsResolveTheSame) {
  timeline t = with_year(2025);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(to_iso8601(t.resolve("Dec 31 23:59:58")), "2025-12-31T23:59:58Z");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(to_iso8601(t.resolve("Jan  1 00:00:01")), "2026-01-01T00:00:01Z");
  for (int i = 0; i < 2; ++i) EXPECT_EQ(to_iso8601(t.resolve("Dec 31 23:59:59")), "2025-12-31T23:59:59Z");
  EXPECT_EQ(to_iso8601(t.resolve("Jan  1 00:00:02")), "2026-01-01T00:00:02Z");
  EXPECT_EQ(t.resolve("Feb 30 00:00:00").clk, instant::clock::none);
  EXPECT_EQ(t.resolve("Feb 30 00:00:00").clk, instant::clock::none);  // unreadable twice
  EXPECT_EQ(to_iso8601(t.resolve("2024-05-01T10:00:00+02:00")), "2024-05-01T08:00:00Z");
  EXPECT_EQ(to_iso8601(t.resolve("2024-05-01T10:00:00+02:00")), "2024-05-01T08:00:00Z");
  // The year the printed stamp set carries on, repeat or not.
  EXPECT_EQ(to_iso8601(t.resolve("May  2 10:00:00")), "2024-05-02T10:00:00Z");
  EXPECT_EQ(to_iso8601(t.resolve("May  2 10:00:00")), "2024-05-02T10:00:00Z");
}
