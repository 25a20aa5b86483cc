// The fields of one Windows event -> candidates. Shared by every reader of Windows events (event
// XML, event text, EVTX records): each gathers one event's fields, then at the end of the event
// the builder decides which field holds which code space (ReasonCode of 8002 is a
// WLAN_REASON_CODE, of 8003 it is not).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "internal.hpp"

namespace wlancode::scan::detail {

class event_builder {
 public:
  // `events`: also report the event itself when it is a lifecycle event (WLANCODE_EVENT_ID rows).
  explicit event_builder(input_format f, bool events = false) : format_(f), events_(events) {}
  void begin() {
    clear();
    active_ = true;
  }
  bool active() const noexcept { return active_; }
  void set_id(std::string_view id);
  // The line that holds the event id: where the event itself is reported.
  void set_id(std::string_view id, const line& l);
  // The line that shows the event best (a report row's message): where it is reported.
  void set_event_line(const line& l);
  const std::string& id() const noexcept { return event_id_; }
  void set_provider(std::string_view provider);
  void set_time(std::string_view t);
  // The record identifier of an EVTX record, carried to its candidates.
  void set_record(std::uint64_t id) noexcept { record_ = id; }
  void add(std::string_view name, std::string_view value, const line& l, bool from_message);
  // Message lines ("Failure Reason: ...") of a rendered message; true when the label is an
  // event field's.
  bool add_message_line(std::string_view text, const line& l);
  void flush(std::vector<candidate>& out);

 private:
  // Fields of one event.
  struct field {
    std::string name, value;
    std::uint64_t line;
    std::string excerpt;
    bool truncated;
    bool from_message;  // a "Label: value" line of the rendered message, not a named data field
  };
  void clear() {
    fields_.clear();
    event_id_.clear();
    timestamp_.clear();
    provider_.clear();
    record_ = 0;
    id_line_ = 0;
    id_excerpt_.clear();
    has_data_ = false;
  }
  input_format format_;
  bool events_ = false;
  std::vector<field> fields_;
  std::string event_id_, timestamp_, provider_;
  std::uint64_t record_ = 0;
  std::uint64_t id_line_ = 0;
  std::string id_excerpt_;
  bool has_data_ = false;
  bool active_ = false;
};

}  // namespace wlancode::scan::detail
