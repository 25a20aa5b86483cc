// The pipeline: reader -> lines -> containers and line rules -> decoder -> diagnosis -> sink.
// Constant memory: one buffer of max_line + 256 KiB per stream, whatever the input size.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <variant>

#include "finding_pack.hpp"
#include "internal.hpp"
#include "journal_json.hpp"
#include "line_rules.hpp"
#include "published_text.hpp"
#include "secrets.hpp"
#include "terminal_colours.hpp"
#include "text.hpp"
#include "wrapped_lines.hpp"

namespace wlancode::scan {
namespace detail {
void redact_finding(finding& f);
}  // namespace detail

namespace {

using namespace detail;

constexpr std::size_t block_size = 256 * 1024;
// -j: bytes of packed findings (and SSID learns, about 700 bytes a finding) held by all the
// segments in flight, at most; handed from a worker to the merger a chunk at a time. Room for
// the workers to run ahead while the merger catches up: with 8 MiB a worker on a dense log
// waited for it (dense 256 MiB, -j 2 in turns with -j 1: 1.37x at 8 MiB, 1.56x at 16, 1.64x at 32;
// peak RSS 16 -> 25 MiB).
constexpr std::size_t max_bytes_in_flight = 32u << 20;
constexpr std::size_t chunk_bytes = 64 * 1024;

struct run_state {
  const options& opt;
  const finding_sink& sink;
  result& res;
  decoder dec;
  std::vector<candidate> cands;
  finding scratch;
  std::string source;
  std::vector<ssid_event>* learned = nullptr;  // -j: SSIDs learnt are recorded, not looked up
  guarded_map* guard = nullptr;                // the mapped window being read, if any
  bool live = false;                           // input from a pipe or terminal: no look-ahead past a line
  timeline* times = nullptr;                   // the file's; -j workers have none (the merger resolves)
  string_spares spares = {};                   // buffers of delivered candidates, for the next ones

  void deliver() {
    for (std::size_t i = 0; i < cands.size(); ++i) {
      candidate& c = cands[i];
      const bool last_on_line = i + 1 == cands.size() || cands[i + 1].line != c.line;
      if (!dec.decode(std::move(c), source, scratch)) continue;
      scratch.last_on_line = last_on_line;
      if (opt.only && scratch.fam != opt.only && scratch.kind != value_kind::event) continue;
      scratch.time = times ? times->resolve(scratch.timestamp, scratch.excerpt) : instant{};
      if (opt.redact) redact_finding(scratch);
      ++res.findings;
      sink(scratch);
    }
    spares.keep_all(cands);
    cands.clear();
  }
};

// Splits text into lines and hands each to the containers and the line rules. Lines are found
// through the prefilter (only lines with a needle are split out and read) except while a
// container is open, which sees every line. Shared by the buffered and the mapped drivers.
class line_engine {
 public:
  line_engine(run_state& st, input_format forced, bool report)
      : st_(st),
        rules_(format_is_container(forced) ? input_format::automatic : forced, st.opt.events),
        max_line_(std::max<std::size_t>(st.opt.max_line, 64)) {
    rules_.record_ssids(st.learned);
    rules_.reuse_buffers(&st.spares);
    if (report || forced == input_format::wlanreport) {
      report_ = make_wlanreport_container(st.opt.events);
      active_ = report_.get();
    } else if (forced == input_format::event_xml) {
      start(opens_event_xml);
    } else if (forced == input_format::event_text) {
      start(opens_event_text);
    }
  }

  std::size_t max_line() const noexcept { return max_line_; }
  std::uint64_t lines() const noexcept { return lineno_; }
  // Every line must be seen (a container is open): no prefilter skipping.
  // Or the line rules wait for a value on the next lines (a D-Bus dump's key line).
  bool every_line() const noexcept { return (active_ && active_->open()) || see_next_ > 0; }

  void one_line(const char* b, const char* e, bool truncated, std::size_t anchor = 0) {
    const char* const line_end = e;
    if (e > b && e[-1] == '\r') --e;
    if (static_cast<std::size_t>(e - b) > max_line_) {
      e = b + max_line_;
      if (!truncated) ++st_.res.truncated_lines;
      truncated = true;
    }
    const auto len = static_cast<std::size_t>(e - b);
    // What publishing did to the line (a journal JSON export's MESSAGE, rsyslog's "#011", HTML
    // references, typographic quotes), colour codes, then secrets (key material, passwords, key
    // hexdumps) go before anything reads the line. One pass finds which of them can be there.
    const std::string_view raw(b, len);
    const std::string_view text = prepare(raw);
    if (text.data() != raw.data()) anchor = 0;
    const line l{text, ++lineno_, truncated, active_ ? 0 : (anchor < text.size() ? anchor : 0)};
    const std::size_t cands_before = st_.cands.size(), held_before = held_.size();
    if (see_next_ > 0) --see_next_;
    bool own = active_ && active_->take(l, held_);
    if (!own) {
      const std::size_t before = st_.cands.size();
      unsigned opens = rules_.on_line(l, st_.cands);
      if (opens & wants_next_lines) see_next_ = 2;
      opens &= opens_event_xml | opens_event_text;
      if (active_ && active_ == report_.get()) opens &= ~opens_event_text;  // a report's own text lines
      if (opens && active_ != container_for(opens)) {  // a block starts here: the line is the container's
        st_.cands.resize(before);
        start(opens);
        own = active_->take(l, held_);
        if (!own) rules_.on_line(l, st_.cands);
      }
    }
    // Wrapped pieces are at most wrap_max bytes: one compare for the other lines.
    if (raw.size() <= wrap_max && !own && !active_ && see_next_ == 0 && !truncated)
      read_wrapped(raw, line_end, l.number, cands_before);
    if (st_.guard && st_.guard->past_end(line_end)) {
      // A mapped file shrank while this line was read: its bytes past the end read as zeros (a
      // "reason=12" cut to "reason=1"); what it gave is not the log's.
      st_.cands.resize(std::min(st_.cands.size(), cands_before));
      held_.resize(std::min(held_.size(), held_before));
    }
    if (active_ && !active_->open() && active_ != report_.get()) active_ = nullptr;
    if (active_ && active_->open() && active_ != report_.get()) {
      // The block is not done: its findings come when it closes; keep the others for then.
      if (held_.size() + st_.cands.size() > max_held) release();
      return;
    }
    release();
  }

