#include <iostream>
#include <wlancode/codes.hpp>
#include <wlancode/error.hpp>
int main() {
  std::error_code ec = wlancode::wlan_reason::MSMSEC_PSK_MISMATCH_SUSPECTED;
  std::cout << ec.category().name() << ": " << ec.message() << "\n";
  return wlancode::find(wlancode::family::wlan_reason, "psk_mismatch_suspected") ? 0 : 1;
}
