// std::error_category per family.
#include <cstdio>
#include <string>

#include "wlancode/error.hpp"

namespace wlancode {
namespace {

class family_category final : public std::error_category {
 public:
  constexpr explicit family_category(family f) noexcept : fam_(f) {}
  const char* name() const noexcept override { return to_string(fam_).data(); }
  std::string message(int ev) const override {
    const auto value = static_cast<std::uint32_t>(ev);
    if (const code_info* c = find(fam_, value)) return std::string(c->meaning.text);
    char buf[96];
    std::snprintf(buf, sizeof buf, "unknown %s value 0x%08X", type_name(fam_).data(), static_cast<unsigned>(value));
    return buf;
  }

 private:
  family fam_;
};

const family_category categories[] = {
#define WLANCODE_FAMILY(id, ...) family_category(family::id),
#include "wlancode/tables/families.def"
};

}  // namespace

const std::error_category& category(family f) noexcept {
  const auto i = static_cast<std::size_t>(f);
  return categories[i < family_count ? i : 0];
}

}  // namespace wlancode
