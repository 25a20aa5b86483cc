// Logs as people publish them: pasted into a web page and scraped back (HTML character
// references), through a word processor (typographic quotes, no-break spaces), forwarded by
// rsyslog (#011, #033), exported by journalctl (JSON, json-pretty, export, verbose), quoted in a
// mail or a Markdown post, shown with line numbers. Each form must give what the plain lines give.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <string>

#include "../../src/scan/journal_json.hpp"
#include "../../src/scan/paste_prefix.hpp"
#include "../../src/scan/published_text.hpp"
#include "../../src/scan/wrapped_lines.hpp"
#include "helpers.hpp"

namespace {

using namespace scan_test;
using wlancode::scan::detail::journal_json;
using wlancode::scan::detail::published_text;
namespace d = wlancode::scan::detail;

std::string undone(std::string_view s, unsigned* marks_out = nullptr) {
  published_text p;
  unsigned marks = d::pasted_marks(s);
  std::string out(p.undo(s, marks));
  if (marks_out) *marks_out = marks;
  return out;
}

std::string message(std::string_view s) {
  journal_json j;
  return std::string(j.message(s));
}

// The project's own sample lines, one finding each (checked below against the plain scan).
const std::string plain =
    "Nov 24 22:13:20 host wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=4 "
    "locally_generated=1\n"
    "2026-11-02 10:00:01 roamd: {\"event\": \"deauth\", \"reason_code\": \"7\", \"ssid\": \"Lab Net\"}\n"
    "Feb  2 10:00:00 ap wlceventd: eth1:\tDeauth_ind 02:00:00:00:00:03, status: 0, reason: Class 2 frame received "
    "from nonauthenticated station (6)\n"
    "W (36160) wifi:sta disconnected, reason:15\n"
    "[1700000000.100][9:9] CHIP:DL: wpa_supplicant:PropertiesChanged:key:AssocStatusCode -> 17\n"
    "Nov 24 22:13:21 host wpa_supplicant[812]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:04 "
    "status_code=1 note='kept'\n";

const V plain_keys{"1:ieee80211_reason:4", "2:ieee80211_reason:7",  "3:ieee80211_reason:6",
                   "4:esp_wifi_reason:15", "5:ieee80211_status:17", "6:ieee80211_status:1"};

// Each line of `text` through `f` (which may make several lines of one).
std::string each_line(const std::string& text, const std::function<std::string(std::string_view, int)>& f) {
  std::string out;
  int n = 0;
  for (std::size_t b = 0; b < text.size();) {
    const std::size_t e = text.find('\n', b);
    out += f(std::string_view(text).substr(b, e - b), ++n);
    out += '\n';
    b = e + 1;
  }
  return out;
}

// Written here by hand, not by the code under test.
std::string html_escaped(std::string_view s, std::string_view apostrophe) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else if (c == '\'')
      out += apostrophe;
    else
      out += c;
  }
  return out;
}
std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"')
      out += "\\\"";
    else if (c == '\\')
      out += "\\\\";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out + "\"";
}

// The families and values of findings, without line numbers (exports that spread an entry over
// several lines move them).
V values(const std::vector<wlancode::scan::finding>& fs) {
  V out;
  for (const std::string& k : keys(fs)) out.push_back(k.substr(k.find(':') + 1));
  return out;
}

TEST(PublishedText, PlainSampleLinesGiveOneFindingEach) { EXPECT_EQ(keys(scan(plain)), plain_keys); }

TEST(PublishedText, HtmlEscapedLinesGiveThePlainFindings) {
  for (std::string_view apostrophe : {"&#39;", "&#x27;", "&apos;"}) {
    const std::string page = each_line(plain, [&](std::string_view s, int) { return html_escaped(s, apostrophe); });
    EXPECT_EQ(keys(scan(page)), plain_keys) << apostrophe;
  }
  const auto fs = scan(each_line(plain, [](std::string_view s, int) { return html_escaped(s, "&#39;"); }));
  ASSERT_FALSE(fs.empty());
  EXPECT_EQ(fs[1].excerpt.find("&quot;"), std::string::npos) << "excerpts show the text, not its references";
}

