// Secrets never reach a finding, in any spelling, through any output: every line is scrubbed of
// key material, passwords and key hexdumps (src/scan/grammar/secrets.def) before it is read.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "../../src/scan/secrets.hpp"
#include "helpers.hpp"

namespace {

using namespace scan_test;

// Each line carries a code (so it becomes a finding with an excerpt) and a secret S3CRET<n>.
const char* const secret_lines =
    "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3 <keyMaterial>S3CRET1</keyMaterial>\n"
    "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3 <sharedKey keyMaterial=\"S3CRET2\" "
    "protected=\"false\">\n"
    "wlan0: CTRL-EVENT-DISCONNECTED reason=3 psk=\"S3CRET3\" sae_password=\"S3CRET4\"\n"
    "wlan0: CTRL-EVENT-DISCONNECTED reason=3 password=\"S3CRET5\" passphrase=S3CRET6 wep_key0=S3CRET7\n"
    "wlan0: CTRL-EVENT-DISCONNECTED reason=3 private_key_passwd='S3CRET8' wpa_passphrase=S3CRETK\n"
    "wlan0: CTRL-EVENT-DISCONNECTED reason=3 &lt;keyMaterial&gt;S3CRET9&lt;/keyMaterial&gt;\n"
    "wlan0: CTRL-EVENT-DISCONNECTED reason=3 &#60;keyMaterial&#62;S3CRETA&#60;/keyMaterial&#62;\n"
    "wlan0: CTRL-EVENT-DISCONNECTED reason=3 <keyMaterial >S3CRETB</keyMaterial> <keyMaterial "
    "xmlns=\"x\">S3CRETC</keyMaterial>\n"
    "wlan0: CTRL-EVENT-DISCONNECTED reason=3 <KeyMaterial>S3CRETD</KeyMaterial>\n"
    "wlan0: CTRL-EVENT-DISCONNECTED reason=3 <keyMaterial>\n"
    "S3CRETE reason=4 deauth\n"
    "S3CRETF</keyMaterial> CTRL-EVENT-DISCONNECTED reason=5\n"
    "wlan0: CTRL-EVENT-DISCONNECTED reason=3 keyMaterial=S3CRETG <x> keymaterial=S3CRETH\n"
    "wlan0: CTRL-EVENT-DISCONNECTED reason=3 WPA: PTK - hexdump(len=48): de ad be ef S3CRETI\n"
    "{\"psk\": \"S3CRETJ\", \"ReasonCode\": \"0x48005\"}\n"
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>8002</EventID>"
    "</System><EventData><Data Name='ProfileXml'>&lt;keyMaterial&gt;S3CRETL&lt;/keyMaterial&gt;</Data>"
    "<Data Name='ReasonCode'>0x48005</Data></EventData></Event>\n";

bool leaks(const wlancode::scan::finding& f) {
  for (const std::string* s : {&f.excerpt, &f.text, &f.raw, &f.ssid, &f.bssid, &f.sta, &f.field, &f.interface,
                               &f.timestamp, &f.name, &f.meaning})
    if (s->find("S3CRET") != std::string::npos) return true;
  return false;
}

TEST(ScanSecrets, NoSpellingReachesAFinding) {
  for (bool redact : {false, true}) {
    const auto fs = scan(secret_lines, wlancode::scan::input_format::automatic, redact);
    EXPECT_GE(fs.size(), 15u);
    for (const auto& f : fs) EXPECT_FALSE(leaks(f)) << f.line << ": " << f.excerpt;
  }
}

// The quick look that spares most lines the full scrub (SIMD, 32 places a step, a zero-padded
// tail) misses no secret, wherever it sits on the line and whatever the line's length.
TEST(ScanSecrets, FoundAtEveryOffsetAndLineLength) {
  for (const char* secret : {"psk=S3CRET1", "PASSWORD=S3CRET2", "&lt;keyMaterial&gt;S3CRET3&lt;/keyMaterial&gt;",
                             "&#60;keyMaterial&#62;S3CRET4&#60;/keyMaterial&#62;", "Passphrase: S3CRET5"}) {
    std::string lines;
    for (std::size_t off = 0; off < 70; ++off)
      for (std::size_t tail : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{31}})
        lines +=
            "wlan0: CTRL-EVENT-DISCONNECTED reason=3 " + std::string(off, ' ') + secret + std::string(tail, ' ') + "\n";
    const auto fs = scan(lines);
    EXPECT_EQ(fs.size(), 70u * 4u) << secret;
    for (const auto& f : fs) EXPECT_FALSE(leaks(f)) << f.excerpt;
  }
}

