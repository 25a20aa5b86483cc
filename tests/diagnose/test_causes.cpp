// Every diagnosis rule of src/diagnose/causes.def, each with a realistic event sequence in the
// format of the producer that prints it (lines written for these tests).
#include <gtest/gtest.h>

#include <set>

#include "helpers.hpp"
#include "internal.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;

TEST(Causes, WrongPasswordFromRepeatedHandshakeFailures) {
  std::string log;
  for (int i = 0; i < 3; ++i) {
    const std::string t = "Nov 21 10:4" + std::to_string(i) + ":0";
    log += t +
           "1 laptop wpa_supplicant[812]: wlan0: SME: Trying to authenticate with 02:00:00:00:00:01 (SSID='Corp' "
           "freq=5180 MHz)\n";
    log +=
        t +
        "1 laptop wpa_supplicant[812]: wlan0: Trying to associate with 02:00:00:00:00:01 (SSID='Corp' freq=5180 MHz)\n";
    log += t + "1 laptop wpa_supplicant[812]: wlan0: Associated with 02:00:00:00:00:01\n";
    log += t + "5 laptop wpa_supplicant[812]: wlan0: WPA: 4-Way Handshake failed - pre-shared key may be incorrect\n";
    log += t +
           "5 laptop wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=15 "
           "locally_generated=1\n";
    log += t + "5 laptop wpa_supplicant[812]: wlan0: CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"Corp\" auth_failures=" +
           std::to_string(i + 1) + " duration=10 reason=WRONG_KEY\n";
  }
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].ssid, "Corp");
  EXPECT_EQ(r.groups[0].host, "laptop");
  EXPECT_EQ(r.groups[0].interface, "wlan0");
  EXPECT_EQ(attempts_of(r), V{"3 failed key_exchange device wrong_password"});
  EXPECT_EQ(r.groups[0].failed, 3u);
  ASSERT_FALSE(r.causes.empty());
  EXPECT_EQ(cause_id(r.causes[0].cause), "wrong_password");
  EXPECT_EQ(r.verdict, "3 of 3 attempts to `Corp` failed; most likely cause: Wrong password (pre-shared key)");
  // The decisive code is the reason of the disconnect, and it was sent by this device.
  const auto& a = r.groups[0].attempts[0];
  std::size_t decisive = 0;
  for (const auto& c : a.codes)
    if (c.decisive) {
      ++decisive;
      EXPECT_EQ(c.ref, "ieee80211_reason:15");
      EXPECT_TRUE(c.locally_generated);
    }
  EXPECT_EQ(decisive, 1u);
}

TEST(Causes, ApFullByThreeApsThenConnected) {
  std::string log;
  for (int i = 1; i <= 3; ++i) {
    const std::string b = "02:00:00:00:00:0" + std::to_string(i);
    log += "2026-11-21T10:40:0" + std::to_string(i) +
           "+00:00 laptop wpa_supplicant[1]: wlan0: Trying to associate with " + b + " (SSID='Corp' freq=2412 MHz)\n";
    log += "2026-11-21T10:40:0" + std::to_string(i) +
           ".5+00:00 laptop wpa_supplicant[1]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=" + b + " status_code=17\n";
  }
  log +=
      "2026-11-21T10:53:00+00:00 laptop wpa_supplicant[1]: wlan0: Trying to associate with 02:00:00:00:00:09 "
      "(SSID='Corp' freq=5180 MHz)\n";
  log += "2026-11-21T10:53:00+00:00 laptop wpa_supplicant[1]: wlan0: Associated with 02:00:00:00:00:09\n";
  log +=
      "2026-11-21T10:53:01+00:00 laptop wpa_supplicant[1]: wlan0: CTRL-EVENT-CONNECTED - Connection to "
      "02:00:00:00:00:09 completed [id=0 id_str=]\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(attempts_of(r), (V{"3 failed association ap ap_full", "1 succeeded unknown unknown none"}));
  const auto& run = r.groups[0].attempts[0];
  EXPECT_EQ(run.bssids.size(), 3u);
  EXPECT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_TRUE(r.groups[0].sessions[0].open);
  EXPECT_EQ(r.groups[0].sessions[0].bssid, "02:00:00:00:00:09");
  const std::string json = wlancode::diagnose::to_json(r);
  EXPECT_NE(json.find("3 × association rejected: 802.11 status 17"), std::string::npos) << json;
  EXPECT_NE(json.find("by 3 APs"), std::string::npos);
  EXPECT_NE(json.find("then connected at 2026-11-21T10:53:01Z to 02:00:00:00:00:09"), std::string::npos);
}

