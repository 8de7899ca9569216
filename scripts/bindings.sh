#!/usr/bin/env bash
# Generates the Go bindings in bindings/ from the compiled artifacts with the abigen pinned in
# go.mod (tool directive). Never edit bindings/ by hand: change the Solidity, then
#   make contracts bindings
#
#   scripts/bindings.sh [ARTIFACTS_DIR] [OUT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
artifacts=${1:-$here/contracts/artifacts}
out=${2:-$here/bindings}
cd "$here"
gen() { # contract package
  mkdir -p "$out/$2"
  go tool abigen --v2 --abi "$artifacts/$1.abi" --bin "$artifacts/$1.bin" \
    --pkg "$2" --type "$1" --out "$out/$2/$2.go"
}
gen Registry registry
gen BatchLedger ledger
gen PackNFT packnft
echo "bindings written to $out" >&2
