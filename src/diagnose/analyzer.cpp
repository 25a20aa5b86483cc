// The attempt state machine: per device (host, interface), lifecycle events open, advance and
// close connection attempts and sessions; codes attach to what is open, or to what closed on
// their line. Closed attempts go to their group (device + network), where consecutive ones that
// ended the same way collapse into one with a count.
#include <algorithm>
#include <array>
#include <deque>
#include <initializer_list>
#include <map>
#include <span>
#include <unordered_map>

#include "internal.hpp"

namespace wlancode::diagnose {

std::string_view to_string(outcome o) noexcept {
  switch (o) {
    case outcome::succeeded:
      return "succeeded";
    case outcome::failed:
      return "failed";
    default:
      return "unknown";
  }
}

std::string_view to_string(ender e) noexcept {
  switch (e) {
    case ender::device:
      return "device";
    case ender::ap:
      return "ap";
    case ender::auth_server:
      return "auth_server";
    case ender::driver:
      return "driver";
    case ender::user:
      return "user";
    default:
      return "unknown";
  }
}

namespace {

using scan::event_kind;
using scan::event_role;

// How far an attempt got, by its steps: later steps rank higher.
int rank_of(event_kind k) noexcept {
  switch (k) {
    case event_kind::attempt_started:
      return 0;
    case event_kind::authenticating:
      return 1;
    case event_kind::authenticated:
      return 2;
    case event_kind::associating:
      return 3;
    case event_kind::associated:
      return 4;
    case event_kind::key_exchange:
    case event_kind::eap_started:
      return 5;
    case event_kind::eap_success:
      return 6;
    case event_kind::key_exchange_done:
      return 7;
    default:
      return 0;
  }
}

// The phase an attempt that got to `reached` fails in when nothing says more.
phase next_phase(int reached, bool any_step) noexcept {
  if (!any_step) return phase::unknown;
  switch (reached) {
    case 0:
      return phase::discovery;
    case 1:
      return phase::authentication;
    case 2:
    case 3:
      return phase::association;
    case 4:
    case 5:
    case 6:
      return phase::key_exchange;
    default:
      return phase::ip_config;
  }
}

// Where a phase is on the way to a connection (-1: a phase off it: profile, policy, driver...).
int path_rank(phase p) noexcept {
  switch (p) {
    case phase::discovery:
      return 0;
    case phase::authentication:
      return 1;
    case phase::association:
      return 2;
    case phase::key_exchange:
    case phase::eap:
      return 3;
    case phase::ip_config:
      return 4;
    default:
      return -1;
  }
}

// An authentication step after an association step of an attempt that had no authentication
// step before: the driver authenticates by itself (cfg80211 connect(), out-of-tree Realtek's
// "start auth"), after the supplicant's "Trying to associate with" (wpa_supplicant's
// wpa_supplicant_associate() without SME). The attempt is in authentication again: a timeout
// there is not an association failure. `n` counts the steps, the last one the new one.
bool driver_sme_auth(const attempt& a, std::size_t n) noexcept {
  for (std::size_t i = 0; i + 1 < n && i < a.steps.size(); ++i)
    if (rank_of(a.steps[i].kind) == rank_of(event_kind::authenticating) ||
        rank_of(a.steps[i].kind) == rank_of(event_kind::authenticated))
      return false;
  return true;
}

// The phase after the attempt's furthest step (as next_phase, from its steps).
phase progress_of(const attempt& a) noexcept {
  int reached = 0;
  bool any_step = false, eap = false, auth_seen = false;
  for (const step& st : a.steps) {
    const int r = rank_of(st.kind);
    if (r > reached || (r == reached && st.kind == event_kind::eap_started)) eap = st.kind == event_kind::eap_started;
    // The driver's own SME (cfg80211 connect()): the supplicant's "Trying to associate" starts
    // the join, the driver's authentication comes after it (driver_sme_auth).
    if (st.kind == event_kind::authenticating && reached == rank_of(event_kind::associating) && !auth_seen)
      reached = rank_of(event_kind::authenticating);
    auth_seen |= r == rank_of(event_kind::authenticating) || r == rank_of(event_kind::authenticated);
    reached = std::max(reached, r);
    any_step |= info(st.kind).role == event_role::step || info(st.kind).role == event_role::begin;
  }
  // 802.1X started and went no further: the attempt failed in the EAP exchange, not in the
  // 4-way handshake that would have followed its success.
  if (eap && reached == rank_of(event_kind::eap_started)) return phase::eap;
  return next_phase(reached, any_step);
}

// A code's phase says where a failure was, unless the attempt had already got past it: a
// disconnect reason of the association phase after "associated" is a failure in the key
// exchange that came next.
phase later_on_path(phase progress, phase code) noexcept {
  const int rp = path_rank(progress), rc = path_rank(code);
  return rc >= 0 && rp > rc ? progress : code;
}

// An AP's answer to a request the device sent (an 802.11 authentication or association
// rejected): only a try to connect gets one, so it is never a session's end told again, however
// soon after that end it comes (Android's supplicant: a locally generated disconnect, then
// CTRL-EVENT-ASSOC-REJECT four seconds later, the reconnect's).
bool answers_a_request(event_kind k) noexcept {
  return k == event_kind::assoc_rejected || k == event_kind::auth_rejected;
}

// Who ended an attempt, by the event that failed it.
ender ender_of_event(event_kind k) noexcept {
  switch (k) {
    case event_kind::assoc_rejected:
    case event_kind::auth_rejected:
    case event_kind::link_lost:
      return ender::ap;
    case event_kind::eap_failure:
      return ender::auth_server;
    case event_kind::not_found:
    case event_kind::scan_failed:
    case event_kind::auth_timeout:
    case event_kind::assoc_timeout:
    case event_kind::key_rejected:
    case event_kind::key_failed:
    case event_kind::ip_failed:
      return ender::device;
    default:
      return ender::unknown;
  }
}

// An access point's line about one of its stations: hostapd's, and a router's (Broadcom
// wlceventd, MikroTik, Xiaomi wifi_log, UniFi stahtd name the station, not the AP they run on).
bool about_station(const scan::finding& f) noexcept {
  return !f.sta.empty() && (f.format == scan::input_format::hostapd || f.format == scan::input_format::router);
}

// A line without the spaces, tabs and CR a producer or a paste left at its end.
std::string_view without_trailing_blanks(std::string_view s) noexcept {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// hostapd removing a station it had deauthenticated itself (sta_info.c ap_handle_timer():
// "deauthenticated due to local deauth request" once ap_sta_deauthenticate() set STA_REMOVE, e.g.
// after the authenticator gave up on the 4-way handshake; "deauthenticated due to inactivity" its
// own timer): the access point ended that station's attempt. hostapd_logger prints the text last:
// the line ends with it (no search of the line: this runs for every station's failed attempt).
bool ap_removed_station(scan::input_format format, std::string_view excerpt) noexcept {
  if (format != scan::input_format::hostapd) return false;
  excerpt = without_trailing_blanks(excerpt);
  return excerpt.ends_with("deauthenticated due to local deauth request") ||
         excerpt.ends_with("deauthenticated due to inactivity (timer DEAUTH/REMOVE)") ||
         excerpt.ends_with("deauthenticated due to inactivity");
}

// A WLAN_REASON_CODE of the wired (802.3) ranges: auto-configuration and MSM of an Ethernet port.
bool is_wired(std::uint32_t value) noexcept {
  const classification k = classify(family::wlan_reason, value);
  return k.range && k.range->id.starts_with("dot3");
}

// Espressif reasons only a try to connect gives: the 4-way handshake timed out (15), no AP found,
// authentication, association or handshake failed, the connection failed (201-205).
bool esp_connect_failure(std::uint32_t v) noexcept { return v == 15 || (v >= 201 && v <= 205); }

// ESP-IDF's IP_EVENT_STA_GOT_IP, as esp_netif's own handler or Arduino-ESP32 print it (rules.def
// esp_ev_netif_got_ip, esp_ev_sta_got_ip; not the looser "got ip:" of applications).
bool esp_idf_got_ip(const scan::finding& f) noexcept {
  return f.format == scan::input_format::esp && (f.rule == "esp_ev_netif_got_ip" || f.rule == "esp_ev_sta_got_ip");
}

// Espressif's "no AP found" (201): the scan of a try found nothing.
constexpr bool esp_no_ap_found(std::optional<family> fam, bool has_value, std::uint32_t value) noexcept {
  return fam == family::esp_wifi_reason && has_value &&
         value == static_cast<std::uint32_t>(esp_wifi_reason::NO_AP_FOUND);
}

// An attempt that got as far as 802.11 authentication (a step of it or past it), with no Espressif
// "no AP found" (201) of its own.
bool tried_to_join(const attempt& a) noexcept {
  return std::any_of(a.steps.begin(), a.steps.end(),
                     [](const step& st) { return rank_of(st.kind) >= rank_of(event_kind::authenticating); }) &&
         std::none_of(a.codes.begin(), a.codes.end(),
                      [](const code_seen& c) { return esp_no_ap_found(c.fam, c.has_value, c.value); });
}

// A failed attempt that holds no disconnect reason (an 802.11 or Espressif reason): the ESP
// blob's state change that ended it names none ("state: 2 -> 0 (2)": the parenthesised word is
// the blob's, not a code).
bool failed_without_reason(const attempt& a) noexcept {
  return a.result == outcome::failed && std::none_of(a.codes.begin(), a.codes.end(), [](const code_seen& c) {
           return c.fam == family::ieee80211_reason || c.fam == family::esp_wifi_reason;
         });
}

// wpa_supplicant putting an AP on its ignore list ("Added BSSID <bssid> into ignore list, ignoring for
// 10 seconds", rules.def wpa_ev_ignore_list): a connection to it failed.
bool ignore_list_line(scan::input_format format, std::string_view excerpt) noexcept {
  return format == scan::input_format::wpa_supplicant && excerpt.find(" ignore list") != std::string_view::npos;
}

// wpa_supplicant disabling the network after a connection failure (wpas_connection_failed() ->
// wpas_auth_failed(wpa_s, "CONN_FAILED"): "CTRL-EVENT-SSID-TEMP-DISABLED ... reason=CONN_FAILED"):
// the supplicant gave up on the connection. With no code and no other failing line after the
// attempt's own steps (a rejection prints its CTRL-EVENT-ASSOC-REJECT with the AP's status) it is
// its own timer that ran out: an SME authentication or association timeout, printed at debug
// level only.
// (wpas_auth_failed() prints the reason last: the line ends with it, so no search of the line.)
bool conn_failed_line(scan::input_format format, std::string_view excerpt) noexcept {
  if (format != scan::input_format::wpa_supplicant) return false;
  return without_trailing_blanks(excerpt).ends_with("reason=CONN_FAILED");
}

// Codes that say something failed (a success status or an unlisted zero says nothing).
bool is_failure(const scan::finding& f) {
  if (f.kind == scan::value_kind::raw) return true;
  if (!f.has_value) return f.kind == scan::value_kind::text;
  if (f.ph == phase::success) return false;
  return f.value != 0;  // 0 is success / no error in every family
}

code_seen code_of(const scan::finding& f, const instant& when) {
  code_seen c;
  c.fam = f.fam;
  c.space = f.space;
  c.value = f.value;
  c.has_value = f.has_value;
  c.raw = f.raw;
  c.name = f.name;
  c.meaning = f.meaning;
  c.ph = f.ph;
  c.init = f.init;
  c.locally_generated = f.locally_generated;
  if (f.fam && f.has_value)
    c.ref = std::string(to_string(*f.fam)) + ":" + std::to_string(f.value);
  else if (f.kind == scan::value_kind::raw)
    c.ref = "raw:" + f.space + ":" + (f.raw.empty() ? f.text.substr(0, 64) : f.raw);
  else
    c.ref = "text:" + f.text.substr(0, 64);
  if (!f.fam && f.kind == scan::value_kind::raw && !f.text.empty()) c.meaning = f.text;
  if (f.fam && f.has_value && !f.code) {
    const classification k = classify(*f.fam, f.value);
    if (k.inner) {
      c.carried_ref = std::string(to_string(k.inner->fam)) + ":" + std::to_string(k.inner->value);
      c.carried_name = std::string(k.inner->name);
    }
  }
  c.where = {f.source, f.line, when, f.excerpt};
  return c;
}

}  // namespace

struct analyzer::state {
  limits lim;
  enum class mode : std::uint8_t { idle, attempting, connected };
  struct device {
    std::string host, interface, ssid, bssid;
    std::string file;  // the file it is known by when its lines name no host
    mode m = mode::idle;
    attempt cur;
    bool has_cur = false;
    // While the attempt is open, the first cur_steps of cur.steps are its steps; those past them
    // are a closed attempt's, kept for their buffers (add_step writes over them, and
    // close_attempt drops what is left): no allocation per step.
    std::size_t cur_steps = 0;
    int reached = 0;
    bool any_step = false;
    session sess;
    bool has_sess = false;
    // Windows' ConnectionId (finding::connection) of the open attempt, of the session and of the
    // attempt that closed last: the events of one connection are one attempt (and its session),
    // whatever their order or spacing. Empty when the log gives none (text exports).
    std::string conn, sess_conn, last_conn;
    // What closed last, for codes and events printed just after (the same line or the next ones).
    enum class closed : std::uint8_t { none, attempt, session } last = closed::none;
    std::size_t last_group = 0, last_index = 0;
    std::string last_source;
    std::uint64_t last_line = 0;
    instant last_time;
    std::string last_record;    // the exported event an attempt inferred from codes came from
    std::string last_event_id;  // the Windows event id of the last event of a text export without time
    // The producer whose event brought the link up or ended the last roam (a second producer's
    // relay of that roam, NetworkManager's supplicant states, is no roam of its own).
    scan::input_format link_format = scan::input_format::plain;
    bool seen_any = false;  // an attempt or a session of it was opened
    // The rule of the ESP firmware's print that closed the last attempt or session (its disconnect
    // event, or the reason line an attempt was inferred from): see same_print_again.
    std::string last_esp_rule;
    bool has_group = false;  // group_for has answered for this device
    // group_for's last answers for this device, by network (its lines alternate among a few).
    struct known_group {
      std::string ssid;
      std::size_t index = 0;
    };
    std::array<known_group, 4> known_groups;
    std::size_t known_groups_n = 0, known_groups_next = 0;
  };
  // The findings of the line being read: a line's codes belong to its event (read together).
  struct pending {
    const scan::finding* f = nullptr;
    instant when;
    bool used = false;
  };
  // The first line_n are the line's. A finding known to be alone on its line
  // (scan::finding::last_on_line) is read in place; the others are copied into `copies` until the
  // line is complete (slots past line_n are kept: their strings keep their buffers).
  std::vector<pending> line;
  std::deque<scan::finding> copies;
  std::size_t line_n = 0;
  std::span<pending> line_findings() { return {line.data(), line_n}; }
  std::vector<pending*> line_codes;                          // the codes of the line whose events are being read
  std::map<std::string, device> devices;                     // in key order, which finish() closes them in
  std::unordered_map<std::string, device*> device_at;        // devices, hashed: find_device's lookup
  std::map<std::string, std::string> interface_of_place;     // "host or source" -> last interface seen
  std::unordered_map<std::string, std::size_t> group_index;  // "host|interface|ssid" -> index in groups
  std::vector<group> groups;
  std::vector<input_status> inputs;
  std::uint64_t findings = 0, events = 0, devices_capped = 0, groups_capped = 0;

