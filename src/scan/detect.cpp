// Format detector: picks a file's format from its first bytes; and the table of formats.
#include "internal.hpp"

namespace wlancode::scan {

namespace {
constexpr format_info formats[] = {
    {input_format::automatic, "auto", "detect per file from its first lines (default)"},
    {input_format::event_xml, "event_xml",
     "Windows event XML: Event Viewer XML view, wevtutil qe /f:xml, ConvertTo-Xml, Export-Clixml"},
    {input_format::event_text, "event_text", "Windows event text: wevtutil qe /f:text, Event Viewer text copies"},
    {input_format::wlanreport, "wlanreport", "netsh wlan show wlanreport, XML or HTML (reasons as text)"},
    {input_format::etw, "etw", "ETW text from netsh trace convert (NWiFi, WLAN-AutoConfig)"},
    {input_format::linux_log, "linux", "syslog/journal/daemon logs: every Linux grammar below, plus symbolic names"},
    {input_format::wpa_supplicant, "wpa_supplicant",
     "CTRL-EVENT-DISCONNECTED reason=, ASSOC-REJECT/AUTH-REJECT status_code="},
    {input_format::hostapd, "hostapd", "hostapd: MLME-DEAUTHENTICATE.indication, reason=, reason_code="},
    {input_format::kernel, "kernel", "mac80211: (Reason: N=NAME), denied association (code=N), RX AssocResp status="},
    {input_format::networkmanager, "networkmanager",
     "NetworkManager: disconnected (reason N), negative = locally generated"},
    {input_format::iwd, "iwd", "iwd: reason: N, from_ap:, status: N"},
    {input_format::plain, "plain", "plain text: WLAN_REASON_CODE_*/WDI_ASSOC_STATUS_* names, hex codes after 'reason'"},
};
}  // namespace

std::span<const format_info> input_formats() noexcept { return formats; }

std::string_view to_string(input_format f) noexcept {
  for (const format_info& i : formats)
    if (i.id == f) return i.name;
  return "unknown";
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
  }
  return "code";
}

input_format detect_format(std::string_view head) noexcept {
  auto has = [&](std::string_view n) { return head.find(n) != std::string_view::npos; };
  if (has("wlan-report") || has("WlanReport") || has("<title>WLAN Report") || has("WLAN Report</") ||
      has("<WlanReport"))
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
std::unique_ptr<extractor> make_linux_extractor(input_format f);
std::unique_ptr<extractor> make_event_xml_extractor();
std::unique_ptr<extractor> make_event_text_extractor();
std::unique_ptr<extractor> make_etw_extractor();
std::unique_ptr<extractor> make_wlanreport_extractor();

std::unique_ptr<extractor> make_extractor(input_format f) {
  switch (f) {
    case input_format::event_xml:
      return make_event_xml_extractor();
    case input_format::event_text:
      return make_event_text_extractor();
    case input_format::wlanreport:
      return make_wlanreport_extractor();
    case input_format::etw:
      return make_etw_extractor();
    case input_format::automatic:
      return make_linux_extractor(input_format::plain);
    default:
      return make_linux_extractor(f);
  }
}
}  // namespace detail

}  // namespace wlancode::scan
