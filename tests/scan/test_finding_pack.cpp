// The packed form -j hands findings over in: every field survives, records follow one another.
#include <gtest/gtest.h>

#include "finding_pack.hpp"
#include "wlancode/codes.hpp"

namespace {
using namespace wlancode;
using namespace wlancode::scan;

finding sample() {
  finding f;
  f.source = "kept by the reader";
  f.line = 123456789012ull;
  f.record = 42;
  f.format = input_format::wpa_supplicant;
  f.rule = "wpa_disconnected";
  f.confidence = 0.85;
  f.field = "reason";
  f.kind = value_kind::event;
  f.event = event_kind::disconnected;
  f.fam = family::ieee80211_reason;
  f.space = "eap_reason";
  f.has_value = true;
  f.value = 0xFFFFFFFFu;
  f.raw = "-3";
  f.code = find(family::ieee80211_reason, 3);
  f.name = "WLAN_REASON_DEAUTH_LEAVING";
  f.meaning = std::string(5000, 'm');  // longer than a chunk's slack
  f.text = "leaving";
  f.mapping = "exact";
  f.score = 0.5;
  f.ph = phase::association;
  f.init = initiator::system;
  f.locally_generated = true;
  f.hint_cause = "cause";
  f.hint_action = "action";
  f.timestamp = "Nov 21 10:40:01";
  f.event_id = "8003";
  f.interface = "wlan0";
  f.ssid = std::string("a\0b", 3);  // NUL bytes are bytes
  f.bssid = "02:00:00:00:00:01";
  f.sta = "02:00:00:00:00:02";
  f.connection = "0x1f";
  f.time.clk = instant::clock::utc;
  f.time.ns = -5;
  f.time.digits = 6;
  f.excerpt = "the line";
  f.line_truncated = true;
  f.last_on_line = true;
  return f;
}

void expect_same(const finding& a, const finding& b) {
  EXPECT_EQ(a.line, b.line);
  EXPECT_EQ(a.record, b.record);
  EXPECT_EQ(a.format, b.format);
  EXPECT_EQ(a.rule, b.rule);
  EXPECT_EQ(a.confidence, b.confidence);
  EXPECT_EQ(a.field, b.field);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.event, b.event);
  EXPECT_EQ(a.fam, b.fam);
  EXPECT_EQ(a.space, b.space);
  EXPECT_EQ(a.has_value, b.has_value);
  EXPECT_EQ(a.value, b.value);
  EXPECT_EQ(a.raw, b.raw);
  EXPECT_EQ(a.code, b.code);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.meaning, b.meaning);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.mapping, b.mapping);
  EXPECT_EQ(a.score, b.score);
  EXPECT_EQ(a.ph, b.ph);
  EXPECT_EQ(a.init, b.init);
  EXPECT_EQ(a.locally_generated, b.locally_generated);
  EXPECT_EQ(a.hint_cause, b.hint_cause);
  EXPECT_EQ(a.hint_action, b.hint_action);
  EXPECT_EQ(a.timestamp, b.timestamp);
  EXPECT_EQ(a.event_id, b.event_id);
  EXPECT_EQ(a.interface, b.interface);
  EXPECT_EQ(a.ssid, b.ssid);
  EXPECT_EQ(a.bssid, b.bssid);
  EXPECT_EQ(a.sta, b.sta);
  EXPECT_EQ(a.connection, b.connection);
  EXPECT_EQ(a.time, b.time);
  EXPECT_EQ(a.excerpt, b.excerpt);
  EXPECT_EQ(a.line_truncated, b.line_truncated);
  EXPECT_EQ(a.last_on_line, b.last_on_line);
}

TEST(FindingPack, EveryFieldButTheSourceSurvives) {
  const finding f = sample();
  std::string buf;
  detail::pack_finding(buf, f);
  finding g;
  g.source = "the merger's";
  EXPECT_EQ(detail::unpack_finding(buf.data(), g), buf.data() + buf.size());
  expect_same(f, g);
  EXPECT_EQ(g.source, "the merger's");
}

TEST(FindingPack, UnpackingOverAFullerFindingClearsWhatTheRecordLacks) {
  finding empty;  // no family, no strings
  std::string buf;
  detail::pack_finding(buf, empty);
  finding g = sample();
  detail::unpack_finding(buf.data(), g);
  EXPECT_FALSE(g.fam.has_value());
  EXPECT_TRUE(g.excerpt.empty());
  EXPECT_TRUE(g.ssid.empty());
  EXPECT_EQ(g.code, nullptr);
  EXPECT_FALSE(g.last_on_line);
}

TEST(FindingPack, RecordsAndLearntSsidsFollowOneAnother) {
  std::string buf;
  const finding f = sample();
  detail::pack_learnt(buf, 7, 0xABCDEFull, "Corp WiFi");
  detail::pack_finding(buf, f);
  detail::pack_learnt(buf, 8, 1, "");
  std::uint64_t line = 0, key = 0;
  std::string ssid = "old";
  const char* p = detail::unpack_learnt(buf.data(), line, key, ssid);
  EXPECT_EQ(line, 7u);
  EXPECT_EQ(key, 0xABCDEFull);
  EXPECT_EQ(ssid, "Corp WiFi");
  finding g;
  p = detail::unpack_finding(p, g);
  expect_same(f, g);
  p = detail::unpack_learnt(p, line, key, ssid);
  EXPECT_EQ(line, 8u);
  EXPECT_EQ(key, 1u);
  EXPECT_EQ(ssid, "");
  EXPECT_EQ(p, buf.data() + buf.size());
}
}  // namespace
