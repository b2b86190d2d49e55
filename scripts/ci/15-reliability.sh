#!/usr/bin/env bash
# Reliability: supply-chain policy (cargo-deny: licences, bans, sources; deny.toml) and a larger
# property-test pass than stage 10's default. Fuzzing is not run here (nightly + minutes per
# target): see RELIABILITY.md.
#
# cargo-deny is used when installed at the pinned version. Building it takes ~7 minutes on the
# 2-core machine (measured), too slow for every fresh CI machine, so it is installed only when
# RELIABILITY_INSTALL_DENY=1 (or by hand: cargo install cargo-deny --locked --version 0.20.2).
set -euo pipefail
cd "$(dirname "$0")/../.."
DENY_VERSION=0.20.2
have_deny() { command -v cargo-deny >/dev/null 2>&1 && cargo deny --version 2>/dev/null | grep -q " $DENY_VERSION\$"; }
if ! have_deny && [ "${RELIABILITY_INSTALL_DENY:-0}" = 1 ]; then
  cargo install cargo-deny --locked --version "$DENY_VERSION"
fi
if have_deny; then
  cargo deny check licenses bans sources
else
  echo "cargo-deny $DENY_VERSION not installed: licence/bans/sources check SKIPPED" \
       "(set RELIABILITY_INSTALL_DENY=1 to install it, ~7 min)"
fi
PROPTEST_CASES="${PROPTEST_CASES:-2048}" cargo test -p cosmos-backup --locked --test properties 2>&1