TEST(PublishedText, TypographicQuotesAndNoBreakSpacesGiveThePlainFindings) {
  const std::string word = each_line(plain, [](std::string_view s, int) {
    std::string out;
    bool open = true;
    for (char c : s) {
      if (c == '"') {
        out += open ? "\xE2\x80\x9C" : "\xE2\x80\x9D";  // “ ”
        open = !open;
      } else if (c == '\'') {
        out += "\xE2\x80\x99";  // ’
      } else {
        out += c;
      }
    }
    return out;
  });
  EXPECT_EQ(keys(scan(word)), plain_keys);
  EXPECT_EQ(keys(scan("W (36160) wifi:sta disconnected,\xC2\xA0reason:\xC2\xA0"
                      "15\n")),
            (V{"1:esp_wifi_reason:15"}));
}

TEST(PublishedText, RsyslogControlEscapesGiveThePlainFindings) {
  const std::string forwarded = each_line(plain, [](std::string_view s, int) {
    std::string out = "#033[0;32m";
    for (char c : s) out += c == '\t' ? std::string("#011") : std::string(1, c);
    return out + "#033[0m";
  });
  EXPECT_EQ(keys(scan(forwarded)), plain_keys);
}

TEST(PublishedText, JournalJsonExportsGiveThePlainFindings) {
  const std::string json = each_line(plain, [](std::string_view s, int n) {
    return "{\"__CURSOR\":\"s=1;i=" + std::to_string(n) +
           "\",\"PRIORITY\":\"6\",\"_PID\":\"812\",\"SYSLOG_IDENTIFIER\":\"x\",\"MESSAGE\":" + json_string(s) + "}";
  });
  EXPECT_EQ(keys(scan(json)), plain_keys);
  const std::string pretty = each_line(plain, [](std::string_view s, int n) {
    return "{\n\t\"__CURSOR\" : \"s=1;i=" + std::to_string(n) +
           "\",\n\t\"PRIORITY\" : \"6\",\n\t\"MESSAGE\" : " + json_string(s) + ",\n\t\"_PID\" : \"812\"\n}";
  });
  EXPECT_EQ(values(scan(pretty)), values(scan(plain)));
  const std::string docker =
      each_line(plain, [](std::string_view s, int) { return "{\"log\":" + json_string(std::string(s) + "\n") + "}"; });
  EXPECT_EQ(keys(scan(docker)), plain_keys);
}

TEST(PublishedText, PrefixedLinesGiveThePlainFindings) {
  for (const auto& prefix : std::vector<std::function<std::string(int)>>{
           [](int) { return std::string("> "); }, [](int) { return std::string(">> "); },
           [](int) { return std::string("    "); }, [](int n) { return std::to_string(n) + " | "; },
           [](int) { return std::string("[pod/wifi-7c/agent] "); }, [](int) { return std::string("<30>"); }}) {
    const std::string quoted = each_line(plain, [&](std::string_view s, int n) { return prefix(n) + std::string(s); });
    EXPECT_EQ(keys(scan(quoted)), plain_keys) << prefix(1);
  }
}

// A wevtutil /f:text event, written here; its WLAN reason is only found by the event text block.
const std::string event_text =
    "Event[0]:\n"
    "  Log Name: Microsoft-Windows-WLAN-AutoConfig/Operational\n"
    "  Source: Microsoft-Windows-WLAN-AutoConfig\n"
    "  Event ID: 8002\n"
    "  Description: \n"
    "WLAN AutoConfig service failed to connect to a wireless network.\n"
    "\n"
    "Network SSID: Lab Net\n"
    "Failure Reason:Dynamic key exchange did not succeed within configured time\n";

TEST(PublishedText, EventTextBlocksPastedWithAPrefixAreStillRead) {
  const V want = keys(scan(event_text));
  ASSERT_EQ(want, (V{"9:wlan_reason:294917"}));
  for (const auto& prefix : std::vector<std::function<std::string(int)>>{
           [](int) { return std::string("> "); }, [](int) { return std::string(">> "); },
           [](int) { return std::string("> > "); },
           [](int n) { return (n < 10 ? "   " : "  ") + std::to_string(n) + ": "; },
           [](int n) { return std::to_string(n) + " | "; }, [](int) { return std::string("[pod/win-7c/agent] "); },
           [](int n) { return "2026-11-02T10:00:0" + std::to_string(n % 10) + ".123456789Z "; }}) {
    const std::string quoted =
        each_line(event_text, [&](std::string_view s, int n) { return prefix(n) + std::string(s); });
    EXPECT_EQ(keys(scan(quoted)), want) << prefix(1);
  }
  // journalctl -o export: the message's lines among the entry's other fields.
  const std::string exported = each_line(event_text, [](std::string_view s, int n) {
    return "__CURSOR=s=1;i=" + std::to_string(n) + "\nPRIORITY=6\nMESSAGE=" + std::string(s) + "\n";
  });
  EXPECT_EQ(values(scan(exported)), (V{"wlan_reason:294917"}));
}

