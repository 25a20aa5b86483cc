// Get-WinEvent | Export-Csv tables of Windows events, read a row at a time into an event_builder
// (the event text container's table mode, with lifecycle events on).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "event_fields.hpp"
#include "internal.hpp"

namespace wlancode::scan::detail {

// Get-WinEvent | Export-Csv: a header row, then a row per event whose quoted cells may run over
// several lines (the Message). The columns that make the event: Id, ProviderName, TimeCreated,
// Message (its lines are read as a text export's message lines).
class event_csv_table {
 public:
  enum column : std::uint8_t { other, id, provider, time, message };
  // Starts the table at its header row; false when the line is none.
  bool start(std::string_view header);
  bool active() const noexcept { return active_; }
  bool has_provider() const noexcept { return std::find(columns_.begin(), columns_.end(), provider) != columns_.end(); }
  // One line of the table. Returns false when the line is not the table's (the table ends);
  // `row_done` when the line ended a row (the event is then complete in `ev`).
  bool read(const line& l, event_builder& ev, bool& row_done, bool& own);

 private:
  column column_now() const noexcept { return cell_ < columns_.size() ? columns_[cell_] : other; }
  void take_piece(std::string_view piece) {
    if (column_now() != other && value_.size() < 4096) value_.append(piece.substr(0, 4096 - value_.size()));
  }
  // The cell is complete; true when it was a message line with an event field's label.
  bool end_cell(const line& l, event_builder& ev);
  static constexpr std::size_t max_lines = 256;
  std::vector<column> columns_;
  std::string value_;
  std::size_t cell_ = 0, lines_ = 0;
  bool active_ = false, in_row_ = false, quoted_ = false, at_cell_start_ = true;
  char delim_ = ',';
};

}  // namespace wlancode::scan::detail
