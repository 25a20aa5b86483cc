// The HTML report: a diagnosis (wlancode-diagnose/1 JSON) rendered into one self-contained page.
// The page's template, CSS and script are report/report.{html,css,js}, embedded at build time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wlancode::cli {

// What the page says about itself, beside the diagnosis.
struct report_meta {
  std::string title;                // empty: "Wi-Fi connection report"
  std::string generated_at;         // ISO 8601, UTC
  std::string version;              // wlancode's version
  std::vector<std::string> inputs;  // the paths as given (already redacted when asked)
};

// The page. `diagnose_json` is inlined as data (never as markup or code): any value, valid JSON or
// not, is shown by the page's script with textContent only. Invalid JSON gives a page that says so.
std::string render_report(std::string_view diagnose_json, const report_meta& meta);

// JSON text made safe for the inside of <script type="application/json">: '<', '>', '&', U+2028,
// U+2029, control characters other than tab/LF/CR, and C1 controls become \u escapes, invalid
// UTF-8 (overlong forms and surrogates included) \ufffd. A valid JSON text keeps its value.
std::string script_safe_json(std::string_view json);

// Text for an HTML element's content or a quoted attribute: & < > " ' as character references,
// invalid UTF-8 and control characters other than tab and LF as U+FFFD.
std::string html_text(std::string_view s);

}  // namespace wlancode::cli
