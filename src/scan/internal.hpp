// Internal interfaces of the scan pipeline. Data moves one way:
// stream (reader) -> lines -> containers / line rules (candidates) -> decoder -> diagnosis -> sink.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wlancode/scan.hpp"

namespace wlancode::scan::detail {

// ---- reader: bytes in, UTF-8 out ---------------------------------------------------------
// A stream of bytes. read() returns 0 at the end; throws std::runtime_error on I/O errors.
class stream {
 public:
  virtual ~stream() = default;
  virtual std::size_t read(char* buf, std::size_t cap) = 0;
};

// A file descriptor (owned when `own`), optionally limited to [begin, end) through pread.
std::unique_ptr<stream> open_fd(int fd, bool own);
std::unique_ptr<stream> open_range(int fd, std::uint64_t begin, std::uint64_t end);
std::unique_ptr<stream> open_memory(std::string_view data);
// Wraps `in`: gunzips when it starts with the gzip magic, transcodes UTF-16 (BOM or heuristic) to
// UTF-8, drops a UTF-8 BOM. `encoding` receives "utf-8", "utf-16le", "utf-16be" (+ ", gzip").
// `live`: a pipe or terminal, whose lines are scanned as they come (no look-ahead past a line).
std::unique_ptr<stream> open_text(std::unique_ptr<stream> in, std::string* encoding = nullptr, bool live = false);

// A read-only mapping of a file window that survives the file shrinking under it: pages past the
// file's end read as zeros instead of raising SIGBUS (a process-wide handler, map_guard.cpp), and
// damaged() says it happened: what was read after that is not the file's content.
class guarded_map {
 public:
  guarded_map();
  ~guarded_map();
  guarded_map(const guarded_map&) = delete;
  guarded_map& operator=(const guarded_map&) = delete;
  // Maps [offset, offset + len) of fd (unmapping the previous window); false with errno on failure.
  bool map(int fd, std::uint64_t offset, std::size_t len);
  void unmap();
  const char* data() const noexcept { return data_; }
  bool damaged() const noexcept;
  // After damage: whether the line ending at `line_end` (its '\n', in the window) reaches past the
  // file's end (its size, read once after the damage): its bytes may be zeros, not the log.
  bool past_end(const char* line_end);

