#!/usr/bin/env bash
# WebAssembly: builds the npm package `cosmos-backup` and tests the packed artifact in Node
# (node --test), in headless Chromium (playwright-core driving the system /usr/bin/chromium) and
# with `tsc --noEmit --strict` on a typed consumer. Installs what a fresh machine lacks, each step
# only when missing or at the wrong version (a cold machine spends ~2 min on wasm-bindgen-cli).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"

bash bindings/wasm/setup.sh

# The binding and the core's `ts` feature only compile for wasm32: lint them there too.
cargo clippy -p cosmos-backup-wasm --target wasm32-unknown-unknown --locked -- -D warnings

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
