#!/usr/bin/env bash
# Runs the whole system on this machine: Azurite, MailDev, the SMS sandbox, the Functions app (Development, on its
# local host) and the staff web app, all on 127.0.0.1. Ctrl+C stops everything it started.
#
#   ./run.sh             Azurite in memory (data is gone when it stops; queues in a temporary folder)
#   ./run.sh --persist   Azurite keeps its data in .data/azurite
#   ./run.sh --no-demo   do not seed demo referrals into empty storage
#
# Needs only the .NET SDK and Node.js; the npm tools come from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")"

persist=false
demo=true
for argument in "$@"; do
  case "$argument" in
    --persist) persist=true ;;
    --no-demo) demo=false ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$argument' (try --help)" >&2; exit 2 ;;
  esac
done

readonly host=127.0.0.1
readonly app_port=7071 sandbox_port=7072 web_port=7073 maildev_web_port=1080 maildev_smtp_port=1025
readonly blob_port=10000 queue_port=10001 table_port=10002
readonly logs=.data/logs

port_in_use() { (exec 3<>"/dev/tcp/$host/$1") 2>/dev/null; }

# Every port first, before anything starts: a second run fails here at once and touches nothing.
for port in $app_port $sandbox_port $web_port $maildev_web_port $maildev_smtp_port $blob_port $queue_port $table_port; do
  if port_in_use "$port"; then
    echo "run.sh: port $port on $host is already in use (is another ./run.sh running?); nothing was started." >&2
    exit 1
  fi
done

./scripts/install-tools.sh
echo "Building the app, its local host and the SMS sandbox..."
dotnet build tools/Referrals.LocalHost --nologo -v quiet
dotnet build tools/Referrals.SmsSandbox --nologo -v quiet
dotnet build functions/Referrals.Web --nologo -v quiet

mkdir -p "$logs"
# Each service runs in its own process group (job control), so stopping one group stops its children too.
set -m
pids=()
names=()
queue_folder=""

# True once a stopping service has finished what matters: an Azurite service lingers for seconds after it has closed
# (and saved), so its log is the better signal; the others simply exit.
stopped_enough() { # name
  [[ "$1" == azurite-* ]] && grep -q 'successfully closed' "$logs/$1.log" 2>/dev/null
}

