// libFuzzer target over `diagnose` and `report`: the input is a log file (a memfd, so that
// diagnose::run reads it as the command does: lifecycle events, each finding's instant, the
// chronological feed of newest-first exports), analysed with small caps now and then (collapsing,
// group and attempt caps, deferred attempts), with or without --redact, then written as JSON and
// as the HTML page. Checks: the JSON is one valid JSON object and a newline; the page holds the
// template's <script and </script occurrences and no more, whatever the log says (its text is
// data, never markup).
#include <sys/mman.h>
#include <unistd.h>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "report_html.hpp"
#include "wlancode/diagnose.hpp"

namespace {

// A strict JSON syntax check (RFC 8259), nesting bounded: whether s[i, ...) is one value.
class json_check {
 public:
  explicit json_check(std::string_view s) : s_(s) {}
  bool whole_object() {
    ws();
    if (i_ >= s_.size() || s_[i_] != '{' || !value(0)) return false;
    ws();
    return i_ == s_.size();
  }

 private:
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool lit(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  bool string() {
    if (i_ >= s_.size() || s_[i_] != '"') return false;
    for (++i_; i_ < s_.size(); ++i_) {
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c < 0x20) return false;
      if (c != '\\') continue;
      if (++i_ >= s_.size()) return false;
      const char e = s_[i_];
      if (e == 'u') {
        for (int k = 0; k < 4; ++k)
          if (++i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_]))) return false;
      } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
        return false;
      }
    }
    return false;
  }
  bool digits() {
    const std::size_t b = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > b;
  }
  bool number() {
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
    } else if (!digits()) {
      return false;
    }
    if (i_ < s_.size() && s_[i_] == '.' && (++i_, !digits())) return false;
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digits()) return false;
    }
    return true;
  }
  bool value(int depth) {
    if (depth > 64) return false;
    ws();
    if (i_ >= s_.size()) return false;
    switch (s_[i_]) {
      case '{':
      case '[': {
        const char close = s_[i_] == '{' ? '}' : ']';
        const bool object = close == '}';
        ++i_;
        ws();
        if (i_ < s_.size() && s_[i_] == close) {
          ++i_;
          return true;
        }
        for (;;) {
          if (object) {
            ws();
            if (!string()) return false;
            ws();
            if (!lit(":")) return false;
          }
          if (!value(depth + 1)) return false;
          ws();
          if (lit(",")) continue;
          return lit(std::string_view(&close, 1));
        }
      }
      case '"':
        return string();
      case 't':
        return lit("true");
      case 'f':
        return lit("false");
      case 'n':
        return lit("null");
      default:
        return number();
    }
  }
  std::string_view s_;
  std::size_t i_ = 0;
};

std::size_t count(std::string_view s, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string_view::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string empty_page = wlancode::cli::render_report("{}", {});
  static const std::size_t scripts = count(empty_page, "<script"), script_ends = count(empty_page, "</script");
  const int fd = ::memfd_create("fuzz-diagnose", 0);
  if (fd < 0) return 0;
  for (std::size_t done = 0; done < size;) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n <= 0) std::abort();
    done += static_cast<std::size_t>(n);
  }
  const std::uint8_t knobs = size > 0 ? data[0] : 0;
  wlancode::diagnose::run_options o;
  o.scan.redact = knobs & 1;
  o.scan.max_line = knobs & 2 ? 64 : 4096;
  o.year = knobs & 4 ? 2024 : 0;
  if (knobs & 8) {  // small caps: every cap and collapse is met within a small input
    o.lim.max_groups = 2;
    o.lim.max_attempts_per_group = 2;
    o.lim.max_sessions_per_group = 2;
    o.lim.max_steps = 2;
    o.lim.max_codes = 1;
    o.lim.max_bssids = 1;
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  const wlancode::diagnose::report r = wlancode::diagnose::run({path}, o);
  ::close(fd);
  const std::string json = wlancode::diagnose::to_json(r);
  if (!json.ends_with("}\n") || !json_check(json).whole_object()) std::abort();
  wlancode::cli::report_meta meta;
  meta.inputs = {path};
  const std::string page = wlancode::cli::render_report(json, meta);
  if (count(page, "<script") != scripts || count(page, "</script") != script_ends) std::abort();
  return 0;
}
