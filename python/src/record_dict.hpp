// Python dicts of findings, made by visiting the record's fields (wlancode/scan_record.hpp), the
// schema the CLI's JSONL writer visits too: same keys, same order, same values as json.loads of
// the CLI's line.
//
// Why it is built this way (the dicts were half the CPU time of a Dask scan): keys are interned
// once; a record starts as a copy of a private template (its keys laid out already: no rehashing
// as the dict grows), and a field whose value is the very object the template holds is not set
// again (a lookup and two reference counts saved; most fields of a log's records repeat). There
// is a template per table code (records of one code share their name, meaning, phase... ). The
// table's texts (a code's name, meaning, hint) become one str each, shared by every record; the
// last few values of every other field (the source, the rule, the interface, a BSSID...), of its
// integers and numbers are kept, so that a repeated value shares its object too. A template
// follows the log: when records stop matching it, the next one becomes the template.
#pragma once

#include <pybind11/pybind11.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wlancode/scan_record.hpp"

namespace wlancode::py {

// A record's str of a field's bytes (a new reference; nullptr with a Python error): invalid UTF-8
// as json.loads reads the CLI's JSON of it.
PyObject* record_str(std::string_view v);

class dict_builder final : public scan::record_visitor {
 public:
  // The record of `f` as a new dict, the caller's own. Needs the GIL.
  pybind11::object build(const scan::finding& f) {
    return build(f.code, [&f](scan::record_visitor& v) { scan::visit_record(f, v); });
  }
  // The record whose fields `visit` hands to its visitor (a record_tape's replay); `code` is its
  // finding's table code (which template it starts from).
  using visit_fn = std::function<void(scan::record_visitor&)>;
  pybind11::object build(const void* code, const visit_fn& visit);

  void string(std::string_view key, std::string_view v, bool stable) override;
  void null(std::string_view key) override;
  void integer(std::string_view key, std::uint64_t v) override;
  void number(std::string_view key, std::string_view text) override;
  void boolean(std::string_view key, bool v) override;
  void begin_object(std::string_view key) override;
  void end_object() override;

 private:
  static constexpr std::size_t recent_count = 4;
  struct recent_str {        // a value of a string field and its str
    std::uint64_t tail = 0;  // its last 8 bytes (fewer: zero-padded), compared first
    std::string bytes;
    pybind11::object str;
  };
  struct slot {  // the n-th field of a record: its key and its recent values
    const char* address = nullptr;
    pybind11::object key;
    PyObject* current = nullptr;  // borrowed: this record's value, while it is built
    std::array<recent_str, recent_count> recent;
    unsigned next_recent = 0;
    unsigned misses = 0;           // values not among the recent ones, in a row (capped)
    unsigned skipped = 0;          // records not compared since
    std::string_view last_stable;  // the last table text, and its str (owned by stable_)
    PyObject* last_stable_str = nullptr;
    std::uint64_t last_int = 0;
    pybind11::object last_int_obj;
    std::string last_number;
    pybind11::object last_number_obj;
  };
  // The slot of the next field (inline: called for every field of every record); new_slot for a
  // field not at its template position (the first record of a scan).
  slot& next_slot(std::string_view key) {
    std::vector<slot>& slots = slots_[depth_];
    std::size_t& pos = pos_[depth_];
    if (pos < slots.size() && slots[pos].address == key.data()) [[likely]]
      return slots[pos++];
    return new_slot(key);
  }
  slot& new_slot(std::string_view key);
  // Visits the record into `d`; whether its fields were the slots' (the template's keys, in order).
  bool fill(PyObject* d, const visit_fn& visit);
  void put(slot& s, PyObject* value) {  // steals `value`
    if (!value) throw pybind11::error_already_set();
    if (depth_ == 0) {
      s.current = value;  // held by the record from here on
      if (value == template_value()) {
        Py_DECREF(value);  // the copy holds this very object already
        return;
      }
      ++changed_;
    }
    set(s, value);
  }
  void set(slot& s, PyObject* value);  // PyDict_SetItem into the open object; steals `value`
  // The template's value of the field being visited (next_slot has moved past it), if any.
  PyObject* template_value() const {
    const std::size_t i = pos_[0] - 1;
    return depth_ == 0 && from_ && i < from_->values.size() ? from_->values[i] : nullptr;
  }
  PyObject* make_str(std::string_view v);
  PyObject* recent_or_new(slot& s, std::string_view v);  // a new reference
  struct record_template {
    pybind11::object dict;                  // holds scalars only (never a hint object): its copies are not GC-tracked
    std::vector<PyObject*> values;          // borrowed from dict: its value of each slot
    std::size_t fewest_changed = SIZE_MAX;  // the fewest fields a record since it was adopted set
    unsigned drifting = 0;                  // records in a row that set more than that
  };
  // Makes `record` (just built, all its values at hand in the slots) the template `t`.
  void adopt_template(record_template& t, PyObject* record);

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
  bool same_keys_ = true;            // every field of this record so far at its template position
  record_template* from_ = nullptr;  // the template the record being filled is a copy of
  std::size_t changed_ = 0;          // fields of this record set over the template's value
  std::unordered_map<const void*, record_template> templates_;  // by the finding's table code (or null)
  std::unordered_map<const char*, pybind11::object> keys_;
  std::unordered_map<text_key, pybind11::object, text_hash> stable_;
  std::vector<PyObject*> open_;  // the record, and the object being filled in it (borrowed)
};

}  // namespace wlancode::py
