// The record schema as visited fields (wlancode/scan_record.hpp), the summary's code label and the
// -j split conditions (wlancode/scan.hpp), against hand-typed expectations.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "wlancode/scan.hpp"
#include "wlancode/scan_json.hpp"
#include "wlancode/scan_record.hpp"

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"  // GCC bug 105329, as in test_json_record.cpp
#endif

namespace {
using namespace wlancode;

// Records what it is handed: "key=type" per field, and which strings were passed as stable.
struct recorder final : scan::record_visitor {
  std::vector<std::string> fields;
  std::vector<std::string> stable;
  std::vector<const char*> stable_addresses;
  void string(std::string_view k, std::string_view v, bool st) override {
    fields.push_back(std::string(k) + "=s");
    if (st) {
      stable.emplace_back(k);
      stable_addresses.push_back(v.data());
    }
  }
  void null(std::string_view k) override { fields.push_back(std::string(k) + "=null"); }
  void integer(std::string_view k, std::uint64_t) override { fields.push_back(std::string(k) + "=i"); }
  void number(std::string_view k, std::string_view t) override {
    fields.push_back(std::string(k) + "=n" + std::string(t));
  }
  void boolean(std::string_view k, bool v) override { fields.push_back(std::string(k) + (v ? "=true" : "=false")); }
  void begin_object(std::string_view k) override { fields.push_back(std::string(k) + "={"); }
  void end_object() override { fields.emplace_back("}"); }
};

scan::finding code_finding() {
  const code_info* c = find(family::ieee80211_reason, 3);
  scan::finding f;
  f.source = "x.log";
  f.line = 2;
  f.rule = "wpa_disconnected";
  f.field = "reason";
  f.fam = family::ieee80211_reason;
  f.has_value = true;
  f.value = 3;
  f.raw = "3";
  f.code = c;
  f.name = std::string(c->name);
  f.meaning = std::string(c->meaning.text);
  f.hint_cause = "cause";
  f.hint_action = "action";
  f.excerpt = "reason=3";
  return f;
}

TEST(RecordFields, SchemaOrderAndTypes) {
  recorder r;
  scan::visit_record(code_finding(), r);
  const std::vector<std::string> want = {"source=s",
                                         "line=i",
                                         "format=s",
                                         "rule=s",
                                         "confidence=n1.00",
                                         "field=s",
                                         "kind=s",
                                         "event=null",
                                         "family=s",
                                         "space=null",
                                         "value=i",
                                         "hex=s",
                                         "raw=s",
                                         "name=s",
                                         "meaning=s",
                                         "text=null",
                                         "mapping=null",
                                         "score=null",
                                         "phase=s",
                                         "initiator=s",
                                         "locally_generated=false",
                                         "hint={",
                                         "heuristic=true",
                                         "cause=s",
                                         "action=s",
                                         "}",
                                         "time=null",
                                         "timestamp=null",
                                         "event_id=null",
                                         "interface=null",
                                         "ssid=null",
                                         "bssid=null",
                                         "sta=null",
                                         "record=null",
                                         "excerpt=s",
                                         "truncated=false"};
  EXPECT_EQ(r.fields, want);
}

TEST(RecordFields, TableTextsAreStableAndPointIntoTheTable) {
  const scan::finding f = code_finding();
  recorder r;
  scan::visit_record(f, r);
  EXPECT_EQ(r.stable, (std::vector<std::string>{"format", "kind", "family", "name", "meaning", "phase", "initiator"}));
  EXPECT_EQ(r.stable_addresses[3], f.code->name.data());
  EXPECT_EQ(r.stable_addresses[4], f.code->meaning.text.data());
  // A meaning that is not the table's is the finding's own: not stable.
  scan::finding g = f;
  g.meaning = "other";
  recorder r2;
  scan::visit_record(g, r2);
  EXPECT_EQ(r2.stable, (std::vector<std::string>{"format", "kind", "family", "phase", "initiator"}));
  std::string json;
  scan::append_jsonl(json, g);
  EXPECT_NE(json.find("\"meaning\":\"other\""), std::string::npos) << json;
}

TEST(RecordFields, JsonOfTheSameCodeTwiceWithDifferentMeanings) {
  scan::finding f = code_finding();
  std::string a, b;
  scan::append_jsonl(a, f);
  f.meaning = "M";
  scan::append_jsonl(b, f);
  EXPECT_NE(a.find("\"meaning\":\"" + std::string(f.code->meaning.text) + "\""), std::string::npos);
  EXPECT_NE(b.find("\"meaning\":\"M\""), std::string::npos) << b;
}

TEST(RecordFields, ScoreOfMappedTexts) {
  scan::finding f;
  f.kind = scan::value_kind::text;
  f.code = find(family::ieee80211_reason, 3);
  f.score = 0.8125;
  recorder r;
  scan::visit_record(f, r);
  EXPECT_EQ(r.fields[17], "score=n0.812");  // %.3f, rounded to even as printf does
}

TEST(CodeLabel, EveryKind) {
  scan::finding f;
  f.text = std::string(100, 't');
  EXPECT_EQ(scan::code_label(f), "text:" + std::string(80, 't'));
  f.kind = scan::value_kind::raw;
  f.space = "win32_error";
  EXPECT_EQ(scan::code_label(f), "win32_error:" + std::string(80, 't'));
  f.has_value = true;
  f.value = 5;
  EXPECT_EQ(scan::code_label(f), "win32_error:5");
  f.raw = "0x5";
  EXPECT_EQ(scan::code_label(f), "win32_error:0x5");
  f.fam = family::ieee80211_reason;
  f.value = 999;
  EXPECT_EQ(scan::code_label(f), "ieee80211_reason:999");
  // A DOT11_ASSOC_STATUS range holding an 802.11 status in its low bits (0x30011: status 17).
  f.fam = family::dot11_assoc_status;
  f.value = 0x30011;
  EXPECT_EQ(scan::code_label(f), "Association response range: WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA");
  f.value = 0x3FFFF;  // the range, but no listed status in it
  EXPECT_EQ(scan::code_label(f), "dot11_assoc_status:262143");
  f.name = "SOME_NAME";
  EXPECT_EQ(scan::code_label(f), "SOME_NAME");
  scan::finding empty;
  EXPECT_EQ(scan::code_label(empty), "text:");
}

TEST(Splittable, TheSplitConditionsOfJ) {
  using scan::input_format;
  const auto split = [](std::string_view head, input_format forced = input_format::automatic) {
    const auto at = scan::splittable(head, forced);
    return at ? static_cast<int>(*at) : -1;
  };
  EXPECT_EQ(split("Nov 21 dev wpa_supplicant: reason=3\n"), 0);
  EXPECT_EQ(split("\xEF\xBB\xBFline\n"), 3);
  EXPECT_EQ(split(""), 0);
  EXPECT_EQ(split("\x1F\x8B\x08\x00"), -1);                     // gzip
  EXPECT_EQ(split("\xFF\xFEl\0i\0", input_format::plain), -1);  // UTF-16
  EXPECT_EQ(split(std::string_view("a\0b\n", 4)), -1);          // a NUL byte
  EXPECT_EQ(split("one\rtwo\r"), -1);                           // CR-only
  EXPECT_EQ(split("one\r\ntwo\r\n"), 0);
  EXPECT_EQ(split("line\n", input_format::event_xml), -1);      // a forced container
  EXPECT_EQ(split("line\n", input_format::wpa_supplicant), 0);  // a producer
  EXPECT_EQ(split("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>\n"), -1);
  EXPECT_EQ(scan::text_offset("one\rtwo\r"), std::nullopt);
  EXPECT_EQ(scan::text_offset("\xEF\xBB\xBF"), 3u);
  EXPECT_EQ(scan::split_head_bytes, 65536u);
}

}  // namespace
