// Writes the drop-in Windows SDK/WDK headers of include/wlancode/compat/ from the tables: the SDK
// names, exactly spelled, with the tables' values, as macros where the SDK has macros and as enums
// (with the SDK's tag names) where it has enums. C macros cannot come out of X-macros, hence a
// generator. Usage: wlancode-gencompat OUTPUT_DIR      (the headers are generated, never typed)
//
// What goes where (and why):
//   l2cmn.h             L2_REASON_CODE_* range macros (wlan_reason_macros.def) and the L2_REASON_CODE_*
//                       aliases of wlan_reason rows (aliases.def): #defines, as in l2cmn.h
//   wlanapi.h           typedef DWORD WLAN_REASON_CODE; WLAN_REASON_CODE_* range macros and rows: #defines;
//                       WlanReasonCodeToString through wlancode/wlanapi_compat.h
//   dot1x.h             enum _ONEX_REASON_CODE: ONEX_REASON_CODE_SUCCESS (alias), ONEX_REASON_START
//                       (range macro) and the ONEX_* rows of wlan_reason
//   dot11wificxtypes.h  enum _WDI_ASSOC_STATUS: the wdi_assoc_status rows
//   wcndevice.h         enum tagWCN_SESSION_STATUS: the wcn_session_status rows
//   wcntypes.h          enum tagWCN_VALUE_TYPE_CONFIGURATION_ERROR: the WCN_VALUE_CE_* rows of wps_config_error
//   windot11.h          typedef ULONG DOT11_ASSOC_STATUS; the rows, the _START/_END macros of its named
//                       ranges (ranges.def), DOT11_ASSOC_STATUS_REASON_CODE_MASK and the DOT11_* aliases: #defines
// A row or alias is written only under a prefix its SDK header defines; the others are listed in a comment.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "wlancode/codes.hpp"

namespace {

using wlancode::family;

struct alias_row {
  family fam;
  std::string_view name;
  std::string_view target;
};
constexpr alias_row alias_rows[] = {
#define WLANCODE_ALIAS(fam, alias, target) {family::fam, alias, #target},
#include "wlancode/tables/aliases.def"
};

std::uint32_t alias_value(const alias_row& a) {
  const wlancode::code_info* c = wlancode::find(a.fam, a.target);
  if (c == nullptr) throw std::runtime_error("alias " + std::string(a.name) + " names no row");
  return c->value;
}

std::uint32_t macro_value(std::string_view name) {
  const wlancode::macro_info* m = wlancode::find_macro(name);
  if (m == nullptr) throw std::runtime_error("wlan_reason_macros.def has no " + std::string(name));
  return m->value;
}

// 0x%08X; `u` appends the U suffix (windot11.h writes its values as 0x0000000NU), and values above
// INT_MAX always get it so that no constant changes sign.
std::string literal(std::uint32_t v, bool u = false) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(v));
  return std::string(buf) + ((u || v > 0x7FFFFFFFu) ? "U" : "");
}

// One header: its #defines and enum members, each name once (a name given twice must agree).
class header_text {
 public:
  void comment(std::string_view text) { body_ << "\n/* " << text << " */\n"; }
  void raw(std::string_view text) { body_ << text; }
  void define(std::string_view name, std::uint32_t value, bool u = false) {
    if (!first_use(name, value)) return;
    body_ << "#define " << name << " " << (value == 0 && u ? std::string("0") : literal(value, u)) << "\n";
  }
  // An enum: begin_enum, members and comments, end_enum (no comma after the last member: C89/C++98 pedantic).
  void begin_enum(std::string_view tag) { body_ << "\ntypedef enum " << tag << " {\n"; }
  void member(std::string_view name, std::uint32_t value) {
    if (first_use(name, value)) enum_.push_back({std::string(name) + " = " + literal(value), true});
  }
  void enum_comment(std::string_view text) { enum_.push_back({"/* " + std::string(text) + " */", false}); }
  void end_enum(std::string_view names) {
    std::size_t last = 0;
    for (std::size_t i = 0; i < enum_.size(); ++i)
      if (enum_[i].member) last = i;
    for (std::size_t i = 0; i < enum_.size(); ++i)
      body_ << "  " << enum_[i].text << (enum_[i].member && i != last ? "," : "") << "\n";
    body_ << "} " << names << ";\n";
    enum_.clear();
  }
  std::string str() const { return body_.str(); }

