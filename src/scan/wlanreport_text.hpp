// The wlanreport's text layer (wlanreport_text.cpp), used by its container
// (container_wlanreport.cpp).
#pragma once

#include <string>
#include <vector>

#include "internal.hpp"

namespace wlancode::scan::detail {

// HTML and XML entities decoded in place (&amp; &lt; &gt; &quot; &apos; &#39; &nbsp;), and numeric
// character references (&#233; &#x2019;) as UTF-8, so localized text stays recognisable.
void decode_entities(std::string& text);

// The report's older reading, for lines that are no part of a session's events: every
// "Failure Reason:" / "Disconnect Reason:" / "Reason:" text of the line, mapped with text->code,
// with the event id (8002, 8003) and timestamp of its row. `last_event` carries the last event id
// seen from line to line.
void reason_texts(const line& l, std::string& last_event, std::vector<candidate>& out);

}  // namespace wlancode::scan::detail
