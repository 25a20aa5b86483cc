// The container of netsh wlan show wlanreport (XML, HTML). ETW text is line rules (grammar/rules.def).
#include <algorithm>
#include <span>

#include "internal.hpp"
#include "text.hpp"

namespace wlancode::scan::detail {
namespace {

// The wlanreport: HTML rows and XML elements whose text says "Reason: ..." (disconnect and failure
// reasons, text only) are mapped with text->code. Profile key material is skipped entirely.
class wlanreport_container final : public container {
 public:
  // A report is a whole file: every line is its own.
  bool open() const noexcept override { return true; }
  void finish(std::vector<candidate>&) override {}
  bool take(const line& l, std::vector<candidate>& out) override {
    on_line(l, out);
    return true;
  }

 private:
  void on_line(const line& l, std::vector<candidate>& out) {
    std::string_view s = l.text;
    // Never look inside key material, even when the element spans lines.
    if (in_key_) {
      const std::size_t e = s.find("</keyMaterial>");
      if (e == std::string_view::npos) return;
      in_key_ = false;
      s.remove_prefix(e);
    }
    if (const std::size_t k = s.find("<keyMaterial>"); k != std::string_view::npos) {
      if (s.find("</keyMaterial>", k) == std::string_view::npos) in_key_ = true;
      return;
    }
    // Text without tags, entities decoded.
    std::string text;
    bool in_tag = false;
    for (std::size_t i = 0; i < s.size() && text.size() < 8192; ++i) {
      const char ch = s[i];
      if (ch == '<') {
        in_tag = true;
        text += ' ';
      } else if (ch == '>') {
        in_tag = false;
      } else if (!in_tag) {
        text += ch;
      }
    }
    for (auto [e, r] :
         {std::pair{"&amp;", "&"}, std::pair{"&#39;", "'"}, std::pair{"&quot;", "\""}, std::pair{"&nbsp;", " "}}) {
      std::size_t p = 0;
      const std::string_view ev(e);
      while ((p = text.find(ev, p)) != std::string::npos) text.replace(p, ev.size(), r);
    }
    // Numeric character references (&#233; &#x2019;) as UTF-8, so localized text stays recognisable.
    for (std::size_t p = 0; (p = text.find("&#", p)) != std::string::npos;) {
      const std::size_t semi = text.find(';', p);
      if (semi == std::string::npos || semi - p > 10) {
        p += 2;
        continue;
      }
      const bool hexnum = text[p + 2] == 'x' || text[p + 2] == 'X';
      unsigned long cp = 0;
      bool ok = semi > p + (hexnum ? 3 : 2);
      for (std::size_t i = p + (hexnum ? 3 : 2); ok && i < semi; ++i) {
        const char ch = text[i];
        const int d = is_digit(ch) ? ch - '0' : (hexnum && is_hex(ch)) ? (ch | 0x20) - 'a' + 10 : -1;
        if (d < 0)
          ok = false;
        else
          cp = cp * (hexnum ? 16 : 10) + static_cast<unsigned long>(d);
        if (cp > 0x10FFFF) ok = false;
      }
      if (!ok || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
        p += 2;
        continue;
      }
      std::string u;
      if (cp < 0x80)
        u += static_cast<char>(cp);
      else if (cp < 0x800)
        u += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
      else if (cp < 0x10000)
        u += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
              static_cast<char>(0x80 | (cp & 0x3F))};
      else
        u += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
              static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
      text.replace(p, semi + 1 - p, u);
      p += u.size();
    }
    const std::string_view t(text);
    if (t.find("8003") != std::string_view::npos || t.find("8002") != std::string_view::npos) {
      const std::size_t p = t.find("800");
      last_event_ = std::string(t.substr(p, 4));
    }
    static constexpr std::string_view labels[] = {"Disconnect Reason:", "Failure Reason:", "Reason:"};
    for (std::string_view lab : labels) {
      const std::size_t p = t.find(lab);
      if (p == std::string_view::npos) continue;
      std::string_view v = trim(t.substr(p + lab.size()));
      if (const std::size_t cut = v.find("  "); cut != std::string_view::npos) v = trim(v.substr(0, cut));
      if (v.empty()) return;
      candidate c;
      c.format = input_format::wlanreport;
      c.rule = "wlanreport";
      c.field = lab.substr(0, lab.size() - 1);
      c.kind = candidate::how::text;
      c.text = v.substr(0, 512);
      c.event_id = last_event_;
      c.line = l.number;
      c.truncated = l.truncated;
      c.excerpt = excerpt_of(l.text);
      c.timestamp = leading_timestamp(trim(t));
      out.push_back(std::move(c));
      return;
    }
  }

  bool in_key_ = false;
  std::string last_event_;
};

}  // namespace

std::unique_ptr<container> make_wlanreport_container() { return std::make_unique<wlanreport_container>(); }

}  // namespace wlancode::scan::detail
