// Attempts from the lifecycle events of producers other than the desktop Linux stack: Android
// logcat (wpa_supplicant lines and its -d state changes), NetworkManager 0.8-1.2, ESP8266 SDK,
// ESP-IDF v5, hostapd as an access point. Each log is written by the project in the producer's
// format; the expectations are hand-typed: outcome, failing phase, who ended it, decisive code.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;

// Codes the attempts and sessions hold (the blob's hex words must give none).
std::size_t codes_of(const wlancode::diagnose::report& r) {
  std::size_t n = 0;
  for (const auto& g : r.groups) {
    for (const auto& a : g.attempts) n += a.codes.size();
    for (const auto& s : g.sessions) n += s.end_code ? 1 : 0;
  }
  return n;
}

TEST(Producers, AndroidLogcatThreadtimeSupplicant) {
  const std::string log =
      "03-02 08:15:40.101  1877  1990 I wpa_supplicant: wlan0: SME: Trying to authenticate with 02:00:00:00:10:01 "
      "(SSID='Corp' freq=5180 MHz)\n"
      "03-02 08:15:40.150  1877  1990 I wpa_supplicant: wlan0: Trying to associate with 02:00:00:00:10:01 "
      "(SSID='Corp' freq=5180 MHz)\n"
      "03-02 08:15:40.170  1877  1990 I wpa_supplicant: wlan0: Associated with 02:00:00:00:10:01\n"
      "03-02 08:15:44.200  1877  1990 I wpa_supplicant: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:10:01 "
      "reason=15\n"
      "03-02 08:15:44.210  1877  1990 I wpa_supplicant: wlan0: CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"Corp\" "
      "auth_failures=1 duration=10 reason=WRONG_KEY\n"
      "03-02 08:16:10.000  1877  1990 I wpa_supplicant: wlan0: Trying to associate with 02:00:00:00:10:01 "
      "(SSID='Corp' freq=5180 MHz)\n"
      "03-02 08:16:10.070  1877  1990 I wpa_supplicant: wlan0: Associated with 02:00:00:00:10:01\n"
      "03-02 08:16:10.210  1877  1990 I wpa_supplicant: wlan0: CTRL-EVENT-CONNECTED - Connection to "
      "02:00:00:00:10:01 completed [id=0 id_str=]\n"
      "03-02 08:20:00.000  1877  1990 I wpa_supplicant: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:10:01 "
      "reason=3\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r),
            (V{"1 failed key_exchange ap ieee80211_reason:15", "1 succeeded unknown unknown -"}));
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].ssid, "Corp");
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_EQ(r.groups[0].sessions[0].ended_by, wlancode::diagnose::ender::ap);
  ASSERT_TRUE(r.groups[0].sessions[0].end_code);
  EXPECT_EQ(r.groups[0].sessions[0].end_code->ref, "ieee80211_reason:3");
}

TEST(Producers, AndroidLogcatBriefAssocRejectThenSuccess) {
  const std::string log =
      "I/wpa_supplicant( 1043): wlan0: Trying to associate with 02:00:00:00:10:02 (SSID='Home' freq=2437 MHz)\n"
      "I/wpa_supplicant( 1043): wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:10:02 status_code=17\n"
      "I/wpa_supplicant( 1043): wlan0: Trying to associate with 02:00:00:00:10:02 (SSID='Home' freq=2437 MHz)\n"
      "I/wpa_supplicant( 1043): wlan0: Associated with 02:00:00:00:10:02\n"
      "I/wpa_supplicant( 1043): wlan0: CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:10:02 completed [id=1 "
      "id_str=]\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)),
            (V{"1 failed association ap ieee80211_status:17", "1 succeeded unknown unknown -"}));
}

