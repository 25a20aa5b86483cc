// Internal: a reader of Windows XML Event Log files (.evtx), written from the published format
// description (docs/evtx.md). It yields each record's system fields and its EventData/UserData
// values by name, straight from the binary XML: no XML text is built, so a value cannot change
// the structure. Memory is bounded (one 64 KiB chunk, per-record budgets) and time is linear.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wlancode::evtx {

inline constexpr std::size_t file_header_size = 4096;
inline constexpr std::size_t chunk_size = 65536;
inline constexpr std::string_view file_magic{"ElfFile\0", 8};
inline constexpr std::string_view chunk_magic{"ElfChnk\0", 8};

// Per-record limits: a record whose walk goes past them is lost (reason budget).
inline constexpr std::size_t max_fields = 256;         // EventData/UserData values kept
inline constexpr std::size_t max_value_bytes = 4096;   // UTF-8 bytes kept of one value
inline constexpr std::size_t max_template_depth = 8;   // template in a value in a template ...
inline constexpr std::size_t max_element_depth = 64;   // nested elements
inline constexpr std::size_t max_steps = 1u << 16;     // tokens and values walked per record
inline constexpr std::size_t max_rendered = 1u << 20;  // bytes of values rendered per record

struct field {
  std::string name;   // Data's Name attribute, or the element's name under UserData
  std::string value;  // rendered as Windows renders it in XML (UTF-8, unescaped)
};

struct record {
  std::uint64_t id = 0;       // the record header's identifier (EventRecordID)
  std::uint64_t written = 0;  // the record header's FILETIME
  std::string time;           // System/TimeCreated/@SystemTime as ISO 8601 UTC, else `written`
  std::string provider, channel, computer;
  bool has_event_id = false;
  std::uint32_t event_id = 0;
  std::vector<field> data;     // EventData/Data and UserData leaves, in document order
  bool fields_capped = false;  // more than max_fields values
};

// Why records were lost.
enum class loss : std::uint8_t { bad_chunk, bad_record_header, bad_binxml, over_budget, truncated, count_ };
std::string_view to_string(loss l) noexcept;

// What happened to one file.
struct file_report {
  bool header_ok = true;            // magic and sizes plausible
  bool header_crc_ok = true;        // CRC32 of the first 120 bytes
  std::uint64_t header_chunks = 0;  // chunk count the header gives
  std::uint64_t chunks = 0;         // 64 KiB chunks present (partial last one included)
  std::uint64_t chunks_empty = 0;   // all zero (preallocated, unused)
  std::uint64_t chunks_bad_magic = 0;
  std::uint64_t chunks_bad_crc = 0;  // header or records CRC32 mismatch: records read anyway
  bool truncated = false;            // the last chunk is shorter than 64 KiB
  std::uint64_t read = 0;            // records from sound chunks
  std::uint64_t recovered = 0;       // records from damaged chunks (bad CRC, truncated)
  std::uint64_t lost = 0;            // records seen but not read
  std::array<std::uint64_t, static_cast<std::size_t>(loss::count_)> lost_by{};
  bool damaged() const noexcept {
    return !header_ok || !header_crc_ok || chunks_bad_magic || chunks_bad_crc || truncated || lost;
  }
  // One line: "12 records read, 3 recovered, 2 lost (...); 1 chunk with a bad CRC32 ...".
  std::string describe() const;
};

using record_sink = std::function<void(const record&)>;

// Reads a file from a byte source (read(buf, cap) returns 0 at the end; may throw). The source
// is read once, front to back, 64 KiB at a time.
file_report read_file(const std::function<std::size_t(char*, std::size_t)>& read, const record_sink& out);

// Pieces, for tests.
std::uint32_t crc32(const unsigned char* p, std::size_t n) noexcept;
// A chunk (64 KiB, or shorter when the file ends early): its records go to `out`, its damage to
// `rep`. `number` is its index in the file.
void read_chunk(const unsigned char* chunk, std::size_t len, std::uint64_t number, file_report& rep,
                const record_sink& out);
// Element and attribute names decoded once per chunk (keyed by their chunk offset).
struct name_cache {
  std::unordered_map<std::uint32_t, std::string> names;
};
// A record's binary XML [begin, end) inside `chunk`: false with `why` when it cannot be read.
// `names` belongs to this chunk (a fresh one when null).
bool read_event(const unsigned char* chunk, std::size_t chunk_len, std::size_t begin, std::size_t end, record& rec,
                loss& why, name_cache* names = nullptr);
// A substitution value rendered as text (binary XML values excluded): false when its size does
// not fit its type. Appends to `out`.
bool render_value(std::uint8_t type, const unsigned char* p, std::size_t n, std::string& out);
// FILETIME (100 ns since 1601) as "YYYY-MM-DDTHH:MM:SS.fffffffZ".
std::string filetime_iso(std::uint64_t ft);

}  // namespace wlancode::evtx
