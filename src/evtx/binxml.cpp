// Binary XML of one record -> its system fields and data values. The walk follows the token
// grammar (fragment, element, attribute, value, substitution, template instance) over the chunk's
// bytes; every offset is checked against the chunk before it is read, every count against the
// bytes that remain, and budgets bound the work a record can cause (templates may nest and may
// repeat a value many times).
#include <span>
#include <unordered_map>

#include "evtx.hpp"
#include "le.hpp"

namespace wlancode::evtx {
namespace {

enum : std::uint8_t {
  tok_eof = 0x00,
  tok_open = 0x01,
  tok_close_start = 0x02,
  tok_close_empty = 0x03,
  tok_end = 0x04,
  tok_value = 0x05,
  tok_attribute = 0x06,
  tok_cdata = 0x07,
  tok_charref = 0x08,
  tok_entityref = 0x09,
  tok_pi_target = 0x0a,
  tok_pi_data = 0x0b,
  tok_template = 0x0c,
  tok_subst = 0x0d,
  tok_opt_subst = 0x0e,
  tok_fragment = 0x0f,
  more_flag = 0x40,
  type_binxml = 0x21,
};

// What an element is to the record: where its text and attributes go.
enum class kind : std::uint8_t {
  other,  // nothing of ours below
  event,
  system,
  provider,
  event_id,
  time_created,
  channel,
  computer,
  event_data,
  data,  // EventData/Data: a value named by its Name attribute
  user_data,
  user,  // below UserData: a leaf is a value named by its element name
};

struct value_ref {
  std::size_t at;  // chunk offset
  std::uint16_t size;
  std::uint8_t type;
};

struct frame {
  kind k;
  bool had_child = false;
  std::string name, text;
};

struct failed {
  loss why;
};

class walker {
 public:
  walker(const unsigned char* c, std::size_t len, record& r, name_cache& names)
      : c_(c), len_(len), rec_(r), names_(names.names) {}

  void run(std::size_t pos, std::size_t end) {
    fragment(pos, end, {}, 0, false);
    if (!stack_.empty()) throw failed{loss::bad_binxml};
  }

 private:
  [[noreturn]] static void bad() { throw failed{loss::bad_binxml}; }
  void need(std::size_t pos, std::size_t n, std::size_t end) const {
    if (pos > end || end - pos < n) bad();
  }
  void step() {
    if (++steps_ > max_steps) throw failed{loss::over_budget};
  }

  // A name at chunk offset `off`: unknown u32, hash u16, count u16, UTF-16 and a NUL. When it is
  // stored right here (`off == pos`), pos moves past it.
  std::string_view name(std::uint32_t off, std::size_t& pos, std::size_t end) {
    if (off == pos) {
      need(pos, 8, end);
      const std::size_t bytes = 8 + 2 * std::size_t{le16(c_ + pos + 6)} + 2;
      need(pos, bytes, end);
      pos += bytes;
    }
    if (auto it = names_.find(off); it != names_.end()) return it->second;
    if (!plausible_name(off)) bad();
    std::string s;
    render_value(0x01, c_ + off + 8, 2 * std::size_t{le16(c_ + off + 6)}, s);
    if (names_.size() > 4096) names_.clear();
    return names_.emplace(off, std::move(s)).first->second;
  }
  bool plausible_name(std::size_t off) const {
    if (off > len_ || len_ - off < 10) return false;
    const std::size_t count = le16(c_ + off + 6);
    return count > 0 && off + 8 + 2 * count + 2 <= len_ && le16(c_ + off + 8 + 2 * count) == 0;
  }

