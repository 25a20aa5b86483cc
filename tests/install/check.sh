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
LD_LIBRARY_PATH="$prefix/lib:${LD_LIBRARY_PATH:-}" "$build/install-test/consumer/compat_user" | grep -q "^compat 0 13 2 327697 131071$"
# The same file with nothing but -I<prefix>/include/wlancode/compat, as a Makefile-built consumer would.
${CC:-cc} -std=c99 -Wall -Wextra -Werror -I"$prefix/include/wlancode/compat" "$here/compat_user.c" \
  -L"$prefix/lib" -lwlancode -o "$build/install-test/compat_plain"
LD_LIBRARY_PATH="$prefix/lib:${LD_LIBRARY_PATH:-}" "$build/install-test/compat_plain" | grep -q "^compat 0 13 2 "
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --libs wlancode | grep -q -- "-lwlancode"
echo "install test passed"
