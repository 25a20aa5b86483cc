// wlancode.scan from Python: the scan runs on a worker thread, without the GIL, and hands batches of
// findings to the Python iterator through a bounded queue, as JSON arrays written by the library's
// one JSONL writer (scan::append_jsonl): the dicts have exactly the keys of the CLI's records.
#include <pybind11/stl.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "args.hpp"
#include "bindings.hpp"
#include "wlancode/scan.hpp"
#include "wlancode/scan_json.hpp"

namespace wlancode::py {
namespace {

// A batch is handed over at this many findings or bytes; at most `depth` batches wait in the
// queue. So a scan holds at most about depth * batch_bytes of output, whatever the input.
constexpr std::size_t batch_findings = 512;
constexpr std::size_t batch_bytes = 256u << 10;
constexpr std::size_t depth = 4;

struct cancelled : std::exception {
  const char* what() const noexcept override { return "scan cancelled"; }
};

class scanner {
 public:
  // Exactly one of `path` and `data` is used (`data` when `in_memory`).
  scanner(std::string path, std::string data, bool in_memory, std::string source, scan::options opt)
      : path_(std::move(path)),
        data_(std::move(data)),
        in_memory_(in_memory),
        source_(std::move(source)),
        opt_(std::move(opt)) {
    worker_ = std::thread([this] { run(); });
  }
  scanner(const scanner&) = delete;
  scanner& operator=(const scanner&) = delete;
  ~scanner() { close(); }

  // The next item: ("findings", json_array), ("error", source, message), ("notice", source, message),
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
    if (it.kind == item::findings) return pyb::make_tuple("findings", pyb::str(it.text));
    return pyb::make_tuple(it.kind == item::error ? "error" : "notice", pyb::str(it.source), pyb::str(it.text));
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
    batch_.back() = ']';  // the last record's ','
    item it;
    it.text = std::move(batch_);
    batch_.clear();
    count_ = 0;
    push(std::move(it));
  }

  void run() {
    const scan::finding_sink sink = [this](const scan::finding& f) {
      if (cancel_) throw cancelled();  // read without the lock: at worst one more finding
      if (count_ == 0) batch_ = "[";
      scan::append_jsonl(batch_, f);
      batch_.back() = ',';  // the record's '\n'
      if (++count_ >= batch_findings || batch_.size() >= batch_bytes) flush();
    };
    // Input errors arrive in input order: the findings before them first.
    try {
      if (in_memory_) {
        const scan::result r = scan::scan_memory(data_, source_, opt_, sink);
        flush();
        if (r.errors) push({item::error, source_, "the data could not be decoded"});
      } else {
        const scan::error_sink errors = [this](const scan::input_error& e) {
          if (cancel_) return;  // the cancellation itself, reported by the library as the file's error
          flush();
          // The one message that is not an error (scan.hpp): a directory's entries that were skipped.
          const bool notice = e.source == path_ && e.message.starts_with("skipped ");
          push({notice ? item::notice : item::error, e.source, e.message});
        };
        scan::scan_path(path_, opt_, sink, errors);
        flush();
      }
    } catch (const cancelled&) {
    } catch (const std::exception& e) {
      std::lock_guard lk(m_);
      q_.push_back({item::error, in_memory_ ? source_ : path_, e.what()});
    }
    std::lock_guard lk(m_);
    done_ = true;
    cv_.notify_all();
  }

  std::string path_, data_;
  bool in_memory_;
  std::string source_;
  scan::options opt_;
  std::string batch_;
  std::size_t count_ = 0;
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
             scan::options opt;
             if (!input_format.is_none()) {
               if (!pyb::isinstance<pyb::str>(input_format)) throw pyb::type_error("input_format must be a str");
               const std::string name = utf8(input_format);
               const auto f = scan::parse_input_format(name);
               if (!f) throw pyb::value_error("unknown input format '" + name + "'");
               opt.forced = *f;
             }
             opt.redact = redact;
             opt.only = family_arg(fam);
             if (max_line < 256 || max_line > (std::size_t{256} << 20))
               throw pyb::value_error("max_line must be in 256..268435456");
             opt.max_line = max_line;
             if (is_path) {  // os.fsencode'd by the caller: any file name, UTF-8 or not
               const std::string path = what.cast<std::string>();
               if (path.empty()) throw pyb::value_error("an empty path");
               if (path.find('\0') != std::string::npos) throw pyb::value_error("a path with a NUL byte");
               return new scanner(path, {}, false, path, std::move(opt));
             }
             if (pyb::isinstance<pyb::bytes>(what) || pyb::isinstance<pyb::bytearray>(what) ||
                 pyb::isinstance<pyb::memoryview>(what)) {
               const pyb::buffer_info b = pyb::reinterpret_borrow<pyb::buffer>(what).request();
               if (b.ndim > 1 || (b.ndim == 1 && b.strides[0] != b.itemsize))
                 throw pyb::value_error("a memoryview to scan must be contiguous");
               std::string data(static_cast<const char*>(b.ptr), static_cast<std::size_t>(b.size * b.itemsize));
               return new scanner({}, std::move(data), true, source, std::move(opt));
             }
             throw pyb::type_error("scan() takes a path (str or os.PathLike) or bytes, not " +
                                   std::string(pyb::str(pyb::type::handle_of(what).attr("__name__"))));
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
  m.def("input_formats", [] {
    pyb::list out;
    for (const scan::format_info& f : scan::input_formats())
      out.append(pyb::make_tuple(std::string(f.name), std::string(f.kind)));
    return out;
  });
}

}  // namespace wlancode::py
