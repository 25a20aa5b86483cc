// render_report: the template's slots filled with the title, the page's meta data and the
// diagnosis, each escaped for where it goes.
#include "report_html.hpp"

#include <stdexcept>

#include "output.hpp"
#include "report_template.hpp"
#include "utf.hpp"
#include "wlancode/codes.hpp"

namespace wlancode::cli {
namespace {

constexpr std::string_view default_title = "Wi-Fi connection report";

// Bytes a code point takes in UTF-8 (0 for a surrogate or beyond U+10FFFF: never valid).
constexpr std::size_t utf8_length(char32_t cp) noexcept {
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : cp <= 0x10FFFF ? 4 : 0;
}

// Calls `emit(cp, bytes)` for each character of s; an invalid sequence (bad byte, truncated,
// overlong, surrogate) is one U+FFFD per byte skipped, with empty `bytes`.
template <class Emit>
void for_each_char(std::string_view s, Emit emit) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = detail::utf8_next(s, i);
    const std::size_t used = i - start;
    if (utf8_length(cp) != used) {
      i = start + 1;
      emit(char32_t{0xFFFD}, std::string_view{});
    } else {
      emit(cp, s.substr(start, used));
    }
  }
}

void append_u_escape(std::string& out, char32_t cp) {
  constexpr char digits[] = "0123456789abcdef";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(cp >> shift) & 0xF];
}

// The page's own data beside the diagnosis: who made it, from what, and the names of the phases
// and initiators (from wlancode's tables, so the page never keeps a copy of them).
std::string meta_json(std::string_view title, const report_meta& meta) {
  std::string out;
  // One "key":"value" member after `sep` (string appends only: GCC 12's -Wrestrict misreads
  // const char* + std::string here).
  const auto member = [&out](std::string_view sep, std::string_view key, std::string_view value) {
    out += sep;
    append_json_string(out, key);
    out += ':';
    append_json_string(out, value);
  };
  member("{", "title", title);
  member(",", "generated_at", meta.generated_at);
  member(",", "version", meta.version);
  out += ",\"inputs\":[";
  for (std::size_t i = 0; i < meta.inputs.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, meta.inputs[i]);
  }
  out += "],\"phases\":";
  std::string_view sep = "{";
#define WLANCODE_PHASE(id, text)                          \
  member(sep, to_string(phase::id), describe(phase::id)); \
  sep = ",";
#include "wlancode/tables/phases.def"
  out += "},\"initiators\":";
  sep = "{";
#define WLANCODE_INITIATOR(id, text)                              \
  member(sep, to_string(initiator::id), describe(initiator::id)); \
  sep = ",";
#include "wlancode/tables/initiators.def"
  out += "}}";
  return out;
}

}  // namespace

std::string script_safe_json(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for_each_char(json, [&](char32_t cp, std::string_view bytes) {
    const bool control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
    if (bytes.empty() || control || cp == '<' || cp == '>' || cp == '&' || cp == 0x2028 || cp == 0x2029) {
      append_u_escape(out, cp);
    } else {
      out += bytes;
    }
  });
  return out;
}

std::string html_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for_each_char(s, [&](char32_t cp, std::string_view bytes) {
    switch (cp) {
      case '&':
        out += "&amp;";
        return;
      case '<':
        out += "&lt;";
        return;
      case '>':
        out += "&gt;";
        return;
      case '"':
        out += "&quot;";
        return;
      case '\'':
        out += "&#39;";
        return;
      default:
        break;
    }
    const bool control = (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F);
    if (bytes.empty() || control) {
      out += "\xEF\xBF\xBD";  // U+FFFD
    } else {
      out += bytes;
    }
  });
  return out;
}

std::string render_report(std::string_view diagnose_json, const report_meta& meta) {
  const std::string_view title = meta.title.empty() ? default_title : std::string_view{meta.title};
  const std::string data = script_safe_json(diagnose_json);
  const std::string page_meta = script_safe_json(meta_json(title, meta));
  const std::string title_html = html_text(title);
  std::size_t size = data.size() + page_meta.size();
  for (std::size_t i = 0; i <= report_template::slot_count; ++i) size += report_template::parts[i].size();
  std::string out;
  out.reserve(size + title_html.size() * report_template::slot_count);
  for (std::size_t i = 0; i < report_template::slot_count; ++i) {
    out += report_template::parts[i];
    const std::string_view slot = report_template::slots[i];
    if (slot == "TITLE") {
      out += title_html;
    } else if (slot == "META") {
      out += page_meta;
    } else if (slot == "DATA") {
      out += data;
    } else {
      throw std::logic_error("report template: unknown slot @@" + std::string(slot) + "@@");
    }
  }
  out += report_template::parts[report_template::slot_count];
  return out;
}

}  // namespace wlancode::cli
