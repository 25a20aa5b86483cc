// The attempt state machine: producers told together, interleaved interfaces, a missing start
// line, restatements, bounded memory, time axes, redaction.
#include <gtest/gtest.h>

#include <map>

#include "helpers.hpp"
#include "internal.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;
using wlancode::diagnose::analyzer;

TEST(Attempts, SupplicantAndNetworkManagerTellOneAttempt) {
  const std::string log =
      "2026-11-21T10:00:00+00:00 laptop NetworkManager[7]: <info>  [1.0] device (wlan0): Activation: starting "
      "connection 'Corp' (uuid)\n"
      "2026-11-21T10:00:00+00:00 laptop wpa_supplicant[8]: wlan0: SME: Trying to authenticate with 02:00:00:00:00:01 "
      "(SSID='Corp' freq=5180 MHz)\n"
      "2026-11-21T10:00:00+00:00 laptop kernel: wlan0: authenticate with 02:00:00:00:00:01\n"
      "2026-11-21T10:00:00+00:00 laptop kernel: wlan0: authenticated\n"
      "2026-11-21T10:00:00+00:00 laptop kernel: wlan0: associated\n"
      "2026-11-21T10:00:01+00:00 laptop wpa_supplicant[8]: wlan0: WPA: Key negotiation completed with "
      "02:00:00:00:00:01 [PTK=CCMP GTK=CCMP]\n"
      "2026-11-21T10:00:01+00:00 laptop wpa_supplicant[8]: wlan0: CTRL-EVENT-CONNECTED - Connection to "
      "02:00:00:00:00:01 completed [id=0 id_str=]\n"
      "2026-11-21T10:00:01+00:00 laptop NetworkManager[7]: <info>  [1.5] device (wlan0): supplicant interface state: "
      "4way_handshake -> completed\n"
      "2026-11-21T10:00:02+00:00 laptop NetworkManager[7]: <info>  [2.0] dhcp4 (wlan0): state changed new lease, "
      "address=192.168.1.2\n"
      "2026-11-21T10:00:02+00:00 laptop NetworkManager[7]: <info>  [2.1] device (wlan0): state change: secondaries -> "
      "activated (reason 'none', sys-iface-state: 'managed')\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(attempts_of(r), V{"1 succeeded unknown unknown none"});
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_TRUE(r.groups[0].sessions[0].open);
  EXPECT_TRUE(r.groups[0].sessions[0].ip_configured);
  EXPECT_EQ(r.verdict, "The connection attempt succeeded");
  // 1.0 s from the first step to connected.
  const auto& a = r.groups[0].attempts[0];
  EXPECT_EQ(a.end.ns - a.start.ns, 1'000'000'000);
}

TEST(Attempts, InterleavedInterfacesAreTwoDevices) {
  const std::string log =
      "Nov 21 10:00:00 ap wpa_supplicant[8]: wlan0: Trying to associate with 02:00:00:00:00:01 (SSID='A' freq=5180 "
      "MHz)\n"
      "Nov 21 10:00:00 ap wpa_supplicant[8]: wlan1: Trying to associate with 02:00:00:00:00:02 (SSID='B' freq=2412 "
      "MHz)\n"
      "Nov 21 10:00:01 ap wpa_supplicant[8]: wlan1: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:02 status_code=17\n"
      "Nov 21 10:00:01 ap wpa_supplicant[8]: wlan0: CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:00:01 completed "
      "[id=0 id_str=]\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 2u);
  std::map<std::string, std::string> by_ifc;
  for (const auto& g : r.groups) by_ifc[g.interface + "/" + g.ssid] = std::string(to_string(g.attempts[0].result));
  EXPECT_EQ(by_ifc["wlan0/A"], "succeeded");
  EXPECT_EQ(by_ifc["wlan1/B"], "failed");
}

// Files whose lines name no host are each their own device (an ESP32's console and a PC's trace
// are not one device because neither names a host): one group per file, which says its file; a
// file that names its host is known by the host.
TEST(Attempts, FilesWithoutAHostAreTheirOwnDevices) {
  analyzer an;
  wlancode::scan::options o;
  o.events = true;
  wlancode::timeline tl;
  const auto feed = [&](std::string_view log, const char* source) {
    wlancode::scan::scan_memory(
        log, source, o, [&](const wlancode::scan::finding& f) { an.add(f, tl.resolve(f.timestamp, f.excerpt)); });
    an.add_input(source);
  };
  const std::string esp = "I (5130) wifi:state: init -> auth (b0)\nW (5200) wifi:sta disconnected, reason:15\n";
  feed(esp, "esp32.log");
  feed(esp, "esp32-second-board.log");
  feed(
      "Nov 21 10:00:01 laptop wpa_supplicant[8]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:02 "
      "status_code=17\n",
      "syslog");
  const auto r = an.finish();
  ASSERT_EQ(r.groups.size(), 3u);
  std::map<std::string, std::uint64_t> by_device;
  for (const auto& g : r.groups) by_device[g.host + "|" + g.file + "|" + g.interface] += g.attempts_total;
  EXPECT_EQ(by_device, (std::map<std::string, std::uint64_t>{
                           {"|esp32.log|", 1}, {"|esp32-second-board.log|", 1}, {"laptop||wlan0", 1}}));
}

TEST(Attempts, MissingStartLineStillGivesTheFailure) {
  const std::string log =
      "Nov 21 10:40:09 laptop wpa_supplicant[8]: wlan0: CTRL-EVENT-AUTH-REJECT 02:00:00:00:00:02 auth_type=0 "
      "auth_transaction=2 status_code=15\n";
  EXPECT_EQ(attempts_of(diagnose(log)), V{"1 failed authentication ap ap_rejected"});
}

TEST(Attempts, RestatedFailureIsOneAttempt) {
  const std::string log =
      "2026-11-21T10:00:00+00:00 laptop wpa_supplicant[8]: wlp2s0: Trying to associate with 02:00:00:00:00:01 "
      "(SSID='Corp' freq=5180 MHz)\n"
      "2026-11-21T10:00:00+00:00 laptop wpa_supplicant[8]: wlp2s0: Associated with 02:00:00:00:00:01\n"
      "2026-11-21T10:00:04+00:00 laptop wpa_supplicant[8]: wlp2s0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 "
      "reason=15\n"
      "2026-11-21T10:00:05+00:00 laptop NetworkManager[7]: <info>  [2.0] device (wlp2s0): Activation: (wifi) asking "
      "for new secrets\n"
      "2026-11-21T10:00:05+00:00 laptop NetworkManager[7]: <info>  [2.1] device (wlp2s0): state change: config -> "
      "failed (reason 'no-secrets', sys-iface-state: 'managed')\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_of(r), V{"1 failed key_exchange ap wrong_password"});
}

TEST(Attempts, QuietAfterAssociationMeansConnected) {
  // A kernel log alone has no "connected" line: association, then nothing for minutes.
  const std::string log =
      "[  812.104233] wlan0: authenticate with 02:00:00:00:00:01\n"
      "[  812.122300] wlan0: associated\n"
      "[ 1804.553120] wlan0: deauthenticated from 02:00:00:00:00:01 (Reason: 3=DEAUTH_LEAVING)\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_of(r), V{"1 succeeded unknown unknown none"});
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_FALSE(r.groups[0].sessions[0].open);
}

TEST(Attempts, UnfinishedAttemptIsUnknown) {
  const std::string log = "wlan0: Trying to associate with 02:00:00:00:00:01 (SSID='Corp' freq=5180 MHz)\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_of(r), V{"1 unknown unknown unknown none"});
}

TEST(Attempts, CodesWithoutEventsOnAnAccessPointAreNotAttempts) {
  const std::string log =
      "Jan  2 10:00:01 ap hostapd: wlan0: STA 02:00:00:00:00:09 MLME: "
      "MLME-DEAUTHENTICATE.indication(02:00:00:00:00:09, 2)\n";
  const auto r = diagnose(log);
  EXPECT_TRUE(r.groups.empty());
  EXPECT_EQ(r.verdict, "No Wi-Fi connection attempts found (1 findings)");
}

TEST(Attempts, MemoryIsBoundedWhateverTheInput) {
  wlancode::diagnose::limits lim;
  lim.max_attempts_per_group = 50;
  wlancode::diagnose::analyzer an(lim);
  wlancode::scan::options o;
  o.events = true;
  std::string log;
  for (int i = 0; i < 2000; ++i) {
    // Alternating codes: no two neighbours collapse.
    log += "wlan0: Trying to associate with 02:00:00:00:00:01 (SSID='Corp' freq=5180 MHz)\n";
    log +=
        "wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:01 status_code=" + std::to_string(i % 2 ? 17 : 1) + "\n";
  }
  wlancode::scan::scan_memory(log, "big.log", o, [&](const wlancode::scan::finding& f) { an.add(f, {}); });
  const auto r = an.finish();
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].attempts.size(), 50u);
  EXPECT_EQ(r.groups[0].attempts_total, 2000u);
  EXPECT_EQ(r.groups[0].failed, 2000u);
  EXPECT_EQ(r.groups[0].attempts_capped, 1950u);
  ASSERT_FALSE(r.notes.empty());
  // Past the cap, attempts are not listed but still counted by cause, phase and who ended them.
  std::uint64_t tallied = 0;
  for (const auto& t : r.groups[0].capped_failures) {
    EXPECT_EQ(t.failed_at, wlancode::phase::association);
    EXPECT_EQ(t.ended_by, wlancode::diagnose::ender::ap);
    tallied += t.count;
  }
  EXPECT_EQ(tallied, 1950u);
  std::uint64_t by_cause = 0;
  for (const auto& c : r.causes) by_cause += c.attempts;
  EXPECT_EQ(by_cause, 2000u);  // status 17 (AP full) and 1 (AP refused): every attempt has a cause
  const std::string json = wlancode::diagnose::to_json(r);
  EXPECT_NE(json.find("\"by_phase\":{\"association\":2000}"), std::string::npos)
      << json.substr(json.find("by_phase"), 80);
}

