// Classification of any 32-bit value by the ranges of its family (its table's WLANCODE_RANGE rows).
#include <algorithm>

#include "wlancode/detail/tables.hpp"

namespace wlancode {
namespace {
using namespace detail;

// The ranges of each family, as a contiguous slice of range_table (rows are grouped by family).
struct slice {
  std::size_t begin = 0, count = 0;
};
constexpr std::array<slice, family_count> make_slices() {
  std::array<slice, family_count> out{};
  for (std::size_t i = 0; i < std::size(range_table); ++i) {
    slice& s = out[static_cast<std::size_t>(range_table[i].fam)];
    if (s.count == 0) s.begin = i;
    if (s.begin + s.count != i) throw "a family's ranges must be consecutive rows";
    ++s.count;
  }
  return out;
}
constexpr auto slices = make_slices();

constexpr bool ranges_are_disjoint() {
  for (const range_info& a : range_table) {
    if (a.first > a.last) return false;
    for (const range_info& b : range_table)
      if (&a != &b && a.fam == b.fam && a.first <= b.last && b.first <= a.last) return false;
  }
  return true;
}
static_assert(ranges_are_disjoint(), "a family's ranges overlap or are empty");
}  // namespace

std::span<const range_info> ranges(family f) noexcept {
  const auto i = static_cast<std::size_t>(f);
  if (i >= family_count) return {};
  return std::span(range_table).subspan(slices[i].begin, slices[i].count);
}

classification classify(family f, std::uint32_t value) noexcept {
  classification out;
  out.code = find(f, value);
  for (const range_info& r : ranges(f)) {
    if (value >= r.first && value <= r.last) {
      out.range = &r;
      out.offset = value - r.first;
      if (r.has_inner) out.inner = find(r.inner, value & 0xFFFFu);
      break;
    }
  }
  return out;
}

std::span<const family> guess_order(std::uint32_t value) noexcept {
  static constexpr auto order = [](bool large) {
    std::array<family, family_count> out{};
    std::copy(std::begin(all_families), std::end(all_families), out.begin());
    std::sort(out.begin(), out.end(), [large](family a, family b) {
      const family_row& x = family_rows[static_cast<std::size_t>(a)];
      const family_row& y = family_rows[static_cast<std::size_t>(b)];
      return (large ? x.rank_large : x.rank_small) < (large ? y.rank_large : y.rank_small);
    });
    return out;
  };
  static constexpr auto small = order(false), large = order(true);
  return value >= 0x10000 ? std::span<const family>(large) : std::span<const family>(small);
}

bool has_texts(family f) noexcept {
  const auto i = static_cast<std::size_t>(f);
  return i < family_count && family_rows[i].texts;
}

}  // namespace wlancode
