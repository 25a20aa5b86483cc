// `wlancode diagnose` end to end: exit statuses, formats, --redact, bad options.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

namespace {

struct run_result {
  std::string out;
  int status;
};

// `stderr_too`: the error stream is read with the output (after it, when both write).
run_result run(const std::string& args, bool stderr_too = false) {
  const std::string cmd = std::string(WLANCODE_CLI) + " " + args + (stderr_too ? " 2>&1" : " 2>/dev/null");
  FILE* p = ::popen(cmd.c_str(), "r");
  run_result r{{}, -1};
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

const std::string examples = WLANCODE_EXAMPLES;

TEST(DiagnoseCli, ExamplesGiveAnAnswerFirst) {
  const auto r = run("diagnose " + examples);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("connection attempts failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("most likely cause: "), std::string::npos);
  EXPECT_NE(r.out.find("Likely causes (heuristics"), std::string::npos);
}

TEST(DiagnoseCli, JsonHasTheSchema) {
  const auto r = run("diagnose --format json " + examples + "/wpa_supplicant.log");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("{\"schema\":\"wlancode-diagnose/1\"", 0), 0u) << r.out.substr(0, 200);
  for (const char* key :
       {"\"verdict\":", "\"totals\":", "\"causes\":", "\"groups\":", "\"attempts\":", "\"sessions\":", "\"repeats\":",
        "\"by_cause\":", "\"by_phase\":", "\"by_ended_by\":", "\"codes\":", "\"notes\":"})
    EXPECT_NE(r.out.find(key), std::string::npos) << key;
}

// The bundled wlanreport: its failed and successful connections, answered first; redacted, no
// network name or address of it is left; never its profile's key.
TEST(DiagnoseCli, WlanReportExample) {
  const auto r = run("diagnose " + examples + "/wlanreport.html");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(
      r.out.rfind("1 of 3 connection attempts failed (1 of 1 to `CorpWiFi`); most likely cause: Wrong password", 0), 0u)
      << r.out;
  EXPECT_NE(r.out.find("ended by driver"), std::string::npos) << r.out;
  for (const char* format : {"text", "json"}) {
    const auto red = run(std::string("diagnose --redact --format ") + format + " " + examples + "/wlanreport.html");
    EXPECT_EQ(red.status, 0);
    for (const char* clear : {"CorpWiFi", "HomeNet", "CafeGuest", "02:00:00:", "ExamplePassphrase"})
      EXPECT_EQ(red.out.find(clear), std::string::npos) << format << ": " << clear;
  }
  EXPECT_EQ(r.out.find("ExamplePassphrase"), std::string::npos);
}

TEST(DiagnoseCli, RedactHidesNamesAndMacs) {
  const auto r = run("diagnose --redact --format json " + examples + "/wpa_supplicant.log");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.find("CorpWiFi"), std::string::npos);
  EXPECT_EQ(r.out.find("laptop"), std::string::npos);
  EXPECT_EQ(r.out.find("02:00:00:10:00:01"), std::string::npos);
  EXPECT_NE(r.out.find("ssid-1"), std::string::npos);
}

TEST(DiagnoseCli, ExitStatuses) {
  EXPECT_EQ(run("diagnose " + examples + "/plain.txt --format text").status, 0);
  EXPECT_EQ(run("diagnose /nonexistent/file.log").status, 2);
  EXPECT_EQ(run("diagnose --tz Not/AZone " + examples).status, 2);
  EXPECT_EQ(run("diagnose --format csv " + examples).status, 2);
  EXPECT_EQ(run("diagnose --year 12 " + examples).status, 2);
  EXPECT_EQ(run("diagnose --help").status, 0);
  EXPECT_EQ(run("diagnose /dev/null").status, 1);
}

// diagnose, report and scan share --jobs, --tz and --year: the same ranges, messages and help.
TEST(DiagnoseCli, SharedOptionsAsScan) {
  const std::string page =
      (std::filesystem::temp_directory_path() / ("wlancode-shared-" + std::to_string(::getpid()) + ".html")).string();
  for (const std::string& c : {std::string("scan"), std::string("diagnose"), "report -o " + page}) {
    EXPECT_EQ(run(c + " --year 2201 " + examples).status, 2) << c;
    EXPECT_EQ(run(c + " --year 1969 " + examples).status, 2) << c;
    EXPECT_EQ(run(c + " --year 2200 " + examples).status, 0) << c;
    EXPECT_EQ(run(c + " -j 0 " + examples).status, 2) << c;
    EXPECT_EQ(run(c + " -j 257 " + examples).status, 2) << c;
    EXPECT_EQ(run(c + " -j 256 " + examples).status, 0) << c;
    const auto year = run(c + " --year 3000 " + examples, true);
    EXPECT_NE(year.out.find("--year: expected a year from 1970 to 2200, got 3000"), std::string::npos) << year.out;
    const auto help = run(c.substr(0, c.find(' ')) + " --help");
    EXPECT_NE(help.out.find("-j,--jobs N (default: one per core, at most 8)"), std::string::npos) << c;
    EXPECT_NE(help.out.find("--year YYYY (default: from each file's mtime)"), std::string::npos) << c;
  }
  std::filesystem::remove(page);
}

}  // namespace