  // Scratch keys of device_for and group_for, kept: no allocation per finding.
  std::string place_buf, key_buf, group_key_buf;
  std::string* place_entry = nullptr;  // interface_of_place's entry for place_buf, when known
  // out = the parts, one after the other: sized once, then copied (a key is built per finding).
  static void assign_joined(std::string& out, std::initializer_list<std::string_view> parts) {
    std::size_t n = 0;
    for (std::string_view p : parts) n += p.size();
    out.resize(n);
    char* at = out.data();
    for (std::string_view p : parts) at = std::copy(p.begin(), p.end(), at);
  }

  // device_for's last answers and what they were asked: a log's lines come from a few devices
  // (a host's interfaces, its supplicant and its connection manager) in turns. All of one source
  // (asked once per finding, not once per entry).
  struct device_memo {
    device* d = nullptr;
    std::string host, interface;
    std::string* place_interface = nullptr;  // interface_of_place's entry, when `interface` is set
  };
  std::array<device_memo, 4> memo;
  std::string memo_source;
  std::size_t memo_next = 0;  // the entry replaced next

  detail::host_memo host_of;  // the host a line names (most lines of a log name the same)

  device* device_for(const scan::finding& f) {
    const std::string_view host = host_of(f.excerpt, f.timestamp);
    // An access point's line about one of its stations is that station's: not memoised.
    const bool station = about_station(f);
    if (!station && f.source != memo_source) {
      for (device_memo& m : memo) m.d = nullptr;
      memo_source.assign(f.source);
    }
    if (!station)
      for (const device_memo& m : memo)
        if (m.d && m.interface == f.interface && m.host == host) {
          // The place's last interface is this one again (find_device's update, here).
          if (m.place_interface && *m.place_interface != m.interface) {
            m.place_interface->assign(m.interface);
            forget_interfaceless();
          }
          return m.d;
        }
    std::string* place_interface = nullptr;
    device* d = find_device(f, host, &place_interface);
    if (d && !station) {  // none: not kept (what the place's interface is may have changed)
      device_memo& m = memo[memo_next];
      memo_next = (memo_next + 1) % memo.size();
      m.d = d;  // of memo_source, which is f.source
      m.host.assign(host);
      m.interface.assign(f.interface);
      m.place_interface = place_interface;
    }
    return d;
  }
  // A place's interface changed: what a finding without one means there changed too.
  void forget_interfaceless() {
    for (device_memo& m : memo)
      if (m.interface.empty()) m.d = nullptr;
  }

  device* find_device(const scan::finding& f, std::string_view host, std::string** place_interface) {
    // The place, and its entry in interface_of_place: kept from the last call while the place is
    // the same (most lines name one host; entries are never erased).
    const std::string_view kind = host.empty() ? "file:" : "host:";
    const std::string_view name = host.empty() ? std::string_view(f.source) : host;
    std::string& place = place_buf;
    if (place.size() != kind.size() + name.size() || !place.starts_with(kind) ||
        std::string_view(place).substr(kind.size()) != name) {
      assign_joined(place, {kind, name});
      place_entry = nullptr;
    }
    if (!place_entry)
      if (auto it = interface_of_place.find(place); it != interface_of_place.end()) place_entry = &it->second;
    std::string_view ifc = f.interface;  // a view of the finding or of a node of the map (stable)
    if (ifc.empty()) {
      if (place_entry) ifc = *place_entry;
    } else if (place_entry) {
      if (*place_entry != ifc) {
        place_entry->assign(ifc);
        forget_interfaceless();
      }
      *place_interface = place_entry;
    } else if (interface_of_place.size() < lim.max_groups) {
      place_entry = *place_interface = &interface_of_place.emplace(place, ifc).first->second;
      forget_interfaceless();
      // The place's lines so far named no interface (iwd, shill before the kernel's "wlan0:"):
      // that device, if it has no history yet, is this interface's.
      if (auto un = devices.find(place + "|");
          un != devices.end() && !un->second.has_group && !device_at.count(place + "|" + std::string(ifc))) {
        device_at.erase(un->first);
        auto node = devices.extract(un);
        node.key() = place + "|" + std::string(ifc);
        node.mapped().interface = ifc;
        device_at.emplace(node.key(), &node.mapped());  // the node, hence the device, stays where it is
        devices.insert(std::move(node));
      }
    }
    // An access point's line about one of its stations: the station is the device.
    const bool station = about_station(f);
    std::string& key = key_buf;
    assign_joined(key, {place, "|", ifc, station ? " sta " : "", station ? std::string_view(f.sta) : ""});
    if (auto at = device_at.find(key); at != device_at.end()) return at->second;
    if (devices.size() >= lim.max_groups) {
      ++devices_capped;
      return nullptr;
    }
    device& d = devices.emplace(key, device{}).first->second;
    device_at.emplace(key, &d);
    d.host = host;
    if (host.empty()) d.file = f.source;
    d.interface = ifc;
    if (station) (d.interface += ifc.empty() ? "sta " : " sta ") += f.sta;
    return &d;
  }

  group* group_for(device& d, const std::string& ssid, std::size_t* index) {
    // A device's lines name a few networks in turns: the groups it was given last are asked first.
    for (std::size_t i = 0; i < d.known_groups_n; ++i)
      if (d.known_groups[i].ssid == ssid) {
        *index = d.known_groups[i].index;
        return &groups[*index];
      }
    std::string& key = group_key_buf;
    assign_joined(key, {d.host, "|", d.file, "|", d.interface, "|", ssid});
    auto it = group_index.find(key);
    if (it == group_index.end()) {
      if (groups.size() >= lim.max_groups) {
        ++groups_capped;
        return nullptr;
      }
      it = group_index.emplace(key, groups.size()).first;
      group g;
      g.host = d.host;
      g.file = d.file;
      g.interface = d.interface;
      g.ssid = ssid;
      groups.push_back(std::move(g));
    }
    *index = it->second;
    d.has_group = true;
    device::known_group& k = d.known_groups[d.known_groups_next];
    d.known_groups_next = (d.known_groups_next + 1) % d.known_groups.size();
    d.known_groups_n =
        std::max(d.known_groups_n, d.known_groups_next == 0 ? d.known_groups.size() : d.known_groups_next);
    k.ssid = ssid;
    k.index = it->second;
    return &groups[it->second];
  }

  static void add_bssid(std::vector<std::string>& v, const std::string& b, std::size_t cap) {
    if (b.empty() || v.size() >= cap || std::find(v.begin(), v.end(), b) != v.end()) return;
    v.push_back(b);
  }

  static void widen(group& g, const instant& t) {
    if (t.clk == instant::clock::none) return;
    // utc wins over relative: a group with wall-clock times is drawn on them.
    if (g.first.clk == instant::clock::none ||
        (g.first.clk == instant::clock::relative && t.clk == instant::clock::utc)) {
      g.first = g.last = t;
      return;
    }
    if (t.clk != g.first.clk) return;
    if (t.ns < g.first.ns) g.first = t;
    if (t.ns > g.last.ns) g.last = t;
  }

  void note_context(device& d, const scan::finding& f) {
    if (!f.ssid.empty() && f.ssid != d.ssid) {
      d.bssid.clear();  // another network: the last one's AP is not its
      d.ssid = f.ssid;
    }
    if (!f.bssid.empty() && f.sta.empty() && f.bssid != d.bssid) d.bssid = f.bssid;
  }

  // A new attempt in the place of the device's last one, which is closed (its group kept it or
  // dropped it): the buffers of its lists are kept, and its steps stay as spares (see
  // device::cur_steps).
  static void renew(attempt& a) {
    std::vector<step> steps = std::move(a.steps);
    std::vector<code_seen> codes = std::move(a.codes);
    std::vector<std::string> bssids = std::move(a.bssids);
    codes.clear();
    bssids.clear();
    a = attempt{};
    a.steps = std::move(steps);
    a.codes = std::move(codes);
    a.bssids = std::move(bssids);
  }

