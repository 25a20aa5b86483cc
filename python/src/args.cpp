#include "args.hpp"

#include <limits>

namespace wlancode::py {

std::optional<family> family_arg(const pyb::handle& h) {
  if (h.is_none()) return std::nullopt;
  if (pyb::isinstance<pyb::str>(h)) {
    const std::string id = utf8(h);
    if (auto f = parse_family(id)) return f;
    throw pyb::value_error("unknown family '" + id + "'");
  }
  if (pyb::isinstance<pyb::int_>(h) && !pyb::isinstance<pyb::bool_>(h)) {
    const long long v = h.cast<long long>();
    if (v >= 0 && static_cast<unsigned long long>(v) < family_count) return all_families[v];
    throw pyb::value_error("no family has the number " + std::to_string(v));
  }
  throw pyb::type_error("family must be a wlancode.Family, its int value or its id (str), not " +
                        std::string(pyb::str(pyb::type::handle_of(h).attr("__name__"))));
}

family required_family(const pyb::handle& h) {
  if (h.is_none()) throw pyb::type_error("a family is required");
  return *family_arg(h);
}

std::uint32_t value_arg(const pyb::handle& h) {
  if (!pyb::isinstance<pyb::int_>(h) || pyb::isinstance<pyb::bool_>(h))
    throw pyb::type_error("a code value must be an int, not " +
                          std::string(pyb::str(pyb::type::handle_of(h).attr("__name__"))));
  int overflow = 0;
  const long long v = PyLong_AsLongLongAndOverflow(h.ptr(), &overflow);
  if (overflow || v > static_cast<long long>(std::numeric_limits<std::uint32_t>::max()) ||
      v < static_cast<long long>(std::numeric_limits<std::int32_t>::min())) {
    PyErr_SetString(PyExc_OverflowError, "a code value must be in 0..0xFFFFFFFF (or a negative int32)");
    throw pyb::error_already_set();
  }
  return static_cast<std::uint32_t>(v);
}

std::string utf8(const pyb::handle& h) {
  Py_ssize_t n = 0;
  const char* p = PyUnicode_AsUTF8AndSize(h.ptr(), &n);
  if (!p) throw pyb::error_already_set();
  return std::string(p, static_cast<std::size_t>(n));
}

pyb::object family_object(family f) {
  static pyb::object* type = nullptr;  // wlancode.Family, looked up once (the module keeps it alive)
  if (!type) type = new pyb::object(pyb::module_::import("wlancode._families").attr("Family"));
  return (*type)(static_cast<int>(f));
}

}  // namespace wlancode::py
