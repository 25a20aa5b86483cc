// scan (with each finding's instant) -> analyzer, for a list of paths: the whole of `diagnose` but its printing.
#include <map>

#include "chronology.hpp"
#include "internal.hpp"

namespace wlancode::diagnose {
namespace {

// --redact: names become stable pseudonyms (the same SSID is "ssid-1" everywhere, so groups still
// read apart), MACs keep their first octet, and excerpts go through scan::redact_text.
class pseudonyms {
 public:
  void apply(report& r) {
    for (group& g : r.groups) {
      name(g.host, "host-", hosts_);
      name(g.ssid, "ssid-", ssids_);
      for (std::string& b : g.bssids) mac(b);
      for (attempt& a : g.attempts) {
        mac(a.bssid);
        for (std::string& b : a.bssids) mac(b);
        for (step& s : a.steps) text(s.where);
        for (code_seen& c : a.codes) text(c.where);
        a.summary = scan::redact_text(a.summary);
      }
      for (session& s : g.sessions) {
        mac(s.bssid);
        text(s.start_where);
        text(s.end_where);
        if (s.end_code) text(s.end_code->where);
      }
    }
    for (cause_count& c : r.causes)
      for (evidence& e : c.lines) text(e);
    r.verdict = scan::redact_text(r.verdict);
    for (const auto& [real, alias] : ssids_) replace_all(r.verdict, "`" + real + "`", "`" + alias + "`");
  }

 private:
  static void name(std::string& s, const char* prefix, std::map<std::string, std::string>& m) {
    if (s.empty()) return;
    auto it = m.find(s);
    if (it == m.end()) it = m.emplace(s, prefix + std::to_string(m.size() + 1)).first;
    s = it->second;
  }
  static void mac(std::string& s) {
    if (!s.empty()) s = scan::redact_text(s);
  }
  void text(evidence& e) {
    e.excerpt = scan::redact_text(e.excerpt);
    for (const auto* m : {&ssids_, &hosts_})
      for (const auto& [real, alias] : *m)
        if (real.size() >= 3) replace_all(e.excerpt, real, alias);
  }
  static void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  }
  std::map<std::string, std::string> hosts_, ssids_;
};

}  // namespace

namespace {

// The analyzer fed by `scan_each(options, to_feed, to_errors)`, which scans the inputs: with
// lifecycle events on and each finding's instant, newest-first exports turned round; redacted at
// the end when asked.
template <typename ScanEach>
report diagnose_scans(const run_options& opt, const scan::error_sink& errors, ScanEach scan_each) {
  analyzer an(opt.lim);
  scan::options so = opt.scan;
  so.events = true;
  so.redact = false;  // grouping needs the real names; the report is redacted at the end
  so.tz = opt.tz;
  so.year = opt.year;
  auto to_analyzer = [&](const scan::finding& f) { an.add(f, f.time); };
  detail::chronological_feed<decltype(to_analyzer)> feed(to_analyzer);  // newest-first exports turned round
  scan_each(so, feed, an, errors);
  report r = an.finish();
  if (opt.scan.redact) pseudonyms().apply(r);
  return r;
}

// One input scanned into the feed; an unreadable one (or one that failed part-way) is in the
// report's inputs with its error.
template <typename Feed, typename ScanOne>
void diagnose_input(const std::string& source, Feed& feed, analyzer& an, const scan::error_sink& errors,
                    ScanOne scan_one) {
  bool failed = false;
  const scan::result r = scan_one([&](const scan::finding& f) { feed.add(f); },
                                  [&](const scan::input_error& e) {
                                    if (errors) errors(e);
                                    an.add_input(e.source, e.message);
                                    failed = failed || e.source == source;
                                  });
  feed.flush();
  if (!failed && r.errors == 0) an.add_input(source);
}

}  // namespace

report run(const std::vector<std::string>& paths, const run_options& opt, const scan::error_sink& errors) {
  return diagnose_scans(
      opt, errors, [&](const scan::options& so, auto& feed, analyzer& an, const scan::error_sink& es) {
        for (const std::string& p : paths)
          diagnose_input(p, feed, an, es, [&](const scan::finding_sink& out, const scan::error_sink& err) {
            return scan::scan_path(p, so, out, err);
          });
      });
}

report run_memory(std::string_view data, const std::string& source, const run_options& opt,
                  const scan::error_sink& errors) {
  return diagnose_scans(
      opt, errors, [&](const scan::options& so, auto& feed, analyzer& an, const scan::error_sink& es) {
        diagnose_input(source, feed, an, es, [&](const scan::finding_sink& out, const scan::error_sink& err) {
          const scan::result r = scan::scan_memory(data, source, so, out);
          if (r.errors) err({source, "the data could not be decoded"});  // what scan_memory's callers say
          return r;
        });
      });
}

}  // namespace wlancode::diagnose