  void open_attempt(device& d, const instant& when, bool roam) {
    d.seen_any = true;
    d.conn.clear();  // the caller's event gives it (on_event)
    renew(d.cur);
    d.cur_steps = 0;
    if (d.cur.steps.capacity() == 0) d.cur.steps.reserve(4);  // a few steps: one allocation, not one per step
    d.cur.start = d.cur.last_start = d.cur.end = when;
    d.cur.roam = roam;
    d.has_cur = true;
    d.reached = 0;
    d.any_step = false;
    d.m = mode::attempting;
  }

  void add_step(device& d, const scan::finding& f, const instant& when) {
    if (d.cur_steps < lim.max_steps) {
      step& st = d.cur_steps < d.cur.steps.size() ? d.cur.steps[d.cur_steps] : d.cur.steps.emplace_back();
      ++d.cur_steps;
      st.kind = f.event;
      st.where.source.assign(f.source);
      st.where.line = f.line;
      st.where.time = when;
      st.where.excerpt.assign(f.excerpt);
      st.format = f.format;
    }
    if (when.clk != instant::clock::none) d.cur.end = when;
    if (rank_of(f.event) > d.reached) d.reached = rank_of(f.event);
    if (f.event == event_kind::authenticating && d.reached == rank_of(event_kind::associating) &&
        driver_sme_auth(d.cur, d.cur_steps))
      d.reached = rank_of(event_kind::authenticating);
    if (info(f.event).role == event_role::step || info(f.event).role == event_role::begin) d.any_step = true;
  }

  void add_code(attempt& a, code_seen c) {
    for (const code_seen& k : a.codes)
      if (k.ref == c.ref) return;  // the same code twice (a field and its rendered text)
    if (a.codes.size() < lim.max_codes) a.codes.push_back(std::move(c));
  }

  // Where the line that ended an attempt is: all that close_attempt and settle read of it, a view
  // of its finding or evidence (an evidence made for them would copy the line).
  struct line_at {
    std::string_view source;
    std::uint64_t line = 0;
    instant time;
  };
  static line_at at(const evidence& e) { return {e.source, e.line, e.time}; }

  detail::cause_matcher match_causes;  // detail::match_attempt, with the last codes' rows remembered

  // Marks the decisive code and derives phase, who ended it, cause and (when `words`) summary.
  void settle(attempt& a, const std::optional<event_kind>& failing, const line_at* fail_where, bool words = true) {
    code_seen* decisive = nullptr;
    for (code_seen& c : a.codes) c.decisive = false;
    // The code on the failing line, else the last one before it (a decoded one first).
    // A success code (an association response's "status=0" before DHCP failed) decides no failure.
    const auto can_decide = [](const code_seen& c) { return c.ph != phase::success; };
    const auto before_fail = [&](const code_seen& c) {
      return can_decide(c) && (!fail_where || c.where.source != fail_where->source || c.where.line <= fail_where->line);
    };
    if (fail_where) {
      // The failing event's own codes: those on its line, or for a Windows record laid out over
      // several lines (indented XML, a text export) its fields after its id line, of its time.
      const bool record = windows_record(a, *fail_where);
      const auto own = [&](const code_seen& c) {
        if (c.where.source != fail_where->source) return false;
        if (c.where.line == fail_where->line) return true;
        return record && c.where.line > fail_where->line && c.where.line - fail_where->line <= 64 &&
               fail_where->time.clk != instant::clock::none && c.where.time.clk == fail_where->time.clk &&
               c.where.time.ns == fail_where->time.ns;
      };
      for (code_seen& c : a.codes)
        if (own(c) && can_decide(c) && (!decisive || own_rank(c) >= own_rank(*decisive))) decisive = &c;
    }
    for (auto it = a.codes.rbegin(); it != a.codes.rend() && !decisive; ++it)
      if (it->fam && before_fail(*it)) decisive = &*it;
    for (auto it = a.codes.rbegin(); it != a.codes.rend() && !decisive; ++it)
      if (before_fail(*it)) decisive = &*it;
    // A code after the failing line decides only when none came before, and not after an IP
    // configuration failure: the disconnect that follows it (NetworkManager giving up on DHCP,
    // then the supplicant's reason=3 locally_generated=1) is the device leaving, its consequence.
    if (!decisive && !a.codes.empty() && can_decide(a.codes.back()) && failing != event_kind::ip_failed)
      decisive = &a.codes.back();
    // A join that worked was decided by no code ("status=0" of the association response is only
    // its report of success).
    if (a.result == outcome::succeeded) decisive = nullptr;
    if (decisive) decisive->decisive = true;
    if (a.result == outcome::failed) {
      if (failing && info(*failing).ph != phase::unknown && info(*failing).ph != phase::success)
        a.failed_at = later_on_path(progress_of(a), info(*failing).ph);  // a timer over several steps
      else if (decisive && decisive->ph != phase::unknown && decisive->ph != phase::success)
        a.failed_at = later_on_path(progress_of(a), decisive->ph);
      // ESP-IDF's association timer (station scenarios, s3.2): ASSOC_EXPIRE while the attempt waits
      // for its association response failed the association (802.11's reason 4, a link idle too
      // long, is of a link that was up).
      if (decisive && detail::esp_assoc_expire(*decisive) && progress_of(a) == phase::association)
        a.failed_at = phase::association;
      // The authentication server's verdict, and giving up on finding the network, say more than
      // who sent the frame that carried them.
      ender by = failing ? ender_of_event(*failing) : ender::unknown;
      if (by != ender::auth_server && a.failed_at != phase::discovery) {
        ender coded = decisive ? detail::ender_of(*decisive) : ender::unknown;
        if (coded == ender::unknown && decisive) coded = detail::ender_of_text(decisive->meaning);
        // An AP that never answered sent no status: the one a timed-out rejection carries
        // (wpa_supplicant's "ASSOC-REJECT ... status_code=16 timeout") is the driver's own.
        const bool unanswered = failing &&
                                (*failing == event_kind::auth_timeout || *failing == event_kind::assoc_timeout) &&
                                decisive && decisive->fam == family::ieee80211_status;
        // ESP firmware reports its own timers with 802.11 reason numbers (4-way handshake timeout
        // 15, auth expire 2): an ESP reason that came with the device's own timeout event is
        // the device's (ESPHome's '4-Way Handshake Timeout').
        const bool esp_timer = failing &&
                               (*failing == event_kind::key_failed || *failing == event_kind::auth_timeout ||
                                *failing == event_kind::assoc_timeout) &&
                               decisive && decisive->fam == family::esp_wifi_reason;
        // A rejection that names no AP ("CTRL-EVENT-ASSOC-REJECT bssid=00:00:00:00:00:00
        // status_code=16") came in no AP's frame: a driver that joins on its own (brcmfmac, wl)
        // reports each connect that did not complete with WLAN_STATUS_AUTH_TIMEOUT and no address
        // (after its own "Report connect result - connection failed" when its debug log is on).
        const bool no_ap = failing &&
                           (*failing == event_kind::assoc_rejected || *failing == event_kind::attempt_failed) &&
                           decisive && decisive->fam == family::ieee80211_status &&
                           decisive->where.excerpt.find("bssid=00:00:00:00:00:00") != std::string::npos;
        if (no_ap || (decisive && detail::esp_gave_up(*decisive, a.failed_at)))
          by = ender::device;
        else if (coded != ender::unknown && !unanswered && !esp_timer)
          by = coded;
      }
      // The supplicant gave up on an AP with no other line to say why (an authentication that timed
      // out at info level): this device ended it. Its disabling of the network says so only after
      // the attempt's own steps (alone, it tells of a failure the log does not show).
      if (by == ender::unknown && !decisive && failing == event_kind::attempt_failed && !a.steps.empty() &&
          a.steps.back().kind == event_kind::attempt_failed &&
          (ignore_list_line(a.steps.back().format, a.steps.back().where.excerpt) ||
           (a.steps.size() >= 2 && conn_failed_line(a.steps.back().format, a.steps.back().where.excerpt))))
        by = ender::device;
      if (a.failed_at == phase::discovery) by = ender::device;
      if (by == ender::unknown && !decisive && failing == event_kind::disconnected && !a.steps.empty() &&
          ap_removed_station(a.steps.back().format, a.steps.back().where.excerpt))
        by = ender::ap;
      a.ended_by = by;
    }
    const detail::cause_match m = match_causes(a);
    a.cause = m.cause;
    a.cause_confidence = m.confidence;
    if (words) a.summary = summarize(a, failing);
  }

  // Of one event's codes, which decides: the peer's own 802.11 status or reason (an 11002's
  // Dot11StatusCode 17 over its WLAN reason), then a decoded code (a 12013's ONEX reason over
  // its EAP and Win32 errors), then a raw one; the last of equals.
  static int own_rank(const code_seen& c) {
    if (c.fam == family::ieee80211_status || c.fam == family::ieee80211_reason) return 2;
    return c.fam ? 1 : 0;
  }
  // Whether the failing event is a Windows event record (its fields follow it on the next lines).
  static bool windows_record(const attempt& a, const line_at& where) {
    for (const step& st : a.steps)
      if (st.where.source == where.source && st.where.line == where.line)
        return st.format == scan::input_format::event_xml || st.format == scan::input_format::event_text ||
               st.format == scan::input_format::evtx;
    return false;
  }

  // At most n bytes of a meaning, cut between words ("... has already left, the" reads as an error).
  static std::string clipped(const std::string& text, std::size_t n) {
    if (text.size() <= n) return text;
    std::size_t cut = text.rfind(' ', n - 3);
    if (cut == std::string::npos || cut < n / 2) cut = n - 3;
    while (cut > 0 && (text[cut - 1] == ',' || text[cut - 1] == ' ' || text[cut - 1] == ';')) --cut;
    return text.substr(0, cut) + "...";
  }
  static std::string code_words(const code_seen& c) {
    std::string s;
    if (c.fam == family::ieee80211_status)
      s = "802.11 status " + std::to_string(c.value);
    else if (c.fam == family::ieee80211_reason)
      s = "802.11 reason " + std::to_string(c.value);
    else if (c.fam)
      s = !c.name.empty() ? c.name : !c.meaning.empty() ? clipped(c.meaning, 120) : c.ref;
    else
      s = c.space + " " + c.raw;
    if (!c.meaning.empty() && (c.fam == family::ieee80211_status || c.fam == family::ieee80211_reason || !c.fam) &&
        s.size() < 160)
      s += " (" + clipped(c.meaning, 80) + ")";
    return s;
  }

  static std::string summarize(const attempt& a, const std::optional<event_kind>& failing) {
    if (a.result == outcome::succeeded) return a.roam ? "roamed" : "connected";
    if (a.result == outcome::unknown) return "outcome unknown (the log ends or moves on before a result)";
    std::string s = failing ? std::string(info(*failing).description) : "failed";
    if (!failing || info(*failing).ph == phase::unknown)
      s = a.failed_at == phase::unknown ? "failed (at a step the log does not show)"
                                        : "failed in " + std::string(describe(a.failed_at));
    for (const code_seen& c : a.codes)
      if (c.decisive) s += ": " + code_words(c);
    if (a.ended_by != ender::unknown) s += ", ended by " + std::string(ender_words(a.ended_by));
    return s;
  }

  static std::string_view ender_words(ender e) {
    switch (e) {
      case ender::device:
        return "this device";
      case ender::ap:
        return "the AP";
      case ender::auth_server:
        return "the authentication server";
      case ender::driver:
        return "the driver";
      case ender::user:
        return "the user";
      default:
        return "unknown";
    }
  }

  static bool same_run(const attempt& a, const attempt& b) {
    if (a.result != b.result || a.result == outcome::succeeded || a.failed_at != b.failed_at ||
        a.ended_by != b.ended_by || a.cause != b.cause || a.roam != b.roam)
      return false;
    std::string_view da, db;
    for (const code_seen& c : a.codes)
      if (c.decisive) da = c.ref;
    for (const code_seen& c : b.codes)
      if (c.decisive) db = c.ref;
    return da == db;
  }

