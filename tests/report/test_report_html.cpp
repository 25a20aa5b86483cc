// render_report, script_safe_json and html_text: escaping (every hostile field of the fixtures),
// the page's structure, and the diagnosis surviving its trip into the page unchanged.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "report_html.hpp"

namespace {

using wlancode::cli::html_text;
using wlancode::cli::render_report;
using wlancode::cli::report_meta;
using wlancode::cli::script_safe_json;

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(WLANCODE_REPORT_FIXTURES) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t count(std::string_view hay, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = hay.find(needle); at != std::string_view::npos; at = hay.find(needle, at + needle.size())) ++n;
  return n;
}

report_meta sample_meta() {
  report_meta m;
  m.title = "Fleet report";
  m.generated_at = "2026-11-21T12:00:00Z";
  m.version = "0.1.0";
  m.inputs = {"a.log", "b.xml"};
  return m;
}

// The text of the <script type="application/json" id="ID"> block.
std::string block(const std::string& page, std::string_view id) {
  const std::string open = "<script type=\"application/json\" id=\"" + std::string(id) + "\">";
  const std::size_t at = page.find(open);
  if (at == std::string::npos) return "<missing>";
  const std::size_t from = at + open.size();
  const std::size_t to = page.find("</script>", from);
  if (to == std::string::npos) return "<unterminated>";
  return page.substr(from, to - from);
}

// The page with both data blocks emptied: what a diagnosis could change if it escaped its block.
std::string outside_blocks(std::string page) {
  for (const char* id : {"wlancode-diagnosis", "wlancode-meta"}) {
    const std::string inner = block(page, id);
    const std::string open = std::string("<script type=\"application/json\" id=\"") + id + "\">";
    page.replace(page.find(open) + open.size(), inner.size(), "");
  }
  return page;
}

// Undoes the escapes script_safe_json adds to the fixtures (which spell none of them), in one pass.
std::string unescape_markup(std::string_view s) {
  const std::pair<std::string_view, std::string_view> escapes[] = {{"\\u003c", "<"},
                                                                   {"\\u003e", ">"},
                                                                   {"\\u0026", "&"},
                                                                   {"\\u2028", "\xE2\x80\xA8"},
                                                                   {"\\u2029", "\xE2\x80\xA9"},
                                                                   {"\\u0085", "\xC2\x85"}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool done = false;
    for (const auto& [from, to] : escapes) {
      if (s.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        done = true;
        break;
      }
    }
    if (!done) out += s[i++];
  }
  return out;
}

TEST(ScriptSafeJson, EscapesWhatCouldEndTheScriptOrTheLine) {
  EXPECT_EQ(script_safe_json(""), "");
  EXPECT_EQ(script_safe_json(R"({"a":"</script>"})"), R"({"a":"\u003c/script\u003e"})");
  EXPECT_EQ(script_safe_json(R"(["<!--","&amp;"])"), R"(["\u003c!--","\u0026amp;"])");
  EXPECT_EQ(script_safe_json("\"\xE2\x80\xA8\xE2\x80\xA9\""), R"("\u2028\u2029")");
  EXPECT_EQ(script_safe_json("{\n\t\"a\": 1\r\n}"), "{\n\t\"a\": 1\r\n}");  // JSON whitespace stays
}

TEST(ScriptSafeJson, EscapesControlCharacters) {
  EXPECT_EQ(script_safe_json(std::string("\"a\0b\"", 5)), R"("a\u0000b")");
  EXPECT_EQ(script_safe_json("\"\x1b[31m\x07\x7f\""), R"("\u001b[31m\u0007\u007f")");
  EXPECT_EQ(script_safe_json("\"\xC2\x85\xC2\x9B\""), R"("\u0085\u009b")");  // C1: NEL, CSI
}

TEST(ScriptSafeJson, InvalidUtf8BecomesReplacementEscapes) {
  EXPECT_EQ(script_safe_json("\"\xff\""), R"("\ufffd")");
  EXPECT_EQ(script_safe_json("\"\xE2\x80\""), R"("\ufffd\ufffd")");                      // truncated
  EXPECT_EQ(script_safe_json("\"\xC0\xBC\""), R"("\ufffd\ufffd")");                      // overlong '<'
  EXPECT_EQ(script_safe_json("\"\xED\xA0\x80\""), R"("\ufffd\ufffd\ufffd")");            // surrogate
  EXPECT_EQ(script_safe_json("\"\xF4\x90\x80\x80\""), R"("\ufffd\ufffd\ufffd\ufffd")");  // > U+10FFFF
  EXPECT_EQ(script_safe_json("\"\xE2\x80"), "\"\\ufffd\\ufffd");                         // cut at the end
}

TEST(ScriptSafeJson, KeepsValidText) {
  const std::string text = "\"Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x93\xB6 \xE2\x9C\x93 12 \xC3\x97\"";
  EXPECT_EQ(script_safe_json(text), text);
  EXPECT_EQ(script_safe_json(R"({"k":[1,2.5e3,true,null,"\"\\"]})"), R"({"k":[1,2.5e3,true,null,"\"\\"]})");
}

