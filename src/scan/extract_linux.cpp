// Extractors of the line-oriented Linux grammars (wpa_supplicant, hostapd, mac80211 kernel,
// NetworkManager, iwd, with or without syslog/journal prefixes) and of plain text (symbolic names,
// hex codes in a reason context). Each reports only what its grammar says is a code.
#include <array>
#include <cstring>
#include <unordered_map>

#include "internal.hpp"
#include "wlancode/explain.hpp"

namespace wlancode::scan::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_hexc(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool has(std::string_view s, std::string_view n) { return s.find(n) != std::string_view::npos; }

// Decimal digits at `pos` (with an optional leading '-' when `sign`), ending at a non-alnum.
std::string_view number_at(std::string_view s, std::size_t pos, bool sign = false) {
  std::size_t e = pos;
  if (sign && e < s.size() && s[e] == '-') ++e;
  const std::size_t d = e;
  while (e < s.size() && is_digit(s[e]) && e - d < 10) ++e;
  if (e == d) return {};
  if (e < s.size() && (is_alnum(s[e]) || s[e] == '.' || s[e] == '_')) return {};
  return s.substr(pos, e - pos);
}
// "0x..." or decimal.
std::string_view hex_or_dec_at(std::string_view s, std::size_t pos) {
  if (pos + 2 < s.size() && s[pos] == '0' && (s[pos + 1] == 'x' || s[pos + 1] == 'X')) {
    std::size_t e = pos + 2;
    while (e < s.size() && is_hexc(s[e]) && e - pos < 10) ++e;
    if (e == pos + 2 || (e < s.size() && (is_alnum(s[e]) || s[e] == '_'))) return {};
    return s.substr(pos, e - pos);
  }
  return number_at(s, pos);
}
// The value of key=VALUE (VALUE ends at a space).
std::string_view value_of(std::string_view s, std::string_view key) {
  std::size_t k = 0;
  while ((k = s.find(key, k)) != std::string_view::npos) {
    if (k == 0 || !is_alnum(s[k - 1])) {
      const std::size_t b = k + key.size();
      std::size_t e = b;
      while (e < s.size() && s[e] != ' ' && s[e] != '\t') ++e;
      return s.substr(b, e - b);
    }
    k += key.size();
  }
  return {};
}
std::string_view mac_after(std::string_view s, std::size_t from) {
  return from < s.size() ? find_mac(s.substr(from)) : std::string_view{};
}
// The interface: "wlan0: ..." style token ending with ':' or inside "device (wlp2s0)".
std::string_view interface_of(std::string_view s) {
  for (std::size_t i = 0; i + 3 < s.size(); ++i) {
    if (s[i] == 'w' && s[i + 1] == 'l' &&
        (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == ',' || s[i - 1] == '[')) {
      std::size_t e = i + 2;
      while (e < s.size() && (is_alnum(s[e]) || s[e] == '-' || s[e] == '_' || s[e] == '.')) ++e;
      if (e < s.size() && (s[e] == ':' || s[e] == ')' || s[e] == ']') && e - i >= 3 && e - i <= 15 &&
          is_digit(s[e - 1]))
        return s.substr(i, e - i);
    }
  }
  return {};
}

class linux_extractor final : public extractor {
 public:
  explicit linux_extractor(input_format f) : only_(f) {}
  void learned_ssids(std::vector<std::pair<std::uint64_t, std::string>>& out) const override {
    out.assign(ssids_.begin(), ssids_.end());
  }

  bool strict_anchors() const noexcept override { return only_ != input_format::plain; }

  bool anchor(std::string_view window, std::size_t hit) override {
    if (only_ == input_format::plain) return true;
    const unsigned g = grammars_at(window, hit);
    // "SSID='": the SSID and its BSSID are in the window; learnt here, no line parse needed.
    if (g == g_ssid) {
      if (use(input_format::wpa_supplicant)) learn_ssid(window, hit - 4);
      return false;
    }
    return g != 0;
  }

  void on_line(const line& l, std::vector<candidate>& out) override {
    const std::string_view s = l.text;
    const std::size_t before = out.size();
    // Which grammars can apply, from the anchors the line holds (each grammar then parses).
    const unsigned g = only_ == input_format::plain ? ~0u : grammars_of(s, l.anchor);
    if ((g & g_wpa) && use(input_format::wpa_supplicant)) wpa(s, out);
    if (out.size() == before && (g & g_hostapd) && use(input_format::hostapd)) hostapd(s, out);
    if (out.size() == before && (g & g_kernel) && use(input_format::kernel)) kernel(s, out);
    if (out.size() == before && (g & g_nm) && use(input_format::networkmanager)) nm(s, out);
    if (out.size() == before && (g & g_iwd) && use(input_format::iwd)) iwd(s, out);
    if (out.size() == before && (g & g_names) && (only_ == input_format::linux_log || only_ == input_format::plain))
      names(s, out);
    if (out.size() == before && only_ == input_format::plain) plain_hex(s, out);
    if (out.size() == before) return;
    const std::string_view ts = leading_timestamp(s);
    const std::string_view ifc = interface_of(s);
    for (std::size_t i = before; i < out.size(); ++i) {
      candidate& c = out[i];
      c.line = l.number;
      c.truncated = l.truncated;
      c.excerpt = excerpt_of(s);
      if (c.timestamp.empty()) c.timestamp = ts;
      if (c.interface.empty()) c.interface = ifc;
      if (c.ssid.empty() && !c.bssid.empty()) {
        if (const auto it = ssids_.find(mac_key(c.bssid)); it != ssids_.end()) c.ssid = it->second;
      }
    }
  }

 private:
  bool use(input_format g) const { return only_ == g || only_ == input_format::linux_log; }

  static constexpr unsigned g_wpa = 1, g_hostapd = 2, g_kernel = 4, g_nm = 8, g_iwd = 16, g_names = 32, g_ssid = 64;
  // The word around each prefilter hit says which grammar may hold a code on this line, and only
  // when a number follows where that grammar puts one: decoys such as "reason=CONN_FAILED",
  // "(reason 'supplicant-disconnect')" or "SUBNET-STATUS-UPDATE status=0" cost no parse at all.
  // Lines are short: a plain loop over the needles' first letters beats a SIMD call with its tail.
  static unsigned grammars_of(std::string_view s, std::size_t from) {
    unsigned g = 0;
    for (std::size_t i = from; i + 3 <= s.size(); ++i) {
      const char c = static_cast<char>(s[i] | 0x20);
      if (c != 'a' && c != 'd' && c != 'l') continue;
      const char c1 = static_cast<char>(s[i + 1] | 0x20), c2 = static_cast<char>(s[i + 2] | 0x20);
      const bool needle = (c == 'a' && ((c1 == 's' && c2 == 'o') || (c1 == 't' && c2 == 'u'))) ||
                          (c == 'd' && ((c1 == 'e' && c2 == '=') || (c1 == '=' && c2 == '\''))) ||
                          (c == 'l' && c1 == 'm' && c2 == 'e');
      if (needle) g |= grammars_at(s, i);
    }
    return g;
  }

  // The grammars a prefilter hit at s[i] may belong to (0: a decoy).
  static unsigned grammars_at(std::string_view s, std::size_t i) {
    auto at = [&s](std::size_t k) { return k < s.size() ? s[k] : '\0'; };
    auto low = [&at](std::size_t k) { return static_cast<char>(at(k) | 0x20); };
    auto num = [&at](std::size_t k) { return is_digit(at(k)) || (at(k) == '-' && is_digit(at(k + 1))); };
    auto follows = [&s](std::size_t k, std::string_view w) { return k <= s.size() && s.substr(k, w.size()) == w; };
    const char c0 = low(i), c1 = low(i + 1);
    if (c0 == 'a' && c1 == 's') {  // [re]aso[n]
      if (i < 2 || low(i - 1) != 'e' || low(i - 2) != 'r' || low(i + 3) != 'n') return 0;
      if (s[i] == 'A') return i >= 3 && s[i - 3] == '_' ? g_names : 0;  // WLAN_REASON_...: a symbolic name
      const std::size_t k = i + 4;
      if (at(k) == '=' && num(k + 1)) return g_wpa | g_hostapd;  // reason=3
      if (follows(k, "_code=") && num(k + 6)) return g_hostapd;  // reason_code=3
      if (at(k) == ':' && at(k + 1) == ' ' && num(k + 2)) return s[i - 2] == 'R' ? g_kernel : g_iwd;
      if (at(k) == ' ' && num(k + 1)) return g_wpa | g_nm;  // * reason 3 / (reason -3)
      return 0;
    }
    if (c0 == 'a' && c1 == 't') {  // [st]atu[s]
      if (i < 2 || low(i - 1) != 't' || low(i - 2) != 's' || low(i + 3) != 's') return 0;
      if (s[i] == 'A') return i >= 3 && s[i - 3] == '_' ? g_names : 0;  // ..._STATUS_...: a symbolic name
      const std::size_t k = i + 4;
      if (follows(k, "_code=") && num(k + 6)) return g_wpa | g_hostapd;  // status_code=17
      if (at(k) == '=' && num(k + 1)) {  // mac80211 "RX AssocResp from <mac> (capab=0x1411 status=0 aid=2)"
        const std::size_t from = i >= 24 ? i - 24 : 0;
        return s.substr(from, i - from).find("(capab=") != std::string_view::npos ? g_kernel : 0;
      }
      if (at(k) == ' ' && num(k + 1)) return g_kernel;                   // (status 17)
      if (at(k) == ':' && at(k + 1) == ' ' && num(k + 2)) return g_iwd;  // status: 17
      return 0;
    }
    if (c0 == 'd' && at(i + 1) == 'e') return i >= 3 && s.substr(i - 3, 3) == "(co" && num(i + 3) ? g_kernel : 0;
    if (c0 == 'l') return g_hostapd;  // MLME-...indication(
    if (c0 == 'd' && at(i + 1) == '=') return i >= 4 && s.substr(i - 4, 7) == "(SSID='" ? g_ssid : 0;
    return 0;
  }

  static candidate make(input_format f, std::string_view field, family fam, std::string_view token) {
    candidate c;
    c.format = f;
    c.field = field;
    c.kind = candidate::how::number;
    c.fam = fam;
    c.token = token;
    return c;
  }

  // SSIDs by BSSID, learnt from "Trying to associate with <bssid> (SSID='...')". Bounded: the map
  // starts afresh when it holds max_ssids entries, so memory does not grow with the input.
  static constexpr std::size_t max_ssids = 4096;
  void remember_ssid(std::string_view bssid, std::string_view ssid) {
    if (ssids_.size() >= max_ssids) ssids_.clear();
    std::string& slot = ssids_[mac_key(bssid)];
    if (slot != ssid) slot.assign(ssid);
  }

  // "Trying to associate with <bssid> (SSID='<ssid>' freq=...)", q at "(SSID='": remember the SSID.
  void learn_ssid(std::string_view s, std::size_t q) {
    if (q < 24 || s[q - 1] != ' ' || !is_mac_at(s, q - 18) || s.substr(q - 24, 6) != " with ") return;
    const std::size_t e = s.find("' ", q + 7);
    if (e != std::string_view::npos && e - (q + 7) <= 32)
      remember_ssid(s.substr(q - 18, 17), s.substr(q + 7, e - (q + 7)));
  }

  void wpa(std::string_view s, std::vector<candidate>& out) {
    constexpr auto f = input_format::wpa_supplicant;
    if (const std::size_t k = s.find("CTRL-EVENT-DISCONNECTED"); k != std::string_view::npos) {
      const std::string_view r = number_at(value_of(s, "reason="), 0);
      if (r.empty()) return;
      candidate c = make(f, "reason", family::ieee80211_reason, r);
      c.bssid = value_of(s, "bssid=");
      c.locally_generated = value_of(s, "locally_generated=") == "1";
      c.init = c.locally_generated ? initiator::system : initiator::network;
      out.push_back(std::move(c));
      return;
    }
    const bool assoc = has(s, "CTRL-EVENT-ASSOC-REJECT"), auth = has(s, "CTRL-EVENT-AUTH-REJECT");
    if (assoc || auth) {
      const std::string_view r = number_at(value_of(s, "status_code="), 0);
      if (r.empty()) return;
      candidate c = make(f, "status_code", family::ieee80211_status, r);
      c.bssid = assoc ? value_of(s, "bssid=") : find_mac(s.substr(s.find("AUTH-REJECT")));
      if (has(s, " timeout")) c.init = initiator::system;
      out.push_back(std::move(c));
      return;
    }
    // Debug output: " * reason 3 (DEAUTH_LEAVING) locally_generated=1"
    if (const std::size_t k = s.find("* reason "); k != std::string_view::npos) {
      const std::string_view r = number_at(s, k + 9);
      if (r.empty() || s.find(" (", k + 9) != k + 9 + r.size()) return;
      candidate c = make(f, "reason", family::ieee80211_reason, r);
      c.locally_generated = has(s, "locally_generated=1");
      c.init = c.locally_generated ? initiator::system : initiator::network;
      out.push_back(std::move(c));
    }
  }

  void hostapd(std::string_view s, std::vector<candidate>& out) {
    constexpr auto f = input_format::hostapd;
    for (std::string_view ind :
         {std::string_view("MLME-DEAUTHENTICATE.indication("), std::string_view("MLME-DISASSOCIATE.indication(")}) {
      const std::size_t k = s.find(ind);
      if (k == std::string_view::npos) continue;
      const std::size_t b = k + ind.size();
      if (!is_mac_at(s, b) || s.substr(b + 17, 2) != ", ") return;
      const std::string_view r = number_at(s, b + 19);
      if (r.empty() || s.substr(b + 19 + r.size(), 1) != ")") return;
      candidate c = make(f, "reason", family::ieee80211_reason, r);
      c.sta = s.substr(b, 17);
      c.init = initiator::network;
      out.push_back(std::move(c));
      return;
    }
    const bool wifi = has(s, "hostapd") || has(s, "STA") || has(s, "nl80211") || has(s, "deauth") || has(s, "disassoc");
    if (!wifi || has(s, "CTRL-EVENT-")) return;
    for (auto [key, fam] : {std::pair{std::string_view("reason_code="), family::ieee80211_reason},
                            std::pair{std::string_view("reason="), family::ieee80211_reason},
                            std::pair{std::string_view("status_code="), family::ieee80211_status}}) {
      const std::string_view r = number_at(value_of(s, key), 0);
      if (r.empty()) continue;
      candidate c = make(f, key.substr(0, key.size() - 1), fam, r);
      const std::size_t st = s.find("STA=");
      c.sta = st != std::string_view::npos ? mac_after(s, st) : find_mac(s);
      out.push_back(std::move(c));
      return;
    }
  }

  void kernel(std::string_view s, std::vector<candidate>& out) {
    constexpr auto f = input_format::kernel;
    if (const std::size_t k = s.find("(Reason: "); k != std::string_view::npos) {
      std::size_t e = k + 9;
      while (e < s.size() && is_digit(s[e])) ++e;
      if (e == k + 9 || e - (k + 9) > 5 || e >= s.size() || (s[e] != '=' && s[e] != ')')) return;
      candidate c = make(f, "Reason", family::ieee80211_reason, s.substr(k + 9, e - (k + 9)));
      if (s[e] == '=') {
        const std::size_t close = s.find(')', e);
        if (close != std::string_view::npos) c.kernel_name = s.substr(e + 1, close - e - 1);
      }
      c.locally_generated = has(s, "by local choice");
      c.init = c.locally_generated ? initiator::system : initiator::network;
      const std::size_t from = s.find(" from ");
      c.bssid = from != std::string_view::npos && from < k ? mac_after(s, from) : std::string_view{};
      out.push_back(std::move(c));
      return;
    }
    for (auto [key, close] : {std::pair{std::string_view("denied association (code="), ')'},
                              std::pair{std::string_view("denied authentication (status "), ')'}}) {
      const std::size_t k = s.find(key);
      if (k == std::string_view::npos) continue;
      const std::string_view r = number_at(s, k + key.size());
      if (r.empty() || k + key.size() + r.size() >= s.size() || s[k + key.size() + r.size()] != close) return;
      candidate c =
          make(f, key.find("code=") != std::string_view::npos ? "code" : "status", family::ieee80211_status, r);
      c.bssid = find_mac(s.substr(0, k));
      c.init = initiator::network;
      out.push_back(std::move(c));
      return;
    }
    for (std::string_view key : {std::string_view("RX AssocResp from "), std::string_view("RX ReassocResp from ")}) {
      const std::size_t k = s.find(key);
      if (k == std::string_view::npos) continue;
      const std::size_t st = s.find(" status=", k);
      if (st == std::string_view::npos) return;
      const std::string_view r = number_at(s, st + 8);
      if (r.empty()) return;
      candidate c = make(f, "status", family::ieee80211_status, r);
      c.bssid = mac_after(s, k);
      c.init = initiator::network;
      out.push_back(std::move(c));
      return;
    }
  }

  void nm(std::string_view s, std::vector<candidate>& out) {
    // "Connection disconnected (reason -3)": a negative value is a locally generated reason.
    for (std::string_view key :
         {std::string_view("onnection disconnected (reason "), std::string_view("isconnected (reason ")}) {
      const std::size_t k = s.find(key);
      if (k == std::string_view::npos) continue;
      const std::string_view r = number_at(s, k + key.size(), true);
      if (r.empty() || r == "-" || k + key.size() + r.size() >= s.size() || s[k + key.size() + r.size()] != ')') return;
      candidate c = make(input_format::networkmanager, "reason", family::ieee80211_reason, r);
      c.locally_generated = r[0] == '-';
      c.init = c.locally_generated ? initiator::system : initiator::network;
      out.push_back(std::move(c));
      return;
    }
  }

  void iwd(std::string_view s, std::vector<candidate>& out) {
    if (!has(s, "iwd")) return;
    for (auto [key, fam] : {std::pair{std::string_view("reason: "), family::ieee80211_reason},
                            std::pair{std::string_view("status: "), family::ieee80211_status}}) {
      const std::size_t k = s.find(key);
      if (k == std::string_view::npos) continue;
      const std::string_view r = number_at(s, k + key.size());
      if (r.empty()) continue;
      candidate c = make(input_format::iwd, key.substr(0, key.size() - 2), fam, r);
      const std::string_view from_ap = value_of(s, "from_ap: ");
      if (fam == family::ieee80211_reason) {
        c.locally_generated = from_ap.substr(0, 5) == "false";
        c.init = c.locally_generated ? initiator::system : initiator::network;
      }
      c.bssid = find_mac(s);
      out.push_back(std::move(c));
      return;
    }
  }

  // WLAN_REASON_CODE_*, WDI_ASSOC_STATUS_*, WCN_SESSION_STATUS_*, and the 802.11 WLAN_REASON_* /
  // WLAN_STATUS_* names of the Linux headers: only names the tables know.
  void names(std::string_view s, std::vector<candidate>& out) {
    static constexpr std::pair<std::string_view, family> prefixes[] = {
        {"WLAN_REASON_CODE_", family::wlan_reason},
        {"WDI_ASSOC_STATUS_", family::wdi_assoc_status},
        {"WCN_SESSION_STATUS_", family::wcn_session_status},
        {"WLAN_REASON_", family::ieee80211_reason},
        {"WLAN_STATUS_", family::ieee80211_status}};
    std::size_t pos = 0;
    int n = 0;
    while (n < 8) {
      std::size_t best = std::string_view::npos;
      const std::pair<std::string_view, family>* which = nullptr;
      for (const auto& p : prefixes) {
        const std::size_t k = s.find(p.first, pos);
        if (k < best) {
          best = k;
          which = &p;
        }
      }
      if (!which) return;
      if (best > 0 && (is_alnum(s[best - 1]) || s[best - 1] == '_')) {
        pos = best + 1;
        continue;
      }
      std::size_t e = best;
      while (e < s.size() && (is_alnum(s[e]) || s[e] == '_')) ++e;
      const std::string_view name = s.substr(best, e - best);
      // WLAN_REASON_CODE_ names are tried as such first (the WLAN_REASON_ prefix also matches).
      if (const code_info* ci = find(which->second, name); ci && ci->name.size() == name.size()) {
        candidate c;
        c.format = input_format::plain;
        c.field = "name";
        c.kind = candidate::how::name;
        c.fam = which->second;
        c.token = name;
        out.push_back(std::move(c));
        ++n;
      }
      pos = e;
    }
  }

  // "ReasonCode=0x00038004", "reason code: 0x38004", "Reason: 0x48005" in plain text.
  void plain_hex(std::string_view s, std::vector<candidate>& out) {
    static constexpr std::string_view labels[] = {"reason code", "reasoncode", "reason_code", "reason"};
    std::string low(s.substr(0, std::min<std::size_t>(s.size(), 4096)));
    for (char& ch : low)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    for (std::string_view lab : labels) {
      const std::size_t k = low.find(lab);
      if (k == std::string::npos || (k > 0 && is_alnum(low[k - 1]))) continue;
      std::size_t p = k + lab.size();
      while (p < low.size() && (low[p] == ' ' || low[p] == ':' || low[p] == '=' || low[p] == '\t')) ++p;
      if (p == k + lab.size() || p + 2 >= low.size() || low[p] != '0' || low[p + 1] != 'x') continue;
      const std::string_view tok = hex_or_dec_at(s, p);
      if (tok.empty()) continue;
      candidate c;
      c.format = input_format::plain;
      c.field = s.substr(k, lab.size());
      c.kind = candidate::how::number;
      c.fam = family::wlan_reason;
      c.token = tok;
      out.push_back(std::move(c));
      return;
    }
  }

  input_format only_;
  std::unordered_map<std::uint64_t, std::string> ssids_;
};

}  // namespace

std::unique_ptr<extractor> make_linux_extractor(input_format f) { return std::make_unique<linux_extractor>(f); }

}  // namespace wlancode::scan::detail
