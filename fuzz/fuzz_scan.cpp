// libFuzzer target over the scan pipeline: the input is scanned once per forced format and once
// with detection. The first byte picks a small line cap now and then, to exercise truncation, and
// lifecycle events. Every finding is also written as its JSONL record (the escaping's vector paths
// meet every byte the scanner lets through), and its excerpt redacted twice (the same text).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "wlancode/scan.hpp"
#include "wlancode/scan_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  for (const wlancode::scan::format_info& f : wlancode::scan::input_formats()) {
    wlancode::scan::options o;
    o.forced = f.id;
    o.redact = size > 0 && (data[0] & 1);
    o.max_line = size > 0 && (data[0] & 2) ? 64 : 4096;
    o.events = size > 0 && (data[0] & 4);  // the lifecycle events of every container too
    std::size_t n = 0;
    std::string record;
    wlancode::scan::scan_memory(in, "fuzz", o, [&n, &record](const wlancode::scan::finding& x) {
      n += x.excerpt.size() + x.name.size();
      // Redaction is idempotent: no label reads a tag another label wrote as its value.
      const std::string once = wlancode::scan::redact_text(x.excerpt);
      if (wlancode::scan::redact_text(once) != once) std::abort();
      record.clear();
      wlancode::scan::append_jsonl(record, x);
      if (record.size() < 3 || record.front() != '{' || !record.ends_with("}\n")) std::abort();
    });
  }
  (void)wlancode::scan::detect_format(in);
  return 0;
}
