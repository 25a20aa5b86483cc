// Python dicts of findings, made by visiting the record's fields (wlancode/scan_record.hpp), the
// schema the CLI's JSONL writer visits too: same keys, same order, same values as json.loads of
// the CLI's line. Keys are interned once; a record starts as a copy of the previous one (its keys
// laid out already: no rehashing as the dict grows) whose values are then replaced; the table's
// texts (a code's name, meaning, hint) become one str each, shared by every record; a field whose
// bytes repeat the previous record's (the source, the rule, the interface...) shares its str too.
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wlancode/scan_record.hpp"

namespace wlancode::py {

class dict_builder final : public scan::record_visitor {
 public:
  // The record of `f` as a new dict. Needs the GIL.
  pybind11::object build(const scan::finding& f);

  void string(std::string_view key, std::string_view v, bool stable) override;
  void null(std::string_view key) override;
  void integer(std::string_view key, std::uint64_t v) override;
  void number(std::string_view key, std::string_view text) override;
  void boolean(std::string_view key, bool v) override;
  void begin_object(std::string_view key) override;
  void end_object() override;

 private:
  struct slot {  // the n-th field of a record: its key, and the str of its last value
    const char* address = nullptr;
    pybind11::object key;
    std::string last;
    pybind11::object last_str;
    unsigned misses = 0;   // changes of the value in a row (capped)
    unsigned skipped = 0;  // records not compared since
  };
  slot& next_slot(std::string_view key);
  // Visits `f` into `d`; whether its fields were the slots' (the template's keys, in order).
  bool fill(PyObject* d, const scan::finding& f);
  void put(slot& s, PyObject* value);  // steals `value`
  PyObject* make_str(std::string_view v);

  struct text_key {
    const char* address;
    std::size_t size;
    bool operator==(const text_key&) const = default;
  };
  struct text_hash {
    std::size_t operator()(const text_key& k) const noexcept {
      return std::hash<const void*>()(k.address) ^ (k.size * 0x9E3779B97F4A7C15ull);
    }
  };
  // The fields of the record (depth 0) and of an object in it (depth 1: the hint), in order.
  std::vector<slot> slots_[2];
  std::size_t pos_[2] = {0, 0};
  std::size_t depth_ = 0;
  bool same_keys_ = true;      // every field of this record so far at its template position
  pybind11::object template_;  // a private copy of the last record made afresh: the next starts as a copy of it
  std::unordered_map<const char*, pybind11::object> keys_;
  std::unordered_map<text_key, pybind11::object, text_hash> stable_;
  std::vector<PyObject*> open_;  // the record, and the object being filled in it (borrowed)
};

}  // namespace wlancode::py
