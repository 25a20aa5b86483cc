// Every format: positive cases with exact findings, and decoys that must give none.
#include "helpers.hpp"

using namespace scan_test;
using wlancode::family;
using wlancode::scan::input_format;

TEST(ScanWpa, DisconnectAssocAuthReject) {
  const auto fs = scan(
      "Nov 21 10:12:30 host wpa_supplicant[812]: wlan0: Trying to associate with 02:00:00:00:00:01 (SSID='CorpWiFi' "
      "freq=5180 MHz)\n"
      "Nov 21 10:12:34 host wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3 "
      "locally_generated=1\n"
      "Nov 21 10:12:35 host wpa_supplicant[812]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=02:00:00:00:00:02 "
      "status_code=17\n"
      "Nov 21 10:12:36 host wpa_supplicant[812]: wlan0: CTRL-EVENT-AUTH-REJECT 02:00:00:00:00:03 auth_type=0 "
      "auth_transaction=2 status_code=15\n");
  EXPECT_EQ(keys(fs), (V{"2:ieee80211_reason:3", "3:ieee80211_status:17", "4:ieee80211_status:15"}));
  ASSERT_EQ(fs.size(), 3u);
  EXPECT_EQ(fs[0].format, input_format::wpa_supplicant);
  EXPECT_TRUE(fs[0].locally_generated);
  EXPECT_EQ(fs[0].init, wlancode::initiator::system);
  EXPECT_EQ(fs[0].name, "WLAN_REASON_DEAUTH_LEAVING");
  EXPECT_EQ(fs[0].bssid, "02:00:00:00:00:01");
  EXPECT_EQ(fs[0].ssid, "CorpWiFi");
  EXPECT_EQ(fs[0].interface, "wlan0");
  EXPECT_EQ(fs[0].timestamp, "Nov 21 10:12:34");
  EXPECT_FALSE(fs[1].locally_generated);
  EXPECT_EQ(fs[2].bssid, "02:00:00:00:00:03");
}

TEST(ScanWpa, Decoys) {
  const auto fs = scan(
      "Nov 21 10:12:36 host wpa_supplicant[812]: wlan0: CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"CorpWiFi\" "
      "auth_failures=1 duration=10 reason=CONN_FAILED\n"
      "Nov 21 10:12:37 host wpa_supplicant[812]: wlan0: CTRL-EVENT-SUBNET-STATUS-UPDATE status=0\n"
      "Nov 21 10:12:38 host wpa_supplicant[812]: wlan0: CTRL-EVENT-EAP-STATUS status='completion' parameter='failure'\n"
      "Nov 21 10:12:39 host wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=abc\n"
      "Nov 21 10:12:40 host systemd[1]: wpa_supplicant.service: Main process exited, code=exited, status=1/FAILURE\n",
      input_format::linux_log);
  EXPECT_EQ(keys(fs), V{});
}

TEST(ScanHostapd, Indications) {
  const auto fs = scan(
      "Nov 21 09:30:44 ap hostapd[455]: wlan0: STA 02:00:00:20:00:05 MLME: "
      "MLME-DEAUTHENTICATE.indication(02:00:00:20:00:05, 3)\n"
      "Nov 21 09:31:02 ap hostapd[455]: deauthentication: STA=02:00:00:20:00:06 reason_code=2\n"
      "Nov 21 09:31:09 ap hostapd[455]: wlan0: STA 02:00:00:20:00:07 MLME: "
      "MLME-DISASSOCIATE.indication(02:00:00:20:00:07, 8)\n"
      "Nov 21 09:31:10 ap hostapd[455]: wlan0: STA 02:00:00:20:00:07 IEEE 802.11: associated (aid 12)\n"
      "Nov 21 09:31:11 ap hostapd[455]: wlan0: STA 02:00:00:20:00:07 RADIUS: starting accounting session "
      "5F3A2B1C00000001\n");
  EXPECT_EQ(keys(fs), (V{"1:ieee80211_reason:3", "2:ieee80211_reason:2", "3:ieee80211_reason:8"}));
  ASSERT_EQ(fs.size(), 3u);
  EXPECT_EQ(fs[0].format, input_format::hostapd);
  EXPECT_EQ(fs[0].sta, "02:00:00:20:00:05");
  EXPECT_EQ(fs[1].sta, "02:00:00:20:00:06");
}

