// dict_builder (record_dict.hpp): the JSONL record of a finding as a dict, without JSON.
#include "record_dict.hpp"

#include <algorithm>
#include <cstring>

#include "wlancode/scan_json.hpp"

namespace wlancode::py {

namespace pyb = pybind11;

namespace {
// Values whose repeats are worth looking for: a long one (the excerpt) differs from record to record.
constexpr std::size_t max_repeat_bytes = 96;
// After this many new values in a row a field is compared again only every retry_every records.
constexpr unsigned max_misses = 8;
constexpr unsigned retry_every = 64;
// The template is replaced when this many records in a row each set more than `drift_fields`
// fields beyond the fewest any record since it set: the log has moved on (another device, rule...).
constexpr unsigned drift_records = 4;
constexpr std::size_t drift_fields = 2;
constexpr std::size_t max_templates = 256;

// The last 8 bytes of `v` (all of a shorter one, zero-padded): a first test of equality that
// tells most different values of a field apart (timestamps, MACs differ at their end).
std::uint64_t tail_of(std::string_view v) {
  std::uint64_t t = 0;
  const std::size_t n = std::min<std::size_t>(v.size(), sizeof t);
  std::memcpy(&t, v.data() + v.size() - n, n);
  return t;
}
}  // namespace

pyb::object dict_builder::build(const void* code, const visit_fn& visit) {
  // Bounded: a log naming ever new codes starts the templates over now and then.
  if (templates_.size() >= max_templates && !templates_.contains(code)) templates_.clear();
  record_template& t = templates_[code];
  if (t.dict) {
    // The copy has the template's keys in the schema's order and its values; a field whose value
    // is the template's very object is left as it is, any other replaced.
    auto copy = pyb::reinterpret_steal<pyb::object>(PyDict_Copy(t.dict.ptr()));
    if (!copy) throw pyb::error_already_set();
    from_ = &t;
    const bool same_keys = fill(copy.ptr(), visit);
    from_ = nullptr;
    if (same_keys) {
      t.fewest_changed = std::min(t.fewest_changed, changed_);
      if (changed_ <= t.fewest_changed + drift_fields)
        t.drifting = 0;
      else if (++t.drifting >= drift_records)
        adopt_template(t, copy.ptr());
      return copy;
    }
    // The schema's keys changed (they do not within a process: defensive): every template is stale.
    templates_.clear();
  }
  // The first record of its code, or one whose fields were not the template's: a new dict (its
  // keys in the order visited), and a private copy of it as the next template (the caller may
  // change its own).
  auto fresh = pyb::reinterpret_steal<pyb::object>(PyDict_New());
  if (!fresh) throw pyb::error_already_set();
  from_ = nullptr;  // every field is set (also after an exception left a fill half-done)
  fill(fresh.ptr(), visit);
  adopt_template(templates_[code], fresh.ptr());
  return fresh;
}

void dict_builder::adopt_template(record_template& t, PyObject* record) {
  auto d = pyb::reinterpret_steal<pyb::object>(PyDict_Copy(record));
  if (!d) throw pyb::error_already_set();
  std::vector<slot>& slots = slots_[0];
  t.values.assign(pos_[0], nullptr);
  for (std::size_t i = 0; i < pos_[0]; ++i) {
    t.values[i] = slots[i].current;
    // An object (the hint) is never shared with a record: the template holds None there, so that
    // it holds scalars only and its copies need no tracking by the garbage collector.
    if (PyDict_CheckExact(t.values[i])) {
      if (PyDict_SetItem(d.ptr(), slots[i].key.ptr(), Py_None) != 0) throw pyb::error_already_set();
      t.values[i] = Py_None;
    }
  }
  if (PyObject_GC_IsTracked(d.ptr())) PyObject_GC_UnTrack(d.ptr());
  t.dict = std::move(d);
  t.fewest_changed = SIZE_MAX;
  t.drifting = 0;
}

bool dict_builder::fill(PyObject* d, const visit_fn& visit) {
  const Py_ssize_t size = PyDict_GET_SIZE(d);
  pos_[0] = pos_[1] = 0;
  depth_ = 0;
  same_keys_ = true;
  changed_ = 0;
  open_.assign(1, d);
  visit(*this);
  return same_keys_ && static_cast<Py_ssize_t>(pos_[0]) == size;
}

dict_builder::slot& dict_builder::new_slot(std::string_view key) {
  std::vector<slot>& slots = slots_[depth_];
  std::size_t& pos = pos_[depth_];
  if (depth_ == 0) same_keys_ = false;
  // The first record (or a field the schema adds conditionally): the key's interned str.
  auto [it, fresh] = keys_.try_emplace(key.data());
  if (fresh) {
    PyObject* k = PyUnicode_InternFromString(std::string(key).c_str());
    if (!k) throw pyb::error_already_set();
    it->second = pyb::reinterpret_steal<pyb::object>(k);
  }
  if (pos == slots.size()) slots.emplace_back();
  slot& s = slots[pos++];
  s = slot{};
  s.address = key.data();
  s.key = it->second;
  return s;
}

void dict_builder::set(slot& s, PyObject* value) {
  const int rc = PyDict_SetItem(open_.back(), s.key.ptr(), value);
  Py_DECREF(value);
  if (rc != 0) throw pyb::error_already_set();
}

PyObject* record_str(std::string_view v) {
  if (PyObject* s = PyUnicode_DecodeUTF8(v.data(), static_cast<Py_ssize_t>(v.size()), nullptr)) return s;
  // Not valid UTF-8: the str is what json.loads makes of the JSON writer's literal (\uFFFD where
  // the writer puts it), so that the dict is the CLI's record whatever the bytes.
  PyErr_Clear();
  std::string literal;
  scan::append_json_string(literal, v);
  // Never destroyed: a static object's destructor would run after the interpreter's finalization
  // (and abort the process: it would free json's module dict without a thread state).
  static auto* loads = new pyb::object(pyb::module_::import("json").attr("loads"));
  return (*loads)(pyb::str(literal)).release().ptr();
}

PyObject* dict_builder::make_str(std::string_view v) { return record_str(v); }

PyObject* dict_builder::recent_or_new(slot& s, std::string_view v) {
  // A field that keeps changing (a timestamp) is not compared for a while: comparing and keeping
  // its bytes would cost more than it saves.
  if (v.size() > max_repeat_bytes || (s.misses >= max_misses && ++s.skipped % retry_every != 0)) return make_str(v);
  const std::uint64_t tail = tail_of(v);
  for (recent_str& r : s.recent) {
    if (r.tail == tail && r.str && r.bytes == v) {
      s.misses = 0;
      return r.str.inc_ref().ptr();
    }
  }
  PyObject* str = make_str(v);
  if (!str) throw pyb::error_already_set();
  recent_str& r = s.recent[s.next_recent++ % recent_count];
  r.tail = tail;
  r.bytes.assign(v);
  r.str = pyb::reinterpret_borrow<pyb::object>(str);
  s.misses = std::min(s.misses + 1, max_misses);
  return str;
}

void dict_builder::string(std::string_view key, std::string_view v, bool stable) {
  slot& s = next_slot(key);
  if (!stable) {
    // The template's value first: the records of one code mostly repeat its hex, raw text, rule...
    PyObject* t = template_value();
    if (t && PyUnicode_CheckExact(t) && PyUnicode_IS_COMPACT_ASCII(t) &&
        static_cast<std::size_t>(PyUnicode_GET_LENGTH(t)) == v.size() &&
        std::memcmp(PyUnicode_DATA(t), v.data(), v.size()) == 0) {
      Py_INCREF(t);
      put(s, t);
      return;
    }
    put(s, recent_or_new(s, v));
    return;
  }
  // A table's text: one str per text for the whole scan, found by its address.
  if (!s.last_stable_str || s.last_stable.data() != v.data() || s.last_stable.size() != v.size()) {
    auto [it, fresh] = stable_.try_emplace(text_key{v.data(), v.size()});
    if (fresh) it->second = pyb::reinterpret_steal<pyb::object>(make_str(v));
    s.last_stable = v;
    s.last_stable_str = it->second.ptr();
  }
  Py_INCREF(s.last_stable_str);
  put(s, s.last_stable_str);
}

void dict_builder::null(std::string_view key) { put(next_slot(key), pyb::none().release().ptr()); }

void dict_builder::integer(std::string_view key, std::uint64_t v) {
  slot& s = next_slot(key);
  if (!s.last_int_obj || s.last_int != v) {
    PyObject* n = PyLong_FromUnsignedLongLong(v);
    if (!n) throw pyb::error_already_set();
    s.last_int = v;
    s.last_int_obj = pyb::reinterpret_steal<pyb::object>(n);
  }
  put(s, s.last_int_obj.inc_ref().ptr());
}

void dict_builder::number(std::string_view key, std::string_view text) {
  slot& s = next_slot(key);
  if (!s.last_number_obj || s.last_number != text) {
    // Python's own parser of the printed number, as json.loads (float(text)).
    std::array<char, 64> buf{};
    const std::size_t n = std::min(text.size(), buf.size() - 1);
    std::memcpy(buf.data(), text.data(), n);
    const double d = PyOS_string_to_double(buf.data(), nullptr, nullptr);
    if (d == -1.0 && PyErr_Occurred()) throw pyb::error_already_set();
    PyObject* x = PyFloat_FromDouble(d);
    if (!x) throw pyb::error_already_set();
    s.last_number.assign(text);
    s.last_number_obj = pyb::reinterpret_steal<pyb::object>(x);
  }
  put(s, s.last_number_obj.inc_ref().ptr());
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