  // n bytes of whole lines, the last ending in '\n'.
  void block(const char* p, std::size_t n) {
    block_ = std::string_view(p, n);
    struct unset {
      std::string_view& b;
      ~unset() { b = {}; }
    } done{block_};
    std::size_t pos = 0;
    while (pos < n) {
      if (every_line()) {
        // Empty lines hold nothing for any container or rule: counted, not read (a log of
        // a billion newlines must not cost a billion calls).
        if (p[pos] == '\n') {
          std::size_t k = pos;
          while (k < n && p[k] == '\n') ++k;
          lineno_ += k - pos;
          pos = k;
          continue;
        }
        const char* nl = static_cast<const char*>(std::memchr(p + pos, '\n', n - pos));
        one_line(p + pos, nl, false);
        pos = static_cast<std::size_t>(nl - p) + 1;
        continue;
      }
      std::size_t newlines = 0;  // '\n' in [pos, hit)
      const std::size_t a = find_anchor(p + pos, n - pos, &newlines, needles_);
      if (a >= n - pos) {
        lineno_ += newlines;
        return;
      }
      const std::size_t hit = pos + a;
      // Most hits are not codes (a "reason" word with text after it, an SSID to learn): decided
      // in place, without splitting the line.
      if (!rules_.live(std::string_view(p, n), hit, lineno_ + newlines + 1)) {
        lineno_ += newlines;
        pos = hit + 1;
        continue;
      }
      // The line's start: pos may be inside it, past a hit that was not live.
      const void* prev_nl = hit > 0 ? ::memrchr(p, '\n', hit) : nullptr;
      const std::size_t ls = prev_nl ? static_cast<std::size_t>(static_cast<const char*>(prev_nl) - p) + 1 : 0;
      lineno_ += newlines;  // the lines before this one
      const char* nl = static_cast<const char*>(std::memchr(p + hit, '\n', n - hit));
      const std::size_t le = static_cast<std::size_t>(nl - p);
      one_line(p + ls, p + le, false, hit - ls);
      pos = le + 1;
    }
  }

  // The input's last line [b, e), without a '\n', with the lines before it from `from` in view
  // (the one before may be the first piece of a wrapped line).
  void last_line(const char* from, const char* b, const char* e) {
    block_ = std::string_view(from, static_cast<std::size_t>(e - from));
    one_line(b, e, false);
    block_ = {};
  }

  // A line of at least max_line bytes whose end is not in view: scanned in its first part.
  void long_line(const char* b) {
    ++st_.res.truncated_lines;
    one_line(b, b + max_line_, true);
  }

  void finish() {
    if (active_) active_->finish(held_);
    active_ = nullptr;
    release();
  }

 private:
  static constexpr std::size_t max_held = 4096;  // findings kept while a block is open

  container* container_for(unsigned opens) {
    if (opens & opens_event_xml) {
      if (!xml_) xml_ = make_event_xml_container(st_.opt.events);
      return xml_.get();
    }
    if (!text_) text_ = make_event_text_container(st_.opt.events);
    return text_.get();
  }
  void start(unsigned opens) {
    if (active_) active_->finish(held_);
    active_ = container_for(opens);
  }

  // What publishing did to the line (a journal JSON export's MESSAGE, rsyslog's "#011", HTML
  // references, typographic quotes), colour codes, then secrets (key material, passwords, key
  // hexdumps) go before anything reads it. One pass finds which of them can be there. The view
  // is valid until the next call.
  [[gnu::always_inline]] std::string_view prepare(std::string_view raw) {
    const std::string_view message = journal_.message(raw);
    unsigned marks = pasted_marks(message);
    const std::string_view plain = published_.undo(message, marks);
    return scrub_.scrub(colours_.strip(plain, marks & mark_esc));
  }

  // Codes (not lifecycle events) among the candidates from index `from`.
  std::size_t codes_since(std::size_t from) const {
    std::size_t n = 0;
    for (std::size_t i = from; i < st_.cands.size(); ++i) n += st_.cands[i].kind != candidate::how::event;
    return n;
  }

  // A line read with the line before or after it when they look like the pieces of one wrapped
  // line (wrapped_lines.hpp) and that neighbour alone gives no code. A code the two give
  // together, and the line alone did not, is the line's that prints its value. Only within the
  // block in view.
  void read_wrapped(std::string_view raw, const char* line_end, std::uint64_t number, std::size_t cands_before) {
    const char* const block_end = block_.data() + block_.size();
    if (block_.empty() || raw.data() < block_.data() || line_end > block_end) return;
    if (number <= run_through_) return;  // read with the pieces of its line already
    if (read_run(raw, number, cands_before)) return;
    if (raw.data() > block_.data() && number != joined_next_) {
      const std::string_view head = block_.substr(0, static_cast<std::size_t>(raw.data() - block_.data()) - 1);
      const std::size_t nl = head.rfind('\n');
      std::string_view before = head.substr(nl == std::string_view::npos ? 0 : nl + 1);
      if (before.ends_with('\r')) before.remove_suffix(1);
      if (may_be_wrapped_head(before) && continues(before, raw) &&
          read_joined(before, raw, false, number, cands_before))
        return;
    }
    if (line_end < block_end && may_be_wrapped_head(raw)) {
      const std::string_view rest = block_.substr(static_cast<std::size_t>(line_end - block_.data()) + 1);
      std::string_view after = rest.substr(0, std::min(rest.find('\n'), rest.size()));
      if (after.ends_with('\r')) after.remove_suffix(1);
      if (continues(raw, after) && read_joined(raw, after, true, number, cands_before)) joined_next_ = number + 1;
    }
  }

  // The line of the block in view before the one at `start` (or after the one at `start`),
  // without its '\r'; false at the block's edge.
  bool line_before(const char* start, std::string_view& out) const {
    if (start <= block_.data()) return false;
    const std::string_view head = block_.substr(0, static_cast<std::size_t>(start - block_.data()) - 1);
    const std::size_t nl = head.rfind('\n');
    out = head.substr(nl == std::string_view::npos ? 0 : nl + 1);
    if (out.ends_with('\r')) out.remove_suffix(1);
    return true;
  }
  bool line_after(const char* start, std::string_view& out) const {
    const std::size_t at = static_cast<std::size_t>(start - block_.data());
    const std::size_t nl = block_.find('\n', at);
    if (nl == std::string_view::npos || nl + 1 >= block_.size()) return false;
    const std::string_view rest = block_.substr(nl + 1);
    out = rest.substr(0, std::min(rest.find('\n'), rest.size()));
    if (out.ends_with('\r')) out.remove_suffix(1);
    return true;
  }

