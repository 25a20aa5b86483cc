// wlancode.scan from Python: the scan runs on a worker thread, without the GIL, and hands batches of
// findings to the Python iterator through a bounded queue; the iterator makes each batch a list of
// dicts (record_dict.hpp: the fields of the library's one record schema, as the CLI's JSONL has them).
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "args.hpp"
#include "bindings.hpp"
#include "record_dict.hpp"
#include "scan_input.hpp"
#include "wlancode/scan.hpp"
#include "wlancode/scan_json.hpp"

namespace wlancode::py {
namespace {

// A batch is handed over at this many findings; at most `depth` batches wait in the queue. So a
// scan holds at most (depth + 2) * batch_findings findings (each at most ~400 bytes of excerpt and
// a code's texts), whatever the input.
constexpr std::size_t batch_findings = 512;
// The first batch is smaller (then each doubles): the iterator starts on a file's first findings
// instead of waiting for 512 of them.
constexpr std::size_t first_batch_findings = 32;
constexpr std::size_t depth = 4;

struct cancelled : std::exception {
  const char* what() const noexcept override { return "scan cancelled"; }
};

class scanner {
 public:
  explicit scanner(scan_input in) : in_(std::move(in)) {
    worker_ = std::thread([this] { run(); });
  }
  scanner(const scanner&) = delete;
  scanner& operator=(const scanner&) = delete;
  ~scanner() { close(); }

  // The next item: ("findings", [dict, ...]), ("error", source, message), ("notice", source, message),
  // or None at the end. Waits without the GIL.
  pyb::object next() {
    item it;
    {
      pyb::gil_scoped_release unlocked;
      std::unique_lock lk(m_);
      cv_.wait(lk, [this] { return !q_.empty() || done_; });
      if (q_.empty()) return pyb::none();
      it = std::move(q_.front());
      q_.pop_front();
      cv_.notify_all();
    }
    if (it.kind != item::findings)
      return pyb::make_tuple(it.kind == item::error ? "error" : "notice", pyb::str(it.source), pyb::str(it.text));
    pyb::list records(it.count);
    for (std::size_t i = 0; i < it.count; ++i)
      PyList_SET_ITEM(records.ptr(), static_cast<Py_ssize_t>(i), dicts_.build(it.batch[i]).release().ptr());
    give_back(std::move(it.batch));
    return pyb::make_tuple("findings", records);
  }

  // Stops the worker (at its next finding) and waits for it.
  void close() {
    {
      std::lock_guard lk(m_);
      cancel_ = true;
      cv_.notify_all();
    }
    if (worker_.joinable()) {
      if (PyGILState_Check()) {
        pyb::gil_scoped_release unlocked;
        worker_.join();
      } else {
        worker_.join();
      }
    }
  }

 private:
  struct item {
    enum kind_t { findings, error, notice } kind = findings;
    std::string source, text;
    std::vector<scan::finding> batch;  // findings: the first `count`
    std::size_t count = 0;
  };

  void push(item it) {
    std::unique_lock lk(m_);
    cv_.wait(lk, [this] { return q_.size() < depth || cancel_; });
    if (cancel_) throw cancelled();
    q_.push_back(std::move(it));
    cv_.notify_all();
  }

  void flush() {
    if (count_ == 0) return;
    item it;
    it.batch = std::move(batch_);
    it.count = count_;
    count_ = 0;
    push(std::move(it));
    batch_ = take();
  }

  // Batches the iterators are done with, for the next scan of any file in this process: a
  // finding assigned over one keeps its strings' capacity, so that most findings cost no
  // allocation (a scanner per file would otherwise allocate every batch afresh). Bounded.
  static constexpr std::size_t pool_batches = 16;
  static std::mutex& pool_mutex() {
    static std::mutex m;
    return m;
  }
  static std::vector<std::vector<scan::finding>>& pool() {
    static auto* p = new std::vector<std::vector<scan::finding>>();  // never destroyed: used at exit
    return *p;
  }
  static void give_back(std::vector<scan::finding> batch) {
    std::lock_guard lk(pool_mutex());
    if (pool().size() < pool_batches) pool().push_back(std::move(batch));
  }
  static std::vector<scan::finding> take() {
    std::lock_guard lk(pool_mutex());
    if (pool().empty()) return {};
    std::vector<scan::finding> b = std::move(pool().back());
    pool().pop_back();
    return b;
  }

