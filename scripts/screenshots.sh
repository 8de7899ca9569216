#!/usr/bin/env bash
# Starts a fresh demo on a temporary directory and takes the README's screenshots of every page
# at phone and desktop widths into docs/screenshots/ (Chromium and web/e2e's npm packages needed:
# make test-deps).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
addr=127.0.0.1:${PORT:-18181}
go build -o "$dir/pharmatrace" ./cmd/pharmatrace
"$dir/pharmatrace" demo --data "$dir/data" --addr "$addr" >"$dir/demo.out" 2>"$dir/demo.err" &
pid=$!
trap 'kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 600); do
  grep -q "demo running at" "$dir/demo.out" 2>/dev/null && break
  kill -0 $pid 2>/dev/null || { cat "$dir/demo.err" >&2; exit 1; }
  sleep 0.2
done
node web/e2e/screenshots.mjs --demo "$dir/data/demo.json" --out docs/screenshots