TEST(ScanKernel, ReasonsAndStatus) {
  const auto fs = scan(
      "[ 1804.553120] wlan0: deauthenticated from 02:00:00:30:00:01 (Reason: 7=CLASS3_FRAME_FROM_NONASSOC_STA)\n"
      "[ 1810.006900] wlan0: RX AssocResp from 02:00:00:30:00:02 (capab=0x431 status=17 aid=0)\n"
      "[ 1810.007000] wlan0: 02:00:00:30:00:02 denied association (code=17)\n"
      "[ 1822.420033] wlan0: deauthenticating from 02:00:00:30:00:01 by local choice (Reason: 3=DEAUTH_LEAVING)\n"
      "[ 1822.420034] wlan0: 02:00:00:30:00:02 denied authentication (status 1)\n",
      input_format::kernel);
  EXPECT_EQ(keys(fs), (V{"1:ieee80211_reason:7", "2:ieee80211_status:17", "3:ieee80211_status:17",
                         "4:ieee80211_reason:3", "5:ieee80211_status:1"}));
  ASSERT_EQ(fs.size(), 5u);
  EXPECT_FALSE(fs[0].locally_generated);
  EXPECT_EQ(fs[0].bssid, "02:00:00:30:00:01");
  EXPECT_TRUE(fs[3].locally_generated);
  EXPECT_EQ(fs[0].timestamp, "[ 1804.553120]");
}

TEST(ScanKernel, Decoys) {
  const auto fs = scan(
      "[  812.121877] wlan0: associate with 02:00:00:30:00:01 (try 1/3)\n"
      "[  812.180011] iwlwifi 0000:00:14.3: Unhandled alg: 0x707\n"
      "[  812.190011] iwlwifi 0000:00:14.3: Microcode SW error detected. Restarting 0x2000000.\n"
      "[  812.200000] some_driver: foo_reset(420) status 0x1f\n"
      "[  812.300000] usb 1-2: device descriptor read/64, error -71\n"
      "[  812.400000] wlan0: Limiting TX power to 23 (23 - 0) dBm as advertised by 02:00:00:30:00:01\n",
      input_format::linux_log);
  EXPECT_EQ(keys(fs), V{});
}

TEST(ScanNetworkManager, NegativeIsLocal) {
  const auto fs = scan(
      "2023-11-21T10:20:15.512345+0100 host NetworkManager[700]: <warn>  [1700558415.5123] sup-iface[0x55,wlp2s0]: "
      "connection disconnected (reason -3)\n"
      "2023-11-21T10:20:16.000000+0100 host NetworkManager[700]: <info>  [1700558416.0000] device (wlp2s0): state "
      "change: activated -> failed (reason 'supplicant-disconnect', sys-iface-state: 'managed')\n"
      "2023-11-21T10:25:00.000000+0100 host NetworkManager[700]: <warn>  [1700558700.0000] sup-iface[0x55,wlp2s0]: "
      "connection disconnected (reason 2)\n");
  EXPECT_EQ(keys(fs), (V{"1:ieee80211_reason:3", "3:ieee80211_reason:2"}));
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_TRUE(fs[0].locally_generated);
  EXPECT_EQ(fs[0].raw, "-3");
  EXPECT_EQ(fs[0].interface, "wlp2s0");
  EXPECT_FALSE(fs[1].locally_generated);
  EXPECT_EQ(fs[0].timestamp, "2023-11-21T10:20:15.512345+0100");
}

// OpenWrt names its interfaces phy<N>-<kind><N> (21.02 on); they are interfaces like wlan0, and a
// phy token that is no interface ("phy0:", "phy0-", "phy#0") is none.
TEST(ScanOpenWrt, PhyInterfaceNames) {
  const auto fs = scan(
      "Sat Mar  2 08:15:40 2024 daemon.notice wpa_supplicant[1523]: phy0-sta0: CTRL-EVENT-DISCONNECTED "
      "bssid=02:00:00:00:00:01 reason=15\n"
      "Sat Mar  2 08:15:41 2024 daemon.info hostapd: phy1-ap0: STA 02:00:00:00:00:0b MLME: "
      "MLME-DEAUTHENTICATE.indication(02:00:00:00:00:0b, 3)\n"
      "Sat Mar  2 08:15:42 2024 kern.info kernel: [ 1201.004512] phy0-mesh0: deauthenticated from "
      "02:00:00:00:00:01 (Reason: 2=PREV_AUTH_NOT_VALID)\n"
      "Sat Mar  2 08:15:43 2024 kern.info kernel: [ 1202.0] ieee80211 phy0: deauthenticated from 02:00:00:00:00:01 "
      "(Reason: 7=CLASS3_FRAME_FROM_NONASSOC_STA)\n"
      "[ 1203.0] phy0-: deauthenticated from 02:00:00:00:00:01 (Reason: 1=UNSPECIFIED)\n");
  ASSERT_EQ(fs.size(), 5u);
  EXPECT_EQ(fs[0].interface, "phy0-sta0");
  EXPECT_EQ(fs[1].interface, "phy1-ap0");
  EXPECT_EQ(fs[2].interface, "phy0-mesh0");
  EXPECT_EQ(fs[3].interface, "");
  EXPECT_EQ(fs[4].interface, "");
}

