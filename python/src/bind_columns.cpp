// explain_many: many values of one family decoded at once into columns (name, meaning, phase,
// initiator) for pandas. Each distinct code's strings are made once and shared by every row that
// has it, so a row costs a table lookup and four reference counts.
#include <pybind11/numpy.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <vector>

#include "args.hpp"
#include "bindings.hpp"

namespace wlancode::py {
namespace {

struct row {
  pyb::object name, meaning, phase, initiator;
};

class decoder {
 public:
  explicit decoder(family f) : f_(f), listed_(codes(f)), by_index_(listed_.size()) {
    missing_ = {pyb::none(), pyb::none(), pyb::none(), pyb::none()};
  }

  // A value as written (negative: NetworkManager's locally generated 802.11 codes in 16-bit
  // families, a DWORD printed as int32 otherwise).
  const row& of(long long v, std::size_t index) {
    if (v > static_cast<long long>(std::numeric_limits<std::uint32_t>::max()) ||
        v < static_cast<long long>(std::numeric_limits<std::int32_t>::min())) {
      PyErr_SetString(PyExc_OverflowError, ("value " + std::to_string(v) + " at index " + std::to_string(index) +
                                            " is not a 32-bit code value")
                                               .c_str());
      throw pyb::error_already_set();
    }
    std::uint32_t u = static_cast<std::uint32_t>(v);
    if (v < 0 && value_bits(f_) == 16 && -v <= 0xFFFF) u = static_cast<std::uint32_t>(-v);
    if (u == last_value_ && last_) return *last_;
    last_value_ = u;
    last_ = &lookup(u);
    return *last_;
  }
  const row& missing() const { return missing_; }

 private:
  const row& lookup(std::uint32_t u) {
    if (const code_info* c = find(f_, u)) {
      if (c >= listed_.data() && c < listed_.data() + listed_.size()) {
        row& r = by_index_[static_cast<std::size_t>(c - listed_.data())];
        if (!r.name) r = make(c, u);
        return r;
      }
    }
    auto [it, fresh] = other_.try_emplace(u);
    if (fresh) it->second = make(find(f_, u), u);
    return it->second;
  }
  row make(const code_info* c, std::uint32_t u) const {
    const auto s = [](std::string_view v) { return pyb::str(v.data(), v.size()); };
    if (c) return {s(c->name), s(c->meaning.text), s(to_string(c->phase)), s(to_string(c->initiator))};
    std::string text(describe(f_, u, nullptr, 0), '\0');  // unlisted: the range it falls in
    describe(f_, u, text.data(), text.size() + 1);
    return {pyb::none(), pyb::str(text), s(to_string(phase::unknown)), s(to_string(initiator::unknown))};
  }