  // A line wrapped into three pieces or more (wrapped_lines.hpp): the pieces around this one,
  // each looking like the next piece of the one before it and giving no code alone, read as
  // one line (at most max_run pieces: a paragraph of prose must not become one line). A code the
  // joined line gives, and this line alone did not, is kept on the piece that prints its value
  // (the last one holding its token as a word), this one or one after it; a value only in the
  // pieces before is theirs. The pieces after it are then not read again. Whether any was kept.
  static constexpr std::size_t max_run = 6;
  bool read_run(std::string_view raw, std::uint64_t number, std::size_t cands_before) {
    const std::size_t own = st_.cands.size();  // the line's own candidates: [cands_before, own)
    const auto gives_code = [&](std::string_view piece, std::uint64_t n) {
      rules_.on_line(line{prepare(piece), n, false, 0}, st_.cands);
      const bool any = codes_since(own) > 0;
      st_.cands.resize(own);
      return any;
    };
    std::array<std::string_view, max_run> before{}, after{};
    std::size_t nb = 0, na = 0;
    // The pieces' shapes first (cheap), then whether they give codes alone (a line rules' pass
    // each): only for three pieces or more, two are read_joined's.
    // The line before was read with this one already (a pair read forward): this one starts it.
    for (std::string_view cur = raw, prev;
         number != joined_next_ && nb + 1 < max_run &&
         (may_be_wrapped_continuation(cur) || soft_break_before(cur.data())) && line_before(cur.data(), prev) &&
         may_be_wrapped_head(prev) && continues(prev, cur);
         cur = prev)
      before[nb++] = prev;
    for (std::string_view cur = raw, next;
         nb + na + 1 < max_run && may_be_wrapped_head(cur) && line_after(cur.data(), next) && continues(cur, next);
         cur = next)
      after[na++] = next;
    if (nb + na < 2) return false;
    for (std::size_t i = 0; i < nb; ++i)
      if (gives_code(before[i], number - i - 1)) {
        nb = i;
        break;
      }
    for (std::size_t i = 0; i < na; ++i)
      if (gives_code(after[i], number + i + 1)) {
        na = i;
        break;
      }
    if (nb + na < 2) return false;  // two pieces: read_joined's
    joined_.clear();
    for (std::size_t i = nb; i > 0; --i) join_piece(before[i - 1]);
    join_piece(raw);
    for (std::size_t i = 0; i < na; ++i) join_piece(after[i]);
    rules_.on_line(line{prepare(joined_), number, false, 0}, st_.cands);
    const auto found_alone = [&](const candidate& c) {
      for (std::size_t i = cands_before; i < own; ++i)
        if (st_.cands[i].token == c.token && st_.cands[i].field == c.field && st_.cands[i].kind == c.kind) return true;
      return false;
    };
    // The piece (0: this one, k: the k-th after it) that prints `token`, or -1.
    const auto printed_on = [&](std::string_view token) -> int {
      if (token.empty()) return 0;
      for (std::size_t k = na + 1; k-- > 0;)
        if (holds_word(k == 0 ? raw : after[k - 1], token)) return static_cast<int>(k);
      for (std::size_t k = 0; k <= na; ++k)
        if (contains(k == 0 ? raw : after[k - 1], token)) return static_cast<int>(k);
      // Cut in two by a soft line break ("0x000380=" "12"): the piece where it ends.
      const std::size_t at = joined_.find(token);
      if (at == std::string::npos) return -1;
      std::size_t piece = 0;
      while (piece + 1 < pieces_ && piece_at_[piece + 1] < at + token.size()) ++piece;
      return piece < nb ? -1 : static_cast<int>(piece - nb);
    };
    std::size_t kept = own;
    for (std::size_t i = own; i < st_.cands.size(); ++i) {
      candidate& c = st_.cands[i];
      if (c.kind == candidate::how::event || found_alone(c)) continue;
      const int k = printed_on(c.token);
      if (k < 0) continue;
      c.line = number + static_cast<std::uint64_t>(k);
      if (kept != i) st_.cands[kept] = std::move(c);
      ++kept;
    }
    st_.cands.resize(kept);
    std::stable_sort(st_.cands.begin() + static_cast<std::ptrdiff_t>(own), st_.cands.end(),
                     [](const candidate& a, const candidate& b) { return a.line < b.line; });
    if (kept > own) run_through_ = number + na;
    return kept > own;
  }

  // Whether `next` may be the next piece of the wrapped line whose piece is `piece`: it does not
  // start as a log line does, or `piece` ends in a quoted-printable soft line break (then the
  // encoder cut the line anywhere: before a blank, a timestamp's digits).
  static bool soft_break(std::string_view piece) noexcept {
    return piece.ends_with('=') && (piece.size() == 76 || published_text::is_quoted_printable(piece));
  }
  // Whether the line before the one at `start` ends in '=' (read before finding that line).
  bool soft_break_before(const char* start) const noexcept {
    if (start < block_.data() + 2) return false;
    const char* p = start - 1;  // its '\n'
    if (p[-1] == '\r') --p;
    return p > block_.data() && p[-1] == '=';
  }
  static bool continues(std::string_view piece, std::string_view next) noexcept {
    return may_be_wrapped_continuation(next) || (soft_break(piece) && !next.empty() && next.size() <= wrap_max);
  }

  // Appends a wrapped line's next piece to joined_: after a blank, or, after a quoted-printable
  // soft line break (a '=' ending a piece that holds "=3D" or fills the 76 columns RFC 2045
  // allows, or a next piece that holds "=3D"), in its place: the encoder cut the line anywhere,
  // inside a word. A word-wrapped "key=" then reads "key=value", as the producer printed it.
  void join_piece(std::string_view piece) {
    if (!joined_.empty()) {
      const std::string_view last = last_view();
      // An encoder that does not split an "=XX" ends a soft-broken piece short of 76.
      if (soft_break(last) ||
          (last.ends_with('=') && (last.size() >= 70 || published_text::is_quoted_printable(piece))))
        joined_.pop_back();
      else
        joined_ += ' ';
    }
    if (joined_.empty()) pieces_ = 0;
    last_at_ = joined_.size();
    if (pieces_ < piece_at_.size()) piece_at_[pieces_++] = last_at_;
    joined_ += piece;
  }
  std::string_view last_view() const { return std::string_view(joined_).substr(last_at_); }

