// dict_builder (record_dict.hpp): the JSONL record of a finding as a dict, without JSON.
#include "record_dict.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "wlancode/scan_json.hpp"

namespace wlancode::py {

namespace pyb = pybind11;

namespace {
// Values whose repeats are worth comparing: a long one (the excerpt) differs from record to record.
constexpr std::size_t max_repeat_bytes = 96;
// After this many changes in a row a field is compared again only every retry_every records.
constexpr unsigned max_misses = 8;
constexpr unsigned retry_every = 64;
}  // namespace

pyb::object dict_builder::build(const scan::finding& f) {
  if (template_) {
    // The copy has the template's keys in the schema's order; replacing every value keeps it.
    auto copy = pyb::reinterpret_steal<pyb::object>(PyDict_Copy(template_.ptr()));
    if (!copy) throw pyb::error_already_set();
    if (fill(copy.ptr(), f)) return copy;
  }
  // The first record, or one whose fields were not the template's: a new dict (its keys in the
  // order visited), and a private copy of it as the next template (the caller may change its own).
  auto fresh = pyb::reinterpret_steal<pyb::object>(PyDict_New());
  if (!fresh) throw pyb::error_already_set();
  fill(fresh.ptr(), f);
  template_ = pyb::reinterpret_steal<pyb::object>(PyDict_Copy(fresh.ptr()));
  if (!template_) throw pyb::error_already_set();
  return fresh;
}

bool dict_builder::fill(PyObject* d, const scan::finding& f) {
  const Py_ssize_t size = PyDict_GET_SIZE(d);
  pos_[0] = pos_[1] = 0;
  depth_ = 0;
  same_keys_ = true;
  open_.assign(1, d);
  scan::visit_record(f, *this);
  return same_keys_ && static_cast<Py_ssize_t>(pos_[0]) == size;
}

dict_builder::slot& dict_builder::next_slot(std::string_view key) {
  std::vector<slot>& slots = slots_[depth_];
  std::size_t& pos = pos_[depth_];
  if (pos < slots.size() && slots[pos].address == key.data()) return slots[pos++];
  if (depth_ == 0) same_keys_ = false;
  // The first record (or a field the schema adds conditionally): the key's interned str.
  auto [it, fresh] = keys_.try_emplace(key.data());
  if (fresh) {
    PyObject* k = PyUnicode_FromStringAndSize(key.data(), static_cast<Py_ssize_t>(key.size()));
    if (!k) throw pyb::error_already_set();
    PyUnicode_InternInPlace(&k);
    it->second = pyb::reinterpret_steal<pyb::object>(k);
  }
  if (pos == slots.size()) slots.emplace_back();
  slot& s = slots[pos++];
  s.address = key.data();
  s.key = it->second;
  s.last.clear();
  s.last_str = pyb::object();
  s.misses = s.skipped = 0;
  return s;
}

void dict_builder::put(slot& s, PyObject* value) {
  if (!value) throw pyb::error_already_set();
  const int rc = PyDict_SetItem(open_.back(), s.key.ptr(), value);
  Py_DECREF(value);
  if (rc != 0) throw pyb::error_already_set();
}

PyObject* dict_builder::make_str(std::string_view v) {
  if (PyObject* s = PyUnicode_DecodeUTF8(v.data(), static_cast<Py_ssize_t>(v.size()), nullptr)) return s;
  // Not valid UTF-8: the str is what json.loads makes of the JSON writer's literal (\uFFFD where
  // the writer puts it), so that the dict is the CLI's record whatever the bytes.
  PyErr_Clear();
  std::string literal;
  scan::append_json_string(literal, v);
  static pyb::object loads = pyb::module_::import("json").attr("loads");
  return loads(pyb::str(literal)).release().ptr();
}

void dict_builder::string(std::string_view key, std::string_view v, bool stable) {
  slot& s = next_slot(key);
  if (stable) {
    auto [it, fresh] = stable_.try_emplace(text_key{v.data(), v.size()});
    if (fresh) it->second = pyb::reinterpret_steal<pyb::object>(make_str(v));
    put(s, it->second.inc_ref().ptr());
    return;
  }
  // A field that keeps changing (a timestamp) is not compared for a while: comparing and keeping
  // its bytes would cost more than it saves.
  if (v.size() > max_repeat_bytes || (s.misses >= max_misses && ++s.skipped % retry_every != 0)) {
    put(s, make_str(v));
    return;
  }
  if (s.last_str && s.last == v) {
    s.misses = 0;
  } else {
    s.last_str = pyb::reinterpret_steal<pyb::object>(make_str(v));
    s.last.assign(v);
    s.misses = std::min(s.misses + 1, max_misses);
  }
  put(s, s.last_str.inc_ref().ptr());
}

void dict_builder::null(std::string_view key) { put(next_slot(key), pyb::none().release().ptr()); }

void dict_builder::integer(std::string_view key, std::uint64_t v) {
  put(next_slot(key), PyLong_FromUnsignedLongLong(v));
}

void dict_builder::number(std::string_view key, std::string_view text) {
  // Python's own parser of the printed number, as json.loads (float(text)).
  std::array<char, 64> buf{};
  const std::size_t n = std::min(text.size(), buf.size() - 1);
  std::memcpy(buf.data(), text.data(), n);
  const double d = PyOS_string_to_double(buf.data(), nullptr, nullptr);
  if (d == -1.0 && PyErr_Occurred()) throw pyb::error_already_set();
  put(next_slot(key), PyFloat_FromDouble(d));
}

void dict_builder::boolean(std::string_view key, bool v) { put(next_slot(key), pyb::bool_(v).release().ptr()); }

void dict_builder::begin_object(std::string_view key) {
  slot& s = next_slot(key);
  PyObject* d = PyDict_New();
  if (!d) throw pyb::error_already_set();
  Py_INCREF(d);  // one reference for the parent, one held while it is filled
  put(s, d);
  open_.push_back(d);
  depth_ = 1;  // the record's objects hold scalars only
  pos_[1] = 0;
}

void dict_builder::end_object() {
  Py_DECREF(open_.back());
  open_.pop_back();
  depth_ = 0;
}

}  // namespace wlancode::py
