// scan on .evtx files: the findings the writer's expected-findings.tsv lists (typed there by
// hand), record ids and times, gzip and directories, --input-format evtx, no finding at all in
// the 15 real samples (their ground truth), and damage reported through the error sink.
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "evtx_files.hpp"
#include "wlancode/scan.hpp"

namespace {

using namespace evtx_test;
namespace sc = wlancode::scan;
namespace fs = std::filesystem;

struct scanned {
  std::vector<sc::finding> findings;
  std::vector<sc::input_error> errors;
  sc::result res;
};

scanned scan_file(const fs::path& p, sc::input_format f = sc::input_format::automatic) {
  scanned s;
  sc::options o;
  o.forced = f;
  s.res = sc::scan_path(
      p.string(), o, [&](const sc::finding& x) { s.findings.push_back(x); },
      [&](const sc::input_error& e) { s.errors.push_back(e); });
  return s;
}

fs::path temp_dir() {
  static const fs::path d = [] {
    auto p = fs::temp_directory_path() / ("wlancode_evtx_test_" + std::to_string(::getpid()));
    fs::create_directories(p);
    return p;
  }();
  return d;
}

void write_file(const fs::path& p, std::string_view data) {
  std::ofstream f(p, std::ios::binary);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
}

std::string gzip(std::string_view data) {
  const fs::path p = temp_dir() / "tmp.gz";
  gzFile g = gzopen(p.c_str(), "wb");
  gzwrite(g, data.data(), static_cast<unsigned>(data.size()));
  gzclose(g);
  return read_bytes(p);
}

std::string key(const sc::finding& f) {
  return std::to_string(f.record) + " " + f.event_id + " " + f.field + " " + std::string(sc::to_string(f.kind)) + " " +
         (f.fam ? std::string(wlancode::to_string(*f.fam)) : f.space) + " " +
         (f.kind == sc::value_kind::raw ? f.raw : std::to_string(f.value));
}

TEST(ScanEvtx, GeneratedFilesGiveTheExpectedFindings) {
  std::map<std::string, std::vector<std::string>> want;
  for (const auto& row : tsv(fs::path(WLANCODE_EVTX_GENERATED) / "expected-findings.tsv")) {
    ASSERT_EQ(row.size(), 7u);
    want[row[0]].push_back(row[1] + " " + row[2] + " " + row[3] + " " + row[4] + " " + row[5] + " " + row[6]);
  }
  ASSERT_EQ(want.size(), 3u);  // template, forwarded, wec
  for (const auto& [name, keys] : want) {
    SCOPED_TRACE(name);
    const scanned s = scan_file(fs::path(WLANCODE_EVTX_GENERATED) / name);
    EXPECT_TRUE(s.errors.empty());
    std::vector<std::string> got;
    for (const auto& f : s.findings) {
      got.push_back(key(f));
      EXPECT_EQ(f.format, sc::input_format::evtx);
      EXPECT_EQ(f.line, f.record - 99);  // the record's ordinal: the file's ids start at 100
      EXPECT_EQ(f.source, (fs::path(WLANCODE_EVTX_GENERATED) / name).string());
      EXPECT_TRUE(f.timestamp.starts_with("2026-01-01T00:0")) << f.timestamp;
      EXPECT_TRUE(f.timestamp.ends_with("Z"));
    }
    EXPECT_EQ(got, keys);
  }
}

TEST(ScanEvtx, ContextAndTimeOfAFinding) {
  const scanned s = scan_file(fs::path(WLANCODE_EVTX_GENERATED) / "wifi-template.evtx");
  ASSERT_FALSE(s.findings.empty());
  const sc::finding& f = s.findings[0];  // 8002, record 101
  EXPECT_EQ(f.record, 101u);
  EXPECT_EQ(f.timestamp, "2026-01-01T00:01:00.0000000Z");
  EXPECT_EQ(f.name, "WLAN_REASON_CODE_USER_CANCELLED");
  EXPECT_EQ(f.ssid, "HomeNet");
  EXPECT_EQ(f.interface, "Example Wireless-AC 9000 Adapter");
  EXPECT_EQ(f.text, "The operation was cancelled by the user.");
  EXPECT_NE(f.excerpt.find("ReasonCode=229377"), std::string::npos);
  EXPECT_EQ(f.connection, "0x7");  // its ConnectionId (a SizeT/HexInt64 value), for diagnose
  // The 8003's reason: its own record's ConnectionId; with events on, the events carry theirs.
  std::map<std::string, std::string> by_event;
  for (const sc::finding& g : s.findings) by_event[g.event_id] = g.connection;
  EXPECT_EQ(by_event["8003"], "0x3");
  EXPECT_EQ(by_event["12013"], "0x6");
  sc::options o;
  o.events = true;
  std::map<std::string, std::string> events;
  sc::scan_path((fs::path(WLANCODE_EVTX_GENERATED) / "wifi-template.evtx").string(), o,
                [&](const sc::finding& x) {
                  if (x.kind == sc::value_kind::event) events[x.event_id] = x.connection;
                },
                [](const sc::input_error&) {});
  EXPECT_EQ(events["8001"], "0x2");
  EXPECT_EQ(events["11001"], "0x4");
}

TEST(ScanEvtx, ManyChunksAndCountsMatch) {
  const scanned s = scan_file(fs::path(WLANCODE_EVTX_GENERATED) / "wifi-many.evtx");
  EXPECT_EQ(s.findings.size(), 1750u);  // 7 findings in every 8 records, 2,000 records
  EXPECT_TRUE(s.errors.empty());
}

TEST(ScanEvtx, GzipAndDirectoriesAndMemory) {
  const std::string bytes = generated("wifi-template.evtx");
  const fs::path dir = temp_dir() / "tree";
  fs::create_directories(dir / "sub");
  write_file(dir / "sub" / "log.evtx.gz", gzip(bytes));
  write_file(dir / "renamed.bin", bytes);  // recognised by its signature, not its name
  const scanned s = scan_file(dir);
  EXPECT_EQ(s.findings.size(), 14u);
  EXPECT_TRUE(s.errors.empty());
  std::vector<sc::finding> mem;
  sc::scan_memory(bytes, "mem", {}, [&](const sc::finding& f) { mem.push_back(f); });
  EXPECT_EQ(mem.size(), 7u);
  std::vector<sc::finding> memgz;
  sc::scan_memory(gzip(bytes), "mem", {}, [&](const sc::finding& f) { memgz.push_back(f); });
  EXPECT_EQ(memgz.size(), 7u);
}

TEST(ScanEvtx, ForcedFormat) {
  EXPECT_EQ(sc::parse_input_format("evtx"), sc::input_format::evtx);
  const fs::path p = temp_dir() / "not.evtx";
  write_file(p, "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3\n");
  const scanned forced = scan_file(p, sc::input_format::evtx);
  EXPECT_TRUE(forced.findings.empty());
  ASSERT_EQ(forced.errors.size(), 1u);
  EXPECT_NE(forced.errors[0].message.find("not an EVTX file"), std::string::npos);
  EXPECT_EQ(forced.res.errors, 1u);
  EXPECT_EQ(scan_file(p).findings.size(), 1u);  // as text when not forced
}

// The ground truth of the real samples: no Wi-Fi event, so any finding is a false positive.
TEST(ScanEvtx, NoFindingInTheRealSamples) {
  EVTX_NEED_SAMPLES();
  std::size_t files = 0;
  std::set<std::string> must_not;
  for (const auto& row : tsv(samples() / "expected.tsv"))
    if (row.size() >= 8 && row[7] == "must_not") must_not.insert(row[0] + ":" + row[1]);
  EXPECT_GT(must_not.size(), 100u);
  for (const auto& e : fs::directory_iterator(samples())) {
    if (e.path().extension() != ".evtx") continue;
    SCOPED_TRACE(e.path().filename().string());
    ++files;
    const scanned s = scan_file(e.path());
    for (const auto& f : s.findings) ADD_FAILURE() << "record " << f.record << ": " << key(f);
  }
  EXPECT_EQ(files, 15u);
}

// The same events exported as XML by evtxexport (FILE.xml next to each sample) meet the same
// event-field rules: no finding either (a Kernel-General `Reason`, an RdpCoreTS `ReasonCode`, a
// Security 4625 `Status` are not Wi-Fi codes).
TEST(ScanEvtx, NoFindingInTheSamplesXmlExports) {
  EVTX_NEED_SAMPLES();
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(samples())) {
    if (e.path().extension() != ".xml") continue;
    SCOPED_TRACE(e.path().filename().string());
    ++files;
    for (const auto& f : scan_file(e.path()).findings) ADD_FAILURE() << "line " << f.line << ": " << key(f);
  }
  EXPECT_GE(files, 15u);
}

