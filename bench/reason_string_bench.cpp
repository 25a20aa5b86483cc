// WlanReasonCodeToString over every WLAN_REASON_CODE (shuffled stream), against the usual
// replacement: std::unordered_map<uint32_t, std::u16string> built from the same texts, plus the
// copy into the caller's buffer. Run: build/bench/reason_string_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "wlancode/codes.hpp"
#include "wlancode/wlanapi_compat.h"

namespace {

std::vector<std::uint32_t> stream() {
  std::vector<std::uint32_t> out;
  while (out.size() < 1024)
    for (const wlancode::code_info& c : wlancode::codes(wlancode::family::wlan_reason)) out.push_back(c.value);
  std::mt19937 rng(20261201);
  std::shuffle(out.begin(), out.end(), rng);
  return out;
}

constexpr DWORD buffer_units = 256;

void BM_WlanReasonCodeToString(benchmark::State& state) {
  const auto codes = stream();
  WCHAR buf[buffer_units];
  for (auto _ : state) {
    for (std::uint32_t v : codes) {
      benchmark::DoNotOptimize(WlanReasonCodeToString(v, buffer_units, buf, nullptr));
      benchmark::ClobberMemory();
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * codes.size()));
}
BENCHMARK(BM_WlanReasonCodeToString);

void BM_MapPlusCopy(benchmark::State& state) {
  // The map holds the texts WlanReasonCodeToString gives, so both sides copy the same units.
  std::unordered_map<std::uint32_t, std::u16string> map;
  for (const wlancode::code_info& c : wlancode::codes(wlancode::family::wlan_reason)) {
    WCHAR tmp[1024];
    WlanReasonCodeToString(c.value, 1024, tmp, nullptr);
    std::u16string s;
    for (const WCHAR* p = tmp; *p; ++p) s += static_cast<char16_t>(*p);
    map.emplace(c.value, std::move(s));
  }
  const auto codes = stream();
  WCHAR buf[buffer_units];
  for (auto _ : state) {
    for (std::uint32_t v : codes) {
      const auto it = map.find(v);
      if (it != map.end()) {
        const std::size_t n = std::min<std::size_t>(it->second.size(), buffer_units - 1);
        std::memcpy(buf, it->second.data(), n * sizeof(WCHAR));
        buf[n] = 0;
      }
      benchmark::DoNotOptimize(buf);
      benchmark::ClobberMemory();
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * codes.size()));
}
BENCHMARK(BM_MapPlusCopy);

}  // namespace

BENCHMARK_MAIN();
