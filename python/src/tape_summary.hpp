// The counts of summarize_records (bind_summary.cpp) of a record_tape's records, read from the tape
// (no dict made): what wlancode.dask.summarize takes of a persisted bag's partition.
#pragma once

#include <pybind11/pybind11.h>

#include "record_tape.hpp"

namespace wlancode::py {

// (per source, [error records]) as _native.summarize_records returns them. Needs the GIL.
pybind11::tuple summarize_tape(const record_tape& tape);

}  // namespace wlancode::py