TEST(Causes, EapFailureFromTheSupplicant) {
  const std::string log =
      "Nov 21 09:00:00 pc wpa_supplicant[9]: wlp3s0: SME: Trying to authenticate with 02:00:00:00:00:0a (SSID='Staff' "
      "freq=5500 MHz)\n"
      "Nov 21 09:00:00 pc wpa_supplicant[9]: wlp3s0: Associated with 02:00:00:00:00:0a\n"
      "Nov 21 09:00:00 pc wpa_supplicant[9]: wlp3s0: CTRL-EVENT-EAP-STARTED EAP authentication started\n"
      "Nov 21 09:00:02 pc wpa_supplicant[9]: wlp3s0: CTRL-EVENT-EAP-FAILURE EAP authentication failed\n"
      "Nov 21 09:00:02 pc wpa_supplicant[9]: wlp3s0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:0a reason=23\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_of(r), V{"1 failed eap auth_server eap_failure"});
}

TEST(Causes, EapFailureFromWindowsEvents) {
  const std::string log =
      "Log Name:      Microsoft-Windows-WLAN-AutoConfig/Operational\n"
      "Source:        Microsoft-Windows-WLAN-AutoConfig\n"
      "Date:          2026-11-21T08:00:00.000\n"
      "Event ID:      8000\n"
      "Description:\nWLAN AutoConfig service started a connection to a wireless network.\n"
      "\tSSID: Staff\n\n"
      "Log Name:      Microsoft-Windows-WLAN-AutoConfig/Operational\n"
      "Source:        Microsoft-Windows-WLAN-AutoConfig\n"
      "Date:          2026-11-21T08:00:03.000\n"
      "Event ID:      12013\n"
      "Description:\nWireless 802.1x authentication failed.\n"
      "\tSSID: Staff\n"
      "\tReason Code: Explicit Eap failure received (0x50005)\n\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].ssid, "Staff");
  EXPECT_EQ(attempts_of(r), V{"1 failed eap auth_server eap_failure"});
}

TEST(Causes, NotFoundOnEspFirmware) {
  const std::string log =
      "I (5123) wifi:new:<6,0>, old:<1,0>, ap:<255,255>, sta:<6,0>, prof:1\n"
      "W (8151) wifi station: connect to the AP fail\n"
      "I (8152) wifi station: retry to connect to the AP\n"
      "[  9836][V][WiFiGeneric.cpp:362] _arduino_event_cb(): STA Disconnected: SSID: Home, BSSID: 02:00:00:00:00:0c, "
      "Reason: 201\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(attempts_of(r), V{"1 failed discovery device not_found"});
  EXPECT_TRUE(r.groups[0].attempts[0].inferred);
}

TEST(Causes, WeakSignalEndsASession) {
  const std::string log =
      "[  812.104233] wlan0: authenticate with 02:00:00:00:00:0d\n"
      "[  812.115530] wlan0: authenticated\n"
      "[  812.116402] wlan0: associate with 02:00:00:00:00:0d (try 1/3)\n"
      "[  812.122300] wlan0: associated\n"
      "[ 2201.000000] wlan0: Connection to AP 02:00:00:00:00:0d lost\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(attempts_of(r), V{"1 succeeded unknown unknown none"});
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  const auto& s = r.groups[0].sessions[0];
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.ended_by, wlancode::diagnose::ender::ap);
  EXPECT_EQ(cause_id(s.cause), "weak_signal");
  EXPECT_EQ(r.groups[0].first.clk, wlancode::instant::clock::relative);
}

