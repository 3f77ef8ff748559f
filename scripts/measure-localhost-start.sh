#!/usr/bin/env bash
# Measures "local host start -> first healthy /healthz" on the Release build, against an Azurite it starts on free
# ports (in memory, not part of the figure). Each run is a new process and a new task hub on the same Azurite.
#   scripts/measure-localhost-start.sh [runs]     (build first: dotnet build Referrals.sln -c Release)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
host=tools/Referrals.LocalHost/bin/Release/net10.0/Referrals.LocalHost
[ -x "$host" ] || { echo "measure-localhost-start.sh: build the solution in Release first." >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
blob=$(free_port); queue=$(free_port); table=$(free_port); http=$(free_port)
# A process per service, as ./run.sh and the tests run Azurite; queues in a temporary folder, as there.
queues=$(mktemp -d)
common=(--silent --skipApiVersionCheck --disableProductStyleUrl --disableTelemetry)
node_modules/.bin/azurite-table "${common[@]}" --inMemoryPersistence --tableHost 127.0.0.1 --tablePort "$table" >/dev/null 2>&1 &
azurite=($!)
node_modules/.bin/azurite-queue "${common[@]}" --location "$queues" --queueHost 127.0.0.1 --queuePort "$queue" >/dev/null 2>&1 &
azurite+=($!)
node_modules/.bin/azurite-blob "${common[@]}" --inMemoryPersistence --blobHost 127.0.0.1 --blobPort "$blob" >/dev/null 2>&1 &
azurite+=($!)
app=""
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; kill "${azurite[@]}" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$queues"; }
trap cleanup EXIT
until (exec 3<>"/dev/tcp/127.0.0.1/$table") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$queue") 2>/dev/null \
  && (exec 3<>"/dev/tcp/127.0.0.1/$blob") 2>/dev/null; do sleep 0.1; done

key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
export LocalHost__Port=$http Logging__LogLevel__Default=Warning
# The app's services validate their settings at start: Development, with the old app's settings files for the local
# defaults (SMS sandbox, MailDev), and its storage on this Azurite.
export Storage__ConnectionString="$AzureWebJobsStorage"

for run in $(seq 1 "$runs"); do
  export AzureFunctionsJobHost__extensions__durableTask__hubName="Measure$run"
  start=$(date +%s%N)
  "$host" --environment Development --contentRoot "$PWD/functions/Referrals.Functions" >/dev/null 2>&1 &
  app=$!
  until curl -sf "http://127.0.0.1:$http/healthz" >/dev/null 2>&1; do
    kill -0 "$app" 2>/dev/null || { echo "run $run: the local host exited" >&2; exit 1; }
    sleep 0.01
  done
  echo "run $run: start -> healthy /healthz in $(( ($(date +%s%N) - start) / 1000000 )) ms"
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
