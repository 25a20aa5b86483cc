// Never crash, never lose, never leak: files that shrink while they are scanned, files that
// cannot be mapped, -j output and memory, live input, bounded summaries and buffers.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "helpers.hpp"
#include "internal.hpp"
#include "line_rules.hpp"

using namespace scan_test;
namespace fs = std::filesystem;

namespace {

// Under AddressSanitizer (its shadow memory and quarantine) peak RSS says nothing of the code's.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool rss_meaningful = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool rss_meaningful = false;
#else
constexpr bool rss_meaningful = true;
#endif
#else
constexpr bool rss_meaningful = true;
#endif

// A file of `bytes` (rounded down to whole lines) of one finding per line, written in 1 MiB blocks.
void write_findings_file(const fs::path& p, std::uint64_t bytes) {
  const std::string line =
      "Nov 21 10:00:00 host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3\n";
  std::string block;
  while (block.size() + line.size() <= (1u << 20)) block += line;
  std::ofstream f(p, std::ios::binary);
  for (std::uint64_t done = 0; done + block.size() <= bytes; done += block.size())
    f.write(block.data(), static_cast<std::streamsize>(block.size()));
}

struct outcome {
  std::vector<wlancode::scan::finding> findings;
  std::vector<std::string> errors;
  wlancode::scan::result res;
};
outcome scan_file(const fs::path& p, const wlancode::scan::options& o) {
  outcome r;
  r.res = wlancode::scan::scan_path(
      p.string(), o, [&](const wlancode::scan::finding& f) { r.findings.push_back(f); },
      [&](const wlancode::scan::input_error& e) { r.errors.push_back(e.message); });
  return r;
}

// Runs the CLI with `args` (stdout, stderr to files); returns the wait status.
struct cli_result {
  int status = -1;  // exit status, or -signal
  std::string out, err;
};
cli_result run_cli(const std::vector<std::string>& args, const std::function<void(pid_t)>& meanwhile = {}) {
  const fs::path out = temp_dir() / "cli.out", err = temp_dir() / "cli.err";
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(o, 1);
    ::dup2(e, 2);
    std::vector<char*> argv;
    static std::string cli = WLANCODE_CLI;
    argv.push_back(cli.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(cli.c_str(), argv.data());
    ::_exit(127);
  }
  if (meanwhile) meanwhile(pid);
  int st = 0;
  ::waitpid(pid, &st, 0);
  cli_result r;
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? -WTERMSIG(st) : -1;
  const auto slurp = [](const fs::path& p) {
    std::ifstream f(p);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  };
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

// The window hook: shrinks the file to `shrink_to` when the window holding `shrink_at` is mapped.
std::string shrink_path;
std::uint64_t shrink_at = 0, shrink_to = 0, shrunk_window = 0;
bool shrunk = false;
void shrink_hook(int, std::uint64_t window_begin) {
  if (shrunk || window_begin > shrink_at || shrink_at >= window_begin + (64u << 10)) return;
  shrunk = true;
  shrunk_window = window_begin;
  ASSERT_EQ(::truncate(shrink_path.c_str(), static_cast<off_t>(shrink_to)), 0);
}

}  // namespace

// A mapped file truncated under the window being read: no SIGBUS; every whole line before the cut
// is scanned, the cut line ("reason=1" of "reason=12") is not, and the file ends with an error.
// A file that shrinks between windows is caught by the size check before the next window.
TEST(ScanShrink, MappedFileTruncatedUnderTheWindow) {
  const std::string line =
      "Nov 21 10:00:00 host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=12\n";
  std::string data;
  while (data.size() < (4u << 20)) data += line;
  const fs::path p = temp_dir() / "shrink.log";
  wlancode::scan::options o;
  o.max_line = 4096;
  o.map_window = 64u << 10;
  const std::uint64_t page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  struct variant {
    std::uint64_t at, to;
  };
  // Cut right after "reason=1": on a page boundary (the next page faults) and inside a page
  // (zeros follow), inside the window being read, in a later window, and to nothing.
  const std::uint64_t L = line.size(), in_line = L - 2;
  const std::uint64_t mid = ((1u << 20) + 20000) / L * L + in_line;
  std::vector<variant> variants{
      {mid, mid}, {(1u << 20) + 5 * page, (1u << 20) + 5 * page}, {1u << 20, (3u << 20) + 17}, {0, 0}};
  for (std::uint64_t n = mid / L;; ++n) {  // a cut on the page boundary that falls after "reason=1"
    if ((n * L + in_line) % page == 0) {
      variants.push_back({n * L + in_line, n * L + in_line});
      break;
    }
  }
  shrink_path = p.string();
  wlancode::scan::detail::after_map_for_test = shrink_hook;
  for (const variant& v : variants) {
    write_file(p, data);
    shrink_at = v.at;
    shrink_to = v.to;
    shrunk = false;
    const outcome r = scan_file(p, o);
    EXPECT_TRUE(shrunk);
    // The lines before the window were scanned before the cut; then every whole line up to it.
    const std::uint64_t before = (shrunk_window + L - 1) / L;
    EXPECT_EQ(r.findings.size(), std::max(v.to / L, before)) << v.at << " " << v.to;
    for (const auto& f : r.findings) EXPECT_EQ(f.value, 12u) << f.line;
    EXPECT_EQ(r.res.errors, 1u);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].find("shrank"), std::string::npos) << r.errors[0];
    EXPECT_EQ(r.res.truncated_lines, 0u);
  }
  wlancode::scan::detail::after_map_for_test = nullptr;
  // Not shrunk: all of it, no error.
  write_file(p, data);
  const outcome whole = scan_file(p, o);
  EXPECT_EQ(whole.findings.size(), data.size() / line.size());
  EXPECT_TRUE(whole.errors.empty());
}

