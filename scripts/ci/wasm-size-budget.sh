#!/usr/bin/env bash
# Size budget of the shipped .wasm: fails when its gzip -9 size is more than 10 % above the
# figure recorded in bindings/wasm/size-budget.txt (BENCHMARKS.md, "WebAssembly size"). After an
# intended change (or a shrink), record the new figure there and in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
f=${1:-bindings/wasm/pkg/web/cosmos_backup_bg.wasm}
recorded=$(grep -v '^#' bindings/wasm/size-budget.txt | head -1 | tr -d '[:space:]')
now=$(gzip -9 -c "$f" | wc -c)
limit=$(( recorded * 110 / 100 ))
echo "wasm size budget: $now bytes gzip -9, recorded $recorded, limit $limit (+10 %)"
if [ "$now" -gt "$limit" ]; then
  echo "error: the .wasm grew $(( (now - recorded) * 100 / recorded )) % over the recorded size (BENCHMARKS.md); shrink it or, if intended, update bindings/wasm/size-budget.txt and BENCHMARKS.md" >&2
  exit 1
fi