 private:
  int slot_ = -1;
  int fd_ = -1;
  const char* data_ = nullptr;
  std::size_t len_ = 0;
  std::uint64_t offset_ = 0;
  std::uint64_t size_after_damage_ = ~std::uint64_t{0};
};

// Tests only: called after each window of a file is mapped, before it is read (to shrink the file
// under the window deterministically).
inline void (*after_map_for_test)(int fd, std::uint64_t window_begin) = nullptr;

// The message of a file that got shorter while it was scanned.
inline constexpr const char* shrank_message = "file shrank while being scanned (truncated or rotated?)";

// ---- lines ---------------------------------------------------------------------------------
struct line {
  std::string_view text;   // without the line terminator
  std::uint64_t number;    // 1-based
  bool truncated;          // longer than the cap; text is its first part
  std::size_t anchor = 0;  // offset of the first live prefilter hit (0 when every line is given)
};

// ---- candidates: what a rule or a container reports----------------------------------------------
struct candidate {
  input_format format = input_format::plain;
  std::string_view rule;    // the rule that found it: a rules.def id, "generic", "name", a container's
  double confidence = 1.0;  // 1.0 for a producer's own rule; below for generic contexts
  std::string field;
  enum class how : std::uint8_t { number, name, text, raw, event } kind = how::number;
  event_kind event = event_kind::attempt_started;  // how::event
  std::optional<family> fam;
  std::string space;      // raw values
  std::string token;      // number or name as printed
  bool bare_hex = false;  // token: hexadecimal digits printed without their 0x (Broadcom's "(f)")
  std::string text;       // reason text as printed
  bool locally_generated = false;
  std::optional<initiator> init;  // the grammar says who acted
  std::string timestamp, event_id, interface, ssid, bssid, sta;
  std::string connection;  // a Windows event's ConnectionId (finding::connection)
  std::uint64_t line = 0;
  std::uint64_t record = 0;  // EVTX record identifier (0 elsewhere)
  std::string excerpt;
  bool truncated = false;
  std::size_t anchor = 0;  // offset of the first live prefilter hit (0 when every line is given)
};

// String buffers of delivered candidates, kept for the next lines' candidates: a line's
// candidates are made fresh, and without these each would allocate its excerpt and MACs (longer
// than the strings' inline room) and free them once decoded. Bounded: at most `cap` of each.
struct string_spares {
  static constexpr std::size_t cap = 64;
  std::vector<std::string> lines, macs;
  // Gives `s` a kept buffer when it has none of its own (its content is then empty).
  static void take(std::vector<std::string>& from, std::string& s) noexcept {
    if (from.empty() || s.capacity() > 15) return;
    s.swap(from.back());
    from.pop_back();
    s.clear();
  }
  static void keep(std::vector<std::string>& into, std::string& s) {
    if (s.capacity() > 15 && into.size() < cap) into.push_back(std::move(s));
  }
  // The buffers of candidates about to be destroyed.
  void keep_all(std::vector<candidate>& cs) {
    for (candidate& c : cs) {
      keep(lines, c.excerpt);
      keep(macs, c.bssid);
      keep(macs, c.sta);
    }
  }
};

// A container: a format whose lines need their neighbours (an event's fields, a report's rows).
// It sees every line while it is open; the lines it takes as its own meet no line rule.
class container {
 public:
  virtual ~container() = default;
  // Takes a line; true when the line is the container's own.
  virtual bool take(const line& l, std::vector<candidate>& out) = 0;
  // Inside a block (an event): the next lines belong to it until it closes.
  virtual bool open() const noexcept = 0;
  // Ends the block in progress (another container starts, or the input ends).
  virtual void finish(std::vector<candidate>& out) = 0;
};
// `events`: also report the lifecycle events among the events (options::events).
std::unique_ptr<container> make_event_xml_container(bool events = false);
std::unique_ptr<container> make_event_text_container(bool events = false);
// The header row of Get-WinEvent | Export-Csv ("TimeCreated" and "Id" among its quoted column
// names): with events on, it opens an event text block read as a table, a row an event.
bool event_csv_header(std::string_view line);
std::unique_ptr<container> make_wlanreport_container(bool events = false);

// EVTX files (container_evtx.cpp): the records of `in` (the file's bytes, gunzipped) go through the
// event fields (event_fields.hpp); `deliver` receives each record's candidates. Returns the file's
// damage, "" when it has none; `lost` says whether records were lost.
// `events`: also report the lifecycle events among the records (options::events).
std::string scan_evtx(stream& in, const std::function<void(std::vector<candidate>&)>& deliver, bool& lost,
                      bool events = false);
// Whether these first bytes (gunzipped) are an EVTX file's.
bool is_evtx_head(std::string_view head) noexcept;
// Gunzips `in` when it starts with the gzip magic; the first `want` bytes (fewer at the end) are
// copied to `head` and still read from the returned stream.
std::unique_ptr<stream> open_bytes(std::unique_ptr<stream> in, std::string& head, std::size_t want);

// Format rows (include/wlancode/scan_formats.def).
bool format_is_linux(input_format f) noexcept;
bool format_is_container(input_format f) noexcept;

// Anchor prefilter: true when [p, p+n) may contain an anchor of any line-oriented grammar.
// find_anchor returns the offset of the first possible anchor at or after 0, or n; when `newlines`
// is given, adds to it the number of '\n' before that offset (a fused pass: no second read).
// `set`: the needles of codes only, or of codes and lifecycle events (needles.def SET column).
enum class needle_set : std::uint8_t { codes, codes_and_events };
std::size_t find_anchor(const char* p, std::size_t n, std::size_t* newlines = nullptr,
                        needle_set set = needle_set::codes) noexcept;
// The same, by the portable loop only, and by one SIMD width (256: AVX2, 512: AVX-512BW) where
// the CPU has it: tests compare them.
std::size_t find_anchor_scalar(const char* p, std::size_t n, std::size_t* newlines = nullptr,
                               needle_set set = needle_set::codes) noexcept;
std::size_t find_anchor_simd(const char* p, std::size_t n, std::size_t* newlines, int width,
                             needle_set set = needle_set::codes) noexcept;

// Every needle place of p[0, n) (both sets), in order, at most `cap` of them: a line's hits for
// the rules, in one SIMD pass. Positions are 16-bit: lines read this way are at most 64 KiB.
struct needle_hit {
  std::uint16_t pos;
  std::uint8_t needle;  // the row of needles.def
};
std::size_t needle_hits(const char* p, std::size_t n, needle_hit* out, std::size_t cap) noexcept;
std::size_t needle_hits_scalar(const char* p, std::size_t n, needle_hit* out, std::size_t cap) noexcept;
// For tests: the SIMD path of `width` bits (256 or 512) alone; the scalar walk where the CPU lacks it.
std::size_t needle_hits_simd(const char* p, std::size_t n, needle_hit* out, std::size_t cap, int width) noexcept;

// ---- decoder + diagnosis -----------------------------------------------------------------------
class decoder {
 public:
  // Turns a candidate into a finding; false when the candidate does not hold a code after all.
  bool decode(candidate&& c, const std::string& source, finding& out);

 private:
  struct cached_text {
    std::string text;
    const code_info* code;
    double score;
    bool exact;
  };
  std::vector<cached_text> cache_;  // small LRU-ish cache of match_text results
};
void diagnose(finding& f, const code_info* carried = nullptr);

// ---- shared small helpers ------------------------------------------------------------------------
std::string excerpt_of(std::string_view line);               // key material removed, capped
void excerpt_into(std::string& out, std::string_view line);  // the same, into `out` (its buffer kept)
bool is_mac_at(std::string_view s, std::size_t i) noexcept;
std::string_view find_mac(std::string_view s) noexcept;
std::string_view find_mac_from(std::string_view s, std::size_t from) noexcept;  // the first at or after `from`
// A MAC address as a number (separators and case ignored), to compare addresses cheaply.
std::uint64_t mac_key(std::string_view mac) noexcept;
std::string_view leading_timestamp(std::string_view s) noexcept;
std::string_view trim(std::string_view s) noexcept;

}  // namespace wlancode::scan::detail