TEST(Attempts, CollapsedRunsKeepCounts) {
  std::string log;
  for (int i = 0; i < 500; ++i) {
    log += "wlan0: Trying to associate with 02:00:00:00:00:01 (SSID='Corp' freq=5180 MHz)\n";
    log += "wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:01 status_code=17\n";
  }
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].attempts.size(), 1u);
  EXPECT_EQ(r.groups[0].attempts[0].count, 500u);
}

TEST(Attempts, HostOfSyslogLines) {
  using wlancode::diagnose::detail::host_of;
  EXPECT_EQ(host_of("Nov 21 10:00:01 laptop wpa_supplicant[812]: wlan0: x", "Nov 21 10:00:01"), "laptop");
  // OpenWrt logread: facility.level, no host.
  EXPECT_EQ(host_of("Sat Mar  2 08:15:40 2024 daemon.notice hostapd: wlan0: x", "Sat Mar  2 08:15:40 2024"), "");
  EXPECT_EQ(host_of("Sat Mar  2 08:15:40 2024 kern.info kernel: [ 1.0] wlan0: x", "Sat Mar  2 08:15:40 2024"), "");
  EXPECT_EQ(host_of("Nov 21 10:00:01 ap.lan hostapd: wlan0: x", "Nov 21 10:00:01"), "ap.lan");
  // ChromeOS syslog: the level, no host.
  EXPECT_EQ(host_of("2024-03-02T08:15:40.1Z INFO shill[1234]: [INFO:service.cc(490)] x", "2024-03-02T08:15:40.1Z"), "");
  EXPECT_EQ(host_of("2024-03-02T08:15:40.1Z WARNING wpa_supplicant[900]: wlan0: x", "2024-03-02T08:15:40.1Z"), "");
  EXPECT_EQ(host_of("2026-11-21T10:00:01+01:00 pc-7 NetworkManager[7]: <info>", "2026-11-21T10:00:01+01:00"), "pc-7");
  EXPECT_EQ(host_of("<34>1 2026-11-21T10:00:01Z router hostapd 12 - - msg", "2026-11-21T10:00:01Z"), "router");
  EXPECT_EQ(host_of("Nov 21 10:00:01 kernel: wlan0: x", "Nov 21 10:00:01"), "");  // no host field
  EXPECT_EQ(host_of("[  812.1] wlan0: associated", "[  812.1]"), "");
  EXPECT_EQ(host_of("wlan0: associated", ""), "");
  EXPECT_EQ(host_of("", ""), "");
  EXPECT_EQ(host_of("Nov 21 10:00:01 <bad> prog: x", "Nov 21 10:00:01"), "");
}

