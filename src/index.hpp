// Forwarding header: the indexes live in include/wlancode/detail/.
#pragma once
#include "wlancode/detail/index.hpp"
