// The pipeline: reader -> lines -> detector -> extractor -> decoder -> diagnosis -> sink.
// Constant memory: one buffer of max_line + 256 KiB per stream, whatever the input size.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <future>
#include <stdexcept>

#include "internal.hpp"

namespace wlancode::scan {
namespace detail {
void redact_finding(finding& f);
}  // namespace detail

namespace {

using namespace detail;

constexpr std::size_t block_size = 256 * 1024;

struct run_state {
  const options& opt;
  const finding_sink& sink;
  result& res;
  decoder dec;
  std::vector<candidate> cands;
  finding scratch;
  std::string source;

  void deliver() {
    for (candidate& c : cands) {
      if (!dec.decode(std::move(c), source, scratch)) continue;
      if (opt.only && scratch.fam != opt.only) continue;
      if (opt.redact) redact_finding(scratch);
      ++res.findings;
      sink(scratch);
    }
    cands.clear();
  }
};

// Lines of `in`, handed to the extractor; returns the number of lines seen.
std::uint64_t run_lines(stream& in, input_format fmt, bool detect, run_state& st, std::uint64_t total_bytes) {
  const std::size_t max_line = std::max<std::size_t>(st.opt.max_line, 64);
  std::vector<char> buf(max_line + block_size);
  std::size_t len = 0;
  bool eof = false;
  // First fill, for the detector and the line-ending style.
  while (!eof && len < std::min<std::size_t>(buf.size(), 64 * 1024)) {
    const std::size_t n = in.read(buf.data() + len, buf.size() - len);
    if (n == 0) eof = true;
    len += n;
  }
  const std::string_view head(buf.data(), std::min<std::size_t>(len, 64 * 1024));
  if (detect || fmt == input_format::automatic) fmt = fmt == input_format::automatic ? detect_format(head) : fmt;
  const bool cr_only = head.find('\n') == std::string_view::npos && head.find('\r') != std::string_view::npos;
  if (cr_only) std::replace(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(len), '\r', '\n');
  std::unique_ptr<extractor> ex = make_extractor(fmt);
  const bool every = ex->every_line();

  std::uint64_t lineno = 0, done_bytes = 0, next_progress = 64u << 20;
  auto one_line = [&](const char* b, const char* e, bool truncated) {
    if (e > b && e[-1] == '\r') --e;
    if (static_cast<std::size_t>(e - b) > max_line) {
      e = b + max_line;
      if (!truncated) ++st.res.truncated_lines;
      truncated = true;
    }
    ex->on_line(line{std::string_view(b, static_cast<std::size_t>(e - b)), ++lineno, truncated}, st.cands);
    if (!st.cands.empty()) st.deliver();
  };
  auto block = [&](const char* p, std::size_t n) {  // n bytes of whole lines, the last ending in '\n'
    if (every) {
      const char* end = p + n;
      while (p < end) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        one_line(p, nl, false);
        p = nl + 1;
      }
      return;
    }
    std::size_t pos = 0;     // start of the lines not yet counted
    std::size_t search = 0;  // where the next anchor is looked for
    while (search < n) {
      const std::size_t a = find_anchor(p + search, n - search);
      if (a >= n - search) break;
      const std::size_t hit = search + a;
      const std::size_t w0 = hit - std::min<std::size_t>(hit - pos, 128);
      if (!ex->live_anchor(std::string_view(p + w0, std::min<std::size_t>(n - w0, hit - w0 + 64)), hit - w0)) {
        search = hit + 1;
        continue;
      }
      const void* prev_nl = hit > pos ? ::memrchr(p + pos, '\n', hit - pos) : nullptr;
      const std::size_t ls = prev_nl ? static_cast<std::size_t>(static_cast<const char*>(prev_nl) - p) + 1 : pos;
      lineno += count_newlines(p + pos, ls - pos);
      const char* nl = static_cast<const char*>(std::memchr(p + hit, '\n', n - hit));
      const std::size_t le = static_cast<std::size_t>(nl - p);
      one_line(p + ls, p + le, false);
      pos = search = le + 1;
    }
    if (pos < n) lineno += count_newlines(p + pos, n - pos);
  };

