// Internal pieces of diagnose: who a line is about, and the diagnosis rules.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "wlancode/diagnose.hpp"

namespace wlancode::diagnose::detail {

// The host a syslog-style line names after its timestamp ("Nov 21 10:00:01 laptop wpa_supplicant[812]:
// ..." -> "laptop"), or "" when the line has none. `timestamp` is the line's leading timestamp as
// the scanner found it.
std::string_view host_of(std::string_view excerpt, std::string_view timestamp) noexcept;

// host_of for the lines of a log, which mostly name one host: its field is remembered with the
// bytes after the timestamp it was read from ("laptop "), and a line that starts with them again
// after its own timestamp is only checked for its program tag. The answer views `excerpt`, as
// host_of's does.
class host_memo {
 public:
  std::string_view operator()(std::string_view excerpt, std::string_view timestamp);

 private:
  std::string read_;  // empty: nothing remembered
  bool rfc5424_ = false;
  std::size_t at_ = 0, size_ = 0;  // where the host is in read_
};

// The most confident cause of an attempt (index into causes() or -1) and its confidence.
struct cause_match {
  int cause = -1;
  double confidence = 0;
};
cause_match match_attempt(const attempt& a);

// match_attempt, remembering which code row each of the last few codes meets: a log repeats its
// failures, and testing a code against the rows that name codes is a substring search per row.
// One per analyzer (it is not for sharing between threads).
class cause_matcher {
 public:
  cause_match operator()(const attempt& a);

 private:
  int code_row(const code_seen& c);
  struct known {  // a code, by what the code rows test of it, and the winning row (-1: none)
    bool has_family = false, has_value = false;
    std::string ref, carried_ref, name, carried_name, space;
    int row = -1;
  };
  std::array<known, 8> known_;
  std::size_t known_n_ = 0, next_ = 0;  // entries in use; the one replaced next
};
cause_match match_session_end(const session& s, std::optional<scan::event_kind> end_event);

// Who ended a session by the text of a Windows 8003 disconnect reason, or ender::unknown.
ender ender_of_text(std::string_view text) noexcept;

// Who acted, by a code's initiator.
ender ender_of(const code_seen& c) noexcept;

// ESP-IDF's reasons for its own timers and verdicts (station scenarios): AUTH_EXPIRE when no
// authentication response came in time, ASSOC_EXPIRE when no association response did, each only
// while the attempt is at that step (both are also the AP's deauth / disassoc reasons 2 and 4);
// HANDSHAKE_TIMEOUT, CONNECTION_FAIL at any step.
bool esp_step_timer(const code_seen& c, phase at) noexcept;  // AUTH_EXPIRE / ASSOC_EXPIRE at their step
bool esp_gave_up(const code_seen& c, phase at) noexcept;     // those, or the firmware's timer or verdict
bool esp_assoc_expire(const code_seen& c) noexcept;

}  // namespace wlancode::diagnose::detail
