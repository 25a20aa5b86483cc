// Findings in the order things happened. Event Viewer's "Save as", `Get-WinEvent` and
// `wevtutil qe /rd:true` write the newest event first; attempts are built forwards in time, so a
// source whose times run backwards is given to the analyzer the other way round, record by record
// (a record's event and its codes keep their order). Bounded: a source longer than `cap`
// findings is passed on as read, and so is one whose first records run forwards or have no time.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "wlancode/scan.hpp"
#include "wlancode/timestamp.hpp"

namespace wlancode::diagnose::detail {

template <class Sink>
class chronological_feed {
 public:
  explicit chronological_feed(Sink sink, std::size_t cap = 1 << 15) : sink_(std::move(sink)), cap_(cap) {}

  void add(const scan::finding& f) {
    if (f.source != source_) {
      flush();
      source_ = f.source;
    }
    if (passing_) {
      sink_(f);
      return;
    }
    // A record starts at each event, and wherever the time changes.
    if (buf_.empty() || f.kind == scan::value_kind::event || !(f.time == buf_.back().time)) {
      if (!buf_.empty()) compare(buf_[starts_.back()].time, f.time);
      starts_.push_back(buf_.size());
    }
    buf_.push_back(f);
    // Too long to hold, or plainly forward (or untimed) from its first records: as read, from
    // here on (most sources: they cost one copy of their first findings only).
    if (buf_.size() > cap_ || (later_ + earlier_ >= 16 && later_ >= earlier_) ||
        (starts_.size() >= 64 && later_ + earlier_ == 0)) {
      for (const scan::finding& x : buf_) sink_(x);
      clear();
      passing_ = true;
    }
  }

  // The source's findings, oldest first when its times ran backwards more often than forwards.
  void flush() {
    if (later_ < earlier_) {
      for (std::size_t r = starts_.size(); r-- > 0;) {
        const std::size_t end = r + 1 < starts_.size() ? starts_[r + 1] : buf_.size();
        for (std::size_t i = starts_[r]; i < end; ++i) sink_(buf_[i]);
      }
    } else {
      for (const scan::finding& x : buf_) sink_(x);
    }
    clear();
    passing_ = false;
  }

 private:
  void compare(const instant& before, const instant& now) {
    if (before.clk == instant::clock::none || before.clk != now.clk) return;
    if (now.ns > before.ns) ++later_;
    if (now.ns < before.ns) ++earlier_;
  }
  void clear() {
    buf_.clear();
    starts_.clear();
    later_ = earlier_ = 0;
  }

  Sink sink_;
  std::size_t cap_;
  std::string source_;
  std::vector<scan::finding> buf_;
  std::vector<std::size_t> starts_;  // where each record begins in buf_
  std::size_t later_ = 0, earlier_ = 0;
  bool passing_ = false;
};

}  // namespace wlancode::diagnose::detail