TEST(HtmlText, EscapesMarkupAndControls) {
  EXPECT_EQ(html_text(""), "");
  EXPECT_EQ(html_text(R"(<a href="x">&'</a>)"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(html_text(std::string("a\0b\x1b\tc\nd", 8)),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD\tc\nd");
  EXPECT_EQ(html_text("\xff\xC0\xBC"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(html_text("Caf\xC3\xA9"), "Caf\xC3\xA9");
}

TEST(RenderReport, IsOneWellFormedPage) {
  const std::string page = render_report(read_fixture("realistic.json"), sample_meta());
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(count(page, "<html"), 1u);
  EXPECT_EQ(count(page, "</html>"), 1u);
  EXPECT_EQ(count(page, "<head>"), 1u);
  EXPECT_EQ(count(page, "<body>"), 1u);
  EXPECT_EQ(count(page, "</body>"), 1u);
  EXPECT_EQ(count(page, "<style>"), 1u);
  EXPECT_EQ(count(page, "@@"), 0u);  // every slot filled, every file inlined
  EXPECT_EQ(count(page, "<title>Fleet report</title>"), 1u);
  // Self-contained: nothing is loaded from anywhere.
  EXPECT_EQ(count(page, "http://"), 1u);  // the SVG namespace name in the script, not a URL that is fetched
  EXPECT_EQ(count(page, "https://"), 0u);
  EXPECT_EQ(count(page, " src="), 0u);
  EXPECT_EQ(count(page, "<link"), 0u);
  EXPECT_NE(page.find("http://www.w3.org/2000/svg"), std::string::npos);
  // Three script elements: meta, diagnosis, the page's own script.
  EXPECT_EQ(count(page, "<script"), 3u);
  EXPECT_EQ(count(page, "</script>"), 3u);
}

TEST(RenderReport, DiagnosisRoundTrips) {
  for (const char* name : {"realistic.json", "empty.json", "hostile.json"}) {
    const std::string json = read_fixture(name);
    for (const char* e : {"\\u003c", "\\u003e", "\\u0026", "\\u2028", "\\u2029", "\\u0085"}) {
      ASSERT_EQ(json.find(e), std::string::npos) << name << " spells " << e << ", which the test would undo";
    }
    const std::string inner = block(render_report(json, sample_meta()), "wlancode-diagnosis");
    EXPECT_EQ(inner.find('<'), std::string::npos) << name;
    EXPECT_EQ(inner.find('>'), std::string::npos) << name;
    EXPECT_EQ(inner.find('&'), std::string::npos) << name;
    EXPECT_EQ(unescape_markup(inner), json) << name;
  }
}

TEST(RenderReport, HostileDiagnosisChangesNothingOutsideItsBlock) {
  const std::string hostile = read_fixture("hostile.json");
  ASSERT_NE(hostile.find("</script><img src=x onerror=alert(1)>"), std::string::npos);
  ASSERT_NE(hostile.find("\xE2\x80\xA8"), std::string::npos);
  const std::string page = render_report(hostile, sample_meta());
  EXPECT_EQ(outside_blocks(page), outside_blocks(render_report("{}", sample_meta())));
  EXPECT_EQ(count(page, "</script>"), 3u);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("<svg"), std::string::npos);
  EXPECT_EQ(page.find("<!--"), std::string::npos);
  EXPECT_EQ(page.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_EQ(page.find("\xC2\x85"), std::string::npos);
}

TEST(RenderReport, HostileMetaIsEscaped) {
  report_meta m;
  m.title = "</title><script>window.__pwned=1</script>";
  m.generated_at = "</script><img src=x>";
  m.version = std::string("1\0\x1b", 3);
  m.inputs = {"<b>in</b>", "\xff\xfe", "</script>"};
  const std::string page = render_report("{}", m);
  EXPECT_EQ(count(page, "<title>&lt;/title&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;</title>"), 1u);
  EXPECT_EQ(count(page, "</script>"), 3u);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("<b>"), std::string::npos);
  const std::string meta = block(page, "wlancode-meta");
  EXPECT_NE(meta.find(R"("title":"\u003c/title\u003e\u003cscript\u003ewindow.__pwned=1\u003c/script\u003e")"),
            std::string::npos)
      << meta;
  EXPECT_NE(meta.find(R"("inputs":["\u003cb\u003ein\u003c/b\u003e","\uFFFD\uFFFD","\u003c/script\u003e"])"),
            std::string::npos)
      << meta;
  EXPECT_NE(meta.find(R"("version":"1\u0000\u001B")"), std::string::npos) << meta;
}

TEST(RenderReport, MetaCarriesTheLibrarysPhaseAndInitiatorNames) {
  const std::string meta = block(render_report("{}", sample_meta()), "wlancode-meta");
  EXPECT_NE(meta.find(R"("generated_at":"2026-11-21T12:00:00Z")"), std::string::npos) << meta;
  EXPECT_NE(meta.find(R"("version":"0.1.0")"), std::string::npos) << meta;
  EXPECT_NE(meta.find(R"("inputs":["a.log","b.xml"])"), std::string::npos) << meta;
  EXPECT_NE(meta.find(R"x("key_exchange":"key exchange (4-way / group key)")x"), std::string::npos) << meta;
  EXPECT_NE(meta.find(R"("eap":"802.1X / EAP")"), std::string::npos) << meta;
  EXPECT_NE(meta.find(R"("auth_server":"the authentication server")"), std::string::npos) << meta;
}

TEST(RenderReport, DefaultTitle) {
  report_meta m;
  const std::string page = render_report("{}", m);
  EXPECT_EQ(count(page, "<title>Wi-Fi connection report</title>"), 1u);
  EXPECT_NE(block(page, "wlancode-meta").find(R"("title":"Wi-Fi connection report")"), std::string::npos);
  EXPECT_NE(block(page, "wlancode-meta").find(R"("inputs":[])"), std::string::npos);
}

TEST(RenderReport, BadInputStillGivesAPage) {
  // Empty, garbage, NUL bytes, invalid UTF-8, truncated JSON: a page whose script says the data
  // cannot be read; the bytes are kept (escaped), never markup.
  const std::string inputs[] = {"", "not json <b>", std::string("{\"a\":\"\0\"}", 9), "{\"a\":\"\xff\xc0\"}",
                                R"({"groups":[{"attempts":[)"};
  for (const std::string& in : inputs) {
    const std::string page = render_report(in, sample_meta());
    EXPECT_EQ(count(page, "</script>"), 3u);
    EXPECT_EQ(count(page, "</html>"), 1u);
    EXPECT_EQ(page.find("<b>"), std::string::npos);
    EXPECT_EQ(page.find('\0'), std::string::npos);
  }
  EXPECT_EQ(block(render_report(std::string("{\"a\":\"\0\"}", 9), sample_meta()), "wlancode-diagnosis"),
            R"({"a":"\u0000"})");
}

TEST(RenderReport, HugeDiagnosisIsInlinedWhole) {
  std::string big = "{\"notes\":[";
  for (int i = 0; i < 200000; ++i) big += (i ? ",\"" : "\"") + std::to_string(i) + " </script>\"";
  big += "]}";
  const std::string page = render_report(big, sample_meta());
  EXPECT_EQ(count(page, "</script>"), 3u);
  const std::string inner = block(page, "wlancode-diagnosis");
  EXPECT_EQ(unescape_markup(inner), big);
}

}  // namespace