TEST(Producers, SupplicantDebugStatesAlone) {
  // A logcat filtered on "wlan0: State:": the 4-way handshake never completes, then it does.
  const std::string log =
      "03-02 08:15:40.100   922   922 D wpa_supplicant: wlan0: State: DISCONNECTED -> SCANNING\n"
      "03-02 08:15:41.100   922   922 D wpa_supplicant: wlan0: State: SCANNING -> ASSOCIATING\n"
      "03-02 08:15:41.150   922   922 D wpa_supplicant: wlan0: State: ASSOCIATING -> ASSOCIATED\n"
      "03-02 08:15:41.160   922   922 D wpa_supplicant: wlan0: State: ASSOCIATED -> 4WAY_HANDSHAKE\n"
      "03-02 08:15:45.200   922   922 D wpa_supplicant: wlan0: State: 4WAY_HANDSHAKE -> DISCONNECTED\n"
      "03-02 08:15:47.100   922   922 D wpa_supplicant: wlan0: State: SCANNING -> ASSOCIATING\n"
      "03-02 08:15:47.150   922   922 D wpa_supplicant: wlan0: State: ASSOCIATING -> ASSOCIATED\n"
      "03-02 08:15:47.160   922   922 D wpa_supplicant: wlan0: State: ASSOCIATED -> 4WAY_HANDSHAKE\n"
      "03-02 08:15:47.260   922   922 D wpa_supplicant: wlan0: State: 4WAY_HANDSHAKE -> GROUP_HANDSHAKE\n"
      "03-02 08:15:47.270   922   922 D wpa_supplicant: wlan0: State: GROUP_HANDSHAKE -> COMPLETED\n"
      "03-02 08:25:47.270   922   922 D wpa_supplicant: wlan0: State: COMPLETED -> GROUP_HANDSHAKE\n"
      "03-02 08:25:47.280   922   922 D wpa_supplicant: wlan0: State: GROUP_HANDSHAKE -> COMPLETED\n"
      "03-02 09:15:47.270   922   922 D wpa_supplicant: wlan0: State: COMPLETED -> DISCONNECTED\n";
  const auto r = diagnose(log);
  // The group rekey at 08:25 is no new attempt.
  EXPECT_EQ(attempts_with_codes(r), (V{"1 failed key_exchange unknown -", "1 succeeded unknown unknown -"}));
  ASSERT_EQ(session_count(r), 1u);
  EXPECT_FALSE(r.groups[0].sessions[0].open);
}

TEST(Producers, NetworkManagerOldTimeoutThenSuccess) {
  const std::string log =
      "Mar  2 08:15:40 laptop NetworkManager[865]: <info> Activation (wlan0) starting connection 'Home'\n"
      "Mar  2 08:15:40 laptop NetworkManager[865]: <info> (wlan0): device state change: 3 -> 4 (reason 0)\n"
      "Mar  2 08:15:41 laptop NetworkManager[865]: <info> (wlan0): supplicant interface state: scanning -> "
      "associating\n"
      "Mar  2 08:15:41 laptop NetworkManager[865]: <info> (wlan0): supplicant interface state: associating -> 4-way "
      "handshake\n"
      "Mar  2 08:16:05 laptop NetworkManager[865]: <warn> Activation (wlan0/wireless): association took too long.\n"
      "Mar  2 08:16:05 laptop NetworkManager[865]: <warn> Activation (wlan0/wireless): asking for new secrets\n"
      "Mar  2 08:16:05 laptop NetworkManager[865]: <info> (wlan0): device state change: 6 -> 9 (reason 7)\n"
      "Mar  2 08:16:05 laptop NetworkManager[865]: <warn> Activation (wlan0) failed for access point (Home)\n"
      "Mar  2 08:17:00 laptop NetworkManager[865]: <info> Activation (wlan0) starting connection 'Home'\n"
      "Mar  2 08:17:01 laptop NetworkManager[865]: <info> (wlan0): supplicant interface state: scanning -> "
      "associating\n"
      "Mar  2 08:17:01 laptop NetworkManager[865]: <info> (wlan0): supplicant interface state: associating -> "
      "associated\n"
      "Mar  2 08:17:02 laptop NetworkManager[865]: <info> (wlan0): supplicant interface state: associated -> "
      "completed\n"
      "Mar  2 08:17:02 laptop NetworkManager[865]: <info> Activation (wlan0/wireless) Stage 2 of 5 (Device "
      "Configure) successful.  Connected to wireless network 'Home'.\n"
      "Mar  2 08:17:04 laptop NetworkManager[865]: <info> (wlan0): DHCPv4 state changed bound\n"
      "Mar  2 08:17:04 laptop NetworkManager[865]: <info> Activation (wlan0) successful, device activated.\n"
      "Mar  2 08:17:04 laptop NetworkManager[865]: <info> Activation (eth0) successful, device activated.\n"
      "Mar  2 09:00:00 laptop NetworkManager[865]: <warn> Connection disconnected (reason 2)\n"
      "Mar  2 09:00:00 laptop NetworkManager[865]: <info> (wlan0): supplicant interface state: completed -> "
      "disconnected\n";
  const auto r = diagnose(log);
  // NetworkManager's timer ran out in the 4-way handshake: a key exchange failure, not association.
  EXPECT_EQ(attempts_with_codes(r), (V{"1 failed key_exchange device -", "1 succeeded unknown unknown -"}));
  ASSERT_EQ(r.groups.size(), 1u);  // eth0's activation is no Wi-Fi attempt
  EXPECT_EQ(r.groups[0].interface, "wlan0");
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  const auto& s = r.groups[0].sessions[0];
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.ended_by, wlancode::diagnose::ender::ap);
  ASSERT_TRUE(s.end_code);
  EXPECT_EQ(s.end_code->ref, "ieee80211_reason:2");
}

