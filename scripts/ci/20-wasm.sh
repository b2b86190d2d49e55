#!/usr/bin/env bash
# WebAssembly: builds the npm package `cosmos-backup` and tests the packed artifact in Node
# (node --test), in headless Chromium (playwright-core driving the system /usr/bin/chromium) and
# with `tsc --noEmit --strict` on a typed consumer. Installs what a fresh machine lacks, each step
# only when missing or at the wrong version (a cold machine spends ~2 min on wasm-bindgen-cli).
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

start=$(date +%s)
bash bindings/wasm/build.sh
echo "wasm build + bindgen + wasm-opt + pack: $(( $(date +%s) - start )) s"
for t in web bundler; do
  f=bindings/wasm/pkg/$t/cosmos_backup_bg.wasm
  echo "$t .wasm: $(stat -c %s "$f") bytes raw, $(gzip -9 -c "$f" | wc -c) bytes gzip -9"
done
bash scripts/ci/wasm-size-budget.sh

node_modules/.bin/tsc -p bindings/wasm/types/tsconfig.json
echo "tsc --noEmit --strict: the typed consumer compiles"
# Each chromium run leaves profile files in TMPDIR: keep them inside target/.
mkdir -p target/tmp
TMPDIR=$PWD/target/tmp node --test --test-reporter=tap bindings/wasm/js-tests/
