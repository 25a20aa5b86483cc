// Lookup by value and by name over every code, against std::unordered_map baselines built
// from the same codes in the same binary. Run: build/bench/lookup_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "wlancode/codes.hpp"
#include "wlancode/lookup_inline.hpp"

namespace {

struct key {
  wlancode::family fam;
  std::uint32_t value;
  std::string name;
};

// Every code of every family, in table order.
const std::vector<key>& all_keys();

// The same keys in a fixed pseudo-random order, as codes arrive in logs: neither side can lean on
// the branch predictor learning the order of the table.
const std::vector<key>& shuffled_keys() {
  static const std::vector<key> keys = [] {
    std::vector<key> out = all_keys();
    std::mt19937 rng(20261121);
    std::shuffle(out.begin(), out.end(), rng);
    return out;
  }();
  return keys;
}

const std::vector<key>& all_keys() {
  static const std::vector<key> keys = [] {
    std::vector<key> out;
    for (wlancode::family f : wlancode::all_families)
      for (const wlancode::code_info& c : wlancode::codes(f)) out.push_back({f, c.value, std::string(c.name)});
    return out;
  }();
  return keys;
}

template <const std::vector<key>& (*Keys)()>
void BM_wlancode_by_value(benchmark::State& state) {
  const auto& keys = Keys();
  for (auto _ : state)
    for (const key& k : keys) {
      const wlancode::code_info* c = wlancode::find(k.fam, k.value);
      benchmark::DoNotOptimize(c->name.size());  // use the answer, as the baseline must
    }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * keys.size()));
}

// The header-only constexpr form, inlined into the loop.
template <const std::vector<key>& (*Keys)()>
void BM_wlancode_by_value_inline(benchmark::State& state) {
  const auto& keys = Keys();
  for (auto _ : state)
    for (const key& k : keys) {
      const wlancode::code_info* c = wlancode::find_inline(k.fam, k.value);
      benchmark::DoNotOptimize(c->name.size());
    }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * keys.size()));
}

// A caller that knows its family (the common case: a WLAN_REASON_CODE field), per family.
template <wlancode::family F>
void BM_wlancode_by_value_inline_one_family(benchmark::State& state) {
  std::vector<std::uint32_t> values;
  for (const wlancode::code_info& c : wlancode::codes(F)) values.push_back(c.value);
  for (auto _ : state)
    for (std::uint32_t v : values) benchmark::DoNotOptimize(wlancode::find_inline(F, v)->name.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
}

template <wlancode::family F>
void BM_unordered_map_by_value_one_family(benchmark::State& state) {
  std::vector<std::uint32_t> values;
  std::unordered_map<std::uint32_t, std::string> map;
  for (const wlancode::code_info& c : wlancode::codes(F)) {
    values.push_back(c.value);
    map.emplace(c.value, std::string(c.name));
  }
  for (auto _ : state)
    for (std::uint32_t v : values) benchmark::DoNotOptimize(map.find(v)->second.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
}

template <const std::vector<key>& (*Keys)()>
void BM_unordered_map_by_value(benchmark::State& state) {
  const auto& keys = Keys();
  std::vector<std::unordered_map<std::uint32_t, std::string>> maps(wlancode::family_count);
  for (const key& k : keys) maps[static_cast<std::size_t>(k.fam)].emplace(k.value, k.name);
  for (auto _ : state)
    for (const key& k : keys) {
      const auto& m = maps[static_cast<std::size_t>(k.fam)];
      benchmark::DoNotOptimize(m.find(k.value)->second.size());
    }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * keys.size()));
}

void BM_wlancode_by_name(benchmark::State& state) {
  const auto& keys = all_keys();
  for (auto _ : state)
    for (const key& k : keys) benchmark::DoNotOptimize(wlancode::find(k.fam, std::string_view(k.name))->value);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * keys.size()));
}

// The baseline is given the easier job: exact-case keys, no normalisation.
void BM_unordered_map_by_name(benchmark::State& state) {
  const auto& keys = all_keys();
  std::vector<std::unordered_map<std::string, std::uint32_t>> maps(wlancode::family_count);
  for (const key& k : keys) maps[static_cast<std::size_t>(k.fam)].emplace(k.name, k.value);
  for (auto _ : state)
    for (const key& k : keys) {
      const auto& m = maps[static_cast<std::size_t>(k.fam)];
      benchmark::DoNotOptimize(m.find(k.name)->second);
    }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * keys.size()));
}

void BM_wlancode_by_short_lowercase_name(benchmark::State& state) {
  std::vector<std::pair<wlancode::family, std::string>> keys;
  for (wlancode::family f : wlancode::all_families)
    for (const wlancode::code_info& c : wlancode::codes(f)) {
      std::string s(c.suffix);
      for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      keys.emplace_back(f, s);
    }
  for (auto _ : state)
    for (const auto& [f, s] : keys) benchmark::DoNotOptimize(wlancode::find(f, std::string_view(s)));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * keys.size()));
}

}  // namespace

BENCHMARK(BM_wlancode_by_value<all_keys>);
BENCHMARK(BM_wlancode_by_value_inline<all_keys>);
BENCHMARK(BM_unordered_map_by_value<all_keys>);
BENCHMARK(BM_wlancode_by_value<shuffled_keys>);
BENCHMARK(BM_wlancode_by_value_inline<shuffled_keys>);
BENCHMARK(BM_unordered_map_by_value<shuffled_keys>);
#define WLANCODE_FAMILY_BENCH_(F)                                         \
  BENCHMARK(BM_wlancode_by_value_inline_one_family<wlancode::family::F>); \
  BENCHMARK(BM_unordered_map_by_value_one_family<wlancode::family::F>);
WLANCODE_FAMILY_BENCH_(wlan_reason)
WLANCODE_FAMILY_BENCH_(wdi_assoc_status)
WLANCODE_FAMILY_BENCH_(wcn_session_status)
WLANCODE_FAMILY_BENCH_(ieee80211_reason)
WLANCODE_FAMILY_BENCH_(ieee80211_status)
#undef WLANCODE_FAMILY_BENCH_
BENCHMARK(BM_wlancode_by_name);
BENCHMARK(BM_unordered_map_by_name);
BENCHMARK(BM_wlancode_by_short_lowercase_name);
BENCHMARK_MAIN();
