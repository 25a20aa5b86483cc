// scan_input.hpp: the arguments of a scan, and the scan.
#include "scan_input.hpp"

#include "args.hpp"

namespace wlancode::py {

namespace pyb = pybind11;

scan_input make_scan_input(const pyb::object& what, const pyb::object& input_format, bool redact,
                           const pyb::object& fam, const std::string& source, std::size_t max_line, bool is_path) {
  scan_input in;
  scan::options& opt = in.opt;
  if (!input_format.is_none()) {
    if (!pyb::isinstance<pyb::str>(input_format)) throw pyb::type_error("input_format must be a str");
    const std::string name = utf8(input_format);
    const auto f = scan::parse_input_format(name);
    if (!f) throw pyb::value_error("unknown input format '" + name + "'");
    opt.forced = *f;
  }
  opt.redact = redact;
  opt.only = family_arg(fam);
  if (max_line < scan::min_line_cap || max_line > scan::max_line_cap)
    throw pyb::value_error("max_line must be in " + std::to_string(scan::min_line_cap) + ".." +
                           std::to_string(scan::max_line_cap));
  opt.max_line = max_line;
  if (is_path) {  // os.fsencode'd by the caller: any file name, UTF-8 or not
    in.path = what.cast<std::string>();
    if (in.path.empty()) throw pyb::value_error("an empty path");
    if (in.path.find('\0') != std::string::npos) throw pyb::value_error("a path with a NUL byte");
    in.source = in.path;
    return in;
  }
  if (pyb::isinstance<pyb::bytes>(what) || pyb::isinstance<pyb::bytearray>(what) ||
      pyb::isinstance<pyb::memoryview>(what)) {
    const pyb::buffer_info b = pyb::reinterpret_borrow<pyb::buffer>(what).request();
    if (b.ndim > 1 || (b.ndim == 1 && b.strides[0] != b.itemsize))
      throw pyb::value_error("a memoryview to scan must be contiguous");
    in.data.assign(static_cast<const char*>(b.ptr), static_cast<std::size_t>(b.size * b.itemsize));
    in.in_memory = true;
    in.source = source;
    return in;
  }
  throw pyb::type_error("scan() takes a path (str or os.PathLike) or bytes, not " +
                        std::string(pyb::str(pyb::type::handle_of(what).attr("__name__"))));
}

void run_scan_input(const scan_input& in, const scan::finding_sink& out, const problem_sink& problems) {
  if (in.in_memory) {
    const scan::result r = scan::scan_memory(in.data, in.source, in.opt, out);
    if (r.errors) problems(problem_kind::error, in.source, "the data could not be decoded");
    return;
  }
  const scan::error_sink errors = [&](const scan::input_error& e) {
    const bool notice = e.source == in.path && is_skipped_notice(e);
    problems(notice ? problem_kind::notice : problem_kind::error, e.source, e.message);
  };
  scan::scan_path(in.path, in.opt, out, errors);
}

}  // namespace wlancode::py