TEST(ScanIwd, FromAp) {
  const auto fs = scan(
      "Nov 21 11:30:12 host iwd[512]: Received Deauthentication event, reason: 6, from_ap: true\n"
      "Nov 21 11:31:00 host iwd[512]: Received Deauthentication event, reason: 3, from_ap: false\n"
      "Nov 21 11:31:05 host iwd[512]: station: 2 networks found, channel 36\n");
  EXPECT_EQ(keys(fs), (V{"1:ieee80211_reason:6", "2:ieee80211_reason:3"}));
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_FALSE(fs[0].locally_generated);
  EXPECT_TRUE(fs[1].locally_generated);
}

TEST(ScanWpaSupplicant, ItsOwnDeauthenticationRequestIsLocallyGenerated) {
  const auto fs = scan(
      "Nov 21 11:30:12 host wpa_supplicant[700]: wlan0: Request to deauthenticate - bssid=02:00:00:00:00:01 "
      "pending_bssid=00:00:00:00:00:00 reason=3 (DEAUTH_LEAVING) state=COMPLETED\n"
      "1700000000.123456: wlan0: Request to deauthenticate - bssid=02:00:00:00:00:01 "
      "pending_bssid=00:00:00:00:00:00 reason=23 state=ASSOCIATED\n"
      "Nov 21 11:30:14 host wpa_supplicant[700]: wlan0: Deauthentication notification\n"
      "Nov 21 11:30:15 host kernel: wlan0: deauthenticated from 02:00:00:00:00:01 (Reason: 3=DEAUTH_LEAVING)\n");
  EXPECT_EQ(keys(fs), (V{"1:ieee80211_reason:3", "2:ieee80211_reason:23", "4:ieee80211_reason:3"}));
  ASSERT_EQ(fs.size(), 3u);
  EXPECT_TRUE(fs[0].locally_generated);
  EXPECT_EQ(fs[0].init, wlancode::initiator::system);
  EXPECT_TRUE(fs[1].locally_generated);
  EXPECT_FALSE(fs[2].locally_generated) << "the AP's frame";
}

TEST(ScanEventXml, EventViewerCopy) {
  const auto fs = scan(
      "- <Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">\n"
      "- <System>\n"
      "  <EventID>8002</EventID>\n"
      "  <TimeCreated SystemTime=\"2023-11-21T09:12:34.5678901Z\" />\n"
      "  <Execution ProcessID=\"2804\" ThreadID=\"5120\" />\n"
      "  </System>\n"
      "- <EventData>\n"
      "  <Data Name=\"SSID\">CorpWiFi</Data>\n"
      "  <Data Name=\"FailureReason\">The specific network is not available.</Data>\n"
      "  <Data Name=\"ReasonCode\">163851</Data>\n"
      "  <Data Name=\"RSSI\">-67</Data>\n"
      "  </EventData>\n"
      "  </Event>\n");
  EXPECT_EQ(keys(fs), (V{"10:wlan_reason:163851"}));
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].name, "WLAN_REASON_CODE_NETWORK_NOT_AVAILABLE");
  EXPECT_EQ(fs[0].event_id, "8002");
  EXPECT_EQ(fs[0].ssid, "CorpWiFi");
  EXPECT_EQ(fs[0].text, "The specific network is not available.");
  EXPECT_EQ(fs[0].timestamp, "2023-11-21T09:12:34.5678901Z");
  EXPECT_EQ(fs[0].format, input_format::event_xml);
}