  // Whether `token` is in `s` as a word of its own (not inside a longer word or number).
  static bool holds_word(std::string_view s, std::string_view token) noexcept {
    for (std::size_t at = s.find(token); at != std::string_view::npos; at = s.find(token, at + 1)) {
      const std::size_t e = at + token.size();
      if ((at == 0 || !is_word(s[at - 1])) && (e == s.size() || !is_word(s[e]))) return true;
    }
    return false;
  }

  // The codes of `first` and `second` read as one line, where `other` (the second when
  // `forward`, else the first) alone gives none; kept where their value is printed: on this
  // line (`number`), or, reading forward, on the next. Whether any was kept.
  bool read_joined(std::string_view first, std::string_view second, bool forward, std::uint64_t number,
                   std::size_t cands_before) {
    const std::string_view mine = forward ? first : second, other = forward ? second : first;
    const std::size_t own = st_.cands.size();  // the line's own candidates: [cands_before, own)
    rules_.on_line(line{prepare(other), forward ? number + 1 : number - 1, false, 0}, st_.cands);
    const bool alone = codes_since(own) > 0;
    st_.cands.resize(own);
    if (alone) return false;  // its codes are its own
    joined_.clear();
    join_piece(first);
    join_piece(second);
    rules_.on_line(line{prepare(joined_), number, false, 0}, st_.cands);
    const auto found_alone = [&](const candidate& c) {
      for (std::size_t i = cands_before; i < own; ++i)
        if (st_.cands[i].token == c.token && st_.cands[i].field == c.field && st_.cands[i].kind == c.kind) return true;
      return false;
    };
    std::size_t kept = own;
    for (std::size_t i = own; i < st_.cands.size(); ++i) {
      candidate& c = st_.cands[i];
      if (c.kind == candidate::how::event || found_alone(c)) continue;
      if (!c.token.empty() && !contains(mine, c.token)) {
        const bool cut = !contains(other, c.token) && contains(joined_, c.token);  // by a soft line break
        if (!cut && (!forward || !contains(other, c.token))) continue;  // the line before's: it gave none alone
        if (forward) c.line = number + 1;                               // the piece where its value ends
      }
      if (kept != i) st_.cands[kept] = std::move(c);
      ++kept;
    }
    st_.cands.resize(kept);
    return kept > own;
  }

  // Delivers the container's and the line rules' candidates, in line order.
  void release() {
    if (!held_.empty()) {
      for (candidate& c : st_.cands) held_.push_back(std::move(c));
      st_.cands.clear();
      std::stable_sort(held_.begin(), held_.end(),
                       [](const candidate& a, const candidate& b) { return a.line < b.line; });
      held_.swap(st_.cands);
    }
    if (!st_.cands.empty()) st_.deliver();
  }

  run_state& st_;
  journal_json journal_;
  published_text published_;
  colour_stripper colours_;
  secret_scrubber scrub_;
  rule_engine rules_;
  needle_set needles_ = st_.opt.events ? needle_set::codes_and_events : needle_set::codes;
  std::unique_ptr<container> xml_, text_, report_;
  container* active_ = nullptr;
  unsigned see_next_ = 0;  // lines the line rules must see whatever they hold
  std::vector<candidate> held_;
  std::string_view block_;                       // the lines block() is reading, for a wrapped line's neighbours
  std::string joined_;                           // a wrapped line's two pieces
  std::uint64_t joined_next_ = 0;                // the line read with the one before it already
  std::array<std::size_t, max_run> piece_at_{};  // where each piece joined_ holds starts
  std::size_t pieces_ = 0;
  std::size_t last_at_ = 0;        // where the last piece joined_ holds starts
  std::uint64_t run_through_ = 0;  // the last piece of a line of 3+ pieces read already
  std::size_t max_line_;
  std::uint64_t lineno_ = 0;
};

// A file's timeline: the options' zone and year, and the file's mtime as the reference for years
// it leaves out (none for stdin and pipes: the timeline takes the current time).
timeline file_timeline(const options& opt, int fd) {
  timeline_settings s;
  s.tz = opt.tz;
  s.year = opt.year;
  struct stat sb {};
  if (fd >= 0 && ::fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) s.reference_s = sb.st_mtim.tv_sec;
  return timeline(std::move(s));
}

// Progress reports every 64 MiB, when asked for.
struct progress_meter {
  const options& opt;
  std::uint64_t total;
  std::uint64_t next = 64u << 20;
  void at(std::uint64_t done) {
    if (opt.progress && total && done >= next) {
      opt.progress(done, total);
      next = done + (64u << 20);
    }
  }
};

// Lines of `in`, read into a fixed buffer; returns the number of lines seen.
std::uint64_t run_lines(stream& in, input_format fmt, bool detect, run_state& st, std::uint64_t total_bytes) {
  const std::size_t max_line = std::max<std::size_t>(st.opt.max_line, 64);
  // Grown on demand, up to max_line + block_size, as long lines need it: a large --max-line
  // costs nothing on short lines.
  const std::size_t full = max_line + block_size;
  std::vector<char> buf(std::min<std::size_t>(full, 2 * block_size));
  std::size_t len = 0;
  bool eof = false;
  // A read error (corrupt gzip, EIO) ends the input: what was read before it is still scanned,
  // then the error is raised.
  std::exception_ptr failed;
  const auto read_more = [&in, &buf, &failed](std::size_t at) -> std::size_t {
    try {
      return in.read(buf.data() + at, buf.size() - at);
    } catch (const std::exception&) {
      failed = std::current_exception();
      return 0;
    }
  };
  // First fill, for the detector and the line-ending style; from live input (a pipe, a
  // terminal), only up to its first line: the next may be minutes away.
  while (!eof && len < std::min<std::size_t>(buf.size(), 64 * 1024) &&
         !(st.live && std::memchr(buf.data(), '\n', len))) {
    const std::size_t n = read_more(len);
    if (n == 0) eof = true;
    len += n;
  }
  const std::string_view head(buf.data(), std::min<std::size_t>(len, 64 * 1024));
  const bool report = detect && fmt == input_format::automatic && detect_format(head) == input_format::wlanreport;
  const bool cr_only = head.find('\n') == std::string_view::npos && head.find('\r') != std::string_view::npos;
  if (cr_only) std::replace(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(len), '\r', '\n');
  line_engine eng(st, fmt, report);
  progress_meter meter{st.opt, total_bytes};

  std::uint64_t done_bytes = 0;
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
      const void* last = ::memrchr(buf.data() + start, '\n', len - start);
      if (last) {
        const std::size_t n = static_cast<std::size_t>(static_cast<const char*>(last) - (buf.data() + start)) + 1;
        eng.block(buf.data() + start, n);
        start += n;
      }
    }
    const std::size_t remaining = len - start;
    if (eof) {
      // A last line cut by a read error is incomplete ("reason=1" of "reason=12"): not scanned.
      if (remaining > 0 && !skipping && !failed) eng.last_line(buf.data(), buf.data() + start, buf.data() + len);
      break;
    }
    if (!skipping && remaining >= max_line) {
      eng.long_line(buf.data() + start);
      skipping = true;
      start = len;
    }
    done_bytes += start;
    meter.at(done_bytes);
    const std::size_t keep = len - start;
    if (keep && start) std::memmove(buf.data(), buf.data() + start, keep);
    len = keep;
    start = 0;
    if (len == buf.size()) buf.resize(std::min(full, 2 * buf.size()));  // a line, not yet whole
    const std::size_t n = read_more(len);
    if (n == 0) {
      eof = true;
    } else {
      if (cr_only)
        std::replace(buf.begin() + static_cast<std::ptrdiff_t>(len), buf.begin() + static_cast<std::ptrdiff_t>(len + n),
                     '\r', '\n');
      len += n;
    }
  }
  eng.finish();
  if (failed) std::rethrow_exception(failed);
  return eng.lines();
}

