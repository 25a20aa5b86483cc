// Packed findings (finding_pack.hpp): the scalar fields as one block, then each string as its
// length and bytes. Both ends are this process: no versioning, no byte order.
#include "finding_pack.hpp"

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace wlancode::scan::detail {
namespace {

struct scalars {
  std::uint64_t line, record;
  double confidence, score;
  const code_info* code;
  instant time;
  std::uint32_t value;
  input_format format;
  value_kind kind;
  event_kind event;
  family fam;
  bool has_fam, has_value, locally_generated, line_truncated, last_on_line;
  phase ph;
  initiator init;
};
static_assert(std::is_trivially_copyable_v<scalars>);

// The string fields, in record order (all but `source`; `connection`, read by diagnose only, is
// no record field).
template <class F, class Visit>
void each_string(F& f, Visit&& v) {
  v(f.rule), v(f.field), v(f.space), v(f.raw), v(f.name), v(f.meaning), v(f.text), v(f.mapping);
  v(f.hint_cause), v(f.hint_action), v(f.timestamp), v(f.event_id), v(f.interface), v(f.ssid), v(f.bssid);
  v(f.sta), v(f.connection), v(f.excerpt);
}

void put_string(std::string& buf, std::string_view s) {
  const auto n = static_cast<std::uint32_t>(s.size());
  buf.append(reinterpret_cast<const char*>(&n), sizeof n);
  buf.append(s);
}

const char* get_string(const char* p, std::string& s) {
  std::uint32_t n;
  std::memcpy(&n, p, sizeof n);
  s.assign(p + sizeof n, n);
  return p + sizeof n + n;
}
}  // namespace

void pack_finding(std::string& buf, const finding& f) {
  scalars h;
  std::memset(static_cast<void*>(&h), 0, sizeof h);  // padding too: the bytes are copied whole
  h.line = f.line;
  h.record = f.record;
  h.confidence = f.confidence;
  h.score = f.score;
  h.code = f.code;
  h.time = f.time;
  h.value = f.value;
  h.format = f.format;
  h.kind = f.kind;
  h.event = f.event;
  h.fam = f.fam.value_or(family{});
  h.has_fam = f.fam.has_value();
  h.has_value = f.has_value;
  h.locally_generated = f.locally_generated;
  h.line_truncated = f.line_truncated;
  h.last_on_line = f.last_on_line;
  h.ph = f.ph;
  h.init = f.init;
  std::size_t bytes = sizeof h;
  each_string(f, [&](const std::string& s) { bytes += sizeof(std::uint32_t) + s.size(); });
  // Sized once, then written in place (an append per length and per string cost more than the
  // copies: the merger's -j 2 work on a dense log).
  const std::size_t at = buf.size();
  buf.resize(at + bytes);
  char* w = buf.data() + at;
  std::memcpy(w, &h, sizeof h);
  w += sizeof h;
  each_string(f, [&](const std::string& s) {
    const auto n = static_cast<std::uint32_t>(s.size());
    std::memcpy(w, &n, sizeof n);
    std::memcpy(w + sizeof n, s.data(), n);
    w += sizeof n + n;
  });
}

const char* unpack_finding(const char* p, finding& f) {
  scalars h;
  std::memcpy(&h, p, sizeof h);
  p += sizeof h;
  f.line = h.line;
  f.record = h.record;
  f.confidence = h.confidence;
  f.score = h.score;
  f.code = h.code;
  f.time = h.time;
  f.value = h.value;
  f.format = h.format;
  f.kind = h.kind;
  f.event = h.event;
  f.fam = h.has_fam ? std::optional<family>(h.fam) : std::nullopt;
  f.has_value = h.has_value;
  f.locally_generated = h.locally_generated;
  f.line_truncated = h.line_truncated;
  f.last_on_line = h.last_on_line;
  f.ph = h.ph;
  f.init = h.init;
  each_string(f, [&](std::string& s) { p = get_string(p, s); });
  return p;
}

void pack_learnt(std::string& buf, std::uint64_t line, std::uint64_t key, std::string_view ssid) {
  buf.append(reinterpret_cast<const char*>(&line), sizeof line);
  buf.append(reinterpret_cast<const char*>(&key), sizeof key);
  put_string(buf, ssid);
}

const char* unpack_learnt(const char* p, std::uint64_t& line, std::uint64_t& key, std::string& ssid) {
  std::memcpy(&line, p, sizeof line);
  std::memcpy(&key, p + sizeof line, sizeof key);
  return get_string(p + sizeof line + sizeof key, ssid);
}

}  // namespace wlancode::scan::detail
