#!/usr/bin/env bash
# Builds the deployable Azure Functions app (.NET isolated worker) into artifacts/functionapp/ and zips it. The
# folder is exactly what Azure runs: the worker and its dependencies, host.json (the repository's), functions.metadata
# (written by the Worker SDK from the [Function] attributes) and .azurefunctions/ (the host-side extensions, Durable
# Functions among them, restored by the build).
set -euo pipefail
cd "$(dirname "$0")/.."

readonly out=artifacts/functionapp
readonly zip=artifacts/functionapp.zip
started=$SECONDS

rm -rf "$out" "$zip"
mkdir -p "$out"
dotnet publish functions/Referrals.Functions -c Release -o "$out" --nologo -v quiet

for required in host.json functions.metadata .azurefunctions Referrals.Functions.dll; do
  if [ ! -e "$out/$required" ]; then
    echo "publish-functionapp.sh: the publish did not produce $required." >&2
    exit 1
  fi
done

(cd "$out" && zip -qr -X "../$(basename "$zip")" .)
echo "Published $out ($(du -sh "$out" | cut -f1), $(find "$out" -type f | wc -l) files) and $zip ($(du -h "$zip" | cut -f1)) in $((SECONDS - started)) s."
