// Every value type of binary XML, rendered: expectations typed by hand from the format
// description (little-endian bytes in, Windows' XML spelling out).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evtx/evtx.hpp"

namespace {

using wlancode::evtx::render_value;

std::string render(std::uint8_t type, std::vector<unsigned char> bytes, bool* ok = nullptr) {
  std::string out;
  const bool r = render_value(type, bytes.data(), bytes.size(), out);
  if (ok) *ok = r;
  return r ? out : "<bad>";
}

TEST(EvtxValues, Integers) {
  EXPECT_EQ(render(0x03, {0xFF}), "-1");
  EXPECT_EQ(render(0x04, {0xFF}), "255");
  EXPECT_EQ(render(0x05, {0x00, 0x80}), "-32768");
  EXPECT_EQ(render(0x06, {0x34, 0x12}), "4660");
  EXPECT_EQ(render(0x07, {0xC1, 0xFF, 0xFF, 0xFF}), "-63");
  EXPECT_EQ(render(0x08, {0x01, 0x80, 0x03, 0x00}), "229377");
  EXPECT_EQ(render(0x09, {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}), "-1");
  EXPECT_EQ(render(0x0a, {0, 0, 0, 0, 0, 0, 0, 0x80}), "9223372036854775808");
  EXPECT_EQ(render(0x14, {0x14, 0x80, 0x04, 0x00}), "0x48014");
  EXPECT_EQ(render(0x15, {0xE7, 0x03, 0, 0, 0, 0, 0, 0}), "0x3e7");
  EXPECT_EQ(render(0x10, {0x07, 0, 0, 0, 0, 0, 0, 0}), "0x7");  // size_t: hex of its width
  EXPECT_EQ(render(0x10, {0x07, 0, 0, 0}), "0x7");
  EXPECT_EQ(render(0x0d, {1, 0, 0, 0}), "true");
  EXPECT_EQ(render(0x0d, {0, 0, 0, 0}), "false");
}

TEST(EvtxValues, Reals) {
  EXPECT_EQ(render(0x0b, {0x00, 0x00, 0xC0, 0x3F}), "1.5");
  EXPECT_EQ(render(0x0c, {0, 0, 0, 0, 0, 0, 0x04, 0xC0}), "-2.5");
}

TEST(EvtxValues, StringsUtf16AndAnsi) {
  EXPECT_EQ(render(0x01, {'H', 0, 'i', 0}), "Hi");
  EXPECT_EQ(render(0x01, {0xE9, 0x00}), "\xC3\xA9");                      // é
  EXPECT_EQ(render(0x01, {0x3D, 0xD8, 0x00, 0xDE}), "\xF0\x9F\x98\x80");  // U+1F600, a surrogate pair
  EXPECT_EQ(render(0x01, {0x3D, 0xD8, 'x', 0}),
            "\xEF\xBF\xBD"
            "x");                                         // unpaired high surrogate
  EXPECT_EQ(render(0x01, {0x00, 0xDC}), "\xEF\xBF\xBD");  // lone low surrogate
  EXPECT_EQ(render(0x01, {'a', 0, 0, 0, 'b', 0}), "a");   // stops at NUL
  EXPECT_EQ(render(0x01, {'<', 0, 0x01, 0}), "<\x01");    // no escaping: not XML text
  bool ok = true;
  EXPECT_EQ(render(0x01, {'a', 0, 'b'}, &ok), "<bad>");  // odd length
  EXPECT_FALSE(ok);
  EXPECT_EQ(render(0x02, {'o', 'k', 0xE9}), "ok\xC3\xA9");
  EXPECT_EQ(render(0x01, {}), "");
}

TEST(EvtxValues, GuidSidBinary) {
  EXPECT_EQ(
      render(0x0f, {0xDD, 0xD7, 0x80, 0x95, 0x79, 0x03, 0x58, 0x46, 0x98, 0x70, 0xD5, 0xBE, 0x7D, 0x52, 0xD6, 0xDE}),
      "{9580D7DD-0379-4658-9870-D5BE7D52D6DE}");
  EXPECT_EQ(render(0x13, {1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0}), "S-1-5-18");
  EXPECT_EQ(render(0x13, {1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 0x02, 0, 0}), "S-1-5-32-544");
  EXPECT_EQ(render(0x13, {1, 3, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0}), "<bad>");  // count says more than there is
  EXPECT_EQ(render(0x0e, {0xDE, 0xAD, 0x01}), "DEAD01");
  EXPECT_EQ(render(0x0f, {1, 2, 3}), "<bad>");
}

TEST(EvtxValues, Times) {
  // 2026-01-01T00:00:00Z = 13,411,699,200 s after 1601-01-01.
  const std::uint64_t ft = 134116992000000000ull + 1234567;
  std::vector<unsigned char> b(8);
  for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(ft >> (8 * i));
  EXPECT_EQ(render(0x11, b), "2026-01-01T00:00:00.1234567Z");
  EXPECT_EQ(wlancode::evtx::filetime_iso(0), "1601-01-01T00:00:00.0000000Z");
  EXPECT_EQ(wlancode::evtx::filetime_iso(116444736000000000ull), "1970-01-01T00:00:00.0000000Z");
  EXPECT_EQ(wlancode::evtx::filetime_iso(0x7FFFFFFFFFFFFFFFull), "30828-09-14T02:48:05.4775807Z");  // Windows' last
  EXPECT_FALSE(wlancode::evtx::filetime_iso(~0ull).empty());
  // SYSTEMTIME: year, month, day of week, day, hour, minute, second, milliseconds.
  EXPECT_EQ(render(0x12, {0xE8, 0x07, 2, 0, 4, 0, 29, 0, 23, 0, 59, 0, 58, 0, 0xE7, 0x03}), "2024-02-29T23:59:58.999Z");
}

TEST(EvtxValues, Arrays) {
  EXPECT_EQ(render(0x81, {'a', 0, 0, 0, 'b', 0, 'c', 0, 0, 0}), "a, bc");
  EXPECT_EQ(render(0x81, {'a', 0, 0, 0, 'b', 0}), "a, b");  // last one without its NUL
  EXPECT_EQ(render(0x88, {1, 0, 0, 0, 2, 0, 0, 0}), "1, 2");
  EXPECT_EQ(render(0x94, {0x10, 0, 0, 0, 0xFF, 0, 0, 0}), "0x10, 0xff");
  EXPECT_EQ(render(0x86, {1, 0, 2}), "<bad>");  // not a whole number of elements
  EXPECT_EQ(render(0x8f, {}), "");
}

TEST(EvtxValues, SizeMismatchAndUnknownTypes) {
  EXPECT_EQ(render(0x08, {1, 2, 3}), "<bad>");
  EXPECT_EQ(render(0x08, {1, 2, 3, 4, 5}), "<bad>");
  EXPECT_EQ(render(0x11, {1}), "<bad>");
  EXPECT_EQ(render(0x23, {1, 2}), "<bad>");
  EXPECT_EQ(render(0x00, {}), "");
}

TEST(EvtxValues, Crc32IsRfc1952) {
  const unsigned char s[] = {'1', '2', '3', '4', '5', '6', '7', '8', '9'};
  EXPECT_EQ(wlancode::evtx::crc32(s, sizeof s), 0xCBF43926u);  // the standard check value
  EXPECT_EQ(wlancode::evtx::crc32(s, 0), 0u);
}

}  // namespace
