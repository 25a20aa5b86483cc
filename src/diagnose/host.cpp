// Who a line is about: the host a syslog-style line names after its timestamp.
#include "internal.hpp"

namespace wlancode::diagnose::detail {

std::string_view host_of(std::string_view s, std::string_view timestamp) noexcept {
  // The timestamp must open the line (BSD syslog, ISO 8601 with journalctl -o short-iso, RFC 5424
  // after "<PRI>1 "); the host is the next word, followed by a program tag "name[pid]:" or "name:".
  bool rfc5424 = false;
  if (s.starts_with("<")) {
    const std::size_t gt = s.find('>');
    if (gt == std::string_view::npos || gt > 5) return {};
    s.remove_prefix(gt + 1);
    if (s.starts_with("1 ")) {
      s.remove_prefix(2);
      rfc5424 = true;  // "<PRI>1 TIMESTAMP HOST APP PROCID MSGID ...": the host is a field
    }
  }
  if (timestamp.empty() || !s.starts_with(timestamp)) return {};
  s.remove_prefix(timestamp.size());
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  std::size_t e = 0;
  while (e < s.size() && s[e] != ' ' && s[e] != ':' && s[e] != '[') ++e;
  if (e == 0 || e > 64 || e >= s.size() || s[e] != ' ') return {};
  const std::string_view host = s.substr(0, e);
  for (char c : host)  // ASCII only, whatever the locale
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
          c == '_'))
      return {};
  if (rfc5424) return host == "-" ? std::string_view{} : host;
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
  // The word after it is a program tag.
  std::string_view rest = s.substr(e + 1);
  std::size_t t = 0;
  while (t < rest.size() && rest[t] != ' ' && rest[t] != ':' && rest[t] != '[') ++t;
  if (t == 0 || t >= rest.size() || (rest[t] != ':' && rest[t] != '[')) return {};
  return host;
}

}  // namespace wlancode::diagnose::detail
