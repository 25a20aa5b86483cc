#!/usr/bin/env bash
# Installs the Debian packages of scripts/deps.txt that are missing. Idempotent.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
missing=()
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done < "$here/deps.txt"
if ((${#missing[@]})); then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The browser test's npm packages (tests/report/package-lock.json). Debian's nodejs comes without
# npm, which is its own package there; a nodejs that bundles npm (NodeSource) conflicts with it.
if command -v node >/dev/null 2>&1; then
  if ! command -v npm >/dev/null 2>&1; then
    sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  cd "$here/../tests/report"
  locked=$(node -p "require('./package-lock.json').packages['node_modules/playwright-core'].version")
  installed=$(node -p "require('./node_modules/playwright-core/package.json').version" 2>/dev/null || true)
  if [[ "$locked" != "$installed" ]]; then
    echo "npm ci in tests/report (playwright-core $locked)" >&2
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
