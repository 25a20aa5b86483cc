// The JSONL record of a finding (scan_json.hpp): a writer of the fields of scan_record.hpp.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "record_fields.hpp"
#include "wlancode/scan_json.hpp"

namespace wlancode::scan {

namespace {
// Writes the record into a buffer of its own, with plain stores (a record is some thirty fields
// of a few bytes: string appends, each with its own capacity check, cost more than the bytes),
// and appends it to `out` in one piece. Every field reserves room for its worst case first
// (json_escaped_max), so no store can pass the end. No key is escaped: they are the schema's own
// identifiers. It visits the record's fields as a template argument (record_fields.hpp), not
// through record_visitor, and its members are inlined where they are called: every key is then
// a literal of known size, copied without a call.
class json_writer {
 public:
  explicit json_writer(std::string& out) : out_(out), buf_(buffer()), base_(buf_.data()), cap_(buf_.size()) {}
  [[gnu::always_inline]] void string(std::string_view key, std::string_view v, bool stable) {
    if (stable && v.size() >= min_cached) {  // a table's text: escaped once, copied after
      const std::string_view json = escaped_once(v);
      raw(put(key, json.size()), json);
      return;
    }
    char* p = put(key, json_escaped_max(v.size()));
    n_ = static_cast<std::size_t>(escape_json_into(p, v) - base_);
  }
  [[gnu::always_inline]] void null(std::string_view key) { raw(put(key, 4), "null"); }
  [[gnu::always_inline]] void integer(std::string_view key, std::uint64_t v) {
    char* p = put(key, 20);
    char digits[20];
    std::size_t k = 0;
    do {
      digits[k++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v);
    while (k) *p++ = digits[--k];
    n_ = static_cast<std::size_t>(p - base_);
  }
  [[gnu::always_inline]] void number(std::string_view key, std::string_view text) { raw(put(key, text.size()), text); }
  [[gnu::always_inline]] void boolean(std::string_view key, bool v) { raw(put(key, 5), v ? "true" : "false"); }
  void begin_object(std::string_view key) {
    n_ = static_cast<std::size_t>(put(key, 0) - base_);
    first_ = true;
  }
  void end_object() {
    char* p = room(2);
    if (first_) *p++ = '{';  // an object without members is still one
    *p++ = '}';
    n_ = static_cast<std::size_t>(p - base_);
    first_ = false;
  }
  void end() {
    raw(room(2), "}\n");
    out_.append(base_, n_);
  }

 private:
  // Room for n more bytes; the place to write them.
  [[gnu::always_inline]] char* room(std::size_t n) {
    if (n_ + n > cap_) [[unlikely]]
      grow(n);
    return base_ + n_;
  }
  // Out of line: the buffer grows to the largest record seen, so this runs a few times a run.
  [[gnu::noinline]] void grow(std::size_t n) {
    buf_.resize(std::max(cap_ * 2, n_ + n));
    base_ = buf_.data();
    cap_ = buf_.size();
  }
  // The member's key (after "{" or ","), with room for a value of at most `value_max` bytes.
  [[gnu::always_inline]] char* put(std::string_view key, std::size_t value_max) {
    char* p = room(key.size() + value_max + 4);
    *p++ = first_ ? '{' : ',';  // the record's or an object's first member opens it
    first_ = false;
    *p++ = '"';
    std::memcpy(p, key.data(), key.size());
    p += key.size();
    *p++ = '"';
    *p++ = ':';
    return p;
  }
  [[gnu::always_inline]] void raw(char* p, std::string_view text) {
    std::memcpy(p, text.data(), text.size());
    n_ = static_cast<std::size_t>(p + text.size() - base_);
  }

  // The texts of the tables (a code's name, meaning and hint: the longest fields of most records,
  // the same few codes again and again) are escaped once per thread and copied after. Keyed by
  // their address, which a table text keeps for the program's life; a slot shared by two texts
  // holds the last one asked for.
  static constexpr std::size_t min_cached = 16;
  static std::string_view escaped_once(std::string_view v) {
    struct slot {
      const char* text = nullptr;
      std::size_t size = 0;
      std::string json;
    };
    thread_local std::array<slot, 256> cache;
    slot& e = cache[(reinterpret_cast<std::uintptr_t>(v.data()) >> 4) % cache.size()];
    if (e.text != v.data() || e.size != v.size()) {
      e.json.resize(json_escaped_max(v.size()));
      e.json.resize(static_cast<std::size_t>(escape_json_into(e.json.data(), v) - e.json.data()));
      e.text = v.data();
      e.size = v.size();
    }
    return e.json;
  }

  // Per thread, kept between records (writers on several threads, the Python module's and -j's,
  // share nothing); it grows to the largest record seen.
  static std::vector<char>& buffer() {
    thread_local std::vector<char> b(4096);
    return b;
  }

  std::string& out_;
  std::vector<char>& buf_;
  char* base_;
  std::size_t cap_;
  std::size_t n_ = 0;
  bool first_ = true;
};

}  // namespace

void append_jsonl(std::string& s, const finding& f) {
  json_writer w(s);
  detail::visit_record_fields(f, w);
  w.end();
}

}  // namespace wlancode::scan
