// libFuzzer target over the file path of the scanner: the input is written to a temporary file
// as it is, gzip-compressed, and as UTF-16LE, each scanned by scan_path (mapped, buffered,
// gunzipped, transcoded); the plain file also with -j 2 (the parallel path's pread reading and
// merging), which must give exactly what one thread gives: a difference aborts.
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "wlancode/scan.hpp"

namespace {

std::string temp_path(const char* suffix) {
  static const std::string dir = [] {
    char tmpl[] = "/tmp/wlancode-fuzz-XXXXXX";
    const char* d = ::mkdtemp(tmpl);
    return std::string(d ? d : "/tmp");
  }();
  return dir + "/input" + suffix;
}

void write(const std::string& path, std::string_view data) {
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data.data(), 1, data.size(), f);
    std::fclose(f);
  }
}

std::string gzip(std::string_view in) {
  z_stream z{};
  if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(compressBound(static_cast<uLong>(in.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string utf16le(std::string_view in) {
  std::string out("\xFF\xFE", 2);
  for (char c : in) {
    out += c;
    out += '\0';
  }
  return out;
}

std::vector<std::string> scan(const std::string& path, unsigned jobs) {
  wlancode::scan::options o;
  o.jobs = jobs;
  o.parallel_min_bytes = 1;
  o.max_line = 256;
  std::vector<std::string> out;
  wlancode::scan::scan_path(
      path, o,
      [&out](const wlancode::scan::finding& f) {
        out.push_back(std::to_string(f.line) + " " + f.rule + " " + std::to_string(f.value) + " " + f.ssid + " " +
                      f.excerpt);
      },
      [](const wlancode::scan::input_error&) {});
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::string plain = temp_path(".log"), gz = temp_path(".log.gz"), wide = temp_path("-utf16.log");
  write(plain, in);
  write(gz, gzip(in));
  write(wide, utf16le(in));
  for (const std::string& p : {plain, gz, wide}) {
    const auto one = scan(p, 1);
    (void)one;
  }
  // -j on the plain file: the only input the parallel path takes.
  if (scan(plain, 1) != scan(plain, 2)) std::abort();
  return 0;
}
