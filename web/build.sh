#!/usr/bin/env bash
# Builds the page: copies the web build of the packed npm package `cosmos-backup` into web/pkg/
# (git-ignored). Builds the package first (bindings/wasm/build.sh) when it is missing.
# Usage: bash web/build.sh [--serve]   (--serve then serves web/ on http://127.0.0.1:8080/)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
pkg=bindings/wasm/node_modules/cosmos-backup
if [ ! -f "$pkg/web/cosmos_backup_bg.wasm" ]; then
  bash bindings/wasm/setup.sh
  bash bindings/wasm/build.sh
fi
rm -rf web/pkg && mkdir -p web/pkg
cp "$pkg/web/cosmos_backup.js" "$pkg/web/cosmos_backup_bg.wasm" web/pkg/
# The page's enum lists (API, tier, redundancy, backup mode) come from the engine's schema bundle.
cp "$pkg/schema.json" web/pkg/
echo "web/pkg: $(stat -c %s web/pkg/cosmos_backup_bg.wasm) bytes of wasm, $(stat -c %s web/pkg/cosmos_backup.js) bytes of JS glue"
if [ "${1:-}" = "--serve" ]; then
  exec node web/serve.mjs
fi
