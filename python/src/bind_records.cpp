// _native.Records, a partition of wlancode.dask: the records of some inputs, scanned in one call
// without the GIL into a record_tape (record_tape.hpp), and made dicts only when Python reads them.
// It is a read-only sequence of the dicts wlancode.scan yields (and of error records {"source",
// "error"}, each after the findings of its input): len() needs no dict, so Bag.count() makes none.
#include <pybind11/stl.h>

#include <memory>
#include <utility>
#include <vector>

#include "args.hpp"
#include "bindings.hpp"
#include "record_columns.hpp"
#include "record_dict.hpp"
#include "record_tape.hpp"
#include "scan_input.hpp"
#include "tape_summary.hpp"

namespace wlancode::py {
namespace {

// Dicts are made this many at a time by an iterator.
constexpr std::size_t iterator_batch = 512;

class records {
 public:
  record_tape tape;

  std::size_t size() const { return tape.size(); }

  // A new dict: the i-th record. Needs the GIL.
  pyb::object at(std::size_t i) {
    if (tape.is_error(i)) {
      pyb::dict d;
      d["source"] = pyb::str(std::string(tape.error_source(i)));
      d["error"] = pyb::str(std::string(tape.error_message(i)));
      return d;
    }
    const auto visit = [this, i](scan::record_visitor& v) { tape.replay(i, v); };
    if (building_) {
      // Another reader is inside build (json.loads of invalid UTF-8 runs Python code, which may
      // let another thread in): a builder of its own for this record.
      dict_builder own;
      return own.build(tape.code_of(i), visit);
    }
    building_ = true;
    struct done {
      bool& flag;
      ~done() { flag = false; }
    } reset{building_};
    return dicts_.build(tape.code_of(i), visit);
  }

  pyb::list slice(std::size_t start, std::size_t stop) {
    pyb::list out(stop - start);
    for (std::size_t i = start; i < stop; ++i)
      PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i - start), at(i).release().ptr());
    return out;
  }

 private:
  dict_builder dicts_;
  bool building_ = false;  // dicts_ is making a record (read and set with the GIL)
};

// The records' dicts a list at a time: iter(records) chains these lists (itertools.chain: no
// call into this module per record).
class records_batches {
 public:
  explicit records_batches(pyb::object owner) : owner_(std::move(owner)), r_(&owner_.cast<records&>()) {}

  pyb::list next() {
    if (next_ >= r_->size()) throw pyb::stop_iteration();
    const std::size_t start = next_;
    next_ = std::min(r_->size(), next_ + iterator_batch);
    return r_->slice(start, next_);
  }

 private:
  pyb::object owner_;  // keeps the records alive
  records* r_;
  std::size_t next_ = 0;
};

// What one input of scan_records is: scanned, or an input the caller could not read.
struct job {
  scan_input in;
  std::uint64_t line_offset = 0;
  bool failed = false;
  std::string source, message;  // when failed
};

}  // namespace