TEST(ScanEvtx, ProviderDecidesForEventXml) {
  const std::string wlan =
      "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
      "<Provider Name='Microsoft-Windows-WLAN-AutoConfig'/><EventID>8002</EventID></System>"
      "<EventData><Data Name='ReasonCode'>229377</Data></EventData></Event>\n";
  std::string other = wlan;
  other.replace(other.find("WLAN-AutoConfig"), 15, "Kernel-General");
  std::vector<sc::finding> a, b;
  sc::scan_memory(wlan, "a.xml", {}, [&](const sc::finding& f) { a.push_back(f); });
  sc::scan_memory(other, "b.xml", {}, [&](const sc::finding& f) { b.push_back(f); });
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].value, 229377u);
  EXPECT_TRUE(b.empty());
}

TEST(ScanEvtx, DamageIsReportedNeverSilent) {
  EVTX_NEED_SAMPLES();
  const scanned bad = scan_file(samples() / "omerbenamram__sample_with_a_bad_chunk_magic.evtx");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_NE(bad.errors[0].message.find("lost"), std::string::npos);
  EXPECT_NE(bad.errors[0].message.find("bad signature"), std::string::npos);
  EXPECT_EQ(bad.res.errors, 1u);  // records lost: an input error
  const scanned crc = scan_file(samples() / "omerbenamram__Application_no_crc32.evtx");
  ASSERT_EQ(crc.errors.size(), 1u);
  EXPECT_NE(crc.errors[0].message.find("CRC32"), std::string::npos);
  EXPECT_EQ(crc.res.errors, 0u);  // nothing lost: a notice
  const scanned sound = scan_file(samples() / "omerbenamram__system.evtx");
  EXPECT_TRUE(sound.errors.empty());
  // A generated file cut inside its last chunk: the whole records are scanned, the rest said.
  const std::string full = generated("wifi-many.evtx");
  const fs::path cut = temp_dir() / "cut.evtx";
  write_file(cut, std::string_view(full).substr(0, 4096 + 3 * 65536 + 20000));
  const scanned c = scan_file(cut);
  EXPECT_GT(c.findings.size(), 200u);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].message.find("cut off by the end of the file"), std::string::npos);
}