// -j: a segment that cannot be read to its end (the file shrank) is an error, not a quiet end.
TEST(ScanShrink, ParallelFileTruncatedDuringTheScan) {
  const fs::path p = temp_dir() / "shrink_j.log";
  write_findings_file(p, 48u << 20);
  wlancode::scan::options o;
  o.jobs = 2;
  o.parallel_min_bytes = 1;
  bool cut = false;
  // Called by the merger after each segment: by then at most 4 of the 6 segments were read.
  o.progress = [&](std::uint64_t, std::uint64_t) {
    if (!cut) {
      cut = true;
      ASSERT_EQ(::truncate(p.c_str(), 0), 0);
    }
  };
  const outcome r = scan_file(p, o);
  EXPECT_TRUE(cut);
  EXPECT_EQ(r.res.errors, 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("shrank"), std::string::npos) << r.errors[0];
  EXPECT_GT(r.findings.size(), 0u);
  EXPECT_LT(r.findings.size(), (48u << 20) / 104);
}

// Whether process `pid` has `file` open (its /proc/PID/fd links).
bool has_open(pid_t pid, const fs::path& file) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec)) {
    std::error_code ec2;
    if (fs::read_symlink(e.path(), ec2) == file) return true;
  }
  return false;
}

// The CLI, with a real concurrent truncate of a large file: exit status 2 and a message, never a
// signal, with -j 1 and -j 2 (both mapped: the workers map their segments). The truncate waits for the CLI to have the
// file open (a slow start, under a sanitizer on a loaded host, must not let it find an empty file).
TEST(ScanShrink, CliFileTruncatedWhileScanned) {
  const fs::path p = fs::canonical(temp_dir()) / "truncated.log";
  for (const char* jobs : {"1", "2"}) {
    write_findings_file(p, 200u << 20);
    const cli_result r = run_cli({"scan", "-j", jobs, "--summary", p.string()}, [&p](pid_t pid) {
      for (int i = 0; i < 1000 && !has_open(pid, p); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      ASSERT_EQ(::truncate(p.c_str(), 0), 0);
    });
    EXPECT_EQ(r.status, 2) << "-j " << jobs << ": " << r.err;
    EXPECT_NE(r.err.find("file shrank while being scanned"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("1 input error(s)"), std::string::npos) << r.out;
  }
  fs::remove(p);
}

// A regular file that cannot be mapped (sysfs: "mmap: No such device") is read instead.
TEST(ScanShrink, UnmappableFileIsRead) {
  const char* sysfs = "/sys/class/net/lo/address";
  if (!fs::exists(sysfs)) GTEST_SKIP() << "no " << sysfs;
  const cli_result r = run_cli({"scan", sysfs});
  EXPECT_EQ(r.status, 1) << r.err;  // read, no finding
  EXPECT_EQ(r.err, "");
  const outcome o = scan_file(sysfs, {});
  EXPECT_EQ(o.res.errors, 0u);
  EXPECT_TRUE(o.errors.empty());
}

// -j N prints what -j 1 prints when more BSSIDs have learnt SSIDs than the bound holds (4,096):
// the learnt SSIDs are a bounded LRU whose evictions follow the input order only.
TEST(ScanParallel, LearntSsidsBeyondTheBoundMatchOneThread) {
  const auto mac = [](int i) {
    char b[18];
    std::snprintf(b, sizeof b, "02:00:00:%02x:%02x:%02x", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
    return std::string(b);
  };
  std::string data;
  const std::string filler = "Nov 21 10:00:00 host kernel: filler line without any code in it\n";
  for (int i = 0; i < 6000; ++i) {
    data += "Nov 21 10:00:00 host wpa_supplicant[1]: wlan0: Trying to associate with " + mac(i) + " (SSID='Net" +
            std::to_string(i) + "' freq=5180 MHz)\n";
    for (int j : {i - 3000, i - 4095, i - 4097, i - 5000})  // learnt, at the bound's edges, evicted
      if (j >= 0)
        data +=
            "Nov 21 10:00:01 host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED bssid=" + mac(j) + " reason=3\n";
    for (int k = 0; k < 100; ++k) data += filler;
  }
  ASSERT_GT(data.size(), 33u << 20);  // the CLI's -j applies from 32 MiB
  const fs::path p = temp_dir() / "ssids.log";
  write_file(p, data);
  const cli_result one = run_cli({"scan", "--format", "csv", "-j", "1", p.string()});
  const cli_result three = run_cli({"scan", "--format", "csv", "-j", "3", p.string()});
  EXPECT_EQ(one.status, 0);
  EXPECT_EQ(three.status, 0);
  EXPECT_TRUE(one.out == three.out) << "-j 3 differs from -j 1";
  const cli_result by_default = run_cli({"scan", "--format", "csv", p.string()});  // one thread per core
  EXPECT_TRUE(one.out == by_default.out) << "the default -j differs from -j 1";
  // Learnt 3,000 and 4,095 learns back: the SSID is there (3,000 + 1,905 findings); 4,097 and
  // 5,000 back: evicted (1,903 + 1,000 findings without).
  std::size_t with = 0, lines = 0;
  for (std::size_t at = one.out.find(",Net"); at != std::string::npos; at = one.out.find(",Net", at + 1)) ++with;
  for (char c : one.out) lines += c == '\n';
  EXPECT_EQ(with, 3000u + 1905u);
  EXPECT_EQ(lines, 1u + 3000u + 1905u + 1903u + 1000u);
  fs::remove(p);
}

namespace {
// Peak RSS (KiB) and exit status of the CLI run with `args`, stdin from `in`, stdout kept in
// `out` (when given), stderr discarded. Run through the peak_rss launcher, so the figure is the
// CLI's own whatever this process holds.
std::pair<long, int> cli_peak_rss(const std::vector<std::string>& args, const fs::path& in,
                                  std::string* out = nullptr) {
  const fs::path o = temp_dir() / "rss.out", k = temp_dir() / "rss.kib";
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int i = ::open(in.c_str(), O_RDONLY);
    const int w = ::open(o.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int n = ::open("/dev/null", O_WRONLY);
    ::dup2(i, 0);
    ::dup2(w, 1);
    ::dup2(n, 2);
    static std::string launcher = WLANCODE_PEAK_RSS, cli = WLANCODE_CLI;
    std::string kib = k.string();
    std::vector<std::string> copy = args;
    std::vector<char*> argv{launcher.data(), kib.data(), cli.data()};
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(launcher.c_str(), argv.data());
    ::_exit(127);
  }
  int st = 0;
  ::waitpid(pid, &st, 0);
  if (out) {
    std::ifstream f(o);
    std::stringstream ss;
    ss << f.rdbuf();
    *out = ss.str();
  }
  long rss = -1;
  std::ifstream(k) >> rss;
  return {rss, WIFEXITED(st) ? WEXITSTATUS(st) : -1};
}
}  // namespace

// -j N holds a bounded number of findings in flight, whatever N and however dense the findings:
// the peak RSS of the CLI at -j 16 on a 64 MiB log where every line is a finding stays far below
// what holding a segment's findings took (about 210 MiB here; GiBs on larger logs).
TEST(ScanParallel, MemoryIsBoundedWhateverTheJobs) {
  const fs::path p = temp_dir() / "dense.log";
  write_findings_file(p, 64u << 20);
  for (const char* jobs : {"2", "16"}) {
    const auto [rss, status] = cli_peak_rss({"scan", "-j", jobs, "--format", "jsonl", p.string()}, "/dev/null");
    EXPECT_EQ(status, 0);
    EXPECT_LT(rss, rss_meaningful ? 64 * 1024 : LONG_MAX) << "-j " << jobs << ": peak RSS " << rss << " KiB";
  }
  fs::remove(p);
}

// -j workers shorten long runs of learns (no finding between them) to the ones that decide the
// LRU: replaying the short list gives the LRU the whole run gives.
TEST(ScanParallel, CompactedLearnsLeaveTheSameLru) {
  using wlancode::scan::detail::ssid_event;
  using wlancode::scan::detail::ssid_lru;
  std::vector<ssid_event> events;
  for (std::uint64_t i = 0; i < 20000; ++i)
    events.push_back({i + 1, (i * 7919) % 9000, "Net" + std::to_string(i % 13)});
  ssid_lru whole, compacted;
  for (const auto& e : events) whole.learn(e.key, e.ssid);
  std::vector<ssid_event> shorter = events;
  wlancode::scan::detail::compact_learns(shorter);
  EXPECT_LE(shorter.size(), ssid_lru::capacity);
  for (const auto& e : shorter) compacted.learn(e.key, e.ssid);
  ASSERT_EQ(whole.size(), compacted.size());
  for (std::uint64_t k = 0; k < 9000; ++k) {
    const std::string* a = whole.find(k);
    const std::string* b = compacted.find(k);
    ASSERT_EQ(a == nullptr, b == nullptr) << k;
    if (a) {
      EXPECT_EQ(*a, *b) << k;
    }
  }
}

// Live input: a finding read from a pipe is printed as soon as its line is complete, while the
// writer still holds the pipe open (not at 64 KiB or EOF).
TEST(ScanLive, PipeFindingsComeOutAtOnce) {
  int in[2], out[2];
  ASSERT_EQ(::pipe(in), 0);
  ASSERT_EQ(::pipe(out), 0);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::close(in[1]);
    ::close(out[0]);
    ::execl(WLANCODE_CLI, WLANCODE_CLI, "scan", "--format", "jsonl", nullptr);
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  const std::string line = "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3\n";
  ASSERT_EQ(::write(in[1], line.data(), line.size()), static_cast<ssize_t>(line.size()));
  std::string got;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (got.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    char buf[4096];
    const ssize_t n = ::read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    got.append(buf, static_cast<std::size_t>(n));
  }
  EXPECT_NE(got.find("\"line\":1,\"format\":\"wpa_supplicant\""), std::string::npos) << "before EOF: " << got;
  // Then the pipe closes: a second line is still read, and the scan ends.
  const std::string second = "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:02 reason=4\n";
  ASSERT_EQ(::write(in[1], second.data(), second.size()), static_cast<ssize_t>(second.size()));
  ::close(in[1]);
  char buf[4096];
  for (ssize_t n; (n = ::read(out[0], buf, sizeof buf)) > 0;) got.append(buf, static_cast<std::size_t>(n));
  ::close(out[0]);
  int st = 0;
  ::waitpid(pid, &st, 0);
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  EXPECT_NE(got.find("\"line\":2,"), std::string::npos) << got;
}

// --summary is bounded (10,000 BSSIDs x 40 codes: 400,000 place/code pairs, 100,000 kept) and
// says, in text and JSON, which caps were hit.
TEST(ScanSummary, CapsAreBoundedAndReported) {
  const auto mac = [](int i) {
    char b[18];
    std::snprintf(b, sizeof b, "02:00:00:%02x:%02x:%02x", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
    return std::string(b);
  };
  std::string data;
  for (int i = 0; i < 10050; ++i)
    for (int c = 1; c <= (i < 10000 ? 40 : 1); ++c)
      data += "wlan0: CTRL-EVENT-DISCONNECTED bssid=" + mac(i) + " reason=" + std::to_string(c) + "\n";
  const fs::path p = temp_dir() / "places.log";
  write_file(p, data);
  std::string text, json;
  const auto [rss, status] = cli_peak_rss({"scan", "--summary", p.string()}, "/dev/null", &text);
  EXPECT_EQ(status, 0);
  EXPECT_LT(rss, rss_meaningful ? 48 * 1024 : LONG_MAX) << "peak RSS " << rss << " KiB";
  EXPECT_NE(text.find("Limits reached"), std::string::npos);
  EXPECT_NE(text.find("  50 finding(s) of BSSIDs past the first 10000 not listed by BSSID\n"), std::string::npos);
  EXPECT_NE(text.find("  300000 count(s) of a code at an SSID/BSSID not itemised"), std::string::npos) << text.size();
  cli_peak_rss({"scan", "--summary", "--format", "jsonl", p.string()}, "/dev/null", &json);
  EXPECT_NE(
      json.find(
          "\"capped\":{\"any\":true,\"max_keys\":10000,\"codes\":0,\"ssids\":0,\"bssids\":50,\"place_codes\":300000}"),
      std::string::npos);
  // Under the caps: no word of them.
  std::string small;
  cli_peak_rss({"scan", "--summary", "--format", "jsonl", std::string(WLANCODE_SCAN_EXAMPLES)}, "/dev/null", &small);
  EXPECT_NE(small.find("\"capped\":{\"any\":false,"), std::string::npos) << small;
  fs::remove(p);
}

// --max-line allocates as lines need: the largest value costs nothing on a small input; above
// it, a clear usage error.
TEST(ScanSummary, MaxLineIsAllocatedOnDemandAndCapped) {
  const fs::path p = temp_dir() / "small.log";
  std::string data;
  while (data.size() < 3000) data += "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3\n";
  write_file(p, data);
  const auto [rss, status] = cli_peak_rss({"scan", "--max-line", "268435456", "-"}, p);
  EXPECT_EQ(status, 0);
  EXPECT_LT(rss, rss_meaningful ? 64 * 1024 : LONG_MAX) << "peak RSS " << rss << " KiB";
  const cli_result big = run_cli({"scan", "--max-line", "268435457", p.string()});
  EXPECT_EQ(big.status, 2);
  EXPECT_NE(big.err.find("from 256 to 268435456"), std::string::npos) << big.err;
  // A long line still grows the buffer as far as it needs: scanned whole up to the cap.
  const fs::path l = temp_dir() / "long.log";
  write_file(l, data + "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=7 " + std::string(3u << 20, 'x') +
                    " end\n" + data);
  std::string out;
  const auto [rss2, status2] = cli_peak_rss({"scan", "--format", "jsonl", "--max-line", "8388608", "-"}, l, &out);
  EXPECT_EQ(status2, 0);
  EXPECT_NE(out.find("\"value\":7,"), std::string::npos);
  EXPECT_EQ(out.find("\"truncated\":true"), std::string::npos);  // whole: the buffer grew to hold it
}

// Slow corners with generous bounds (timing checks are off under sanitizers, which slow
// everything): many distinct reason texts (the text -> code matcher scores a text only against
// the sentences it shares trigrams with), and a flood of empty lines in a whole-file container.
TEST(ScanSlowCorners, ManyDistinctReasonTextsAndEmptyLines) {
  if (!rss_meaningful) GTEST_SKIP() << "timing under a sanitizer says nothing of the code";
  std::string events;
  const char* words[] = {"network", "driver", "the", "is", "not", "available", "security", "key", "failed", "user"};
  std::uint32_t x = 7;
  for (int i = 0; i < 50000; ++i) {
    events += "Event[" + std::to_string(i) + "]:\n  Log Name: Microsoft-Windows-WLAN-AutoConfig/Operational\n";
    events += "  Event ID: 8002\nFailure Reason: ";
    for (int w = 0; w < 8; ++w) {
      x = x * 1664525u + 1013904223u;
      events += words[(x >> 24) % 10];
      events += ' ';
    }
    events += std::to_string(i) + ".\n";
  }
  auto t0 = std::chrono::steady_clock::now();
  std::size_t n = 0;
  wlancode::scan::scan_memory(events, "mem", {}, [&n](const wlancode::scan::finding&) { ++n; });
  const double texts = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(n, 50000u);
  EXPECT_LT(texts, 4.0) << "50,000 distinct texts took " << texts << " s (about 7 s before the trigram index)";

  const std::string newlines(200u << 20, '\n');
  wlancode::scan::options o;
  o.forced = wlancode::scan::input_format::wlanreport;
  t0 = std::chrono::steady_clock::now();
  const auto r = wlancode::scan::scan_memory(newlines, "mem", o, [](const wlancode::scan::finding&) {});
  const double blank = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(r.findings, 0u);
  EXPECT_LT(blank, 3.0) << "200 MiB of newlines as a wlanreport took " << blank << " s (about 6 s before)";
}