TEST(Attempts, EmptyAndGarbageInput) {
  EXPECT_TRUE(diagnose("").groups.empty());
  std::string garbage;
  for (int i = 0; i < 5000; ++i) garbage += static_cast<char>((i * 7919) % 256);
  const auto r = diagnose(garbage);
  EXPECT_FALSE(r.verdict.empty());
  EXPECT_NE(wlancode::diagnose::to_json(r).find("\"schema\":\"wlancode-diagnose/1\""), std::string::npos);
}

TEST(Attempts, JsonEscapesHostileValues) {
  const std::string log =
      "wlan0: Trying to associate with 02:00:00:00:00:01 (SSID='</script><b>\x1b[31m' freq=5180 MHz)\n"
      "wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:01 status_code=17\n";
  const std::string json = wlancode::diagnose::to_json(diagnose(log));
  EXPECT_EQ(json.find('\x1b'), std::string::npos);  // no terminal escape gets through
  EXPECT_NE(json.find("\"verdict\":\"1 of 1 attempts to `</script><b>"), std::string::npos) << json;
}

}  // namespace

namespace {
// A disconnect after "associated" (the key exchange never finished) failed in the key exchange,
// not in the association phase the reason code's table row names; the scan that fails right
// after is the supplicant busy, not a second attempt.
TEST(Attempts, FailurePhaseIsNeverBeforeWhatTheAttemptReached) {
  const std::string log =
      "Mar  3 08:00:00 tablet wpa_supplicant[90]: wlan0: Trying to associate with 02:00:00:00:00:0a (SSID='Shop' "
      "freq=2437 MHz)\n"
      "Mar  3 08:00:00 tablet wpa_supplicant[90]: wlan0: Associated with 02:00:00:00:00:0a\n"
      "Mar  3 08:00:10 tablet wpa_supplicant[90]: wlan0: Authentication with 02:00:00:00:00:0a timed out.\n"
      "Mar  3 08:00:10 tablet wpa_supplicant[90]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:0a reason=3 "
      "locally_generated=1\n"
      "Mar  3 08:00:13 tablet wpa_supplicant[90]: wlan0: CTRL-EVENT-SCAN-FAILED ret=-16\n";
  const auto r = diagnose(log);
  const auto a = attempts_of(r);
  ASSERT_EQ(a.size(), 1u) << r.verdict;
  EXPECT_EQ(a[0].substr(0, 30), "1 failed key_exchange device w");  // ... wrong_password
}

// A failed scan is retried by the supplicant: it is no attempt, and ends none.
TEST(Attempts, FailedScansAreNoAttempts) {
  const std::string log =
      "Mar  3 09:00:00 tablet wpa_supplicant[90]: wlan0: CTRL-EVENT-SCAN-FAILED ret=-16\n"
      "Mar  3 09:00:05 tablet wpa_supplicant[90]: wlan0: Trying to associate with 02:00:00:00:00:0a (SSID='Shop' "
      "freq=2437 MHz)\n"
      "Mar  3 09:00:06 tablet wpa_supplicant[90]: wlan0: CTRL-EVENT-SCAN-FAILED ret=-16 retry=1\n"
      "Mar  3 09:00:06 tablet wpa_supplicant[90]: wlan0: Associated with 02:00:00:00:00:0a\n"
      "Mar  3 09:00:07 tablet wpa_supplicant[90]: wlan0: CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:00:0a "
      "completed [id=0 id_str=]\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_of(r), V{"1 succeeded unknown unknown none"});
}
}  // namespace

