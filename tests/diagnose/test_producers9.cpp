// Attempts from logs of the ninth lifecycle-event audit (a second proxy held-out set of published
// logs, docs/producers-audit.md): Tasmota's Wi-Fi verdicts, NetworkManager with the iwd backend,
// hostapd's station whose join began before the log, the kernel's association lines printed before
// the supplicant's, and the ESP8266 RTOS SDK's "no AP found" seconds after a session's end. The logs
// are written by the project in each producer's print style; the expectations are hand-typed:
// outcome, failing phase, who ended it, decisive code, and the sessions.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;
using V = std::vector<std::string>;

TEST(Producers9, TasmotaVerdictsAreAttempts) {
  // Tasmota tries its second AP, which is not there, then its first, which answers; later the
  // password of the first is changed on the AP, then the core times out (the AP was found, else
  // "cannot be reached": an association timeout, not a network not found). Before: no finding.
  const std::string log =
      "00:00:00.061 Project tasmota - plug_7 Version 12.1.1(tasmota)\n"
      "00:00:00.520 WIF: Connecting to AP2 Annex Channel 11 BSSId 02:00:00:00:41:02 in mode 11n as plug-7...\n"
      "00:00:08.913 WIF: Connect failed as AP cannot be reached\n"
      "00:00:09.210 WIF: Connecting to AP1 Attic in mode 11n as plug-7...\n"
      "00:00:12.480 WIF: Connected\n"
      "00:00:12.735 HTP: Web server active on plug-7 with IP address 192.168.7.40\n"
      "00:41:02.118 WIF: Connecting to AP1 Attic in mode 11n as plug-7...\n"
      "00:41:09.330 WIF: Connect failed with AP incorrect password\n"
      "00:41:19.504 WIF: Connecting to AP1 Attic in mode 11n as plug-7...\n"
      "00:41:29.690 WIF: Connect failed with AP timeout\n";
  EXPECT_EQ(attempts_of(diagnose(log)),
            (V{"1 failed discovery device not_found", "1 succeeded unknown unknown none",
               "1 failed key_exchange device wrong_password", "1 failed association device weak_signal"}));
}

TEST(Producers9, TasmotaOldTagAndItsWifiTestResultIsNoEvent) {
  // Tasmota 5.x tags its lines "Wifi:"; a "WifiTest" command's JSON answer quotes a verdict and is
  // no attempt of its own.
  const std::string log =
      "00:00:01 Wifi: Connecting to AP1 Shed in mode 11N as sonoff-5123...\n"
      "00:00:08 Wifi: Connect failed as AP cannot be reached\n"
      "00:00:40 MQT: stat/sonoff/RESULT = {\"WiFiTest\":\"Connect failed as AP cannot be reached\"}\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)), (V{"1 failed discovery device -"}));
}

TEST(Producers9, NetworkManagerIwdBackendConnected) {
  // NetworkManager with wifi.backend=iwd prints iwd's station states; systemd-networkd's carrier
  // lines beside them. Before: the attempt had no result ("unknown").
  const std::string n = "Mar 29 04:43:33 book NetworkManager[536]: <info>  [1680057813.";
  const std::string log = n + "7819] device (wlan0): new IWD device state is connecting\n" + n +
                          "7821] device (wlan0): Activation: starting connection 'Porch' "
                          "(68146386-0000-4000-8000-000000000009)\n" +
                          n + "7824] device (wlan0): state change: prepare -> config (reason 'none', " +
                          "sys-iface-state: 'managed')\n" +
                          "Mar 29 04:43:34 book systemd-networkd[398]: wlan0: Gained carrier\n" +
                          "Mar 29 04:43:34 book NetworkManager[536]: <info>  [1680057814.8048] device (wlan0): new IWD "
                          "device state is connected\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)), (V{"1 succeeded unknown unknown -"}));
}

TEST(Producers9, HostapdStationWhoseJoinBeganBeforeTheLog) {
  // hostapd's log begins with a station's 4-way handshake completed (its association is before the
  // log), the station leaves 7 s later and joins again. Before: the first was a failure "in IP
  // configuration" (the AP logs no address for its stations).
  const std::string h = "Jun 29 16:43:";
  const std::string s = " gw hostapd[3930]: wlan0: ";
  const std::string m = "02:00:00:00:42:01";
  const std::string log =
      h + "03" + s + "STA " + m + " WPA: pairwise key handshake completed (RSN)\n" + h + "10" + s +
      "AP-STA-DISCONNECTED " + m + "\n" + h + "10" + s + "STA " + m + " IEEE 802.11: authenticated\n" + h + "10" + s +
      "STA " + m + " IEEE 802.11: associated (aid 1)\n" + h + "10" + s + "AP-STA-CONNECTED " + m + "\n" + h + "10" + s +
      "STA " + m + " WPA: pairwise key handshake completed (RSN)\n" + h + "16" + s + "AP-STA-DISCONNECTED " + m + "\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), (V{"1 succeeded unknown unknown -", "1 succeeded unknown unknown -"}));
  std::size_t sessions = 0;
  for (const auto& g : r.groups) sessions += g.sessions.size();
  EXPECT_EQ(sessions, 2u);
}