 private:
  bool first_use(std::string_view name, std::uint32_t value) {
    auto [it, inserted] = seen_.emplace(std::string(name), value);
    if (!inserted && it->second != value) throw std::runtime_error(std::string(name) + " has two values in the tables");
    return inserted;
  }
  struct enum_line {
    std::string text;
    bool member;
  };
  std::ostringstream body_;
  std::map<std::string, std::uint32_t> seen_;
  std::vector<enum_line> enum_;
};

// Rows of `f` whose name starts with `prefix`, grouped under their section headings. Rows without it
// are collected in `left_out`.
template <class Emit>
void rows(family f, std::string_view prefix, header_text& h, std::vector<std::string>& left_out, Emit emit,
          bool as_enum) {
  const wlancode::section_info* section = nullptr;
  for (const wlancode::code_info& c : wlancode::codes(f)) {
    if (!c.name.starts_with(prefix)) {
      left_out.push_back(std::string(c.name) + " (" + literal(c.value) + ")");
      continue;
    }
    if (c.section != section) {
      section = c.section;
      if (as_enum)
        h.enum_comment(section->heading);
      else
        h.raw("/* " + std::string(section->heading) + " */\n");
    }
    emit(c);
  }
}

void leave_out(header_text& h, std::string_view why, const std::vector<std::string>& names) {
  if (names.empty()) return;
  std::string text = std::string(why) + ":";
  for (const std::string& n : names) text += "\n     " + n;
  h.comment(text);
}

std::string windows_types_block() {
  // Identical in wlancode/wlanapi_compat.h: whichever comes first defines them.
  return "#ifndef WLANCODE_NO_WINDOWS_TYPES\n"
         "#ifndef WLANCODE_WINDOWS_TYPES_DEFINED\n"
         "#define WLANCODE_WINDOWS_TYPES_DEFINED\n"
         "typedef uint32_t DWORD;\n"
         "typedef uint32_t ULONG;\n"
         "typedef uint16_t WCHAR;\n"
         "typedef WCHAR* PWCHAR;\n"
         "typedef void* PVOID;\n"
         "#endif\n"
         "#endif\n";
}

struct output {
  std::string file;     // "wlanapi.h"
  std::string what;     // one line: what the SDK header holds here
  std::string windows;  // what to include on _WIN32
  std::string body;
};

std::string guard_of(const std::string& file) {
  std::string g = "WLANCODE_COMPAT_";
  for (char c : file) g += (c == '.') ? '_' : static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return g;
}

std::string render(const output& o) {
  const std::string guard = guard_of(o.file), forward = guard + "_FORWARDING";
  std::ostringstream out;
  out << "/* <" << o.file << "> for non-Windows builds: " << o.what << ".\n"
      << "   Generated by wlancode-gencompat from include/wlancode/tables/; do not edit\n"
      << "   (cmake --build build --target compat_headers). Values are wlancode's tables', which the tests check\n"
      << "   against independent lists. Use with -I<prefix>/include/wlancode/compat (#include <" << o.file << ">)\n"
      << "   or as #include <wlancode/compat/" << o.file << ">. On _WIN32 this file only includes the real header,\n"
      << "   so wlancode/compat must not be on a Windows include path. */\n"
      << "/* clang-format off */\n"
      << "#ifdef _WIN32\n"
      << "#ifdef " << forward << "\n"
      << "#error \"wlancode/compat is on the include path of a Windows build: remove it, the SDK's <" << o.file
      << "> is the one to use\"\n"
      << "#endif\n"
      << "#define " << forward << "\n"
      << o.windows << "#undef " << forward << "\n"
      << "#elif !defined(" << guard << ")\n"
      << "#define " << guard << "\n"
      << o.body << "\n#endif /* _WIN32 */\n"
      << "/* clang-format on */\n";
  return out.str();
}

