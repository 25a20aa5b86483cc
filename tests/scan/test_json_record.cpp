// The library's JSONL record writer (wlancode/scan_json.hpp), against hand-typed records.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "wlancode/scan_json.hpp"

// GCC 12 warns, wrongly, on assigning short literals to std::string members at -O2 (GCC bug 105329).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

namespace {
using namespace wlancode;

std::string escaped(std::string_view s) {
  std::string out;
  scan::append_json_string(out, s);
  return out;
}

TEST(ScanJson, StringEscaping) {
  EXPECT_EQ(escaped(""), "\"\"");
  EXPECT_EQ(escaped("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(escaped(std::string("x\0y", 3)), "\"x\\u0000y\"");
  EXPECT_EQ(escaped("\x1b[31m"), "\"\\u001B[31m\"");
  EXPECT_EQ(escaped("\x7f"), "\"\\u007F\"");
  EXPECT_EQ(escaped("\xc2\x9b"), "\"\\u009B\"");                    // C1 CSI
  EXPECT_EQ(escaped("caf\xc3\xa9"), "\"caf\xc3\xa9\"");             // valid UTF-8 kept
  EXPECT_EQ(escaped("\xff\xfe"), "\"\\uFFFD\\uFFFD\"");             // invalid bytes
  EXPECT_EQ(escaped("\xed\xa0\x80"), "\"\\uFFFD\\uFFFD\\uFFFD\"");  // a surrogate
  EXPECT_EQ(escaped("\xe2\x82"), "\"\\uFFFD\\uFFFD\"");             // truncated sequence
  const std::string long_plain(1000, 'a');
  EXPECT_EQ(escaped(long_plain + "\n"), "\"" + long_plain + "\\u000A\"");
}

// The buffer primitive writes what append_json_string appends, and never more than
// json_escaped_max: the worst cases (every byte a control, invalid, a C1 control) fill it.
TEST(ScanJson, EscapeIntoABufferStaysWithinItsBound) {
  const std::vector<std::string> inputs = {"",
                                           "plain",
                                           std::string(200, '\x01'),
                                           std::string(200, '\xff'),
                                           "\xc2\x80\xc2\x9f",
                                           std::string(33, '"') + std::string(31, '\\'),
                                           "tail\x7f",
                                           std::string(1000, 'b') + "\xe2\x82"};
  for (const std::string& in : inputs) {
    std::vector<char> buf(scan::json_escaped_max(in.size()) + 16, '#');
    char* const end = scan::escape_json_into(buf.data(), in);
    const auto n = static_cast<std::size_t>(end - buf.data());
    EXPECT_LE(n, scan::json_escaped_max(in.size()));
    EXPECT_EQ(std::string(buf.data(), n), escaped(in));
    for (std::size_t i = n; i < buf.size(); ++i) ASSERT_EQ(buf[i], '#') << "wrote past its end";
  }
  // The bound is reached: 6 bytes for each control byte, plus the quotes.
  std::vector<char> buf(scan::json_escaped_max(3));
  EXPECT_EQ(static_cast<std::size_t>(scan::escape_json_into(buf.data(), "\x01\x02\x03") - buf.data()),
            scan::json_escaped_max(3));
}

// The vector paths copy plain runs in blocks of 32 or 64 bytes: every length around those blocks,
// with one byte that needs an escape at every place, gives what the escape of one byte gives.
TEST(ScanJson, EscapeAtEveryPlaceOfEveryBlock) {
  for (const char special : {'"', '\\', '\n', '\x7f'}) {
    const std::string esc = special == '"'    ? "\\\""
                            : special == '\\' ? "\\\\"
                            : special == '\n' ? "\\u000A"
                                              : "\\u007F";
    for (std::size_t n = 1; n <= 140; ++n) {
      for (std::size_t at = 0; at < n; ++at) {
        std::string in(n, 'x');
        for (std::size_t i = 0; i < n; ++i) in[i] = static_cast<char>('a' + i % 26);
        in[at] = special;
        const std::string want = "\"" + in.substr(0, at) + esc + in.substr(at + 1) + "\"";
        std::vector<char> buf(scan::json_escaped_max(n) + 8, '#');
        const auto got = static_cast<std::size_t>(scan::escape_json_into(buf.data(), in) - buf.data());
        ASSERT_EQ(std::string(buf.data(), got), want) << "length " << n << ", escape at " << at;
        for (std::size_t i = got; i < buf.size(); ++i) ASSERT_EQ(buf[i], '#') << "wrote past its end";
      }
    }
  }
}
TEST(ScanJson, HexAndConfidence) {
  EXPECT_EQ(scan::hex(family::wlan_reason, 0x38004), "0x00038004");
  EXPECT_EQ(scan::hex(family::ieee80211_reason, 3), "0x0003");
  EXPECT_EQ(scan::hex32(0xFFFFFFFFu), "0xFFFFFFFF");
  EXPECT_EQ(scan::confidence_text(1.0), "1.00");
  EXPECT_EQ(scan::confidence_text(0.85), "0.85");
  EXPECT_EQ(scan::confidence_text(0.0), "0.00");
  scan::finding f;
  EXPECT_EQ(scan::value_hex(f), "");
  f.has_value = true;
  f.value = 5;
  EXPECT_EQ(scan::value_hex(f), "0x00000005");  // raw: 32 bits
  f.fam = family::ieee80211_status;
  EXPECT_EQ(scan::value_hex(f), "0x0005");
}

TEST(ScanJson, ContextFieldsInSchemaOrder) {
  std::vector<std::string> keys;
  for (const scan::context_field& c : scan::context_fields()) keys.emplace_back(c.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"timestamp", "event_id", "interface", "ssid", "bssid", "sta"}));
}

