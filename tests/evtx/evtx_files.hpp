// Shared helpers of the EVTX tests: the generated files (tests/support/evtx_writer.py, run by the
// evtx_generate fixture), the real samples (../shared/evtx-samples) and byte-level edits.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "evtx/evtx.hpp"

namespace evtx_test {

inline std::string read_bytes(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), {}};
}
inline std::string generated(const std::string& name) {
  return read_bytes(std::filesystem::path(WLANCODE_EVTX_GENERATED) / name);
}
inline std::filesystem::path samples() { return WLANCODE_EVTX_SAMPLES; }
// The real samples live beside the project (../shared/evtx-samples), not in it: tests that need
// them are skipped, and say so, where they are not.
#define EVTX_NEED_SAMPLES() \
  if (!std::filesystem::exists(evtx_test::samples() / "INDEX.tsv")) GTEST_SKIP() << "no " << evtx_test::samples()

struct result {
  wlancode::evtx::file_report rep;
  std::vector<wlancode::evtx::record> records;
};

inline result read(std::string_view bytes) {
  result r;
  std::size_t pos = 0;
  r.rep = wlancode::evtx::read_file(
      [&](char* b, std::size_t n) {
        const std::size_t k = std::min(n, bytes.size() - pos);
        std::memcpy(b, bytes.data() + pos, k);
        pos += k;
        return k;
      },
      [&](const wlancode::evtx::record& rec) { r.records.push_back(rec); });
  return r;
}

inline std::string value_of(const wlancode::evtx::record& r, std::string_view name) {
  for (const auto& f : r.data)
    if (f.name == name) return f.value;
  return "<absent>";
}

inline void put32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>(v >> (8 * i));
}

inline std::uint64_t get64(const std::string& s, std::size_t at) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(s[at + i]);
  return v;
}
inline std::uint32_t get32(const std::string& s, std::size_t at) {
  return static_cast<std::uint32_t>(get64(s + std::string(4, '\0'), at) & 0xFFFFFFFFu);
}

// Lines of a TSV file, split at tabs.
inline std::vector<std::vector<std::string>> tsv(const std::filesystem::path& p) {
  std::vector<std::vector<std::string>> out;
  std::ifstream f(p);
  for (std::string line; std::getline(f, line);) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    out.push_back(cols);
  }
  return out;
}

}  // namespace evtx_test