// Get-WinEvent | Format-List, written here, quoted in a mail or shown in a viewer's gutter.
TEST(PublishedText, FormatListRecordsPastedWithAPrefixAreStillRead) {
  const std::string records =
      "TimeCreated  : 11/21/2023 10:12:40 AM\n"
      "ProviderName : Microsoft-Windows-WLAN-AutoConfig\n"
      "Id           : 8002\n"
      "Message      : WLAN AutoConfig service failed to connect to a wireless network.\n"
      "\n"
      "               Failure Reason:The specific network is not available.\n"
      "\n"
      "TimeCreated  : 11/21/2023 10:02:11 AM\n"
      "Id           : 8002\n"
      "Message      : WLAN AutoConfig service failed to connect to a wireless network.\n"
      "               Failure Reason:Dynamic key exchange did not succeed within configured time\n";
  const V want{"6:wlan_reason:163851", "11:wlan_reason:294917"};
  ASSERT_EQ(keys(scan(records)), want);
  for (std::string_view prefix : {"> ", "| ", ">> "}) {
    const std::string quoted =
        each_line(records, [&](std::string_view s, int) { return std::string(prefix) + std::string(s); });
    EXPECT_EQ(keys(scan(quoted)), want) << prefix;
  }
}

TEST(PublishedText, APrefixIsOnlyTheBlocksOwn) {
  // Lines without the block's prefix are other logs': read by the line rules, not by the block.
  const auto fs = scan(
      "> Log Name: Microsoft-Windows-WLAN-AutoConfig/Operational\n"
      "> Event ID: 8002\n"
      "Nov 24 22:13:20 host wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:05 reason=3\n"
      "> Failure Reason:Dynamic key exchange did not succeed within configured time\n");
  EXPECT_EQ(keys(fs), (V{"3:ieee80211_reason:3", "4:wlan_reason:294917"}));
  // A label that ends a word is no block's opening ("CatalogLog Name:").
  EXPECT_FALSE(d::may_be_paste_prefix("Catalog"));
  EXPECT_TRUE(d::may_be_paste_prefix("> "));
  EXPECT_TRUE(d::may_be_paste_prefix(""));
  EXPECT_FALSE(d::may_be_paste_prefix(std::string(65, '>')));
  std::size_t n = 0;
  EXPECT_TRUE(d::same_paste_prefix("   9: ", "  10: Event ID: 8002", n));
  EXPECT_EQ(n, 6u);
  EXPECT_TRUE(d::same_paste_prefix("9 | ", "10 | x", n));
  EXPECT_EQ(n, 5u);
  EXPECT_TRUE(d::same_paste_prefix("> ", ">", n));  // an empty quoted line
  EXPECT_EQ(n, 1u);
  EXPECT_FALSE(d::same_paste_prefix("> ", "x > ", n));
  EXPECT_FALSE(d::same_paste_prefix("9: ", "x: ", n));
  EXPECT_FALSE(d::same_paste_prefix("[a] ", "[b] ", n));
  EXPECT_TRUE(d::same_paste_prefix("", "anything", n));
}

// Greedy word wrap at `width` columns, as a mail client does (written here by hand).
std::string wrapped(std::string_view s, std::size_t width) {
  std::string out, piece;
  std::size_t b = 0;
  while (b < s.size()) {
    std::size_t e = s.find(' ', b);
    if (e == std::string_view::npos) e = s.size();
    const std::string_view word = s.substr(b, e - b);
    if (!piece.empty() && piece.size() + 1 + word.size() > width) {
      out += piece + "\n";
      piece.clear();
    }
    if (!word.empty() && !piece.empty()) piece += ' ';
    piece.append(word);
    b = e + 1;
  }
  return out + piece;
}

