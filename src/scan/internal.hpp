// Internal interfaces of the scan pipeline. Data moves one way:
// stream (reader) -> line_splitter (lines) -> extractor (candidates) -> decoder -> diagnosis -> sink.
#pragma once

#include <cstddef>
#include <cstdint>
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
std::unique_ptr<stream> open_text(std::unique_ptr<stream> in, std::string* encoding = nullptr);

// ---- lines ---------------------------------------------------------------------------------
struct line {
  std::string_view text;   // without the line terminator
  std::uint64_t number;    // 1-based
  bool truncated;          // longer than the cap; text is its first part
  std::size_t anchor = 0;  // offset of the first live prefilter hit (0 when every line is given)
};

// ---- candidates: what an extractor reports ---------------------------------------------------
struct candidate {
  input_format format = input_format::plain;
  std::string field;
  enum class how : std::uint8_t { number, name, text, raw } kind = how::number;
  std::optional<family> fam;
  std::string space;        // raw values
  std::string token;        // number or name as printed
  std::string text;         // reason text as printed
  std::string kernel_name;  // the kernel's "3=DEAUTH_LEAVING" name part, checked against the table
  bool locally_generated = false;
  std::optional<initiator> init;  // the grammar says who acted
  std::string timestamp, event_id, interface, ssid, bssid, sta;
  std::uint64_t line = 0;
  std::string excerpt;
  bool truncated = false;
  std::size_t anchor = 0;  // offset of the first live prefilter hit (0 when every line is given)
};

class extractor {
 public:
  virtual ~extractor() = default;
  // True when the extractor keeps context across lines and must see every line. Otherwise it is
  // given only the lines the prefilter selects (those containing an anchor).
  virtual bool every_line() const noexcept { return false; }
  // A prefilter hit at window[hit]: true when the line around it needs a full parse (a number
  // follows where the grammar puts one, ...). `window` holds up to 128 bytes before the hit and 64
  // after, possibly across lines. Rejecting decoys here, or taking what the hit alone says (context
  // such as an SSID), spares the line split and the parse.
  // True when the grammar only ever takes anchors that find_anchor's strict mode keeps.
  virtual bool strict_anchors() const noexcept { return false; }
  virtual bool anchor(std::string_view window, std::size_t hit) {
    (void)window;
    (void)hit;
    return true;
  }
  virtual void on_line(const line& l, std::vector<candidate>& out) = 0;
  virtual void finish(std::vector<candidate>& out) { (void)out; }
  // Context that later lines inherit (SSID by BSSID), for -j: a segment's findings get the SSIDs
  // that earlier segments learnt. Keys are mac_key() of the BSSID.
  virtual void learned_ssids(std::vector<std::pair<std::uint64_t, std::string>>& out) const { (void)out; }
};
std::unique_ptr<extractor> make_extractor(input_format f);

// Anchor prefilter: true when [p, p+n) may contain an anchor of any line-oriented grammar.
// find_anchor returns the offset of the first possible anchor at or after 0, or n; when `newlines`
// is given, adds to it the number of '\n' before that offset (a fused pass: no second read).
// With `strict`, hits that no Linux line grammar can take are skipped where the SIMD path can tell
// (a hint only: callers still check every hit they get).
std::size_t find_anchor(const char* p, std::size_t n, std::size_t* newlines = nullptr, bool strict = false) noexcept;

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
void diagnose(finding& f);

// ---- shared small helpers ------------------------------------------------------------------------
std::string excerpt_of(std::string_view line);  // key material removed, capped
bool is_mac_at(std::string_view s, std::size_t i) noexcept;
std::string_view find_mac(std::string_view s) noexcept;
// A MAC address as a number (separators and case ignored), to compare addresses cheaply.
std::uint64_t mac_key(std::string_view mac) noexcept;
std::string_view leading_timestamp(std::string_view s) noexcept;
std::string_view trim(std::string_view s) noexcept;

}  // namespace wlancode::scan::detail
