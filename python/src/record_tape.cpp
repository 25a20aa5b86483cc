// record_tape (record_tape.hpp): per field a byte of its kind and one of its key, then its value.
#include "record_tape.hpp"

#include <algorithm>
#include <stdexcept>

namespace wlancode::py {

namespace {
// A reader of a record, in the order the writer put things.
struct reader {
  const char* p;
  template <class T>
  T raw() {
    T v;
    std::memcpy(&v, p, sizeof v);
    p += sizeof v;
    return v;
  }
  std::size_t size() {
    std::size_t n = 0;
    for (unsigned shift = 0;; shift += 7) {
      const auto b = static_cast<std::uint8_t>(*p++);
      n |= static_cast<std::size_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return n;
    }
  }
  std::string_view bytes() {
    const std::size_t n = size();
    const std::string_view s(p, n);
    p += n;
    return s;
  }
};
}  // namespace

void record_tape::new_block(std::size_t n) {
  // The record begun so far moves with it: a record is read from one block.
  const char* record = record_ ? record_ : at_;
  const auto begun = static_cast<std::size_t>(at_ - record);
  const std::size_t size = std::max(block_size, 2 * (begun + n));
  auto block = std::make_unique<char[]>(size);
  if (begun) std::memcpy(block.get(), record, begun);
  if (record_) {
    record_ = block.get();
    starts_.back() = record_;
  }
  at_ = block.get() + begun;
  limit_ = block.get() + size;
  blocks_.push_back(std::move(block));
  block_bytes_ += size;
}

std::size_t record_tape::key_index(std::string_view key) {
  std::size_t k = 0;
  while (k < keys_.size() && keys_[k].data() != key.data()) ++k;
  if (k == keys_.size()) {
    if (k > 0xff) throw std::length_error("record_tape: more keys than a record has");
    keys_.push_back(key);
  }
  return k;
}

void record_tape::begin_record(std::uint8_t kind) {
  record_ = nullptr;
  reserve(64);
  starts_.push_back(at_);
  record_ = at_;
  *at_++ = static_cast<char>(kind);
}

void record_tape::add_finding(const scan::finding& f, std::uint64_t line_offset) {
  begin_record(finding_record);
  put_raw(static_cast<const void*>(f.code));
  line_offset_ = line_offset;
  last_key_ = SIZE_MAX;  // the first key is looked up from index 0
  scan::visit_record(f, *this);
  put_byte(end);  // the record's own end
}

void record_tape::add_error(std::string_view source, std::string_view message) {
  begin_record(error_record);
  put_bytes(source);
  put_bytes(message);
}

std::string_view record_tape::error_source(std::size_t i) const {
  reader r{starts_[i] + 1};
  return r.bytes();
}

std::string_view record_tape::error_message(std::size_t i) const {
  reader r{starts_[i] + 1};
  r.bytes();
  return r.bytes();
}

const void* record_tape::code_of(std::size_t i) const {
  reader r{starts_[i] + 1};
  return r.raw<const void*>();
}

void record_tape::replay(std::size_t i, scan::record_visitor& v) const {
  reader r{starts_[i] + 1 + sizeof(const void*)};
  unsigned depth = 0;
  for (;;) {
    const auto o = static_cast<op>(*r.p++);
    if (o == end) {
      if (depth == 0) return;  // the record's end
      --depth;
      v.end_object();
      continue;
    }
    const std::string_view key = keys_[static_cast<std::uint8_t>(*r.p++)];
    switch (o) {
      case str:
        v.string(key, r.bytes(), false);
        break;
      case stable_str: {
        const auto* p = r.raw<const char*>();
        v.string(key, std::string_view(p, r.size()), true);
        break;
      }
      case null_value:
        v.null(key);
        break;
      case integer_value:
        v.integer(key, r.raw<std::uint64_t>());
        break;
      case number_value:
        v.number(key, r.bytes());
        break;
      case false_value:
      case true_value:
        v.boolean(key, o == true_value);
        break;
      case begin:
        ++depth;
        v.begin_object(key);
        break;
      case end:
        break;
    }
  }
}

void record_tape::string(std::string_view key, std::string_view v, bool stable) {
  if (stable) {
    put_op(stable_str, key);  // the table's text: its address, valid as long as the program
    put_raw(v.data());
    put_size(v.size());
  } else {
    put_op(str, key);
    put_bytes(v);
  }
}

void record_tape::null(std::string_view key) { put_op(null_value, key); }

void record_tape::integer(std::string_view key, std::uint64_t v) {
  put_op(integer_value, key);
  put_raw(key == "line" ? v + line_offset_ : v);
}

void record_tape::number(std::string_view key, std::string_view text) {
  put_op(number_value, key);
  put_bytes(text);
}

void record_tape::boolean(std::string_view key, bool v) { put_op(v ? true_value : false_value, key); }

void record_tape::begin_object(std::string_view key) { put_op(begin, key); }

void record_tape::end_object() { put_byte(end); }

}  // namespace wlancode::py