TEST(Causes, FailedRoamEndsTheSession) {
  const std::string log =
      "Nov 21 10:00:00 laptop wpa_supplicant[5]: wlan0: Trying to associate with 02:00:00:00:00:01 (SSID='Corp' "
      "freq=5180 MHz)\n"
      "Nov 21 10:00:00 laptop wpa_supplicant[5]: wlan0: CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:00:01 "
      "completed [id=0 id_str=]\n"
      "Nov 21 10:30:00 laptop wpa_supplicant[5]: wlan0: SME: Trying to authenticate with 02:00:00:00:00:02 "
      "(SSID='Corp' freq=2412 MHz)\n"
      "Nov 21 10:30:01 laptop wpa_supplicant[5]: wlan0: SME: Authentication timed out\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(attempts_of(r), (V{"1 succeeded unknown unknown none", "1 failed authentication device roaming"}));
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_FALSE(r.groups[0].sessions[0].open);
  EXPECT_TRUE(r.groups[0].attempts[1].roam);
}

TEST(Causes, RadioOffByName) {
  const std::string log =
      "[0]0A1C.0B2C::11/21/2026-10:12:40.001234 [Microsoft-Windows-WLAN-AutoConfig]Disconnect status "
      "WDI_ASSOC_STATUS_RADIO_OFF\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_of(r), V{"1 failed driver user radio_off"});
}

TEST(Causes, IpFailureAfterAGoodAssociation) {
  const std::string log =
      "2026-11-21T10:00:01+01:00 laptop NetworkManager[7]: <info>  [1763715601.0] device (wlp2s0): Activation: "
      "starting connection 'Corp' (4c1d5a6e-0000-4000-8000-000000000001)\n"
      "2026-11-21T10:00:02+01:00 laptop NetworkManager[7]: <info>  [1763715602.0] device (wlp2s0): supplicant "
      "interface state: 4way_handshake -> completed\n"
      "2026-11-21T10:00:47+01:00 laptop NetworkManager[7]: <info>  [1763715647.0] device (wlp2s0): state change: "
      "ip-config -> failed (reason 'ip-config-unavailable', sys-iface-state: 'managed')\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(attempts_of(r), V{"1 failed ip_config device ip_failure"});
}

// The association response's "status=0" is its report of success: it decides no failure, and
// says nothing about who ended the attempt (the device gave up waiting for DHCP).
TEST(Causes, IpFailureIsNotDecidedByTheAssociationsSuccessStatus) {
  const std::string log =
      "Mar 03 09:14:03 lap kernel: wlp2s0: associate with 02:00:00:aa:00:02 (try 1/3)\n"
      "Mar 03 09:14:03 lap kernel: wlp2s0: RX AssocResp from 02:00:00:aa:00:02 (capab=0x1411 status=0 aid=5)\n"
      "Mar 03 09:14:03 lap kernel: wlp2s0: associated\n"
      "Mar 03 09:14:03 lap wpa_supplicant[901]: wlp2s0: CTRL-EVENT-CONNECTED - Connection to 02:00:00:aa:00:02 "
      "completed [id=0 id_str=]\n"
      "Mar 03 09:14:48 lap NetworkManager[812]: <info>  [1709457288.5230] device (wlp2s0): state change: ip-config "
      "-> failed (reason 'ip-config-unavailable', sys-iface-state: 'managed')\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(attempts_with_codes(r), V{"1 failed ip_config device -"});
  ASSERT_EQ(r.groups[0].attempts.size(), 1u);
  EXPECT_EQ(r.groups[0].attempts[0].summary.find("status 0"), std::string::npos) << r.groups[0].attempts[0].summary;
}

// A long meaning in an attempt's summary is cut between words, and says so.
TEST(Causes, SummaryCutsAMeaningBetweenWords) {
  const auto r = diagnose(
      "wlan0: Trying to associate with 02:00:00:00:00:31 (SSID='Lab' freq=2412 MHz)\n"
      "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:31 reason=3 locally_generated=1\n");
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].attempts.size(), 1u);
  const std::string& s = r.groups[0].attempts[0].summary;
  const std::size_t open = s.find("802.11 reason 3 (");
  ASSERT_NE(open, std::string::npos) << s;
  const std::size_t close = s.find(')', open);
  ASSERT_NE(close, std::string::npos) << s;
  const std::string meaning = s.substr(open + 17, close - open - 17);
  EXPECT_LE(meaning.size(), 80u);
  EXPECT_TRUE(meaning.ends_with("...")) << meaning;
  EXPECT_NE(meaning[meaning.size() - 4], ' ') << meaning;
}

