#!/usr/bin/env bash
# Benchmarks. `./bench.sh engine [--referrals 100] [--activities 6] [--idle-seconds 120]` runs the Functions app on the
# local host (Durable Task over its own Azurite, storage requests counted at a proxy in front of it): a bare
# orchestration of K activities as the ceiling, N referrals end to end (first SMS, MSC email), then idle.
# `./bench.sh api [--rate 50] [--duration 20] [--get-rate 50] [--get-duration 10]` runs the real app in-process on
# Kestrel against its own Azurite and drives open-loop submits, then single-referral reads, over loopback HTTP
# (`--storage-accounts 2` gives the Durable task hub an Azurite of its own; `--processes 2` runs the Durable functions
# and timers in a second local host at a lower CPU priority, with the task hub's Azurite, as Flex Consumption runs
# the Durable group on instances of its own).
# Either way the last line of output is one JSON object.
set -euo pipefail
cd "$(dirname "$0")"

case "${1:-}" in
  engine|api)
    ./scripts/install-tools.sh
    dotnet build tools/Referrals.Benchmarks -c Release --nologo -v quiet >&2
    exec dotnet tools/Referrals.Benchmarks/bin/Release/net10.0/Referrals.Benchmarks.dll "$@"
    ;;
  *)
    echo "usage: ./bench.sh engine [--referrals N] [--activities K] [--idle-seconds S] [--concurrency C] [--deadline-seconds D] [--paced-referrals P] [--paced-interval-ms I]" >&2
    echo "       ./bench.sh api [--rate R] [--duration S] [--get-rate R] [--get-duration S] [--storage-accounts 1|2] [--processes 1|2]" >&2
    exit 2
    ;;
esac
