#!/usr/bin/env bash
# Builds the deployable Azure Functions app (custom handler) into artifacts/functionapp/ and zips it:
#
#   artifacts/functionapp/
#     host.json                      the repository's host.json
#     <FunctionName>/function.json   one folder per function (from functions/Referrals.App/Functions/)
#     handler/                       the app, self-contained for linux-x64, ReadyToRun
#   artifacts/functionapp.zip        the same, ready for zip deploy
#
# The host image needs no .NET runtime: host.json starts handler/Referrals.App directly.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly out=artifacts/functionapp
readonly zip=artifacts/functionapp.zip
readonly runtime=linux-x64
started=$SECONDS

rm -rf "$out" "$zip"
mkdir -p "$out"

dotnet publish functions/Referrals.App -c Release -r "$runtime" --self-contained \
  -p:PublishReadyToRun=true -o "$out/handler" --nologo -v quiet

# The function definitions belong beside host.json, not inside the handler's content.
rm -rf "$out/handler/Functions"
cp host.json "$out/host.json"
for definition in functions/Referrals.App/Functions/*/function.json; do
  name=$(basename "$(dirname "$definition")")
  mkdir -p "$out/$name"
  cp "$definition" "$out/$name/function.json"
done

executable=$(sed -n 's/.*"defaultExecutablePath": *"\([^"]*\)".*/\1/p' host.json)
if [ ! -x "$out/$executable" ]; then
  echo "publish-functionapp.sh: host.json starts '$executable', which the publish did not produce." >&2
  exit 1
fi

# zip keeps the executable bit, which the Functions host needs to start the handler.
(cd "$out" && zip -qr -X "../$(basename "$zip")" .)

echo "Published $out ($(du -sh "$out" | cut -f1), $(find "$out" -type f | wc -l) files) and $zip ($(du -h "$zip" | cut -f1)) in $((SECONDS - started)) s."
