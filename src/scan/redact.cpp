// Redaction of findings: MAC addresses, SSIDs/profile names and user names are replaced by tags
// derived from a keyed hash (stable within one run, so summaries still tell them apart).
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "internal.hpp"
#include "text.hpp"

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
  // 48 bits: in a run with millions of distinct values, two of them share a tag with a
  // probability of about n^2 / 2^49 (a million values: 2e-3; ten thousand: 2e-7).
  char buf[32];
  std::snprintf(buf, sizeof buf, "%012llx", static_cast<unsigned long long>(h >> 16));
  std::string out;
  out.reserve(kind.size() + 16);
  out += '[';
  out.append(kind);
  out += ':';
  out.append(buf, 12);
  out += ']';
  return out;
}

// A MAC to mask at s[i]: xx:xx:xx:xx:xx:xx or with '-', not inside a longer hex run (IPv6,
// hex dumps); a label's colon before it ("peer:02:00:...") is not part of the run.
bool mac_to_mask(std::string_view s, std::size_t i) {
  if (i + 17 > s.size()) return false;
  const char sep = s[i + 2];
  if (sep != ':' && sep != '-') return false;
  for (std::size_t k = 0; k < 6; ++k) {
    if (!std::isxdigit(static_cast<unsigned char>(s[i + 3 * k])) ||
        !std::isxdigit(static_cast<unsigned char>(s[i + 3 * k + 1])))
      return false;
    if (k < 5 && s[i + 3 * k + 2] != sep) return false;
  }
  if (i > 0 && std::isxdigit(static_cast<unsigned char>(s[i - 1]))) return false;
  if (i >= 3 && s[i - 1] == sep && std::isxdigit(static_cast<unsigned char>(s[i - 2])) &&
      std::isxdigit(static_cast<unsigned char>(s[i - 3])))
    return false;  // the run goes on before: not a MAC of its own
  if (i + 17 < s.size() && (std::isxdigit(static_cast<unsigned char>(s[i + 17])) || s[i + 17] == sep)) return false;
  return true;
}

// A tag of this file's at s[i]: '[', a kind's letters, ':', 12 hex digits, ']'. A later label
// must not read an earlier one's tag as its value ("[ssid:…]" holds "ssid:").
bool tag_at(std::string_view s, std::size_t i) {
  if (i >= s.size() || s[i] != '[') return false;
  std::size_t k = i + 1;
  while (k < s.size() && s[k] >= 'a' && s[k] <= 'z') ++k;
  if (k == i + 1 || k + 14 > s.size() || s[k] != ':' || s[k + 13] != ']') return false;
  for (std::size_t d = k + 1; d < k + 13; ++d)
    if (!std::isxdigit(static_cast<unsigned char>(s[d]))) return false;
  return true;
}

}  // namespace

std::string redact_text(std::string_view line) {
  // 1. MAC addresses.
  std::string s;
  s.reserve(line.size());
  for (std::size_t i = 0; i < line.size();) {
    if (mac_to_mask(line, i)) {
      s += tag("mac", line.substr(i, 17));
      i += 17;
    } else {
      s += line[i++];
    }
  }
  // 2. Values after labels that name an SSID, a profile or a user: quoted ('...', "...") or up to
  //    the label's end of value.
  enum class until : std::uint8_t { word, element, line };  // unquoted value ends at a blank, '<', or the line's end
  struct label {
    std::string_view text;
    std::string_view kind;
    until end;
  };
  static constexpr label labels[] = {
      {"ssid=", "ssid", until::word},
      {"ssid:", "ssid", until::word},
      {"SSID: ", "ssid", until::line},
      {"SSID ", "ssid", until::word},
      {"Name=\"SSID\">", "ssid", until::element},
      {"Name='SSID'>", "ssid", until::element},
      {"Profile Name: ", "ssid", until::line},
      {"Name=\"ProfileName\">", "ssid", until::element},
      {"Name='ProfileName'>", "ssid", until::element},
      {"<name>", "ssid", until::element},
      {"connection '", "ssid", until::word},
      {"access point ", "ssid", until::word},
      {"Profile: ", "ssid", until::line},
      {"User Name: ", "user", until::line},
      {"Account Name: ", "user", until::line},
      {"User: ", "user", until::line},
      {"Name=\"UserName\">", "user", until::element},
      {"Name='UserName'>", "user", until::element},
      {"Name=\"User\">", "user", until::element},
      {"Name='User'>", "user", until::element},
      {"Name=\"Identity\">", "user", until::element},
      {"Name='Identity'>", "user", until::element},
      {"Name=\"SubjectUserName\">", "user", until::element},
      {"Name=\"TargetUserName\">", "user", until::element},
      {"Identity: ", "user", until::line},
      {"identity=", "user", until::word},
      {"UserID=", "user", until::word},
  };
  for (const label& lab : labels) {
    std::size_t pos = 0;
    while ((pos = detail::ifind(s, lab.text, pos)) != std::string_view::npos) {
      std::size_t b = pos + lab.text.size();
      if (pos > 0 && tag_at(s, pos - 1)) {  // the inside of a tag written by an earlier label
        pos = b;
        continue;
      }
      if (pos > 0 && std::isalnum(static_cast<unsigned char>(s[pos - 1])) &&
          std::isalpha(static_cast<unsigned char>(lab.text[0]))) {
        pos = b;  // inside a longer word ("bssid=" is not "ssid=")
        continue;
      }
      std::size_t e = b;
      if (b < s.size() && (s[b] == '"' || s[b] == '\'')) {
        const char q = s[b++];
        e = s.find(q, b);
        if (e == std::string::npos) e = s.size();
      } else if (lab.text.back() == '\'') {  // the label ends with the opening quote
        e = s.find('\'', b);
        if (e == std::string::npos) e = s.size();
      } else if (lab.end == until::element) {
        e = s.find('<', b);
        if (e == std::string::npos) e = s.size();
      } else if (lab.end == until::word) {
        if (lab.text.back() == ' ') {  // "SSID x", "access point x": only a quoted value is a name
          pos = b;
          continue;
        }
        while (e < s.size() && s[e] != ' ' && s[e] != '\t' && s[e] != ',' && s[e] != ';' && s[e] != '"' && s[e] != '<')
          ++e;
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
