// libFuzzer target over the EVTX reader: the input as a whole file, its first 64 KiB after the
// file header as one chunk, and through scan (--input-format evtx). Whatever the bytes say, the
// counts must add up and every record must stay inside the per-record limits; a violation aborts.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "evtx/evtx.hpp"
#include "wlancode/scan.hpp"

namespace ev = wlancode::evtx;

namespace {

void check(const ev::record& r) {
  if (r.data.size() > ev::max_fields) std::abort();
  for (const ev::field& f : r.data)
    if (f.value.size() > ev::max_value_bytes) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::size_t pos = 0, delivered = 0;
  const ev::file_report rep = ev::read_file(
      [&](char* b, std::size_t n) {
        const std::size_t k = std::min(n, size - pos);
        if (k) std::memcpy(b, data + pos, k);
        pos += k;
        return k;
      },
      [&](const ev::record& r) {
        check(r);
        ++delivered;
      });
  if (delivered != rep.read + rep.recovered) std::abort();
  const std::size_t skip =
      size > ev::file_header_size && std::memcmp(data, "ElfFile", 7) == 0 ? ev::file_header_size : 0;
  ev::file_report chunk_rep;
  std::size_t chunk_records = 0;
  ev::read_chunk(data + skip, std::min(size - skip, ev::chunk_size), 0, chunk_rep, [&](const ev::record& r) {
    check(r);
    ++chunk_records;
  });
  if (chunk_records != chunk_rep.read + chunk_rep.recovered) std::abort();
  wlancode::scan::options o;
  o.forced = wlancode::scan::input_format::evtx;
  wlancode::scan::scan_memory(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz", o,
                              [](const wlancode::scan::finding&) {});
  return 0;
}
