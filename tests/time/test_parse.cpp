// parse_timestamp: every style, its fields, and what it must refuse.
#include <gtest/gtest.h>

#include <string>

#include "wlancode/timestamp.hpp"

using wlancode::parse_timestamp;
using wlancode::timestamp_style;

namespace {

struct wall {
  int y, mo, d, h, mi, s;
  long long frac;
  int digits;
};

void expect_wall(std::string_view text, timestamp_style style, wall w) {
  SCOPED_TRACE(std::string(text));
  const auto f = parse_timestamp(text);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->style, style);
  EXPECT_EQ(f->year, w.y);
  EXPECT_EQ(f->month, w.mo);
  EXPECT_EQ(f->day, w.d);
  EXPECT_EQ(f->hour, w.h);
  EXPECT_EQ(f->minute, w.mi);
  EXPECT_EQ(f->second, w.s);
  EXPECT_EQ(f->fraction_ns, w.frac);
  EXPECT_EQ(f->digits, w.digits);
}

void expect_count(std::string_view text, timestamp_style style, long long ns, int digits) {
  SCOPED_TRACE(std::string(text));
  const auto f = parse_timestamp(text);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->style, style);
  EXPECT_EQ(f->count_ns, ns);
  EXPECT_EQ(f->digits, digits);
}

}  // namespace

TEST(Parse, Iso8601WithAndWithoutOffset) {
  expect_wall("2026-11-21T10:12:40.0012345Z", timestamp_style::iso8601, {2026, 11, 21, 10, 12, 40, 1234500, 7});
  expect_wall("2026-11-21 10:12:40,123", timestamp_style::iso8601, {2026, 11, 21, 10, 12, 40, 123000000, 3});
  expect_wall("2023-11-21T10:20:15.512345+0100", timestamp_style::iso8601, {2023, 11, 21, 10, 20, 15, 512345000, 6});
  expect_wall("2023-11-21 10:12:34", timestamp_style::iso8601, {2023, 11, 21, 10, 12, 34, 0, 0});
  expect_wall("2023-11-21t10:12:34z", timestamp_style::iso8601, {2023, 11, 21, 10, 12, 34, 0, 0});
  const auto z = parse_timestamp("2026-11-21T10:12:40Z");
  ASSERT_TRUE(z);
  EXPECT_TRUE(z->has_offset);
  EXPECT_EQ(z->offset_s, 0);
  const auto none = parse_timestamp("2026-11-21T10:12:40");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_offset);
  const auto utc_word = parse_timestamp("2026-11-21 10:12:40 UTC");
  ASSERT_TRUE(utc_word);
  EXPECT_TRUE(utc_word->has_offset);
}

TEST(Parse, OffsetsAtTheirLimits) {
  const auto off = [](std::string_view t) { return parse_timestamp(t).value().offset_s; };
  EXPECT_EQ(off("2026-11-21T10:12:40+14:00"), 14 * 3600);
  EXPECT_EQ(off("2026-11-21T10:12:40-12:00"), -12 * 3600);
  EXPECT_EQ(off("2026-11-21T10:12:40+05:45"), 5 * 3600 + 45 * 60);
  EXPECT_EQ(off("2026-11-21T10:12:40-0330"), -(3 * 3600 + 30 * 60));
  EXPECT_EQ(off("2026-11-21T10:12:40+02"), 2 * 3600);
  EXPECT_EQ(off("2026-11-21T10:12:40-00:00"), 0);  // RFC 3339: UTC, local offset unknown
  EXPECT_FALSE(parse_timestamp("2026-11-21T10:12:40+14:01"));
  EXPECT_FALSE(parse_timestamp("2026-11-21T10:12:40-12:30"));
  EXPECT_FALSE(parse_timestamp("2026-11-21T10:12:40+02:60"));
  EXPECT_FALSE(parse_timestamp("2026-11-21T10:12:40+2"));
  EXPECT_FALSE(parse_timestamp("2026-11-21T10:12:40+02:0"));
}

TEST(Parse, SystemTimeSevenDigits) {
  expect_wall("2026-11-21T10:12:40.0012345Z", timestamp_style::iso8601, {2026, 11, 21, 10, 12, 40, 1234500, 7});
  expect_wall("2023-11-21T09:30:01.0000000Z", timestamp_style::iso8601, {2023, 11, 21, 9, 30, 1, 0, 7});
}

