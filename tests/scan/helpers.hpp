// Shared helpers of the scan tests.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "wlancode/scan.hpp"

namespace scan_test {

inline std::vector<wlancode::scan::finding> scan(
    std::string_view data, wlancode::scan::input_format f = wlancode::scan::input_format::automatic,
    bool redact = false) {
  wlancode::scan::options o;
  o.forced = f;
  o.redact = redact;
  std::vector<wlancode::scan::finding> out;
  wlancode::scan::scan_memory(data, "mem", o, [&](const wlancode::scan::finding& x) { out.push_back(x); });
  return out;
}

// "line:family:value" of each finding, for exact comparisons.
inline std::vector<std::string> keys(const std::vector<wlancode::scan::finding>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) {
    std::string fam = f.fam ? std::string(wlancode::to_string(*f.fam)) : "raw:" + f.space;
    out.push_back(std::to_string(f.line) + ":" + fam + ":" + (f.has_value ? std::to_string(f.value) : "-"));
  }
  return out;
}

using V = std::vector<std::string>;

// A directory of this test process's own (one per process: tests run in parallel).
inline std::filesystem::path temp_dir() {
  static const std::filesystem::path d = [] {
    auto p = std::filesystem::temp_directory_path() / ("wlancode_scan_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(p);
    return p;
  }();
  return d;
}

inline void write_file(const std::filesystem::path& p, std::string_view data) {
  std::ofstream f(p, std::ios::binary);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
}

}  // namespace scan_test
