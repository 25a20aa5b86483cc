// wlancode._native: the C++ library bound with pybind11. The public API is the Python package
// wlancode (python/wlancode/), which wraps this module and documents it.
#include "bindings.hpp"

PYBIND11_MODULE(_native, m) {
  m.doc() = "wlancode's C++ library (use the wlancode package, not this module)";
  wlancode::py::bind_codes(m);
  wlancode::py::bind_scan(m);
  wlancode::py::bind_columns(m);
  wlancode::py::bind_summary(m);
  wlancode::py::bind_records(m);
  wlancode::py::bind_diagnose(m);
}