output l2cmn() {
  header_text h;
  h.comment("Reason code groups (l2cmn.h)");
  for (const wlancode::macro_info& m : wlancode::macros())
    if (m.name.starts_with("L2_REASON_CODE_")) h.define(m.name, m.value);
  h.comment("Common reason codes: the same values as WLAN_REASON_CODE_SUCCESS and _UNKNOWN");
  for (const alias_row& a : alias_rows)
    if (a.fam == family::wlan_reason && a.name.starts_with("L2_REASON_CODE_")) h.define(a.name, alias_value(a));
  h.comment(
      "Not here: L2_REASON_CODE_PROFILE_MISSING (l2cmn.h, 1), which marks a missing profile section and is no\n"
      "   WLAN_REASON_CODE: the tables do not hold it, and nothing here has a value the tables do not give.");
  return {"l2cmn.h", "the L2_REASON_CODE_* macros", "#include <windows.h>\n#include <l2cmn.h>\n", h.str()};
}

output wlanapi() {
  header_text h;
  h.raw("\n#include \"l2cmn.h\"\n#include \"windot11.h\"\n");
  h.raw("#include \"../wlanapi_compat.h\" /* DWORD, WCHAR, ERROR_SUCCESS, WlanReasonCodeToString */\n");
  h.raw("\ntypedef DWORD WLAN_REASON_CODE, *PWLAN_REASON_CODE;\n");
  h.comment("Ranges (wlanapi.h)");
  for (const wlancode::macro_info& m : wlancode::macros())
    if (m.name.starts_with("WLAN_REASON_CODE_")) h.define(m.name, m.value);
  h.raw("\n");
  std::vector<std::string> left_out;
  rows(
      family::wlan_reason, "WLAN_REASON_CODE_", h, left_out, [&](const auto& c) { h.define(c.name, c.value); }, false);
  // The ONEX_* rows are dot1x.h's (ONEX_REASON_CODE); anything else would be a name no SDK header has.
  std::vector<std::string> stray;
  for (const std::string& n : left_out)
    if (!n.starts_with("ONEX_")) stray.push_back(n);
  if (!stray.empty()) throw std::runtime_error("wlan_reason row without an SDK prefix: " + stray.front());
  return {"wlanapi.h", "WLAN_REASON_CODE and the WLAN_REASON_CODE_* macros, with WlanReasonCodeToString",
          "#include <windows.h>\n#include <wlanapi.h>\n", h.str()};
}

output dot1x() {
  header_text h;
  h.raw("\n#include \"l2cmn.h\"\n");
  h.begin_enum("_ONEX_REASON_CODE");
  for (const alias_row& a : alias_rows)
    if (a.fam == family::wlan_reason && a.name.starts_with("ONEX_")) h.member(a.name, alias_value(a));
  h.member("ONEX_REASON_START", macro_value("ONEX_REASON_START"));
  std::vector<std::string> others;
  rows(
      family::wlan_reason, "ONEX_", h, others, [&](const auto& c) { h.member(c.name, c.value); }, true);
  h.end_enum("ONEX_REASON_CODE, *PONEX_REASON_CODE");
  return {"dot1x.h", "ONEX_REASON_CODE", "#include <windows.h>\n#include <dot1x.h>\n", h.str()};
}

// A family that the SDK/WDK header declares as one typedef'd enum.
output enum_header(family f, std::string file, std::string tag, std::string what, std::string windows,
                   std::string_view why_left_out) {
  if (wlancode::header(f) != file) throw std::runtime_error("families.def names another header for " + file);
  header_text h;
  h.begin_enum(tag);
  std::vector<std::string> left_out;
  rows(
      f, wlancode::name_prefix(f), h, left_out, [&](const auto& c) { h.member(c.name, c.value); }, true);
  h.end_enum(wlancode::type_name(f));
  leave_out(h, why_left_out, left_out);
  std::vector<std::string> aliases;
  for (const alias_row& a : alias_rows)
    if (a.fam == f) aliases.push_back(std::string(a.name) + " (" + literal(alias_value(a)) + ")");
  leave_out(h, "Not here: spellings of the documentation or other projects, which " + file + " does not define",
            aliases);
  return {file, what, windows, h.str()};
}

