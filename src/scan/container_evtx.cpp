// EVTX files: each record read by the EVTX reader (src/evtx/) becomes one event of the event-field
// logic shared with event XML and text (event_fields.hpp). Findings carry the record identifier
// (`line` stays 0: a binary file has no lines) and the event's time.
#include <string>

#include "../evtx/evtx.hpp"
#include "event_fields.hpp"
#include "internal.hpp"

namespace wlancode::scan::detail {

bool is_evtx_head(std::string_view head) noexcept { return head.starts_with(evtx::file_magic); }

std::string scan_evtx(stream& in, const std::function<void(std::vector<candidate>&)>& deliver, bool& lost) {
  event_builder ev(input_format::evtx);
  std::vector<candidate> cands;
  std::string excerpt;
  const auto on_record = [&](const evtx::record& r) {
    ev.begin();
    ev.set_provider(r.provider);
    if (r.has_event_id) ev.set_id(std::to_string(r.event_id));
    ev.set_time(r.time);
    ev.set_record(r.id);
    for (const evtx::field& f : r.data) {
      // The excerpt names the record and the field, as the value was read (not XML).
      excerpt =
          "record " + std::to_string(r.id) + " event " + std::to_string(r.event_id) + " " + f.name + "=" + f.value;
      const line l{excerpt, 0, false};
      ev.add(f.name, f.value, l, false);
    }
    ev.flush(cands);
    if (!cands.empty()) deliver(cands);
    cands.clear();
  };
  const evtx::file_report rep = evtx::read_file([&in](char* b, std::size_t n) { return in.read(b, n); }, on_record);
  lost = rep.lost > 0 || !rep.header_ok;
  if (!rep.header_ok && rep.read == 0 && rep.recovered == 0 && rep.lost == 0)
    return "not an EVTX file (no ElfFile header)";
  return rep.damaged() ? "evtx: " + rep.describe() : std::string();
}

}  // namespace wlancode::scan::detail
