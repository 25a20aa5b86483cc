// A finding as bytes: how -j's workers hand findings to the merging thread. Copying a finding
// (some twenty strings, each its own heap buffer) into memory the other core reads next costs a
// cache-line transfer per buffer; a packed record is one contiguous run, written once, read once,
// and unpacked into the merger's own finding, whose buffers stay in its cache.
#pragma once

#include <string>
#include <string_view>

#include "wlancode/scan.hpp"

namespace wlancode::scan::detail {

// Appends f to buf, every field but `source` (the merger knows the file).
void pack_finding(std::string& buf, const finding& f);

// Reads the record at p (written by pack_finding) into f, whose `source` is left as it is;
// returns the byte after it.
const char* unpack_finding(const char* p, finding& f);

// The same for a string with a number before it (the SSID a rule learnt, and its line and key).
void pack_learnt(std::string& buf, std::uint64_t line, std::uint64_t key, std::string_view ssid);
const char* unpack_learnt(const char* p, std::uint64_t& line, std::uint64_t& key, std::string& ssid);

}  // namespace wlancode::scan::detail