  // Fragment: header, then elements or template instances, up to EOF or `end`.
  void fragment(std::size_t& pos, std::size_t end, std::span<const value_ref> subs, unsigned depth, bool in_value) {
    while (pos < end) {
      step();
      const std::uint8_t t = c_[pos];
      if (t == tok_eof) {
        ++pos;
        return;
      } else if (t == tok_fragment) {
        need(pos, 4, end);
        pos += 4;
      } else if ((t & ~more_flag) == tok_open) {
        element(pos, end, subs, depth, in_value);
      } else if (t == tok_template) {
        template_instance(pos, end, depth);
      } else if (t == tok_pi_target || t == tok_pi_data) {
        pi(pos, end);
      } else if (in_value) {
        content_token(pos, end, subs, depth);  // a value's BinXML may be content alone
      } else {
        bad();
      }
    }
  }

  void pi(std::size_t& pos, std::size_t end) {
    if (c_[pos] == tok_pi_target) {
      need(pos, 5, end);
      pos += 5;
      name(le32(c_ + pos - 4), pos, end);
    } else {
      need(pos, 3, end);
      const std::size_t bytes = 2 * std::size_t{le16(c_ + pos + 1)};
      need(pos, 3 + bytes, end);
      pos += 3 + bytes;
    }
  }

  // Element start with or without the dependency identifier (absent in elements inside binary
  // XML values and in some forwarded events): the name offset tells which, when the name is
  // stored inline; else the one whose offset holds a well-formed name.
  void element(std::size_t& pos, std::size_t end, std::span<const value_ref> subs, unsigned depth, bool in_value) {
    const std::size_t p = pos;
    const bool attrs = c_[p] & more_flag;
    need(p, 9, end);
    const std::uint32_t off_without = le32(c_ + p + 5);
    const std::uint32_t off_with = end - p >= 11 ? le32(c_ + p + 7) : 0;
    bool with;
    if (end - p >= 11 && off_with == p + 11)
      with = true;
    else if (off_without == p + 9)
      with = false;
    else if (in_value)
      with = !plausible_name(off_without) && end - p >= 11 && plausible_name(off_with);
    else
      with = end - p >= 11 && plausible_name(off_with) ? true : !plausible_name(off_without);
    pos = p + (with ? 11 : 9);
    const std::string_view n = name(with ? off_with : off_without, pos, end);
    if (attrs) {
      need(pos, 4, end);
      pos += 4;  // attribute list size: the attributes are read token by token
    }
    open(n);
    while (pos < end && (c_[pos] & ~more_flag) == tok_attribute) {
      step();
      need(pos, 5, end);
      pos += 5;
      const std::string_view an = name(le32(c_ + pos - 4), pos, end);
      std::string* into = attribute_target(an);
      text_run(pos, end, subs, depth, into, true);
    }
    need(pos, 1, end);
    if (c_[pos] == tok_close_empty) {
      ++pos;
      close();
      return;
    }
    if (c_[pos] != tok_close_start) bad();
    ++pos;
    for (;;) {
      need(pos, 1, end);
      step();
      const std::uint8_t t = c_[pos];
      if (t == tok_end) {
        ++pos;
        close();
        return;
      }
      if ((t & ~more_flag) == tok_open)
        element(pos, end, subs, depth, in_value);
      else if (t == tok_template)
        template_instance(pos, end, depth);
      else if (t == tok_pi_target || t == tok_pi_data)
        pi(pos, end);
      else
        content_token(pos, end, subs, depth);
    }
  }

  // Value text, substitutions, references, CDATA: into the open element's text.
  void content_token(std::size_t& pos, std::size_t end, std::span<const value_ref> subs, unsigned depth) {
    frame* f = stack_.empty() ? nullptr : &stack_.back();
    std::string* into = f && (f->k == kind::event_id || f->k == kind::channel || f->k == kind::computer ||
                              f->k == kind::data || f->k == kind::user)
                            ? &f->text
                            : nullptr;
    if (!one_text_token(pos, end, subs, depth, into, false)) bad();
  }

