#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing. Playwright drives this browser; it never
# downloads one of its own (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set by test.sh).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
apt=(apt-get)
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    apt=(sudo apt-get)
  else
    echo "Chromium is missing and this user cannot install it: run 'apt-get install chromium' as root." >&2
    exit 1
  fi
fi
echo "Installing Debian's chromium for the browser tests..."
"${apt[@]}" update -qq
DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq chromium >/dev/null