TEST(PublishedText, LinesWrappedByAMailClientGiveTheirCodes) {
  const std::string lines =
      "Nov 24 22:13:20 host wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:07 reason=3 "
      "locally_generated=1\n"
      "2026-11-02 10:00:01.1234 wpa_supplicant[299]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:08 "
      "status_code=17\n"
      "[ 1137.591730] mwifiex_pcie 0000:01:00.0: info: successfully disconnected from 02:00:00:00:00:09: reason "
      "code 3\n"
      "10:00:01.618 -> [ 91234][W][WiFiGeneric.cpp:1061] _eventCallback(): Reason: 202 - AUTH_FAIL\n"
      "Feb  2 10:00:00 ap wlceventd: wlceventd_proc_event(401): eth1: Disassoc 02:00:00:00:00:0c, status: 0, "
      "reason: Disassociated because sending station is leaving (or has left) BSS (8)\n";
  const V want = values(scan(lines));
  ASSERT_EQ(want, (V{"ieee80211_reason:3", "ieee80211_status:17", "ieee80211_reason:3", "esp_wifi_reason:202",
                     "ieee80211_reason:8"}));
  for (std::size_t width : {72u, 76u, 80u}) {
    const std::string mail = each_line(lines, [&](std::string_view s, int) { return wrapped(s, width); });
    ASSERT_NE(mail.size(), lines.size() + 1) << "the lines were wrapped";
    V got = values(scan(mail));
    // The wlceventd piece without its producer's name reads "status: 0" as any line would (a
    // generic 802.11 status); every code of the plain lines is there.
    std::erase(got, "ieee80211_status:0");
    EXPECT_EQ(got, want) << width;
  }
  // The code's line is the piece that holds its value.
  const auto fs =
      scan(wrapped("Nov 24 22:13:20 host wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED "
                   "bssid=02:00:00:00:00:07 reason=3",
                   80));
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].line, 2u);
  EXPECT_EQ(fs[0].rule, "wpa_disconnected");
}

// The project's own long lines, each wrapped into three pieces or more at 72 and 80 columns.
const std::string long_lines =
    "Nov  2 12:00:01 gw wlceventd: wlceventd_proc_event(527): eth6: Deauth_ind 02:00:00:00:00:21, status: 0, "
    "reason: Class 3 frame received from nonassociated station (7), rssi:-61\n"
    "Nov  2 12:00:02 host wpa_supplicant[811]: wlp2s0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:22 "
    "reason=15 locally_generated=1 extra_one=abcdefghijklmnop extra_two=qrstuvwxyz0123456789\n"
    "Nov  2 12:00:03 host wpa_supplicant[811]: wlp2s0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:23 "
    "status_code=17 extra_field_one=abcdefghijklmnop extra_field_two=qrstuvwxyz0123456789\n";

TEST(PublishedText, LinesWrappedIntoThreePiecesOrMoreGiveTheirCodes) {
  const V want = values(scan(long_lines));
  ASSERT_EQ(want, (V{"ieee80211_reason:7", "ieee80211_reason:15", "ieee80211_status:17"}));
  for (std::size_t width : {72u, 76u, 80u}) {
    const std::string mail = each_line(long_lines, [&](std::string_view s, int) { return wrapped(s, width); });
    ASSERT_GE(std::count(mail.begin(), mail.end(), '\n'), 9) << "three pieces a line at " << width;
    V got = values(scan(mail));
    std::erase(got, "ieee80211_status:0");  // the wlceventd piece with "status: 0" alone (see above)
    EXPECT_EQ(got, want) << width;
  }
  // The code is on the piece that prints its value: wlceventd's "(7)" is on the third of three.
  const std::string w80 = wrapped(long_lines.substr(0, long_lines.find('\n')), 80);
  ASSERT_EQ(std::count(w80.begin(), w80.end(), '\n'), 2) << w80;
  const auto fs = scan(w80 + "\n");
  ASSERT_FALSE(fs.empty());
  EXPECT_EQ(fs.back().line, 3u);
  EXPECT_EQ(fs.back().rule, "wlceventd_reason");
}