TEST(ScanEventXml, WevtutilSingleQuotesAndOtherSpaces) {
  const auto fs = scan(
      "<Event "
      "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>12013</EventID></"
      "System><EventData>"
      "<Data Name='ReasonCode'>0x50005</Data><Data Name='ErrorCode'>0x80420112</Data><Data "
      "Name='EAPReasonCode'>0x80420100</Data>"
      "<Data Name='EAPErrorCode'>0x80420112</Data></EventData></Event>\n"
      "<Event "
      "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>11002</EventID></"
      "System><EventData>"
      "<Data Name='PeerMac'>02:00:00:60:00:01</Data><Data Name='Dot11StatusCode'>17</Data></EventData></Event>\n");
  EXPECT_EQ(keys(fs), (V{"1:wlan_reason:327685", "1:raw:win32_error:2151809298", "1:raw:eap_reason:2151809280",
                         "1:raw:eap_error:2151809298", "2:ieee80211_status:17"}));
  ASSERT_EQ(fs.size(), 5u);
  EXPECT_EQ(fs[1].kind, wlancode::scan::value_kind::raw);
  EXPECT_TRUE(fs[1].name.empty());
  EXPECT_EQ(fs[4].bssid, "02:00:00:60:00:01");
}

TEST(ScanEventXml, Disconnect8003ReasonIsRaw) {
  const auto fs = scan(
      "<Event "
      "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>8003</EventID></"
      "System><EventData>"
      "<Data Name='Reason'>The network is disconnected by the user.</Data><Data "
      "Name='ReasonCode'>2</Data></EventData></Event>\n");
  EXPECT_EQ(keys(fs), (V{"1:raw:event_8003_reason:2"}));
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_FALSE(fs[0].fam.has_value());
  EXPECT_EQ(fs[0].text, "The network is disconnected by the user.");
}

TEST(ScanEventXml, ClixmlMessage) {
  const auto fs = scan(
      "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
      "  <Obj RefId=\"0\"><TN RefId=\"0\"><T>System.Diagnostics.Eventing.Reader.EventLogRecord</T></TN>\n"
      "    <Props><I32 N=\"Id\">8002</I32>\n"
      "      <S N=\"Message\">WLAN AutoConfig service failed to connect to a wireless "
      "network._x000D__x000A__x000D__x000A_SSID: HomeNet_x000D__x000A_Failure Reason:The specific network is not "
      "available._x000D__x000A_RSSI: -80</S>\n"
      "    </Props></Obj>\n"
      "</Objs>\n");
  EXPECT_EQ(keys(fs), (V{"4:wlan_reason:163851"}));
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].kind, wlancode::scan::value_kind::text);
  EXPECT_EQ(fs[0].mapping, "exact");
  EXPECT_EQ(fs[0].ssid, "HomeNet");
}

TEST(ScanEventXml, TruncatedXmlDoesNotCrash) {
  const auto fs = scan(
      "<Event "
      "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>8002</EventID></"
      "System><EventData>"
      "<Data Name='ReasonCode'>163851</Data><Data Name='SSID'>Corp");
  EXPECT_EQ(keys(fs), (V{"1:wlan_reason:163851"}));
}

TEST(ScanEventText, WevtutilText) {
  const auto fs = scan(
      "Event[0]:\n"
      "  Log Name: Microsoft-Windows-WLAN-AutoConfig/Operational\n"
      "  Date: 2023-11-21T10:12:34.567\n"
      "  Event ID: 8002\n"
      "  Description: \n"
      "SSID: CorpWiFi\n"
      "Failure Reason:Dynamic key exchange did not succeed within configured time\n"
      "RSSI: -71\n"
      "Event[1]:\n"
      "  Log Name: Security\n"
      "  Event ID: 5632\n"
      "\tReason Code:\t\tExplicit Eap failure received (0x50005)\n"
      "\tEAP Reason Code:\t0x80420100\n"
      "Event[2]:\n"
      "  Event ID: 8003\n"
      "Reason: The network is disconnected by the driver.\n");
  EXPECT_EQ(keys(fs), (V{"7:wlan_reason:294917", "12:wlan_reason:327685", "13:raw:eap_reason:2151809280",
                         "16:raw:event_8003_reason:-"}));
  ASSERT_EQ(fs.size(), 4u);
  EXPECT_EQ(fs[0].timestamp, "2023-11-21T10:12:34.567");
  EXPECT_EQ(fs[0].ssid, "CorpWiFi");
  EXPECT_EQ(fs[1].text, "Explicit Eap failure received");
}

TEST(ScanEventText, UnmappedLocalizedText) {
  const auto fs = scan(
      "Event[0]:\n  Log Name: Microsoft-Windows-WLAN-AutoConfig/Operational\n  Event ID: 8002\n"
      "Raison de l\xE2\x80\x99\xC3\xA9"
      "chec\xC2\xA0: zzqx wvut plok\n"
      "Failure Reason: Le r\xC3\xA9seau sp\xC3\xA9"
      "cifi\xC3\xA9 n\xE2\x80\x99"
      "est pas zzq\n");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].mapping, "unmapped_localized");
  EXPECT_FALSE(fs[0].fam.has_value());
}

