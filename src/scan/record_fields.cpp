// The record's schema through the virtual visitor (scan_record.hpp); the fields are
// record_fields.hpp's.
#include "record_fields.hpp"

#include "wlancode/timestamp.hpp"

namespace wlancode::scan {

namespace detail {
std::string_view time_text(const instant& t) {
  thread_local instant last;
  thread_local char buf[48];
  thread_local std::size_t n = 0;
  if (n == 0 || !(t == last)) {
    n = std::min(to_iso8601(t, buf, sizeof buf), sizeof buf);
    last = t;
  }
  return {buf, n};
}
}  // namespace detail

void visit_record(const finding& f, record_visitor& v) { detail::visit_record_fields(f, v); }

std::span<const context_field> context_fields() noexcept { return detail::context_table; }

}  // namespace wlancode::scan