TEST(Parse, Rfc5424) {
  expect_wall("<34>1 2026-11-21T10:12:40.003Z", timestamp_style::rfc5424, {2026, 11, 21, 10, 12, 40, 3000000, 3});
  expect_wall("<165>1 2003-08-24T05:14:15.000003-07:00", timestamp_style::rfc5424, {2003, 8, 24, 5, 14, 15, 3000, 6});
  EXPECT_FALSE(parse_timestamp("<192>1 2026-11-21T10:12:40Z"));  // PRI past 191
  EXPECT_FALSE(parse_timestamp("<34>1 -"));                      // NILVALUE: no time
  EXPECT_FALSE(parse_timestamp("<34>0 2026-11-21T10:12:40Z"));   // no version 0
}

TEST(Parse, EtwAndUsDates) {
  expect_wall("11/21/2023-10:12:40.001234", timestamp_style::etw, {2023, 11, 21, 10, 12, 40, 1234000, 6});
  expect_wall("11/21/2023 10:12:40 AM", timestamp_style::us_date, {2023, 11, 21, 10, 12, 40, 0, 0});
  expect_wall("11/21/2023 10:12:40 PM", timestamp_style::us_date, {2023, 11, 21, 22, 12, 40, 0, 0});
  expect_wall("1/5/2024 12:03:12 AM", timestamp_style::us_date, {2024, 1, 5, 0, 3, 12, 0, 0});
  expect_wall("1/5/2024 12:03:12 PM", timestamp_style::us_date, {2024, 1, 5, 12, 3, 12, 0, 0});
  expect_wall("1/5/2024 9:03:12 am", timestamp_style::us_date, {2024, 1, 5, 9, 3, 12, 0, 0});
  expect_wall("11/21/2023 22:12:40", timestamp_style::us_date, {2023, 11, 21, 22, 12, 40, 0, 0});
  EXPECT_FALSE(parse_timestamp("11/21/2023 13:12:40 PM"));  // 13 o'clock PM
  EXPECT_FALSE(parse_timestamp("11/21/2023 0:12:40 AM"));
  EXPECT_FALSE(parse_timestamp("11/21/23 10:12:40"));    // two-digit years: not a style any producer prints
  EXPECT_FALSE(parse_timestamp("21/11/2023 10:12:40"));  // day first: month 21
}