// Get-WinEvent | Format-List prints no "Log Name:": the message's "Failure Reason:" opens the
// event, the next record's "TimeCreated :" ends it; lines of other producers still meet the rules.
TEST(ScanEventText, GetWinEventFormatList) {
  const auto fs = scan(
      "TimeCreated  : 11/21/2023 10:12:40 AM\n"
      "ProviderName : Microsoft-Windows-WLAN-AutoConfig\n"
      "Id           : 8002\n"
      "Message      : WLAN AutoConfig service failed to connect to a wireless network.\n"
      "\n"
      "               SSID: Lab\n"
      "               Failure Reason:The specific network is not available.\n"
      "               RSSI: 255\n"
      "\n"
      "TimeCreated  : 11/21/2023 10:02:11 AM\n"
      "ProviderName : Microsoft-Windows-WLAN-AutoConfig\n"
      "Id           : 8002\n"
      "Message      : WLAN AutoConfig service failed to connect to a wireless network.\n"
      "               Failure Reason:Dynamic key exchange did not succeed within configured time\n"
      "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=4\n");
  EXPECT_EQ(keys(fs), (V{"7:wlan_reason:163851", "14:wlan_reason:294917", "15:ieee80211_reason:4"}));
  ASSERT_EQ(fs.size(), 3u);
  EXPECT_EQ(fs[0].field, "Failure Reason");
  EXPECT_EQ(fs[0].format, wlancode::scan::input_format::event_text);
}

// A "Failure Reason:" of another provider's event (Security 4625) is not a WLAN reason: a
// Format-List event with no Wi-Fi text gives nothing, nor one whose provider is known.
TEST(ScanEventText, FormatListOtherProviders) {
  EXPECT_TRUE(scan("TimeCreated  : 11/21/2023 10:12:40 AM\n"
                   "ProviderName : Microsoft-Windows-Security-Auditing\n"
                   "Id           : 4625\n"
                   "Message      : An account failed to log on.\n"
                   "               Failure Information:\n"
                   "               \tFailure Reason:\t\tUnknown user name or bad password.\n"
                   "               \tStatus:\t\t\t0xC000006D\n")
                  .empty());
  EXPECT_TRUE(scan("Message      : An account failed to log on.\n"
                   "               \tFailure Reason:\t\tThe specific network is not available.\n"
                   "Id           : 4625\n"
                   "ProviderName : Microsoft-Windows-Security-Auditing\n"
                   "TimeCreated  : 11/21/2023 10:12:40 AM\n")
                  .empty());
}

// Export-Csv: the message is a quoted multi-line cell; a row's start ends the event.
TEST(ScanEventText, GetWinEventCsv) {
  const auto fs = scan(
      "\"TimeCreated\",\"Id\",\"LevelDisplayName\",\"Message\"\n"
      "\"11/21/2023 10:12:40 AM\",\"8002\",\"Error\",\"WLAN AutoConfig service failed to connect to a wireless "
      "network.\n"
      "\n"
      "Failure Reason:The specific network is not available.\n"
      "RSSI: 255\"\n"
      "\"11/21/2023 10:12:50 AM\",\"8001\",\"Information\",\"WLAN AutoConfig service has successfully connected.\"\n");
  EXPECT_EQ(keys(fs), (V{"4:wlan_reason:163851"}));
}

// NWiFi's uReason/uStatus are DOT11_ASSOC_STATUS values (windot11.h), not raw 802.11 codes.
TEST(ScanEtw, NWiFiIsDot11AssocStatus) {
  const auto fs = scan(
      "[0]0A1C.0B2C::11/21/2023-10:12:40.001234 [Microsoft-Windows-NWiFi]DisAssoc: 0x8D Mac: 02:00:00:50:00:01 Reason: "
      "0x4\n"
      "[1]0A1C.0B2C::11/21/2023-10:12:41.100000 [Microsoft-Windows-WLAN-AutoConfig]ConnectionFailure ReasonCode: "
      "0x00038004\n"
      "[1]0A1C.0B2C::11/21/2023-10:12:42.000000 [Microsoft-Windows-TCPIP]Framing: Reason: 0x17\n"
      "[0]0A1C.0B2C::11/21/2023-10:12:34.567890 [Microsoft-Windows-NWiFi]Assoc: 0x8D Mac: 02:00:00:50:00:01 Channel: "
      "36\n");
  EXPECT_EQ(keys(fs), (V{"1:dot11_assoc_status:4", "2:wlan_reason:229380"}));
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_EQ(fs[0].name, "DOT11_ASSOC_STATUS_PHY_DISABLED");
  EXPECT_EQ(fs[0].bssid, "02:00:00:50:00:01");
  EXPECT_EQ(fs[0].timestamp, "11/21/2023-10:12:40.001234");
  EXPECT_EQ(fs[0].format, input_format::etw);
}