// An attempt whose failing step the log does not show (its start line is missing, and the line
// that ends it names no step) says so in words, not "failed in unknown".
TEST(Causes, SummaryOfAFailureAtAnUnseenStep) {
  const auto r = diagnose(
      "Sep 04 04:36:54 pi wpa_supplicant[24]: wlan0: CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"Lab\" "
      "auth_failures=2 duration=20 reason=CONN_FAILED\n");
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].attempts.size(), 1u);
  const wlancode::diagnose::attempt& a = r.groups[0].attempts[0];
  EXPECT_EQ(a.failed_at, wlancode::phase::unknown);
  EXPECT_EQ(a.summary.rfind("failed (at a step the log does not show)", 0), 0u) << a.summary;
  EXPECT_EQ(a.summary.find("unknown"), std::string::npos) << a.summary;
}

TEST(Causes, SecurityMismatch) {
  const std::string log =
      "wlan0: Trying to associate with 02:00:00:00:00:21 (SSID='Lab' freq=2412 MHz)\n"
      "wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:21 status_code=43\n";
  EXPECT_EQ(attempts_of(diagnose(log)), V{"1 failed association ap security_mismatch"});
}

TEST(Causes, ApRejectedAuthentication) {
  const std::string log =
      "wlan0: SME: Trying to authenticate with 02:00:00:00:00:22 (SSID='Lab' freq=2412 MHz)\n"
      "wlan0: CTRL-EVENT-AUTH-REJECT 02:00:00:00:00:22 auth_type=0 auth_transaction=2 status_code=1\n";
  EXPECT_EQ(attempts_of(diagnose(log)), V{"1 failed authentication ap ap_rejected"});
}

TEST(Causes, ApDroppedTheSession) {
  const std::string log =
      "[  10.000000] wlan0: authenticate with 02:00:00:00:00:23\n"
      "[  10.010000] wlan0: associated\n"
      "[  10.100000] wlan0: CTRL-EVENT-CONNECTED\n"
      "[ 900.000000] wlan0: deauthenticated from 02:00:00:00:00:23 (Reason: 6=CLASS2_FRAME_FROM_NONAUTH_STA)\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_EQ(cause_id(r.groups[0].sessions[0].cause), "ap_dropped");
  EXPECT_EQ(r.groups[0].sessions[0].ended_by, wlancode::diagnose::ender::ap);
}

TEST(Causes, Windows8003TextSaysWhoEnded) {
  const std::string head =
      "Log Name:      Microsoft-Windows-WLAN-AutoConfig/Operational\nSource:        "
      "Microsoft-Windows-WLAN-AutoConfig\n";
  const std::string log =
      head +
      "Date:          2026-11-21T08:00:00.000\nEvent ID:      8001\nDescription:\n"
      "WLAN AutoConfig service has successfully connected to a wireless network.\n\tSSID: Home\n\n" +
      head +
      "Date:          2026-11-21T09:00:00.000\nEvent ID:      8003\nDescription:\n"
      "WLAN AutoConfig service has successfully disconnected from a wireless network.\n\tSSID: Home\n"
      "\tReason: The network is disconnected by the driver.\n\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  const auto& s = r.groups[0].sessions[0];
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.ended_by, wlancode::diagnose::ender::driver);
  ASSERT_TRUE(s.end_code);
  EXPECT_EQ(s.end_code->space, "event_8003_reason");
}

// The 8003 reason texts known beyond English's driver/user ones, each to its ender.
TEST(Causes, Windows8003TextsOfPolicyAndPortuguese) {
  using wlancode::diagnose::ender;
  using wlancode::diagnose::detail::ender_of_text;
  EXPECT_EQ(ender_of_text("The network is disconnected due to a policy disabling auto connect on this interface."),
            ender::device);
  EXPECT_EQ(ender_of_text("A rede est\xC3\xA1 desconectada pelo driver."), ender::driver);
  EXPECT_EQ(ender_of_text("A rede est\xC3\xA1 desconectada porque o usu\xC3\xA1rio quer estabelecer uma nova "
                          "conex\xC3\xA3o."),
            ender::user);
  EXPECT_EQ(ender_of_text("The network is disconnected because of something new."), ender::unknown);
}

