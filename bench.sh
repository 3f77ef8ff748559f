#!/usr/bin/env bash
# Benchmarks. `./bench.sh engine [--instances 500] [--concurrency 16] [--scheduled 100000]` drives the reference
# workflow through the durable workflow runtime against its own Azurite; the last line of output is one JSON object.
set -euo pipefail
cd "$(dirname "$0")"

case "${1:-}" in
  engine)
    ./scripts/install-tools.sh
    dotnet build tools/Referrals.Benchmarks -c Release --nologo -v quiet >&2
    exec dotnet tools/Referrals.Benchmarks/bin/Release/net10.0/Referrals.Benchmarks.dll "$@"
    ;;
  *)
    echo "usage: ./bench.sh engine [--instances N] [--concurrency C] [--scheduled M]" >&2
    exit 2
    ;;
esac
