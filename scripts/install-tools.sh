#!/usr/bin/env bash
# Installs the pinned npm tools (Azurite, MailDev) from package-lock.json, only when they are missing or stale.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