TEST(Producers, NetworkManagerNewActivationTearsDownTheOldLink) {
  // The supplicant's "completed -> disconnected" after the next profile's activation began is the
  // old link's end, not a failure of the new attempt.
  const std::string log =
      "Jan  4 19:00:00 host NetworkManager[1876]: <info>  [1546628400.0000] device (wlan0): Activation: starting "
      "connection 'Home' (645a25da-0000-4000-8000-000000000001)\n"
      "Jan  4 19:00:01 host NetworkManager[1876]: <info>  [1546628401.0000] device (wlan0): supplicant interface "
      "state: scanning -> associating\n"
      "Jan  4 19:00:01 host NetworkManager[1876]: <info>  [1546628401.2000] device (wlan0): supplicant interface "
      "state: associating -> completed\n"
      "Jan  4 19:00:02 host NetworkManager[1876]: <info>  [1546628402.0000] device (wlan0): state change: "
      "secondaries -> activated (reason 'none', sys-iface-state: 'managed')\n"
      "Jan  4 19:02:37 host NetworkManager[1876]: <info>  [1546628557.7716] device (wlan0): Activation: starting "
      "connection 'Lab' (645a25da-0000-4000-8000-000000000002)\n"
      "Jan  4 19:02:37 host NetworkManager[1876]: <warn>  [1546628557.7758] sup-iface[0x16bad8a0,wlan0]: connection "
      "disconnected (reason -3)\n"
      "Jan  4 19:02:37 host NetworkManager[1876]: <info>  [1546628557.7762] device (wlan0): supplicant interface "
      "state: completed -> disconnected\n"
      "Jan  4 19:02:38 host NetworkManager[1876]: <info>  [1546628558.0000] device (wlan0): supplicant interface "
      "state: disconnected -> associating\n"
      "Jan  4 19:02:38 host NetworkManager[1876]: <info>  [1546628558.3000] device (wlan0): supplicant interface "
      "state: associating -> completed\n"
      "Jan  4 19:02:39 host NetworkManager[1876]: <info>  [1546628559.0000] device (wlan0): state change: "
      "secondaries -> activated (reason 'none', sys-iface-state: 'managed')\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_of(r), (V{"1 succeeded unknown unknown none", "1 succeeded unknown unknown none"}));
  ASSERT_EQ(session_count(r), 2u);
  EXPECT_FALSE(r.groups[0].sessions[0].open);
  EXPECT_TRUE(r.groups[0].sessions[1].open);
}

