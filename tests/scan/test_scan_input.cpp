// Input handling: encodings, gzip, line endings, long lines, binary, files, directories, stdin,
// errors, -j; and the CLI's outputs and exit statuses.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "helpers.hpp"

using namespace scan_test;
using wlancode::scan::input_format;
namespace fs = std::filesystem;

namespace {

const std::string wpa_line = "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3\n";

std::string utf16(std::string_view ascii, bool be, bool bom) {
  std::string out;
  if (bom) out += be ? "\xFE\xFF" : "\xFF\xFE";
  for (char c : ascii) {
    if (be) out += '\0';
    out += c;
    if (!be) out += '\0';
  }
  return out;
}

std::string gzip(std::string_view data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(static_cast<uLong>(data.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// Findings of a file scanned with -j `jobs` (parallel even for small files).
std::vector<wlancode::scan::finding> scan_file_jobs(const fs::path& p, unsigned jobs) {
  wlancode::scan::options o;
  o.jobs = jobs;
  o.parallel_min_bytes = 1;
  std::vector<wlancode::scan::finding> out;
  wlancode::scan::scan_path(
      p.string(), o, [&](const wlancode::scan::finding& f) { out.push_back(f); },
      [](const wlancode::scan::input_error&) {});
  return out;
}

struct run_result {
  int status;
  std::string out;
};
run_result run(const std::string& args) {
  const std::string cmd = std::string(WLANCODE_CLI) + " " + args + " 2>/dev/null";
  FILE* p = ::popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int st = ::pclose(p);
  return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

// The CLI run as an unprivileged user (when the tests run as root: via setpriv or su, as nobody),
// with stdout and stderr captured. `ok` is false when no way to drop privileges works here.
struct unprivileged_result {
  bool ok = false;
  int status = -1;
  std::string out, err;
};
unprivileged_result run_unprivileged(const std::string& args) {
  unprivileged_result r;
  std::string prefix;
  if (::geteuid() == 0) {
    const std::string probe = std::string(WLANCODE_CLI) + " --version";
    if (std::system(("setpriv --reuid=65534 --regid=65534 --clear-groups " + probe + " >/dev/null 2>&1").c_str()) == 0)
      prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    else if (std::system(("su nobody -s /bin/sh -c '" + probe + "' >/dev/null 2>&1").c_str()) == 0)
      prefix = "su nobody -s /bin/sh -c ";
    else
      return r;
  }
  const fs::path err = temp_dir() / "unprivileged.err";
  std::string cmd = std::string(WLANCODE_CLI) + " " + args;
  if (prefix.starts_with("su ")) cmd = "'" + cmd + "'";
  FILE* p = ::popen((prefix + cmd + " 2>" + err.string()).c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = ::pclose(p);
  r.ok = true;
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  std::ifstream e(err);
  std::stringstream ss;
  ss << e.rdbuf();
  r.err = ss.str();
  return r;
}

std::size_t count_lines(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

// Findings of scan_memory, which must report no error.
std::size_t scan_memory_count(std::string_view data) {
  std::size_t n = 0;
  const auto r = wlancode::scan::scan_memory(data, "mem", {}, [&n](const wlancode::scan::finding&) { ++n; });
  EXPECT_EQ(r.errors, 0u);
  return n;
}

}  // namespace

TEST(ScanInput, Utf16WithAndWithoutBom) {
  const std::string text =
      "first line\r\n" + std::string("wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3\r\n");
  for (bool be : {false, true})
    for (bool bom : {false, true})
      EXPECT_EQ(keys(scan(utf16(text, be, bom))), (V{"2:ieee80211_reason:3"})) << be << bom;
}

TEST(ScanInput, Utf8BomCrlfAndCrOnly) {
  EXPECT_EQ(keys(scan("\xEF\xBB\xBFx\r\n" + wpa_line)), (V{"2:ieee80211_reason:3"}));
  EXPECT_EQ(keys(scan("a\rb\rwlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=4\r")),
            (V{"3:ieee80211_reason:4"}));
  const auto fs = scan("x\r\nwlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=4 locally_generated=1\r\n");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_TRUE(fs[0].locally_generated);
  EXPECT_EQ(fs[0].excerpt.back(), '1');
}

TEST(ScanInput, Gzip) {
  EXPECT_EQ(keys(scan(gzip("x\n" + wpa_line))), (V{"2:ieee80211_reason:3"}));
  // Concatenated members, as from `cat a.gz b.gz`.
  EXPECT_EQ(keys(scan(gzip(wpa_line) + gzip(wpa_line))), (V{"1:ieee80211_reason:3", "2:ieee80211_reason:3"}));
  // Gzip of UTF-16.
  EXPECT_EQ(keys(scan(gzip(utf16(wpa_line, false, true)))), (V{"1:ieee80211_reason:3"}));
}

// What a reader recovers from a damaged gzip (zcat): inflated until the error.
std::string inflate_prefix(std::string_view gz) {
  z_stream z{};
  inflateInit2(&z, 16 + MAX_WBITS);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  z.avail_in = static_cast<uInt>(gz.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  inflate(&z, Z_SYNC_FLUSH);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

// A truncated or corrupt gzip: the lines decompressed before the error are scanned, then the error
// is reported (exit 2). Before, an error in the first 64 KiB lost everything.
TEST(ScanInput, DamagedGzipScansWhatDecompressed) {
  std::string text;
  for (int i = 0; i < 200; ++i) {
    char line[128];
    std::snprintf(line, sizeof line,
                  "2023-11-21T10:%02d:%02d wlan%d: CTRL-EVENT-DISCONNECTED bssid=02:%02x:%02x:00:00:01 reason=%d\n",
                  i / 60, i % 60, i % 3, (i * 37) & 0xFF, (i * 91) & 0xFF, i % 23 + 1);
    text += line;
  }
  const std::string gz = gzip(text);
  ASSERT_LT(text.size(), 64u * 1024);
  for (const std::size_t cut : {gz.size() / 2, gz.size() - 4, gz.size() / 5}) {
    const std::string part = gz.substr(0, cut);
    const std::string recovered = inflate_prefix(part);
    const std::size_t whole_lines = count_lines(recovered);
    ASSERT_GT(whole_lines, 0u) << cut;
    const fs::path p = temp_dir() / "truncated.log.gz";
    write_file(p, part);
    std::vector<std::string> where;
    std::vector<wlancode::scan::input_error> errs;
    const auto r = wlancode::scan::scan_path(
        p.string(), {}, [&](const wlancode::scan::finding& f) { where.push_back(std::to_string(f.line)); },
        [&](const wlancode::scan::input_error& e) { errs.push_back(e); });
    EXPECT_EQ(where.size(), whole_lines) << "cut at " << cut << " of " << gz.size();
    EXPECT_EQ(r.findings, whole_lines);
    EXPECT_EQ(r.errors, 1u);
    ASSERT_EQ(errs.size(), 1u);
    EXPECT_EQ(errs[0].message, "truncated gzip data");
    if (!where.empty()) {
      EXPECT_EQ(where.front(), "1");
      EXPECT_EQ(where.back(), std::to_string(whole_lines));
    }
    const auto m = wlancode::scan::scan_memory(part, "mem", {}, [](const wlancode::scan::finding&) {});
    EXPECT_EQ(m.findings, whole_lines);
    EXPECT_EQ(m.errors, 1u);
    const auto cli = run("scan --format jsonl " + p.string());
    EXPECT_EQ(cli.status, 2);
    EXPECT_EQ(count_lines(cli.out), whole_lines);
  }
  // Trailing bytes that start like another member (0x1f) but are not one.
  const std::string trailing = gz + "\x1f" + "not gzip";
  std::vector<wlancode::scan::input_error> errs;
  const fs::path p = temp_dir() / "trailing.log.gz";
  write_file(p, trailing);
  const auto r = wlancode::scan::scan_path(
      p.string(), {}, [](const wlancode::scan::finding&) {},
      [&](const wlancode::scan::input_error& e) { errs.push_back(e); });
  EXPECT_EQ(r.findings, 200u);
  EXPECT_EQ(r.errors, 1u);
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_NE(errs[0].message.find("corrupt gzip data"), std::string::npos) << errs[0].message;
  EXPECT_EQ(run("scan " + p.string()).status, 2);
  // Other trailing bytes (padding) still end the stream quietly.
  EXPECT_EQ(scan_memory_count(gz + std::string(16, '\0')), 200u);
}

TEST(ScanInput, LongLinesAreCapped) {
  wlancode::scan::options o;
  o.max_line = 4096;
  std::string data = wpa_line;                                               // line 1
  data += std::string(100000, 'x') + " reason=9 CTRL-EVENT-DISCONNECTED\n";  // line 2: code beyond the cap
  data +=
      "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=5 " + std::string(100000, 'y') + "\n";  // line 3
  data += wpa_line;                                                                                          // line 4
  std::vector<wlancode::scan::finding> out;
  const auto r =
      wlancode::scan::scan_memory(data, "mem", o, [&](const wlancode::scan::finding& f) { out.push_back(f); });
  EXPECT_EQ(keys(out), (V{"1:ieee80211_reason:3", "3:ieee80211_reason:5", "4:ieee80211_reason:3"}));
  EXPECT_EQ(r.truncated_lines, 2u);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(out[1].line_truncated);
  EXPECT_LE(out[1].excerpt.size(), 410u);
}

TEST(ScanInput, BinaryGarbageAndNuls) {
  std::string data;
  std::uint32_t x = 12345;
  for (int i = 0; i < 200000; ++i) {
    x = x * 1103515245 + 12345;
    data += static_cast<char>(x >> 16);
  }
  data += "\n" + wpa_line;
  const auto fs = scan(data, input_format::linux_log);
  ASSERT_FALSE(fs.empty());
  EXPECT_EQ(fs.back().value, 3u);
  std::string nul = "a";
  nul += '\0';
  nul += "b\nwlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=";
  nul += '\0';
  nul += "\n" + wpa_line;
  EXPECT_EQ(keys(scan(nul, input_format::linux_log)), (V{"3:ieee80211_reason:3"}));
}

TEST(ScanInput, LineNumbersAcrossBuffers) {
  std::string data;
  for (int i = 0; i < 300000; ++i)
    data += "Nov 21 10:00:00 host kernel: filler line without codes " + std::to_string(i) + "\n";
  data += wpa_line;
  EXPECT_EQ(keys(scan(data)), (V{"300001:ieee80211_reason:3"}));
}

TEST(ScanInput, ParallelMatchesSequential) {
  std::string data;
  for (int i = 0; i < 400000; ++i) {
    data += "Nov 21 10:00:00 host kernel: filler line " + std::to_string(i) + "\n";
    if (i % 997 == 0)
      data += "Nov 21 10:00:00 host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=" +
              std::to_string(i % 60 + 1) + "\n";
  }
  const fs::path p = temp_dir() / "big.log";
  write_file(p, data);
  auto collect = [&](unsigned jobs) { return keys(scan_file_jobs(p, jobs)); };
  const V seq = collect(1);
  EXPECT_EQ(seq.size(), 402u);
  EXPECT_EQ(collect(3), seq);
  EXPECT_EQ(collect(0), seq);  // one thread per core
}

TEST(ScanInput, AutoJobsIsOnePerCoreWithinItsBound) {
  const unsigned cores = std::thread::hardware_concurrency();
  const unsigned n = wlancode::scan::auto_jobs();
  EXPECT_GE(n, 1u);
  EXPECT_LE(n, wlancode::scan::max_auto_jobs);
  if (cores >= 1) {  // 0: the count is not known
    EXPECT_EQ(n, std::min(cores, wlancode::scan::max_auto_jobs));
  }
}

TEST(ScanInput, DirectoriesAndErrors) {
  const fs::path d = temp_dir() / "tree";
  fs::create_directories(d / "sub");
  write_file(d / "a.log", wpa_line);
  write_file(d / "sub" / "b.log.gz", gzip("x\n" + wpa_line));
  std::vector<std::string> where;
  std::vector<wlancode::scan::input_error> errs;
  const auto r = wlancode::scan::scan_path(
      d.string(), {},
      [&](const wlancode::scan::finding& f) { where.push_back(f.source + ":" + std::to_string(f.line)); },
      [&](const wlancode::scan::input_error& e) { errs.push_back(e); });
  EXPECT_EQ(where, (V{(d / "a.log").string() + ":1", (d / "sub" / "b.log.gz").string() + ":2"}));
  EXPECT_EQ(r.files, 2u);
  EXPECT_TRUE(errs.empty());
  const auto r2 = wlancode::scan::scan_path((d / "missing.log").string(), {}, [](const wlancode::scan::finding&) {},
                                            [&](const wlancode::scan::input_error& e) { errs.push_back(e); });
  EXPECT_EQ(r2.errors, 1u);
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_NE(errs[0].message.find("No such file"), std::string::npos);
}

TEST(ScanExamples, EveryFormatHasFindings) {
  const std::pair<const char*, std::size_t> expected[] = {{"wpa_supplicant.log", 5},
                                                          {"wpa_supplicant.log.gz", 5},
                                                          {"hostapd.log", 3},
                                                          {"kernel.log", 6},
                                                          {"networkmanager.log", 2},
                                                          {"iwd.log", 3},
                                                          {"plain.txt", 3},
                                                          {"etw.txt", 3},
                                                          {"event-viewer-xml-view.txt", 2},
                                                          {"event-wevtutil.xml", 5},
                                                          {"event-export-utf16le.xml", 5},
                                                          {"event-text.txt", 6},
                                                          {"wlanreport.html", 4},
                                                          {"esp32.log", 4},
                                                          {"wps.log", 5}};
  for (const auto& [name, n] : expected) {
    std::size_t count = 0;
    const auto r = wlancode::scan::scan_path(
        std::string(WLANCODE_SCAN_EXAMPLES) + "/" + name, {}, [&](const wlancode::scan::finding&) { ++count; },
        [](const wlancode::scan::input_error&) {});
    EXPECT_EQ(r.errors, 0u) << name;
    EXPECT_EQ(count, n) << name;
  }
}

TEST(ScanCli, ExitStatusesAndFormats) {
  const std::string ex = WLANCODE_SCAN_EXAMPLES;
  EXPECT_EQ(run("scan " + ex + "/kernel.log").status, 0);
  const fs::path empty = temp_dir() / "nothing.log";
  write_file(empty, "no codes here\n");
  EXPECT_EQ(run("scan " + empty.string()).status, 1);
  EXPECT_EQ(run("scan " + (temp_dir() / "missing.log").string()).status, 2);
  // An unreadable path does not stop the other inputs.
  const auto both = run("scan --format jsonl " + (temp_dir() / "missing.log").string() + " " + ex + "/kernel.log");
  EXPECT_EQ(both.status, 2);
  EXPECT_EQ(count_lines(both.out), 6u);
  EXPECT_EQ(run("scan --input-format nonsense " + ex).status, 2);
  EXPECT_EQ(run("scan --format yaml " + ex).status, 2);

  const auto j = run("scan --format jsonl " + ex + "/wpa_supplicant.log");
  EXPECT_EQ(j.status, 0);
  EXPECT_EQ(count_lines(j.out), 5u);
  EXPECT_NE(j.out.find("\"line\":7,\"format\":\"wpa_supplicant\",\"rule\":\"wpa_disconnected\",\"confidence\":1.00,"
                       "\"field\":\"reason\",\"kind\":\"code\",\"event\":null,\"family\":\"ieee80211_reason\","
                       "\"space\":null,\"value\":4"),
            std::string::npos);
  const auto c = run("scan --format csv " + ex + "/wpa_supplicant.log");
  EXPECT_EQ(count_lines(c.out), 6u);
  EXPECT_EQ(c.out.rfind("source,line,format,rule,confidence,field,kind,family", 0), 0u);
  const auto s = run("scan --summary " + ex);
  EXPECT_EQ(s.status, 0);
  EXPECT_NE(s.out.find("By code:"), std::string::npos);
  EXPECT_NE(s.out.find("WLAN_REASON_DEAUTH_LEAVING"), std::string::npos);
  const auto sj = run("scan --summary --format jsonl " + ex);
  EXPECT_EQ(sj.out.rfind("{\"summary\":{\"findings\":", 0), 0u);
  // stdin
  const auto in = run("scan - < " + ex + "/kernel.log");
  EXPECT_EQ(in.status, 0);
  EXPECT_NE(in.out.find("-:8: ieee80211_reason 0x0007"), std::string::npos);
  EXPECT_EQ(run("scan < " + empty.string()).status, 1);
  // Redaction reaches every output.
  for (const char* f : {"text", "jsonl", "csv"}) {
    const auto r = run(std::string("scan --redact --format ") + f + " " + ex);
    EXPECT_EQ(r.out.find("02:00:00:"), std::string::npos) << f;
    EXPECT_EQ(r.out.find("CorpWiFi"), std::string::npos) << f;
    EXPECT_EQ(r.out.find("HomeNet"), std::string::npos) << f;
  }
  const auto rs = run("scan --redact --summary " + ex);
  EXPECT_EQ(rs.out.find("CorpWiFi"), std::string::npos);
  EXPECT_EQ(rs.out.find("02:00:00:"), std::string::npos);
  // Key material never appears, redacted or not.
  const auto k = run("scan --format jsonl " + ex + "/wlanreport.html");
  EXPECT_EQ(k.out.find("keyMaterial>0"), std::string::npos);
  EXPECT_EQ(k.out.find("ExamplePassphrase"), std::string::npos);
}

// The mapped path (regular files, a window at a time) must see exactly what the buffered path
// sees: lines across window edges, a line longer than max_line, CRLF, no final newline.
TEST(ScanInput, MappedWindowsMatchBufferedReading) {
  std::string data;
  for (int i = 0; i < 3000; ++i) {
    data += "Nov 21 10:00:00 host kernel: filler " + std::string(static_cast<std::size_t>(i % 97), 'x') + "\r\n";
    if (i % 37 == 0)
      data += "Nov 21 10:00:01 host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=" +
              std::to_string(i % 60 + 1) + "\n";
    if (i == 1500) data += std::string(5000, 'y') + " reason=7\n";  // longer than max_line: scanned in part
  }
  data += "Nov 21 10:00:02 host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:02 reason=4";
  const fs::path p = temp_dir() / "windows.log";
  write_file(p, data);
  wlancode::scan::options o;
  o.max_line = 256;
  o.map_window = 4096;  // many windows, lines across every edge
  std::vector<wlancode::scan::finding> mapped;
  const auto r = wlancode::scan::scan_path(
      p.string(), o, [&](const wlancode::scan::finding& f) { mapped.push_back(f); },
      [](const wlancode::scan::input_error&) {});
  std::vector<wlancode::scan::finding> buffered;
  wlancode::scan::scan_memory(data, "mem", o, [&](const wlancode::scan::finding& f) { buffered.push_back(f); });
  EXPECT_EQ(keys(mapped), keys(buffered));
  EXPECT_EQ(mapped.size(), 3000u / 37 + 1 + 1);
  EXPECT_EQ(keys(mapped).back(), std::to_string(3000 + 3000 / 37 + 1 + 1 + 1) + ":ieee80211_reason:4");
  EXPECT_EQ(r.truncated_lines, 1u);
}

// -j: a finding in a later segment still gets the SSID learnt in an earlier one, and -j N prints
// exactly what -j 1 prints.
TEST(ScanInput, ParallelCarriesSsidsAcrossSegments) {
  std::string data =
      "Nov 21 10:00:00 host wpa_supplicant[1]: wlan0: Trying to associate with 02:00:00:00:00:09 (SSID='CorpWiFi' "
      "freq=5180 MHz)\n";
  for (int i = 0; i < 400000; ++i) data += "Nov 21 10:00:00 host kernel: filler line " + std::to_string(i) + "\n";
  data += "Nov 21 10:00:05 host wpa_supplicant[1]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:09 reason=15\n";
  const fs::path p = temp_dir() / "ssid.log";
  write_file(p, data);
  auto collect = [&](unsigned jobs) { return scan_file_jobs(p, jobs); };
  const auto one = collect(1), three = collect(3);
  ASSERT_EQ(one.size(), 1u);
  ASSERT_EQ(three.size(), 1u);
  EXPECT_GT(data.size(), 2u * (8u << 20));  // the finding is segments away from the SSID
  EXPECT_EQ(one[0].ssid, "CorpWiFi");
  EXPECT_EQ(three[0].ssid, "CorpWiFi");
  EXPECT_EQ(three[0].line, one[0].line);
}

// A directory nobody may read is an error (exit 2), reported by name, and the rest is still
// scanned; special files in a tree are skipped and named. Run as an unprivileged user: root reads
// any directory.
TEST(ScanCli, UnreadableDirectoriesAndSpecialFiles) {
  const fs::path d = temp_dir() / "locked_tree";
  fs::remove_all(d);
  fs::create_directories(d / "tree" / "locked");
  fs::create_directories(d / "tree" / "sub");
  fs::create_directories(d / "top");
  write_file(d / "tree" / "a.log", wpa_line);
  write_file(d / "tree" / "locked" / "hidden.log", wpa_line);
  write_file(d / "tree" / "sub" / "c.log", wpa_line);
  write_file(d / "top" / "d.log", wpa_line);
  ASSERT_EQ(::mkfifo((d / "tree" / "fifo").c_str(), 0644), 0);
  fs::create_symlink("missing.log", d / "tree" / "dangling.log");
  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string sock_path = (d / "tree" / "sock").string();
  ASSERT_LT(sock_path.size(), sizeof addr.sun_path);
  std::memcpy(addr.sun_path, sock_path.c_str(), sock_path.size() + 1);
  ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ::close(sock);
  // Readable by everyone, but for the two locked directories.
  const auto open_up = [](const fs::path& p) {
    fs::permissions(p, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                           fs::perms::others_exec);
  };
  open_up(temp_dir());
  for (const fs::path& p : {d, d / "tree", d / "tree" / "sub", d / "tree" / "locked", d / "top"}) open_up(p);
  fs::permissions(d / "tree" / "locked", fs::perms::none);
  fs::permissions(d / "top", fs::perms::none);

  const std::string tree = (d / "tree").string(), top = (d / "top").string();
  const unprivileged_result r = run_unprivileged("scan --format jsonl " + tree + " " + top + " " + tree + "/a.log");
  fs::permissions(d / "tree" / "locked", fs::perms::owner_all);
  fs::permissions(d / "top", fs::perms::owner_all);
  if (!r.ok) GTEST_SKIP() << "cannot run the CLI as an unprivileged user here (no setpriv, no su)";
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(count_lines(r.out), 3u) << r.out;  // a.log, sub/c.log, and a.log again
  EXPECT_NE(r.err.find(tree + "/locked: Permission denied\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(top + ": Permission denied\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(tree + ": skipped 3 entries that are not regular files or directories: " + tree +
                       "/dangling.log (dangling symlink), " + tree + "/fifo (FIFO), " + tree + "/sock (socket)\n"),
            std::string::npos)
      << r.err;

  const unprivileged_result s = run_unprivileged("scan --summary " + top);
  if (!s.ok) GTEST_SKIP();
  EXPECT_EQ(s.status, 2);
  EXPECT_NE(s.out.find("Findings: 0 in 0 file(s), 1 input error(s)"), std::string::npos) << s.out;
  fs::remove_all(d);
}
