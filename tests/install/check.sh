#!/bin/sh
# Installs the build into a scratch prefix, then builds and runs a consumer project against it
# with find_package(wlancode), and checks the pkg-config file. Usage: check.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
here=$(cd "$(dirname "$0")" && pwd)
prefix="$build/install-test/prefix"
rm -rf "$build/install-test"
cmake --install "$build" --prefix "$prefix" >/dev/null
cmake -S "$here" -B "$build/install-test/consumer" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$build/install-test/consumer" >/dev/null
LD_LIBRARY_PATH="$prefix/lib:${LD_LIBRARY_PATH:-}" "$build/install-test/consumer/cpp_user" | grep -q "A PSK mismatch is suspected."
"$build/install-test/consumer/c_user" | grep -q "^ONEX_NO_RESPONSE_TO_IDENTITY | "
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --libs wlancode | grep -q -- "-lwlancode"
echo "install test passed"
