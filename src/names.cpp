// Names and descriptions of phases and initiators (phases.def, initiators.def).
#include <array>

#include "wlancode/codes.hpp"

namespace wlancode {
namespace {
struct named {
  std::string_view id, description;
};
constexpr named phase_names[] = {
#define WLANCODE_PHASE(id, description) {#id, description},
#include "wlancode/tables/phases.def"
};
constexpr named initiator_names[] = {
#define WLANCODE_INITIATOR(id, description) {#id, description},
#include "wlancode/tables/initiators.def"
};
template <std::size_t N, class E>
constexpr const named& entry(const named (&rows)[N], E e) noexcept {
  const auto i = static_cast<std::size_t>(e);
  return rows[i < N ? i : N - 1];  // the last row is `unknown`
}
}  // namespace

std::string_view to_string(phase p) noexcept { return entry(phase_names, p).id; }
std::string_view describe(phase p) noexcept { return entry(phase_names, p).description; }
std::string_view to_string(initiator i) noexcept { return entry(initiator_names, i).id; }
std::string_view describe(initiator i) noexcept { return entry(initiator_names, i).description; }

}  // namespace wlancode
