// record_columns (record_columns.hpp): a visitor appending each field's value to its key's list.
#include "record_columns.hpp"

#include <array>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "record_dict.hpp"

namespace wlancode::py {

namespace pyb = pybind11;

namespace {

// Values repeat down a column (a file's source, a code's hex...): a field's last value is kept
// and shared while it repeats, as the dicts share theirs.
constexpr std::size_t max_repeat_bytes = 96;

class column_builder final : public scan::record_visitor {
 public:
  column_builder(const std::vector<std::string>& keys, std::size_t rows) : names_(keys) {
    columns_.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      columns_.push_back(pyb::reinterpret_steal<pyb::object>(PyList_New(static_cast<Py_ssize_t>(rows))));
      if (!columns_.back()) throw pyb::error_already_set();
    }
    last_.resize(keys.size());
  }

  void row(const record_tape& tape, std::size_t i) {
    ++row_;
    tape.replay(i, *this);
    if (set_ != columns_.size()) missing();
    set_ = 0;
  }

  pyb::list take() {
    pyb::list out;
    for (pyb::object& c : columns_) out.append(std::move(c));
    return out;
  }

  void string(std::string_view key, std::string_view v, bool stable) override {
    if (object_) return member(key, stable ? stable_str(v) : new_str(v));
    const std::size_t c = column(key);
    if (c == npos) return;
    last_value& l = last_[c];
    if (stable) return put(c, stable_str(v));
    if (l.obj && l.is_str && v.size() <= max_repeat_bytes && l.bytes == v) return put(c, l.obj.inc_ref().ptr());
    PyObject* s = new_str(v);
    if (v.size() <= max_repeat_bytes) {
      l.bytes.assign(v);
      l.is_str = true;
      l.obj = pyb::reinterpret_borrow<pyb::object>(s);
    }
    put(c, s);
  }
  void null(std::string_view key) override {
    Py_INCREF(Py_None);
    if (object_) return member(key, Py_None);
    const std::size_t c = column(key);
    if (c == npos) {
      Py_DECREF(Py_None);
      return;
    }
    put(c, Py_None);
  }
  void integer(std::string_view key, std::uint64_t v) override {
    if (object_) return member(key, checked(PyLong_FromUnsignedLongLong(v)));
    const std::size_t c = column(key);
    if (c == npos) return;
    last_value& l = last_[c];
    if (!l.obj || l.is_str || l.integer != v) {
      l.obj = pyb::reinterpret_steal<pyb::object>(checked(PyLong_FromUnsignedLongLong(v)));
      l.integer = v;
      l.is_str = false;
    }
    put(c, l.obj.inc_ref().ptr());
  }
  void number(std::string_view key, std::string_view text) override {
    // Python's own parser of the printed number, as json.loads (float(text)) and the dicts.
    std::array<char, 64> buf{};
    std::memcpy(buf.data(), text.data(), std::min(text.size(), buf.size() - 1));
    const double d = PyOS_string_to_double(buf.data(), nullptr, nullptr);
    if (d == -1.0 && PyErr_Occurred()) throw pyb::error_already_set();
    PyObject* x = checked(PyFloat_FromDouble(d));
    if (object_) return member(key, x);
    const std::size_t c = column(key);
    if (c == npos) {
      Py_DECREF(x);
      return;
    }
    put(c, x);
  }
  void boolean(std::string_view key, bool v) override {
    PyObject* b = v ? Py_True : Py_False;
    Py_INCREF(b);
    if (object_) return member(key, b);
    const std::size_t c = column(key);
    if (c == npos) {
      Py_DECREF(b);
      return;
    }
    put(c, b);
  }
  void begin_object(std::string_view key) override {
    PyObject* d = checked(PyDict_New());
    const std::size_t c = column(key);
    if (c == npos) {
      discard_ = pyb::reinterpret_steal<pyb::object>(d);  // filled, then dropped
      object_ = d;
      return;
    }
    put(c, d);
    object_ = d;
  }
  void end_object() override {
    object_ = nullptr;
    discard_ = pyb::object();
  }

 private:
  static constexpr std::size_t npos = SIZE_MAX;
  struct last_value {
    pyb::object obj;
    bool is_str = false;
    std::string bytes;
    std::uint64_t integer = 0;
  };

  static PyObject* checked(PyObject* o) {
    if (!o) throw pyb::error_already_set();
    return o;
  }
  static PyObject* new_str(std::string_view v) { return checked(record_str(v)); }
  // A table's text: one str per text (by address and size) for all the rows.
  PyObject* stable_str(std::string_view v) {
    auto [it, fresh] = stable_.try_emplace(v.data());
    if (fresh || it->second.first != v.size()) it->second = {v.size(), pyb::reinterpret_steal<pyb::object>(new_str(v))};
    return it->second.second.inc_ref().ptr();
  }
  // The column of a key (keys are views of static storage: found by address after the first time).
  std::size_t column(std::string_view key) {
    auto [it, fresh] = by_address_.try_emplace(key.data(), npos);
    if (fresh)
      for (std::size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == key) it->second = i;
    return it->second;
  }
  void put(std::size_t c, PyObject* v) {  // steals v
    PyObject* list = columns_[c].ptr();
    PyObject* old = PyList_GET_ITEM(list, static_cast<Py_ssize_t>(row_ - 1));
    PyList_SET_ITEM(list, static_cast<Py_ssize_t>(row_ - 1), v);
    if (old) {
      Py_DECREF(old);  // a key twice in a record: the last value, as a dict keeps it
    } else {
      ++set_;
    }
  }
  void member(std::string_view key, PyObject* v) {  // steals v
    auto k = pyb::reinterpret_steal<pyb::object>(
        checked(PyUnicode_FromStringAndSize(key.data(), static_cast<Py_ssize_t>(key.size()))));
    const int rc = PyDict_SetItem(object_, k.ptr(), v);
    Py_DECREF(v);
    if (rc != 0) throw pyb::error_already_set();
  }
  [[noreturn]] void missing() const {
    for (std::size_t c = 0; c < columns_.size(); ++c)
      if (!PyList_GET_ITEM(columns_[c].ptr(), static_cast<Py_ssize_t>(row_ - 1))) throw pyb::key_error(names_[c]);
    throw pyb::key_error("a record's key");
  }

  const std::vector<std::string>& names_;
  std::vector<pyb::object> columns_;
  std::vector<last_value> last_;
  std::unordered_map<const char*, std::size_t> by_address_;
  std::unordered_map<const char*, std::pair<std::size_t, pyb::object>> stable_;
  std::size_t row_ = 0, set_ = 0;
  PyObject* object_ = nullptr;  // the object (hint) being filled, borrowed from its column
  pyb::object discard_;
};

}  // namespace

pyb::list record_columns(const record_tape& tape, const std::vector<std::string>& keys) {
  std::size_t rows = 0;
  for (std::size_t i = 0; i < tape.size(); ++i) rows += !tape.is_error(i);
  column_builder b(keys, rows);
  for (std::size_t i = 0; i < tape.size(); ++i)
    if (!tape.is_error(i)) b.row(tape, i);
  return b.take();
}

}  // namespace wlancode::py
