// The parts of the native module wlancode._native, one file each.
#pragma once

#include <pybind11/pybind11.h>

namespace wlancode::py {
void bind_codes(pybind11::module_& m);     // bind_codes.cpp
void bind_scan(pybind11::module_& m);      // bind_scan.cpp
void bind_columns(pybind11::module_& m);   // bind_columns.cpp
void bind_summary(pybind11::module_& m);   // bind_summary.cpp
void bind_records(pybind11::module_& m);   // bind_records.cpp
void bind_diagnose(pybind11::module_& m);  // bind_diagnose.cpp
}  // namespace wlancode::py