TEST(PublishedText, APieceIsJoinedOnlyWithItsOwnLine) {
  // A log line of its own (a timestamp) ends the pieces: its code stays on it, once.
  const std::string mail = wrapped(long_lines.substr(0, long_lines.find('\n')), 72) +
                           "\nNov  2 12:00:09 host kernel: wlan0: deauthenticated from 02:00:00:00:00:24 (Reason: "
                           "3=DEAUTH_LEAVING)\n";
  V got = keys(scan(mail));
  std::erase(got, "2:ieee80211_status:0");
  EXPECT_EQ(got, (V{"3:ieee80211_reason:7", "4:ieee80211_reason:3"}));
  // Lines of prose that only fill the width give no code when read together, nor do the
  // pieces past max_run: a producer's name seven pieces before a value does not claim it.
  std::string prose = "Nov  2 12:00:01 gw wlceventd: wlceventd_proc_event(527): eth6: Deauth_ind\n";
  for (int i = 0; i < 6; ++i) prose += "and then the text of a ticket went on for one more line of words\n";
  prose += "so this is it (7)\n";
  EXPECT_TRUE(values(scan(prose)).empty());
  // A piece that gives a code alone is a line of its own: the run stops before it.
  EXPECT_EQ(keys(scan("Nov  2 12:00:02 host wpa_supplicant[811]: wlp2s0: CTRL-EVENT-DISCONNECTED\n"
                      "bssid=02:00:00:00:00:22 and some more text to fill the width of one\n"
                      "then deauthenticated with reason code 3 by the peer\n")),
            (V{"3:ieee80211_reason:3"}));
}

// Quoted-printable (RFC 2045), written here by hand: '=' and bytes outside printable ASCII as
// "=XX", lines cut at 75 characters with a soft line break '=' (76 with it).
std::string quoted_printable(std::string_view s) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out, piece;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    std::string e(1, ch);
    if (c == '=' || c >= 0x7f || (c < 0x20 && c != '\t')) e = std::string{'=', digits[c >> 4], digits[c & 15]};
    if (piece.size() + e.size() > 75) {
      out += piece + "=\n";
      piece.clear();
    }
    piece += e;
  }
  return out + piece;
}

TEST(PublishedText, QuotedPrintableMailsGiveThePlainFindings) {
  // Not the Matter line: its cut falls inside "AssocStatusCode", which no piece then holds for
  // the prefilter (a needle cut in two is not covered).
  std::string lines = plain + long_lines;
  lines.erase(lines.find("[1700000000.100]"),
              lines.find('\n', lines.find("[1700000000.100]")) + 1 - lines.find("[1700000000.100]"));
  const V want = values(scan(lines));
  ASSERT_EQ(want.size(), 8u);
  const std::string mail = each_line(lines, [](std::string_view s, int) { return quoted_printable(s); });
  ASSERT_NE(mail.find("reason=3D15"), std::string::npos);
  ASSERT_NE(mail.find("=\n"), std::string::npos) << "soft line breaks";
  V got = values(scan(mail));
  std::erase(got, "ieee80211_status:0");  // wlceventd's "status: 0" on a piece of its own
  EXPECT_EQ(got, want);
  // A line that holds "=3D" is decoded; "reason=3" without it is not touched.
  EXPECT_EQ(keys(scan("Nov  2 12:00:02 host wpa_supplicant[811]: wlan0: CTRL-EVENT-ASSOC-REJECT "
                      "bssid=3D02:00:00:00:00:31 status_code=3D17\n"
                      "Nov  2 12:00:03 host wpa_supplicant[811]: wlan0: CTRL-EVENT-DISCONNECTED reason=3\n")),
            (V{"1:ieee80211_status:17", "2:ieee80211_reason:3"}));
}

// A soft line break falls anywhere: inside a value, or right after its key.
TEST(PublishedText, QuotedPrintableCutsInsideAValue) {
  const std::string line =
      " Connection Changed : Failed, 9663563c-0000-0000-0000-000000000001, 0x00038012, The computer is roaming too "
      "often. The security check did not complete after several attempts.";
  const std::size_t token_at = line.find("0x00038012");
  for (std::size_t pad = 0; pad < 20; ++pad) {
    const std::string s = std::string(pad, 'a') + line;
    const std::size_t cut = 75 - (pad + token_at);  // characters of the value on the first piece
    // Not covered: a cut inside "0x000", which leaves no piece the prefilter's "x00" with its "000".
    if (cut > 0 && cut < 6) continue;
    const std::string mail = quoted_printable(s) + "\n";
    ASSERT_NE(mail.find("=\n"), std::string::npos);
    EXPECT_EQ(values(scan(mail)), (V{"wlan_reason:229394"})) << mail;
  }
  // "Reason:" ends the first piece, its value on the second (which starts with a blank).
  const std::string esp = "[ 91234][W][WiFiGeneric.cpp:1061] _eventCallback(): Reason: 202 - AUTH_FAIL";
  const std::string padded = std::string(75 - 1 - esp.find(" 202"), 'a') + " " + esp;
  const std::string mail = quoted_printable(padded) + "\n";
  ASSERT_NE(mail.find("Reason:=\n 202"), std::string::npos) << mail;
  EXPECT_EQ(keys(scan(mail)), (V{"2:esp_wifi_reason:202"}));
}