stop_all() {
  trap - INT TERM EXIT
  local index pid name watchdog
  # Newest first: the app and the sandbox let go of Azurite and MailDev before those stop.
  for ((index = ${#pids[@]} - 1; index >= 0; index--)); do
    pid=${pids[$index]} name=${names[$index]}
    kill -TERM -- "-$pid" 2>/dev/null || continue
    # KILL after 10 s at most, or as soon as the service has stopped enough.
    (for _ in $(seq 100); do sleep 0.1; stopped_enough "$name" && break; done; kill -KILL -- "-$pid" 2>/dev/null) &
    watchdog=$!
    wait "$pid" 2>/dev/null || true
    kill -- "-$watchdog" 2>/dev/null || true
    # A child the service left behind in its group goes too.
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  if [ -n "$queue_folder" ]; then rm -rf "$queue_folder"; fi
}
trap 'echo; echo "Stopping..."; stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

start() { # name, log file, command...
  local name=$1 log=$2
  shift 2
  # No terminal input: a background group that read it would be stopped (SIGTTIN) and then ignore TERM.
  "$@" </dev/null >"$log" 2>&1 &
  pids+=("$!")
  names+=("$name")
}

wait_for_port() { # service name (as given to start), port
  local deadline=$((SECONDS + 60)) index
  for index in "${!names[@]}"; do [ "${names[$index]}" = "$1" ] && break; done
  until port_in_use "$2"; do
    if ! kill -0 "${pids[$index]}" 2>/dev/null; then
      echo "run.sh: $1 exited before it opened port $2; see $logs/$1.log:" >&2
      tail -n 5 "$logs/$1.log" >&2
      exit 1
    fi
    if ((SECONDS > deadline)); then echo "run.sh: $1 did not open port $2 within 60 s; see $logs/$1.log." >&2; exit 1; fi
    sleep 0.2
  done
}

# Each Azurite service in its own process, as in the tests: its own event loop, so the queue service's periodic
# clean-up never stalls a table read. Queues keep their messages in files even without --persist (in memory, each
# message is an extent of its own, and that clean-up grows with the square of the messages).
azurite_storage=(--inMemoryPersistence)
if $persist; then
  mkdir -p .data/azurite
  azurite_storage=(--location .data/azurite)
  queue_storage=("${azurite_storage[@]}")
else
  queue_folder=$(mktemp -d -t referrals-queues-XXXXXX)
  queue_storage=(--location "$queue_folder")
fi
azurite_options=(--silent --skipApiVersionCheck --disableProductStyleUrl --disableTelemetry)
start azurite-table "$logs/azurite-table.log" node_modules/.bin/azurite-table "${azurite_options[@]}" \
  --tableHost $host --tablePort $table_port "${azurite_storage[@]}"
start azurite-queue "$logs/azurite-queue.log" node_modules/.bin/azurite-queue "${azurite_options[@]}" \
  --queueHost $host --queuePort $queue_port "${queue_storage[@]}"
start azurite-blob "$logs/azurite-blob.log" node_modules/.bin/azurite-blob "${azurite_options[@]}" \
  --blobHost $host --blobPort $blob_port "${azurite_storage[@]}"

start maildev "$logs/maildev.log" node_modules/.bin/maildev --ip $host --smtp $maildev_smtp_port --web $maildev_web_port

# The sandbox's default account and auth token are the ones appsettings.Development.json gives the app, so the
# webhooks it signs pass the app's signature check.
ASPNETCORE_ENVIRONMENT=Development Sandbox__InboundWebhookUrl=http://$host:$app_port/api/twilio/inbound \
  start sms-sandbox "$logs/sms-sandbox.log" \
  dotnet tools/Referrals.SmsSandbox/bin/Debug/net10.0/Referrals.SmsSandbox.dll --urls http://$host:$sandbox_port

wait_for_port azurite-table $table_port
wait_for_port azurite-queue $queue_port
wait_for_port azurite-blob $blob_port

# The Functions app runs on its local host (Core Tools cannot be installed): HTTP functions on 7071, the referral
# coordinators on the Durable Task engine over Azurite, timer functions on their schedules.
# appsettings.Development.json points the app at these ports (Azurite, the sandbox for Twilio, MailDev for SMTP).
# With empty storage the app seeds a few demo referrals at different MSCs (Demo:Seed), so there is something to see.
# Links in emails lead to the staff web app (Messaging:PublicBaseUrl, port 7073).
Demo__Seed=$demo LocalHost__Port=$app_port start app "$logs/app.log" \
  dotnet tools/Referrals.LocalHost/bin/Debug/net10.0/Referrals.LocalHost.dll \
  --environment Development --contentRoot "$PWD/functions/Referrals.Functions"

wait_for_port maildev $maildev_web_port
wait_for_port sms-sandbox $sandbox_port
wait_for_port app $app_port

# The staff pages: a client of the app's API (Development sign-in through POST /dev/token).
ASPNETCORE_ENVIRONMENT=Development Api__BaseUrl=http://$host:$app_port start web "$logs/web.log" \
  dotnet functions/Referrals.Web/bin/Debug/net10.0/Referrals.Web.dll \
  --urls http://$host:$web_port --contentRoot "$PWD/functions/Referrals.Web"
wait_for_port web $web_port

cat <<EOF

Referrals is running (Development, Azurite $($persist && echo "on disk in .data/azurite" || echo "in memory, queues in a temporary folder")):
  Pages        http://$host:$web_port/signin  (pick a role: scout, MSC advisor, coordinator)
  API          http://$host:$app_port/openapi/v1.json    (health: /healthz, clock: /dev/clock, token: POST /dev/token)
  SMS sandbox  http://$host:$sandbox_port
  MailDev      http://$host:$maildev_web_port        (SMTP $host:$maildev_smtp_port)
  Azurite      blob $blob_port, queue $queue_port, table $table_port on $host
Logs: $logs/{app,web,sms-sandbox,maildev,azurite-table,azurite-queue,azurite-blob}.log   Stop: Ctrl+C
EOF

# Run until Ctrl+C, or until one service exits on its own (then stop the rest and say which).
set +e
wait -n "${pids[@]}"
status=$?
set -e
for index in "${!pids[@]}"; do
  if ! kill -0 "${pids[$index]}" 2>/dev/null; then
    echo "run.sh: ${names[$index]} exited (status $status); stopping the rest. See $logs/${names[$index]}.log." >&2
  fi
done
exit 1