TEST(Producers, IwdAutoconnectRejectedThenConnectedAndRoamed) {
  const std::string log =
      "Mar  4 07:10:00 laptop iwd[630]: event: state, old: disconnected, new: autoconnect_quick\n"
      "Mar  4 07:10:01 laptop iwd[630]: event: state, old: autoconnect_quick, new: connecting (auto)\n"
      "Mar  4 07:10:02 laptop iwd[630]: event: connect-failed, status: 17\n"
      "Mar  4 07:10:02 laptop iwd[630]: event: state, old: connecting (auto), new: disconnected\n"
      "Mar  4 07:10:05 laptop iwd[630]: event: state, old: autoconnect_quick, new: connecting (auto)\n"
      "Mar  4 07:10:06 laptop iwd[630]: event: state, old: connecting (auto), new: connected\n"
      "Mar  4 08:10:06 laptop iwd[630]: event: state, old: connected, new: fw-roaming\n"
      "Mar  4 08:10:06 laptop iwd[630]: event: state, old: fw-roaming, new: connected\n"
      "Mar  4 09:10:06 laptop iwd[630]: Received Deauthentication event, reason: 2, from_ap: true\n"
      "Mar  4 09:10:06 laptop iwd[630]: event: state, old: connected, new: disconnected\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r),
            (V{"1 failed association ap ieee80211_status:17", "1 succeeded unknown unknown -"}));
  ASSERT_EQ(session_count(r), 1u);
  const auto& s = r.groups[0].sessions[0];
  EXPECT_EQ(s.roams, 1u);
  EXPECT_EQ(s.ended_by, wlancode::diagnose::ender::ap);
  ASSERT_TRUE(s.end_code);
  EXPECT_EQ(s.end_code->ref, "ieee80211_reason:2");
}

TEST(Producers, ChromeOsShillServiceStatesWithTheSupplicant) {
  const std::string log =
      "2024-03-02T08:15:40.100000Z INFO shill[1234]: [INFO:service.cc(490)] Service wifi_psk_12: state Idle -> "
      "Associating\n"
      "2024-03-02T08:15:40.200000Z INFO wpa_supplicant[900]: wlan0: SME: Trying to authenticate with 02:00:00:00:60:01 "
      "(SSID='Lab' freq=5180 MHz)\n"
      "2024-03-02T08:15:40.300000Z INFO wpa_supplicant[900]: wlan0: Trying to associate with 02:00:00:00:60:01 "
      "(SSID='Lab' freq=5180 MHz)\n"
      "2024-03-02T08:15:40.310000Z INFO wpa_supplicant[900]: wlan0: Associated with 02:00:00:00:60:01\n"
      "2024-03-02T08:15:44.400000Z INFO wpa_supplicant[900]: wlan0: WPA: 4-Way Handshake failed - pre-shared key may "
      "be incorrect\n"
      "2024-03-02T08:15:44.410000Z INFO wpa_supplicant[900]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:60:01 "
      "reason=15\n"
      "2024-03-02T08:15:44.420000Z INFO shill[1234]: [INFO:wifi.cc(1130)] WiFi wlan0 supplicant updated "
      "DisconnectReason from 0 to 15 (4-way handshake timeout)\n"
      "2024-03-02T08:15:44.500000Z WARNING shill[1234]: [WARNING:service.cc(490)] Service wifi_psk_12: state "
      "Associating -> Failure\n"
      "2024-03-02T08:15:44.600000Z INFO shill[1234]: [INFO:service.cc(490)] Service wifi_psk_12: state Failure -> "
      "Idle\n"
      "2024-03-02T08:16:10.100000Z INFO shill[1234]: [INFO:service.cc(490)] Service wifi_psk_12: state Idle -> "
      "Associating\n"
      "2024-03-02T08:16:10.200000Z INFO wpa_supplicant[900]: wlan0: SME: Trying to authenticate with 02:00:00:00:60:01 "
      "(SSID='Lab' freq=5180 MHz)\n"
      "2024-03-02T08:16:10.310000Z INFO wpa_supplicant[900]: wlan0: Associated with 02:00:00:00:60:01\n"
      "2024-03-02T08:16:10.400000Z INFO wpa_supplicant[900]: wlan0: WPA: Key negotiation completed with "
      "02:00:00:00:60:01 [PTK=CCMP GTK=CCMP]\n"
      "2024-03-02T08:16:10.410000Z INFO wpa_supplicant[900]: wlan0: CTRL-EVENT-CONNECTED - Connection to "
      "02:00:00:00:60:01 completed [id=0 id_str=]\n"
      "2024-03-02T08:16:10.500000Z INFO shill[1234]: [INFO:service.cc(490)] Service wifi_psk_12: state Associating -> "
      "Configuring\n"
      "2024-03-02T08:16:11.500000Z INFO shill[1234]: [INFO:service.cc(490)] Service wifi_psk_12: state Configuring -> "
      "Connected\n"
      "2024-03-02T08:16:11.600000Z INFO shill[1234]: [INFO:service.cc(490)] Service wifi_psk_12: state Connected -> "
      "Online\n"
      "2024-03-02T09:16:11.600000Z INFO wpa_supplicant[900]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:60:01 "
      "reason=2\n"
      "2024-03-02T09:16:11.700000Z INFO shill[1234]: [INFO:service.cc(490)] Service wifi_psk_12: state Online -> "
      "Idle\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r),
            (V{"1 failed key_exchange ap ieee80211_reason:15", "1 succeeded unknown unknown -"}));
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_TRUE(r.groups[0].host.empty());  // "INFO" is the level, not a host
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_FALSE(r.groups[0].sessions[0].open);
  EXPECT_EQ(r.groups[0].sessions[0].ended_by, wlancode::diagnose::ender::ap);
}

