// What publishing a log does to its lines, undone before anything reads them. A log pasted into
// a web page and scraped back holds HTML character references ("reason=&quot;3&quot;"); a word
// processor or forum turns quotes into typographic ones and spaces into no-break spaces; rsyslog
// forwards control characters as "#" (or sysklogd's "\\") and three octal digits ("#011" for a
// tab, "#033" for ESC).
// Left in, they hide the quotes, blanks and "(N)" line ends that the rules read.
#pragma once

#include <string>
#include <string_view>

namespace wlancode::scan::detail {

// Which bytes a line holds that an undo step (or the colour stripper) looks for: one SIMD pass
// over the line, and a byte-at-a-time one over the rare lines that hold any.
// mark_qp: "3D" (of a quoted-printable "=3D"; a log line rarely holds it, hex in capitals may).
enum pasted_mark : unsigned {
  mark_esc = 1,
  mark_amp = 2,
  mark_octal = 4 /* '#' or '\\' */,
  mark_high = 8,
  mark_qp = 16
};
unsigned pasted_marks_of(std::string_view line) noexcept;
inline unsigned pasted_marks(std::string_view line) noexcept { return line.empty() ? 0 : pasted_marks_of(line); }

class published_text {
 public:
  // `line` with a quoted-printable body's escapes and soft line break undone (where `marks` has
  // mark_qp and the line holds "=3D": a quoted-printable body escapes every '=', a log line
  // rarely prints "=3D", so "reason=3" stays as it is; RFC 2045), rsyslog's control escapes
  // decoded (mark_octal), then HTML character references (mark_amp) and typographic quotes and
  // no-break spaces (mark_high) turned into the ASCII a log prints: `line` itself when none is
  // there, else a view of a buffer valid until the next call. A decoded ESC adds mark_esc.
  std::string_view undo(std::string_view line, unsigned& marks) {
    return marks & (mark_qp | mark_octal | mark_amp | mark_high) ? undo_marked(line, marks) : line;
  }
  // Whether `line` holds a quoted-printable "=3D" (an escaped '=').
  static bool is_quoted_printable(std::string_view line) noexcept { return line.find("=3D") != std::string_view::npos; }

 private:
  std::string_view undo_marked(std::string_view line, unsigned& marks);
  std::string_view undo_quoted_printable(std::string_view line, unsigned& marks);
  std::string a_, b_, q_;
};

}  // namespace wlancode::scan::detail
