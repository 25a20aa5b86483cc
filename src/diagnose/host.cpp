// Who a line is about: the host a syslog-style line names after its timestamp.
#include <array>

#include "internal.hpp"

namespace wlancode::diagnose::detail {
namespace {

// The line after its timestamp, when the timestamp opens it (BSD syslog, ISO 8601 with
// journalctl -o short-iso, RFC 5424 after "<PRI>1 ").
struct after_timestamp {
  bool ok = false;
  bool rfc5424 = false;  // "<PRI>1 TIMESTAMP HOST APP PROCID MSGID ...": the host is a field
  std::string_view rest;
};

// ESP-IDF's log prefix ("I (15210) ": the level letter, then the milliseconds since boot) stands
// where a syslog host would, and the tag after it may hold a space ("I (37668) wifi station: ...",
// "W (16580) WIFI EVENT: ..."): such a line names no host.
bool esp_log_prefix(std::string_view timestamp) noexcept {
  if (timestamp.size() < 5 || timestamp[1] != ' ' || timestamp[2] != '(' || timestamp.back() != ')') return false;
  if (std::string_view("EWIDV").find(timestamp[0]) == std::string_view::npos) return false;
  for (char c : timestamp.substr(3, timestamp.size() - 4))
    if (c < '0' || c > '9') return false;
  return true;
}

after_timestamp strip_timestamp(std::string_view s, std::string_view timestamp) noexcept {
  after_timestamp a;
  if (esp_log_prefix(timestamp)) return a;
  if (s.starts_with("<")) {
    const std::size_t gt = s.find('>');
    if (gt == std::string_view::npos || gt > 5) return a;
    s.remove_prefix(gt + 1);
    if (s.starts_with("1 ")) {
      s.remove_prefix(2);
      a.rfc5424 = true;
    }
  }
  if (timestamp.empty() || !s.starts_with(timestamp)) return a;
  a.ok = true;
  a.rest = s.substr(timestamp.size());
  return a;
}

// The host field that opens `rest` (the line after its timestamp) and how many bytes of `rest` it
// was read from, up to the space after it: a host found depends on those bytes only (none past
// them, not where the line ends), which is what host_memo relies on.
struct host_field {
  std::string_view host;
  std::size_t read = 0;
};

host_field host_field_of(std::string_view rest, bool rfc5424) noexcept {
  std::size_t b = 0;
  while (b < rest.size() && rest[b] == ' ') ++b;
  const std::string_view s = rest.substr(b);
  std::size_t e = 0;
  while (e < s.size() && s[e] != ' ' && s[e] != ':' && s[e] != '[') ++e;
  if (e == 0 || e > 64 || e >= s.size() || s[e] != ' ') return {};
  const std::string_view host = s.substr(0, e);
  for (char c : host)  // ASCII only, whatever the locale
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
          c == '_'))
      return {};
  if (rfc5424) return host == "-" ? host_field{} : host_field{host, b + e + 1};
  // ChromeOS syslog prints the level where the host would be ("...Z INFO shill[1234]:"): no host.
  static constexpr std::string_view levels[] = {"DEBUG", "INFO",  "NOTICE", "WARNING", "WARN",
                                                "ERR",   "ERROR", "CRIT",   "ALERT",   "EMERG"};
  for (std::string_view level : levels)
    if (host == level) return {};
  // OpenWrt / BusyBox logread prints "facility.level" where the host would be: no host.
  if (const std::size_t dot = host.find('.'); dot != std::string_view::npos) {
    static constexpr std::string_view facilities[] = {
        "kern",     "user", "mail",   "daemon", "auth",   "syslog", "lpr",    "news",   "uucp",   "cron",
        "authpriv", "ftp",  "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7"};
    for (std::string_view fac : facilities)
      if (host.substr(0, dot) == fac) return {};
  }
  return {host, b + e + 1};
}

// Whether `s` (the line after a host field) opens with a program tag "name[pid]:" or "name:"
// (RFC 5424 has an APP field instead: not asked).
bool opens_with_tag(std::string_view s) noexcept {
  // The bytes that end a word here, as a table: one test per byte of the tag (read on every line).
  static constexpr auto word_end = [] {
    std::array<bool, 256> t{};
    t[' '] = t[':'] = t['['] = true;
    return t;
  }();
  std::size_t t = 0;
  while (t < s.size() && !word_end[static_cast<unsigned char>(s[t])]) ++t;
  return t > 0 && t < s.size() && (s[t] == ':' || s[t] == '[');
}

// The host, once its field is known: the word after it must be a program tag.
std::string_view host_if_tagged(std::string_view host, std::string_view after, bool rfc5424) noexcept {
  return rfc5424 || opens_with_tag(after) ? host : std::string_view{};
}

}  // namespace

std::string_view host_of(std::string_view s, std::string_view timestamp) noexcept {
  const after_timestamp a = strip_timestamp(s, timestamp);
  if (!a.ok) return {};
  const host_field h = host_field_of(a.rest, a.rfc5424);
  return h.host.empty() ? h.host : host_if_tagged(h.host, a.rest.substr(h.read), a.rfc5424);
}

std::string_view host_memo::operator()(std::string_view excerpt, std::string_view timestamp) {
  const after_timestamp a = strip_timestamp(excerpt, timestamp);
  if (!a.ok) return {};
  // The bytes the last host field was read from open this line too: the same field, at the same
  // place; the program tag after it (which varies from line to line) is read each time.
  if (!read_.empty() && a.rfc5424 == rfc5424_ && a.rest.starts_with(read_))
    return host_if_tagged(a.rest.substr(at_, size_), a.rest.substr(read_.size()), a.rfc5424);
  const host_field h = host_field_of(a.rest, a.rfc5424);
  if (h.host.empty()) return h.host;
  read_.assign(a.rest.substr(0, h.read));
  rfc5424_ = a.rfc5424;
  at_ = static_cast<std::size_t>(h.host.data() - a.rest.data());
  size_ = h.host.size();
  return host_if_tagged(h.host, a.rest.substr(h.read), a.rfc5424);
}

}  // namespace wlancode::diagnose::detail
