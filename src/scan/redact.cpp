// Redaction of findings: MAC addresses, SSIDs/profile names and user names are replaced by tags
// derived from a keyed hash (stable within one run, so summaries still tell them apart).
#include <chrono>
#include <cstdio>
#include <cstring>

#include "internal.hpp"

namespace wlancode::scan {
namespace {

std::uint64_t salt() {
  static const std::uint64_t s =
      static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) * 0x9E3779B97F4A7C15ull;
  return s;
}

std::string tag(std::string_view kind, std::string_view value) {
  std::uint64_t h = 1469598103934665603ull ^ salt();
  for (char c : value) {
    char l = c;
    if (l >= 'A' && l <= 'Z') l = static_cast<char>(l - 'A' + 'a');
    h = (h ^ static_cast<unsigned char>(l)) * 1099511628211ull;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%06x", static_cast<unsigned>(h >> 40));
  std::string out;
  out.reserve(kind.size() + 10);
  out += '[';
  out.append(kind);
  out += ':';
  out.append(buf, 6);
  out += ']';
  return out;
}

bool ieq(char a, char b) {
  if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
  if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
  return a == b;
}
std::size_t ifind(std::string_view s, std::string_view n, std::size_t from) {
  for (std::size_t i = from; i + n.size() <= s.size(); ++i) {
    std::size_t k = 0;
    while (k < n.size() && ieq(s[i + k], n[k])) ++k;
    if (k == n.size()) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string redact_text(std::string_view line) {
  // 1. MAC addresses.
  std::string s;
  s.reserve(line.size());
  for (std::size_t i = 0; i < line.size();) {
    if (i + 17 <= line.size() && detail::is_mac_at(line, i)) {
      s += tag("mac", line.substr(i, 17));
      i += 17;
    } else {
      s += line[i++];
    }
  }
  // 2. Values after labels that name an SSID, a profile or a user.
  struct label {
    std::string_view text;
    std::string_view kind;
  };
  static constexpr label labels[] = {
      {"ssid=\"", "ssid"},
      {"ssid='", "ssid"},
      {"SSID: ", "ssid"},
      {"Name=\"SSID\">", "ssid"},
      {"Name='SSID'>", "ssid"},
      {"Profile Name: ", "ssid"},
      {"Name=\"ProfileName\">", "ssid"},
      {"Name='ProfileName'>", "ssid"},
      {"User Name: ", "user"},
      {"Account Name: ", "user"},
      {"Name=\"UserName\">", "user"},
      {"Name='UserName'>", "user"},
      {"Name=\"SubjectUserName\">", "user"},
      {"Name=\"TargetUserName\">", "user"},
      {"Identity: ", "user"},
      {"identity=", "user"},
      {"UserID=\"", "user"},
      {"UserID='", "user"},
      {"<name>", "ssid"},
      {"connection '", "ssid"},
      {"Profile: ", "ssid"},
  };
  for (const label& lab : labels) {
    std::size_t pos = 0;
    while ((pos = ifind(s, lab.text, pos)) != std::string_view::npos) {
      const std::size_t b = pos + lab.text.size();
      const char last = lab.text.back();
      std::size_t e = b;
      if (last == '"' || last == '\'') {
        e = s.find(last, b);
        if (e == std::string::npos) e = s.size();
      } else if (last == '>') {
        e = s.find('<', b);
        if (e == std::string::npos) e = s.size();
      } else if (last == '=') {
        while (e < s.size() && s[e] != ' ' && s[e] != '\t' && s[e] != '"') ++e;
      } else {
        e = s.size();
        const std::size_t tabs = s.find_first_of("\t<", b);
        if (tabs != std::string::npos) e = tabs;
      }
      std::string_view value = std::string_view(s).substr(b, e - b);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) value.remove_suffix(1);
      if (value.empty() || value.front() == '[') {
        pos = b;
        continue;
      }
      const std::string t = tag(lab.kind, value);
      s.replace(b, value.size(), t);
      pos = b + t.size();
    }
  }
  return s;
}

namespace detail {
void redact_finding(finding& f) {
  const std::string ssid = f.ssid;
  auto replace_all = [](std::string& s, std::string_view what, const std::string& with) {
    if (what.size() < 2) return;
    std::size_t p = 0;
    while ((p = s.find(what, p)) != std::string::npos) {
      s.replace(p, what.size(), with);
      p += with.size();
    }
  };
  f.excerpt = redact_text(f.excerpt);
  f.text = redact_text(f.text);
  if (!ssid.empty()) {
    const std::string t = tag("ssid", ssid);
    replace_all(f.excerpt, ssid, t);
    replace_all(f.text, ssid, t);
    f.ssid = t;
  }
  if (!f.bssid.empty()) f.bssid = is_mac_at(f.bssid, 0) ? tag("mac", f.bssid) : redact_text(f.bssid);
  if (!f.sta.empty()) f.sta = is_mac_at(f.sta, 0) ? tag("mac", f.sta) : redact_text(f.sta);
}
}  // namespace detail

}  // namespace wlancode::scan