// Lines of bytes [begin, end) of a regular file, mapped a window at a time: no copy through a
// read buffer, and memory bounded by the window (unmapped before the next one is mapped).
// The file may shrink while it is scanned (truncated, or rotated by copytruncate): its size is
// checked before each window, and a window it shrinks under reads zeros past the new end instead
// of raising SIGBUS (guarded_map); either way the whole lines before the cut are scanned, what was
// read after it is dropped, and the file ends with an error (shrank_message). Returns nullopt,
// having scanned nothing, when the file cannot be mapped at all (sysfs, some FUSE and network
// file systems): the caller reads it instead. A window that cannot be mapped later is read with
// pread.
std::optional<std::uint64_t> run_mapped(int fd, std::uint64_t begin, std::uint64_t end, input_format fmt, bool report,
                                        run_state& st, std::uint64_t total_bytes) {
  const std::uint64_t window =
      std::max<std::uint64_t>(st.opt.map_window, 4 * static_cast<std::uint64_t>(st.opt.max_line));
  static const std::uint64_t page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  guarded_map map;
  std::vector<char> copy;  // a window read with pread, where mmap failed
  line_engine eng(st, fmt, report);
  progress_meter meter{st.opt, total_bytes};
  std::uint64_t pos = begin;
  bool skipping = false, shrank = false;
  // Whether the file is now shorter than `at` (checked where a line has no '\n' in view: the
  // bytes past a shrunk file's end read as zeros, never as '\n').
  const auto smaller_than = [fd](std::uint64_t at) {
    struct stat sb {};
    return ::fstat(fd, &sb) == 0 && static_cast<std::uint64_t>(sb.st_size) < at;
  };
  const auto cut = [&] {
    shrank = true;
    eng.finish();  // the blocks open before the cut; nothing read after it (see run_state::deliver)
    st.guard = nullptr;
    throw std::runtime_error(shrank_message);
  };
  while (pos < end) {
    struct stat sb {};
    if (::fstat(fd, &sb) == 0 && static_cast<std::uint64_t>(sb.st_size) < end) {
      // Shorter than it was: its whole lines up to the new end are still the file's, then it ends.
      shrank = true;
      end = std::max(pos, static_cast<std::uint64_t>(sb.st_size));
      if (pos >= end) cut();
    }
    const std::uint64_t map_begin = pos & ~(page - 1);
    const std::uint64_t soft_end = std::min(end, map_begin + window);  // lines starting before here
    const std::uint64_t map_end = std::min(end, soft_end + eng.max_line());
    const std::size_t map_len = static_cast<std::size_t>(map_end - map_begin);
    const char* base = nullptr;  // base[x] is file byte x
    if (map.map(fd, map_begin, map_len)) {
      st.guard = &map;
      base = map.data() - map_begin;
      if (after_map_for_test) after_map_for_test(fd, map_begin);
    } else {
      const int why = errno;
      if (pos == begin) return std::nullopt;  // not mappable at all: read instead
      copy.resize(map_len);
      std::size_t got = 0;
      while (got < map_len) {
        const ssize_t n = ::pread(fd, copy.data() + got, map_len - got, static_cast<off_t>(map_begin + got));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
          throw std::runtime_error(std::string("mmap: ") + std::strerror(why) + "; read: " + std::strerror(errno));
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
      }
      if (got < map_len) {  // shrank since the size was checked: scan what was read
        shrank = true;
        end = std::max(pos, map_begin + got);
        if (pos >= end) cut();
        continue;
      }
      st.guard = nullptr;
      base = copy.data() - map_begin;
    }
    if (skipping) {
      const void* nl = std::memchr(base + pos, '\n', static_cast<std::size_t>(soft_end - pos));
      if (nl) {
        pos = static_cast<std::uint64_t>(static_cast<const char*>(nl) - base) + 1;
        skipping = false;
      } else {
        pos = soft_end;
      }
    }
    if (!skipping && pos < soft_end) {
      if (soft_end == end) {  // the rest of the range: whole lines, then a last line without '\n'
        const void* last = ::memrchr(base + pos, '\n', static_cast<std::size_t>(end - pos));
        const std::uint64_t upto = last ? static_cast<std::uint64_t>(static_cast<const char*>(last) - base) + 1 : pos;
        if (upto > pos) eng.block(base + pos, static_cast<std::size_t>(upto - pos));
        // A last line cut by the file shrinking is incomplete ("reason=1" of "reason=12"): not scanned.
        if (upto < end && !shrank) {
          if (smaller_than(end))
            shrank = true;
          else
            eng.last_line(base + pos, base + upto, base + end);
        }
        pos = end;
      } else {
        const void* last = ::memrchr(base + pos, '\n', static_cast<std::size_t>(soft_end - pos));
        if (last) {
          const std::uint64_t upto = static_cast<std::uint64_t>(static_cast<const char*>(last) - base) + 1;
          eng.block(base + pos, static_cast<std::size_t>(upto - pos));
          pos = upto;
        }
        // A line running past soft_end: mapped up to max_line further, so it ends in view...
        const void* nl =
            pos < map_end ? std::memchr(base + pos, '\n', static_cast<std::size_t>(map_end - pos)) : nullptr;
        if (nl) {
          eng.block(base + pos, static_cast<std::size_t>(static_cast<const char*>(nl) - (base + pos)) + 1);
          pos = static_cast<std::uint64_t>(static_cast<const char*>(nl) - base) + 1;
        } else if (map_end - pos >= eng.max_line()) {  // ...or it is longer than max_line
          if (smaller_than(map_end)) cut();            // (or zeros past the end of a file that shrank)
          eng.long_line(base + pos);
          skipping = true;
          pos = map_end;
        }
      }
    }
    if (map.damaged()) cut();  // the file shrank under this window: zeros were read past its end
    map.unmap();
    st.guard = nullptr;
    meter.at(pos);
  }
  if (shrank) cut();
  eng.finish();
  return eng.lines();
}