// The quick look "can this line hold a secret?" says the same on every path (byte by byte, AVX2,
// AVX-512), for each fragment at every place of lines of every length around the vector blocks,
// in either case, and for lines that hold none or only a fragment's first bytes at their end.
TEST(ScanSecrets, QuickLookIsTheSameOnEveryPath) {
  using wlancode::scan::detail::may_hold_secret_simd;
  std::size_t holding = 0;
  for (const std::string frag : {"key", "PaS", "psk", "HEX", "&#", "&l", "ke", "p", "&"}) {
    for (std::size_t n = 0; n <= 140; ++n) {
      for (std::size_t at = 0; at <= n; ++at) {
        std::string line(n, 'z');
        line.replace(at, std::min(frag.size(), n - at), frag.substr(0, n - at));
        const bool scalar = may_hold_secret_simd(line, 0);
        holding += scalar;
        ASSERT_EQ(may_hold_secret_simd(line, 256), scalar) << "AVX2, \"" << line << "\"";
        ASSERT_EQ(may_hold_secret_simd(line, 512), scalar) << "AVX-512, \"" << line << "\"";
      }
    }
  }
  EXPECT_GT(holding, 0u);  // the fragments are found (not every path saying no)
  EXPECT_FALSE(may_hold_secret_simd(std::string(200, 'z') + "ke", 512));
  EXPECT_TRUE(may_hold_secret_simd(std::string(63, 'z') + "kEy", 512));
}

TEST(ScanSecrets, LinesKeepWhatIsNotSecret) {
  const auto fs =
      scan("wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3 psk=\"S3CRET\" key_mgmt=WPA-PSK\n");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_NE(fs[0].excerpt.find("psk=\"[removed]\""), std::string::npos) << fs[0].excerpt;
  EXPECT_NE(fs[0].excerpt.find("key_mgmt=WPA-PSK"), std::string::npos) << fs[0].excerpt;
  EXPECT_EQ(fs[0].value, 3u);
}

TEST(ScanSecrets, NoOutputPrintsThem) {
  const std::filesystem::path p = temp_dir() / "secrets.log";
  write_file(p, secret_lines);
  for (const char* args : {"", "--format jsonl", "--format csv", "--summary", "--summary --format jsonl", "--redact"}) {
    const std::string cmd = std::string(WLANCODE_CLI) + " scan " + args + " " + p.string() + " 2>&1";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string out;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    const int st = ::pclose(pipe);
    EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << args;
    EXPECT_EQ(out.find("S3CRET"), std::string::npos) << args << "\n" << out;
  }
  std::filesystem::remove(p);
}

}  // namespace

