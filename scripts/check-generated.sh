#!/usr/bin/env bash
# Fails when the committed contract artifacts or Go bindings differ from what the pinned
# compiler and abigen produce from the committed sources: generated code is never edited by hand.
#
#   scripts/check-generated.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$here"
node scripts/compile.js "$tmp/artifacts" 2>/dev/null
scripts/bindings.sh "$tmp/artifacts" "$tmp/bindings" 2>/dev/null
status=0
if ! diff -r contracts/artifacts "$tmp/artifacts"; then
  echo "contracts/artifacts is stale or was edited by hand: run 'make contracts bindings' and commit" >&2
  status=1
fi
if ! diff -r bindings "$tmp/bindings"; then
  echo "bindings/ is stale or was edited by hand: run 'make bindings' and commit" >&2
  status=1
fi
[ $status -eq 0 ] && echo "generated code is fresh" >&2
exit $status
