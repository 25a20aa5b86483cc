// The finding records of a record_tape as columns (one list per key, a value per finding; error
// records left out), for pandas: the values the records' dicts would hold (record_dict.hpp), made
// without the dicts or a row per record.
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "record_tape.hpp"

namespace wlancode::py {

// One list per key of `keys`, in that order. KeyError when a finding's record lacks one. GIL held.
pybind11::list record_columns(const record_tape& tape, const std::vector<std::string>& keys);

}  // namespace wlancode::py
