// WlanReasonCodeToString (wlanapi_compat.h) and wlancode_reason_to_string (C ABI): buffer contracts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "wlancode/codes.hpp"
#include "wlancode/wlanapi_compat.h"
#include "wlancode/wlancode.h"

namespace {

#ifndef _WIN32
constexpr WCHAR sentinel = 0xABCD;
constexpr char sentinel8 = '#';

// An independent UTF-8 -> UTF-16 converter (strict; the library texts are valid UTF-8).
std::u16string utf16(const std::string& s) {
  std::u16string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    std::size_t len;
    if (c < 0x80) {
      cp = c;
      len = 1;
    } else if ((c & 0xE0) == 0xC0) {
      cp = c & 0x1F;
      len = 2;
    } else if ((c & 0xF0) == 0xE0) {
      cp = c & 0x0F;
      len = 3;
    } else if ((c & 0xF8) == 0xF0) {
      cp = c & 0x07;
      len = 4;
    } else {
      ADD_FAILURE() << "invalid UTF-8 lead byte";
      return out;
    }
    if (i + len > s.size()) {
      ADD_FAILURE() << "truncated UTF-8";
      return out;
    }
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    if (cp >= 0x10000) {
      out += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
  }
  return out;
}

// The UTF-8 text of the C ABI, with a buffer that is surely big enough.
std::string c_text(std::uint32_t code) {
  const std::size_t need = wlancode_reason_to_string(code, nullptr, 0);
  EXPECT_GT(need, 1u);
  std::string buf(need + 16, sentinel8);
  EXPECT_EQ(wlancode_reason_to_string(code, buf.data(), buf.size()), need);
  EXPECT_EQ(buf[need - 1], '\0');
  EXPECT_EQ(buf[need], sentinel8);
  return std::string(buf.c_str());
}

// Calls WlanReasonCodeToString with a buffer of `size` units inside a larger sentinel-filled one.
struct wide_call {
  DWORD rc;
  std::vector<WCHAR> buf;  // size + 16 units
};
wide_call call_wide(DWORD code, DWORD size) {
  wide_call out{0, std::vector<WCHAR>(static_cast<std::size_t>(size) + 16, sentinel)};
  out.rc = WlanReasonCodeToString(code, size, out.buf.data(), nullptr);
  return out;
}
std::u16string written(const std::vector<WCHAR>& buf) {
  std::u16string s;
  for (WCHAR w : buf) {
    if (w == 0) return s;
    s += static_cast<char16_t>(w);
  }
  ADD_FAILURE() << "no NUL written";
  return s;
}
std::string narrow(const std::u16string& s) {
  std::string out;
  for (char16_t c : s) out += c < 0x80 ? static_cast<char>(c) : '?';
  return out;
}

constexpr DWORD not_visible = 0x00028002;  // WLAN_REASON_CODE_NOT_VISIBLE

TEST(WlanReasonCodeToString, InvalidParameters) {
  WCHAR buf[64];
  std::fill(std::begin(buf), std::end(buf), sentinel);
  EXPECT_EQ(WlanReasonCodeToString(not_visible, 0, buf, nullptr), static_cast<DWORD>(ERROR_INVALID_PARAMETER));
  EXPECT_EQ(WlanReasonCodeToString(not_visible, 64, nullptr, nullptr), static_cast<DWORD>(ERROR_INVALID_PARAMETER));
  EXPECT_EQ(WlanReasonCodeToString(not_visible, 0, nullptr, nullptr), static_cast<DWORD>(ERROR_INVALID_PARAMETER));
  int reserved = 0;
  EXPECT_EQ(WlanReasonCodeToString(not_visible, 64, buf, &reserved), static_cast<DWORD>(ERROR_INVALID_PARAMETER));
  EXPECT_EQ(ERROR_INVALID_PARAMETER, 87L);
  EXPECT_EQ(ERROR_SUCCESS, 0L);
}

TEST(WlanReasonCodeToString, SizeOneWritesOnlyTheNul) {
  const wide_call r = call_wide(not_visible, 1);
  EXPECT_EQ(r.rc, static_cast<DWORD>(ERROR_SUCCESS));
  EXPECT_EQ(r.buf[0], 0);
  for (std::size_t i = 1; i < r.buf.size(); ++i) EXPECT_EQ(r.buf[i], sentinel) << i;
}

TEST(WlanReasonCodeToString, ExactFitAndOneTooFew) {
  const std::u16string text = utf16(c_text(not_visible));
  ASSERT_GT(text.size(), 5u);
  const auto len = static_cast<DWORD>(text.size());

  const wide_call exact = call_wide(not_visible, len + 1);
  EXPECT_EQ(exact.rc, static_cast<DWORD>(ERROR_SUCCESS));
  EXPECT_EQ(written(exact.buf), text);
  EXPECT_EQ(exact.buf[len], 0);
  for (std::size_t i = len + 1; i < exact.buf.size(); ++i) EXPECT_EQ(exact.buf[i], sentinel) << i;

  const wide_call short_by_one = call_wide(not_visible, len);
  EXPECT_EQ(short_by_one.rc, static_cast<DWORD>(ERROR_SUCCESS));
  EXPECT_EQ(written(short_by_one.buf), text.substr(0, len - 1));
  EXPECT_EQ(short_by_one.buf[len - 1], 0);
  for (std::size_t i = len; i < short_by_one.buf.size(); ++i) EXPECT_EQ(short_by_one.buf[i], sentinel) << i;
}

TEST(WlanReasonCodeToString, EveryBufferSizeGivesAPrefix) {
  const std::u16string text = utf16(c_text(not_visible));
  for (DWORD size = 1; size <= text.size() + 3; ++size) {
    const wide_call r = call_wide(not_visible, size);
    ASSERT_EQ(r.rc, static_cast<DWORD>(ERROR_SUCCESS)) << size;
    const std::size_t n = std::min<std::size_t>(size - 1, text.size());
    EXPECT_EQ(written(r.buf), text.substr(0, n)) << size;
    for (std::size_t i = n + 1; i < r.buf.size(); ++i) ASSERT_EQ(r.buf[i], sentinel) << size << " " << i;
  }
}

TEST(WlanReasonCodeToString, HugeBuffer) {
  const std::u16string text = utf16(c_text(not_visible));
  const wide_call r = call_wide(not_visible, 1u << 16);
  EXPECT_EQ(r.rc, static_cast<DWORD>(ERROR_SUCCESS));
  EXPECT_EQ(written(r.buf), text);
  for (std::size_t i = text.size() + 1; i < r.buf.size(); ++i) ASSERT_EQ(r.buf[i], sentinel) << i;
}

TEST(WlanReasonCodeToString, UnknownCodeMentionsTheHexValue) {
  for (DWORD code : {DWORD{0x000C0000}, DWORD{0x00047FE0}, DWORD{0xFFFFFFFF}}) {
    const wide_call r = call_wide(code, 512);
    EXPECT_EQ(r.rc, static_cast<DWORD>(ERROR_SUCCESS));
    std::string text = narrow(written(r.buf));
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08x", static_cast<unsigned>(code));
    EXPECT_NE(text.find(hex), std::string::npos) << text;
  }
}

TEST(WlanReasonCodeToString, SameTextAsTheUtf8Api) {
  std::vector<DWORD> values{0x000C0000, 0x00047FE0, 0xFFFFFFFF, 0x5};
  for (const wlancode::code_info& c : wlancode::codes(wlancode::family::wlan_reason)) values.push_back(c.value);
  for (DWORD v : values) {
    const std::string utf8 = c_text(v);
    const wide_call r = call_wide(v, 2048);
    ASSERT_EQ(r.rc, static_cast<DWORD>(ERROR_SUCCESS)) << v;
    EXPECT_EQ(written(r.buf), utf16(utf8)) << v << ": " << utf8;
  }
}

TEST(WlanReasonCodeToString, KnownCodesGiveWindowsTextOrTheMeaning) {
  // wlancode.h: the text WlanReasonCodeToString would give: runtime text where known, else the meaning.
  for (const wlancode::code_info& c : wlancode::codes(wlancode::family::wlan_reason)) {
    const std::string expected(c.runtime.text.empty() ? c.meaning.text : c.runtime.text);
    EXPECT_EQ(wlancode_reason_to_string(c.value, nullptr, 0), expected.size() + 1) << c.name;
    EXPECT_EQ(c_text(c.value), expected) << c.name;
    const wide_call r = call_wide(c.value, 4096);
    EXPECT_EQ(written(r.buf), utf16(expected)) << c.name;
  }
}
#endif  // !_WIN32

TEST(CReasonToString, ReturnsTheNeededSizeWithTheNul) {
  const std::size_t need = wlancode_reason_to_string(0x00028002, nullptr, 0);
  char buf[1024];
  std::memset(buf, '#', sizeof buf);
  EXPECT_EQ(wlancode_reason_to_string(0x00028002, buf, sizeof buf), need);
  EXPECT_EQ(std::strlen(buf) + 1, need);
  EXPECT_EQ(buf[need], '#');
  // A zero size with a real buffer writes nothing.
  char untouched[4] = {'#', '#', '#', '#'};
  EXPECT_EQ(wlancode_reason_to_string(0x00028002, untouched, 0), need);
  EXPECT_EQ(untouched[0], '#');
}

TEST(CReasonToString, TruncationKeepsTheNul) {
  char full[1024];
  const std::size_t need = wlancode_reason_to_string(0x00038004, full, sizeof full);
  ASSERT_GT(need, 6u);
  for (std::size_t size = 1; size <= need + 2; ++size) {
    std::vector<char> buf(size + 8, '#');
    EXPECT_EQ(wlancode_reason_to_string(0x00038004, buf.data(), size), need) << size;
    const std::size_t n = std::min(size - 1, need - 1);
    EXPECT_EQ(std::string(buf.data()), std::string(full, n)) << size;
    EXPECT_EQ(buf[n], '\0');
    for (std::size_t i = n + 1; i < buf.size(); ++i) ASSERT_EQ(buf[i], '#') << size << " " << i;
  }
}

TEST(CReasonToString, UnknownCodes) {
  char buf[512];
  const std::size_t need = wlancode_reason_to_string(0x000C0000, buf, sizeof buf);
  EXPECT_EQ(std::strlen(buf) + 1, need);
  std::string text(buf);
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_NE(text.find("0x000c0000"), std::string::npos) << text;
}

}  // namespace