TEST(PublishedText, QuotedPrintableEscapes) {
  EXPECT_EQ(undone("reason=3D3 locally_generated=3D1"), "reason=3 locally_generated=1");
  EXPECT_EQ(undone("a=3Db=20c=09d=\n"), "a=b c\td=\n") << "'=' before a line feed is not at the end";
  EXPECT_EQ(undone("a=3Db="), "a=b") << "a soft line break";
  EXPECT_EQ(undone("a=3D=zz=4"), "a==zz=4") << "'=' without two hex digits stays";
  EXPECT_EQ(undone("reason=3 status=20"), "reason=3 status=20") << "no =3D: not quoted-printable";
  EXPECT_EQ(undone("=3D"), "=");
  EXPECT_EQ(undone(std::string_view("x=3D=00y", 8)), std::string("x=\0y", 4)) << "a NUL byte is kept";
  unsigned marks = 0;
  EXPECT_EQ(undone("=3D=1B[31mred", &marks), "=\x1b[31mred");
  EXPECT_TRUE(marks & d::mark_esc) << "a decoded ESC is told to the colour stripper";
}

TEST(PublishedText, AnEventXmlBlockHtmlEscapedIsOpened) {
  // An event XML page scraped as text: its opener, "&lt;Event xmlns=", is a needle undone.
  const std::string xml =
      "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">\n"
      "  <System>\n"
      "    <Provider Name=\"Microsoft-Windows-WLAN-AutoConfig\"/>\n"
      "    <EventID>8002</EventID>\n"
      "    <TimeCreated SystemTime=\"2026-11-02T10:00:00.0000000Z\"/>\n"
      "  </System>\n"
      "  <EventData>\n"
      "    <Data Name=\"SSID\">Lab Net</Data>\n"
      "    <Data Name=\"FailureReason\">The specific network is not available.</Data>\n"
      "    <Data Name=\"ReasonCode\">229377</Data>\n"
      "  </EventData>\n"
      "</Event>\n";
  const auto plain_fs = scan(xml);
  ASSERT_EQ(keys(plain_fs), (V{"10:wlan_reason:229377"}));
  ASSERT_EQ(plain_fs[0].rule, "event_xml");
  for (std::string_view apostrophe : {"&#39;", "&#x27;"}) {
    const std::string page = each_line(xml, [&](std::string_view s, int) { return html_escaped(s, apostrophe); });
    ASSERT_NE(page.find("&lt;Event xmlns="), std::string::npos);
    const auto fs = scan(page);
    EXPECT_EQ(keys(fs), keys(plain_fs));
    ASSERT_EQ(fs.size(), 1u);
    EXPECT_EQ(fs[0].rule, "event_xml");
    EXPECT_EQ(fs[0].event_id, plain_fs[0].event_id);
  }
  // "&lt;" of anything else opens nothing; a log line after it is read as before.
  EXPECT_EQ(keys(scan("a tag &lt;Eventually&gt; and &lt;b&gt;bold&lt;/b&gt;\n"
                      "Nov 24 22:13:20 host wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED reason=4\n")),
            (V{"2:ieee80211_reason:4"}));
}

TEST(PublishedText, ShortLinesOfTheirOwnAreNotJoined) {
  // Each line a log line of its own: a start that log lines have, or a head shorter than a wrap.
  EXPECT_TRUE(scan("wlan0: Trying to associate with 02:00:00:00:00:0a (SSID='Lab Net' freq=2412 MHz)\n"
                   "status: 0\n")
                  .empty());
  EXPECT_TRUE(scan("Nov 24 22:13:20 host wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED x\n"
                   "Nov 24 22:13:21 host cron[1]: job status=3\n")
                  .empty());
  EXPECT_TRUE(scan("wlan0: deauthenticating by local choice\nstatus=3\n").empty()) << "a head shorter than a wrap";
  // A code the neighbour gives alone is its own, not the next line's.
  EXPECT_EQ(keys(scan("Nov 24 22:13:20 host wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED reason=4\n"
                      "bssid=02:00:00:00:00:0b status: 0\n")),
            (V{"1:ieee80211_reason:4"}));
}

