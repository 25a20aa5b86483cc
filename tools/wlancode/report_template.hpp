// The report page's template, generated at build time from report/report.html (with report.css
// and report.js inlined) by report/embed.cmake: text parts with named slots between them.
#pragma once

#include <cstddef>
#include <string_view>

namespace wlancode::cli::report_template {

// parts[0] slots[0] parts[1] slots[1] ... parts[slot_count]; a slot is "@@NAME@@" in report.html.
extern const std::string_view parts[];
extern const std::string_view slots[];
extern const std::size_t slot_count;

}  // namespace wlancode::cli::report_template