void bind_records(pyb::module_& m) {
  pyb::class_<records>(m, "Records")
      .def("__len__", &records::size)
      .def("__getitem__",
           [](records& r, Py_ssize_t i) {
             const auto n = static_cast<Py_ssize_t>(r.size());
             if (i < 0) i += n;
             if (i < 0 || i >= n) throw pyb::index_error("Records index out of range");
             return r.at(static_cast<std::size_t>(i));
           })
      .def("__getitem__",
           [](records& r, const pyb::slice& s) {
             std::size_t start = 0, stop = 0, step = 0, length = 0;
             if (!s.compute(r.size(), &start, &stop, &step, &length)) throw pyb::error_already_set();
             if (step == 1) return r.slice(start, start + length);
             pyb::list out;
             for (std::size_t k = 0, i = start; k < length; ++k, i += step) out.append(r.at(i));
             return out;
           })
      .def("__iter__",
           [](const pyb::object& self) {
             // Never destroyed (a static object would be freed after the interpreter is gone).
             static auto* chain =
                 new pyb::object(pyb::module_::import("itertools").attr("chain").attr("from_iterable"));
             return (*chain)(pyb::cast(records_batches(self)));
           })
      .def("tolist", [](records& r) { return r.slice(0, r.size()); })
      // As _native.summarize_records(list(self)), from the tape (no dict made).
      .def("summarize", [](const records& r) { return summarize_tape(r.tape); })
      // The error records alone, in order (no finding made a dict).
      .def("error_records",
           [](records& r) {
             pyb::list out;
             for (std::size_t i = 0; i < r.size(); ++i)
               if (r.tape.is_error(i)) out.append(r.at(i));
             return out;
           })
      // The finding records' values, a list per key (error records left out): for pandas.
      .def(
          "columns",
          [](const records& r, const std::vector<std::string>& keys) { return record_columns(r.tape, keys); },
          pyb::arg("keys"))
      .def("__sizeof__", [](const records& r) { return sizeof(records) + r.tape.bytes(); })
      // Pickled (sent to another process) as the list of its dicts: it arrives as a list.
      .def("__reduce__",
           [](records& r) {
             return pyb::make_tuple(pyb::module_::import("builtins").attr("list"),
                                    pyb::make_tuple(r.slice(0, r.size())));
           })
      .def("__repr__", [](const records& r) { return "<wlancode records: " + std::to_string(r.size()) + ">"; });
  pyb::class_<records_batches>(m, "RecordsBatches")
      .def("__iter__", [](const pyb::object& self) { return self; })
      .def("__next__", &records_batches::next);

  // Scans inputs in order, each (what, source, is_path, line_offset) as make_scan_input takes them
  // (line_offset: added to every "line"), or (None, source, message) for one already failed: the
  // records of each input, then its error records. Without the GIL from the first input to the last.
  m.def(
      "scan_records",
      [](const pyb::list& inputs, const pyb::object& input_format, bool redact, const pyb::object& fam,
         std::size_t max_line) {
        std::vector<job> jobs;
        jobs.reserve(inputs.size());
        for (const pyb::handle item : inputs) {
          const auto t = pyb::reinterpret_borrow<pyb::tuple>(item);
          job j;
          if (t.size() == 3 && t[0].is_none()) {
            j.failed = true;
            j.source = utf8(t[1]);
            j.message = utf8(t[2]);
          } else if (t.size() == 4) {
            j.in = make_scan_input(pyb::reinterpret_borrow<pyb::object>(t[0]), input_format, redact, fam, utf8(t[1]),
                                   max_line, t[2].cast<bool>());
            j.line_offset = t[3].cast<std::uint64_t>();
          } else {
            throw pyb::type_error(
                "scan_records: an input is (what, source, is_path, line_offset) or "
                "(None, source, message)");
          }
          jobs.push_back(std::move(j));
        }
        auto out = std::make_unique<records>();
        {
          pyb::gil_scoped_release unlocked;
          record_tape& tape = out->tape;
          std::vector<std::pair<std::string, std::string>> errors;
          for (job& j : jobs) {
            if (j.failed) {
              tape.add_error(j.source, j.message);
              continue;
            }
            errors.clear();
            try {
              run_scan_input(
                  j.in, [&](const scan::finding& f) { tape.add_finding(f, j.line_offset); },
                  [&](problem_kind, const std::string& source, const std::string& message) {
                    errors.emplace_back(source, message);
                  });
            } catch (const std::exception& e) {
              errors.emplace_back(j.in.source, e.what());
            }
            for (const auto& [source, message] : errors) tape.add_error(source, message);
            j.in = {};  // its bytes freed now
          }
        }
        return out;
      },
      pyb::arg("inputs"), pyb::arg("input_format"), pyb::arg("redact"), pyb::arg("family"),
      pyb::arg("max_line") = scan::options{}.max_line);
}

}  // namespace wlancode::py
