#!/usr/bin/env bash
# Installs what building the npm package needs, each step only when missing or at the wrong
# version: the wasm32 target, wasm-bindgen-cli at the Cargo.lock version, Chromium (for the
# browser tests) and the root devDependencies (npm binaryen's wasm-opt, playwright-core, tsc).
# Used by scripts/ci/20-wasm.sh and web/build.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"

# The CLI must equal the wasm-bindgen the lockfile resolved (pinned with `=` in bindings/wasm).
wb_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb_version" ]; then
  # No --locked: its lockfile names a webpki-roots the registry mirror lacks. No default
  # features: drops rustls/ring (only needed to download things), 1m36s instead of 2 min.
  cargo install wasm-bindgen-cli --version "$wb_version" --no-default-features
fi
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi
# npm ci only when package-lock.json changed since the last install.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.lock-hash
fi

