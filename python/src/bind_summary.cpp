// Fleet counts for wlancode.dask.summarize, made in C++ by the library's scan::summary (codes under
// scan::code_label, as `scan --summary` counts them), per source: a scan summarised here builds no
// dict per finding; a bag of records already made is folded here without Python per record.
#include <cstdint>
#include <limits>
#include <map>
#include <string>

#include <unordered_map>

#include "args.hpp"
#include "bindings.hpp"
#include "record_tape.hpp"
#include "scan_input.hpp"
#include "tape_summary.hpp"
#include "wlancode/scan.hpp"
#include "wlancode/scan_record.hpp"

namespace wlancode::py {
namespace {

// Per source (one file, or the files of a directory): counts that are never capped (a task's
// inputs are one file; the caps of --summary bound a whole run).
class per_source {
 public:
  void add(const scan::finding& f) {
    if (!last_ || f.source != last_source_) {
      auto [it, fresh] = by_source_.try_emplace(f.source);
      if (fresh) {
        scan::summary& s = it->second;
        s.max_keys = s.max_codes_per_place = s.max_place_codes = std::numeric_limits<std::size_t>::max();
      }
      last_ = &it->second;
      last_source_ = f.source;
    }
    last_->add(f);
  }

  // {source: (findings, {(family, value, label): count}, {ssid: count}, {bssid: count})}
  pyb::dict to_python() const {
    pyb::dict out;
    for (const auto& [source, s] : by_source_) {
      pyb::dict codes, ssids, bssids;
      for (const scan::summary::code_count& c : s.by_code) {
        const pyb::object fam = c.fam ? pyb::object(pyb::str(std::string(to_string(*c.fam)))) : pyb::none();
        const pyb::object value = c.has_value ? pyb::object(pyb::int_(c.value)) : pyb::none();
        codes[pyb::make_tuple(fam, value, c.name)] = c.count;
      }
      for (const auto& [k, w] : s.by_ssid) ssids[pyb::str(k)] = w.count;
      for (const auto& [k, w] : s.by_bssid) bssids[pyb::str(k)] = w.count;
      out[pyb::str(source)] = pyb::make_tuple(s.total, codes, ssids, bssids);
    }
    return out;
  }

 private:
  std::map<std::string, scan::summary> by_source_;
  scan::summary* last_ = nullptr;
  std::string last_source_;
};

// The fields of a record that code_label and the summary read (the package checks at import that
// the schema has them), and the key of an error record.
enum field : std::size_t { source, name, family_id, value, kind, space, raw, text, ssid, bssid, fields };
constexpr const char* field_keys[fields] = {"source", "name", "family", "value", "kind",
                                            "space",  "raw",  "text",   "ssid",  "bssid"};
constexpr const char* error_key = "error";

PyObject* get(const pyb::dict& r, PyObject* key) {
  PyObject* v = PyDict_GetItemWithError(r.ptr(), key);
  if (!v) {
    if (PyErr_Occurred()) throw pyb::error_already_set();
    throw pyb::key_error(pyb::str(key));
  }
  return v;
}

// A str field of a record ("" for None).
std::string text_of(const pyb::dict& r, PyObject* key) {
  PyObject* v = get(r, key);
  return v == Py_None ? std::string() : utf8(v);
}

// The fields the summary reads, from a record's replay (record_tape.hpp): as summarize_records
// reads them from its dict.
class summary_fields final : public scan::record_visitor {
 public:
  // Sets the fields of `f` from record i of the tape.
  void read(const record_tape& tape, std::size_t i, scan::finding& f) {
    f_ = &f;
    f.kind = scan::value_kind::code;
    f.fam.reset();
    f.has_value = false;
    f.value = 0;
    for (std::string* s : {&f.source, &f.name, &f.space, &f.raw, &f.text, &f.ssid, &f.bssid}) s->clear();
    tape.replay(i, *this);
  }

  void string(std::string_view key, std::string_view v, bool) override {
    if (depth_) return;
    switch (field_of(key)) {
      case kind:
        f_->kind = v == to_string(scan::value_kind::raw)     ? scan::value_kind::raw
                   : v == to_string(scan::value_kind::event) ? scan::value_kind::event
                                                             : scan::value_kind::code;
        break;
      case family_id:
        f_->fam = parse_family(std::string(v));
        break;
      case source:
        f_->source.assign(v);
        break;
      case name:
        f_->name.assign(v);
        break;
      case space:
        f_->space.assign(v);
        break;
      case raw:
        f_->raw.assign(v);
        break;
      case text:
        f_->text.assign(v);
        break;
      case ssid:
        f_->ssid.assign(v);
        break;
      case bssid:
        f_->bssid.assign(v);
        break;
      default:
        break;
    }
  }
  void null(std::string_view) override {}  // the field's default, as read() set it
  void integer(std::string_view key, std::uint64_t v) override {
    if (depth_ == 0 && field_of(key) == value) {
      if (v > std::numeric_limits<std::uint32_t>::max()) throw pyb::value_error("a record's value beyond 32 bits");
      f_->has_value = true;
      f_->value = static_cast<std::uint32_t>(v);
    }
  }
  void number(std::string_view, std::string_view) override {}
  void boolean(std::string_view, bool) override {}
  void begin_object(std::string_view) override { ++depth_; }
  void end_object() override { --depth_; }