TEST(PublishedText, WrappedPieces) {
  const std::string head(60, 'x');
  EXPECT_TRUE(d::may_be_wrapped_head(head));
  EXPECT_FALSE(d::may_be_wrapped_head(head.substr(0, 40)));
  EXPECT_FALSE(d::may_be_wrapped_head(std::string(81, 'x')));
  EXPECT_FALSE(d::may_be_wrapped_head(head + " "));
  EXPECT_FALSE(d::may_be_wrapped_head(""));
  for (std::string_view s :
       {"bssid=02:00:00:00:00:01 reason=3", "reason=3", "02:00:00:00:00:01: reason code 3", "0x8A15 Reason: 0x4",
        "The computer is roaming.", "<MacRemoved>, status: 0", "ssid_len:4, reason:2"})
    EXPECT_TRUE(d::may_be_wrapped_continuation(s)) << s;
  for (std::string_view s : {"", " indented", "\tat frame", "Nov 24 22:13:20 host x", "2026-11-02 x", "12:00:01 x",
                             "[ 12.3] x", "<3>CTRL-EVENT", "I (123) wifi: x", "I/wpa_supplicant( 1): x", "wlan0: State",
                             "hostapd[12]: x", "WPA: x", "x:"})
    EXPECT_FALSE(d::may_be_wrapped_continuation(s)) << s;
  EXPECT_FALSE(d::may_be_wrapped_continuation(std::string(81, 'x')));
}

TEST(PublishedText, RsyslogEscapes) {
  EXPECT_EQ(undone("eth1:#011Deauth"), "eth1:\tDeauth");
  unsigned marks = 0;
  EXPECT_EQ(undone("#033[0;32mreason: x (6)#033[0m", &marks), "\x1b[0;32mreason: x (6)\x1b[0m");
  EXPECT_TRUE(marks & d::mark_esc) << "a decoded ESC is the colour stripper's";
  EXPECT_EQ(undone("eth1:\\011Deauth \\033[0m"), "eth1:\tDeauth \x1b[0m");  // sysklogd's prefix
  EXPECT_EQ(undone("reason=\\\"3\\\" C:\\Users"), "reason=\\\"3\\\" C:\\Users");
  EXPECT_EQ(undone("a#012b#015c#000d#177e"),
            "a b c d\x7f"
            "e");
  for (std::string_view s : {"issue #123", "#040 is a blank, not a control", "#01", "#0", "#", "#09x", "a#", "#1777"})
    EXPECT_EQ(undone(s), s == "#1777" ? std::string("\x7f") + "7" : std::string(s)) << s;
}