  // A repeat joins its run: counted, its BSSIDs added; the run shows the latest one's lines.
  void absorb(attempt& run, attempt&& a) {
    run.count += a.count;
    run.end = a.end;
    run.last_start = a.last_start;
    run.bssid = a.bssid;
    for (const std::string& b : a.bssids) add_bssid(run.bssids, b, lim.max_bssids);
    run.steps.swap(a.steps);  // the run's last steps go to `a`: spares, when `a` is a device's (renew)
    run.codes = std::move(a.codes);
    run.summary = std::move(a.summary);
  }

  // A failed attempt past the cap: counted with those of its kind (a bounded set: causes x
  // phases x enders).
  static void tally(group& g, const attempt& a) {
    for (failure_tally& t : g.capped_failures)
      if (t.cause == a.cause && t.failed_at == a.failed_at && t.ended_by == a.ended_by) {
        t.count += a.count;
        t.cause_confidence = std::max(t.cause_confidence, a.cause_confidence);
        return;
      }
    g.capped_failures.push_back({a.cause, a.cause_confidence, a.failed_at, a.ended_by, a.count});
  }

  void close_attempt(device& d, outcome o, std::optional<event_kind> failing, const line_at* where) {
    if (!d.has_cur) return;
    attempt& a = d.cur;  // closed in place: what its group does not keep serves the next one (renew)
    d.has_cur = false;
    d.last_esp_rule.clear();  // whoever closed it says so after (note_esp_print)
    d.last_conn = d.conn;
    a.steps.resize(d.cur_steps);  // its own steps only, from here on
    a.result = o;
    if (o == outcome::failed) {
      a.failed_at = next_phase(d.reached, d.any_step);
      // 802.1X started and went no further (hostapd's EAP-STARTED, then the station deauthenticated):
      // a failure in the EAP exchange, not in the 4-way handshake after it.
      if (a.failed_at == phase::key_exchange && d.reached == rank_of(event_kind::eap_started) &&
          progress_of(a) == phase::eap)
        a.failed_at = phase::eap;
    }
    if (a.bssid.empty()) a.bssid = d.bssid;
    settle(a, failing, where, false);  // its words only if it is listed (most are not, past the cap)
    std::size_t gi = 0;
    group* g = group_for(d, d.ssid, &gi);
    d.m = o == outcome::succeeded ? mode::connected : (d.has_sess ? mode::connected : mode::idle);
    if (!g) return;
    ++g->attempts_total;
    (o == outcome::succeeded ? g->succeeded : o == outcome::failed ? g->failed : g->unknown) += 1;
    add_bssid(g->bssids, a.bssid, lim.max_bssids);
    widen(*g, a.start);
    widen(*g, a.end);
    // Its words and its list of BSSIDs (its own, so far) only if it is listed.
    if (!g->attempts.empty() && g->attempts_capped == 0 && same_run(g->attempts.back(), a)) {
      a.summary = summarize(a, failing);
      add_bssid(a.bssids, a.bssid, lim.max_bssids);
      absorb(g->attempts.back(), std::move(a));
    } else if (g->attempts.size() < lim.max_attempts_per_group) {
      a.summary = summarize(a, failing);
      add_bssid(a.bssids, a.bssid, lim.max_bssids);
      g->attempts.push_back(std::move(a));
    } else {
      ++g->attempts_capped;
      if (o == outcome::failed) tally(*g, a);
      d.last = device::closed::none;
      return;
    }
    d.last = device::closed::attempt;
    d.last_group = gi;
    d.last_index = g->attempts.size() - 1;
    if (where) {
      d.last_source = where->source;
      d.last_line = where->line;
      d.last_time = where->time;
    }
  }

  void open_session(device& d, const scan::finding& f, const instant& when) {
    d.sess = session{};
    d.sess.start = d.sess.end = when;
    d.sess.bssid = d.bssid;
    d.sess.start_where = {f.source, f.line, when, f.excerpt};
    d.sess_conn = d.conn;
    d.has_sess = true;
    d.seen_any = true;
    d.m = mode::connected;
  }

  // A session up before the log began, whose first word in the log is its end at `when`.
  void open_session_before_log(device& d, const scan::finding& f, const instant& when) {
    d.sess = session{};
    d.sess.end = when;
    d.sess.bssid = d.bssid;
    d.sess.before_log = true;
    d.sess_conn = f.connection;
    d.has_sess = true;
    d.seen_any = true;
  }

  void close_session(device& d, const scan::finding* f, const instant& when, std::optional<event_kind> end_event,
                     std::optional<code_seen> code) {
    if (!d.has_sess) return;
    d.last_esp_rule.clear();
    session s = std::move(d.sess);
    d.has_sess = false;
    d.m = d.has_cur ? mode::attempting : mode::idle;
    s.open = f == nullptr;
    if (when.clk != instant::clock::none) s.end = when;
    if (f) s.end_where = {f->source, f->line, when, f->excerpt};
    if (code) s.end_code = std::move(code);
    finish_session(s, end_event);
    std::size_t gi = 0;
    group* g = group_for(d, d.ssid, &gi);
    if (!g) return;
    widen(*g, s.start);
    widen(*g, s.end);
    if (g->sessions.size() >= lim.max_sessions_per_group) {
      ++g->sessions_capped;
      return;
    }
    g->sessions.push_back(std::move(s));
    if (f) {
      d.last = device::closed::session;
      d.last_group = gi;
      d.last_index = g->sessions.size() - 1;
      d.last_source = f->source;
      d.last_line = f->line;
      d.last_time = when;
    }
  }

  static void finish_session(session& s, std::optional<event_kind> end_event) {
    if (s.open) return;
    ender by = ender::unknown;
    if (s.end_code) {
      by = detail::ender_of(*s.end_code);
      if (by == ender::unknown) by = detail::ender_of_text(s.end_code->meaning);
    }
    if (by == ender::unknown && end_event == event_kind::link_lost) by = ender::ap;
    s.ended_by = by;
    const detail::cause_match m = detail::match_session_end(s, end_event);
    s.cause = m.cause;
    s.cause_confidence = m.confidence;
  }

  // A Windows event record (event XML, text exports, EVTX, a wlanreport's events).
  static bool windows_event(scan::input_format f) {
    return f == scan::input_format::event_xml || f == scan::input_format::event_text || f == scan::input_format::evtx ||
           f == scan::input_format::wlanreport;
  }
  // Two ConnectionIds (Windows) both known and different / the same.
  static bool other_connection(std::string_view a, std::string_view b) { return !a.empty() && !b.empty() && a != b; }
  static bool same_connection(std::string_view a, std::string_view b) { return !a.empty() && a == b; }

  // Whether a finding of the source that closed last comes at most `seconds` after it (on one clock).
  // (The difference in unsigned arithmetic: no overflow between far-apart instants.)
  static bool follows_last_within(const device& d, const scan::finding& f, const instant& when, std::uint64_t seconds) {
    return d.last != device::closed::none && d.last_source == f.source && when.clk != instant::clock::none &&
           when.clk == d.last_time.clk && when.ns >= d.last_time.ns &&
           static_cast<std::uint64_t>(when.ns) - static_cast<std::uint64_t>(d.last_time.ns) <= seconds * 1'000'000'000;
  }

  // NetworkManager failing its activation (its timer: "association took too long", then "->
  // failed") within a minute of the supplicant's failure, nothing begun since: the same attempt,
  // told by the layer above (NetworkManager waits up to its timeout before it gives up).
  bool nm_gives_up(const device& d, const scan::finding& f, const instant& when) const {
    if (f.format != scan::input_format::networkmanager || d.last != device::closed::attempt ||
        !follows_last_within(d, f, when, 60))
      return false;
    const attempt& a = groups[d.last_group].attempts[d.last_index];
    for (auto st = a.steps.rbegin(); st != a.steps.rend(); ++st)
      if (info(st->kind).role == event_role::fail) return st->format != scan::input_format::networkmanager;
    return false;
  }

  // hostapd's "did not acknowledge authentication response" (or "... association response") within
  // 1 s (2 lines) of the failure of the station's attempt, nothing begun since: the TX status of
  // the response that refused it (handle_auth_cb() / handle_assoc_cb() run for the status-17
  // response of "Could not add STA to kernel driver" too), that attempt told again, no new one.
  bool noack_of_refusal(const device& d, const scan::finding& f, const instant& when) const {
    if (f.format != scan::input_format::hostapd || d.has_cur || d.last != device::closed::attempt ||
        !follows_last(d, f, when, 2, 1))
      return false;
    if (groups[d.last_group].attempts[d.last_index].result != outcome::failed) return false;
    return f.rule == "hostapd_ev_auth_noack" || f.rule == "hostapd_ev_assoc_noack";  // rules.def's rows
  }

  // Whether a finding follows what closed last closely enough to belong to it: within `seconds`
  // on one clock, else within `lines`.
  bool follows_last(const device& d, const scan::finding& f, const instant& when, std::uint64_t lines,
                    std::uint64_t seconds = 5) const {
    if (d.last == device::closed::none || d.last_source != f.source) return false;
    if (f.line == d.last_line) return true;
    if (when.clk != instant::clock::none && when.clk == d.last_time.clk)
      return follows_last_within(d, f, when, seconds);
    return f.line > d.last_line && f.line - d.last_line <= lines;
  }

  // hostapd's "IEEE 802.11: authenticated" of a station whose attempt got no further than an
  // earlier "authenticated" of it, 2 s or more before: the AP accepted another Authentication
  // frame instead of an Association Request (handle_auth_cb() logs the line once per acknowledged
  // successful authentication response, in every hostapd version published), so the
  // station began its join again and the try before got no result. Within 2 s, or on lines
  // without time, the same try: a response sent again, a remote syslog that holds each line twice.
  bool authenticated_again(const device& d, const scan::finding& f, const instant& when) const {
    if (f.event != event_kind::authenticated || !about_station(f) || !d.has_cur || d.cur.roam ||
        d.reached != rank_of(event_kind::authenticated) || when.clk == instant::clock::none)
      return false;
    for (std::size_t i = d.cur_steps; i-- > 0;) {
      const step& st = d.cur.steps[i];
      if (st.kind != event_kind::authenticated || st.format != f.format) continue;
      return st.where.source == f.source && st.where.time.clk == when.clk &&
             when.ns - st.where.time.ns >= 2'000'000'000;
    }
    return false;
  }

  // Another producer's authentication or association step told late (no time on the lines, or
  // within 2 s, 5 lines): the kernel's "authenticated ... associated" printed before the
  // supplicant's "Trying to associate" of the same attempt, not an attempt begun again.
  bool late_relay(const device& d, const scan::finding& f, const instant& when) const {
    for (std::size_t i = d.cur_steps; i-- > 0;) {
      const step& st = d.cur.steps[i];
      if (rank_of(st.kind) < 4) continue;
      if (st.format == f.format || st.where.source != f.source || f.line < st.where.line) return false;
      if (!f.bssid.empty() && !d.cur.bssid.empty() && f.bssid != d.cur.bssid) return false;
      if (when.clk != instant::clock::none && when.clk == st.where.time.clk)
        return when.ns - st.where.time.ns <= 2'000'000'000;
      return f.line - st.where.line <= 5;
    }
    return false;
  }

  // An attempt that got as far as association and then went quiet for a while succeeded: the
  // log shows no "connected" line (a kernel log without the supplicant's, a NetworkManager log
  // without its device state lines).
  void implicit_success(device& d, const scan::finding& f, const instant& when) {
    if (!d.has_cur || d.reached < rank_of(event_kind::associated) || d.cur.roam) return;
    const instant last = d.cur.end;
    bool quiet = false;
    if (when.clk != instant::clock::none && when.clk == last.clk) quiet = when.ns - last.ns > 30'000'000'000;
    if (!quiet) return;
    succeed_silently(
        d, d.cur_steps == 0 ? evidence{f.source, f.line, when, f.excerpt} : d.cur.steps[d.cur_steps - 1].where);
  }

