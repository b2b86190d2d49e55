#!/usr/bin/env bash
# Runs every cargo-fuzz target for a set time (default 600 s each) on seeded corpora.
#   scripts/fuzz-run.sh [SECONDS] [TARGET...]
# Needs the nightly toolchain and cargo-fuzz 0.13.2 (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-600}"; shift || true
TARGETS=("$@"); [ ${#TARGETS[@]} -eq 0 ] && TARGETS=(read evaluate timestamp locate restore_request events pricing permissions hcl bicep)
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked --version 0.13.2
scripts/fuzz-seed.sh
mkdir -p target/fuzz-logs
status=0
for t in "${TARGETS[@]}"; do
  echo "=== fuzz $t for ${SECS}s"
  set +e
  (cd fuzz && cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
     -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1) \
     > "target/fuzz-logs/$t.log" 2>&1
  rc=$?
  set -e
  grep -E "^(Done [0-9]+ runs|stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)|==[0-9]+== ERROR|SUMMARY)" \
    "target/fuzz-logs/$t.log" || true
  if [ "$rc" -ne 0 ]; then
    echo "=== fuzz $t FOUND A CRASH (exit $rc): see target/fuzz-logs/$t.log and fuzz/artifacts/$t/"
    status=1
  fi
done
exit "$status"
