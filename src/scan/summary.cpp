// Counts for --summary: by code, family, phase, initiator, format, SSID and BSSID.
#include "internal.hpp"

namespace wlancode::scan {

std::string code_label(const finding& f) {
  if (!f.name.empty()) return f.name;
  if (f.fam && f.has_value) {
    // A range that carries another family's code in its low bits (DOT11_ASSOC_STATUS 0x30011:
    // an association response with 802.11 status 17) is named by both.
    const classification c = classify(*f.fam, static_cast<std::uint32_t>(f.value));
    if (c.range && c.inner) return std::string(c.range->label) + ": " + std::string(c.inner->name);
    return std::string(to_string(*f.fam)) + ":" + std::to_string(f.value);
  }
  // Error spaces (Win32, HRESULT-like EAP codes) are read in hex; keep the value as the log printed it.
  if (f.kind == value_kind::raw)
    return f.space + ":" + (!f.raw.empty() ? f.raw : f.has_value ? std::to_string(f.value) : f.text.substr(0, 80));
  return "text:" + f.text.substr(0, 80);
}

void summary::add(const finding& f) {
  if (f.kind == value_kind::event) {  // lifecycle events are counted apart from codes
    ++by_event[std::string(to_string(f.event))];
    return;
  }
  ++total;
  const std::string fam = f.fam ? std::string(to_string(*f.fam)) : f.kind == value_kind::raw ? "raw" : "unmapped_text";
  ++by_family[fam];
  ++by_phase[std::string(to_string(f.ph))];
  ++by_initiator[std::string(to_string(f.init))];
  ++by_format[std::string(to_string(f.format))];
  if (f.locally_generated) ++locally_generated;
  if (f.time.clk == instant::clock::utc) {
    if (first_time.clk != instant::clock::utc || f.time.ns < first_time.ns) {
      first_time = f.time;
      first_seen = f.timestamp;
    }
    if (last_time.clk != instant::clock::utc || f.time.ns >= last_time.ns) {
      last_time = f.time;
      last_seen = f.timestamp;
    }
  } else if (!f.timestamp.empty() && first_time.clk != instant::clock::utc) {
    // No real time yet: the first and last printed, until one comes.
    if (first_seen.empty()) first_seen = f.timestamp;
    last_seen = f.timestamp;
  }
  const std::string label = code_label(f);
  std::string key = fam + "|" + label;
  std::string where = f.source;
  where += f.record ? ":record " : ":";
  where += std::to_string(f.record ? f.record : f.line);
  auto it = index_.find(key);
  if (it == index_.end()) {
    if (by_code.size() < max_keys) {
      code_count c;
      c.fam = f.fam;
      c.space = f.space;
      c.value = f.value;
      c.has_value = f.has_value;
      c.name = label;
      index_.emplace(key, by_code.size());
      by_code.push_back(std::move(c));
      it = index_.find(key);
    }
  }
  if (it == index_.end()) ++capped.codes;
  if (it != index_.end()) {
    code_count& c = by_code[it->second];
    ++c.count;
    const bool utc = f.time.clk == instant::clock::utc;
    const bool timed = c.first_time.clk == instant::clock::utc;  // real time seen for this code
    // The earliest and the latest by real time; untimed findings count only while no timed one came.
    if (c.count == 1 || (utc && (!timed || f.time.ns < c.first_time.ns))) {
      c.first_time = f.time;
      c.first_seen = f.timestamp;
      c.first_where = where;
    }
    if (c.count == 1 || (utc ? !timed || f.time.ns >= c.last_time.ns : !timed)) {
      c.last_time = f.time;
      c.last_seen = f.timestamp;  // the time of that place, empty when the log has none
      c.last_where = where;
    }
  }
  auto count_where = [&](std::map<std::string, where_count>& m, const std::string& k, std::uint64_t& dropped) {
    if (k.empty()) return;
    auto w = m.find(k);
    if (w == m.end()) {
      if (m.size() >= max_keys) {
        ++dropped;
        return;
      }
      w = m.emplace(k, where_count{}).first;
    }
    ++w->second.count;
    if (const auto c = w->second.codes.find(label); c != w->second.codes.end()) {
      ++c->second;
    } else if (w->second.codes.size() < max_codes_per_place && place_codes_ < max_place_codes) {
      w->second.codes.emplace(label, 1);
      ++place_codes_;
    } else {
      ++capped.place_codes;
    }
  };
  count_where(by_ssid, f.ssid, capped.ssids);
  count_where(by_bssid, f.bssid, capped.bssids);
}

}  // namespace wlancode::scan