  // The current attempt succeeded with no line that says so (its last step at `where`): closed,
  // and its session opened at its last step's time.
  void succeed_silently(device& d, const evidence where) {  // a copy: closing the attempt moves its steps
    const instant last = d.cur.end;
    const line_at here = at(where);
    close_attempt(d, outcome::succeeded, std::nullopt, &here);
    d.sess = session{};
    d.sess.start = d.sess.end = last;
    d.sess.bssid = d.bssid;
    d.sess.start_where = where;
    d.sess_conn = d.conn;
    d.has_sess = true;
    d.seen_any = true;
    d.m = mode::connected;
  }

  // The event that failed an attempt: its first failure, else its last end.
  static std::optional<event_kind> first_failure(const attempt& a) {
    for (const step& st : a.steps)
      if (info(st.kind).role == event_role::fail || info(st.kind).role == event_role::ip_fail) return st.kind;
    for (auto it = a.steps.rbegin(); it != a.steps.rend(); ++it)
      if (info(it->kind).role == event_role::end || info(it->kind).role == event_role::lost) return it->kind;
    return std::nullopt;
  }

  // After a closed attempt learnt more (a code on the next line), it may now be a repeat of the
  // one before it.
  void merge_last(device& d) {
    if (d.last != device::closed::attempt) return;
    std::vector<attempt>& v = groups[d.last_group].attempts;
    if (d.last_index + 1 != v.size() || v.size() < 2 || !same_run(v[v.size() - 2], v.back())) return;
    attempt a = std::move(v.back());
    v.pop_back();
    absorb(v.back(), std::move(a));
    d.last_index = v.size() - 1;
  }

  // A closed, failed attempt that learnt a code: its decisive code and cause again, from the
  // event that failed it; it may now repeat the attempt before it.
  void resettle(device& d, attempt& a) {
    const std::optional<event_kind> failing = first_failure(a);
    std::optional<line_at> w;
    for (const step& st : a.steps)
      if (failing && st.kind == *failing && !w) w = at(st.where);
    settle(a, failing, w ? &*w : nullptr);
    merge_last(d);
  }

  // The line's codes go to the attempt its event is about to close.
  void take_line_codes(attempt& a) {
    for (pending* p : line_codes)
      if (!p->used && p->f->kind != scan::value_kind::event && !(p->f->sta.size() && p->f->bssid.empty())) {
        p->used = true;
        add_code(a, code_of(*p->f, p->when));
      }
  }
  bool line_has_failure_code() const {
    for (const pending* p : line_codes)
      if (!p->used && is_failure(*p->f)) return true;
    return false;
  }
  bool line_has_failure_code(phase ph) const {
    for (const pending* p : line_codes)
      if (!p->used && is_failure(*p->f) && p->f->ph == ph) return true;
    return false;
  }
  std::optional<code_seen> take_line_failure_code() {
    for (pending* p : line_codes)
      if (!p->used && is_failure(*p->f)) {
        p->used = true;
        return code_of(*p->f, p->when);
      }
    return std::nullopt;
  }
  // The line's Espressif reason (an ESP firmware's disconnect event), if it says something failed.
  const scan::finding* line_esp_failure() const {
    for (const pending* p : line_codes)
      if (!p->used && p->f->fam == family::esp_wifi_reason && p->f->has_value && is_failure(*p->f)) return p->f;
    return nullptr;
  }
  // An ESP disconnect event after a failed attempt that carries a reason the attempt did not
  // have: Espressif's firmware posts one disconnect event per failed try, so this is the retry's
  // failure (reason:202, then reason:201 two seconds on as the retry's scan finds nothing).
  bool esp_retry_failure(const device& d) const {
    if (d.last != device::closed::attempt) return false;
    const scan::finding* f = line_esp_failure();
    if (!f) return false;
    const attempt& a = groups[d.last_group].attempts[d.last_index];
    if (a.result != outcome::failed) return false;
    bool had_esp = false;
    for (const code_seen& k : a.codes) {
      if (k.fam != family::esp_wifi_reason) continue;
      if (k.value == f->value) return false;
      had_esp = true;
    }
    return had_esp;
  }

  // The ESP firmware's print that closed the last attempt or session, printed again on a later
  // line: the next try's disconnect event, not that one told again. A firmware prints each event
  // once, by one print (an event and its reason are two prints: Arduino-ESP32's "Event: 5 -
  // STA_DISCONNECTED" and "Reason: 2 - AUTH_EXPIRE"); a retry loop without time on its lines
  // (Arduino-ESP32 1.x's serial console, the ESP8266 SDK's) prints the same line once per try.
  static bool same_print_again(const device& d, const scan::finding& f) noexcept {
    return f.format == scan::input_format::esp && d.last != device::closed::none && !d.last_esp_rule.empty() &&
           f.rule == d.last_esp_rule && d.last_source == f.source && f.line > d.last_line;
  }
  static void note_esp_print(device& d, const scan::finding& f) {
    if (f.format == scan::input_format::esp) d.last_esp_rule = f.rule;
  }

