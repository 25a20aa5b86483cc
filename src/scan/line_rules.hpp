// The line rules engine: every rule of grammar/rules.def, the generic code contexts of
// grammar/keys.def, symbolic names of every family and WLAN_REASON_CODEs printed with their text,
// applied to one line. Rules never print: they append candidates.
#pragma once

#include <cstdint>
#include <list>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "internal.hpp"

namespace wlancode::scan::detail {

// Container openers a line holds (the pipeline starts the container on that line).
// wants_next_lines: the line names a D-Bus property whose value a dump prints on the next lines
// (dbus-monitor, busctl monitor): the pipeline hands the engine the next two lines whatever
// they hold.
enum opener : unsigned { opens_event_xml = 1, opens_event_text = 2, wants_next_lines = 4 };

// SSIDs learnt by BSSID (keys are mac_key() values), bounded: at most `capacity` entries, the
// least recently learnt evicted first. Lookups do not reorder it, so what it holds at any line
// depends only on the learns before that line, in input order: -j replays them in the merger and
// gets what -j 1 gets.
class ssid_lru {
 public:
  static constexpr std::size_t capacity = 4096;
  void learn(std::uint64_t key, std::string_view ssid);
  const std::string* find(std::uint64_t key) const;
  std::size_t size() const noexcept { return index_.size(); }

 private:
  struct entry {
    std::uint64_t key;
    std::string ssid;
  };
  std::list<entry> order_;  // most recently learnt first
  std::unordered_map<std::uint64_t, std::list<entry>::iterator> index_;
};

// A learn, for -j: the line that taught it, in the segment.
struct ssid_event {
  std::uint64_t line;
  std::uint64_t key;
  std::string ssid;
};

// Shortens recorded learns to the ones that decide the LRU they lead to.
void compact_learns(std::vector<ssid_event>& events);

class rule_engine {
 public:
  // `only`: automatic (every producer), linux_log (the Linux producers), or one producer.
  // `events`: also the lifecycle event rows (their needles must then be searched too).
  explicit rule_engine(input_format only, bool events = false);

  // Appends the candidates of `l`, in the order of their place on the line; returns the
  // container openers the line holds.
  unsigned on_line(const line& l, std::vector<candidate>& out);

  // A prefilter hit at text[hit] (text: the buffer around it, across lines): whether its line
  // may hold something for a rule (a rule's key there, a generic key with a value after it, a
  // name, an opener). Context the hit alone gives (an SSID) is learnt here. False spares the
  // line split and the rules.
  // `line` is the hit's line number.
  bool live(std::string_view text, std::size_t hit, std::uint64_t line);

  // -j: SSIDs are not looked up here but recorded, in order, for the merger (which holds the
  // only ssid_lru of the file and completes the findings).
  void record_ssids(std::vector<ssid_event>* events) noexcept { events_ = events; }
  // Candidates' excerpts and MACs are written into these buffers when there are some.
  void reuse_buffers(string_spares* spares) noexcept { spares_ = spares; }

 private:
  bool use(input_format producer) const noexcept;
  void learn_ssid(std::string_view s, std::size_t hit, std::uint64_t line);
  bool dbus_value_line(const line& l, std::vector<candidate>& out);

  // A D-Bus property key (dbus-monitor `string "DisconnectReason"`, busctl `STRING "...";`) whose
  // value is on one of the next lines: its key row and the lines it may still wait.
  int pending_key_ = -1;  // a row of keys.def
  std::string pending_name_;
  unsigned pending_lines_ = 0;

  input_format only_;
  bool events_on_ = false;
  ssid_lru ssids_;
  std::vector<ssid_event>* events_ = nullptr;
  string_spares* spares_ = nullptr;
  std::vector<std::size_t> pos_of_;  // on_line's scratch, kept: no allocation per line
};

}  // namespace wlancode::scan::detail