TEST(Producers, IwdHandshakeFailureIsAKeyExchangeFailureOfTheDevice) {
  const std::string log =
      "Mar  4 07:10:01 laptop iwd[630]: event: state, old: autoconnect_quick, new: connecting (auto)\n"
      "Mar  4 07:10:05 laptop iwd[630]: 4-Way handshake failed for ifindex: 3, reason: 15\n"
      "Mar  4 07:10:05 laptop iwd[630]: event: state, old: connecting (auto), new: disconnected\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), V{"1 failed key_exchange device ieee80211_reason:15"});
  EXPECT_EQ(attempts_of(r), V{"1 failed key_exchange device wrong_password"});
}

TEST(Producers, IwdWithTheKernelIsOneDevice) {
  // iwd names no interface; the kernel's lines name wlan0 after iwd's first: one attempt.
  const std::string log =
      "Mar  4 07:10:01 laptop iwd[630]: event: state, old: autoconnect_quick, new: connecting (auto)\n"
      "Mar  4 07:10:01 laptop kernel: wlan0: authenticate with 02:00:00:00:70:01\n"
      "Mar  4 07:10:01 laptop kernel: wlan0: send auth to 02:00:00:00:70:01 (try 1/3)\n"
      "Mar  4 07:10:01 laptop kernel: wlan0: authenticated\n"
      "Mar  4 07:10:01 laptop kernel: wlan0: associate with 02:00:00:00:70:01 (try 1/3)\n"
      "Mar  4 07:10:01 laptop kernel: wlan0: RX AssocResp from 02:00:00:00:70:01 (capab=0x1431 status=0 aid=2)\n"
      "Mar  4 07:10:01 laptop kernel: wlan0: associated\n"
      "Mar  4 07:10:02 laptop iwd[630]: event: state, old: connecting (auto), new: connected\n"
      "Mar  4 08:10:02 laptop kernel: wlan0: deauthenticated from 02:00:00:00:70:01 (Reason: 2=PREV_AUTH_NOT_VALID)\n"
      "Mar  4 08:10:02 laptop iwd[630]: Received Deauthentication event, reason: 2, from_ap: true\n"
      "Mar  4 08:10:02 laptop iwd[630]: event: state, old: connected, new: disconnected\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_of(r), V{"1 succeeded unknown unknown none"});
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].interface, "wlan0");
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  EXPECT_EQ(r.groups[0].sessions[0].ended_by, wlancode::diagnose::ender::ap);
}

