// `wlancode report` end to end: the page it writes for the bundled examples, -o -, --redact,
// --title, an empty input, usage errors, an unwritable output, and outputs that are not regular
// files (a link, a FIFO: written through, never replaced).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

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

// -o naming a symbolic link: the file it names gets the page, the link stays a link (a rename
// onto the link's own path would have replaced it).
TEST_F(CmdReport, LinkIsWrittenThroughAndKept) {
  const auto real = dir / "real.html", link = dir / "link.html";
  std::ofstream(real) << "old";
  std::filesystem::create_symlink(real, link);
  EXPECT_EQ(run(examples + " -o " + quote(link.string())).status, 0);
  EXPECT_TRUE(std::filesystem::is_symlink(std::filesystem::symlink_status(link)));
  EXPECT_EQ(slurp(real).rfind("<!DOCTYPE html>", 0), 0u);
  const auto dangling = dir / "dangling.html";  // a link to a file not there yet: made there
  std::filesystem::create_symlink(dir / "made.html", dangling);
  EXPECT_EQ(run(examples + " -o " + quote(dangling.string())).status, 0);
  EXPECT_TRUE(std::filesystem::is_symlink(std::filesystem::symlink_status(dangling)));
  EXPECT_EQ(slurp(dir / "made.html").rfind("<!DOCTYPE html>", 0), 0u);
  std::filesystem::create_symlink(dir / "b.html", dir / "a.html");  // a loop: an error, links kept
  std::filesystem::create_symlink(dir / "a.html", dir / "b.html");
  EXPECT_EQ(run(examples + " -o " + quote((dir / "a.html").string())).status, 2);
  EXPECT_TRUE(std::filesystem::is_symlink(std::filesystem::symlink_status(dir / "a.html")));
}

// -o naming a FIFO (as /dev/null and /dev/stdout are not regular files): the page goes into it,
// and the FIFO is still one afterwards.
TEST_F(CmdReport, FifoIsWrittenInPlace) {
  const auto fifo = dir / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string read;
  std::thread reader([&] { read = slurp(fifo); });
  const int status = run(examples + " -o " + quote(fifo.string())).status;
  reader.join();
  EXPECT_EQ(status, 0);
  EXPECT_EQ(read.rfind("<!DOCTYPE html>", 0), 0u);
  struct stat st {};
  ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  EXPECT_EQ(run(examples + " -o " + quote(dir.string())).status, 2);  // a directory: an error
  EXPECT_TRUE(std::filesystem::is_directory(dir));
}

}  // namespace
