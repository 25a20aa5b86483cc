// Decoder: a candidate's family + value (or name, or text) -> the table entry.
#include <algorithm>

#include "internal.hpp"
#include "wlancode/explain.hpp"
#include "wlancode/text_match.hpp"

namespace wlancode::scan::detail {

namespace {
// `out` back to a default finding, keeping its strings' buffers: the pipeline decodes every
// candidate into the same finding, so a finding costs no allocation for the fields copied from the
// tables or the source (meaning, name, hints, path). Every member of `finding` is set here.
void reset(finding& f) {
  f.line = 0;
  f.record = 0;
  f.format = input_format::plain;
  f.confidence = 1.0;
  f.kind = value_kind::code;
  f.event = event_kind::attempt_started;
  f.fam.reset();
  f.space.clear();
  f.has_value = false;
  f.value = 0;
  f.code = nullptr;
  f.name.clear();
  f.meaning.clear();
  f.mapping.clear();
  f.score = 0;
  f.ph = phase::unknown;
  f.init = initiator::unknown;
  f.locally_generated = false;
  f.hint_cause.clear();
  f.hint_action.clear();
  f.time = instant{};
  f.line_truncated = false;
  f.last_on_line = false;
}
// The candidate's number: its token, read as hexadecimal when printed without its 0x.
parse_result parse_token(const candidate& c) {
  if (!c.bare_hex) return parse_number(c.token);
  char buf[24] = {'0', 'x'};
  if (c.token.size() > sizeof buf - 2) return parse_number(c.token);
  std::copy(c.token.begin(), c.token.end(), buf + 2);
  return parse_number(std::string_view(buf, c.token.size() + 2));
}
}  // namespace

bool decoder::decode(candidate&& c, const std::string& source, finding& out) {
  reset(out);
  if (out.source != source) out.source = source;
  out.line = c.line;
  out.record = c.record;
  out.format = c.format;
  out.rule = c.rule;
  out.confidence = c.confidence;
  out.field = std::move(c.field);
  out.raw = c.token;
  out.text = std::move(c.text);
  out.locally_generated = c.locally_generated;
  out.timestamp = std::move(c.timestamp);
  out.event_id = std::move(c.event_id);
  out.interface = std::move(c.interface);
  out.ssid = std::move(c.ssid);
  out.connection = std::move(c.connection);
  // Swapped, not moved: the candidate takes the finding's old buffers back to the pipeline's
  // spares (string_spares), so the next candidates allocate none.
  out.bssid.swap(c.bssid);
  c.bssid.clear();
  out.sta.swap(c.sta);
  c.sta.clear();
  out.excerpt.swap(c.excerpt);
  c.excerpt.clear();
  out.line_truncated = c.truncated;

  switch (c.kind) {
    case candidate::how::event:
      out.kind = value_kind::event;
      out.event = c.event;
      out.ph = info(c.event).ph;
      out.meaning.assign(info(c.event).description);
      return true;
    case candidate::how::number: {
      const parse_result p = parse_token(c);
      if (!p.number || !c.fam) return false;
      std::uint32_t v = p.number->value;
      if (value_bits(*c.fam) == 16) {
        if (p.number->negative) {
          if (p.number->magnitude > 0xFFFF) return false;
          v = static_cast<std::uint32_t>(p.number->magnitude);
          out.locally_generated = true;
        } else if (v > 0xFFFF) {
          return false;
        }
      }
      out.kind = value_kind::code;
      out.fam = c.fam;
      out.has_value = true;
      out.value = v;
      out.code = find(*c.fam, v);
      break;
    }
    case candidate::how::name: {
      if (!c.fam) return false;
      out.code = find(*c.fam, c.token);
      if (!out.code) return false;
      out.kind = value_kind::code;
      out.fam = out.code->fam;  // a name may resolve through another family's range (WIFI_REASON_AUTH_EXPIRE)
      out.has_value = true;
      out.value = out.code->value;
      break;
    }
    case candidate::how::text: {
      out.kind = value_kind::text;
      const std::string_view t = out.text;
      if (t.empty()) return false;
      auto it = std::find_if(cache_.begin(), cache_.end(), [&](const cached_text& k) { return k.text == t; });
      if (it == cache_.end()) {
        const std::vector<text_match> m = match_text(t, 1);
        if (cache_.size() >= 256) cache_.erase(cache_.begin());
        cache_.push_back(
            {std::string(t), m.empty() ? nullptr : m[0].code, m.empty() ? 0.0 : m[0].score, !m.empty() && m[0].exact});
        it = cache_.end() - 1;
      }
      if (it->code) {
        out.code = it->code;
        out.fam = it->code->fam;
        out.has_value = true;
        out.value = it->code->value;
        out.score = it->score;
        out.mapping.assign(it->exact ? "exact" : "approximate");
      } else {
        const bool non_ascii =
            std::any_of(t.begin(), t.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; });
        out.mapping.assign(non_ascii ? "unmapped_localized" : "unmapped");
      }
      break;
    }
    case candidate::how::raw: {
      out.kind = value_kind::raw;
      out.space.assign(c.space.empty() ? std::string_view("unknown") : std::string_view(c.space));
      if (!c.token.empty()) {
        const parse_result p = parse_token(c);
        if (p.number) {
          out.has_value = true;
          out.value = p.number->value;
        }
      }
      if (!out.has_value && out.text.empty()) return false;
      break;
    }
  }
  const code_info* carried = nullptr;  // the code a range carries in the value's low 16 bits
  if (out.code) {
    out.name.assign(out.code->name);
    out.meaning.assign(out.code->meaning.text);
  } else if (out.fam && out.has_value) {
    const classification k = classify(*out.fam, out.value);
    carried = k.inner;
    // A range from 0 holds the other family's codes as they are (ESP-IDF below 200): its name.
    if (carried && k.range->first == 0) out.name.assign(carried->name);
    char buf[256];
    describe(*out.fam, out.value, buf, sizeof buf);
    out.meaning.assign(buf);
  }
  diagnose(out, carried);
  if (c.init) out.init = *c.init;
  if (out.locally_generated) out.init = initiator::system;
  return true;
}

// Diagnosis: phase, initiator and hint of the code (or of the code its range carries).
void diagnose(finding& f, const code_info* carried) {
  const code_info* c = f.code ? f.code : carried;
  if (!c) {
    f.ph = phase::unknown;
    f.init = initiator::unknown;
    return;
  }
  f.ph = c->phase;
  f.init = c->initiator;
  if (c->hint) {
    f.hint_cause.assign(c->hint->cause);
    f.hint_action.assign(c->hint->action);
  }
}

}  // namespace wlancode::scan::detail
