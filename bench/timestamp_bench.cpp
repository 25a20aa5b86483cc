// timeline::resolve per timestamp style, as the scanner calls it once per finding, against the
// baseline the scanner already pays for that finding: leading_timestamp() on the same line.
// The "allocs" counter counts operator new calls per resolve (it must stay 0).
// Run: build/bench/timestamp_bench
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string_view>
#include <vector>

#include "internal.hpp"
#include "wlancode/timestamp.hpp"

namespace {
std::atomic<std::uint64_t> allocations{0};
}  // namespace

void* operator new(std::size_t n) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

struct sample {
  const char* name;
  const char* line;
};
// Lines of our own making, one per style, as producers print them.
const sample samples[] = {
    {"syslog", "Nov 21 10:12:34 host wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED reason=3"},
    {"syslog_kernel_anchor", "Nov 21 10:00:00 host kernel: [  812.121877] wlan0: deauthenticated (Reason: 3)"},
    {"short_precise", "Nov 21 10:12:34.123456 host wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED reason=3"},
    {"iso8601_offset", "2023-11-21T10:20:15.512345+0100 host NetworkManager[1]: <info> reason 'x'"},
    {"iso8601_local", "2023-11-21 10:12:34,567 INFO wlan: reason=3"},
    {"rfc5424", "<34>1 2026-11-21T10:12:40.003Z host wpa_supplicant - - - reason=3"},
    {"etw", "[0]0A1C.0B2C::11/21/2023-10:12:40.001234 [Microsoft-Windows-NWiFi]DisAssoc: Reason: 0x4"},
    {"us_date", "11/21/2023 10:12:40 AM  WLAN-AutoConfig  8002  Reason: 0x38004"},
    {"logcat", "11-21 10:12:40.123  1234  1250 I wpa_supplicant: wlan0: CTRL-EVENT-DISCONNECTED reason=3"},
    {"monotonic", "[  812.121877] wlan0: deauthenticated from 02:00:00:00:00:01 (Reason: 3=DEAUTH_LEAVING)"},
    {"epoch", "1737121661.292380: wlan0: CTRL-EVENT-DISCONNECTED reason=3"},
    {"esp_idf", "I (36157) wifi:state: run -> init (ec0), reason:201"},
};

void BM_LeadingTimestamp(benchmark::State& state) {
  const sample& s = samples[state.range(0)];
  const std::string_view line = s.line;
  for (auto _ : state) benchmark::DoNotOptimize(wlancode::scan::detail::leading_timestamp(line));
  state.SetLabel(s.name);
}

void resolve_with(benchmark::State& state, std::shared_ptr<const wlancode::time_zone> tz) {
  const sample& s = samples[state.range(0)];
  const std::string_view line = s.line;
  const std::string_view ts = wlancode::scan::detail::leading_timestamp(line);
  wlancode::timeline_settings set;
  set.tz = std::move(tz);
  set.year = 2026;
  wlancode::timeline tl(set);
  if (tl.resolve(ts, line).clk == wlancode::instant::clock::none) state.SkipWithError("not resolved");
  const std::uint64_t before = allocations.load();
  for (auto _ : state) benchmark::DoNotOptimize(tl.resolve(ts, line));
  state.counters["allocs"] =
      benchmark::Counter(static_cast<double>(allocations.load() - before), benchmark::Counter::kAvgIterations);
  state.SetLabel(s.name);
}

void BM_Resolve(benchmark::State& state) { resolve_with(state, nullptr); }

// With an IANA zone (a TZif table and its footer rule) for the stamps without an offset.
void BM_ResolveBerlin(benchmark::State& state) {
  auto tz = wlancode::time_zone::load("Europe/Berlin");
  if (!tz) tz = wlancode::time_zone::load("CET-1CEST,M3.5.0,M10.5.0/3");
  resolve_with(state, tz);
}

void BM_ToIso8601(benchmark::State& state) {
  const wlancode::instant t{wlancode::instant::clock::utc, 1'737'121'661'292'380'000LL, 6, true, false, false};
  char buf[48];
  for (auto _ : state) benchmark::DoNotOptimize(wlancode::to_iso8601(t, buf, sizeof buf));
}

constexpr int styles = static_cast<int>(sizeof samples / sizeof samples[0]);
BENCHMARK(BM_LeadingTimestamp)->DenseRange(0, styles - 1);
BENCHMARK(BM_Resolve)->DenseRange(0, styles - 1);
BENCHMARK(BM_ResolveBerlin)->DenseRange(0, styles - 1);
BENCHMARK(BM_ToIso8601);

}  // namespace

BENCHMARK_MAIN();