std::string cli(const std::string& args, int* status) {
  const std::string cmd = std::string(WLANCODE_CLI) + " " + args + " 2>/dev/null";
  FILE* p = ::popen(cmd.c_str(), "r");
  std::string out;
  if (!p) return out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  const int st = ::pclose(p);
  *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

TEST(ScanEvtx, CliCsvAndTextNameTheRecord) {
  const std::string file = (fs::path(WLANCODE_EVTX_GENERATED) / "wifi-template.evtx").string();
  int st = -1;
  const std::string csv = cli("scan --format csv " + file, &st);
  EXPECT_EQ(st, 0);
  EXPECT_NE(csv.find(",sta,record,excerpt\n"), std::string::npos);
  EXPECT_NE(csv.find(",101,record 101 event 8002 ReasonCode=229377"), std::string::npos);
  const std::string text = cli("scan " + file, &st);
  EXPECT_NE(text.find(file + ":record 101: "), std::string::npos);
}

TEST(ScanEvtx, CliJsonlHasTheRecord) {
  int st = -1;
  const std::string out =
      cli("scan --format jsonl " + (fs::path(WLANCODE_EVTX_GENERATED) / "wifi-template.evtx").string(), &st);
  EXPECT_EQ(st, 0);
  EXPECT_NE(out.find("\"line\":2,\"format\":\"evtx\""), std::string::npos);
  EXPECT_NE(out.find("\"record\":101,"), std::string::npos);
  EXPECT_NE(out.find("\"timestamp\":\"2026-01-01T00:01:00.0000000Z\""), std::string::npos);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 7);
}

}  // namespace