  family f_;
  std::span<const code_info> listed_;
  std::vector<row> by_index_;
  std::unordered_map<std::uint32_t, row> other_;
  row missing_;
  std::uint32_t last_value_ = 0;
  const row* last_ = nullptr;
};

struct columns {
  explicit columns(std::size_t n) : name(n), meaning(n), phase(n), initiator(n) {}
  void set(std::size_t i, const row& r) {
    PyList_SET_ITEM(name.ptr(), static_cast<Py_ssize_t>(i), r.name.inc_ref().ptr());
    PyList_SET_ITEM(meaning.ptr(), static_cast<Py_ssize_t>(i), r.meaning.inc_ref().ptr());
    PyList_SET_ITEM(phase.ptr(), static_cast<Py_ssize_t>(i), r.phase.inc_ref().ptr());
    PyList_SET_ITEM(initiator.ptr(), static_cast<Py_ssize_t>(i), r.initiator.inc_ref().ptr());
  }
  pyb::dict done() {
    pyb::dict d;
    d["name"] = name;
    d["meaning"] = meaning;
    d["phase"] = phase;
    d["initiator"] = initiator;
    return d;
  }
  pyb::list name, meaning, phase, initiator;
};

template <class T>
void decode_ints(const pyb::buffer_info& b, decoder& dec, columns& out) {
  const auto* base = static_cast<const char*>(b.ptr);
  const auto step = b.strides[0];
  for (pyb::ssize_t i = 0; i < b.shape[0]; ++i) {
    T v;
    std::memcpy(&v, base + i * step, sizeof v);
    out.set(static_cast<std::size_t>(i), dec.of(static_cast<long long>(v), static_cast<std::size_t>(i)));
  }
}

long long integral(double d, std::size_t i) {
  if (std::trunc(d) != d || d > 4294967295.0 || d < -2147483648.0)
    throw pyb::value_error("value " + std::to_string(d) + " at index " + std::to_string(i) +
                           " is not an integral 32-bit code value");
  return static_cast<long long>(d);
}

template <class T>
void decode_floats(const pyb::buffer_info& b, decoder& dec, columns& out) {
  const auto* base = static_cast<const char*>(b.ptr);
  for (pyb::ssize_t i = 0; i < b.shape[0]; ++i) {
    T v;
    std::memcpy(&v, base + i * b.strides[0], sizeof v);
    const auto k = static_cast<std::size_t>(i);
    out.set(k, std::isnan(v) ? dec.missing() : dec.of(integral(static_cast<double>(v), k), k));
  }
}

bool is_missing(const pyb::handle& h) {
  if (h.is_none()) return true;
  if (PyFloat_Check(h.ptr())) return std::isnan(PyFloat_AS_DOUBLE(h.ptr()));
  const std::string type = pyb::str(pyb::type::handle_of(h).attr("__name__"));
  return type == "NAType" || type == "NaTType";  // pandas' missing markers
}

// Whether a buffer format (struct syntax, with an optional byte-order prefix) is handled, and how.
pyb::dict from_buffer(const pyb::buffer& buf, decoder& dec) {
  const pyb::buffer_info b = buf.request();
  if (b.ndim != 1) throw pyb::value_error("explain_many takes a one-dimensional array");
  std::string fmt = b.format;
  if (!fmt.empty() && std::string_view("@=<>!").find(fmt[0]) != std::string_view::npos) {
    if (fmt[0] == '>' || fmt[0] == '!') throw pyb::value_error("big-endian arrays are not supported");
    fmt.erase(0, 1);
  }
  columns out(static_cast<std::size_t>(b.shape[0]));
  const char c = fmt.size() == 1 ? fmt[0] : '\0';
  switch (c) {
    case 'b':
      decode_ints<signed char>(b, dec, out);
      break;
    case 'B':
      decode_ints<unsigned char>(b, dec, out);
      break;
    case 'h':
      decode_ints<short>(b, dec, out);
      break;
    case 'H':
      decode_ints<unsigned short>(b, dec, out);
      break;
    case 'i':
      decode_ints<int>(b, dec, out);
      break;
    case 'I':
      decode_ints<unsigned>(b, dec, out);
      break;
    case 'l':
      decode_ints<long>(b, dec, out);
      break;
    case 'L':
      decode_ints<unsigned long>(b, dec, out);
      break;
    case 'q':
      decode_ints<long long>(b, dec, out);
      break;
    case 'Q': {
      // Beyond LLONG_MAX: out of range as well.
      const auto* base = static_cast<const char*>(b.ptr);
      for (pyb::ssize_t i = 0; i < b.shape[0]; ++i) {
        unsigned long long v;
        std::memcpy(&v, base + i * b.strides[0], sizeof v);
        const auto k = static_cast<std::size_t>(i);
        out.set(k, dec.of(v > 0xFFFFFFFFull ? std::numeric_limits<long long>::max() : static_cast<long long>(v), k));
      }
      break;
    }
    case 'f':
      decode_floats<float>(b, dec, out);
      break;
    case 'd':
      decode_floats<double>(b, dec, out);
      break;
    default:
      throw pyb::type_error("explain_many takes integer (or float, NaN for missing) arrays, not format '" + b.format +
                            "'");
  }
  return out.done();
}

pyb::dict explain_many_py(const pyb::object& values, const pyb::handle& fam) {
  decoder dec(required_family(fam));
  if (pyb::isinstance<pyb::str>(values) || pyb::isinstance<pyb::bytes>(values))
    throw pyb::type_error("explain_many takes a sequence of values, not a str or bytes");
  if (PyObject_CheckBuffer(values.ptr()) && !pyb::isinstance<pyb::bytearray>(values))
    return from_buffer(pyb::reinterpret_borrow<pyb::buffer>(values), dec);
  const pyb::sequence seq =
      pyb::reinterpret_steal<pyb::sequence>(PySequence_Fast(values.ptr(), "explain_many takes a sequence"));
  if (!seq) throw pyb::error_already_set();
  const auto n = static_cast<std::size_t>(PySequence_Fast_GET_SIZE(seq.ptr()));
  PyObject** items = PySequence_Fast_ITEMS(seq.ptr());
  columns out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const pyb::handle h(items[i]);
    if (PyLong_Check(h.ptr()) && !PyBool_Check(h.ptr())) {
      int overflow = 0;
      const long long v = PyLong_AsLongLongAndOverflow(h.ptr(), &overflow);
      out.set(i, dec.of(overflow ? std::numeric_limits<long long>::max() : v, i));
    } else if (is_missing(h)) {
      out.set(i, dec.missing());
    } else if (PyFloat_Check(h.ptr())) {
      out.set(i, dec.of(integral(PyFloat_AS_DOUBLE(h.ptr()), i), i));
    } else {
      throw pyb::type_error("value at index " + std::to_string(i) + " is a " +
                            std::string(pyb::str(pyb::type::handle_of(h).attr("__name__"))) +
                            ", not an int (None or NaN for missing)");
    }
  }
  return out.done();
}

}  // namespace

void bind_columns(pyb::module_& m) { m.def("explain_many", &explain_many_py, pyb::arg("values"), pyb::arg("family")); }

}  // namespace wlancode::py
