// time_zone: fixed offsets, TZif files (hand-built here and the system's), POSIX rules, DST.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "wlancode/timestamp.hpp"

using wlancode::days_from_civil;
using wlancode::time_zone;

namespace {

std::int64_t utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
  return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

void be32(std::string& s, std::uint32_t v) {
  for (int k = 3; k >= 0; --k) s += static_cast<char>((v >> (8 * k)) & 0xff);
}
void be64(std::string& s, std::int64_t v) {
  be32(s, static_cast<std::uint32_t>(static_cast<std::uint64_t>(v) >> 32));
  be32(s, static_cast<std::uint32_t>(v));
}

// A version 2 TZif file (RFC 8536): a minimal 32-bit block, then the 64-bit data and the footer.
std::string make_tzif(const std::vector<std::int64_t>& times, const std::vector<std::uint8_t>& idx,
                      const std::vector<std::int32_t>& type_offsets, const std::string& footer,
                      std::uint32_t leaps = 0) {
  std::string s = "TZif2" + std::string(15, '\0');
  for (std::uint32_t c : {0u, 0u, 0u, 0u, 1u, 1u}) be32(s, c);  // isut isstd leap time type char
  be32(s, 0);
  s += '\0';
  s += '\0';
  s += '\0';  // one ttinfo (offset 0) and one designation byte
  s += "TZif2" + std::string(15, '\0');
  const auto types = static_cast<std::uint32_t>(type_offsets.size());
  for (std::uint32_t c : {0u, 0u, leaps, static_cast<std::uint32_t>(times.size()), types, 4u}) be32(s, c);
  for (std::int64_t t : times) be64(s, t);
  for (std::uint8_t i : idx) s += static_cast<char>(i);
  for (std::int32_t o : type_offsets) {
    be32(s, static_cast<std::uint32_t>(o));
    s += '\0';
    s += '\0';
  }
  s += std::string("ABC") + '\0';
  for (std::uint32_t k = 0; k < leaps; ++k) {
    be64(s, 0);
    be32(s, 1);
  }
  return s + "\n" + footer + "\n";
}

// Two transitions: +1 -> +2 at 2020-03-29T01:00Z, back at 2020-10-25T01:00Z; CET rules after.
std::string sample_tzif() {
  return make_tzif({utc(2020, 3, 29, 1), utc(2020, 10, 25, 1)}, {1, 0}, {3600, 7200}, "CET-1CEST,M3.5.0,M10.5.0/3");
}

struct env_guard {  // tests set TZ and TZDIR on the main thread, and put them back
  std::string name;
  std::optional<std::string> old;
  explicit env_guard(std::string n) : name(std::move(n)) {
    if (const char* v = ::getenv(name.c_str())) old = v;
  }
  ~env_guard() {
    if (old)
      ::setenv(name.c_str(), old->c_str(), 1);
    else
      ::unsetenv(name.c_str());
  }
};

bool have_zoneinfo() { return std::filesystem::exists("/usr/share/zoneinfo/Europe/Berlin"); }

}  // namespace

TEST(Zone, FixedOffsets) {
  EXPECT_EQ(time_zone::load("UTC")->offset_at(0), 0);
  EXPECT_EQ(time_zone::load("utc")->name(), "UTC");
  EXPECT_EQ(time_zone::load("Z")->offset_at(123), 0);
  EXPECT_EQ(time_zone::load("+02:00")->offset_at(0), 7200);
  EXPECT_EQ(time_zone::load("-0500")->offset_at(0), -18000);
  EXPECT_EQ(time_zone::load("+14:00")->offset_at(0), 14 * 3600);
  EXPECT_EQ(time_zone::load("-12:00")->offset_at(0), -12 * 3600);
  EXPECT_EQ(time_zone::load("+0545")->offset_at(0), 5 * 3600 + 45 * 60);
  std::string why;
  EXPECT_EQ(time_zone::load("+14:30", &why), nullptr);
  EXPECT_FALSE(why.empty());
  EXPECT_EQ(time_zone::load("+02:99"), nullptr);
  const auto f = time_zone::fixed(3600, "x");
  const auto r = f->from_local(utc(2026, 1, 1, 12));
  EXPECT_EQ(r.earliest, utc(2026, 1, 1, 11));
  EXPECT_EQ(r.latest, r.earliest);
  EXPECT_FALSE(r.gap);
}