  void on_event(device& d, const scan::finding& f, const instant& when) {
    ++events;
    // A text export's record without its Date line (a test's or a forum's quote of wevtutil's
    // "Event[0]: Log Name ... Event ID: 8002 ... Failure Reason:"): its fields have no time to be
    // joined by; the event id they share says which record they are (see on_code).
    if (f.format == scan::input_format::event_text && f.timestamp.empty())
      d.last_event_id = f.event_id;
    else if (!d.last_event_id.empty())
      d.last_event_id.clear();
    if (f.event != event_kind::ip_failed && f.event != event_kind::ip_configured) implicit_success(d, f, when);
    // The event's line as evidence, made only when something keeps it (most events are steps).
    std::optional<evidence> where_made;
    const auto where = [&]() -> const evidence& {
      if (!where_made) where_made.emplace(evidence{f.source, f.line, when, f.excerpt});
      return *where_made;
    };
    const line_at here{f.source, f.line, when};
    switch (info(f.event).role) {
      case event_role::begin:
      case event_role::step:
        if (noack_of_refusal(d, f, when)) break;
        if (d.m == mode::connected && !d.has_cur) {
          // A step while connected: a reassociation (roam), or a new connection. Later steps
          // (associated, key exchange done) are other producers confirming the connection.
          if (f.event != event_kind::attempt_started && f.event != event_kind::authenticating &&
              f.event != event_kind::associating)
            break;
          // Another producer relaying the roam that just ended (NetworkManager's "supplicant
          // interface state: completed -> authenticating -> associating -> completed", logged
          // after the supplicant's CTRL-EVENT-CONNECTED): the same roam, told again.
          if (f.event != event_kind::attempt_started && d.last == device::closed::attempt &&
              f.format != d.link_format && follows_last(d, f, when, 5))
            break;
          // Windows names the connection: a start under the session's ConnectionId goes on with
          // it (a roam), association under another one is a new connection whose 8000 is not in
          // the export.
          const bool same = same_connection(d.sess_conn, f.connection);
          if ((f.event == event_kind::attempt_started && !same) || other_connection(d.sess_conn, f.connection)) {
            close_session(d, &f, when, f.event, std::nullopt);
            open_attempt(d, when, false);
          } else {
            open_attempt(d, when, true);
          }
        } else if (!d.has_cur) {
          open_attempt(d, when, false);
        } else if (other_connection(d.conn, f.connection) ||
                   (f.event == event_kind::attempt_started && windows_event(f.format) &&
                    !same_connection(d.conn, f.connection))) {
          // Another connection starts while this one has no result: it got none (Windows logs one
          // 8000 per connection: a second one, without the ConnectionId of a text export, is a
          // new connection too).
          close_without_result(d, &here);
          if (d.has_sess && other_connection(d.sess_conn, f.connection))
            close_session(d, &f, when, f.event, std::nullopt);
          open_attempt(d, when, d.has_sess);
        } else if (authenticated_again(d, f, when)) {
          close_without_result(d, &here);
          open_attempt(d, when, d.has_sess);
        } else if (rank_of(f.event) <= 3 && d.reached >= 4 && !windows_event(f.format) && !late_relay(d, f, when)) {
          // Back to authentication/association without a result: the attempt was abandoned (not
          // so for Windows: the MSM's association events between an 8000 and its 8001 / 8002 are
          // that connection's, which associates again, with the next AP, itself; another
          // connection says so by its 8000 or ConnectionId, above).
          close_without_result(d, &here);
          open_attempt(d, when, d.has_sess);
        }
        add_step(d, f, when);
        if (d.conn.empty()) d.conn = f.connection;
        if (d.cur.bssid.empty()) d.cur.bssid = d.bssid;
        if (f.event == event_kind::key_exchange_done && about_station(f) && !d.cur.roam) {
          // hostapd's "pairwise key handshake completed": the station is connected (the AP logs no
          // address; its AP-STA-CONNECTED, when the log shows it, came first and changes nothing).
          d.link_format = f.format;
          close_attempt(d, outcome::succeeded, std::nullopt, &here);
          open_session(d, f, when);
        } else if (f.event == event_kind::key_exchange_done && d.cur.roam && d.has_sess) {
          // A roam whose keys are in place is done: Windows logs no 8001 after its MSM association
          // and security events (11000 .. 11005) while the connection (8001 .. 8003) goes on.
          d.link_format = f.format;
          ++d.sess.roams;
          d.sess.bssid = d.bssid;
          close_attempt(d, outcome::succeeded, std::nullopt, &here);
          d.m = mode::connected;
        }
        break;
      case event_role::done:
        if (!d.has_cur && d.has_sess) break;  // already connected (another producer said so first)
        if (!d.has_cur) open_attempt(d, when, false);
        add_step(d, f, when);
        if (d.conn.empty()) d.conn = f.connection;
        take_line_codes(d.cur);
        d.link_format = f.format;
        if (d.cur.roam && d.has_sess) {
          ++d.sess.roams;
          d.sess.bssid = d.bssid;
          close_attempt(d, outcome::succeeded, std::nullopt, &here);
          d.m = mode::connected;
        } else {
          close_attempt(d, outcome::succeeded, std::nullopt, &here);
          open_session(d, f, when);
        }
        break;
      case event_role::fail:
      case event_role::ip_fail:
        if (f.event == event_kind::scan_failed) {
          // A scan that failed (wpa_supplicant's EBUSY while the driver is busy, often just after
          // a disconnect): the supplicant scans again; it starts or ends nothing, and is evidence
          // of the attempt in progress, if any.
          if (d.has_cur) add_step(d, f, when);
          break;
        }
        if (!d.has_cur && !d.has_sess && d.last == device::closed::session && info(f.event).ph != phase::discovery &&
            !answers_a_request(f.event) &&
            (follows_last(d, f, when, 5) || (line_has_failure_code() && follows_last(d, f, when, 15)))) {
          // The session that just ended, told again as a failure, nothing begun since
          // (NetworkManager's device state, within 5 s or 5 lines). Without time, a failure that
          // carries a reason reaches 15 lines: ESPHome relays the ESP-IDF blob's "state: run ->
          // init" over three lines a print, then the core's "Reason: 15" and its own "Event:
          // Disconnected ... reason='4-Way Handshake Timeout'". Its reason, if it had none. Never a
          // network not found: that is the next attempt's scan (ESP8266's "no <ssid> found,
          // reconnect after 1s" three lines after "state: 5 -> 0").
          // The line's failure codes, and the one held for it from the line before, are that
          // end's told again (the core's "Reason: 15", then ESPHome's reason text with its
          // event): the first is the session's if it had none, the others are spent here.
          group& lg = groups[d.last_group];
          // CTRL-EVENT-SSID-TEMP-DISABLED ... reason=AUTH_FAILED: wpas_event_disconnect() (events.c)
          // calls wpas_auth_failed(wpa_s, "AUTH_FAILED") when the disconnect's reason is 23 or the
          // EAPOL state machine failed on an 802.1X network: the EAP exchange failed (read here, not
          // by a row of its own: the supplicant's CTRL-EVENT lines are everywhere).
          const bool auth_failed = f.event == event_kind::attempt_failed &&
                                   f.format == scan::input_format::wpa_supplicant &&
                                   f.excerpt.find("reason=AUTH_FAILED") != std::string_view::npos;
          if ((f.event == event_kind::eap_failure || f.event == event_kind::key_rejected || auth_failed) &&
              f.format == scan::input_format::wpa_supplicant && d.last_index + 1 == lg.sessions.size() &&
              lg.sessions.back().before_log && lg.sessions.back().roams == 0 && follows_last(d, f, when, 5)) {
            // The supplicant counts an authentication failure (CTRL-EVENT-SSID-TEMP-DISABLED
            // reason=AUTH_FAILED, WRONG_KEY) only for a connection that did not complete: the link
            // that ended on the device's first line was an attempt begun before the log, and it
            // failed here (not a session that was up before the log).
            session gone = std::move(lg.sessions.back());
            lg.sessions.pop_back();
            open_attempt(d, gone.end, false);
            if (d.cur_steps < lim.max_steps && gone.end_where.line != 0) {
              const step st{event_kind::disconnected, gone.end_where, f.format};
              if (d.cur_steps < d.cur.steps.size())
                d.cur.steps[d.cur_steps] = st;
              else
                d.cur.steps.push_back(st);
              ++d.cur_steps;
            }
            if (gone.end_code) add_code(d.cur, std::move(*gone.end_code));
            add_step(d, f, when);
            const event_kind failing = auth_failed ? event_kind::eap_failure : f.event;
            if (d.cur_steps > 0) d.cur.steps[d.cur_steps - 1].kind = failing;
            take_line_codes(d.cur);
            close_attempt(d, outcome::failed, failing, &here);
            break;
          }
          session& s = lg.sessions[d.last_index];
          bool any_code = false;
          while (std::optional<code_seen> c = take_line_failure_code()) {
            any_code = true;
            if (!s.end_code) {
              s.end_code = std::move(c);
              finish_session(s, std::nullopt);
            }
          }
          if (!any_code && !s.end_code && s.end_where.line == 0) s.end_where = where();
          break;
        }
        // A failure of the connection (Windows ConnectionId) whose attempt failed last: told again,
        // however long after (an 8002 can follow its 12013 by many seconds).
        // Without the id (text exports), Windows' 8002 within a minute of the failure, no 8000
        // between: the service's verdict on the connection whose security failed.
        if (const bool same_failed =
                !d.has_cur && d.last == device::closed::attempt &&
                groups[d.last_group].attempts[d.last_index].result == outcome::failed &&
                (same_connection(d.last_conn, f.connection) ||
                 (f.event == event_kind::attempt_failed && windows_event(f.format) &&
                  !other_connection(d.last_conn, f.connection) && follows_last_within(d, f, when, 60)) ||
                 nm_gives_up(d, f, when));
            !d.has_cur && (follows_last(d, f, when, 5) || same_failed) && d.last == device::closed::attempt) {
          // The same failure told again (NetworkManager after wpa_supplicant): evidence for it.
          attempt& a = groups[d.last_group].attempts[d.last_index];
          const step* failing = nullptr;
          for (const step& st : a.steps)
            if (info(st.kind).role == event_role::fail) failing = &st;
          // Told again: by another producer, or as a generic failure after a particular one.
          const phase ph = info(f.event).ph;
          // A security failure just after an 802.1X failure is that failure, told by the layer
          // above it (Windows: 12013, then 11006 with the same reason, then 8002): no key exchange
          // follows a failed EAP exchange.
          const bool eap_told_again = ph == phase::key_exchange && a.failed_at == phase::eap;
          // WPA3-SAE checks the password in 802.11 authentication: the supplicant's WRONG_KEY
          // (CTRL-EVENT-SSID-TEMP-DISABLED) just after an SAE rejection or timeout is its verdict
          // on that failure, not a key exchange that never began.
          const bool sae_told_again = f.event == event_kind::key_rejected && a.failed_at == phase::authentication;
          // The same failing event again, nothing begun since: a relay of the line (Android's
          // WifiMonitor "Event [IFNAME=wlan0 CTRL-EVENT-ASSOC-REJECT ...]" after the supplicant's
          // own); a new try prints its "Trying to associate" first. iwd relays none of its notices:
          // the same timeout again within the second is the next BSS it tried ("event:
          // connect-info" between them is no event), an attempt of its own.
          const bool relayed = failing && failing->kind == f.event && f.format != scan::input_format::iwd &&
                               follows_last(d, f, when, 2, 1);
          // NetworkManager asking for new secrets right after its own failure of the attempt (its
          // timer's "association took too long", then handle_auth_or_fail()'s "asking for new
          // secrets"): how it handles that failure, not a key exchange that failed.
          const bool nm_asks = f.event == event_kind::key_rejected && f.format == scan::input_format::networkmanager &&
                               failing && failing->format == f.format && follows_last(d, f, when, 5);
          const bool again = same_failed || eap_told_again || sae_told_again || relayed || nm_asks ||
                             ((ph == phase::unknown || ph == a.failed_at) &&
                              (!failing || failing->format != f.format || f.event == event_kind::attempt_failed ||
                               f.event == event_kind::key_rejected));
          if (a.result == outcome::failed && again) {
            if (a.steps.size() < lim.max_steps) a.steps.push_back({f.event, where(), f.format});
            take_line_codes(a);
            resettle(d, a);     // the event that failed it still decides (an 11002's status, not the 8002's reason)
            if (same_failed) {  // its fields on the next lines (indented XML) follow it, not the failure before
              d.last_source = f.source;
              d.last_line = f.line;
              d.last_time = when;
            }
            break;
          }
        }
        // wpa_supplicant's ignore list ("Added BSSID <bssid> into ignore list, ignoring for 10
        // seconds", rules.def wpa_ev_ignore_list) says a connection to that AP failed: it ends an
        // attempt in progress, else it tells again of a failure or a disconnect just logged, even
        // one read as nothing (a disconnect after beacon losses that ended the session already). No
        // attempt of its own, and no session ended by it.
        if (!d.has_cur && f.event == event_kind::attempt_failed && ignore_list_line(f.format, f.excerpt)) break;
        if (!d.has_cur && d.has_sess && f.event == event_kind::ip_failed && d.last == device::closed::attempt &&
            !d.sess.ip_configured && d.sess.roams == 0) {
          // No address right after the attempt that brought the link up (the supplicant said
          // "connected", then dhcpcd fell back to IPv4LL): that attempt failed, in IP configuration,
          // and its link was never a session.
          group& g = groups[d.last_group];
          attempt& a = g.attempts[d.last_index];
          if (a.result == outcome::succeeded && a.count == 1) {
            if (a.steps.size() < lim.max_steps) a.steps.push_back({f.event, where(), f.format});
            take_line_codes(a);
            a.result = outcome::failed;
            a.failed_at = phase::ip_config;
            --g.succeeded;
            ++g.failed;
            settle(a, f.event, &here);
            d.has_sess = false;
            d.m = mode::idle;
            d.last_source = f.source;
            d.last_line = f.line;
            d.last_time = when;
            merge_last(d);
            break;
          }
        }
        if (!d.has_cur && d.has_sess) {
          close_session(d, &f, when, f.event, take_line_failure_code());
          if (f.event != event_kind::ip_failed) break;
          // IP configuration failed right after the link came up: the attempt did not succeed.
          open_attempt(d, when, false);
          d.reached = rank_of(event_kind::key_exchange_done);
          d.any_step = true;
        }
        if (!d.has_cur) open_attempt(d, when, false);
        add_step(d, f, when);
        if (d.conn.empty()) d.conn = f.connection;
        take_line_codes(d.cur);
        {
          const bool roam = d.cur.roam;
          close_attempt(d, outcome::failed, f.event, &here);
          if (roam) close_session(d, &f, when, f.event, std::nullopt);  // a failed roam ends the session
        }
        break;
      case event_role::end:
      case event_role::lost:
        if (d.has_cur) {
          add_step(d, f, when);
          take_line_codes(d.cur);
          close_attempt(d, outcome::failed, f.event, &here);
          if (d.has_sess) close_session(d, &f, when, f.event, std::nullopt);
        } else if (d.has_sess) {
          close_session(d, &f, when, f.event, take_line_failure_code());
        } else if (d.last == device::closed::session && line_has_failure_code(phase::discovery)) {
          // A disconnect event that says no AP was found (the ESP8266 RTOS SDK's
          // SYSTEM_EVENT_STA_DISCONNECTED ... reason:201, seconds after the session ended with
          // reason 8) with nothing open: the next attempt's scan found nothing, not that end told again.
          open_attempt(d, when, false);
          add_step(d, f, when);
          take_line_codes(d.cur);
          close_attempt(d, outcome::failed, f.event, &here);
        } else if (esp_retry_failure(d) || same_print_again(d, f) ||
                   (!d.seen_any && line_esp_failure() && esp_connect_failure(line_esp_failure()->value))) {
          // An ESP firmware's disconnect event with a reason only a try to connect gives (4-way
          // handshake timeout 15, Espressif's 201-205), as the device's first word or after a
          // failed attempt with another reason, or the print that ended the last attempt or
          // session again: a failed attempt, not a session up before the log nor that end told again.
          open_attempt(d, when, false);
          add_step(d, f, when);
          take_line_codes(d.cur);
          close_attempt(d, outcome::failed, f.event, &here);
          d.seen_any = true;
        } else if (follows_last(d, f, when, 5) && d.last == device::closed::attempt) {
          attempt& a = groups[d.last_group].attempts[d.last_index];
          if (a.steps.size() < lim.max_steps) a.steps.push_back({f.event, where(), f.format});
          const std::size_t before = a.codes.size();
          take_line_codes(a);
          if (a.codes.size() != before && a.result == outcome::failed) {
            resettle(d, a);
          }
        } else if (follows_last(d, f, when, 5) && d.last == device::closed::session) {
          // The session that just ended, told again (ESP8266's "state: 5 -> 0", then the
          // firmware's DISCONNECTED event with the reason a few lines on): its reason, if it had none.
          session& s = groups[d.last_group].sessions[d.last_index];
          if (!s.end_code)
            if (std::optional<code_seen> c = take_line_failure_code()) {
              s.end_code = std::move(c);
              finish_session(s, f.event);
            }
        } else if (!d.seen_any) {
          // The device's first word is that its link ended: it was connected before the log
          // begins (a log cut around the problem). That session ends here, with its reason.
          open_session_before_log(d, f, when);
          close_session(d, &f, when, f.event, take_line_failure_code());
        }
        note_esp_print(d, f);
        break;
      case event_role::ip_ok:
        if (!d.has_cur && !d.has_sess && !d.seen_any && esp_idf_got_ip(f)) {
          // ESP-IDF's IP_EVENT_STA_GOT_IP as the device's first word ("sta ip: ..., mask: ...",
          // Arduino-ESP32's "Event: 7 - STA_GOT_IP"): esp_netif posts it only
          // when the station's address changes (esp_netif_dhcpc_cb), the address being cleared
          // when the link goes down, never for a lease renewed: the log shows the end of a join
          // that succeeded, its steps at a level the log does not print.
          open_attempt(d, when, false);
          add_step(d, f, when);
          close_attempt(d, outcome::succeeded, std::nullopt, &here);
          open_session(d, f, when);
          d.sess.ip_configured = true;
          break;
        }
        if (d.has_sess) d.sess.ip_configured = true;
        if (d.has_cur) add_step(d, f, when);
        break;
      case event_role::roam:
        if (d.has_sess) ++d.sess.roams;
        break;
    }
  }

