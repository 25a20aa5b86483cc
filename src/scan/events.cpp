// The lifecycle event kinds (wlancode/scan_events.def), for findings, docs and help.
#include <array>

#include "wlancode/scan.hpp"

namespace wlancode::scan {
namespace {
constexpr event_info kinds[] = {
#define WLANCODE_EVENT_KIND(id, phase_id, role, description) \
  {event_kind::id, #id, phase::phase_id, event_role::role, description},
#include "wlancode/scan_events.def"
};
static_assert([] {
  for (std::size_t i = 0; i < std::size(kinds); ++i)
    if (static_cast<std::size_t>(kinds[i].id) != i) return false;
  return true;
}());
}  // namespace

std::span<const event_info> event_kinds() noexcept { return kinds; }
const event_info& info(event_kind k) noexcept { return kinds[static_cast<std::size_t>(k)]; }
std::string_view to_string(event_kind k) noexcept { return info(k).name; }

}  // namespace wlancode::scan
