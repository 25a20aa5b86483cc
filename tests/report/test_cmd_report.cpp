// `wlancode report` end to end: the page it writes for the bundled examples, -o -, --redact,
// --title, an empty input, usage errors and an unwritable output.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace {

struct result {
  int status = -1;
  std::string out;  // standard output, with standard error after it when `with_stderr`
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// `wlancode report ARGS`.
result run(const std::string& args, bool with_stderr = false) {
  const std::string cmd = quote(WLANCODE_CLI) + " report " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  result r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
  const int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
  return n;
}

class CmdReport : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = std::filesystem::temp_directory_path() / ("wlancode-report-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::filesystem::path dir;
  const std::string examples = quote(WLANCODE_EXAMPLES);
};

TEST_F(CmdReport, WritesOnePageForTheExamples) {
  const auto out = dir / "report.html";
  const result r = run(examples + " -o " + quote(out.string()), true);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("report written to " + std::filesystem::absolute(out).string()), std::string::npos) << r.out;
  const std::string page = slurp(out);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(count(page, "</html>"), 1u);
  EXPECT_EQ(count(page, "</script>"), 3u);
  EXPECT_NE(page.find("\"schema\":\"wlancode-diagnose/1\""), std::string::npos);
  EXPECT_NE(page.find("<title>Wi-Fi connection report</title>"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(out.string() + ".part-" + std::to_string(::getpid())));
  for (const auto& e : std::filesystem::directory_iterator(dir))  // no temporary file left behind
    EXPECT_EQ(e.path().filename(), "report.html");
}

TEST_F(CmdReport, DashWritesToStandardOutput) {
  const result r = run(examples + " -o -");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(count(r.out, "</html>"), 1u);
}

TEST_F(CmdReport, RedactKeepsNamesAndAddressesOut) {
  // Values the bundled examples contain (examples/wpa_supplicant.log, examples/kernel.log).
  const std::string secrets[] = {"CorpWiFi", "02:00:00:10:00:01", "02:00:00:30:00:01"};
  const result plain = run(examples + " -o -");
  for (const std::string& s : secrets) EXPECT_NE(plain.out.find(s), std::string::npos) << s;  // the test can fail
  const result redacted = run("--redact " + examples + " -o -");
  EXPECT_EQ(redacted.status, 0);
  for (const std::string& s : secrets) EXPECT_EQ(redacted.out.find(s), std::string::npos) << s;
}

TEST_F(CmdReport, TitleIsEscaped) {
  const result r = run(examples + " -o - --title " + quote("</title><script>alert(1)</script> & co"));
  EXPECT_NE(r.out.find("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>"),
            std::string::npos);
  EXPECT_EQ(r.out.find("<script>alert"), std::string::npos);
}

TEST_F(CmdReport, NoAttemptsStillWritesAPage) {
  const auto in = dir / "quiet.log";
  std::ofstream(in) << "Nov 21 10:00:00 host systemd[1]: Started Daily apt upgrade.\n";
  const auto out = dir / "r.html";
  const result r = run(quote(in.string()) + " -o " + quote(out.string()));
  EXPECT_EQ(r.status, 1);
  const std::string page = slurp(out);
  EXPECT_NE(page.find("\"attempts\":0"), std::string::npos);
  EXPECT_EQ(count(page, "</html>"), 1u);
}

TEST_F(CmdReport, UsageAndOutputErrors) {
  EXPECT_EQ(run(examples).status, 2);                          // -o is required
  EXPECT_EQ(run(examples + " -o").status, 2);                  // -o needs a value
  EXPECT_EQ(run(examples + " -o - --format json").status, 2);  // not an option of report
  EXPECT_EQ(run(examples + " -o " + quote((dir / "no/such/dir/r.html").string())).status, 2);
  EXPECT_FALSE(std::filesystem::exists(dir / "no"));
  const result missing = run(quote((dir / "missing.log").string()) + " -o " + quote((dir / "m.html").string()));
  EXPECT_EQ(missing.status, 2);                          // an unreadable input, as diagnose
  EXPECT_TRUE(std::filesystem::exists(dir / "m.html"));  // the page says which
}

}  // namespace