TEST(ScanPlain, NamesAndHexInReasonContext) {
  const auto fs = scan(
      "Client log shows WLAN_REASON_CODE_MSMSEC_PSK_MISMATCH_SUSPECTED during the key exchange.\n"
      "The driver reported WDI_ASSOC_STATUS_AUTH_REQUEST_NO_ACK first.\n"
      "Second attempt: reason code 0x00038004.\n"
      "Unrelated: build 0x1A2B3C4D, channel 36, pid 4420, see func(420), at 10:12:34, MAC 02:00:00:00:00:01.\n"
      "Not a code: WLAN_REASON_CODE_NO_SUCH_THING and MY_WLAN_REASON_CODE_SUCCESS.\n");
  EXPECT_EQ(keys(fs), (V{"1:wlan_reason:294932", "2:wdi_assoc_status:40", "3:wlan_reason:229380"}));
}

TEST(ScanWlanReport, TextReasonsAndKeyMaterial) {
  const auto fs = scan(
      "<!DOCTYPE html><html><head><title>Wlan Report</title></head><body>\n"
      "<div class=\"wlan-report\">\n"
      "<tr><td>2023-11-21 10:15:00</td><td>8003</td><td>Disconnect Reason: The network is disconnected by the "
      "driver.</td></tr>\n"
      "<tr><td>2023-11-21 10:16:00</td><td>8002</td><td>Failure Reason: The specific network is not "
      "available.</td></tr>\n"
      "<keyMaterial>SuperSecretPassphrase</keyMaterial>\n"
      "<keyMaterial>\nAnotherSecret Reason: x\n</keyMaterial>\n"
      "</div></body></html>\n");
  ASSERT_GE(fs.size(), 1u);
  bool found = false;
  for (const auto& f : fs) {
    EXPECT_EQ(f.format, input_format::wlanreport);
    EXPECT_EQ(f.excerpt.find("Secret"), std::string::npos);
    EXPECT_EQ(f.text.find("Secret"), std::string::npos);
    if (f.line == 4) {
      found = true;
      EXPECT_EQ(f.name, "WLAN_REASON_CODE_NETWORK_NOT_AVAILABLE");
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(fs.size(), 2u);
}

// A minified report is one line: key material is cut out of it, every reason on it is found, each
// with its own row's event id, timestamp and excerpt. Before, the whole line was skipped.
TEST(ScanWlanReport, OneLineReportWithKeyMaterial) {
  const std::string report =
      "<!DOCTYPE html><html><head><title>Wlan Report</title></head><body><div class=\"wlan-report\"><table>"
      "<tr class=\"reason\"><td>2023-11-21 10:15:00</td><td>8003</td><td>Disconnect Reason: The network is "
      "disconnected by the driver.</td></tr>"
      "<sharedKey><keyMaterial>SuperSecretPassphrase Reason: The specific network is not available.</keyMaterial>"
      "</sharedKey>"
      "<tr class=\"reason\"><td>2023-11-21 10:16:00</td><td>8002</td><td>Failure Reason: The specific network is "
      "not available.</td></tr></table></div></body></html>\n";
  const auto fs = scan(report);
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_EQ(fs[0].field, "Disconnect Reason");
  EXPECT_EQ(fs[0].name, "WLAN_REASON_CODE_DRIVER_DISCONNECTED") << fs[0].text;
  EXPECT_EQ(fs[0].event_id, "8003");
  EXPECT_EQ(fs[0].timestamp, "2023-11-21 10:15:00");
  EXPECT_EQ(fs[1].field, "Failure Reason");
  EXPECT_EQ(fs[1].name, "WLAN_REASON_CODE_NETWORK_NOT_AVAILABLE");
  EXPECT_EQ(fs[1].event_id, "8002");
  EXPECT_EQ(fs[1].timestamp, "2023-11-21 10:16:00");
  EXPECT_EQ(fs[1].excerpt.rfind("<tr class=\"reason\"><td>2023-11-21 10:16:00", 0), 0u) << fs[1].excerpt;
  for (const auto& f : fs) {
    EXPECT_EQ(f.line, 1u);
    EXPECT_EQ(f.format, input_format::wlanreport);
    EXPECT_EQ(f.excerpt.find("Secret"), std::string::npos) << f.excerpt;
    EXPECT_EQ(f.text.find("Secret"), std::string::npos);
  }

  // Key material that opens on one line and closes on another, reasons on both sides of it.
  const auto split = scan(
      "<!DOCTYPE html><html><body><div class=\"wlan-report\"><tr><td>8002</td><td>Failure Reason: The specific "
      "network is not available.</td></tr><keyMaterial>Secret1\n"
      "Secret2 Reason: hidden</keyMaterial><tr><td>8003</td><td>Disconnect Reason: The network is disconnected by "
      "the driver.</td></tr><keyMaterial>Secret3</keyMaterial></div></body></html>\n");
  ASSERT_EQ(split.size(), 2u);
  EXPECT_EQ(split[0].line, 1u);
  EXPECT_EQ(split[0].name, "WLAN_REASON_CODE_NETWORK_NOT_AVAILABLE");
  EXPECT_EQ(split[1].line, 2u);
  EXPECT_EQ(split[1].name, "WLAN_REASON_CODE_DRIVER_DISCONNECTED");
  for (const auto& f : split) {
    EXPECT_EQ(f.excerpt.find("Secret"), std::string::npos) << f.excerpt;
    EXPECT_EQ(f.text.find("hidden"), std::string::npos);
  }
}

TEST(ScanDetect, PicksFormat) {
  using wlancode::scan::detect_format;
  EXPECT_EQ(detect_format("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"),
            input_format::event_xml);
  EXPECT_EQ(detect_format("Event[0]:\n  Log Name: x\n  Event ID: 8002\n"), input_format::event_text);
  EXPECT_EQ(detect_format("[0]0A1C.0B2C::11/21/2023 [Microsoft-Windows-NWiFi]x"), input_format::etw);
  EXPECT_EQ(detect_format("Nov 21 host wpa_supplicant[1]: x"), input_format::linux_log);
  EXPECT_EQ(detect_format("hello world"), input_format::plain);
  EXPECT_EQ(detect_format("<html><title>Wlan Report</title><div class='wlan-report'>"), input_format::wlanreport);
}

TEST(ScanFamily, FilterAndForcedFormat) {
  wlancode::scan::options o;
  o.only = family::ieee80211_status;
  std::vector<wlancode::scan::finding> out;
  wlancode::scan::scan_memory(
      "wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3\nwlan0: CTRL-EVENT-ASSOC-REJECT "
      "bssid=02:00:00:00:00:02 status_code=1\n",
      "mem", o, [&](const wlancode::scan::finding& f) { out.push_back(f); });
  EXPECT_EQ(keys(out), (V{"2:ieee80211_status:1"}));
  // Forcing the kernel grammar ignores wpa_supplicant lines.
  EXPECT_EQ(keys(scan("wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=3\n", input_format::kernel)), V{});
}

TEST(ScanRedact, MasksMacsSsidsUsers) {
  const auto fs = scan(
      "Nov 21 10:12:30 host wpa_supplicant[812]: wlan0: Trying to associate with 02:00:00:aa:00:01 (SSID='SecretNet' "
      "freq=5180 MHz)\n"
      "Nov 21 10:12:34 host wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid=02:00:00:aa:00:01 reason=3\n"
      "<Event "
      "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>12013</EventID></"
      "System><EventData>"
      "<Data Name='SSID'>SecretNet</Data><Data Name='UserName'>alice</Data><Data "
      "Name='ReasonCode'>0x50005</Data></EventData></Event>\n",
      input_format::automatic, true);
  ASSERT_EQ(fs.size(), 2u);  // a Linux log with a pasted event: both are read
  EXPECT_EQ(fs[1].format, input_format::event_xml);
  EXPECT_EQ(fs[1].value, 0x50005u);
  EXPECT_EQ(fs[1].ssid.find("SecretNet"), std::string::npos);
  EXPECT_EQ(fs[1].excerpt.find("alice"), std::string::npos);
  EXPECT_EQ(fs[0].bssid.find("02:00:00"), std::string::npos);
  EXPECT_EQ(fs[0].ssid.find("SecretNet"), std::string::npos);
  EXPECT_EQ(fs[0].excerpt.find("02:00:00:aa:00:01"), std::string::npos);
  const auto xs = scan(
      "<Event "
      "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>12013</EventID></"
      "System><EventData>"
      "<Data Name='SSID'>SecretNet</Data><Data Name='UserName'>alice</Data><Data "
      "Name='ReasonCode'>0x50005</Data></EventData></Event>\n",
      input_format::automatic, true);
  ASSERT_EQ(xs.size(), 1u);
  EXPECT_EQ(xs[0].excerpt.find("SecretNet"), std::string::npos);
  EXPECT_EQ(xs[0].excerpt.find("alice"), std::string::npos);
  EXPECT_EQ(xs[0].ssid.find("SecretNet"), std::string::npos);
  EXPECT_EQ(wlancode::scan::redact_text("User Name: EXAMPLE\\bob").find("bob"), std::string::npos);
}

TEST(ScanRouter, WlceventdHexReasonKeepsItsTokenAsPrinted) {
  // Broadcom's "(f)" is 15; the finding's raw is the "f" the line shows, not a made-up "0xf".
  const auto fs = scan(
      "Mar  3 09:12:01 wlceventd: WLCEVENTD wlceventd_proc_event(386): eth6: Deauth_ind 02:00:00:00:00:09, status: 0, "
      "reason: 4-way handshake timeout (f), rssi:-61\n"
      "Mar  3 09:12:09 wlceventd: WLCEVENTD wlceventd_proc_event(401): eth6: Disassoc 02:00:00:00:00:09, status: 0, "
      "reason: Disassociated because sending station is leaving (or has left) BSS (8)\n");
  EXPECT_EQ(keys(fs), (V{"1:ieee80211_reason:15", "2:ieee80211_reason:8"}));
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_EQ(fs[0].raw, "f");
  EXPECT_EQ(fs[1].raw, "8");
}

TEST(ScanKernel, InterfaceNamedBeforeTheMessage) {
  // Names interface_of does not know, told by where the producer prints its interface: codes
  // get them with or without lifecycle events.
  const auto fs = scan(
      "Dec  2 18:44:57 pi kernel: [1666231.058123] wlancli: deauthenticated from 02:00:00:00:00:01 (Reason: "
      "1=UNSPECIFIED)\n"
      "Dec  2 18:48:28 pi wpa_supplicant[483]: wlancli: CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:01 reason=4 "
      "locally_generated=1\n"
      "Dec  2 18:48:30 pi hostapd: eth1: STA 02:00:00:00:00:0b MLME: MLME-DEAUTHENTICATE.indication(02:00:00:00:00:0b, "
      "3)\n"
      "[ 812.1] RTW: OnDeAuth(wlan0x) reason=15, ta=02:00:00:00:00:01, ignore=0\n"
      "Dec  2 18:48:31 pi kernel: [ 1202.0] ieee80211 phy0: deauthenticated from 02:00:00:00:00:01 (Reason: "
      "7=CLASS3_FRAME_FROM_NONASSOC_STA)\n");
  ASSERT_EQ(fs.size(), 5u);
  EXPECT_EQ(fs[0].interface, "wlancli");
  EXPECT_EQ(fs[1].interface, "wlancli");
  EXPECT_EQ(fs[2].interface, "eth1");
  EXPECT_EQ(fs[3].interface, "");  // a driver's tag ("RTW: ") is no interface
  EXPECT_EQ(fs[4].interface, "");  // "ieee80211 phy0:" is the wiphy, not an interface
}

TEST(ScanDetect, WlanReportPastedInParts) {
  using wlancode::scan::detect_format;
  // A ticket holds the part of the report that mattered: its HTML session list or summary, or
  // the XML's sessions, without the page's title or the XML's root.
  EXPECT_EQ(detect_format("<h2>Wireless Sessions</h2>\n<div id=\"session-list\">\n<div class=\"session\">\n"),
            input_format::wlanreport);
  EXPECT_EQ(detect_format("<div id=\"events-summary\">\n<h2>Summary</h2>\n"), input_format::wlanreport);
  EXPECT_EQ(detect_format("  <WlanEventsSummary total=\"9\">\n"), input_format::wlanreport);
  EXPECT_EQ(detect_format("    <WlanSession success=\"1\" interface=\"Wi-Fi\">\n"), input_format::wlanreport);
  // Another page's divs are not a report.
  EXPECT_NE(detect_format("<div id=\"content\">\n<div class=\"session\">x</div>\n"), input_format::wlanreport);
}
