// Substitution values of binary XML, rendered as text the way Windows renders them in XML:
// integers in decimal, hex types as 0x..., GUIDs in braces, SIDs as S-1-..., times as ISO 8601.
#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "../time/civil.hpp"
#include "../utf.hpp"
#include "evtx.hpp"
#include "le.hpp"

namespace wlancode::evtx {
namespace {

// Value types of binary XML (the low 7 bits; 0x80 marks an array).
enum : std::uint8_t {
  t_null = 0x00,
  t_string = 0x01,
  t_ansi = 0x02,
  t_i8 = 0x03,
  t_u8 = 0x04,
  t_i16 = 0x05,
  t_u16 = 0x06,
  t_i32 = 0x07,
  t_u32 = 0x08,
  t_i64 = 0x09,
  t_u64 = 0x0a,
  t_real32 = 0x0b,
  t_real64 = 0x0c,
  t_bool = 0x0d,
  t_binary = 0x0e,
  t_guid = 0x0f,
  t_size = 0x10,
  t_filetime = 0x11,
  t_systime = 0x12,
  t_sid = 0x13,
  t_hex32 = 0x14,
  t_hex64 = 0x15,
};

// Bytes of one element of a fixed-size type; 0 for variable-size types.
std::size_t fixed_size(std::uint8_t t) noexcept {
  switch (t) {
    case t_i8:
    case t_u8:
      return 1;
    case t_i16:
    case t_u16:
      return 2;
    case t_i32:
    case t_u32:
    case t_real32:
    case t_bool:
    case t_hex32:
      return 4;
    case t_i64:
    case t_u64:
    case t_real64:
    case t_filetime:
    case t_hex64:
      return 8;
    case t_guid:
    case t_systime:
      return 16;
    default:
      return 0;
  }
}

void append_fmt(std::string& out, const char* fmt, auto... args) {
  char buf[64];
  const int n = std::snprintf(buf, sizeof buf, fmt, args...);
  if (n > 0) out.append(buf, static_cast<std::size_t>(n) < sizeof buf ? static_cast<std::size_t>(n) : sizeof buf - 1);
}

// UTF-16LE code units -> UTF-8; unpaired surrogates become U+FFFD; stops at a NUL.
void append_utf16(std::string& out, const unsigned char* p, std::size_t units) {
  for (std::size_t i = 0; i < units; ++i) {
    const char32_t u = le16(p + 2 * i);
    if (u == 0) return;
    if (u >= 0xD800 && u < 0xDC00 && i + 1 < units) {
      const char32_t v = le16(p + 2 * i + 2);
      if (v >= 0xDC00 && v < 0xE000) {
        detail::utf8_append(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
        ++i;
        continue;
      }
    }
    detail::utf8_append(out, u >= 0xD800 && u < 0xE000 ? char32_t{0xFFFD} : u);
  }
}

void append_systemtime(std::string& out, const unsigned char* p) {
  append_fmt(out, "%04u-%02u-%02uT%02u:%02u:%02u.%03uZ", unsigned{le16(p)}, unsigned{le16(p + 2)},
             unsigned{le16(p + 6)}, unsigned{le16(p + 8)}, unsigned{le16(p + 10)}, unsigned{le16(p + 12)},
             unsigned{le16(p + 14)});
}

// One element of a fixed-size type.
void append_fixed(std::string& out, std::uint8_t t, const unsigned char* p) {
  switch (t) {
    case t_i8:
      append_fmt(out, "%d", int{static_cast<std::int8_t>(p[0])});
      break;
    case t_u8:
      append_fmt(out, "%u", unsigned{p[0]});
      break;
    case t_i16:
      append_fmt(out, "%d", int{static_cast<std::int16_t>(le16(p))});
      break;
    case t_u16:
      append_fmt(out, "%u", unsigned{le16(p)});
      break;
    case t_i32:
      append_fmt(out, "%" PRId32, static_cast<std::int32_t>(le32(p)));
      break;
    case t_u32:
      append_fmt(out, "%" PRIu32, le32(p));
      break;
    case t_i64:
      append_fmt(out, "%" PRId64, static_cast<std::int64_t>(le64(p)));
      break;
    case t_u64:
      append_fmt(out, "%" PRIu64, le64(p));
      break;
    case t_real32: {
      float f;
      const std::uint32_t b = le32(p);
      std::memcpy(&f, &b, 4);
      append_fmt(out, "%g", static_cast<double>(f));
      break;
    }
    case t_real64: {
      double d;
      const std::uint64_t b = le64(p);
      std::memcpy(&d, &b, 8);
      append_fmt(out, "%g", d);
      break;
    }
    case t_bool:
      out += le32(p) ? "true" : "false";
      break;
    case t_hex32:
      append_fmt(out, "0x%" PRIx32, le32(p));
      break;
    case t_hex64:
      append_fmt(out, "0x%" PRIx64, le64(p));
      break;
    case t_filetime:
      out += filetime_iso(le64(p));
      break;
    case t_systime:
      append_systemtime(out, p);
      break;
    case t_guid:
      append_fmt(out, "{%08" PRIX32 "-%04X-%04X-%02X%02X-", le32(p), unsigned{le16(p + 4)}, unsigned{le16(p + 6)},
                 unsigned{p[8]}, unsigned{p[9]});
      for (int i = 10; i < 16; ++i) append_fmt(out, "%02X", unsigned{p[i]});
      out += '}';
      break;
    default:
      break;
  }
}

// S-1-<authority>-<sub>...: revision, count, 48-bit big-endian authority, 32-bit subauthorities.
bool append_sid(std::string& out, const unsigned char* p, std::size_t n) {
  if (n < 8 || n != 8 + std::size_t{p[1]} * 4) return false;
  std::uint64_t auth = 0;
  for (int i = 2; i < 8; ++i) auth = auth << 8 | p[i];
  append_fmt(out, "S-%u-%" PRIu64, unsigned{p[0]}, auth);
  for (std::size_t i = 0; i < p[1]; ++i) append_fmt(out, "-%" PRIu32, le32(p + 8 + 4 * i));
  return true;
}

}  // namespace

std::string filetime_iso(std::uint64_t ft) {
  const std::uint64_t secs = ft / 10000000, frac = ft % 10000000;
  // Days since 1601-01-01 -> days since 1970-01-01 -> the civil date.
  const time_detail::civil c = time_detail::civil_from_days(static_cast<std::int64_t>(secs / 86400) - 134774);
  const std::uint64_t sod = secs % 86400;
  std::string out;
  append_fmt(out, "%04" PRId64 "-%02u-%02uT%02u:%02u:%02u.%07" PRIu64 "Z", c.year, c.month, c.day,
             static_cast<unsigned>(sod / 3600), static_cast<unsigned>(sod / 60 % 60), static_cast<unsigned>(sod % 60),
             frac);
  return out;
}

bool render_value(std::uint8_t type, const unsigned char* p, std::size_t n, std::string& out) {
  const bool array = type & 0x80;
  std::uint8_t t = type & 0x7f;
  if (t == t_size) t = n == 4 ? t_hex32 : t_hex64;
  switch (t) {
    case t_null:
      return true;
    case t_string:
      if (n % 2) return false;
      if (!array) {
        append_utf16(out, p, n / 2);
        return true;
      }
      // NUL-terminated strings, one after another: joined with ", ".
      {
        std::size_t start = 0;
        bool first = true;
        for (std::size_t i = 0; i + 2 <= n; i += 2)
          if (le16(p + i) == 0) {
            if (!first) out += ", ";
            append_utf16(out, p + start, (i - start) / 2);
            first = false;
            start = i + 2;
          }
        if (start + 2 <= n) {
          if (!first) out += ", ";
          append_utf16(out, p + start, (n - start) / 2);
        }
      }
      return true;
    case t_ansi:
      // A code page Windows does not record: bytes below 0x80 as ASCII, others as Latin-1.
      for (std::size_t i = 0; i < n; ++i) {
        if (p[i] == 0) {
          if (!array) break;
          out += ", ";
          continue;
        }
        detail::utf8_append(out, p[i]);
      }
      return true;
    case t_binary:
      for (std::size_t i = 0; i < n; ++i) append_fmt(out, "%02X", unsigned{p[i]});
      return true;
    case t_sid:
      return append_sid(out, p, n);
    default:
      break;
  }
  const std::size_t w = fixed_size(t);
  if (w == 0 || n % w || (!array && n != w)) return false;
  for (std::size_t i = 0; i < n; i += w) {
    if (i) out += ", ";
    append_fixed(out, t, p + i);
  }
  return true;
}

}  // namespace wlancode::evtx
