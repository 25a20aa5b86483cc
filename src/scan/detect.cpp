// The format table (wlancode/scan_formats.def) and the file-level detector.
#include "internal.hpp"

namespace wlancode::scan {

namespace {
constexpr format_info formats[] = {
#define WLANCODE_FORMAT(id, name, kind, linux, description) {input_format::id, name, #kind, linux != 0, description},
#include "wlancode/scan_formats.def"
};
}  // namespace

std::span<const format_info> input_formats() noexcept { return formats; }

std::string_view to_string(input_format f) noexcept {
  const auto i = static_cast<std::size_t>(f);
  return i < std::size(formats) ? formats[i].name : "unknown";
}

std::optional<input_format> parse_input_format(std::string_view name) noexcept {
  for (const format_info& i : formats)
    if (i.name == name) return i.id;
  if (name == "automatic") return input_format::automatic;
  if (name == "linux_log" || name == "syslog" || name == "journal") return input_format::linux_log;
  if (name == "nm" || name == "NetworkManager") return input_format::networkmanager;
  if (name == "xml") return input_format::event_xml;
  if (name == "text" || name == "evtx_text") return input_format::event_text;
  return std::nullopt;
}

std::string_view to_string(value_kind k) noexcept {
  switch (k) {
    case value_kind::code:
      return "code";
    case value_kind::text:
      return "text";
    case value_kind::raw:
      return "raw";
    case value_kind::event:
      return "event";
  }
  return "code";
}

// What a file's head looks like. Only a wlanreport makes the whole file a container; event XML
// and text are opened where their lines start, and every other line meets the line rules.
input_format detect_format(std::string_view head) noexcept {
  auto has = [&](std::string_view n) { return head.find(n) != std::string_view::npos; };
  // The report's HTML has "<title>wlan report</title>" and "<h1>Wlan Report</h1>"; its XML <WlanReport>
  // (a part of either pasted alone: the XML's <WlanEventsSummary> or <WlanSession> elements, the
  // HTML's <div id="events-summary"> or <div id="session-list">, or its session rows alone: each
  // row's message cell opens with the report's own expand button, <span class="expand-btn">[+]
  // </span><span class="message-body">, in the reports of Windows 10 and 11).
  if (has("wlan-report") || has("WlanReport") || has("<title>WLAN Report") || has("WLAN Report</") ||
      has("Wlan Report</") || has("<title>wlan report</title>") || has("<WlanReport") || has("<WlanSession ") ||
      has("<WlanEventsSummary") || has("<div id=\"events-summary\">") || has("<div id=\"session-list\">") ||
      has("<span class=\"expand-btn\">[+]</span><span class=\"message-body\">"))
    return input_format::wlanreport;
  if (has("schemas.microsoft.com/win/2004/08/events/event") || has("<EventID") ||
      (has("<Objs") && has("EventLogRecord")) || (has("<Objects>") && has("EventLogRecord")) ||
      (has("<Events>") && has("<Event")))
    return input_format::event_xml;
  if ((has("Event[") || has("Log Name:")) && has("Event ID:")) return input_format::event_text;
  if (has("[Microsoft-Windows-") && has("::")) return input_format::etw;
  if (has("wpa_supplicant") || has("CTRL-EVENT-") || has("hostapd") || has("kernel:") || has("NetworkManager") ||
      has("iwd[") || has("mac80211") || has("(Reason: ") || has("wlan0:") || has("wlp"))
    return input_format::linux_log;
  return input_format::plain;
}

namespace detail {
bool format_is_linux(input_format f) noexcept {
  const auto i = static_cast<std::size_t>(f);
  return i < std::size(formats) && formats[i].linux_log;
}
bool format_is_container(input_format f) noexcept {
  const auto i = static_cast<std::size_t>(f);
  return i < std::size(formats) && formats[i].kind == "container";
}
}  // namespace detail

}  // namespace wlancode::scan
