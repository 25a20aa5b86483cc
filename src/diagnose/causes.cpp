// The diagnosis rules of causes.def, applied to one attempt or one session end.
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <vector>

#include "internal.hpp"

namespace wlancode::diagnose {
namespace {

enum class test : std::uint8_t { event, code, name, raw, failed_at, ended, roam, timer };

constexpr cause_info cause_rows[] = {
#define WLANCODE_CAUSE(id, title, check) {#id, title, check},
#include "causes.def"
};

constexpr int cause_index(std::string_view id) {
  for (std::size_t i = 0; i < std::size(cause_rows); ++i)
    if (cause_rows[i].id == id) return static_cast<int>(i);
  throw "causes.def: WLANCODE_WHEN names no WLANCODE_CAUSE";
}

// Event kinds and phases by name, for the rows that test them (read at compile time: the tests
// compare numbers, and a row naming no kind or phase fails the build).
constexpr std::string_view event_ids[] = {
#define WLANCODE_EVENT_KIND(id, ...) #id,
#include "wlancode/scan_events.def"
};
constexpr std::string_view phase_ids[] = {
#define WLANCODE_PHASE(id, description) #id,
#include "wlancode/tables/phases.def"
};
constexpr int arg_index(test t, std::string_view arg) {
  if (t == test::event) {
    for (std::size_t i = 0; i < std::size(event_ids); ++i)
      if (event_ids[i] == arg) return static_cast<int>(i);
    throw "causes.def: WLANCODE_WHEN(..., event, ...) names no event kind of scan_events.def";
  }
  if (t == test::failed_at) {
    for (std::size_t i = 0; i < std::size(phase_ids); ++i)
      if (phase_ids[i] == arg) return static_cast<int>(i);
    throw "causes.def: WLANCODE_WHEN(..., failed_at, ...) names no phase of phases.def";
  }
  return -1;
}

struct when_row {
  int cause;
  test t;
  std::string_view arg;
  double confidence;
  int index;  // event and failed_at rows: the event kind or phase `arg` names
};
constexpr when_row when_rows[] = {
#define WLANCODE_WHEN(id, t, arg, confidence) {cause_index(#id), test::t, arg, confidence, arg_index(test::t, arg)},
#include "causes.def"
};

struct ender_text {
  std::string_view text;
  ender who;
};
constexpr ender_text ender_texts[] = {
#define WLANCODE_ENDER_TEXT(text, who) {text, ender::who},
#include "causes.def"
};

bool icontains(std::string_view hay, std::string_view needle) noexcept {
  if (needle.size() > hay.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() &&
           std::tolower(static_cast<unsigned char>(hay[i + k])) == std::tolower(static_cast<unsigned char>(needle[k])))
      ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

// "family:value" of a code.
bool code_is(const code_seen& c, std::string_view arg) {
  if (!c.fam || !c.has_value) return false;
  return c.ref == arg || c.carried_ref == arg;
}

bool code_test(const when_row& w, const code_seen& c) {
  switch (w.t) {
    case test::code:
      return code_is(c, w.arg);
    case test::name:
      return (!c.name.empty() && c.name.find(w.arg) != std::string::npos) ||
             (!c.carried_name.empty() && c.carried_name.find(w.arg) != std::string::npos);
    case test::raw:
      return !c.fam && c.space == w.arg;
    default:
      return false;
  }
}

// The rows of when_rows by what they test, for match_attempt. Of the event and failed_at rows,
// only the one that would win for each event kind or phase is kept: the most confident, the
// first of them on a tie (consider's order over the rows).
struct row_lists {
  static constexpr int none = -1;
  std::array<int, std::size(event_ids)> by_event;
  std::array<int, std::size(phase_ids)> by_phase;
  std::vector<std::size_t> code, roam, timer;  // in their order

  static void keep_best(int& best, std::size_t row) {
    if (best == none || when_rows[row].confidence > when_rows[static_cast<std::size_t>(best)].confidence)
      best = static_cast<int>(row);
  }
  static const row_lists& get() {
    static const row_lists lists = [] {
      row_lists l;
      l.by_event.fill(none);
      l.by_phase.fill(none);
      for (std::size_t i = 0; i < std::size(when_rows); ++i) switch (when_rows[i].t) {
          case test::event:
            keep_best(l.by_event[static_cast<std::size_t>(when_rows[i].index)], i);
            break;
          case test::failed_at:
            keep_best(l.by_phase[static_cast<std::size_t>(when_rows[i].index)], i);
            break;
          case test::code:
          case test::name:
          case test::raw:
            l.code.push_back(i);
            break;
          case test::roam:
            l.roam.push_back(i);
            break;
          case test::timer:
            l.timer.push_back(i);
            break;
          case test::ended:  // session ends only
            break;
        }
      return l;
    }();
    return lists;
  }
};

void consider(detail::cause_match& best, const when_row& w) {
  if (w.confidence > best.confidence) best = {w.cause, w.confidence};
}

}  // namespace

std::span<const cause_info> causes() noexcept { return cause_rows; }

namespace detail {

namespace {

// The code row that code `c` meets and that would win among them (row_lists' order), or none.
int best_code_row(const code_seen& c) {
  int best = row_lists::none;
  for (std::size_t row : row_lists::get().code)
    if (code_test(when_rows[row], c)) row_lists::keep_best(best, row);
  return best;
}

// match_attempt, with `code_row(c)` for best_code_row(c).
template <class CodeRow>
cause_match match_with(const attempt& a, CodeRow&& code_row) {
  if (a.result != outcome::failed) return {};
  // The rows in order, as match_session_end, but asked by what they test: the kinds of the steps
  // are one mask, and each code meets one winning code row at most.
  static_assert(std::size(event_ids) <= 64, "step kinds are a 64-bit mask");
  std::uint64_t kinds = 0;
  for (const step& s : a.steps) kinds |= std::uint64_t{1} << static_cast<unsigned>(s.kind);
  cause_match best;
  std::size_t best_row = 0;
  const auto consider_row = [&](int r) {
    // The most confident row that matches, the first of them on a tie (consider's order).
    if (r == row_lists::none) return;
    const auto row = static_cast<std::size_t>(r);
    const when_row& w = when_rows[row];
    if (w.confidence > best.confidence || (best.cause >= 0 && w.confidence == best.confidence && row < best_row)) {
      best = {w.cause, w.confidence};
      best_row = row;
    }
  };
  const row_lists& rows = row_lists::get();
  for (; kinds; kinds &= kinds - 1)  // each kind of step once
    consider_row(rows.by_event[static_cast<std::size_t>(std::countr_zero(kinds))]);
  for (const code_seen& c : a.codes) consider_row(code_row(c));
  if (const auto p = static_cast<std::size_t>(a.failed_at); p < rows.by_phase.size()) consider_row(rows.by_phase[p]);
  if (a.roam)
    for (std::size_t row : rows.roam) consider_row(static_cast<int>(row));
  for (const code_seen& c : a.codes)
    if (c.decisive && esp_step_timer(c, a.failed_at))
      for (std::size_t row : rows.timer) consider_row(static_cast<int>(row));
  return best;
}

}  // namespace

cause_match match_attempt(const attempt& a) { return match_with(a, best_code_row); }

cause_match cause_matcher::operator()(const attempt& a) {
  return match_with(a, [this](const code_seen& c) { return code_row(c); });
}

int cause_matcher::code_row(const code_seen& c) {
  // What code_test reads of a code.
  const auto same = [&c](const known& k) {
    return k.has_family == c.fam.has_value() && k.has_value == c.has_value && k.ref == c.ref &&
           k.carried_ref == c.carried_ref && k.name == c.name && k.carried_name == c.carried_name && k.space == c.space;
  };
  for (std::size_t i = 0; i < known_n_; ++i)
    if (same(known_[i])) return known_[i].row;
  known& k = known_[next_];
  next_ = (next_ + 1) % known_.size();
  known_n_ = std::max(known_n_, next_ == 0 ? known_.size() : next_);
  k.has_family = c.fam.has_value();
  k.has_value = c.has_value;
  k.ref = c.ref;
  k.carried_ref = c.carried_ref;
  k.name = c.name;
  k.carried_name = c.carried_name;
  k.space = c.space;
  k.row = best_code_row(c);
  return k.row;
}

cause_match match_session_end(const session& s, std::optional<scan::event_kind> end_event) {
  cause_match best;
  if (s.open) return best;
  for (const when_row& w : when_rows) {
    if (w.t == test::event && end_event && static_cast<int>(*end_event) == w.index) consider(best, w);
    if (!s.end_code) continue;
    if (w.t == test::ended && !s.end_code->locally_generated && code_is(*s.end_code, w.arg)) consider(best, w);
    if ((w.t == test::name || w.t == test::raw || w.t == test::code) && code_test(w, *s.end_code)) consider(best, w);
  }
  return best;
}

ender ender_of_text(std::string_view text) noexcept {
  for (const ender_text& e : ender_texts)
    if (icontains(text, e.text)) return e.who;
  return ender::unknown;
}

namespace {
// Looked up once, by name (the values are the table's).
struct esp_reasons {
  const code_info* auth_expire = find(family::esp_wifi_reason, "WIFI_REASON_AUTH_EXPIRE");
  const code_info* assoc_expire = find(family::esp_wifi_reason, "WIFI_REASON_ASSOC_EXPIRE");
  const code_info* handshake_timeout = find(family::esp_wifi_reason, "WIFI_REASON_HANDSHAKE_TIMEOUT");
  const code_info* connection_fail = find(family::esp_wifi_reason, "WIFI_REASON_CONNECTION_FAIL");
};
const esp_reasons& esp() noexcept {
  static const esp_reasons r;
  return r;
}
bool esp_is(const code_seen& c, const code_info* reason) noexcept {
  return c.fam == family::esp_wifi_reason && c.has_value && reason && reason->value == c.value;
}
}  // namespace

bool esp_assoc_expire(const code_seen& c) noexcept { return esp_is(c, esp().assoc_expire); }

bool esp_step_timer(const code_seen& c, phase at) noexcept {
  return (at == phase::authentication && esp_is(c, esp().auth_expire)) ||
         (at == phase::association && esp_is(c, esp().assoc_expire));
}

bool esp_gave_up(const code_seen& c, phase at) noexcept {
  return esp_step_timer(c, at) || esp_is(c, esp().handshake_timeout) || esp_is(c, esp().connection_fail);
}

ender ender_of(const code_seen& c) noexcept {
  if (c.locally_generated) return ender::device;
  switch (c.init) {
    case initiator::network:
      return ender::ap;
    case initiator::auth_server:
      return ender::auth_server;
    case initiator::driver:
      return ender::driver;
    case initiator::user:
      return ender::user;
    case initiator::config:
    case initiator::system:
      return ender::device;
    default:
      return ender::unknown;
  }
}

}  // namespace detail
}  // namespace wlancode::diagnose
