// EVTX files: each record read by the EVTX reader (src/evtx/) becomes one event of the event-field
// logic shared with event XML and text (event_fields.hpp). Findings carry the record identifier
// and the event's time; `line` is the record's ordinal in the file (1 for the first record read):
// a binary file has no lines, and what groups a line's codes (diagnose) then groups a record's.
#include <string>

#include "../evtx/evtx.hpp"
#include "event_fields.hpp"
#include "internal.hpp"

namespace wlancode::scan::detail {

bool is_evtx_head(std::string_view head) noexcept { return head.starts_with(evtx::file_magic); }

std::string scan_evtx(stream& in, const std::function<void(std::vector<candidate>&)>& deliver, bool& lost,
                      bool events) {
  event_builder ev(input_format::evtx, events);
  std::vector<candidate> cands;
  std::string excerpt;
  std::uint64_t ordinal = 0;
  const auto on_record = [&](const evtx::record& r) {
    ++ordinal;
    ev.begin();
    ev.set_provider(r.provider);
    excerpt = "record " + std::to_string(r.id) + " event " + std::to_string(r.event_id);
    if (r.has_event_id) ev.set_id(std::to_string(r.event_id), line{excerpt, ordinal, false});
    ev.set_time(r.time);
    ev.set_record(r.id);
    const std::size_t head = excerpt.size();
    for (const evtx::field& f : r.data) {
      // The excerpt names the record and the field, as the value was read (not XML).
      excerpt.resize(head);
      ((excerpt += ' ') += f.name) += '=';
      excerpt += f.value;
      ev.add(f.name, f.value, line{excerpt, ordinal, false}, false);
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
