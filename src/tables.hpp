// Forwarding header: the table views live in include/wlancode/detail/.
#pragma once
#include "wlancode/detail/tables.hpp"
