#!/usr/bin/env bash
# First command of the README: installs what is missing, builds, and runs wlancode on the
# bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target wlancode_cli
w=build/tools/wlancode/wlancode
echo "== wlancode explain 0x00048014 0x38004 -3   (codes as logs print them)"
"$w" explain 0x00048014 0x38004 -3 || true
echo "== wlancode explain --text (a sentence from a WLAN-AutoConfig event)"
"$w" explain --text "Failure Reason: The specific network is not available." || true
echo "== wlancode scan --summary examples/   (the bundled sample logs, every format)"
"$w" scan --summary examples/
echo "== wlancode report examples/ -o build/report.html   (the diagnosis as a page to open or send)"
"$w" report examples/ -o build/report.html || true
