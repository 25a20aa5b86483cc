#!/usr/bin/env bash
# Builds and runs the whole test suite. Usage: scripts/test.sh [BUILD_DIR] [extra cmake args...]
# e.g. scripts/test.sh build-asan -DWLANCODE_SANITIZE=address,undefined
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}; shift || true
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
