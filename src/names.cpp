// Names and descriptions of phases and initiators.
#include "wlancode/codes.hpp"

namespace wlancode {

std::string_view to_string(phase p) noexcept {
  switch (p) {
    case phase::success:
      return "success";
    case phase::discovery:
      return "discovery";
    case phase::authentication:
      return "authentication";
    case phase::association:
      return "association";
    case phase::key_exchange:
      return "key_exchange";
    case phase::eap:
      return "eap";
    case phase::wps:
      return "wps";
    case phase::profile:
      return "profile";
    case phase::policy:
      return "policy";
    case phase::roaming:
      return "roaming";
    case phase::driver:
      return "driver";
    case phase::host:
      return "host";
    case phase::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view describe(phase p) noexcept {
  switch (p) {
    case phase::success:
      return "success";
    case phase::discovery:
      return "discovery / scan";
    case phase::authentication:
      return "802.11 authentication";
    case phase::association:
      return "association";
    case phase::key_exchange:
      return "key exchange (4-way / group key)";
    case phase::eap:
      return "802.1X / EAP";
    case phase::wps:
      return "WPS";
    case phase::profile:
      return "profile / configuration";
    case phase::policy:
      return "policy";
    case phase::roaming:
      return "roaming / link quality";
    case phase::driver:
      return "driver / hardware / radio";
    case phase::host:
      return "host or user action";
    case phase::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view to_string(initiator i) noexcept {
  switch (i) {
    case initiator::none:
      return "none";
    case initiator::config:
      return "config";
    case initiator::user:
      return "user";
    case initiator::network:
      return "network";
    case initiator::auth_server:
      return "auth_server";
    case initiator::driver:
      return "driver";
    case initiator::system:
      return "system";
    case initiator::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view describe(initiator i) noexcept {
  switch (i) {
    case initiator::none:
      return "nobody (no failure)";
    case initiator::config:
      return "this device's configuration";
    case initiator::user:
      return "the user";
    case initiator::network:
      return "the access point / network";
    case initiator::auth_server:
      return "the authentication server";
    case initiator::driver:
      return "the driver / hardware";
    case initiator::system:
      return "this device's OS / supplicant";
    case initiator::unknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace wlancode