  // Tokens of one attribute's value (or a content string), while they are value tokens.
  void text_run(std::size_t& pos, std::size_t end, std::span<const value_ref> subs, unsigned depth, std::string* into,
                bool attribute) {
    while (pos < end && one_text_token(pos, end, subs, depth, into, attribute)) step();
  }

  // One value-like token; false (pos unchanged) when the next token is not one.
  bool one_text_token(std::size_t& pos, std::size_t end, std::span<const value_ref> subs, unsigned depth,
                      std::string* into, bool attribute) {
    const std::uint8_t t = c_[pos];
    switch (t & ~more_flag) {
      case tok_value: {
        need(pos, 4, end);
        if (c_[pos + 1] != 0x01) bad();  // value text is always a UTF-16 string
        const std::size_t bytes = 2 * std::size_t{le16(c_ + pos + 2)};
        need(pos, 4 + bytes, end);
        if (into) append(*into, 0x01, pos + 4, bytes);
        pos += 4 + bytes;
        return true;
      }
      case tok_cdata: {
        need(pos, 3, end);
        const std::size_t bytes = 2 * std::size_t{le16(c_ + pos + 1)};
        need(pos, 3 + bytes, end);
        if (into) append(*into, 0x01, pos + 3, bytes);
        pos += 3 + bytes;
        return true;
      }
      case tok_charref: {
        need(pos, 3, end);
        if (into) {
          const unsigned char u[2] = {c_[pos + 1], c_[pos + 2]};
          render_value(0x01, u, 2, *into);
        }
        pos += 3;
        return true;
      }
      case tok_entityref: {
        need(pos, 5, end);
        pos += 5;
        const std::string_view n = name(le32(c_ + pos - 4), pos, end);
        if (into) *into += n == "lt" ? "<" : n == "gt" ? ">" : n == "amp" ? "&" : n == "quot" ? "\"" : "'";
        return true;
      }
      case tok_subst:
      case tok_opt_subst:
        if (t & more_flag) return false;
        need(pos, 4, end);
        substitution(le16(c_ + pos + 1), subs, depth, into, attribute);
        pos += 4;
        return true;
      default:
        return false;
    }
  }

  void substitution(std::size_t id, std::span<const value_ref> subs, unsigned depth, std::string* into,
                    bool attribute) {
    if (id >= subs.size()) return;  // no such value: nothing (as Windows renders it)
    const value_ref& v = subs[id];
    if (v.type == type_binxml) {
      if (attribute) return;
      std::size_t p = v.at;
      fragment(p, v.at + v.size, {}, depth + 1, true);
      return;
    }
    if (into) append(*into, v.type, v.at, v.size);
  }

  void append(std::string& out, std::uint8_t type, std::size_t at, std::size_t n) {
    if (rendered_ += n; rendered_ > max_rendered) throw failed{loss::over_budget};
    if (out.size() >= max_value_bytes) return;
    if (!render_value(type, c_ + at, n, out)) malformed_values_ = true;
    if (out.size() > max_value_bytes) out.resize(max_value_bytes);
  }

  // Template instance: definition (here or earlier in the chunk), then the values it is
  // instantiated with, then the definition's fragment walked with them.
  void template_instance(std::size_t& pos, std::size_t end, unsigned depth) {
    if (depth >= max_template_depth) throw failed{loss::over_budget};
    need(pos, 10, end);
    const std::size_t def = le32(c_ + pos + 6);
    pos += 10;
    if (def > len_ || len_ - def < 24) bad();
    const std::size_t body_size = le32(c_ + def + 20);
    if (len_ - def - 24 < body_size) bad();
    if (def == pos) {
      need(pos, 24 + body_size, end);
      pos += 24 + body_size;
    }
    need(pos, 4, end);
    const std::size_t count = le32(c_ + pos);
    pos += 4;
    if (count > (end - pos) / 4) bad();
    std::vector<value_ref>& subs = subs_[depth];
    subs.clear();
    std::size_t at = pos + 4 * count;
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint16_t size = le16(c_ + pos + 4 * i);
      need(at, size, end);
      subs.push_back({at, size, c_[pos + 4 * i + 2]});
      at += size;
    }
    pos = at;
    std::size_t body = def + 24;
    fragment(body, def + 24 + body_size, subs, depth + 1, false);
  }