TEST(Producers, EspHomeReasonTextsGiveThePhase) {
  const std::string log =
      "[08:45:01][I][wifi:193]: WiFi Connecting to 'Home'...\n"
      "[08:45:05][W][wifi_esp32:670]: Event: Disconnected ssid='Home' bssid=02:00:00:00:80:01 reason='4-Way Handshake "
      "Timeout'\n"
      "[08:45:05][W][wifi:652]: Error while connecting to network.\n"
      "[08:45:05][W][wifi:719]: Restarting WiFi adapter...\n"
      "[08:45:06][I][wifi:193]: WiFi Connecting to 'Home'...\n"
      "[08:45:07][W][wifi_esp32:670]: Event: Disconnected ssid='Home' reason='Probe Request Unsuccessful'\n"
      "[08:45:07][W][wifi:652]: Error while connecting to network.\n"
      "[08:45:20][I][wifi:193]: WiFi Connecting to 'Home'...\n"
      "[08:45:21][I][wifi:423]: WiFi Connected!\n"
      "[08:45:21][C][wifi:283]:   SSID: 'Home'\n"
      "[08:45:21][C][wifi:284]:   IP Address: 192.168.1.77\n"
      "[09:45:21][W][wifi_esp32:670]: Event: Disconnected ssid='Home' bssid=02:00:00:00:80:01 reason='Beacon "
      "Timeout'\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_of(r), (V{"1 failed key_exchange device wrong_password", "1 failed discovery device not_found",
                               "1 succeeded unknown unknown none"}));
  ASSERT_EQ(session_count(r), 1u);
  EXPECT_FALSE(r.groups[0].sessions[0].open);
  EXPECT_EQ(codes_of(r), 3u);  // ESPHome prints the reason as text only: its texts are read as codes
}

TEST(Producers, Esp8266SdkNotFoundFailureSuccess) {
  const std::string log =
      "scandone\n"
      "no Lab found, reconnect after 1s\n"
      "reconnect\n"
      "scandone\n"
      "state: 0 -> 2 (b0)\n"
      "state: 2 -> 3 (0)\n"
      "state: 3 -> 5 (10)\n"
      "add 0\n"
      "aid 1\n"
      "cnt \n"
      "state: 5 -> 2 (f00)\n"
      "rm 0\n"
      "reconnect\n"
      "state: 2 -> 0 (0)\n"
      "scandone\n"
      "state: 0 -> 2 (b0)\n"
      "state: 2 -> 3 (0)\n"
      "state: 3 -> 5 (10)\n"
      "add 0\n"
      "aid 2\n"
      "cnt \n"
      "\n"
      "connected with Lab, channel 6\n"
      "dhcp client start...\n"
      "ip:192.168.4.21,mask:255.255.255.0,gw:192.168.4.1\n"
      "pm open,type:2 0\n"
      "state: 5 -> 0 (200)\n"
      "rm 0\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r),
            (V{"1 failed discovery device -", "1 failed key_exchange unknown -", "1 succeeded unknown unknown -"}));
  ASSERT_EQ(session_count(r), 1u);
  EXPECT_TRUE(r.groups[0].sessions[0].ip_configured);
  EXPECT_FALSE(r.groups[0].sessions[0].open);
  // The blob's "(200)", "(f00)" are no codes.
  EXPECT_EQ(codes_of(r), 0u);
  std::size_t codes = 0;
  wlancode::scan::scan_memory(log, "mem.log", wlancode::scan::options{},
                              [&](const wlancode::scan::finding&) { ++codes; });
  EXPECT_EQ(codes, 0u);
}

TEST(Producers, EspIdf5AuthFailuresThenSuccess) {
  const std::string log =
      "I (5211) wifi:new:<6,0>, old:<6,0>, ap:<255,255>, sta:<6,0>, prof:1, snd_ch_cfg:0x0\n"
      "I (5221) wifi:state: init -> auth (0xb0)\n"
      "I (6221) wifi:state: auth -> init (0x200)\n"
      "I (6221) wifi:new:<6,0>, old:<6,0>, ap:<255,255>, sta:<6,0>, prof:1, snd_ch_cfg:0x0\n"
      "I (6231) wifi:state: init -> auth (0xb0)\n"
      "I (7231) wifi:state: auth -> init (0x200)\n"
      "I (9300) wifi:state: init -> auth (0xb0)\n"
      "I (9310) wifi:state: auth -> assoc (0x0)\n"
      "I (9320) wifi:state: assoc -> run (0x10)\n"
      "I (9400) wifi:connected with Lab, aid = 3, channel 6, BW20, bssid = 02:00:00:00:20:02\n"
      "I (10400) esp_netif_handlers: sta ip: 192.168.4.22, mask: 255.255.255.0, gw: 192.168.4.1\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), (V{"2 failed authentication unknown -", "1 succeeded unknown unknown -"}));
  ASSERT_EQ(session_count(r), 1u);
  EXPECT_TRUE(r.groups[0].sessions[0].ip_configured);
  EXPECT_EQ(codes_of(r), 0u);
}

