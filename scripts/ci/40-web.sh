#!/usr/bin/env bash
# The web page (web/): copies the packed npm package's web build into web/pkg/ and runs the page
# tests in headless Chromium (playwright-core driving /usr/bin/chromium, page served from
# 127.0.0.1 by web/serve.mjs). Needs the package from stage 20-wasm; builds it when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"

bash bindings/wasm/setup.sh   # idempotent: Chromium, npm ci (playwright-core), wasm toolchain
bash web/build.sh             # builds the package first when bindings/wasm/node_modules lacks it
mkdir -p target/tmp target/web-artifacts
start=$(date +%s)
TMPDIR=$PWD/target/tmp node --test --test-reporter=tap web/tests/
echo "web page tests: $(( $(date +%s) - start )) s; screenshots in target/web-artifacts/"
ls -l target/web-artifacts/*.png
