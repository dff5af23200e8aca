#!/usr/bin/env bash
# Builds the holdings pass's WebAssembly fast path from its C source (Debian: apt-get install
# clang lld). The .wasm is committed, so a clone runs without a compiler; CI rebuilds it and
# fails if the committed file differs from its source (scripts/build-wasm.sh --check).
set -euo pipefail
cd "$(dirname "$0")/.."
src=src/features/ingest/wasm/holdings-pass.c
out=src/features/ingest/wasm/holdings-pass.wasm
target=$out
[ "${1:-}" = "--check" ] && target=$(mktemp)
clang --target=wasm32 -O2 -nostdlib -ffreestanding -Wall -Wextra -Werror \
  -Wl,--no-entry -Wl,--export=run -Wl,--export=last_out_len -Wl,--export=last_keys_len \
  -Wl,--export=__heap_base -Wl,--strip-all \
  -o "$target" "$src"
if [ "${1:-}" = "--check" ]; then
  if ! cmp -s "$target" "$out"; then
    echo "$out is not what $src builds to: run scripts/build-wasm.sh and commit it" >&2
    exit 1
  fi
  rm -f "$target"
  echo "$out matches its source"
fi