namespace {
// --redact masks every spelling of MACs, SSIDs and user names that logs use.
TEST(ScanRedact, EverySpellingIsMasked) {
  const std::string lines =
      "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:aa:00:01 reason=3 identity=\"alice\" ssid=Lab1\n"
      "wlan0: deauth peer:02:00:00:aa:00:02 reason=3 SSID 'Xy' access point 'Zq' identity=bob@corp\n"
      "wlan0: CTRL-EVENT-DISCONNECTED reason=3 ssid=\"Q\"\n"
      "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>12013</EventID>"
      "</System><EventData><Data Name='Identity'>carol</Data><Data Name='User'>EXAMPLE\\dave</Data>"
      "<Data Name='ReasonCode'>0x50005</Data></EventData></Event>\n";
  const auto fs = scan(lines, wlancode::scan::input_format::automatic, true);
  ASSERT_EQ(fs.size(), 4u);
  for (const auto& f : fs) {
    for (const char* s : {"02:00:00:aa", "alice", "Lab1", "'Xy'", "'Zq'", "bob@corp", "\"Q\"", "carol", "dave"})
      EXPECT_EQ(f.excerpt.find(s), std::string::npos) << s << " in " << f.excerpt;
  }
}

// A MAC at the 400-byte excerpt cap is cut before it, never in the middle (a cut one escapes
// --redact); tags are 48 bits, so distinct values do not merge.
TEST(ScanRedact, CapNeverCutsAMacAndTagsAreWide) {
  std::string line = "wlan0: CTRL-EVENT-DISCONNECTED reason=3 " + std::string(358, 'z') + " 02:00:00:aa:bb:cc x\n";
  const auto fs = scan(line, wlancode::scan::input_format::automatic, true);
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].excerpt.find("02:00"), std::string::npos) << fs[0].excerpt;
  const std::string t = wlancode::scan::redact_text("bssid=02:00:00:aa:bb:cc");
  const auto open = t.find("[mac:");
  ASSERT_NE(open, std::string::npos);
  EXPECT_EQ(t.find(']', open) - open - 5, 12u) << t;
}
// The length of a redaction tag at s[i] ("[ssid:" + 12 hex digits + "]", or user, mac), else 0.
std::size_t tag_length_at(std::string_view s, std::size_t i) {
  for (std::string_view kind : {"[ssid:", "[user:", "[mac:"}) {
    if (s.substr(i, kind.size()) != kind || i + kind.size() + 13 > s.size()) continue;
    const std::string_view hex = s.substr(i + kind.size(), 12);
    if (hex.find_first_not_of("0123456789abcdef") == std::string_view::npos && s[i + kind.size() + 12] == ']')
      return kind.size() + 13;
  }
  return 0;
}

// A tag one label wrote is not read again by a later label: "[ssid:…]" holds "ssid:", which
// once made SSID='Corp' read SSID='[ssid:[ssid:…] (a second tag, the quote lost). The excerpt's
// tag is the ssid field's, and redacting twice changes nothing.
TEST(ScanRedact, TagsAreNotRedactedAgain) {
  for (const char* line : {"wlan0: Trying to associate with 02:00:00:10:00:01 (SSID='Corp Net' freq=5180 MHz)",
                           "wlan0: CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"Corp\" auth_failures=1 reason=WRONG_KEY",
                           "event: connect-info, ssid: Home, bss: 02:00:00:10:00:02",
                           "SSID: Lab ssid=Lab2 identity=\"bob\" User: alice", "<name>Corp</name> ssid:Guest"}) {
    const std::string once = wlancode::scan::redact_text(line);
    EXPECT_EQ(wlancode::scan::redact_text(once), once) << line;
    EXPECT_EQ(once.find("[ssid:["), std::string::npos) << once;
    // Every '[' the redactor wrote opens a whole tag.
    for (std::size_t at = once.find('['); at != std::string::npos; at = once.find('[', at + 1))
      EXPECT_NE(tag_length_at(once, at), 0u) << once;
  }
  const std::string quoted = wlancode::scan::redact_text("(SSID='Corp' freq=5180 MHz)");
  ASSERT_TRUE(quoted.starts_with("(SSID='")) << quoted;
  EXPECT_EQ(tag_length_at(quoted, 7), 19u) << quoted;
  EXPECT_EQ(quoted.substr(7 + 19), "' freq=5180 MHz)") << quoted;
  // With lifecycle events, the line that names the SSID is a finding: its excerpt holds the ssid field's tag.
  wlancode::scan::options o;
  o.redact = o.events = true;
  std::vector<wlancode::scan::finding> fs;
  wlancode::scan::scan_memory(
      "Nov 21 10:12:30 laptop wpa_supplicant[812]: wlan0: Trying to associate with "
      "02:00:00:10:00:01 (SSID='CorpWiFi' freq=5180 MHz)\n",
      "mem", o, [&](const wlancode::scan::finding& x) { fs.push_back(x); });
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(tag_length_at(fs[0].ssid, 0), fs[0].ssid.size()) << fs[0].ssid;
  EXPECT_NE(fs[0].excerpt.find("(SSID='" + fs[0].ssid + "' freq"), std::string::npos) << fs[0].excerpt;
}
}  // namespace
