// Terminal colour codes (a console's output captured with them, or pasted without their ESC byte)
// change nothing a line says: the same findings, timestamps and events as the plain line, and an
// excerpt without them.
#include <gtest/gtest.h>

#include <string>

#include "../../src/scan/terminal_colours.hpp"
#include "helpers.hpp"

namespace {

using namespace scan_test;
using wlancode::scan::detail::colour_stripper;

std::string stripped(std::string_view s) {
  colour_stripper c;
  return std::string(c.strip(s));
}

TEST(TerminalColours, EscapeSequencesGoEverywhere) {
  EXPECT_EQ(stripped("\x1b[0;32mI (36157) wifi: connected\x1b[0m"), "I (36157) wifi: connected");
  EXPECT_EQ(stripped("\x1b[32m[  812.121877] \x1b[0m\x1b[33mwlan0: \x1b[0mdeauthenticated"),
            "[  812.121877] wlan0: deauthenticated");
  EXPECT_EQ(stripped("a\x1b[1;31;40mb\x1b[mc\x1b[Kd\x1b[2Je"), "abcde");  // SGR, erase line, erase screen
  EXPECT_EQ(stripped("\x1b[38;5;208mx\x1b[0m"), "x");                     // 256-colour parameters
}

TEST(TerminalColours, CodesThatLostTheirEscapeGoOnALineEndingWithAReset) {
  EXPECT_EQ(stripped("[0;31mE (4321) wifi_sta: Disconnected, reason: 201[0m"),
            "E (4321) wifi_sta: Disconnected, reason: 201");
  EXPECT_EQ(stripped("10:00:01.123 -> [0;33mW (5123) wifi:sta disconnected, reason:15[0m  "),
            "10:00:01.123 -> W (5123) wifi:sta disconnected, reason:15  ");
  EXPECT_EQ(stripped("[1;31m<err> wifi_mgmt: Disconnected (status 15)[m"), "<err> wifi_mgmt: Disconnected (status 15)");
}

TEST(TerminalColours, OtherTextStaysAsPrinted) {
  for (std::string_view s : {"", "plain line reason=3", "[0;31mE (4321) no reset at the end", "table[0m] = 1", "x[0m y",
                             "a\x1b"
                             "b (an ESC alone)",
                             "cut short \x1b[0;3", "[  812.121877] wlan0: (Reason: 3)", "array[0;1m[0m"}) {
    colour_stripper c;
    const std::string_view out = c.strip(s);
    if (s == "array[0;1m[0m") {
      EXPECT_EQ(out, "array[0;1m") << "a word is before the inner code: only the final reset goes";
      continue;
    }
    EXPECT_EQ(out, s);
    EXPECT_EQ(out.data(), s.data()) << "a line without codes is not copied: " << s;
  }
  const std::string nul("\x1b[0mreason=3\0tail\x1b[0m", 21);
  EXPECT_EQ(stripped(nul), std::string("reason=3\0tail", 13));
}

// ESP-IDF, Arduino, dmesg --color and journalctl lines, with and without their ESC bytes, against
// the same lines printed plain: the same codes, events and timestamps.
TEST(TerminalColours, ColouredLinesGiveWhatThePlainLinesGive) {
  const std::string plain =
      "I (36157) wifi:state: run -> init (fc0)\n"
      "W (36160) wifi:sta disconnected, reason:15\n"
      "E (36170) wifi_sta: Disconnected, reason: 201\n"
      "[  812.121877] wlan0: deauthenticated from 02:00:00:00:00:01 (Reason: 3=DEAUTH_LEAVING)\n"
      "Nov 24 22:13:20 laptop wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=4\n"
      "[  9012][E][WiFiGeneric.cpp:1061] _eventCallback(): Reason: 202 - AUTH_FAIL\n";
  const std::string with_esc =
      "\x1b[0;32mI (36157) wifi:state: run -> init (fc0)\x1b[0m\n"
      "\x1b[0;33mW (36160) wifi:sta disconnected, reason:15\x1b[0m\r\n"
      "\x1b[0;31mE (36170) wifi_sta: Disconnected, reason: 201\x1b[0m\n"
      "\x1b[32m[  812.121877] \x1b[0m\x1b[33mwlan0: \x1b[0mdeauthenticated from 02:00:00:00:00:01 (Reason: "
      "3=DEAUTH_LEAVING)\n"
      "Nov 24 22:13:20 laptop wpa_supplicant[812]: \x1b[0;1;39mwlan0: CTRL-EVENT-DISCONNECTED "
      "bssid=02:00:00:00:00:01 reason=4\x1b[0m\n"
      "\x1b[0;31m[  9012][E][WiFiGeneric.cpp:1061] _eventCallback(): Reason: 202 - AUTH_FAIL\x1b[0m\n";
  const std::string lost_esc =
      "[0;32mI (36157) wifi:state: run -> init (fc0)[0m\n"
      "[0;33mW (36160) wifi:sta disconnected, reason:15[0m\n"
      "[0;31mE (36170) wifi_sta: Disconnected, reason: 201[0m\n"
      "[  812.121877] wlan0: deauthenticated from 02:00:00:00:00:01 (Reason: 3=DEAUTH_LEAVING)\n"
      "Nov 24 22:13:20 laptop wpa_supplicant[812]: [0;1;39mwlan0: CTRL-EVENT-DISCONNECTED "
      "bssid=02:00:00:00:00:01 reason=4[0m\n"
      "[0;31m[  9012][E][WiFiGeneric.cpp:1061] _eventCallback(): Reason: 202 - AUTH_FAIL[0m\n";
  wlancode::scan::options o;
  o.events = true;
  const auto run = [&](const std::string& data) {
    std::vector<wlancode::scan::finding> out;
    wlancode::scan::scan_memory(data, "mem", o, [&](const wlancode::scan::finding& x) { out.push_back(x); });
    return out;
  };
  const auto want = run(plain);
  ASSERT_GE(want.size(), 7u);  // four codes' lines, two events, an Arduino reason
  for (const std::string* coloured : {&with_esc, &lost_esc}) {
    const auto got = run(*coloured);
    ASSERT_EQ(keys(got), keys(want));
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].kind, want[i].kind) << i;
      EXPECT_EQ(got[i].event, want[i].event) << i;
      EXPECT_EQ(got[i].timestamp, want[i].timestamp) << i;
      EXPECT_EQ(got[i].excerpt, want[i].excerpt) << i;
      EXPECT_EQ(got[i].rule, want[i].rule) << i;
    }
  }
}

// A secret cut up by colour codes is still a secret.
TEST(TerminalColours, CodesDoNotHideASecret) {
  const auto fs =
      scan("wlan0: CTRL-EVENT-DISCONNECTED reason=3 \x1b[1mpsk\x1b[0m=\"S3CRET1\" pass\x1b[0mword=S3CRET2\x1b[0m\n");
  ASSERT_EQ(keys(fs), V{"1:ieee80211_reason:3"});
  EXPECT_EQ(fs[0].excerpt.find("S3CRET"), std::string::npos) << fs[0].excerpt;
}

}  // namespace