  // A line's findings: its events first (each taking the line's codes for the attempt or session
  // it closes), then the codes no event took.
  void flush_line() {
    bool offer = false;
    if (deferred.active) {
      offer = line_n > 0 && takes_deferred();
      if (!offer) materialize_deferred();
    }
    line_codes.clear();
    for (pending& p : line_findings()) line_codes.push_back(&p);
    if (offer) {
      deferred.offered = {&deferred.f, deferred.when, false};
      line_codes.push_back(&deferred.offered);
    }
    // A held field goes to the next line only, and only when that line is its event's.
    const bool hold_offered = held.active && line_n > 0 && record_of(*line.front().f) == held.key;
    held.active = false;
    if (hold_offered) line_codes.push_back(&held.offered);
    for (pending& p : line_findings()) {
      if (p.f->kind != scan::value_kind::event) continue;
      device* d = device_for(*p.f);
      if (!d) continue;
      note_context(*d, *p.f);
      for (pending& q : line_findings()) note_context(*d, *q.f);
      on_event(*d, *p.f, p.when);
    }
    if (offer) {  // no event took it: it is an attempt of its own after all
      if (deferred.offered.used)
        deferred.active = false;
      else
        materialize_deferred();
    }
    line_codes.clear();
    for (pending& p : line_findings()) {
      if (p.f->kind == scan::value_kind::event || p.used) continue;
      device* d = device_for(*p.f);
      if (!d) continue;
      note_context(*d, *p.f);
      on_code(*d, *p.f, p.when);
    }
    line_n = 0;
  }

  void on_code(device& d, const scan::finding& f, const instant& when) {
    // A second code of the deferred one's line joins what the first makes: made now.
    if (deferred.active && deferred.f.line == f.line && deferred.f.source == f.source) materialize_deferred();
    // An access point's view of one of its stations: the station's own device (hostapd) takes it
    // (hostapd's "WPA authenticator requests disconnect: STA <mac> reason 2" ends the station's
    // attempt), other producers' lines about a station are not this device's.
    if (f.sta.size() && f.bssid.empty() && !about_station(f)) return;
    implicit_success(d, f, when);
    code_seen c = code_of(f, when);
    if (d.has_cur) {
      add_code(d.cur, std::move(c));
      return;
    }
    // A code just after what closed belongs to it; after an attempt inferred from codes alone, only
    // on its own line (a list of codes is a list of failures).
    const bool after_inferred = d.last == device::closed::attempt &&
                                groups[d.last_group].attempts[d.last_index].inferred && f.line != d.last_line;
    // ... unless it is the same code again, told by the next line ("Reason: 202 - AUTH_FAIL" after
    // the ESP event line that carried 202): a restatement, not another failure (not so the same
    // print again: the next failure of a retry loop, seconds later).
    const auto restated = [&] {
      if (d.last != device::closed::attempt || same_print_again(d, f)) return false;
      // Told again at once (the same second); seconds later it is the retry's own failure.
      if (when.clk != instant::clock::none && when.clk == d.last_time.clk && !follows_last_within(d, f, when, 1))
        return false;
      for (const code_seen& k : groups[d.last_group].attempts[d.last_index].codes)
        if (k.ref == c.ref) return true;
      return false;
    };
    // ... or another field of the same exported event (a Security 5632's Reason Code, Error Code,
    // EAP Reason Code and EAP Error Code are one failure).
    const bool same_record = after_inferred && !d.last_record.empty() && d.last_record == record_of(f);
    // ... or a field of an event of the connection (Windows ConnectionId) the attempt was, however
    // late (an 8004's reason: the network blocked after that failure).
    const bool same_connection_code =
        (!d.has_sess && d.last == device::closed::attempt && same_connection(d.last_conn, f.connection)) ||
        (d.last == device::closed::attempt && f.format == scan::input_format::event_text && f.timestamp.empty() &&
         !f.event_id.empty() && f.event_id == d.last_event_id);
    // A disconnect reason just after the session ended, with no reason of its own, reaches as far
    // as a disconnect event told twice (5 lines without time): the ESP8266 core's "STA disconnect:
    // 200" three lines after the SDK's "state: 5 -> 0 (1)" ("rm 0", "wifi evt: 1" between). Not
    // Espressif's 201 (no AP found): that is the next attempt's scan.
    const bool session_reason = d.last == device::closed::session &&
                                (f.fam == family::ieee80211_reason ||
                                 (f.fam == family::esp_wifi_reason && !esp_no_ap_found(f.fam, f.has_value, f.value))) &&
                                !groups[d.last_group].sessions[d.last_index].end_code;
    // So does an Espressif reason after a failed attempt that holds no reason of its own: the ESP8266
    // core's "STA disconnect: 2" three lines after the blob's "state: 2 -> 0 (2)" ("reconnect",
    // "wifi evt: 1" between) is the firmware's disconnect event of that failure, not another try's.
    const bool attempt_reason = d.last == device::closed::attempt && f.fam == family::esp_wifi_reason &&
                                !esp_no_ap_found(f.fam, f.has_value, f.value) &&
                                failed_without_reason(groups[d.last_group].attempts[d.last_index]);
    // Espressif's 201 (no AP found) after an attempt that got as far as authenticating is the next
    // try's scan, not that failure's reason: the firmware posts one disconnect event per failed try
    // ("Wi-Fi Reason: AUTH_EXPIRE (2)" of an application's event handler, then "Wi-Fi Reason:
    // NO_AP_FOUND (201)" 2.4 s on, no state change between).
    const bool next_scan = d.last == device::closed::attempt && esp_no_ap_found(f.fam, f.has_value, f.value) &&
                           tried_to_join(groups[d.last_group].attempts[d.last_index]);
    if ((!next_scan && (!after_inferred || restated() || same_record) &&
         follows_last(d, f, when, session_reason || attempt_reason ? 5 : 2)) ||
        same_connection_code) {
      if (d.last == device::closed::attempt) {
        attempt& a = groups[d.last_group].attempts[d.last_index];
        add_code(a, std::move(c));
        if (a.result == outcome::failed) {
          resettle(d, a);
        }
      } else {
        std::vector<session>& ss = groups[d.last_group].sessions;
        session& s = ss[d.last_index];
        // The firmware's disconnect event as the device's first word, its reason on the next line
        // (Arduino-ESP32's "Event: 5 - STA_DISCONNECTED", then "Reason: 201 - NO_AP_FOUND"): with a
        // reason only a try to connect gives, a failed attempt, not a session up before the log.
        if (!s.end_code && s.before_log && d.last_index + 1 == ss.size() && f.fam == family::esp_wifi_reason &&
            f.has_value && esp_connect_failure(f.value)) {
          ss.pop_back();
          d.last = device::closed::none;
          std::string event_rule = std::move(d.last_esp_rule);  // the event line's print closed it
          infer_attempt(d, f, when);
          if (!event_rule.empty()) d.last_esp_rule = std::move(event_rule);
          return;
        }
        if (!s.end_code) {
          s.end_code = std::move(c);
          std::optional<event_kind> end;
          finish_session(s, end);
          return;
        }
        // Another Espressif reason after the session's own (Arduino-ESP32's "Reason: 200 -
        // BEACON_TIMEOUT", then "Reason: 2 - AUTH_EXPIRE" a second on): the reconnect's failure,
        // told by the firmware's next disconnect event; else the end told again.
        if (!(f.fam == family::esp_wifi_reason && is_failure(f) && s.end_code->fam == family::esp_wifi_reason &&
              s.end_code->value != c.value))
          return;
      }
      if (d.last == device::closed::attempt) return;
    }
    if (!is_failure(f)) return;
    if (d.has_sess) {
      // A code while connected, with no event around it: a disconnect reason (the session ends)
      // or a status of a failed roam.
      if (f.fam == family::ieee80211_reason || f.fam == family::esp_wifi_reason || f.kind == scan::value_kind::raw) {
        close_session(d, &f, when, std::nullopt, std::move(c));
      }
      return;
    }
    // A Windows 8004 (the network blocked after a connection failure) tells what followed the
    // failed attempt before it, however late: no attempt of its own (alone, it is one: the failure
    // it follows is not in the log).
    if (f.space == "event_8004_reason" && d.last == device::closed::attempt &&
        groups[d.last_group].attempts[d.last_index].result == outcome::failed)
      return;
    // A disconnect reason of a session the log did not show is no attempt. A field of an exported
    // event, though, is held for that event (a wlanreport prints a session's "Disconnect Reason"
    // lines before the 8003 it fills in, and a field's line is where its text is).
    if (f.fam == family::ieee80211_reason || f.space == "event_8003_reason") {
      if (std::string key = record_of(f); !key.empty()) {
        held.f = f;
        held.key = std::move(key);
        held.offered = {&held.f, when, false};
        held.active = true;
      }
      return;
    }
    // Nor is a wired port's 802.1X code (the 802.3 ranges of WLAN_REASON_CODE: Security 5632/5633
    // of an Ethernet port): no Wi-Fi connection was tried.
    if (f.fam == family::wlan_reason && f.has_value && is_wired(f.value)) return;
    // An Espressif reason as the device's first word, on a line no event took, is its disconnect
    // event (Arduino-ESP32 logs the event's "Reason: 3 - AUTH_LEAVE" at warning level, the event's
    // own line at debug level): a session up before the log ended there, as after the event line;
    // with a reason only a try to connect gives, a failed attempt (below).
    const bool esp_link_reason = f.fam == family::esp_wifi_reason && f.has_value && !esp_connect_failure(f.value);
    if (esp_link_reason) materialize_deferred();
    if (esp_link_reason && !d.seen_any && d.last == device::closed::none) {
      open_session_before_log(d, f, when);
      close_session(d, &f, when, std::nullopt, std::move(c));
      note_esp_print(d, f);
      return;
    }
    // Only codes: an attempt that failed, inferred from them; after a few lines' wait for an
    // event that tells the same failure (see deferred).
    materialize_deferred();
    deferred.f = f;
    deferred.when = when;
    deferred.active = true;
  }

  // A log that starts mid-attempt: its first, network-less groups join the network they belong to.
  void name_leading_groups();

  // An attempt the log leaves without a result, closed: failed when it holds a disconnect reason
  // (a driver that prints the deauthentication's reason code and no event: Realtek Ameba,
  // mwifiex), else of unknown outcome.
  void close_without_result(device& d, const line_at* where) {
    const bool torn_down = std::any_of(d.cur.codes.begin(), d.cur.codes.end(), [](const code_seen& c) {
      return (c.fam == family::ieee80211_reason || c.fam == family::esp_wifi_reason) && c.has_value && c.value != 0;
    });
    close_attempt(d, torn_down ? outcome::failed : outcome::unknown, std::nullopt, where);
  }

  // The log ends with the attempt's key exchange done and nothing failed (NetworkManager cut in
  // ip-config, after "supplicant interface state: ... -> completed"): the Wi-Fi connection was
  // made, so the attempt succeeded and its session runs to the end of the log. Not a roam (its
  // session goes on), nor an attempt with a failure code (a failure the log told without an event).
  bool keyed_at_end(device& d) {
    const bool failure_code = std::any_of(d.cur.codes.begin(), d.cur.codes.end(), [](const code_seen& c) {
      return c.ph != phase::success && !(c.has_value && c.value == 0);
    });
    if (!d.has_cur || d.cur.roam || d.reached < rank_of(event_kind::key_exchange_done) || failure_code ||
        d.cur_steps == 0)
      return false;
    succeed_silently(d, d.cur.steps[d.cur_steps - 1].where);
    return true;
  }

