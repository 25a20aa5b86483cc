// Timestamps in the scanner: what leading_timestamp finds (old styles unchanged, new ones found),
// the instant each finding carries, year roll-over with -j, and the CLI's --tz, --year, JSONL/CSV
// `time` and summary first/last by real time.
#include <sys/stat.h>
#include <sys/time.h>

#include <cstdio>

#include "helpers.hpp"
#include "internal.hpp"
#include "wlancode/timestamp.hpp"

using namespace scan_test;
using wlancode::instant;
using wlancode::to_iso8601;
using wlancode::scan::detail::leading_timestamp;

namespace {

std::vector<wlancode::scan::finding> scan_with(std::string_view data, int year, std::string_view tz = "UTC") {
  wlancode::scan::options o;
  o.year = year;
  o.tz = wlancode::time_zone::load(tz);
  std::vector<wlancode::scan::finding> out;
  wlancode::scan::scan_memory(data, "mem", o, [&](const wlancode::scan::finding& x) { out.push_back(x); });
  return out;
}

std::string run_cli(const std::string& args, int* status = nullptr) {
  const std::string cmd = std::string(WLANCODE_CLI) + " " + args + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  for (std::size_t n; p && (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  const int st = p ? ::pclose(p) : -1;
  if (status) *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

void set_mtime(const std::filesystem::path& p, std::int64_t s) {
  const struct timeval tv[2] = {{static_cast<time_t>(s), 0}, {static_cast<time_t>(s), 0}};
  ASSERT_EQ(::utimes(p.c_str(), tv), 0);
}

}  // namespace

TEST(ScanTime, LeadingTimestampStylesItFoundBefore) {
  EXPECT_EQ(leading_timestamp("Nov 21 10:12:34 host wpa_supplicant[1]: x"), "Nov 21 10:12:34");
  EXPECT_EQ(leading_timestamp("Nov  1 10:12:34 host x"), "Nov  1 10:12:34");
  EXPECT_EQ(leading_timestamp("mar/02 08:15:40 wireless,info 02:00:00:00:52:01@wlan1: connected"), "mar/02 08:15:40");
  EXPECT_EQ(leading_timestamp("mar/2 08:15:40 wireless,info x"), "");
  EXPECT_EQ(leading_timestamp("2023-11-21T10:12:34.567+01:00 host x"), "2023-11-21T10:12:34.567+01:00");
  EXPECT_EQ(leading_timestamp("2023-11-21 10:12:34,567 INFO"), "2023-11-21 10:12:34,567");
  EXPECT_EQ(leading_timestamp("[0]0A1C.0B2C::11/21/2023-10:12:40.001234 [Microsoft-Windows-NWiFi]x"),
            "11/21/2023-10:12:40.001234");
  EXPECT_EQ(leading_timestamp("[  123.456789] wlan0: x"), "[  123.456789]");
  EXPECT_EQ(leading_timestamp("1700000000.123456: wlan0: x"), "1700000000.123456");
  EXPECT_EQ(leading_timestamp("wlan0: CTRL-EVENT-DISCONNECTED reason=3"), "");
  EXPECT_EQ(leading_timestamp(""), "");
}

TEST(ScanTime, LeadingTimestampNewStyles) {
  EXPECT_EQ(leading_timestamp("Nov 21 10:12:34.123456 host kernel: x"), "Nov 21 10:12:34.123456");
  // journalctl on a Spanish, Portuguese or Italian system: the month in lower case.
  EXPECT_EQ(leading_timestamp("ago 29 10:12:34 host wpa_supplicant[1]: x"), "ago 29 10:12:34");
  EXPECT_EQ(leading_timestamp("jun  3 10:12:34.123456 host NetworkManager[700]: x"), "jun  3 10:12:34.123456");
  EXPECT_EQ(leading_timestamp("and 29 more lines follow"), "");
  EXPECT_EQ(leading_timestamp("I (36157) wifi: state: run -> init (ec0)"), "I (36157)");
  EXPECT_EQ(leading_timestamp("W (6151) wifi station: connect to the AP fail"), "W (6151)");
  EXPECT_EQ(leading_timestamp("[  9836][V][WiFiGeneric.cpp:362] x"), "[  9836]");
  EXPECT_EQ(leading_timestamp("11-21 10:12:40.123  1234  1250 I wpa_supplicant: x"), "11-21 10:12:40.123");
  EXPECT_EQ(leading_timestamp("<34>1 2026-11-21T10:12:40.003Z host app - - - x"), "2026-11-21T10:12:40.003Z");
  EXPECT_EQ(leading_timestamp("<30>Nov 21 10:12:40 host wpa_supplicant: x"), "Nov 21 10:12:40");
  EXPECT_EQ(leading_timestamp("11/21/2023 10:12:40 AM  WLAN-AutoConfig  8002"), "11/21/2023 10:12:40 AM");
  EXPECT_EQ(leading_timestamp("1/5/2024 9:03:12 PM x"), "1/5/2024 9:03:12 PM");
  EXPECT_EQ(leading_timestamp("11/21/2023 22:12:40 x"), "11/21/2023 22:12:40");
  // The Arduino IDE's serial monitor prefix: the device's stamp after it, none when it has none.
  EXPECT_EQ(leading_timestamp("23:24:14.141 -> [ 55424][V][WiFiGeneric.cpp:362] x"), "[ 55424]");
  EXPECT_EQ(leading_timestamp("23:24:14.141 -> D (36157) event: x"), "D (36157)");
  EXPECT_EQ(leading_timestamp("23:24:14.141 -> Connected to WiFi network."), "");
  EXPECT_EQ(leading_timestamp("23:24:14.141 ->"), "");
  // Near misses are not timestamps.
  EXPECT_EQ(leading_timestamp("I (x) wifi"), "");
  EXPECT_EQ(leading_timestamp("11-21 wlan0"), "");
  EXPECT_EQ(leading_timestamp("<34>"), "");
  EXPECT_EQ(leading_timestamp("<34>garbage"), "");
  EXPECT_EQ(leading_timestamp("1/5/24 9:03:12 x"), "");
  EXPECT_EQ(leading_timestamp(std::string_view("I (3\0", 5)), "");
}

TEST(ScanTime, FindingsCarryTheirInstant) {
  const auto fs = scan_with(
      "Nov 21 10:12:34 host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3\n"
      "I (36157) wifi: disconnected reason:201\n"
      "2023-11-21T10:20:15.512345+0100 host NetworkManager[1]: <info> device (wlan0): state change: activated -> "
      "failed (reason 'supplicant-disconnect') [100 120 8]\n"
      "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:02 reason=4\n",
      2026);
  ASSERT_GE(fs.size(), 3u);
  EXPECT_EQ(to_iso8601(fs[0].time), "2026-11-21T10:12:34Z");
  EXPECT_TRUE(fs[0].time.year_inferred);
  EXPECT_EQ(fs[0].timestamp, "Nov 21 10:12:34");  // the raw text stays as printed
  bool esp = false, none = false;
  for (const auto& f : fs) {
    if (f.timestamp == "I (36157)") {
      esp = true;
      EXPECT_EQ(f.time.clk, instant::clock::relative);
      EXPECT_EQ(to_iso8601(f.time), "+36.157s");
    }
    if (f.timestamp.empty()) {
      none = true;
      EXPECT_EQ(f.time.clk, instant::clock::none);
    }
  }
  EXPECT_TRUE(esp);
  EXPECT_TRUE(none);
}

TEST(ScanTime, ZoneAppliesToStampsWithoutOffset) {
  const auto fs =
      scan_with("Nov 21 10:12:34 host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED reason=3\n", 2026, "-0500");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(to_iso8601(fs[0].time), "2026-11-21T15:12:34Z");
}

// A log from December into January, large enough for -j to cut it into several segments: the
// January lines of every segment are next year's, exactly as with one thread.
TEST(ScanTime, YearRollOverIsTheSameWithJobs) {
  std::string data;
  const std::string pad(180, 'x');
  for (int i = 0; i < 60000; ++i) {
    const bool jan = i >= 30000;
    char ts[32];
    std::snprintf(ts, sizeof ts, "%s %2d %02d:%02d:%02d", jan ? "Jan" : "Dec", jan ? 1 + i % 3 : 29 + i % 3,
                  (i / 3600) % 24, (i / 60) % 60, i % 60);
    data += std::string(ts) +
            " host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED reason=" + std::to_string(1 + i % 20) + " " + pad +
            "\n";
  }
  const auto p = temp_dir() / "dec-jan.log";
  write_file(p, data);
  ASSERT_GT(data.size(), 9u << 20);  // two 8 MiB segments, the second one in January
  set_mtime(p, wlancode::days_from_civil(2026, 1, 4) * 86400);
  // With an explicit year (the first line's), a segment that starts in January could only know
  // its year from the segments before it: resolving per segment would get it wrong.
  const auto run = [&](unsigned jobs, int year) {
    wlancode::scan::options o;
    o.year = year;
    o.jobs = jobs;
    o.parallel_min_bytes = 1;
    std::vector<std::string> times;
    wlancode::scan::scan_path(
        p.string(), o, [&](const wlancode::scan::finding& f) { times.push_back(to_iso8601(f.time)); },
        [](const wlancode::scan::input_error&) {});
    return times;
  };
  const auto one = run(1, 0), three = run(3, 0);  // from the mtime
  ASSERT_EQ(one.size(), 60000u);
  EXPECT_EQ(one, three);
  EXPECT_EQ(run(3, 2025), one);
  EXPECT_EQ(one.front().substr(0, 10), "2025-12-29");
  EXPECT_EQ(one[29999].substr(0, 4), "2025");
  EXPECT_EQ(one[30000].substr(0, 10), "2026-01-01");
  EXPECT_EQ(one.back().substr(0, 4), "2026");
}

TEST(ScanTime, CliTimeFieldsAndOptions) {
  const auto p = temp_dir() / "cli-time.log";
  write_file(p,
             "Nov 21 10:12:34 host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 "
             "reason=3\n"
             "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:02 reason=4\n");
  int st = 0;
  std::string out = run_cli("scan --format jsonl --year 2025 --tz +01:00 " + p.string(), &st);
  EXPECT_EQ(st, 0) << out;
  EXPECT_NE(out.find("\"time\":\"2025-11-21T09:12:34Z\",\"timestamp\":\"Nov 21 10:12:34\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"time\":null,\"timestamp\":null"), std::string::npos) << out;
  out = run_cli("scan --format csv --year 2025 " + p.string(), &st);
  EXPECT_NE(out.find(",time,timestamp,"), std::string::npos) << out;
  EXPECT_NE(out.find(",2025-11-21T10:12:34Z,Nov 21 10:12:34,"), std::string::npos) << out;
  out = run_cli("scan --tz Mars/Olympus " + p.string(), &st);
  EXPECT_EQ(st, 2);
  EXPECT_NE(out.find("Mars/Olympus"), std::string::npos);
  run_cli("scan --year 12 " + p.string(), &st);
  EXPECT_EQ(st, 2);
  run_cli("scan --year abc " + p.string(), &st);
  EXPECT_EQ(st, 2);
}

// Two files whose order on the command line is not the order in time: first/last come from the
// real times, not from what was printed first and last.
TEST(ScanTime, SummaryFirstAndLastByRealTime) {
  const auto later = temp_dir() / "a-later.log", earlier = temp_dir() / "b-earlier.log";
  write_file(later, "2026-11-21T12:00:00+01:00 host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED reason=3\n");
  write_file(earlier,
             "[0]0A1C.0B2C::11/21/2026-10:30:00.250000 [Microsoft-Windows-NWiFi]DisAssoc: 0x8D Mac: "
             "02:00:00:50:00:01 Reason: 0x4\n"
             "Nov 21 09:00:00 host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED reason=3\n");
  int st = 0;
  const std::string text = run_cli("scan --summary --year 2026 " + later.string() + " " + earlier.string(), &st);
  EXPECT_EQ(st, 0) << text;
  EXPECT_NE(text.find("First seen: 2026-11-21T09:00:00Z (Nov 21 09:00:00)"), std::string::npos) << text;
  EXPECT_NE(text.find("Last seen:  2026-11-21T11:00:00Z (2026-11-21T12:00:00+01:00)"), std::string::npos) << text;
  const std::string json =
      run_cli("scan --summary --format jsonl --year 2026 " + later.string() + " " + earlier.string(), &st);
  EXPECT_NE(json.find("\"first_time\":\"2026-11-21T09:00:00Z\",\"last_time\":\"2026-11-21T11:00:00Z\""),
            std::string::npos)
      << json;
  // Per code: reason 3 first at 09:00 in the second file, last at 11:00 in the first.
  EXPECT_NE(json.find("\"first_time\":\"2026-11-21T09:00:00Z\",\"last_time\":\"2026-11-21T11:00:00Z\",\"first_seen\":"
                      "\"Nov 21 09:00:00\",\"last_seen\":\"2026-11-21T12:00:00+01:00\",\"first\":\"" +
                      earlier.string() + ":2\",\"last\":\"" + later.string() + ":1\""),
            std::string::npos)
      << json;
}

TEST(ScanTime, OpenWrtLogreadCtime) {
  // OpenWrt / BusyBox logread: ctime (weekday first, year last), then facility.level, no host.
  EXPECT_EQ(leading_timestamp("Sat Mar  2 08:15:40 2024 daemon.info hostapd: wlan0: x"), "Sat Mar  2 08:15:40 2024");
  EXPECT_EQ(leading_timestamp("Sat Mar  2 08:15:40 2024"), "Sat Mar  2 08:15:40 2024");
  EXPECT_EQ(leading_timestamp("Sat Mar  2 08:15:40 20245 x"), "");
  EXPECT_EQ(leading_timestamp("Sat Mar  2 08:15:40 host x"), "");
  EXPECT_EQ(leading_timestamp("Sat Mar  2 08:15:4"), "");
}
