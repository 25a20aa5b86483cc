// Text -> code: find the WLAN_REASON_CODE behind a sentence as Windows prints it
// ("Failure Reason: The specific network is not available.").
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "wlancode/codes.hpp"

namespace wlancode {

struct text_match {
  const code_info* code = nullptr;
  double score = 0;       // 1.0 for an exact or normalised match; below 1.0 for approximate ones
  bool exact = false;     // matched after normalisation only (case, punctuation, whitespace)
  std::string_view text;  // the table text that matched (runtime text or documented meaning)
};

// Best matches first, at most `max`, none below `min_score`. A leading label such as
// "Failure Reason:" or "Reason:" is ignored. Only Windows families carry sentences to match.
WLANCODE_API std::vector<text_match> match_text(std::string_view sentence, std::size_t max = 3, double min_score = 0.6);

// How well a text printed next to a code agrees with that code's meaning, runtime text, phrase
// or name (1.0: the same after normalisation; trigram similarity otherwise). Any family.
WLANCODE_API double text_agreement(const code_info& code, std::string_view text);

}  // namespace wlancode
