// The marker search (src/scan/line_markers.cpp) answers the same by every path (byte loop, AVX2,
// AVX-512) for every place of every line length, and finds what grammar/markers.def lists.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "../../src/scan/line_markers.hpp"

namespace {

using wlancode::scan::detail::has_marker_by;
using wlancode::scan::detail::marker_group;

// Some of each group's texts, typed from the table's meaning (not read from it).
const std::vector<std::pair<marker_group, std::string>> known = {
    {marker_group::local, "locally_generated=1"},
    {marker_group::local, "by local choice"},
    {marker_group::local, "(locally generated)"},
    {marker_group::local, "from_ap: false"},
    {marker_group::esp, ") wifi:"},
    {marker_group::esp, "WiFiGeneric"},
    {marker_group::wps, "WSC "},
    {marker_group::wps, "WPS"},
    {marker_group::nwifi, "[Microsoft-Windows-NWiFi]"},
    {marker_group::reason_word, "Deauth"},
    {marker_group::reason_word, "DISASSOC"},
    {marker_group::status_word, "Reject"},
    {marker_group::status_word, "denied"},
    {marker_group::other_protocol, "Bluetooth"},
    {marker_group::other_protocol, "HTTP/1."},
};
constexpr marker_group groups[] = {marker_group::esp,           marker_group::wps,         marker_group::nwifi,
                                   marker_group::reason_word,   marker_group::status_word, marker_group::local,
                                   marker_group::other_protocol};

TEST(LineMarkers, FoundAtEveryPlaceOfEveryLength) {
  for (const auto& [g, text] : known) {
    for (std::size_t len = text.size(); len <= 140; ++len) {
      for (std::size_t at = 0; at + text.size() <= len; ++at) {
        std::string line(len, '.');
        line.replace(at, text.size(), text);
        for (int width : {0, 256, 512}) {
          ASSERT_TRUE(has_marker_by(line, g, width)) << width << " '" << line << "'";
        }
        // Cut by one byte at either end, the marker is not there.
        const std::string cut = line.substr(0, at + text.size() - 1);
        for (int width : {0, 256, 512}) EXPECT_FALSE(has_marker_by(cut, g, width)) << width << " '" << cut << "'";
      }
    }
  }
}

TEST(LineMarkers, ExactMarkersKeepTheirCase) {
  for (int width : {0, 256, 512}) {
    EXPECT_FALSE(has_marker_by("x LOCALLY_GENERATED=1 x", marker_group::local, width));
    EXPECT_TRUE(has_marker_by("x deAUTH x", marker_group::reason_word, width));  // a folded marker
    EXPECT_FALSE(has_marker_by("", marker_group::local, width));
    EXPECT_FALSE(has_marker_by("W", marker_group::wps, width));
  }
}

// Lines of the markers' own letters (many candidate places, few markers) agree on every path.
TEST(LineMarkers, EveryPathSaysTheSame) {
  std::mt19937 rng(7);
  const std::string alphabet = "lLocCaAyY_gGeEnNrRtT=1()bB wWiIfF:sSpPdDhHkK-/.";
  for (int n = 0; n < 20000; ++n) {
    std::string line(rng() % 150, ' ');
    for (char& c : line) c = alphabet[rng() % alphabet.size()];
    if (n % 3 == 0 && !line.empty()) {  // a known text somewhere, sometimes cut by the end
      const std::string& t = known[rng() % known.size()].second;
      line.replace(rng() % line.size(), std::string::npos, t.substr(0, rng() % (t.size() + 1)));
    }
    for (marker_group g : groups) {
      const bool want = has_marker_by(line, g, 0);
      EXPECT_EQ(has_marker_by(line, g, 256), want) << "'" << line << "'";
      EXPECT_EQ(has_marker_by(line, g, 512), want) << "'" << line << "'";
    }
  }
}

}  // namespace