scan::finding raw_finding() {
  scan::finding f;
  f.source = "a\"b.log";
  f.line = 7;
  f.format = scan::input_format::plain;
  f.rule = "generic";
  f.confidence = 0.6;
  f.field = "reason";
  f.kind = scan::value_kind::raw;
  f.space = "eap_reason";
  f.has_value = true;
  f.value = 42;
  f.raw = "42";
  f.ssid = "home";
  f.excerpt = "reason=42\x01";
  f.line_truncated = true;
  return f;
}

TEST(ScanJson, RawFindingRecord) {
  std::string s = "prefix";
  scan::append_jsonl(s, raw_finding());
  EXPECT_EQ(s,
            "prefix{\"source\":\"a\\\"b.log\",\"line\":7,\"format\":\"plain\",\"rule\":\"generic\","
            "\"confidence\":0.60,\"field\":\"reason\",\"kind\":\"raw\",\"event\":null,\"family\":null,\"space\":\"eap_"
            "reason\","
            "\"value\":42,\"hex\":\"0x0000002A\",\"raw\":\"42\",\"name\":null,\"meaning\":null,\"text\":null,"
            "\"mapping\":null,\"score\":null,\"phase\":\"unknown\",\"initiator\":\"unknown\","
            "\"locally_generated\":false,\"hint\":null,\"time\":null,\"timestamp\":null,\"event_id\":null,"
            "\"interface\":null,\"ssid\":\"home\",\"bssid\":null,\"sta\":null,\"record\":null,"
            "\"excerpt\":\"reason=42\\u0001\","
            "\"truncated\":true}\n");
}

// `time` beside the printed timestamp: ISO 8601 UTC with its precision, or a time since boot.
TEST(ScanJson, TimeBesideTheTimestamp) {
  scan::finding f = raw_finding();
  f.timestamp = "11/21/2023-10:12:40.001234";
  f.time = instant{instant::clock::utc, 1'700'561'560'001'234'000LL, 6, false, false, false};
  std::string s;
  scan::append_jsonl(s, f);
  EXPECT_NE(s.find(",\"time\":\"2023-11-21T10:12:40.001234Z\",\"timestamp\":\"11/21/2023-10:12:40.001234\","),
            std::string::npos)
      << s;
  f.timestamp = "[  812.121877]";
  f.time = instant{instant::clock::relative, 812'121'877'000LL, 6, false, false, false};
  s.clear();
  scan::append_jsonl(s, f);
  EXPECT_NE(s.find(",\"time\":\"+812.121877s\",\"timestamp\":\"[  812.121877]\","), std::string::npos) << s;
}

TEST(ScanJson, CodeFindingRecordSameOnEveryThread) {
  const code_info* c = find(family::ieee80211_reason, 3);
  ASSERT_NE(c, nullptr);
  scan::finding f;
  f.source = "x";
  f.line = 1;
  f.rule = "wpa_disconnected";
  f.field = "reason";
  f.fam = family::ieee80211_reason;
  f.has_value = true;
  f.value = 3;
  f.raw = "3";
  f.code = c;
  f.name = std::string(c->name);
  f.meaning = "M";
  f.ph = c->phase;
  f.init = c->initiator;
  f.locally_generated = true;
  f.hint_cause = "C";
  f.hint_action = "A";
  std::string one;
  scan::append_jsonl(one, f);
  std::string want = ",\"family\":\"ieee80211_reason\",\"space\":null,\"value\":3,\"hex\":\"0x0003\",\"raw\":\"3\",";
  want.append("\"name\":\"").append(c->name).append("\",\"meaning\":\"M\",");
  EXPECT_NE(one.find(want), std::string::npos) << one;
  EXPECT_NE(one.find(",\"locally_generated\":true,\"hint\":{\"heuristic\":true,\"cause\":\"C\",\"action\":\"A\"},"),
            std::string::npos)
      << one;
  std::vector<std::string> out(4);
  std::vector<std::thread> ts;
  for (auto& o : out)
    ts.emplace_back([&o, &f] {
      for (int i = 0; i < 100; ++i) {
        o.clear();
        scan::append_jsonl(o, f);
      }
    });
  for (auto& t : ts) t.join();
  for (const auto& o : out) EXPECT_EQ(o, one);
}
TEST(ScanJson, EvtxRecordIdentifier) {
  scan::finding f = raw_finding();
  f.line = 0;
  f.record = 18446744073709551615u;
  std::string s;
  scan::append_jsonl(s, f);
  EXPECT_NE(s.find(",\"line\":0,"), std::string::npos);
  EXPECT_NE(s.find(",\"sta\":null,\"record\":18446744073709551615,\"excerpt\":"), std::string::npos);
}

}  // namespace
