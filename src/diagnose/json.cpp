// A diagnosis as JSON: the schema of docs/diagnose.md (wlancode-diagnose/1).
#include <charconv>
#include <cmath>
#include <map>

#include "internal.hpp"
#include "wlancode/scan_json.hpp"

namespace wlancode::diagnose {
namespace {

struct writer {
  std::string out;
  void str(std::string_view s) { scan::append_json_string(out, s); }
  void opt(std::string_view s) {
    if (s.empty())
      out += "null";
    else
      str(s);
  }
  void key(std::string_view k) {
    if (!out.empty() && out.back() != '{' && out.back() != '[') out += ',';
    char buf[64];
    if (k.size() + 3 <= sizeof buf && needs_no_escape(k)) {
      // The schema's names (most keys) need no escape: "name": appended at once.
      buf[0] = '"';
      k.copy(buf + 1, k.size());
      buf[k.size() + 1] = '"';
      buf[k.size() + 2] = ':';
      out.append(buf, k.size() + 3);
      return;
    }
    str(k);
    out += ':';
  }
  // Printable ASCII but '"' and '\\': what append_json_string copies unchanged.
  static bool needs_no_escape(std::string_view s) {
    for (char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') return false;
    }
    return true;
  }
  void num(double v) {
    if (!std::isfinite(v)) {
      out += "null";
      return;
    }
    char buf[32];  // as printf's "%.6g" (to_chars is specified so), without its locale and parsing
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);
    out.append(buf, r.ptr);
  }
  void num(std::uint64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
  }
  void sep() {
    if (!out.empty() && out.back() != '[' && out.back() != '{') out += ',';
  }
};

// Seconds of `t` on a group's axis, or NaN.
struct axis {
  instant::clock clk = instant::clock::none;
  std::int64_t zero = 0;
  double at(const instant& t) const {
    if (t.clk == instant::clock::none || t.clk != clk) return NAN;
    return static_cast<double>(t.ns - zero) / 1e9;
  }
};

void time_field(writer& w, std::string_view k, const instant& t) {
  w.key(k);
  if (t.clk == instant::clock::utc) {
    char buf[48];  // as to_iso8601(t), not allocated
    const std::size_t n = to_iso8601(t, buf, sizeof buf);
    w.str({buf, n < sizeof buf ? n : sizeof buf});
  } else
    w.out += "null";
}

void evidence_fields(writer& w, const evidence& e, const axis& ax) {
  w.key("source");
  w.str(e.source);
  w.key("line");
  w.num(e.line);
  time_field(w, "time", e.time);
  w.key("t");
  w.num(ax.at(e.time));
  w.key("excerpt");
  w.str(e.excerpt);
}

std::string hex_of(const code_seen& c) {
  if (!c.has_value) return {};
  return c.fam ? scan::hex(*c.fam, c.value) : scan::hex32(c.value);
}

void code_fields(writer& w, const code_seen& c, const axis& ax) {
  w.key("ref");
  w.str(c.ref);
  w.key("family");
  if (c.fam)
    w.str(to_string(*c.fam));
  else
    w.str("raw:" + c.space);
  w.key("value");
  if (c.has_value)
    w.num(static_cast<std::uint64_t>(c.value));
  else
    w.out += "null";
  w.key("hex");
  w.opt(hex_of(c));
  w.key("raw");
  w.opt(c.raw);
  w.key("name");
  w.str(c.name);
  w.key("meaning");
  w.str(c.meaning);
  w.key("locally_generated");
  w.out += c.locally_generated ? "true" : "false";
  w.key("decisive");
  w.out += c.decisive ? "true" : "false";
  evidence_fields(w, c.where, ax);
}

void cause_field(writer& w, int cause) {
  w.key("cause");
  if (cause >= 0)
    w.str(causes()[static_cast<std::size_t>(cause)].id);
  else
    w.out += "null";
}

void list_of_strings(writer& w, const std::vector<std::string>& v) {
  w.out += '[';
  for (const std::string& s : v) {
    w.sep();
    w.str(s);
  }
  w.out += ']';
}

}  // namespace