TEST(Zone, HandBuiltTzif) {
  std::string why;
  const auto z = time_zone::from_tzif(sample_tzif(), "Test/Zone", &why);
  ASSERT_NE(z, nullptr) << why;
  EXPECT_EQ(z->name(), "Test/Zone");
  EXPECT_EQ(z->offset_at(utc(2019, 1, 1)), 3600);  // before the first transition: type 0
  EXPECT_EQ(z->offset_at(utc(2020, 3, 29, 1) - 1), 3600);
  EXPECT_EQ(z->offset_at(utc(2020, 3, 29, 1)), 7200);
  EXPECT_EQ(z->offset_at(utc(2020, 10, 25, 1) - 1), 7200);
  EXPECT_EQ(z->offset_at(utc(2020, 10, 25, 1)), 3600);
  // Past the last transition: the footer's rule (2026: last Sundays of March and October).
  EXPECT_EQ(z->offset_at(utc(2026, 3, 29, 1) - 1), 3600);
  EXPECT_EQ(z->offset_at(utc(2026, 3, 29, 1)), 7200);
  EXPECT_EQ(z->offset_at(utc(2026, 10, 25, 1) - 1), 7200);
  EXPECT_EQ(z->offset_at(utc(2026, 10, 25, 1)), 3600);
  EXPECT_EQ(z->offset_at(utc(2100, 7, 1)), 7200);
}

TEST(Zone, DamagedTzifNeverCrashes) {
  const std::string good = sample_tzif();
  for (std::size_t n = 0; n < good.size(); ++n) {
    std::string why;
    const auto z = time_zone::from_tzif(good.substr(0, n), "cut", &why);
    if (!z) {
      EXPECT_FALSE(why.empty()) << n;
    }
  }
  std::string why;
  EXPECT_EQ(time_zone::from_tzif("", "e", &why), nullptr);
  EXPECT_EQ(time_zone::from_tzif("TZjf" + good.substr(4), "e", &why), nullptr);
  EXPECT_EQ(time_zone::from_tzif(make_tzif({10, 5}, {0, 0}, {0}, ""), "order", &why), nullptr);
  EXPECT_NE(why.find("order"), std::string::npos);
  EXPECT_EQ(time_zone::from_tzif(make_tzif({10}, {3}, {0}, ""), "idx", &why), nullptr);
  EXPECT_EQ(time_zone::from_tzif(make_tzif({10}, {0}, {0}, "", 1), "leap", &why), nullptr);
  EXPECT_NE(why.find("leap"), std::string::npos);
  EXPECT_EQ(time_zone::from_tzif(make_tzif({10}, {0}, {0}, "NOT A RULE"), "footer", &why), nullptr);
  EXPECT_EQ(time_zone::from_tzif(make_tzif({10}, {0}, {100 * 3600}, ""), "range", &why), nullptr);
  std::string flipped = good;
  for (std::size_t i = 20; i < 44 + 20 && i < flipped.size(); ++i) flipped[i] = '\xff';  // huge counts
  EXPECT_EQ(time_zone::from_tzif(flipped, "counts", &why), nullptr);
}

TEST(Zone, PosixRules) {
  const auto cet = time_zone::load("CET-1CEST,M3.5.0,M10.5.0/3");
  ASSERT_NE(cet, nullptr);
  EXPECT_EQ(cet->offset_at(utc(2026, 7, 1)), 7200);
  EXPECT_EQ(cet->offset_at(utc(2026, 12, 1)), 3600);
  const auto us = time_zone::load("EST5EDT");  // no rule: the US one
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->offset_at(utc(2026, 7, 1)), -4 * 3600);
  EXPECT_EQ(us->offset_at(utc(2026, 3, 8, 7) - 1), -5 * 3600);
  EXPECT_EQ(us->offset_at(utc(2026, 3, 8, 7)), -4 * 3600);
  const auto quoted = time_zone::load("<+03>-3");
  ASSERT_NE(quoted, nullptr);
  EXPECT_EQ(quoted->offset_at(0), 3 * 3600);
  // Southern hemisphere: summer time across the new year.
  const auto syd = time_zone::load("AEST-10AEDT,M10.1.0,M4.1.0/3");
  ASSERT_NE(syd, nullptr);
  EXPECT_EQ(syd->offset_at(utc(2026, 1, 15)), 11 * 3600);
  EXPECT_EQ(syd->offset_at(utc(2026, 7, 1)), 10 * 3600);
  EXPECT_EQ(syd->offset_at(utc(2026, 12, 31)), 11 * 3600);
  // Julian days: J60 is March 1 every year, 59 (zero-based) is March 1 in leap years only.
  const auto j = time_zone::load("AAA0BBB,J60/0,J300/0");
  ASSERT_NE(j, nullptr);
  EXPECT_EQ(j->offset_at(utc(2024, 3, 1) - 1), 0);
  EXPECT_EQ(j->offset_at(utc(2024, 3, 1)), 3600);
  const auto d = time_zone::load("AAA0BBB,59/0,300/0");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->offset_at(utc(2024, 2, 29)), 3600);
  EXPECT_EQ(d->offset_at(utc(2024, 2, 29) - 1), 0);
  for (const char* bad : {"CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0",
                          "CET-1CEST,J0,J300", "CET-200", "<+03-3", "C-1"})
    EXPECT_EQ(time_zone::load(bad), nullptr) << bad;
}

