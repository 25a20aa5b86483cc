// Internal pieces of diagnose: who a line is about, and the diagnosis rules.
#pragma once

#include <string>
#include <string_view>

#include "wlancode/diagnose.hpp"

namespace wlancode::diagnose::detail {

// The host a syslog-style line names after its timestamp ("Nov 21 10:00:01 laptop wpa_supplicant[812]:
// ..." -> "laptop"), or "" when the line has none. `timestamp` is the line's leading timestamp as
// the scanner found it.
std::string_view host_of(std::string_view excerpt, std::string_view timestamp) noexcept;

// The most confident cause of an attempt (index into causes() or -1) and its confidence.
struct cause_match {
  int cause = -1;
  double confidence = 0;
};
cause_match match_attempt(const attempt& a);
cause_match match_session_end(const session& s, std::optional<scan::event_kind> end_event);

// Who ended a session by the text of a Windows 8003 disconnect reason, or ender::unknown.
ender ender_of_text(std::string_view text) noexcept;

// Who acted, by a code's initiator.
ender ender_of(const code_seen& c) noexcept;

}  // namespace wlancode::diagnose::detail
