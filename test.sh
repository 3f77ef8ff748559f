#!/usr/bin/env bash
# Runs every test. Installs what the tests need first (the pinned npm tools), so it works on a fresh machine
# that has only the .NET 10 SDK and Node.js.
set -euo pipefail
cd "$(dirname "$0")"

./scripts/install-tools.sh

dotnet build Referrals.sln -c Release --nologo -v quiet
results=.artifacts/test-results
rm -rf "$results"
status=0
dotnet test Referrals.sln -c Release --no-build --nologo --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line over all test assemblies, in the plain form CI reads.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  s=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