std::string to_json(const report& r) {
  writer w;
  w.out += '{';
  w.key("schema");
  w.str("wlancode-diagnose/1");
  w.key("verdict");
  w.str(r.verdict);
  std::uint64_t attempts = 0, ok = 0, failed = 0, unknown = 0, sessions = 0;
  for (const group& g : r.groups) {
    attempts += g.attempts_total;
    ok += g.succeeded;
    failed += g.failed;
    unknown += g.unknown;
    sessions += g.sessions.size();
  }
  w.key("totals");
  w.out += '{';
  w.key("attempts");
  w.num(attempts);
  w.key("succeeded");
  w.num(ok);
  w.key("failed");
  w.num(failed);
  w.key("unknown");
  w.num(unknown);
  w.key("sessions");
  w.num(sessions);
  w.key("groups");
  w.num(static_cast<std::uint64_t>(r.groups.size()));
  w.key("findings");
  w.num(r.findings - r.events);
  w.key("events");
  w.num(r.events);
  w.out += '}';
  w.key("inputs");
  w.out += '[';
  for (const input_status& in : r.inputs) {
    w.sep();
    w.out += '{';
    w.key("source");
    w.str(in.source);
    w.key("error");
    w.opt(in.error);
    w.out += '}';
  }
  w.out += ']';
  w.key("causes");
  w.out += '[';
  for (const cause_count& c : r.causes) {
    const cause_info& ci = causes()[static_cast<std::size_t>(c.cause)];
    w.sep();
    w.out += '{';
    w.key("id");
    w.str(ci.id);
    w.key("title");
    w.str(ci.title);
    w.key("likelihood");
    w.str(c.confidence >= 0.7 ? "likely" : "possible");
    w.key("confidence");
    w.num(c.confidence);
    w.key("weight");
    w.num(c.weight);
    w.key("attempts");
    w.num(c.attempts);
    w.key("sessions");
    w.num(c.sessions);
    w.key("groups");
    w.out += '[';
    for (std::size_t g : c.groups) {
      w.sep();
      w.num(static_cast<std::uint64_t>(g));
    }
    w.out += ']';
    w.key("check");
    w.str(ci.check);
    w.key("evidence");
    w.out += '[';
    for (const evidence& e : c.lines) {
      w.sep();
      w.out += '{';
      evidence_fields(w, e, axis{});
      w.out += '}';
    }
    w.out += ']';
    w.out += '}';
  }
  w.out += ']';

  std::map<std::string, std::uint64_t> by_cause, by_phase, by_ended;
  // Failed attempts, listed or past the cap, into the by_* counts.
  const auto count_failed = [&](phase ph, ender by, int cause, std::uint64_t n) {
    by_phase[std::string(to_string(ph))] += n;
    by_ended[std::string(to_string(by))] += n;
    by_cause[cause >= 0 ? std::string(causes()[static_cast<std::size_t>(cause)].id) : "unknown"] += n;
  };
  std::map<std::string, const code_seen*> codes;
  std::map<std::string, std::uint64_t> code_counts;
  w.key("groups");
  w.out += '[';
  for (std::size_t gi = 0; gi < r.groups.size(); ++gi) {
    const group& g = r.groups[gi];
    axis ax;
    ax.clk = g.first.clk;
    ax.zero = g.first.clk == instant::clock::utc ? g.first.ns : 0;
    w.sep();
    w.out += '{';
    w.key("id");
    w.num(static_cast<std::uint64_t>(gi));
    w.key("device");
    w.out += '{';
    w.key("host");
    w.opt(g.host);
    w.key("file");
    w.opt(g.file);
    w.key("interface");
    w.opt(g.interface);
    w.out += '}';
    w.key("network");
    w.out += '{';
    w.key("ssid");
    w.opt(g.ssid);
    w.key("bssids");
    list_of_strings(w, g.bssids);
    w.out += '}';
    w.key("axis");
    w.str(ax.clk == instant::clock::utc ? "utc" : ax.clk == instant::clock::relative ? "relative" : "none");
    time_field(w, "t0", g.first);
    w.key("t_end");
    w.num(ax.at(g.last));
    w.key("counts");
    w.out += '{';
    w.key("attempts");
    w.num(g.attempts_total);
    w.key("succeeded");
    w.num(g.succeeded);
    w.key("failed");
    w.num(g.failed);
    w.key("unknown");
    w.num(g.unknown);
    w.key("attempts_not_listed");
    w.num(g.attempts_capped);
    w.key("sessions_not_listed");
    w.num(g.sessions_capped);
    w.out += '}';
    w.key("attempts");
    w.out += '[';
    std::uint64_t id = 0;
    for (const attempt& a : g.attempts) {
      w.sep();
      w.out += '{';
      w.key("id");
      w.num(id);
      id += a.count;
      w.key("count");
      w.num(a.count);
      w.key("outcome");
      w.str(to_string(a.result));
      w.key("phase");
      w.str(a.result == outcome::failed      ? to_string(a.failed_at)
            : a.result == outcome::succeeded ? std::string_view("success")
                                             : std::string_view("unknown"));
      w.key("ended_by");
      w.str(to_string(a.ended_by));
      time_field(w, "start", a.start);
      time_field(w, "end", a.end);
      w.key("t_start");
      w.num(ax.at(a.start));
      w.key("t_end");
      w.num(ax.at(a.end));
      w.key("t_last_start");
      w.num(ax.at(a.last_start));
      w.key("duration_s");
      w.num(a.count == 1 && a.start.clk != instant::clock::none && a.start.clk == a.end.clk
                ? static_cast<double>(a.end.ns - a.start.ns) / 1e9
                : NAN);
      w.key("bssid");
      w.opt(a.bssid);
      w.key("bssids");
      list_of_strings(w, a.bssids);
      w.key("roam");
      w.out += a.roam ? "true" : "false";
      w.key("inferred");
      w.out += a.inferred ? "true" : "false";
      cause_field(w, a.cause);
      w.key("cause_confidence");
      w.num(a.cause_confidence);
      w.key("summary");
      w.str(a.summary);
      w.key("codes");
      w.out += '[';
      for (const code_seen& c : a.codes) {
        w.sep();
        w.out += '{';
        code_fields(w, c, ax);
        w.out += '}';
        codes.emplace(c.ref, &c);
        code_counts[c.ref] += a.count;
      }
      w.out += ']';
      w.key("events");
      w.out += '[';
      for (const step& s : a.steps) {
        w.sep();
        w.out += '{';
        w.key("event");
        w.str(scan::to_string(s.kind));
        evidence_fields(w, s.where, ax);
        w.out += '}';
      }
      w.out += ']';
      w.out += '}';
      if (a.result == outcome::failed) {
        count_failed(a.failed_at, a.ended_by, a.cause, a.count);
      }
    }
    for (const failure_tally& t : g.capped_failures) {  // past the cap: counted, not listed
      count_failed(t.failed_at, t.ended_by, t.cause, t.count);
    }
    w.out += ']';
    w.key("sessions");
    w.out += '[';
    for (const session& s : g.sessions) {
      w.sep();
      w.out += '{';
      time_field(w, "start", s.start);
      time_field(w, "end", s.end);
      w.key("t_start");
      w.num(ax.at(s.start));
      w.key("t_end");
      w.num(ax.at(s.end));
      w.key("duration_s");
      w.num(s.start.clk != instant::clock::none && s.start.clk == s.end.clk
                ? static_cast<double>(s.end.ns - s.start.ns) / 1e9
                : NAN);
      w.key("bssid");
      w.opt(s.bssid);
      w.key("open");
      w.out += s.open ? "true" : "false";
      w.key("ended_by");
      w.str(to_string(s.ended_by));
      w.key("end_code");
      if (s.end_code) {
        w.str(s.end_code->ref);
        codes.emplace(s.end_code->ref, &*s.end_code);
        ++code_counts[s.end_code->ref];
      } else {
        w.out += "null";
      }
      cause_field(w, s.cause);
      w.key("roams");
      w.num(s.roams);
      w.key("ip_configured");
      w.out += s.ip_configured ? "true" : "false";
      w.key("before_log");
      w.out += s.before_log ? "true" : "false";
      w.out += '}';
    }
    w.out += ']';
    w.key("repeats");
    w.out += '[';
    id = 0;
    for (std::size_t ai = 0; ai < g.attempts.size(); ++ai) {
      const attempt& a = g.attempts[ai];
      if (a.count > 1) {
        w.sep();
        w.out += '{';
        w.key("count");
        w.num(a.count);
        w.key("first_attempt");
        w.num(id);
        w.key("last_attempt");
        w.num(id + a.count - 1);
        std::string text = std::to_string(a.count) + " × " + a.summary;
        if (a.bssids.size() > 1) text += ", by " + std::to_string(a.bssids.size()) + " APs";
        if (a.start.clk == instant::clock::utc && a.end.clk == instant::clock::utc)
          text += ", between " + to_iso8601(a.start) + " and " + to_iso8601(a.end);
        if (ai + 1 < g.attempts.size() && g.attempts[ai + 1].result == outcome::succeeded) {
          text += ", then connected";
          if (g.attempts[ai + 1].end.clk == instant::clock::utc) text += " at " + to_iso8601(g.attempts[ai + 1].end);
          if (!g.attempts[ai + 1].bssid.empty()) text += " to " + g.attempts[ai + 1].bssid;
        }
        w.key("text");
        w.str(text);
        w.out += '}';
      }
      id += a.count;
    }
    w.out += ']';
    w.out += '}';
  }
  w.out += ']';
  for (auto [name, m] :
       {std::pair{"by_cause", &by_cause}, std::pair{"by_phase", &by_phase}, std::pair{"by_ended_by", &by_ended}}) {
    w.key(name);
    w.out += '{';
    for (const auto& [k, n] : *m) {
      w.key(k);
      w.num(n);
    }
    w.out += '}';
  }
  w.key("codes");
  w.out += '{';
  for (const auto& [ref, c] : codes) {
    w.key(ref);
    w.out += '{';
    w.key("family");
    w.str(c->fam ? to_string(*c->fam) : "raw:" + c->space);
    w.key("value");
    if (c->has_value)
      w.num(static_cast<std::uint64_t>(c->value));
    else
      w.out += "null";
    w.key("hex");
    w.opt(hex_of(*c));
    w.key("name");
    w.str(c->name);
    w.key("meaning");
    w.str(c->meaning);
    w.key("phase");
    w.str(to_string(c->ph));
    w.key("initiator");
    w.str(to_string(c->init));
    const code_info* info = c->fam && c->has_value ? find(*c->fam, c->value) : nullptr;
    w.key("section");
    w.opt(info && info->section ? info->section->heading : std::string_view{});
    w.key("hint");
    if (info && info->hint) {
      w.out += '{';
      w.key("cause");
      w.str(info->hint->cause);
      w.key("action");
      w.str(info->hint->action);
      w.out += '}';
    } else {
      w.out += "null";
    }
    w.key("count");
    w.num(code_counts[ref]);
    w.out += '}';
  }
  w.out += '}';
  w.key("notes");
  list_of_strings(w, r.notes);
  w.out += "}\n";
  return w.out;
}

}  // namespace wlancode::diagnose
