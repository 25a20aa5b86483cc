// The C ABI: thin wrappers over the C++ API.
#include <cstring>

#include "utf.hpp"
#include "wlancode/codes.hpp"
#include "wlancode/wlancode.h"

// The opaque C type wlancode_code is never defined: its pointers are code_info pointers.
static_assert(static_cast<std::size_t>(wlancode_family_count) == wlancode::family_count);

namespace {
using namespace wlancode;

const wlancode_code* to_c(const code_info* c) { return reinterpret_cast<const wlancode_code*>(c); }
const code_info* from_c(const wlancode_code* c) { return reinterpret_cast<const code_info*>(c); }
bool valid(wlancode_family f) { return f >= 0 && f < wlancode_family_count; }
family to_cpp(wlancode_family f) { return static_cast<family>(f); }
const char* str(std::string_view s) { return s.data() ? s.data() : ""; }

// Copies text into buffer snprintf-style; truncates on a UTF-8 boundary.
size_t copy_out(std::string_view text, char* buffer, size_t size) {
  if (buffer && size > 0) {
    const size_t n = detail::utf8_prefix(text, size - 1);
    std::memcpy(buffer, text.data(), n);
    buffer[n] = '\0';
  }
  return text.size() + 1;
}
}  // namespace

extern "C" {

const wlancode_code* wlancode_find_value(wlancode_family f, uint32_t value) {
  return valid(f) ? to_c(find(to_cpp(f), value)) : nullptr;
}
const wlancode_code* wlancode_find_name(wlancode_family f, const char* name) {
  return valid(f) && name ? to_c(find(to_cpp(f), std::string_view(name))) : nullptr;
}
size_t wlancode_count(wlancode_family f) { return valid(f) ? codes(to_cpp(f)).size() : 0; }
const wlancode_code* wlancode_at(wlancode_family f, size_t i) {
  if (!valid(f)) return nullptr;
  const auto rows = codes(to_cpp(f));
  return i < rows.size() ? to_c(&rows[i]) : nullptr;
}

wlancode_family wlancode_code_family(const wlancode_code* c) {
  return c ? static_cast<wlancode_family>(from_c(c)->fam) : wlancode_family_count;
}
uint32_t wlancode_value(const wlancode_code* c) { return c ? from_c(c)->value : 0; }
const char* wlancode_name(const wlancode_code* c) { return c ? str(from_c(c)->name) : ""; }
const char* wlancode_section(const wlancode_code* c) { return c ? str(from_c(c)->section->heading) : ""; }
const char* wlancode_header(const wlancode_code* c) { return c ? str(from_c(c)->section->header) : ""; }
const char* wlancode_meaning(const wlancode_code* c) { return c ? str(from_c(c)->meaning.text) : ""; }
const char* wlancode_runtime_text(const wlancode_code* c) { return c ? str(from_c(c)->runtime.text) : ""; }
const char* wlancode_phrase(const wlancode_code* c) { return c ? str(from_c(c)->phrase.text) : ""; }
const char* wlancode_phase(const wlancode_code* c) { return c ? str(to_string(from_c(c)->phase)) : ""; }
const char* wlancode_initiator(const wlancode_code* c) { return c ? str(to_string(from_c(c)->initiator)) : ""; }
const char* wlancode_family_name(wlancode_family f) { return valid(f) ? str(to_string(to_cpp(f))) : ""; }

size_t wlancode_reason_to_string(uint32_t code, char* buffer, size_t size) {
  char text[512];
  const size_t n = reason_text(code, text, sizeof text);
  return copy_out(std::string_view(text, n < sizeof text ? n : sizeof text - 1), buffer, size);
}

size_t wlancode_classify(wlancode_family f, uint32_t value, char* buffer, size_t size) {
  if (!valid(f)) return copy_out("", buffer, size);
  char text[256];
  const size_t n = describe(to_cpp(f), value, text, sizeof text);
  return copy_out(std::string_view(text, n < sizeof text ? n : sizeof text - 1), buffer, size);
}

const char* wlancode_version(void) { return str(version()); }

}  // extern "C"
