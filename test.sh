#!/usr/bin/env bash
# Runs every test. Installs what the tests need first (the pinned npm tools), so it works on a fresh machine
# that has only the .NET 10 SDK and Node.js. Extra arguments go to every `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")"

./scripts/install-tools.sh
./scripts/install-browser.sh
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

dotnet build Referrals.sln -c Release --nologo -v quiet -clp:ErrorsOnly

results=.artifacts/test-results
rm -rf "$results"
status=0
# One project at a time: integration tests start real Azurite, MailDev and the SMS sandbox, and the machine has
# two cores; running assemblies side by side only makes their deadlines flaky.
for project in tests/*.Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --blame-hang-timeout 10m "$@" || status=$?
done

# One closing line over all test assemblies, in the plain form CI reads.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  p=$(count passed); f=$(count failed); s=$(count notExecuted)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$failed" -gt 0 ]; then status=1; fi
exit $status