  // The exported event (event text, XML, EVTX, a wlanreport's) a finding is a field of, as its
  // id and timestamp; "" for a line of a log.
  static std::string record_of(const scan::finding& f) {
    using scan::input_format;
    const bool exported = f.format == input_format::event_text || f.format == input_format::event_xml ||
                          f.format == input_format::evtx || f.format == input_format::wlanreport;
    if (!exported || f.event_id.empty() || f.timestamp.empty()) return {};
    return f.event_id + ' ' + f.timestamp + ' ' + std::to_string(f.record);
  }

  void infer_attempt(device& d, const scan::finding& f, const instant& when) {
    open_attempt(d, when, false);
    d.cur.inferred = true;
    const line_at here{f.source, f.line, when};
    add_code(d.cur, code_of(f, when));
    close_attempt(d, outcome::failed, std::nullopt, &here);
    d.last_record = record_of(f);
    note_esp_print(d, f);
  }

  // A failure code no event took, on a line of its own, waits for the next lines of its place: a
  // producer often prints the code first and the event after it, on a line that may name the
  // interface where the code's did not (wpa_supplicant's "nl80211: Connect event (status=N)",
  // then "wlan0: CTRL-EVENT-ASSOC-REJECT ... status_code=N"). An event that fails or ends
  // something there within three lines and two seconds takes the code; else it is an attempt.
  struct {
    bool active = false;
    scan::finding f;
    instant when;
    pending offered;
  } deferred;

  // A disconnect reason of an exported event, read before the event itself (see on_code).
  struct {
    bool active = false;
    scan::finding f;
    std::string key;  // record_of(f)
    pending offered;
  } held;

  void materialize_deferred() {
    if (!deferred.active) return;
    deferred.active = false;
    device* d = device_for(deferred.f);
    if (!d) return;
    note_context(*d, deferred.f);
    if (d->has_cur)
      add_code(d->cur, code_of(deferred.f, deferred.when));
    else
      infer_attempt(*d, deferred.f, deferred.when);
  }

  // Whether the line's findings hold an event the deferred code may belong to.
  bool takes_deferred() {
    const scan::finding& c = deferred.f;
    const pending& first = line.front();
    if (first.f->source != c.source || first.f->line <= c.line || first.f->line - c.line > 3) return false;
    if (first.when.clk != instant::clock::none && first.when.clk == deferred.when.clk &&
        (first.when.ns < deferred.when.ns || first.when.ns - deferred.when.ns > 2'000'000'000))
      return false;
    const std::string_view host = host_of(c.excerpt, c.timestamp);
    for (std::size_t i = 0; i < line_n; ++i) {
      const scan::finding& e = *line[i].f;
      if (e.kind != scan::value_kind::event) continue;
      // An event that fails an attempt, or ends the one in progress (not one that tells again
      // how the last one ended).
      const event_role role = info(e.event).role;
      if (role != event_role::fail && role != event_role::end) continue;
      if (host_of(e.excerpt, e.timestamp) != host) continue;
      const device* d = device_for(e);
      if (d && (role == event_role::fail || d->has_cur)) return true;
    }
    return false;
  }
};

// A log that starts mid-attempt ("Associated with <bssid>" first, the SSID printed only by the
// next join): the device's first attempts are "network unknown", though their APs are those of
// a network it names later. Such a group, wholly before the one network whose BSSIDs hold all of
// its own, joins it.
void analyzer::state::name_leading_groups() {
  for (group& g : groups) {
    if (!g.ssid.empty() || g.bssids.empty() || g.first.clk == instant::clock::none) continue;
    group* into = nullptr;
    std::size_t named = 0;
    for (group& h : groups) {
      if (&h == &g || h.ssid.empty() || h.host != g.host || h.file != g.file || h.interface != g.interface) continue;
      const bool holds = std::all_of(g.bssids.begin(), g.bssids.end(), [&](const std::string& b) {
        return std::find(h.bssids.begin(), h.bssids.end(), b) != h.bssids.end();
      });
      if (holds) into = &h, ++named;
    }
    if (named != 1 || into->first.clk != g.first.clk || g.last.ns > into->first.ns ||
        g.attempts.size() + into->attempts.size() > lim.max_attempts_per_group ||
        g.sessions.size() + into->sessions.size() > lim.max_sessions_per_group)
      continue;
    group& h = *into;
    h.attempts.insert(h.attempts.begin(), std::make_move_iterator(g.attempts.begin()),
                      std::make_move_iterator(g.attempts.end()));
    h.sessions.insert(h.sessions.begin(), std::make_move_iterator(g.sessions.begin()),
                      std::make_move_iterator(g.sessions.end()));
    h.capped_failures.insert(h.capped_failures.end(), g.capped_failures.begin(), g.capped_failures.end());
    h.attempts_total += g.attempts_total;
    h.succeeded += g.succeeded;
    h.failed += g.failed;
    h.unknown += g.unknown;
    h.attempts_capped += g.attempts_capped;
    h.sessions_capped += g.sessions_capped;
    h.first = g.first;
    g = group{};  // no attempt, no session: dropped with the empty groups
  }
}

analyzer::analyzer(limits l) : st_(std::make_unique<state>()) { st_->lim = l; }
analyzer::~analyzer() = default;

void analyzer::add_input(std::string source, std::string error) {
  if (st_->inputs.size() < st_->lim.max_groups) st_->inputs.push_back({std::move(source), std::move(error)});
}

void analyzer::add(const scan::finding& f, const instant& when) {
  state& s = *st_;
  ++s.findings;
  if (s.line_n && (s.line.front().f->line != f.line || s.line.front().f->source != f.source)) s.flush_line();
  if (s.line_n == s.line.size()) s.line.emplace_back();
  state::pending& p = s.line[s.line_n];
  p.when = when;
  p.used = false;
  if (s.line_n == 0 && f.last_on_line) {  // alone on its line: read now, not copied
    p.f = &f;
    s.line_n = 1;
    s.flush_line();
    return;
  }
  if (s.line_n == s.copies.size()) s.copies.emplace_back();
  s.copies[s.line_n] = f;
  p.f = &s.copies[s.line_n];
  ++s.line_n;
  if (f.last_on_line) s.flush_line();  // the line is complete
}

report analyzer::finish() {
  state& s = *st_;
  s.flush_line();
  s.materialize_deferred();
  for (auto& [key, d] : s.devices) {
    if (d.has_cur && !s.keyed_at_end(d)) s.close_without_result(d, nullptr);
    if (d.has_sess) s.close_session(d, nullptr, d.sess.end, std::nullopt, std::nullopt);
  }
  s.name_leading_groups();
  report r;
  r.findings = s.findings;
  r.events = s.events;
  r.inputs = std::move(s.inputs);
  // Groups that saw no attempt and no session (a device's codes only, all attached elsewhere)
  // are dropped; the others keep their order of first appearance.
  for (group& g : s.groups)
    if (g.attempts_total || !g.sessions.empty()) r.groups.push_back(std::move(g));
  if (s.devices_capped || s.groups_capped)
    r.notes.push_back("device/network cap of " + std::to_string(s.lim.max_groups) + " reached: " +
                      std::to_string(s.devices_capped + s.groups_capped) + " findings of further ones not grouped");
  // Causes, ranked by how many failures they explain, weighted by confidence.
  std::map<int, cause_count> by;
  for (std::size_t gi = 0; gi < r.groups.size(); ++gi) {
    const group& g = r.groups[gi];
    if (g.attempts_capped)
      r.notes.push_back(std::to_string(g.attempts_capped) + " attempts of " + (g.ssid.empty() ? "?" : g.ssid) +
                        " past the cap of " + std::to_string(s.lim.max_attempts_per_group) +
                        " are counted, not listed");
    auto add = [&](int cause, double conf, std::uint64_t n, bool is_session, const evidence* ev) {
      if (cause < 0) return;
      cause_count& c = by[cause];
      c.cause = cause;
      c.weight += conf * static_cast<double>(n) * (is_session ? 0.5 : 1.0);
      (is_session ? c.sessions : c.attempts) += n;
      c.confidence = std::max(c.confidence, conf);
      if (std::find(c.groups.begin(), c.groups.end(), gi) == c.groups.end()) c.groups.push_back(gi);
      if (ev && c.lines.size() < 5) c.lines.push_back(*ev);
    };
    for (const attempt& a : g.attempts) {
      const evidence* ev = nullptr;
      for (const code_seen& c : a.codes)
        if (c.decisive) ev = &c.where;
      if (!ev && !a.steps.empty()) ev = &a.steps.back().where;
      add(a.cause, a.cause_confidence, a.count, false, ev);
    }
    for (const failure_tally& t : g.capped_failures) add(t.cause, t.cause_confidence, t.count, false, nullptr);
    // A session's evidence: the line that prints its end code, else the line that ended it (an
    // ESP8266's "state: 5 -> 0" before the event line that carries the reason).
    for (const session& ss : g.sessions)
      add(ss.cause, ss.cause_confidence, 1, true,
          ss.end_code && ss.end_code->where.line ? &ss.end_code->where : &ss.end_where);
  }
  for (auto& [k, c] : by) r.causes.push_back(std::move(c));
  std::stable_sort(r.causes.begin(), r.causes.end(),
                   [](const cause_count& a, const cause_count& b) { return a.weight > b.weight; });
  // The verdict.
  std::uint64_t total = 0, failed = 0, succeeded = 0;
  std::map<std::string, std::uint64_t> failed_by_ssid, total_by_ssid;
  for (const group& g : r.groups) {
    total += g.attempts_total;
    failed += g.failed;
    succeeded += g.succeeded;
    failed_by_ssid[g.ssid] += g.failed;
    total_by_ssid[g.ssid] += g.attempts_total;
  }
  const std::string likely =
      r.causes.empty() ? std::string() : "; most likely cause: " + std::string(causes()[r.causes[0].cause].title);
  std::uint64_t dropped = 0;  // connections up before the log that it shows ending
  for (const group& g : r.groups)
    for (const session& ss : g.sessions) dropped += ss.before_log && !ss.open;
  if (total == 0 && dropped > 0) {
    r.verdict = "No connection attempt in the log; " + std::to_string(dropped) + " connection" +
                (dropped == 1 ? " that was up before it ended" : "s that were up before it ended") + likely;
  } else if (total == 0) {
    r.verdict = "No Wi-Fi connection attempts found (" + std::to_string(r.findings) + " findings)";
    if (!r.groups.empty() && !likely.empty()) r.verdict += likely;
  } else if (failed == 0 && succeeded == total) {
    r.verdict = (total == 1 ? std::string("The connection attempt succeeded")
                            : "All " + std::to_string(total) + " connection attempts succeeded") +
                likely;
  } else if (failed == 0) {
    // No failure, but not every attempt got to a result the log shows.
    r.verdict = std::to_string(total) + " connection attempt" + (total == 1 ? "" : "s") + ": " +
                std::to_string(succeeded) + " succeeded, " + std::to_string(total - succeeded) +
                " with no result in the log" + likely;
  } else if (failed_by_ssid.size() == 1 && !failed_by_ssid.begin()->first.empty()) {
    r.verdict = std::to_string(failed) + " of " + std::to_string(total) + " attempts to `" +
                failed_by_ssid.begin()->first + "` failed" + likely;
  } else {
    std::string worst;
    std::uint64_t most = 0;
    for (const auto& [ssid, n] : failed_by_ssid)
      if (n > most && !ssid.empty()) {
        most = n;
        worst = ssid;
      }
    r.verdict = std::to_string(failed) + " of " + std::to_string(total) + " connection attempts failed";
    if (!worst.empty())
      r.verdict += " (" + std::to_string(most) + " of " + std::to_string(total_by_ssid[worst]) + " to `" + worst + "`)";
    r.verdict += likely;
  }
  return r;
}

}  // namespace wlancode::diagnose