// A session's cause shows the line that prints the code it ended with, not only the line that
// ended it: an ESP8266 says "state: 5 -> 0" first, the reason three lines on.
TEST(Causes, SessionEvidenceIsItsEndCodesLine) {
  const auto r = diagnose(
      "state: 5 -> 0 (200)\n"
      "rm 0\n"
      "pm close 7 0 0/10001588\n"
      "D (41210) event: SYSTEM_EVENT_STA_DISCONNECTED, ssid:Lab, ssid_len:3, bssid:02:00:00:00:00:41, "
      "reason:204\n");
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  ASSERT_TRUE(r.groups[0].sessions[0].end_code);
  ASSERT_EQ(r.causes.size(), 1u);
  ASSERT_FALSE(r.causes[0].lines.empty());
  EXPECT_EQ(r.causes[0].lines[0].line, 4u);
}

// An attempt that shows two causes with the same confidence gets the one whose row comes first in
// causes.def, whatever each row tests (the rows named are those of causes.def today).
int cause_id(std::string_view id) {
  const auto all = wlancode::diagnose::causes();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].id == id) return static_cast<int>(i);
  return -2;
}
std::string_view matched(const wlancode::diagnose::attempt& a) {
  const int c = wlancode::diagnose::detail::match_attempt(a).cause;
  return c < 0 ? "none" : wlancode::diagnose::causes()[static_cast<std::size_t>(c)].id;
}
wlancode::diagnose::attempt failed_attempt(std::vector<wlancode::scan::event_kind> steps, std::vector<int> statuses) {
  wlancode::diagnose::attempt a;
  a.result = wlancode::diagnose::outcome::failed;
  for (auto k : steps) a.steps.push_back({k, {}, {}});
  for (int v : statuses) {
    wlancode::diagnose::code_seen c;
    c.fam = wlancode::family::ieee80211_status;
    c.has_value = true;
    c.value = static_cast<std::uint32_t>(v);
    c.ref = "ieee80211_status:" + std::to_string(v);
    a.codes.push_back(c);
  }
  return a;
}

TEST(Causes, TiesGoToTheFirstRow) {
  using wlancode::phase;
  using wlancode::scan::event_kind;
  ASSERT_GE(cause_id("security_mismatch"), 0);
  // A code row (status 13, 0.7) before an event row (not_found, 0.7).
  EXPECT_EQ(matched(failed_attempt({event_kind::not_found}, {13})), "security_mismatch");
  EXPECT_EQ(matched(failed_attempt({event_kind::not_found}, {})), "not_found");
  // An event row (eap_failure, 0.8) before a code row (status 17, 0.8).
  EXPECT_EQ(matched(failed_attempt({event_kind::eap_failure}, {17})), "eap_failure");
  EXPECT_EQ(matched(failed_attempt({event_kind::attempt_started}, {17})), "ap_full");
  // A failed_at row (key_exchange, 0.5) before an event row (assoc_rejected, 0.5).
  auto a = failed_attempt({event_kind::assoc_rejected}, {});
  a.failed_at = phase::key_exchange;
  EXPECT_EQ(matched(a), "wrong_password");
  a.failed_at = phase::association;
  EXPECT_EQ(matched(a), "ap_rejected");
  // A code row (status 30, 0.55) before the roam row (0.55).
  a = failed_attempt({}, {30});
  a.roam = true;
  EXPECT_EQ(matched(a), "ap_full");
  a.codes.clear();
  EXPECT_EQ(matched(a), "roaming");
  // The most confident wins over the first: status 17 (0.8) over status 13 (0.7), either order.
  EXPECT_EQ(matched(failed_attempt({}, {13, 17})), "ap_full");
  EXPECT_EQ(matched(failed_attempt({}, {17, 13})), "ap_full");
  // Nothing to match, and attempts that did not fail.
  EXPECT_EQ(matched(failed_attempt({}, {})), "none");
  a = failed_attempt({event_kind::key_rejected}, {17});
  a.result = wlancode::diagnose::outcome::succeeded;
  EXPECT_EQ(matched(a), "none");
}