TEST(Producers, HostapdApKeepsADevicePerStation) {
  const std::string log =
      "Sat Mar  2 08:15:40 2024 daemon.info hostapd: phy0-ap0: STA 02:00:00:00:30:01 IEEE 802.11: authenticated\n"
      "Sat Mar  2 08:15:40 2024 daemon.info hostapd: phy0-ap0: STA 02:00:00:00:30:01 IEEE 802.11: associated (aid "
      "1)\n"
      "Sat Mar  2 08:15:40 2024 daemon.info hostapd: phy0-ap0: STA 02:00:00:00:30:02 IEEE 802.11: authenticated\n"
      "Sat Mar  2 08:15:40 2024 daemon.info hostapd: phy0-ap0: STA 02:00:00:00:30:02 IEEE 802.11: associated (aid "
      "2)\n"
      "Sat Mar  2 08:15:41 2024 daemon.notice hostapd: phy0-ap0: AP-STA-CONNECTED 02:00:00:00:30:01 auth_alg=open\n"
      "Sat Mar  2 08:15:41 2024 daemon.info hostapd: phy0-ap0: STA 02:00:00:00:30:01 WPA: pairwise key handshake "
      "completed (RSN)\n"
      "Sat Mar  2 08:15:44 2024 daemon.notice hostapd: phy0-ap0: AP-STA-POSSIBLE-PSK-MISMATCH 02:00:00:00:30:02\n"
      "Sat Mar  2 08:15:45 2024 daemon.info hostapd: phy0-ap0: STA 02:00:00:00:30:02 IEEE 802.11: deauthenticated "
      "due to local deauth request\n"
      "Sat Mar  2 08:20:00 2024 daemon.notice hostapd: phy0-ap0: AP-STA-DISCONNECTED 02:00:00:00:30:01\n"
      "Sat Mar  2 08:20:00 2024 daemon.info hostapd: phy0-ap0: STA 02:00:00:00:30:01 IEEE 802.11: disassociated\n";
  const auto r = diagnose(log);
  ASSERT_EQ(r.groups.size(), 2u);
  std::map<std::string, V> by_device;
  for (const auto& g : r.groups)
    for (const auto& a : g.attempts)
      by_device[g.interface].push_back(std::string(to_string(a.result)) + " " +
                                       std::string(wlancode::to_string(a.failed_at)));
  for (const auto& g : r.groups) {
    EXPECT_TRUE(g.host.empty());  // "daemon.info" is logread's facility.level, not a host
    for (const auto& a : g.attempts) EXPECT_NE(a.start.clk, wlancode::instant::clock::none);  // logread's ctime
  }
  EXPECT_EQ(by_device["phy0-ap0 sta 02:00:00:00:30:01"], V{"succeeded unknown"});
  EXPECT_EQ(by_device["phy0-ap0 sta 02:00:00:00:30:02"], V{"failed key_exchange"});
  ASSERT_EQ(session_count(r), 1u);
  for (const auto& g : r.groups) {
    if (!g.sessions.empty()) {
      EXPECT_FALSE(g.sessions[0].open);
    }
  }
}

