// A partition's records held compactly until Python asks for them: each finding's record fields
// (scan/scan_record.hpp: the schema's visit) written to byte blocks as they are visited, and the
// error records of inputs that could not be read, in order. Replaying a record into a visitor
// gives the very calls the finding made, so its dict (record_dict.hpp) is wlancode.scan's.
//
// Why: a Dask partition of records is mostly counted, filtered or turned into columns; a dict per
// finding made up front was two thirds of the CPU time of a scan on a cluster (docs/python.md),
// and took three times the memory of the record's bytes here. Blocks of a fixed size (not one
// growing buffer) are never copied as the tape grows and come from the heap, where a worker's
// next partition finds them again (a buffer of many MB would be new pages each time).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "wlancode/scan.hpp"
#include "wlancode/scan_record.hpp"

namespace wlancode::py {

class record_tape final : private scan::record_visitor {
 public:
  // Appends the record of `f`, its "line" raised by `line_offset` (a segment of a split file).
  void add_finding(const scan::finding& f, std::uint64_t line_offset);
  // Appends the error record {"source": source, "error": message}.
  void add_error(std::string_view source, std::string_view message);

  std::size_t size() const { return starts_.size(); }
  std::size_t bytes() const { return block_bytes_ + starts_.capacity() * sizeof(const char*); }

  bool is_error(std::size_t i) const { return static_cast<std::uint8_t>(*starts_[i]) == error_record; }
  // An error record's fields.
  std::string_view error_source(std::size_t i) const;
  std::string_view error_message(std::size_t i) const;
  // A finding record: the table code it names (nullptr: none), and its fields replayed into `v`.
  const void* code_of(std::size_t i) const;
  void replay(std::size_t i, scan::record_visitor& v) const;

 private:
  enum op : std::uint8_t {
    str,
    stable_str,
    null_value,
    integer_value,
    number_value,
    false_value,
    true_value,
    begin,
    end
  };
  static constexpr std::uint8_t finding_record = 0, error_record = 1;
  static constexpr std::size_t block_size = 256 << 10;

  void string(std::string_view key, std::string_view v, bool stable) override;
  void null(std::string_view key) override;
  void integer(std::string_view key, std::uint64_t v) override;
  void number(std::string_view key, std::string_view text) override;
  void boolean(std::string_view key, bool v) override;
  void begin_object(std::string_view key) override;
  void end_object() override;

  void begin_record(std::uint8_t kind);
  // Room for n more bytes of the record being written (which stays in one block).
  void reserve(std::size_t n) {
    if (static_cast<std::size_t>(limit_ - at_) < n) [[unlikely]]
      new_block(n);
  }
  void new_block(std::size_t n);
  void put_byte(std::uint8_t b) {
    reserve(1);
    *at_++ = static_cast<char>(b);
  }
  void put_op(op o, std::string_view key) {
    // Keys are identified by address (scan_record.hpp: views of static storage); mostly the one
    // after the last.
    std::size_t k = last_key_ + 1;
    if (k >= keys_.size() || keys_[k].data() != key.data()) [[unlikely]]
      k = key_index(key);
    last_key_ = k;
    reserve(2);
    at_[0] = static_cast<char>(o);
    at_[1] = static_cast<char>(k);
    at_ += 2;
  }
  std::size_t key_index(std::string_view key);
  void put_size(std::size_t n) {
    reserve(10);
    while (n >= 0x80) {
      *at_++ = static_cast<char>((n & 0x7f) | 0x80);
      n >>= 7;
    }
    *at_++ = static_cast<char>(n);
  }
  void put_bytes(std::string_view s) {
    put_size(s.size());
    reserve(s.size());
    if (!s.empty()) std::memcpy(at_, s.data(), s.size());
    at_ += s.size();
  }
  template <class T>
  void put_raw(const T& v) {
    reserve(sizeof v);
    std::memcpy(at_, &v, sizeof v);
    at_ += sizeof v;
  }

  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_bytes_ = 0;
  char* at_ = nullptr;  // where the next byte goes, in the last block
  char* limit_ = nullptr;
  char* record_ = nullptr;              // the record being written
  std::vector<const char*> starts_;     // where each record begins
  std::vector<std::string_view> keys_;  // the schema's keys (views of static storage) by index
  std::size_t last_key_ = 0;            // the index of the last key written
  std::uint64_t line_offset_ = 0;
};

}  // namespace wlancode::py