 private:
  // The summary's field of a key (fields: none), by the key's address after its first record.
  std::size_t field_of(std::string_view key) {
    auto [it, fresh] = fields_.try_emplace(key.data(), fields);
    if (fresh)
      for (std::size_t i = 0; i < fields; ++i)
        if (key == field_keys[i]) it->second = i;
    return it->second;
  }

  scan::finding* f_ = nullptr;
  unsigned depth_ = 0;
  std::unordered_map<const char*, std::size_t> fields_;
};

}  // namespace

pyb::tuple summarize_tape(const record_tape& tape) {
  per_source counts;
  pyb::list errors;
  scan::finding f;
  summary_fields reader;
  for (std::size_t i = 0; i < tape.size(); ++i) {
    if (tape.is_error(i)) {
      pyb::dict e;
      e["source"] = pyb::str(std::string(tape.error_source(i)));
      e[error_key] = pyb::str(std::string(tape.error_message(i)));
      errors.append(e);
      continue;
    }
    reader.read(tape, i, f);
    counts.add(f);
  }
  return pyb::make_tuple(counts.to_python(), errors);
}

void bind_summary(pyb::module_& m) {
  // (per source as per_source::to_python, [(kind, source, message)]): the scan of one input.
  m.def(
      "summarize_scan",
      [](const pyb::object& what, const pyb::object& input_format, bool redact, const pyb::object& fam,
         const std::string& source, std::size_t max_line, bool is_path) {
        const scan_input in = make_scan_input(what, input_format, redact, fam, source, max_line, is_path);
        per_source counts;
        std::vector<std::tuple<problem_kind, std::string, std::string>> problems;
        {
          pyb::gil_scoped_release unlocked;
          try {
            run_scan_input(
                in, [&](const scan::finding& f) { counts.add(f); },
                [&](problem_kind k, const std::string& s, const std::string& msg) {
                  problems.emplace_back(k, s, msg);
                });
          } catch (const std::exception& e) {
            problems.emplace_back(problem_kind::error, in.source, e.what());
          }
        }
        pyb::list out_problems;
        for (const auto& [k, s, msg] : problems)
          out_problems.append(pyb::make_tuple(k == problem_kind::notice ? "notice" : "error", s, msg));
        return pyb::make_tuple(counts.to_python(), out_problems);
      },
      pyb::arg("what"), pyb::arg("input_format"), pyb::arg("redact"), pyb::arg("family"), pyb::arg("source"),
      pyb::arg("max_line") = scan::options{}.max_line, pyb::arg("is_path") = false);

  // (per source, [error records]) of finding records (wlancode.scan's dicts) and error records
  // ({"source", "error"}), as summarize_scan counts them. The fields read are those code_label and
  // the summary need; their keys are checked against the schema by the package at import.
  m.def("summarize_records", [](const pyb::iterable& records) {
    std::vector<pyb::str> keys;
    for (const char* k : field_keys) keys.emplace_back(k);
    const pyb::str k_error(error_key);
    const auto key = [&keys](field i) { return keys[i].ptr(); };
    const std::string raw_kind(to_string(scan::value_kind::raw)), event_kind(to_string(scan::value_kind::event));
    per_source counts;
    pyb::list errors;
    scan::finding f;
    for (const pyb::handle h : records) {
      if (!pyb::isinstance<pyb::dict>(h)) throw pyb::type_error("a record must be a dict");
      const auto r = pyb::reinterpret_borrow<pyb::dict>(h);
      if (r.contains(k_error)) {
        errors.append(r);
        continue;
      }
      const std::string kind = text_of(r, key(field::kind));
      f.kind = kind == raw_kind     ? scan::value_kind::raw
               : kind == event_kind ? scan::value_kind::event
                                    : scan::value_kind::code;  // code or text: the same to the summary
      f.source = text_of(r, key(source));
      f.name = text_of(r, key(name));
      const std::string fam = text_of(r, key(family_id));
      f.fam = fam.empty() ? std::nullopt : parse_family(fam);
      PyObject* v = get(r, key(value));
      f.has_value = v != Py_None;
      f.value = f.has_value ? pyb::handle(v).cast<std::uint32_t>() : 0;
      f.space = text_of(r, key(space));
      f.raw = text_of(r, key(raw));
      f.text = text_of(r, key(text));
      f.ssid = text_of(r, key(ssid));
      f.bssid = text_of(r, key(bssid));
      counts.add(f);
    }
    return pyb::make_tuple(counts.to_python(), errors);
  });

  m.def("summary_record_keys", [] {
    pyb::list out;
    for (const char* k : field_keys) out.append(k);
    return pyb::make_tuple(out, error_key);
  });
}

}  // namespace wlancode::py