output windot11() {
  const family f = family::dot11_assoc_status;
  if (wlancode::header(f) != "windot11.h") throw std::runtime_error("families.def names another header");
  header_text h;
  h.raw("\n#include <stdint.h>\n\n");
  h.raw(windows_types_block());
  h.raw("\ntypedef ULONG DOT11_ASSOC_STATUS;\n\n");
  std::vector<std::string> left_out;
  rows(
      f, wlancode::name_prefix(f), h, left_out, [&](const auto& c) { h.define(c.name, c.value, true); }, false);
  if (!left_out.empty()) throw std::runtime_error("dot11_assoc_status row without the prefix: " + left_out.front());

  // The named ranges (upper-case ids in ranges.def are the SDK's names: PEER_DEAUTHENTICATED, IHV, ...).
  h.comment("Ranges: the driver ORs an 802.11 reason or status code into the low 16 bits");
  std::uint32_t mask = 0;
  for (const wlancode::range_info& r : wlancode::ranges(f)) {
    if (r.has_inner) {
      const std::uint32_t m = (std::uint32_t{1} << wlancode::value_bits(r.inner)) - 1;
      if (r.last - r.first != m || (r.first & m) != 0 || (mask != 0 && mask != m))
        throw std::runtime_error("a dot11_assoc_status range does not carry a whole inner code");
      mask = m;
    }
    bool named = !r.id.empty();
    for (char c : r.id) named = named && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
    if (!named) continue;
    const std::string base = std::string(wlancode::name_prefix(f)) + std::string(r.id);
    h.define(base + "_START", r.first, true);
    h.define(base + "_END", r.last, true);
  }
  if (mask == 0) throw std::runtime_error("no dot11_assoc_status range carries an inner code");
  h.define("DOT11_ASSOC_STATUS_REASON_CODE_MASK", mask, true);

  h.comment("Other windot11.h names of the same values");
  for (const alias_row& a : alias_rows)
    if (a.fam == f && a.name.starts_with("DOT11_")) h.define(a.name, alias_value(a), true);
  h.comment(
      "Not here: DOT11_CONNECTION_STATUS_IHV_START/_END, DOT11_ROAMING_REASON_IHV_START/_END and\n"
      "   DOT11_DISASSOC_REASON_IHV_START/_END, which the tables do not hold (the IHV range is\n"
      "   DOT11_ASSOC_STATUS_IHV_START..DOT11_ASSOC_STATUS_IHV_END above).");
  return {"windot11.h", "DOT11_ASSOC_STATUS and the DOT11_ASSOC_STATUS_* macros", "#include <windot11.h>\n", h.str()};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: wlancode-gencompat OUTPUT_DIR\n";
    return 2;
  }
  try {
    const output outputs[] = {
        l2cmn(),
        wlanapi(),
        dot1x(),
        enum_header(family::wdi_assoc_status, "dot11wificxtypes.h", "_WDI_ASSOC_STATUS", "WDI_ASSOC_STATUS (WiFiCx)",
                    "#include <dot11wificxtypes.h>\n", "Not here"),
        enum_header(family::wcn_session_status, "wcndevice.h", "tagWCN_SESSION_STATUS", "WCN_SESSION_STATUS",
                    "#include <windows.h>\n#include <wcndevice.h>\n", "Not here"),
        enum_header(family::wps_config_error, "wcntypes.h", "tagWCN_VALUE_TYPE_CONFIGURATION_ERROR",
                    "WCN_VALUE_TYPE_CONFIGURATION_ERROR", "#include <windows.h>\n#include <wcntypes.h>\n",
                    "Not here: values wcntypes.h does not define. hostap's wps_defs.h names them in its\n"
                    "   enum wps_config_error (WPS_CFG_*), so a macro here would break code that also includes it"),
        windot11(),
    };
    for (const output& o : outputs) {
      const std::string path = std::string(argv[1]) + "/" + o.file;
      std::ofstream out(path, std::ios::binary);
      out << render(o);
      if (!out) {
        std::cerr << "wlancode-gencompat: cannot write " << path << "\n";
        return 2;
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "wlancode-gencompat: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