  // ---- what the elements mean to the record ----
  void open(std::string_view n) {
    if (stack_.size() >= max_element_depth) throw failed{loss::over_budget};
    const kind parent = stack_.empty() ? kind::other : stack_.back().k;
    if (!stack_.empty()) stack_.back().had_child = true;
    kind k = kind::other;
    if (stack_.empty())
      k = n == "Event" ? kind::event : kind::other;
    else if (parent == kind::event)
      k = n == "System"      ? kind::system
          : n == "EventData" ? kind::event_data
          : n == "UserData"  ? kind::user_data
                             : kind::other;
    else if (parent == kind::system)
      k = n == "Provider"      ? kind::provider
          : n == "EventID"     ? kind::event_id
          : n == "TimeCreated" ? kind::time_created
          : n == "Channel"     ? kind::channel
          : n == "Computer"    ? kind::computer
                               : kind::other;
    else if (parent == kind::event_data)
      k = n == "Data" ? kind::data : kind::other;
    else if (parent == kind::user_data || parent == kind::user)
      k = kind::user;
    stack_.push_back({k, false, k == kind::user ? std::string(n) : std::string(), {}});
  }
  std::string* attribute_target(std::string_view n) {
    if (stack_.empty()) return nullptr;
    frame& f = stack_.back();
    if (f.k == kind::provider && n == "Name") return &rec_.provider;
    if (f.k == kind::time_created && n == "SystemTime") return &rec_.time;
    if (f.k == kind::data && n == "Name") return &f.name;
    return nullptr;
  }
  void close() {
    if (stack_.empty()) bad();
    frame& f = stack_.back();
    switch (f.k) {
      case kind::event_id: {
        std::uint32_t v = 0;
        bool ok = !f.text.empty() && f.text.size() <= 10;
        for (char ch : f.text)
          ok = ok && ch >= '0' && ch <= '9' && (v = v * 10 + static_cast<std::uint32_t>(ch - '0'), true);
        if (ok) {
          rec_.has_event_id = true;
          rec_.event_id = v;
        }
        break;
      }
      case kind::channel:
        rec_.channel = std::move(f.text);
        break;
      case kind::computer:
        rec_.computer = std::move(f.text);
        break;
      case kind::data:
        add_field(std::move(f.name), std::move(f.text));
        break;
      case kind::user:
        if (!f.had_child) add_field(std::move(f.name), std::move(f.text));
        break;
      default:
        break;
    }
    stack_.pop_back();
  }
  void add_field(std::string n, std::string v) {
    if (rec_.data.size() >= max_fields) {
      rec_.fields_capped = true;
      return;
    }
    rec_.data.push_back({std::move(n), std::move(v)});
  }

  const unsigned char* c_;
  std::size_t len_;
  record& rec_;
  std::size_t steps_ = 0, rendered_ = 0;
  bool malformed_values_ = false;
  std::vector<frame> stack_;
  std::array<std::vector<value_ref>, max_template_depth + 1> subs_;
  std::unordered_map<std::uint32_t, std::string>& names_;
};

}  // namespace

bool read_event(const unsigned char* chunk, std::size_t chunk_len, std::size_t begin, std::size_t end, record& rec,
                loss& why, name_cache* names) {
  if (begin > end || end > chunk_len) {
    why = loss::bad_record_header;
    return false;
  }
  try {
    name_cache own;
    walker w(chunk, chunk_len, rec, names ? *names : own);
    w.run(begin, end);
  } catch (const failed& f) {
    why = f.why;
    return false;
  }
  return true;
}

}  // namespace wlancode::evtx