namespace {
// The code printed first on a line without the interface, then the event that tells the same
// failure: one attempt of the interface, not an inferred one beside it.
TEST(Attempts, ACodeThenItsEventIsOneAttempt) {
  const std::string log =
      "2026-03-03 10:00:00.100 wpa_supplicant[5]: nl80211: Connect event (status=17 "
      "ignore_next_local_disconnect=0)\n"
      "2026-03-03 10:00:00.101 wpa_supplicant[5]: wlan0: Event ASSOC_REJECT (12) received\n"
      "2026-03-03 10:00:00.102 wpa_supplicant[5]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:0b "
      "status_code=17\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_of(r), V{"1 failed association ap ap_full"});
  // Far from any event, the code is an attempt of its own.
  const auto alone = diagnose(
      "2026-03-03 10:00:00.100 wpa_supplicant[5]: nl80211: Connect event (status=17 "
      "ignore_next_local_disconnect=0)\n"
      "2026-03-03 10:05:00.000 wpa_supplicant[5]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:0b "
      "status_code=17\n");
  EXPECT_EQ(attempts_of(alone).size(), 2u);
}

// A code told again on the next line (an event line with the code, then "Reason: N - NAME") is
// one failure; a different code after it is another.
TEST(Attempts, ACodeToldAgainIsOneFailure) {
  const std::string log =
      "[  1200][V][WiFiGeneric.cpp:362] _arduino_event_cb(): STA Disconnected: SSID: Lab, BSSID: "
      "02:00:00:00:00:0c, Reason: 15\n"
      "[  1201][W][WiFiGeneric.cpp:1061] _eventCallback(): Reason: 15 - 4WAY_HANDSHAKE_TIMEOUT\n"
      "[  4200][V][WiFiGeneric.cpp:362] _arduino_event_cb(): STA Disconnected: SSID: Lab, BSSID: "
      "02:00:00:00:00:0c, Reason: 201\n"
      "[  4201][W][WiFiGeneric.cpp:1061] _eventCallback(): Reason: 201 - NO_AP_FOUND\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_of(r).size(), 2u) << r.verdict;
}
}  // namespace