TEST(PublishedText, HtmlReferences) {
  EXPECT_EQ(undone("reason=&quot;3&quot; a&amp;b &lt;3&gt; it&apos;s &#39;x&#x27; &#X27;"),
            "reason=\"3\" a&b <3> it's 'x' '");
  EXPECT_EQ(undone("a&nbsp;b&#160;c"), "a b c");
  EXPECT_EQ(undone("caf&#233; &#x4E2D;"), "caf\xC3\xA9 \xE4\xB8\xAD");
  EXPECT_EQ(undone("&#0; &#xD800; &#x110000;"), "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
  EXPECT_EQ(undone("x&#10;y"), "x y");
  for (std::string_view s : {"&", "a & b", "&foo;", "&#;", "&#x;", "&quot", "&#12", "&#99999999;", "AT&T", "&#x41"}) {
    const std::string in(s);
    EXPECT_EQ(undone(in), in) << s;
  }
}

TEST(PublishedText, TypographicCharacters) {
  EXPECT_EQ(undone("\xE2\x80\x9C"
                   "3\xE2\x80\x9D \xE2\x80\x98x\xE2\x80\x99"),
            "\"3\" 'x'");
  EXPECT_EQ(undone("a\xC2\xA0"
                   "b\xE2\x80\xAF"
                   "c"),
            "a b c");
  // Other UTF-8, invalid or cut-short sequences stay as they are.
  for (std::string_view s :
       {"Raison : \xC3\xA9", "\xE2\x80", "\xE2", "\xC2", "\xE2\x82\xAC 5", "\xFF\xFE", "\xE2\x80\x94"}) {
    const std::string in(s);
    EXPECT_EQ(undone(in), in);
  }
}

TEST(PublishedText, LinesWithNothingToUndoAreNotCopied) {
  published_text p;
  for (std::string_view s : {std::string_view(""), std::string_view("plain reason=3"),
                             std::string_view("no escape # here"), std::string_view("nul\0byte", 8)}) {
    unsigned marks = d::pasted_marks(s);
    EXPECT_EQ(p.undo(s, marks).data(), s.data()) << s;
  }
  const std::string nul("a&quot;\0b", 9);
  EXPECT_EQ(undone(nul), std::string("a\"\0b", 4));
}

// The SIMD pass gives the marks a byte-at-a-time reading gives, at every length and place.
TEST(PublishedText, MarksNeverMissAByte) {
  std::mt19937 rng(7);
  const std::string alphabet = std::string("abc =:&#\\\x1b\x80\xC2\xE2") + '\0' + "3D";
  for (int round = 0; round < 4000; ++round) {
    std::string s(rng() % 200, 'x');
    for (char& c : s) c = rng() % 8 ? 'a' + static_cast<char>(rng() % 26) : alphabet[rng() % alphabet.size()];
    unsigned want = 0;
    for (char c : s) {
      const auto u = static_cast<unsigned char>(c);
      want |= u == 0x1b               ? d::mark_esc
              : u == '&'              ? d::mark_amp
              : u == '#' || u == '\\' ? d::mark_octal
              : u >= 0x80             ? d::mark_high
                                      : 0u;
    }
    if (s.find("3D") != std::string::npos) want |= d::mark_qp;
    const unsigned got = d::pasted_marks(s);
    EXPECT_EQ(got, want) << s;
  }
}

TEST(JournalJson, MessageOfEachExportForm) {
  EXPECT_EQ(message(R"({"__CURSOR":"s=1","MESSAGE":"wlan0: reason=\"3\" a\\b\ttab","_PID":"1"})"),
            "wlan0: reason=\"3\" a\\b\ttab");
  EXPECT_EQ(message("\t\"MESSAGE\" : \"x (6)\","), "x (6)");
  EXPECT_EQ(message("        \"MESSAGE\": \"eight blanks\""), "eight blanks");
  EXPECT_EQ(message(R"({"MESSAGE":[ 114, 61, 51, 10, 27 ]})"), "r=3 \x1b");
  EXPECT_EQ(message(R"({"log":"W (1) wifi: reason:15\n","stream":"stderr"})"), "W (1) wifi: reason:15");
  EXPECT_EQ(message(R"({"MESSAGE":"\u001b[0m\u00e9\ud83d\ude00\/"})"), "\x1b[0m\xC3\xA9\xF0\x9F\x98\x80/");
  EXPECT_EQ(message(R"({"MESSAGE":"\ud800x\udc00\u0000y"})"), "\xEF\xBF\xBDx\xEF\xBF\xBD y");
  EXPECT_EQ(message(R"({"MESSAGE":"cut short \u00)"), "cut short \\u00");
  EXPECT_EQ(message(R"({"MESSAGE":"line one\nline two"})"), "line one line two");
  EXPECT_EQ(message(R"({"MESSAGE":[ 65, 999, 66 ]})"), "A");
  EXPECT_EQ(message(R"({"MESSAGE":[ "first", "second" ]})"), "first");  // a field logged twice
}

TEST(JournalJson, OtherLinesStayAsTheyAre) {
  journal_json j;
  for (std::string_view s :
       {"", "plain line", "{\"event\":\"deauth\",\"reason_code\":7}", "{\"MESSAGE_ID\":\"x\"}", "\"MESSAGE\"",
        "\"MESSAGE\" : 3", "{\"a\":\"\\\"MESSAGE\\\": x\"}", "  indented text", "{", "\"", "{\"log\":3}"})
    EXPECT_EQ(j.message(s).data(), s.data()) << s;
}

}  // namespace