// An EVTX file's records (gunzipped already when `in` comes from open_bytes). Its damage is
// reported: as an error when records were lost, else as a notice (not counted).
void run_evtx(stream& in, run_state& st, const error_sink* errors) {
  bool lost = false;
  const std::string damage = scan_evtx(
      in,
      [&st](std::vector<candidate>& c) {
        st.cands.swap(c);
        st.deliver();
      },
      lost, st.opt.events);
  if (damage.empty()) return;
  if (lost) ++st.res.errors;
  if (errors) (*errors)({st.source, damage});
}

// A regular file that is an EVTX file (also gzipped), or any input when --input-format evtx: read
// as one. False when it is not one (the file is then read as text from its start).
bool try_evtx(int fd, std::uint64_t size, run_state& st, const error_sink& errors) {
  const bool forced = st.opt.forced == input_format::evtx;
  if (size == 0 && !forced) return false;
  unsigned char magic[2] = {0, 0};
  if (size > 0 && !forced &&
      (::pread(fd, magic, 2, 0) != 2 ||
       !((magic[0] == 'E' && magic[1] == 'l') || (magic[0] == 0x1f && magic[1] == 0x8b))))
    return false;
  std::string head;
  auto in = open_bytes(size > 0 ? open_range(fd, 0, size) : open_fd(fd, false), head, 8);
  if (!forced && !is_evtx_head(head)) return false;
  run_evtx(*in, st, &errors);
  return true;
}

// Whether a regular file can be scanned mapped (text_offset): returns the offset of its text, or nullopt.
std::optional<std::uint64_t> mappable(int fd, std::string& head) {
  head.assign(split_head_bytes, '\0');
  const ssize_t hn = ::pread(fd, head.data(), head.size(), 0);
  if (hn <= 0) return std::nullopt;
  head.resize(static_cast<std::size_t>(hn));
  return text_offset(head);
}

