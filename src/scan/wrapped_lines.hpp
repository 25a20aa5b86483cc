// Log lines wrapped by a mail client or a narrow terminal at about 80 columns: the producer's
// anchor on one line ("CTRL-EVENT-DISCONNECTED"), its "reason=3" at the start of the next. A
// line whose code needs its neighbour is read joined with it, when the two look like the pieces
// of one wrapped line: the first fills most of the width (44-80 bytes: a long word may have gone to the next line), the
// second does not start the way log lines start (a timestamp, "[", "<3>", "I (", "I/", "tag: ", a month's name). A key
// at the end of a line ("Reason:") may have its value on the next: the prefilter lets it through.
#pragma once

#include <string_view>

namespace wlancode::scan::detail {

constexpr std::size_t wrap_min = 44, wrap_max = 80;

// Whether `s` may be a wrapped line's first (or middle) piece.
bool may_be_wrapped_head(std::string_view s) noexcept;
// Whether `s` may be a wrapped line's next piece, not a log line of its own.
bool may_be_wrapped_continuation(std::string_view s) noexcept;

}  // namespace wlancode::scan::detail
