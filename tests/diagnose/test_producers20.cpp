// Attempts from logs of the twentieth lifecycle-event audit (an eleventh proxy held-out set of
// published logs, docs/producers-audit.md: ESP32 and ESP8266, a second set): the ESP firmware's
// same disconnect print again on a later line (the next try's, not that one told again), and the
// blob's debug prints of the events it posts ("send disconnect event", "Send sta connected
// event"). The logs are written by the project in each producer's print style; the expectations
// are hand-typed: outcome, failing phase, who ended it, decisive code.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace diagnose_test;

TEST(Producers20, ArduinoReasonLinesWithoutTimeAreOneTryEach) {
  // Arduino-ESP32 1.0 at info level prints only each disconnect event's reason (its name table
  // one off: 201 is no AP found), the sketch's own words between. Without time on the lines, the
  // same print two lines on is the retry's event. Before: two tries read as one failure told twice.
  const std::string one =
      "[W][WiFiGeneric.cpp:268] _eventCallback(): Reason: 201 - AUTH_FAIL\n"
      "Lost the station, trying again\n";
  const auto a = attempts_with_codes(diagnose(one + one + one + one));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "4 failed discovery device esp_wifi_reason:201");
}

TEST(Producers20, ArduinoEventAndReasonPairsAreOneTryEach) {
  // The event line and its reason line are two prints of one event; the next pair, with no time,
  // is the next try's. Before: the second pair read as the first told again.
  const std::string pair =
      "[D][WiFiGeneric.cpp:331] _eventCallback(): Event: 5 - STA_DISCONNECTED\n"
      "[W][WiFiGeneric.cpp:349] _eventCallback(): Reason: 204 - HANDSHAKE_TIMEOUT\n";
  const auto a = attempts_with_codes(diagnose(pair + pair + pair));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "3 failed key_exchange device esp_wifi_reason:204");
}

TEST(Producers20, EventWithItsReasonOnTheNextLineIsStillOneFailure) {
  // Unchanged: one event told by two prints is one failure.
  const auto a =
      attempts_with_codes(diagnose("[D][WiFiGeneric.cpp:331] _eventCallback(): Event: 5 - STA_DISCONNECTED\n"
                                   "[W][WiFiGeneric.cpp:349] _eventCallback(): Reason: 203 - ASSOC_FAIL\n"));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed association ap esp_wifi_reason:203");
}

TEST(Producers20, BlobSendDisconnectEventFailsTheTry) {
  // The v3 blob at info level: "Start wifi connect", a scan, then its "send disconnect event"
  // (no reason printed): the try failed where it got to. Before: no result.
  const auto a =
      attempts_with_codes(diagnose("I (5120) wifi: Start wifi connect\n"
                                   "I (5124) wifi: connect status 0 -> 1, step=0, err_time=0\n"
                                   "I (7180) wifi: handoff_cb: status=0\n"
                                   "I (7181) wifi: send disconnect event\n"));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed discovery device -");
}

TEST(Producers20, BlobSendStaConnectedEventIsAConnection) {
  // The v4 blob's debug print of WIFI_EVENT_STA_CONNECTED, the log cut before it: the join
  // succeeded. Before: nothing.
  const auto r = diagnose(
      "D (4410) wifi:Send sta connected event\n"
      "D (4415) wifi:connect status 1 -> 5\n"
      "D (4430) esp_netif_handlers: esp_netif action connected with netif0x3ffc1000 from event_id=4\n");
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
  EXPECT_EQ(session_count(r), 1u);
}

TEST(Producers20, DisconnectAfterTheStationStartedIsAFailedTry) {
  // Arduino-ESP32 1.x: the station starts (its event printed twice, as the core does), then a
  // disconnect event and its reason: no link can have been up, so the try failed (in
  // authentication, by this device's timer), not a session up before the log. Before: a session
  // ended by the AP.
  const std::string log =
      "[D][WiFiGeneric.cpp:331] _eventCallback(): Event: 0 - WIFI_READY\n"
      "[D][WiFiGeneric.cpp:331] _eventCallback(): Event: 2 - STA_START\n"
      "[D][WiFiGeneric.cpp:331] _eventCallback(): Event: 2 - STA_START\n"
      "[D][WiFiGeneric.cpp:331] _eventCallback(): Event: 5 - STA_DISCONNECTED\n"
      "[W][WiFiGeneric.cpp:349] _eventCallback(): Reason: 2 - AUTH_EXPIRE\n";
  const auto r = diagnose(log);
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0], "1 failed authentication device esp_wifi_reason:2");
  EXPECT_EQ(session_count(r), 0u);
}

TEST(Producers20, StationStartThenConnectedIsOneJoin) {
  // The start and the connection are one try that succeeded.
  const auto r = diagnose(
      "[   812][D][WiFiGeneric.cpp:1039] _eventCallback(): Arduino Event: 2 - STA_START\n"
      "[  3120][D][WiFiGeneric.cpp:1039] _eventCallback(): Arduino Event: 4 - STA_CONNECTED\n"
      "[  3360][D][WiFiGeneric.cpp:1039] _eventCallback(): Arduino Event: 7 - STA_GOT_IP\n");
  const auto a = attempts_with_codes(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].substr(0, 11), "1 succeeded");
  EXPECT_EQ(session_count(r), 1u);
}

}  // namespace