TEST(Zone, UnknownAndUnsafeNames) {
  std::string why;
  EXPECT_EQ(time_zone::load("Mars/Olympus", &why), nullptr);
  EXPECT_NE(why.find("Mars/Olympus"), std::string::npos);
  EXPECT_EQ(time_zone::load("../../etc/passwd"), nullptr);
  EXPECT_EQ(time_zone::load("/etc/passwd"), nullptr);
  EXPECT_EQ(time_zone::load(""), nullptr);
  EXPECT_EQ(time_zone::load(std::string_view("Europe/Berlin\0x", 15)), nullptr);
}

TEST(Zone, TzdirAndLocal) {
  env_guard tzdir("TZDIR"), tz("TZ");
  const auto dir = std::filesystem::temp_directory_path() / ("wlancode-tz-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "Test");
  {
    std::ofstream(dir / "Test" / "Zone", std::ios::binary) << sample_tzif();
    std::ofstream(dir / "Test" / "Broken", std::ios::binary) << "TZif2 nonsense";
  }
  ::setenv("TZDIR", dir.c_str(), 1);
  const auto z = time_zone::load("Test/Zone");
  ASSERT_NE(z, nullptr);
  EXPECT_EQ(z->offset_at(utc(2020, 7, 1)), 7200);
  std::string why;
  EXPECT_EQ(time_zone::load("Test/Broken", &why), nullptr);
  EXPECT_FALSE(why.empty());
  ::setenv("TZ", "Test/Zone", 1);
  const auto local = time_zone::load("local");
  ASSERT_NE(local, nullptr);
  EXPECT_EQ(local->offset_at(utc(2020, 7, 1)), 7200);
  ::setenv("TZ", ":UTC", 1);
  EXPECT_EQ(time_zone::load("local")->offset_at(utc(2020, 7, 1)), 0);
  ::setenv("TZ", "<+05>-5", 1);
  EXPECT_EQ(time_zone::load("local")->offset_at(0), 5 * 3600);
  ::setenv("TZ", "Nowhere/Nothing", 1);
  EXPECT_EQ(time_zone::load("local", &why), nullptr);
  ::unsetenv("TZ");
  EXPECT_NE(time_zone::load("local"), nullptr);  // /etc/localtime, or UTC where there is none
  std::filesystem::remove_all(dir);
}

TEST(Zone, SystemDatabase) {
  if (!have_zoneinfo()) GTEST_SKIP() << "tzdata not installed";
  env_guard tzdir("TZDIR");
  ::unsetenv("TZDIR");
  const auto berlin = time_zone::load("Europe/Berlin");
  ASSERT_NE(berlin, nullptr);
  EXPECT_EQ(berlin->offset_at(utc(2026, 1, 1)), 3600);
  EXPECT_EQ(berlin->offset_at(utc(2026, 7, 1)), 7200);
  EXPECT_EQ(berlin->offset_at(utc(2040, 7, 1)), 7200);          // past the table: the footer
  EXPECT_EQ(berlin->offset_at(utc(1880, 1, 1)), 53 * 60 + 28);  // local mean time, +0:53:28
  // Clocks spring forward 2026-03-29 02:00 -> 03:00: 02:30 does not exist; read at the old offset.
  auto r = berlin->from_local(utc(2026, 3, 29, 2, 30));
  EXPECT_TRUE(r.gap);
  EXPECT_EQ(r.earliest, utc(2026, 3, 29, 1, 30));
  // And fall back 2026-10-25 03:00 -> 02:00: 02:30 happens twice.
  r = berlin->from_local(utc(2026, 10, 25, 2, 30));
  EXPECT_FALSE(r.gap);
  EXPECT_EQ(r.earliest, utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(r.latest, utc(2026, 10, 25, 1, 30));
  r = berlin->from_local(utc(2026, 10, 25, 3, 30));
  EXPECT_EQ(r.earliest, utc(2026, 10, 25, 2, 30));
  EXPECT_EQ(r.latest, r.earliest);
  const auto ny = time_zone::load("America/New_York");
  ASSERT_NE(ny, nullptr);
  EXPECT_EQ(ny->from_local(utc(2026, 3, 8, 2, 30)).earliest, utc(2026, 3, 8, 7, 30));
  r = ny->from_local(utc(2026, 11, 1, 1, 30));
  EXPECT_EQ(r.earliest, utc(2026, 11, 1, 5, 30));
  EXPECT_EQ(r.latest, utc(2026, 11, 1, 6, 30));
  const auto syd = time_zone::load("Australia/Sydney");
  ASSERT_NE(syd, nullptr);
  r = syd->from_local(utc(2026, 4, 5, 2, 30));  // fall back, southern autumn
  EXPECT_EQ(r.earliest, utc(2026, 4, 4, 15, 30));
  EXPECT_EQ(r.latest, utc(2026, 4, 4, 16, 30));
  EXPECT_EQ(syd->offset_at(utc(2045, 1, 15)), 11 * 3600);  // footer, across the new year
}