// -j N: the file in line-aligned segments, scanned by N threads, findings merged in order.
bool scan_parallel(int fd, std::uint64_t size, const std::string& source, const options& opt, unsigned jobs,
                   const finding_sink& out, result& res) {
  std::string head;
  if (!mappable(fd, head)) return false;
  const std::optional<std::uint64_t> text_at = splittable(head, opt.forced);
  if (!text_at) return false;
  const std::uint64_t first = *text_at;
  const input_format fmt = opt.forced;

  // Segments of 8 MiB: fewer maps, unmaps (each a TLB shoot-down on every core) and merger
  // hand-overs than with 4 MiB (-j 2 on a sparse log 1.51x -> 1.6x -j 1), still dozens per large file.
  const std::uint64_t seg = std::max<std::uint64_t>(8u << 20, opt.max_line * 2);
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

  // Each segment in flight has a channel: its worker packs findings and SSID learns into chunks
  // of bytes (finding_pack.hpp) and hands them over, blocking while the channel holds `cap` bytes
  // until the merger, which drains the segments in order, gets to it. So whatever the input, at
  // most window * cap bytes (plus the chunks the merger is reading) are held: memory does not grow
  // with the findings nor, beyond that bound, with N. Chunks are recycled: the merger hands the
  // ones it read back to the worker that wrote them, which writes over them (their capacity kept),
  // so a chunk costs no allocation in the worker and no free in the merger (across threads,
  // malloc's arena locks would serialise them).
  enum : char { rec_finding = 'F', rec_learnt = 'L' };
  struct pool {
    std::mutex m;
    std::vector<std::string> free;
  };
  struct channel {
    std::mutex m;
    std::condition_variable cv;  // the worker waits for room, the merger for chunks
    std::vector<std::string> q;
    std::size_t bytes = 0;  // held in q
    pool* owner = nullptr;  // the pool of the worker scanning it
    bool done = false;
    std::uint64_t lines = 0, truncated = 0;
    std::string error;  // the segment ended early (the file shrank, a read failed): what was read is in q
  };
  const std::size_t segments = bounds.size() - 1;
  const std::size_t threads = std::min<std::size_t>(std::max<unsigned>(jobs, 1), segments);
  const std::size_t window = threads * 2;  // segments in flight: workers run ahead of the merger
  const std::size_t cap = std::max<std::size_t>(chunk_bytes * 4, max_bytes_in_flight / window);
  // The merger is woken when a segment holds this many chunks (or is done), not for every chunk:
  // a wake-up per few findings costs more than the findings (futex calls, context switches).
  constexpr std::size_t wake_at = 4;
  std::vector<std::unique_ptr<channel>> chans(segments);
  for (std::size_t i = 0; i < std::min(window, segments); ++i) chans[i] = std::make_unique<channel>();
  std::mutex dispatch_m;
  std::condition_variable dispatch_cv;  // a worker waits for a segment within the window
  std::size_t next = 0, merged = 0;     // the next segment to start; segments merged
  std::atomic<bool> stop{false};
  struct stopped {};  // thrown through run_lines when the merger gave up

  // Workers do not redact: the merger first completes SSIDs from earlier segments, then redacts.
  const auto scan_segment = [&](std::size_t i, pool& own, std::vector<std::string>& spare) {
    channel& c = *chans[i];
    {
      std::lock_guard lk(c.m);
      c.owner = &own;
    }
    result r;
    options o = opt;
    o.progress = nullptr;
    o.redact = false;
    std::vector<ssid_event> learnt;  // recorded by the rules, passed on in line order
    std::string chunk;               // being written
    const auto fresh = [&] {
      if (spare.empty()) {
        std::lock_guard lk(own.m);
        spare.swap(own.free);
      }
      if (spare.empty()) {
        chunk = std::string();
        chunk.reserve(chunk_bytes + 4096);
      } else {
        chunk = std::move(spare.back());
        spare.pop_back();
        chunk.clear();
      }
    };
    const auto flush = [&] {
      std::unique_lock lk(c.m);
      c.cv.wait(lk, [&] { return c.bytes < cap || stop.load(); });
      if (stop.load()) throw stopped{};
      c.bytes += chunk.size();
      c.q.push_back(std::move(chunk));
      if (c.q.size() >= wake_at || c.bytes >= cap) c.cv.notify_all();
      lk.unlock();
      fresh();
    };
    const auto pass_learnt = [&](std::uint64_t upto) {
      std::size_t n = 0;
      for (; n < learnt.size() && learnt[n].line <= upto; ++n) {
        chunk.push_back(rec_learnt);
        pack_learnt(chunk, learnt[n].line, learnt[n].key, learnt[n].ssid);
      }
      learnt.erase(learnt.begin(), learnt.begin() + static_cast<std::ptrdiff_t>(n));
    };
    const finding_sink collect = [&](const finding& f) {
      pass_learnt(f.line);
      chunk.push_back(rec_finding);
      pack_finding(chunk, f);
      if (chunk.size() >= chunk_bytes) flush();
    };
    fresh();
    run_state st{o, collect, r, {}, {}, {}, source};
    st.learned = &learnt;
    std::string error;
    std::uint64_t lines = 0;
    try {
      // Mapped, as -j 1 reads (no copy through a read buffer); read where it cannot be mapped.
      if (const auto n = run_mapped(fd, bounds[i], bounds[i + 1], fmt, false, st, 0)) {
        lines = *n;
      } else {
        auto in = open_range(fd, bounds[i], bounds[i + 1]);
        lines = run_lines(*in, fmt, false, st, 0);
      }
    } catch (const stopped&) {
      return;
    } catch (const std::exception& x) {
      error = x.what();
    }
    try {
      pass_learnt(~std::uint64_t{0});
      if (!chunk.empty()) flush();
    } catch (const stopped&) {
      return;
    }
    std::lock_guard lk(c.m);
    c.lines = lines;
    c.truncated = r.truncated_lines;
    c.error = std::move(error);
    c.done = true;
    c.cv.notify_all();
  };
  std::vector<pool> pools(threads);
  const auto worker = [&](std::size_t k) {
    std::vector<std::string> spare;
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lk(dispatch_m);
        dispatch_cv.wait(lk, [&] { return stop.load() || next >= segments || next < merged + window; });
        if (stop.load() || next >= segments) return;
        i = next++;
      }
      scan_segment(i, pools[k], spare);
    }
  };
  // Stops and joins the workers however the merger leaves (an error, a sink that throws).
  struct crew {
    std::vector<std::thread> t;
    std::atomic<bool>& stop;
    std::mutex& m;
    std::condition_variable& cv;
    std::vector<std::unique_ptr<channel>>& chans;
    ~crew() {
      {
        std::lock_guard lk(m);
        stop.store(true);
      }
      cv.notify_all();
      for (auto& c : chans)
        if (c) {
          std::lock_guard lk(c->m);
          c->cv.notify_all();
        }
      for (std::thread& x : t) x.join();
    }
  } workers{{}, stop, dispatch_m, dispatch_cv, chans};
  for (std::size_t k = 0; k < threads; ++k) workers.t.emplace_back(worker, k);

  ssid_lru ssids;  // the file's, as -j 1 has it: learns replayed in line order, between the findings
  timeline times = file_timeline(opt, fd);  // in line order, here: year roll-over spans segments
  std::uint64_t base = 0;
  std::vector<std::string> batch;
  finding f;  // the merger's: each record is unpacked over it (its strings keep their buffers)
  f.source = source;
  std::uint64_t learnt_line = 0, learnt_key = 0;
  std::string learnt_ssid;
  for (std::size_t i = 0; i < segments; ++i) {
    channel& c = *chans[i];
    bool done = false;
    while (!done) {
      pool* owner = nullptr;
      {
        std::unique_lock lk(c.m);
        c.cv.wait(lk, [&] { return c.q.size() >= wake_at || c.bytes >= cap || c.done; });
        batch.swap(c.q);
        const bool full = c.bytes >= cap;
        c.bytes = 0;
        done = c.done && batch.empty();
        owner = c.owner;
        if (full) c.cv.notify_all();  // room again
      }
      for (const std::string& chunk : batch) {
        for (const char *p = chunk.data(), *end = p + chunk.size(); p < end;) {
          if (*p++ == rec_learnt) {
            p = unpack_learnt(p, learnt_line, learnt_key, learnt_ssid);
            ssids.learn(learnt_key, learnt_ssid);
            continue;
          }
          p = unpack_finding(p, f);
          f.line += base;
          if (f.ssid.empty() && !f.bssid.empty())
            if (const std::string* ssid = ssids.find(mac_key(f.bssid))) f.ssid = *ssid;
          f.time = times.resolve(f.timestamp, f.excerpt);
          if (opt.redact) redact_finding(f);
          ++res.findings;
          out(f);
        }
      }
      if (owner && !batch.empty()) {  // all of them: a worker makes a chunk only when none is free
        std::lock_guard lk(owner->m);
        for (std::string& chunk : batch) owner->free.push_back(std::move(chunk));
      }
      batch.clear();
    }
    base += c.lines;
    res.truncated_lines += c.truncated;
    // Later segments would not follow on from this one: the file ends here.
    if (!c.error.empty()) throw std::runtime_error(c.error);
    {
      std::lock_guard lk(dispatch_m);
      ++merged;
      chans[i].reset();
      if (i + window < segments) chans[i + window] = std::make_unique<channel>();
    }
    dispatch_cv.notify_all();
    if (opt.progress) opt.progress(bounds[i + 1], size);
  }
  return true;
}