  void run() {
    batch_ = take();
    const scan::finding_sink sink = [this](const scan::finding& f) {
      if (cancel_) throw cancelled();  // read without the lock: at worst one more finding
      if (count_ < batch_.size())
        batch_[count_] = f;  // its strings keep their capacity: no allocation per finding
      else
        batch_.push_back(f);
      if (++count_ >= limit_) {
        flush();
        limit_ = std::min(limit_ * 2, batch_findings);
      }
    };
    const problem_sink problems = [this](problem_kind k, const std::string& source, const std::string& message) {
      if (cancel_) return;  // the cancellation itself, reported by the library as the file's error
      flush();              // problems arrive in input order: the findings before them first
      push({k == problem_kind::notice ? item::notice : item::error, source, message, {}, 0});
    };
    try {
      run_scan_input(in_, sink, problems);
      flush();
    } catch (const cancelled&) {
    } catch (const std::exception& e) {
      std::lock_guard lk(m_);
      q_.push_back({item::error, in_.source, e.what(), {}, 0});
    }
    std::lock_guard lk(m_);
    done_ = true;
    cv_.notify_all();
  }

  scan_input in_;
  std::vector<scan::finding> batch_;
  std::size_t count_ = 0;
  std::size_t limit_ = first_batch_findings;
  dict_builder dicts_;  // used by next(), with the GIL
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<item> q_;
  std::atomic<bool> cancel_ = false;  // read by the sink without the lock
  bool done_ = false;
  std::thread worker_;
};

}  // namespace

void bind_scan(pyb::module_& m) {
  pyb::class_<scanner>(m, "Scanner")
      .def(pyb::init([](const pyb::object& what, const pyb::object& input_format, bool redact, const pyb::object& fam,
                        const std::string& source, std::size_t max_line, bool is_path) {
             return new scanner(make_scan_input(what, input_format, redact, fam, source, max_line, is_path));
           }),
           pyb::arg("what"), pyb::arg("input_format"), pyb::arg("redact"), pyb::arg("family"), pyb::arg("source"),
           pyb::arg("max_line"), pyb::arg("is_path"))
      .def("next", &scanner::next)
      .def("close", &scanner::close);
  // The record of an empty finding: its keys are the schema's (wlancode.jsonl_keys).
  m.def("sample_record", [] {
    std::string s;
    scan::append_jsonl(s, scan::finding{});
    return s;
  });
  m.def("detect_format", [](const pyb::bytes& head) {
    return std::string(scan::to_string(scan::detect_format(std::string_view(head))));
  });
  // -j's split conditions (scan.hpp): None when a file with this head must be scanned whole.
  m.def("splittable", [](const pyb::bytes& head, const pyb::object& input_format) -> pyb::object {
    scan::input_format forced = scan::input_format::automatic;
    if (!input_format.is_none()) {
      const auto f = scan::parse_input_format(utf8(input_format));
      if (!f) throw pyb::value_error("unknown input format");
      forced = *f;
    }
    const std::optional<std::uint64_t> at = scan::splittable(std::string_view(head), forced);
    return at ? pyb::object(pyb::int_(*at)) : pyb::none();
  });
  m.attr("split_head_bytes") = scan::split_head_bytes;
  m.attr("parallel_min_bytes") = scan::options{}.parallel_min_bytes;
  m.def("input_formats", [] {
    pyb::list out;
    for (const scan::format_info& f : scan::input_formats())
      out.append(pyb::make_tuple(std::string(f.name), std::string(f.kind)));
    return out;
  });
}

}  // namespace wlancode::py