TEST(Producers, OpenWrtLogreadStationKernelAndSupplicant) {
  const std::string log =
      "Sat Mar  2 08:15:40 2024 daemon.notice wpa_supplicant[1523]: phy0-sta0: SME: Trying to authenticate with "
      "02:00:00:00:40:01 (SSID='Uplink' freq=2437 MHz)\n"
      "Sat Mar  2 08:15:40 2024 kern.info kernel: [  120.100000] phy0-sta0: authenticate with 02:00:00:00:40:01\n"
      "Sat Mar  2 08:15:40 2024 kern.info kernel: [  120.110000] phy0-sta0: authenticated\n"
      "Sat Mar  2 08:15:40 2024 daemon.notice wpa_supplicant[1523]: phy0-sta0: Trying to associate with "
      "02:00:00:00:40:01 (SSID='Uplink' freq=2437 MHz)\n"
      "Sat Mar  2 08:15:40 2024 kern.info kernel: [  120.130001] phy0-sta0: 02:00:00:00:40:01 denied association "
      "(code=17)\n"
      "Sat Mar  2 08:15:40 2024 daemon.notice wpa_supplicant[1523]: phy0-sta0: CTRL-EVENT-ASSOC-REJECT "
      "bssid=02:00:00:00:40:01 status_code=17\n"
      "Sat Mar  2 08:15:50 2024 daemon.notice wpa_supplicant[1523]: phy0-sta0: Trying to associate with "
      "02:00:00:00:40:01 (SSID='Uplink' freq=2437 MHz)\n"
      "Sat Mar  2 08:15:50 2024 daemon.notice wpa_supplicant[1523]: phy0-sta0: Associated with 02:00:00:00:40:01\n"
      "Sat Mar  2 08:15:50 2024 daemon.notice wpa_supplicant[1523]: phy0-sta0: CTRL-EVENT-CONNECTED - Connection "
      "to 02:00:00:00:40:01 completed [id=0 id_str=]\n"
      "Sat Mar  2 09:15:50 2024 kern.info kernel: [ 3720.000000] phy0-sta0: deauthenticated from 02:00:00:00:40:01 "
      "(Reason: 2=PREV_AUTH_NOT_VALID)\n"
      "Sat Mar  2 09:15:50 2024 daemon.notice wpa_supplicant[1523]: phy0-sta0: CTRL-EVENT-DISCONNECTED "
      "bssid=02:00:00:00:40:01 reason=2\n";
  const auto r = diagnose(log);
  // The kernel and the supplicant tell one rejection; one device although the levels differ.
  EXPECT_EQ(attempts_with_codes(r),
            (V{"1 failed association ap ieee80211_status:17", "1 succeeded unknown unknown -"}));
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_EQ(r.groups[0].sessions.size(), 1u);
  const auto& s = r.groups[0].sessions[0];
  EXPECT_EQ(s.end.ns - s.start.ns, 3'600'000'000'000);
  EXPECT_EQ(s.ended_by, wlancode::diagnose::ender::ap);
}

TEST(Producers, StartUpStatesAndWiredActivationsAreNoAttempts) {
  const std::string log =
      "Mar  2 08:15:40 laptop NetworkManager[865]: <info> Activation (eth0) starting connection 'Wired connection "
      "1'\n"
      "Mar  2 08:15:42 laptop NetworkManager[865]: <info> Activation (eth0) successful, device activated.\n"
      "Mar  2 08:15:42 laptop NetworkManager[865]: <info> (eth0): device state change: 7 -> 8 (reason 0)\n"
      "Mar  2 08:15:43 laptop NetworkManager[865]: <info>  [1750682526.6810] device (wlan0): supplicant interface "
      "state: internal-starting -> disconnected\n"
      "Mar  2 08:15:43 laptop NetworkManager[865]: <info>  [1750682526.6811] device (p2p-dev-wlan0): supplicant "
      "management interface state: completed -> disconnected\n"
      "Mar  2 08:15:43 laptop wpa_supplicant[700]: wlan0: State: DISCONNECTED -> DISCONNECTED\n"
      "Mar  2 08:15:43 laptop wpa_supplicant[700]: wlan0: State: INACTIVE -> DISCONNECTED\n"
      "[WiFi] disconnected with SSID Lab, channel 6\n";
  const auto r = diagnose(log);
  EXPECT_TRUE(attempts_with_codes(r).empty());
  EXPECT_EQ(session_count(r), 0u);
}

}  // namespace
