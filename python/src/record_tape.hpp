// A partition's records held compactly until Python asks for them: each finding's record fields
// (scan/scan_record.hpp: the schema's visit) written to one byte buffer as they are visited, and
// the error records of inputs that could not be read, in order. Replaying a record into a visitor
// gives the very calls the finding made, so its dict (record_dict.hpp) is wlancode.scan's.
//
// Why: a Dask partition of records is mostly counted, filtered or turned into columns; a dict per
// finding made up front was two thirds of the CPU time of a scan on a cluster (docs/python.md),
// and took three times the memory of the record's bytes here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
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

  // Gives back the buffers' spare capacity (when no more records come).
  void shrink_to_fit() {
    buf_.shrink_to_fit();
    starts_.shrink_to_fit();
  }

  std::size_t size() const { return starts_.size(); }
  std::size_t bytes() const { return buf_.capacity() + starts_.capacity() * sizeof(std::uint64_t); }

  bool is_error(std::size_t i) const { return buf_[starts_[i]] == error_record; }
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

  void string(std::string_view key, std::string_view v, bool stable) override;
  void null(std::string_view key) override;
  void integer(std::string_view key, std::uint64_t v) override;
  void number(std::string_view key, std::string_view text) override;
  void boolean(std::string_view key, bool v) override;
  void begin_object(std::string_view key) override;
  void end_object() override;

  void put_op(op o, std::string_view key);
  void put_size(std::size_t n);
  void put_bytes(std::string_view s);
  template <class T>
  void put_raw(const T& v);

  std::string buf_;
  std::vector<std::uint64_t> starts_;   // where each record begins in buf_
  std::vector<std::string_view> keys_;  // the schema's keys (views of static storage) by index
  std::size_t last_key_ = 0;            // the index of the last key written: the next is mostly the one after
  std::uint64_t line_offset_ = 0;
};

}  // namespace wlancode::py