TEST(Parse, SyslogAndShortPrecise) {
  expect_wall("Nov 21 10:12:40", timestamp_style::syslog, {0, 11, 21, 10, 12, 40, 0, 0});
  // OpenWrt / BusyBox logread prints ctime: the weekday first, the year last.
  expect_wall("Sat Mar  2 08:15:40 2024", timestamp_style::syslog, {2024, 3, 2, 8, 15, 40, 0, 0});
  expect_wall("Thu Oct 26 12:30:53 2023", timestamp_style::syslog, {2023, 10, 26, 12, 30, 53, 0, 0});
  EXPECT_FALSE(parse_timestamp("Sat Mar  2 08:15:40"));       // a weekday asks for the year
  EXPECT_FALSE(parse_timestamp("Sat Feb 30 08:15:40 2024"));  // no such day
  EXPECT_FALSE(parse_timestamp("Xyz Mar  2 08:15:40 2024"));
  expect_wall("Nov  1 10:12:40", timestamp_style::syslog, {0, 11, 1, 10, 12, 40, 0, 0});
  expect_wall("Jan 01 00:00:00", timestamp_style::syslog, {0, 1, 1, 0, 0, 0, 0, 0});
  expect_wall("Nov 21 10:12:40.123456", timestamp_style::syslog, {0, 11, 21, 10, 12, 40, 123456000, 6});
  expect_wall("dec 31 23:59:59", timestamp_style::syslog, {0, 12, 31, 23, 59, 59, 0, 0});
  expect_wall("Feb 29 10:00:00", timestamp_style::syslog, {0, 2, 29, 10, 0, 0, 0, 0});  // the year decides
  EXPECT_FALSE(parse_timestamp("Nov 31 10:12:40"));
  EXPECT_FALSE(parse_timestamp("Feb 30 10:12:40"));
  EXPECT_FALSE(parse_timestamp("Foo 21 10:12:40"));
  EXPECT_FALSE(parse_timestamp("Nov 21 10:12"));
  // A Spanish, Portuguese or Italian system's journal: %b in its locale, lower case.
  expect_wall("ago 29 10:12:40", timestamp_style::syslog, {0, 8, 29, 10, 12, 40, 0, 0});
  expect_wall("ene  3 07:00:01", timestamp_style::syslog, {0, 1, 3, 7, 0, 1, 0, 0});
  expect_wall("gen 07 07:00:01", timestamp_style::syslog, {0, 1, 7, 7, 0, 1, 0, 0});
  expect_wall("fev 28 23:59:59", timestamp_style::syslog, {0, 2, 28, 23, 59, 59, 0, 0});
  expect_wall("dez 24 18:00:00.250", timestamp_style::syslog, {0, 12, 24, 18, 0, 0, 250000000, 3});
  expect_wall("dic 31 00:00:00", timestamp_style::syslog, {0, 12, 31, 0, 0, 0, 0, 0});
  expect_wall("set 09 09:09:09", timestamp_style::syslog, {0, 9, 9, 9, 9, 9, 0, 0});
  expect_wall("out 1 12:00:00", timestamp_style::syslog, {0, 10, 1, 12, 0, 0, 0, 0});
  expect_wall("mai 5 12:00:00", timestamp_style::syslog, {0, 5, 5, 12, 0, 0, 0, 0});
  expect_wall("giu 6 12:00:00", timestamp_style::syslog, {0, 6, 6, 12, 0, 0, 0, 0});
  EXPECT_FALSE(parse_timestamp("abr 31 10:12:40"));  // April has 30 days, in every language
  EXPECT_FALSE(parse_timestamp("xyz 21 10:12:40"));
  // MikroTik RouterOS /log print: "mar/02 08:15:40" (a lower-case month, a two-digit day, no year).
  expect_wall("mar/02 08:15:40", timestamp_style::syslog, {0, 3, 2, 8, 15, 40, 0, 0});
  expect_wall("dec/31 23:59:59", timestamp_style::syslog, {0, 12, 31, 23, 59, 59, 0, 0});
  EXPECT_FALSE(parse_timestamp("mar/2 08:15:40"));
  EXPECT_FALSE(parse_timestamp("feb/30 08:15:40"));
  EXPECT_FALSE(parse_timestamp("Sat mar/02 08:15:40 2024"));
}

TEST(Parse, Logcat) {
  expect_wall("11-21 10:12:40.123", timestamp_style::logcat, {0, 11, 21, 10, 12, 40, 123000000, 3});
  EXPECT_FALSE(parse_timestamp("13-21 10:12:40.123"));
  EXPECT_FALSE(parse_timestamp("02-30 10:12:40.123"));
}

TEST(Parse, MonotonicEpochAndBootMilliseconds) {
  expect_count("[  812.121877]", timestamp_style::monotonic, 812121877000LL, 6);
  expect_count("[0.000000]", timestamp_style::monotonic, 0, 6);
  expect_count("[1737121661.292380]", timestamp_style::epoch, 1737121661292380000LL, 6);
  expect_count("1737121661.292380:", timestamp_style::epoch, 1737121661292380000LL, 6);
  expect_count("1737121661.292380", timestamp_style::epoch, 1737121661292380000LL, 6);
  expect_count("I (36157)", timestamp_style::boot_ms, 36157000000LL, 3);
  expect_count("E (0)", timestamp_style::boot_ms, 0, 3);
  expect_count("(5123)", timestamp_style::boot_ms, 5123000000LL, 3);
  expect_count("[  9836]", timestamp_style::boot_ms, 9836000000LL, 3);  // Arduino-ESP32 millis
  // Ten digits before 2000 are an uptime, not a date.
  expect_count("[ 900000000.5]", timestamp_style::monotonic, 900000000500000000LL, 1);
  EXPECT_FALSE(parse_timestamp("123456789.5"));      // bare numbers: only wpa_supplicant's epoch
  EXPECT_FALSE(parse_timestamp("[99999999999.0]"));  // past int64 nanoseconds
  EXPECT_FALSE(parse_timestamp("[812.121877"));
  EXPECT_FALSE(parse_timestamp("[]"));
  EXPECT_FALSE(parse_timestamp("X (36157)"));
}