void scan_one(const std::string& path, const options& opt, const finding_sink& out, const error_sink& errors,
              result& res) {
  int fd = 0;
  bool own = false;
  std::uint64_t size = 0;
  bool live = false;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      ++res.errors;
      errors({path, std::strerror(errno)});
      return;
    }
    own = true;
  }
  if (struct stat sb{}; ::fstat(fd, &sb) == 0) {
    if (S_ISREG(sb.st_mode) && path != "-") size = static_cast<std::uint64_t>(sb.st_size);
    live = S_ISFIFO(sb.st_mode) || S_ISCHR(sb.st_mode) || S_ISSOCK(sb.st_mode);
  }
  ++res.files;
  try {
    {
      run_state st{opt, out, res, {}, {}, {}, path};
      timeline times = file_timeline(opt, fd);  // EVTX times are UTC already: resolved as given
      st.times = &times;
      if (try_evtx(fd, size, st, errors)) {
        if (own) ::close(fd);
        return;
      }
    }
    const unsigned jobs = opt.jobs ? opt.jobs : auto_jobs();
    if (jobs > 1 && size >= opt.parallel_min_bytes && scan_parallel(fd, size, path, opt, jobs, out, res)) {
      ::close(fd);
      return;
    }
    run_state st{opt, out, res, {}, {}, {}, path};
    timeline times = file_timeline(opt, fd);
    st.times = &times;
    std::string head;
    if (size > 0) {
      if (const std::optional<std::uint64_t> text_at = mappable(fd, head)) {
        const std::string_view h = std::string_view(head).substr(static_cast<std::size_t>(*text_at));
        if (run_mapped(fd, *text_at, size, opt.forced,
                       opt.forced == input_format::automatic && detect_format(h) == input_format::wlanreport, st,
                       size)) {
          ::close(fd);
          return;
        }
      }
    }
    st.live = live;
    auto in = open_text(open_fd(fd, false), nullptr, live);
    run_lines(*in, opt.forced, true, st, size);
    // A regular file read to its end, gzip or UTF-16 or not mappable: shorter now than it was?
    struct stat sb {};
    if (size > 0 && ::fstat(fd, &sb) == 0 && static_cast<std::uint64_t>(sb.st_size) < size)
      throw std::runtime_error(shrank_message);
    if (own) ::close(fd);
  } catch (const std::exception& e) {
    if (own) ::close(fd);
    ++res.errors;
    errors({path, e.what()});
  }
}

}  // namespace

std::optional<std::uint64_t> text_offset(std::string_view head) noexcept {
  if (head.starts_with("\x1F\x8B")) return std::nullopt;  // gzip
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF") || head.find('\0') != std::string_view::npos)
    return std::nullopt;
  if (head.find('\n') == std::string_view::npos && head.find('\r') != std::string_view::npos) return std::nullopt;
  return head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

std::optional<std::uint64_t> splittable(std::string_view head, input_format forced) noexcept {
  const std::optional<std::uint64_t> at = text_offset(head);
  if (!at || format_is_container(forced)) return std::nullopt;
  // Segments cannot share an open event or a report: such files are scanned whole.
  if (format_is_container(detect_format(head.substr(static_cast<std::size_t>(*at))))) return std::nullopt;
  return at;
}

unsigned auto_jobs() noexcept { return std::clamp(std::thread::hardware_concurrency(), 1u, max_auto_jobs); }

result scan_path(const std::string& path, const options& opt, const finding_sink& out, const error_sink& errors) {
  result res;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) {
    // The tree, walked directory by directory (symlinks to directories are not followed): a
    // directory that cannot be read is an error, reported, and the rest is still scanned. Entries
    // that are neither regular files (nor symlinks to one) nor directories are skipped, and named
    // (the first few, with a count) in one notice that is not an error.
    std::vector<std::string> files;
    std::vector<std::string> skipped;
    std::uint64_t skipped_count = 0;
    constexpr std::size_t skipped_named = 5;
    std::vector<fs::path> pending{fs::path(path)};
    while (!pending.empty()) {
      const fs::path dir = std::move(pending.back());
      pending.pop_back();
      std::error_code e;
      fs::directory_iterator it(dir, e);
      if (e) {
        ++res.errors;
        errors({dir.string(), e.message()});
        continue;
      }
      std::vector<fs::path> subdirs;
      std::uint64_t unexamined = 0;  // entries whose type could not be read (a directory without x)
      std::error_code unexamined_error;
      for (const fs::directory_iterator end; it != end;) {
        const fs::directory_entry& d = *it;
        std::error_code se;
        const fs::file_status ls = d.symlink_status(se);
        if (se) {
          if (!unexamined++) unexamined_error = se;
        } else if (fs::is_directory(ls)) {
          subdirs.push_back(d.path());
        } else {
          const fs::file_status st = fs::is_symlink(ls) ? d.status(se) : ls;
          if (fs::is_regular_file(st)) {
            files.push_back(d.path().string());
          } else {
            const char* why = !fs::is_symlink(ls)    ? nullptr
                              : !fs::exists(st)      ? "dangling symlink"
                              : fs::is_directory(st) ? "symlink to a directory, not followed"
                                                     : "symlink to a special file";
            if (!why)
              why = fs::is_fifo(st)                                      ? "FIFO"
                    : fs::is_socket(st)                                  ? "socket"
                    : fs::is_block_file(st) || fs::is_character_file(st) ? "device"
                                                                         : "not a regular file";
            ++skipped_count;  // the first few names in sorted order, not in readdir order
            skipped.push_back(d.path().string() + " (" + why + ")");
            std::sort(skipped.begin(), skipped.end());
            if (skipped.size() > skipped_named) skipped.pop_back();
          }
        }
        it.increment(e);
        if (e) break;
      }
      if (e) {
        ++res.errors;
        errors({dir.string(), e.message()});
      }
      if (unexamined) {
        res.errors += unexamined;
        errors({dir.string(), "cannot examine " + std::to_string(unexamined) + " entr" +
                                  (unexamined == 1 ? "y" : "ies") + ": " + unexamined_error.message()});
      }
      std::sort(subdirs.rbegin(), subdirs.rend());  // visited in sorted order, for stable messages
      for (fs::path& sd : subdirs) pending.push_back(std::move(sd));
    }
    if (skipped_count) {
      std::string msg = "skipped " + std::to_string(skipped_count) +
                        (skipped_count == 1 ? " entry that is not a regular file or directory: "
                                            : " entries that are not regular files or directories: ");
      for (std::size_t i = 0; i < skipped.size(); ++i) msg += (i ? ", " : "") + skipped[i];
      if (skipped_count > skipped.size()) msg += ", and " + std::to_string(skipped_count - skipped.size()) + " more";
      errors({path, msg});  // a notice: not counted in res.errors
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
    run_state st{opt, out, res, {}, {}, {}, source};
    timeline times = file_timeline(opt, -1);
    st.times = &times;
    std::string head;
    auto bytes = open_bytes(open_memory(data), head, 8);
    if (opt.forced == input_format::evtx || is_evtx_head(head)) {
      run_evtx(*bytes, st, nullptr);
      return res;
    }
    auto in = open_text(open_memory(data), nullptr);
    run_lines(*in, opt.forced, true, st, 0);
  } catch (const std::exception&) {
    ++res.errors;
  }
  return res;
}

}  // namespace wlancode::scan
