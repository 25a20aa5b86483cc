// The record of a finding as a sequence of typed fields: the one definition of the schema of
// docs/scan.md (keys, order, types, nulls). Every writer is a visitor of it: the JSONL writer
// (scan_json.hpp) and the Python module's dicts (python/src), so no writer re-types a key.
#pragma once

#include <cstdint>
#include <string_view>

#include "wlancode/export.h"
#include "wlancode/scan.hpp"

namespace wlancode::scan {

class record_visitor {
 public:
  virtual ~record_visitor() = default;
  // `stable`: `v` points into the library's tables and lives as long as the program (a code's
  // name, meaning and hint, the names of enums): writers may cache what they make of it by address.
  virtual void string(std::string_view key, std::string_view v, bool stable) = 0;
  virtual void null(std::string_view key) = 0;
  virtual void integer(std::string_view key, std::uint64_t v) = 0;
  // A number as the schema prints it ("0.85"): readers parse `text`, so every output agrees.
  virtual void number(std::string_view key, std::string_view text) = 0;
  virtual void boolean(std::string_view key, bool v) = 0;
  // An object (the hint): the fields up to end_object are its members.
  virtual void begin_object(std::string_view key) = 0;
  virtual void end_object() = 0;
};

// Hands the fields of `f`'s record to `v`, in the schema's order. Every key is passed as a view of
// static storage (its address identifies it). Thread-safe.
WLANCODE_API void visit_record(const finding& f, record_visitor& v);

}  // namespace wlancode::scan