// The matcher remembers the last codes' rows: it must answer as match_attempt on every attempt,
// whatever came before (codes that differ in one field only, more codes than it remembers).
TEST(Causes, MatcherAgreesWithMatchAttempt) {
  using wlancode::diagnose::code_seen;
  std::vector<code_seen> codes;
  auto add = [&](std::optional<wlancode::family> fam, bool has_value, std::string ref, std::string name,
                 std::string space = {}, std::string carried_ref = {}, std::string carried_name = {}) {
    code_seen c;
    c.fam = fam;
    c.has_value = has_value;
    c.ref = std::move(ref);
    c.name = std::move(name);
    c.space = std::move(space);
    c.carried_ref = std::move(carried_ref);
    c.carried_name = std::move(carried_name);
    codes.push_back(c);
  };
  const auto status = wlancode::family::ieee80211_status, reason = wlancode::family::ieee80211_reason;
  add(status, true, "ieee80211_status:17", "");              // ap_full, 0.8
  add(status, true, "ieee80211_status:17", "PSK_MISMATCH");  // the same ref, a name that says more
  add(status, false, "ieee80211_status:17", "");             // no value: no code row
  add(std::nullopt, true, "ieee80211_status:17", "");        // no family: no code row
  add(reason, true, "ieee80211_reason:4", "");
  add(reason, true, "ieee80211_reason:99", "", "", "ieee80211_status:13");  // carried
  add(reason, true, "ieee80211_reason:99", "", "", "", "BEACON_TIMEOUT");   // carried name
  add(std::nullopt, false, "raw:eap_reason:0x1", "", "eap_reason");
  add(std::nullopt, false, "raw:eap_reason:0x1", "", "win32_error");  // the same ref, another space
  add(std::nullopt, false, "text:radio off", "RADIO_OFF");
  add(std::nullopt, false, "text:nothing", "");
  add(status, true, "ieee80211_status:13", "");
  ASSERT_GT(codes.size(), 8u);  // more than the matcher remembers
  wlancode::diagnose::detail::cause_matcher matcher;
  unsigned seed = 3;
  int named = 0;
  for (int i = 0; i < 400; ++i) {
    seed = seed * 1103515245u + 12345u;
    auto a = failed_attempt({}, {});
    for (int n = static_cast<int>(seed >> 28) % 3; n >= 0; --n) {
      seed = seed * 1103515245u + 12345u;
      a.codes.push_back(codes[(seed >> 16) % codes.size()]);
    }
    if ((seed >> 8) % 4 == 0) a.steps.push_back({wlancode::scan::event_kind::not_found, {}, {}});
    const auto expected = wlancode::diagnose::detail::match_attempt(a);
    const auto got = matcher(a);
    ASSERT_EQ(got.cause, expected.cause) << i;
    ASSERT_EQ(got.confidence, expected.confidence) << i;
    named += expected.cause >= 0;
  }
  EXPECT_GT(named, 100);  // the attempts did match causes
  // Hand-typed: the same ref with a name that matches a more confident row.
  EXPECT_EQ(matched(failed_attempt({}, {17})), "ap_full");
  auto a = failed_attempt({}, {});
  a.codes.push_back(codes[1]);
  EXPECT_EQ(matcher(a).cause, cause_id("wrong_password"));
  a.codes[0] = codes[0];
  EXPECT_EQ(matcher(a).cause, cause_id("ap_full"));
}

TEST(Causes, EveryCauseIsTestedAndDescribed) {
  std::set<std::string_view> ids;
  for (const auto& c : wlancode::diagnose::causes()) {
    EXPECT_FALSE(c.title.empty());
    EXPECT_FALSE(c.check.empty());
    EXPECT_TRUE(ids.insert(c.id).second);
  }
  // The tests above cover each cause (keep this list in step with causes.def).
  const std::set<std::string_view> tested = {"wrong_password", "eap_failure", "ap_full",   "security_mismatch",
                                             "not_found",      "weak_signal", "roaming",   "radio_off",
                                             "ip_failure",     "ap_rejected", "ap_dropped"};
  EXPECT_EQ(ids, tested);
}

}  // namespace