namespace {
// A log that begins while connected and shows the link ending: that session, up before the log,
// ends with its reason and who ended it (no attempt is made up). A later disconnect of the same
// device is not another such session.
TEST(Attempts, AConnectionUpBeforeTheLogEndsInIt) {
  const std::string log =
      "Mar  3 11:00:00 pi wpa_supplicant[44]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:0d reason=16\n"
      "Mar  3 11:00:00 pi NetworkManager[40]: <info>  [1.0] device (wlan0): supplicant interface state: completed -> "
      "disconnected\n"
      "Mar  3 11:00:30 pi wpa_supplicant[44]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:0d reason=3 "
      "locally_generated=1\n";
  const auto r = diagnose(log);
  EXPECT_TRUE(attempts_of(r).empty());
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  const auto& s = r.groups[0].sessions[0];
  EXPECT_TRUE(s.before_log);
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.ended_by, wlancode::diagnose::ender::ap);
  ASSERT_TRUE(s.end_code.has_value());
  EXPECT_EQ(s.end_code->ref, "ieee80211_reason:16");
  EXPECT_EQ(s.start.clk, wlancode::instant::clock::none);
  EXPECT_NE(cause_id(s.cause), "wrong_password");  // a group key rekey timing out is no password
  EXPECT_EQ(r.verdict.rfind("No connection attempt in the log; 1 connection that was up before it ended", 0), 0u)
      << r.verdict;
}
}  // namespace
