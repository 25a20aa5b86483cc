// The JSONL record of a finding (scan_json.hpp): a writer of the fields of scan_record.hpp.
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

#include "wlancode/scan_json.hpp"
#include "wlancode/scan_record.hpp"

namespace wlancode::scan {

namespace {
const context_field context_table[] = {{"timestamp", "time", &finding::timestamp},
                                       {"event_id", "event", &finding::event_id},
                                       {"interface", "interface", &finding::interface},
                                       {"ssid", "ssid", &finding::ssid},
                                       {"bssid", "bssid", &finding::bssid},
                                       {"sta", "sta", &finding::sta}};

// Appends to `s` (reused between findings: no per-field temporaries). The JSON of the table's
// texts (a code's name, meaning, hint) is escaped once per text and reused: dense logs repeat a
// few codes many times. No key is escaped: they are the schema's own identifiers.
class json_writer final : public record_visitor {
 public:
  explicit json_writer(std::string& s) : s_(s) {}
  void string(std::string_view key, std::string_view v, bool stable) override {
    put(key);
    if (stable && v.size() >= 16)
      s_ += cached({v.data(), v.size()}, [&](std::string& out) { append_json_string(out, v); });
    else
      append_json_string(s_, v);
  }
  void null(std::string_view key) override {
    put(key);
    s_ += "null";
  }
  void integer(std::string_view key, std::uint64_t v) override {
    put(key);
    s_ += std::to_string(v);
  }
  void number(std::string_view key, std::string_view text) override {
    put(key);
    s_ += text;
  }
  void boolean(std::string_view key, bool v) override {
    put(key);
    s_ += v ? "true" : "false";
  }
  void begin_object(std::string_view key) override {
    put(key);
    first_ = true;
  }
  void end_object() override {
    s_ += first_ ? "{}" : "}";  // an object without members is still one
    first_ = false;
  }
  void end() { s_ += "}\n"; }

 private:
  void put(std::string_view key) {
    s_ += first_ ? "{\"" : ",\"";  // the record's or an object's first member opens it
    first_ = false;
    s_ += key;
    s_ += "\":";
  }
  // A table text by its address and size (views of one text with different sizes differ).
  struct text_key {
    const char* a;
    std::size_t size;
    bool operator==(const text_key&) const = default;
  };
  struct text_hash {
    std::size_t operator()(const text_key& k) const noexcept {
      return std::hash<const void*>()(k.a) ^ (k.size * 0x9E3779B97F4A7C15ull);
    }
  };
  template <class Make>
  static const std::string& cached(const text_key& key, const Make& make) {
    // Per thread: writers on several threads (the Python module, -j) share nothing. Bounded: one
    // entry per table text.
    thread_local std::unordered_map<text_key, std::string, text_hash> cache;
    auto [it, fresh] = cache.try_emplace(key);
    if (fresh) make(it->second);
    return it->second;
  }
  std::string& s_;
  bool first_ = true;
};

}  // namespace

void append_jsonl(std::string& s, const finding& f) {
  json_writer w(s);
  visit_record(f, w);
  w.end();
}

std::span<const context_field> context_fields() noexcept { return context_table; }

}  // namespace wlancode::scan