TEST(Producers9, KernelAssociationPrintedBeforeTheSupplicantsLine) {
  // A copy of a journal without time where the kernel's lines of one attempt come before the
  // supplicant's "Trying to associate" of the same attempt (the two print on their own), then EAP.
  // Before: two attempts, the first abandoned.
  const std::string b = "02:00:00:00:43:01";
  const std::string log = "wpa_supplicant[1515]: wls0: SME: Trying to authenticate with " + b +
                          " (SSID='Campus' freq=2412 MHz)\n" + "kernel: wls0: authenticate with " + b + "\n" +
                          "kernel: wls0: authenticated\n" + "kernel: wls0: associate with " + b + " (try 1/3)\n" +
                          "kernel: wls0: RX AssocResp from " + b + " (capab=0x111 status=0 aid=1)\n" +
                          "kernel: wls0: associated\n" + "wpa_supplicant[1515]: wls0: Trying to associate with " + b +
                          " (SSID='Campus' freq=2412 MHz)\n" + "wpa_supplicant[1515]: wls0: Associated with " + b +
                          "\n" + "wpa_supplicant[1515]: wls0: CTRL-EVENT-EAP-STARTED EAP authentication started\n" +
                          "wpa_supplicant[1515]: wls0: CTRL-EVENT-EAP-FAILURE EAP authentication failed\n" +
                          "wpa_supplicant[1515]: wls0: CTRL-EVENT-DISCONNECTED bssid=" + b +
                          " reason=23 locally_generated=1\n";
  EXPECT_EQ(attempts_of(diagnose(log)), (V{"1 failed eap auth_server eap_failure"}));
}

TEST(Producers9, SupplicantRetryAfterTheKernelsAssociationIsStillANewAttempt) {
  // The same producer going back to authentication after association, or another one well after it
  // (with time: 8 s), is a new attempt, as before.
  const std::string b = "02:00:00:00:43:02";
  const std::string log = "Oct 25 16:17:09 nb kernel: wlo1: authenticate with " + b + "\n" +
                          "Oct 25 16:17:09 nb kernel: wlo1: associated\n" +
                          "Oct 25 16:17:17 nb wpa_supplicant[1320]: wlo1: SME: Trying to authenticate with " + b +
                          " (SSID='Campus' freq=5220 MHz)\n" + "Oct 25 16:17:17 nb kernel: wlo1: authenticate with " +
                          b + "\n" + "Oct 25 16:17:17 nb kernel: wlo1: associated\n" +
                          "Oct 25 16:17:17 nb wpa_supplicant[1320]: wlo1: " + "CTRL-EVENT-CONNECTED - Connection to " +
                          b + " completed [id=0 id_str=]\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)), (V{"1 unknown unknown unknown -", "1 succeeded unknown unknown -"}));
}

TEST(Producers9, Esp8266RtosNoApFoundAfterTheSessionEnded) {
  // The ESP8266 RTOS SDK: the app disconnects (reason 8, the station leaving), stops the station,
  // starts it again 2.5 s later and the scan finds no AP (reason 201). Before: the 201 was taken for
  // the session's end told again and gave no attempt.
  const std::string log =
      "I (121001) wifi: state: 5 -> 0 (0)\n"
      "D (121005) event: SYSTEM_EVENT_STA_DISCONNECTED, ssid:Yard, ssid_len:4, bssid:02:00:00:00:44:01, reason:8\n"
      "D (121052) event: SYSTEM_EVENT_STA_STOP\n"
      "D (123468) event: SYSTEM_EVENT_STA_DISCONNECTED, ssid:Yard, ssid_len:4, bssid:00:00:00:00:00:00, reason:201\n";
  const auto r = diagnose(log);
  EXPECT_EQ(attempts_with_codes(r), (V{"1 failed discovery device esp_wifi_reason:201"}));
  std::size_t sessions = 0;
  for (const auto& g : r.groups)
    for (const auto& s : g.sessions) {
      ++sessions;
      EXPECT_TRUE(s.before_log);
    }
  EXPECT_EQ(sessions, 1u);
}

TEST(Producers9, AndroidFrameworkAssociationRejection) {
  // Android 15 logcat (threadtime): the supplicant tries, the framework's ClientModeImpl logs the
  // rejection with the event's fields; a timed-out one (the AP never answered), then a real
  // rejection (status 17, the AP is full). Before: one attempt, no result.
  const std::string c = "  1000  1445  3507 D WifiClientModeImpl[148104121:wlan0]: L2ConnectingState: ";
  const std::string log =
      "11-22 02:09:52.252  wifi 23166 23166 I wpa_supplicant: wlan0: Trying to associate with SSID 'Porch'\n"
      "11-22 02:09:52.637" +
      c + "Association rejection  ssid: \"Porch\" bssid: 02:00:00:00:45:01 statusCode: 1 " +
      "timedOut: true oceRssiBasedAssocRejectInfo: null mboAssocDisallowedInfo: null\n" +
      "11-22 02:10:04.021  wifi 23166 23166 I wpa_supplicant: wlan0: Trying to associate with SSID 'Porch'\n" +
      "11-22 02:10:04.100" + c + "Association rejection  ssid: \"Porch\" bssid: 02:00:00:00:45:01 statusCode: 17 " +
      "timedOut: false oceRssiBasedAssocRejectInfo: null mboAssocDisallowedInfo: null\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)),
            (V{"1 failed association device ieee80211_status:1", "1 failed association ap ieee80211_status:17"}));
}

TEST(Producers9, HostapdStartAuthenticationIsNoDriverStep) {
  // hostapd's "STA <mac> WPA: start authentication" (the AP starts its 4-way handshake) read as a
  // Realtek driver's "start auth" made a second device (the AP's interface) with an attempt of no
  // result. Now one station, connected.
  const std::string s = "Mar  1 23:23:29 box hostapd: ap0: STA 02:00:00:00:46:01 ";
  const std::string log = s + "IEEE 802.11: associated\n" + s + "WPA: start authentication\n" + s +
                          "WPA: sending 1/4 msg of 4-Way Handshake\n" + s + "IEEE 802.1X: authorizing port\n" + s +
                          "WPA: pairwise key handshake completed (RSN)\n";
  EXPECT_EQ(attempts_with_codes(diagnose(log)), (V{"1 succeeded unknown unknown -"}));
}

}  // namespace