TEST(Parse, ImpossibleTimes) {
  EXPECT_FALSE(parse_timestamp("2026-02-30T10:00:00Z"));
  EXPECT_FALSE(parse_timestamp("2026-02-29T10:00:00Z"));  // not a leap year
  EXPECT_TRUE(parse_timestamp("2024-02-29T10:00:00Z"));
  EXPECT_TRUE(parse_timestamp("2000-02-29T10:00:00Z"));   // divisible by 400
  EXPECT_FALSE(parse_timestamp("1900-02-29T10:00:00Z"));  // divisible by 100
  EXPECT_FALSE(parse_timestamp("2026-13-01T10:00:00Z"));
  EXPECT_FALSE(parse_timestamp("2026-00-01T10:00:00Z"));
  EXPECT_FALSE(parse_timestamp("2026-11-00T10:00:00Z"));
  EXPECT_FALSE(parse_timestamp("2026-11-21T24:00:00Z"));
  EXPECT_FALSE(parse_timestamp("2026-11-21T23:60:00Z"));
  EXPECT_FALSE(parse_timestamp("2026-11-21T10:12:61Z"));
  EXPECT_FALSE(parse_timestamp("2026-11-21T10:12:60Z"));  // a leap second ends a minute 59 only
  const auto leap = parse_timestamp("2016-12-31T23:59:60Z");
  ASSERT_TRUE(leap);
  EXPECT_EQ(leap->second, 60);
  EXPECT_TRUE(parse_timestamp("2017-01-01T00:59:60+01:00"));  // the same leap second in CET
}

TEST(Parse, FractionsOfAnyLength) {
  expect_wall("2026-11-21T10:12:40.123456789012345678901234567890Z", timestamp_style::iso8601,
              {2026, 11, 21, 10, 12, 40, 123456789, 9});
  std::string huge = "2026-11-21T10:12:40." + std::string(100000, '7') + "Z";
  expect_wall(huge, timestamp_style::iso8601, {2026, 11, 21, 10, 12, 40, 777777777, 9});
  expect_wall("2026-11-21T10:12:40.5Z", timestamp_style::iso8601, {2026, 11, 21, 10, 12, 40, 500000000, 1});
  EXPECT_FALSE(parse_timestamp("2026-11-21T10:12:40.Z"));
}

TEST(Parse, BlanksAndGarbage) {
  EXPECT_TRUE(parse_timestamp("  2026-11-21T10:12:40Z \r"));
  EXPECT_FALSE(parse_timestamp(""));
  EXPECT_FALSE(parse_timestamp("   "));
  EXPECT_FALSE(parse_timestamp("hello"));
  EXPECT_FALSE(parse_timestamp("2026-11-21T10:12:40Z trailing"));
  EXPECT_FALSE(parse_timestamp("20261-11-21T10:12:40Z"));
  EXPECT_FALSE(parse_timestamp("2026-11-21"));
  EXPECT_FALSE(parse_timestamp(std::string_view("2026-11-21T10:12:40\0Z", 21)));
  EXPECT_FALSE(parse_timestamp("\xff\xfe\x80"));
  EXPECT_FALSE(parse_timestamp("99999999999999999999999999999.1"));
  EXPECT_FALSE(parse_timestamp("<"));
  EXPECT_FALSE(parse_timestamp("["));
  EXPECT_FALSE(parse_timestamp("I ("));
}

TEST(Parse, StyleNames) {
  EXPECT_EQ(wlancode::to_string(timestamp_style::iso8601), "iso8601");
  EXPECT_EQ(wlancode::to_string(timestamp_style::boot_ms), "boot_ms");
  EXPECT_EQ(wlancode::to_string(timestamp_style::none), "none");
}

TEST(Parse, DaysFromCivil) {
  EXPECT_EQ(wlancode::days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(wlancode::days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(wlancode::days_from_civil(2026, 11, 21), 20778);
  EXPECT_EQ(wlancode::days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(wlancode::days_from_civil(1600, 2, 29), -135081);
}
