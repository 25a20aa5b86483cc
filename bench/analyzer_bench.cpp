// diagnose::analyzer per finding, against the baseline of the same run: the scan (events on) that
// produced those findings. The analyzer's side of `wlancode diagnose`, apart from the scanner's.
// Run: build/bench/analyzer_bench   (compare BM_Analyzer's time with BM_ScanWithEvents': same findings)
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "wlancode/diagnose.hpp"
#include "wlancode/scan.hpp"

namespace {

// A log of our own making: a laptop's supplicant, kernel and NetworkManager telling attempts that
// fail or succeed on three networks, with an access point's lines about its stations between them.
std::string make_log(int cycles) {
  std::string log;
  const char* ssids[] = {"CorpWiFi", "Guest", "HomeNet"};
  for (int i = 0; i < cycles; ++i) {
    char stamp[32], mac[24], sta[24];
    std::snprintf(stamp, sizeof stamp, "Nov 24 %02d:%02d:%02d", 10 + i / 3600 % 12, i / 60 % 60, i % 60);
    std::snprintf(mac, sizeof mac, "02:00:00:%02x:%02x:%02x", i % 7, i % 13, i % 5);
    std::snprintf(sta, sizeof sta, "02:00:00:aa:00:%02x", i % 64);
    const std::string h = std::string(stamp) + " laptop ";
    const char* ssid = ssids[i % 3];
    log += h + "wpa_supplicant[812]: wlan0: Trying to associate with " + mac + " (SSID='" + ssid + "' freq=5180 MHz)\n";
    log += h + "kernel: [  100.043329] wlan0: authenticate with " + mac + "\n";
    log += h + "hostapd[455]: wlan0: STA " + sta + " IEEE 802.11: associated (aid 12)\n";
    log += h + "kernel: [  100.119794] wlan0: send auth to " + mac + " (try 1/3)\n";
    log += h + "kernel: [  100.970126] wlan0: associated\n";
    if (i % 4 == 0) {
      log += h + "wpa_supplicant[812]: wlan0: CTRL-EVENT-ASSOC-REJECT bssid=" + mac + " status_code=17\n";
    } else if (i % 4 == 1) {
      log +=
          h + "wpa_supplicant[812]: wlan0: CTRL-EVENT-CONNECTED - Connection to " + mac + " completed [id=0 id_str=]\n";
      log += h + "NetworkManager[700]: <info>  [1700000001.1298] device (wlp2s0): supplicant interface state: " +
             "associating -> completed\n";
      log += h + "wpa_supplicant[812]: wlan0: CTRL-EVENT-DISCONNECTED bssid=" + mac + " reason=3 locally_generated=1\n";
    } else {
      log += h + "hostapd[455]: wlan0: AP-STA-CONNECTED " + sta + "\n";
      log += h + "wpa_supplicant[812]: wlan0: CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"" + ssid +
             "\" auth_failures=1 duration=10 reason=CONN_FAILED\n";
    }
    log += h + "sshd[30419]: Accepted publickey for alice from 192.168.1.41 port 52041 ssh2\n";
  }
  return log;
}

const std::string& bench_log() {
  static const std::string log = make_log(4000);
  return log;
}

wlancode::scan::options with_events() {
  wlancode::scan::options o;
  o.events = true;
  o.year = 2026;
  return o;
}

void BM_ScanWithEvents(benchmark::State& state) {
  std::size_t n = 0;
  for (auto _ : state) {
    n = 0;
    wlancode::scan::scan_memory(bench_log(), "bench.log", with_events(), [&](const wlancode::scan::finding&) { ++n; });
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
  state.counters["findings"] = static_cast<double>(n);
}

void BM_Analyzer(benchmark::State& state) {
  std::vector<wlancode::scan::finding> findings;
  wlancode::scan::scan_memory(bench_log(), "bench.log", with_events(),
                              [&](const wlancode::scan::finding& f) { findings.push_back(f); });
  for (auto _ : state) {
    wlancode::diagnose::analyzer an;
    for (const wlancode::scan::finding& f : findings) an.add(f, f.time);
    benchmark::DoNotOptimize(an.finish());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * findings.size()));
  state.counters["findings"] = static_cast<double>(findings.size());
}

}  // namespace

BENCHMARK(BM_ScanWithEvents)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Analyzer)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