  std::size_t start = 0;
  bool skipping = false;
  for (;;) {
    if (skipping) {
      const void* nl = std::memchr(buf.data() + start, '\n', len - start);
      if (nl) {
        start = static_cast<std::size_t>(static_cast<const char*>(nl) - buf.data()) + 1;
        skipping = false;
      } else {
        start = len;
      }
    }
    if (!skipping && start < len) {
      const char* base = buf.data();
      const char* last = nullptr;
      for (std::size_t i = len; i > start; --i)
        if (base[i - 1] == '\n') {
          last = base + i - 1;
          break;
        }
      if (last) {
        const std::size_t n = static_cast<std::size_t>(last - (base + start)) + 1;
        block(base + start, n);
        start += n;
      }
    }
    const std::size_t remaining = len - start;
    if (eof) {
      if (remaining > 0 && !skipping) one_line(buf.data() + start, buf.data() + len, false);
      break;
    }
    if (!skipping && remaining >= max_line) {
      ++st.res.truncated_lines;
      one_line(buf.data() + start, buf.data() + start + max_line, true);
      skipping = true;
      start = len;
    }
    done_bytes += start;
    if (st.opt.progress && total_bytes && done_bytes >= next_progress) {
      st.opt.progress(done_bytes, total_bytes);
      next_progress = done_bytes + (64u << 20);
    }
    const std::size_t keep = len - start;
    if (keep && start) std::memmove(buf.data(), buf.data() + start, keep);
    len = keep;
    start = 0;
    const std::size_t n = in.read(buf.data() + len, buf.size() - len);
    if (n == 0) {
      eof = true;
    } else {
      if (cr_only) std::replace(buf.begin() + static_cast<std::ptrdiff_t>(len), buf.begin() + static_cast<std::ptrdiff_t>(len + n), '\r', '\n');
      len += n;
    }
  }
  ex->finish(st.cands);
  st.deliver();
  return lineno;
}

bool is_gzip_or_utf16(std::string_view head) {
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f && static_cast<unsigned char>(head[1]) == 0x8b) return true;
  if (head.size() >= 2 && (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF")) return true;
  return head.find('\0') != std::string_view::npos;  // UTF-16 without BOM or binary: not split
}

// -j N: the file in line-aligned segments, scanned by N threads, findings merged in order.
bool scan_parallel(int fd, std::uint64_t size, const std::string& source, const options& opt, const finding_sink& out,
                   result& res) {
  std::string head(64 * 1024, '\0');
  const ssize_t hn = ::pread(fd, head.data(), head.size(), 0);
  if (hn <= 0) return false;
  head.resize(static_cast<std::size_t>(hn));
  if (is_gzip_or_utf16(head)) return false;
  std::uint64_t first = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  input_format fmt = opt.forced == input_format::automatic ? detect_format(std::string_view(head).substr(first)) : opt.forced;
  if (make_extractor(fmt)->every_line()) return false;

  const std::uint64_t seg = std::max<std::uint64_t>(4u << 20, opt.max_line * 2);
  std::vector<std::uint64_t> bounds{first};
  std::string probe(64 * 1024, '\0');
  for (std::uint64_t nominal = first + seg; nominal < size;) {
    std::uint64_t at = nominal, found = size;
    while (at < size) {
      const ssize_t n = ::pread(fd, probe.data(), probe.size(), static_cast<off_t>(at));
      if (n <= 0) break;
      const void* nl = std::memchr(probe.data(), '\n', static_cast<std::size_t>(n));
      if (nl) {
        found = at + static_cast<std::uint64_t>(static_cast<const char*>(nl) - probe.data()) + 1;
        break;
      }
      at += static_cast<std::uint64_t>(n);
    }
    if (found >= size) break;
    bounds.push_back(found);
    nominal = found + seg;
  }
  bounds.push_back(size);

  struct part {
    std::vector<finding> findings;
    std::uint64_t lines = 0;
    std::uint64_t truncated = 0;
  };
  auto work = [fd, fmt, &opt, &source](std::uint64_t b, std::uint64_t e) {
    part p;
    result r;
    options o = opt;
    o.progress = nullptr;
    const finding_sink collect = [&p](const finding& f) { p.findings.push_back(f); };
    run_state st{o, collect, r, {}, {}, {}, source};
    auto in = open_range(fd, b, e);
    p.lines = run_lines(*in, fmt, false, st, 0);
    p.truncated = r.truncated_lines;
    return p;
  };
  std::deque<std::future<part>> inflight;
  std::size_t next = 0;
  const std::size_t window = std::max<unsigned>(opt.jobs, 1) * 2;
  std::uint64_t base = 0;
  while (next + 1 < bounds.size() || !inflight.empty()) {
    while (next + 1 < bounds.size() && inflight.size() < window) {
      inflight.push_back(std::async(std::launch::async, work, bounds[next], bounds[next + 1]));
      ++next;
    }
    part p = inflight.front().get();
    inflight.pop_front();
    for (finding& f : p.findings) {
      f.line += base;
      ++res.findings;
      out(f);
    }
    base += p.lines;
    res.truncated_lines += p.truncated;
    if (opt.progress) opt.progress(bounds[next - inflight.size()], size);
  }
  return true;
}

void scan_one(const std::string& path, const options& opt, const finding_sink& out, const error_sink& errors, result& res) {
  int fd = 0;
  bool own = false;
  std::uint64_t size = 0;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      ++res.errors;
      errors({path, std::strerror(errno)});
      return;
    }
    own = true;
    struct stat sb {};
    if (::fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) size = static_cast<std::uint64_t>(sb.st_size);
  }
  ++res.files;
  try {
    if (opt.jobs > 1 && size >= opt.parallel_min_bytes && scan_parallel(fd, size, path, opt, out, res)) {
      ::close(fd);
      return;
    }
    auto in = open_text(open_fd(fd, own), nullptr);
    own = false;
    run_state st{opt, out, res, {}, {}, {}, path};
    run_lines(*in, opt.forced, true, st, size);
  } catch (const std::exception& e) {
    if (own) ::close(fd);
    ++res.errors;
    errors({path, e.what()});
  }
}

}  // namespace

result scan_path(const std::string& path, const options& opt, const finding_sink& out, const error_sink& errors) {
  result res;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      ++res.errors;
      errors({path, ec.message()});
      return res;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        ++res.errors;
        errors({path, ec.message()});
        break;
      }
      std::error_code e2;
      if (it->is_regular_file(e2)) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) scan_one(f, opt, out, errors, res);
    return res;
  }
  scan_one(path, opt, out, errors, res);
  return res;
}

result scan_memory(std::string_view data, const std::string& source, const options& opt, const finding_sink& out) {
  result res;
  res.files = 1;
  try {
    auto in = open_text(open_memory(data), nullptr);
    run_state st{opt, out, res, {}, {}, {}, source};
    run_lines(*in, opt.forced, true, st, 0);
  } catch (const std::exception&) {
    ++res.errors;
  }
  return res;
}

}  // namespace wlancode::scan
