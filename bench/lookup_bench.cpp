// Lookup by value and by name over every code, against std::unordered_map baselines built from
// the same codes in the same binary. Run: build/bench/lookup_bench
//
// Every by-value benchmark walks a stream of codes as a log would carry them: every code of the
// family (or of all families), repeated to at least 1024 entries, in a fixed pseudo-random order.
// Neither side can lean on the branch predictor learning the table order, and a family of three
// codes is measured on as long a loop as one of 157. The bench is built with loops aligned to 64
// bytes (bench/CMakeLists.txt) so that a tight loop's speed does not flip with code placement.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "wlancode/codes.hpp"
#include "wlancode/lookup_inline.hpp"

namespace {

struct code_key {
  wlancode::family fam;
  std::uint32_t value;
};

constexpr std::size_t min_stream = 1024;

template <class T>
std::vector<T> as_stream(std::vector<T> once) {
  std::vector<T> out;
  while (out.size() < min_stream) out.insert(out.end(), once.begin(), once.end());
  std::mt19937 rng(20261121);
  std::shuffle(out.begin(), out.end(), rng);
  return out;
}

std::vector<std::uint32_t> values_of(wlancode::family f) {
  std::vector<std::uint32_t> once;
  for (const wlancode::code_info& c : wlancode::codes(f)) once.push_back(c.value);
  return as_stream(once);
}

const std::vector<code_key>& mixed_keys() {
  static const std::vector<code_key> keys = [] {
    std::vector<code_key> once;
    for (wlancode::family f : wlancode::all_families)
      for (const wlancode::code_info& c : wlancode::codes(f)) once.push_back({f, c.value});
    return as_stream(once);
  }();
  return keys;
}

using value_map = std::unordered_map<std::uint32_t, std::string>;
value_map map_of(wlancode::family f) {
  value_map map;
  for (const wlancode::code_info& c : wlancode::codes(f)) map.emplace(c.value, std::string(c.name));
  return map;
}

// ---- one code at a time, family only known at run time ----------------------------------------

void BM_wlancode_find(benchmark::State& state) {
  const auto& keys = mixed_keys();
  for (auto _ : state)
    for (const code_key& k : keys)
      benchmark::DoNotOptimize(wlancode::find(k.fam, k.value)->name.size());  // use the answer, as the baseline must
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * keys.size()));
}

void BM_wlancode_find_inline(benchmark::State& state) {
  const auto& keys = mixed_keys();
  for (auto _ : state)
    for (const code_key& k : keys) benchmark::DoNotOptimize(wlancode::find_inline(k.fam, k.value)->name.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * keys.size()));
}

void BM_unordered_map_any_family(benchmark::State& state) {
  const auto& keys = mixed_keys();
  std::vector<value_map> maps;
  for (wlancode::family f : wlancode::all_families) maps.push_back(map_of(f));
  for (auto _ : state)
    for (const code_key& k : keys)
      benchmark::DoNotOptimize(maps[static_cast<std::size_t>(k.fam)].find(k.value)->second.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * keys.size()));
}

// ---- one code at a time, family known in code (a WLAN_REASON_CODE field, say) -----------------

template <wlancode::family F>
void BM_wlancode_find_inline_family(benchmark::State& state) {
  const std::vector<std::uint32_t> values = values_of(F);
  for (auto _ : state)
    for (std::uint32_t v : values) benchmark::DoNotOptimize(wlancode::find_inline<F>(v)->name.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
}

template <wlancode::family F>
void BM_unordered_map_family(benchmark::State& state) {
  const std::vector<std::uint32_t> values = values_of(F);
  const value_map map = map_of(F);
  for (auto _ : state)
    for (std::uint32_t v : values) benchmark::DoNotOptimize(map.find(v)->second.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
}

// ---- by name ----------------------------------------------------------------------------------

struct named {
  wlancode::family fam;
  std::string name;
};
std::vector<named> all_names() {
  std::vector<named> out;
  for (wlancode::family f : wlancode::all_families)
    for (const wlancode::code_info& c : wlancode::codes(f)) out.push_back({f, std::string(c.name)});
  return out;
}

void BM_wlancode_by_name(benchmark::State& state) {
  const auto keys = all_names();
  for (auto _ : state)
    for (const named& k : keys) benchmark::DoNotOptimize(wlancode::find(k.fam, std::string_view(k.name))->value);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * keys.size()));
}

// The baseline is given the easier job: exact-case keys, no normalisation.
void BM_unordered_map_by_name(benchmark::State& state) {
  const auto keys = all_names();
  std::vector<std::unordered_map<std::string, std::uint32_t>> maps(wlancode::family_count);
  for (const named& k : keys) {
    const wlancode::code_info* c = wlancode::find(k.fam, std::string_view(k.name));
    maps[static_cast<std::size_t>(k.fam)].emplace(k.name, c->value);
  }
  for (auto _ : state)
    for (const named& k : keys) benchmark::DoNotOptimize(maps[static_cast<std::size_t>(k.fam)].find(k.name)->second);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * keys.size()));
}

void BM_wlancode_by_short_lowercase_name(benchmark::State& state) {
  std::vector<named> keys;
  for (wlancode::family f : wlancode::all_families)
    for (const wlancode::code_info& c : wlancode::codes(f)) {
      std::string s(c.suffix);
      for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      keys.push_back({f, s});
    }
  for (auto _ : state)
    for (const named& k : keys) benchmark::DoNotOptimize(wlancode::find(k.fam, std::string_view(k.name)));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * keys.size()));
}

}  // namespace

BENCHMARK(BM_wlancode_find);
BENCHMARK(BM_wlancode_find_inline);
BENCHMARK(BM_unordered_map_any_family);
#define WLANCODE_FAMILY(id, ...)                                   \
  BENCHMARK(BM_wlancode_find_inline_family<wlancode::family::id>); \
  BENCHMARK(BM_unordered_map_family<wlancode::family::id>);
#include "wlancode/tables/families.def"
BENCHMARK(BM_wlancode_by_name);
BENCHMARK(BM_unordered_map_by_name);
BENCHMARK(BM_wlancode_by_short_lowercase_name);
BENCHMARK_MAIN();
