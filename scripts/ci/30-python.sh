#!/usr/bin/env bash
# Python: build the abi3 wheel with maturin, install it (never the source tree), and run against it:
# pytest (shared tests/vectors, every answer against its JSON Schema and every field through the typed
# results, generated files current, API, errors, reprs, pandas, plot PNG, threads, the example
# notebook), the package's doctests and README, mypy --strict on a typed example, and stubtest.
# Idempotent on a fresh machine: creates .venv and installs requirements-dev.txt only when its
# sha256 changes.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=${PYTHON:-python3}
VENV=$ROOT/.venv
start=$(date +%s)

if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
want=$(sha256sum requirements-dev.txt | cut -d' ' -f1)
if [ "$(cat "$VENV/.requirements-dev.sha256" 2>/dev/null || true)" != "$want" ]; then
  "$VENV/bin/pip" install -q --disable-pip-version-check -r requirements-dev.txt
  echo "$want" > "$VENV/.requirements-dev.sha256"
fi
echo "python: venv ready after $(( $(date +%s) - start )) s"

# The generated Python files (result classes, operation functions, stubs) match the schema.
"$VENV/bin/python" scripts/gen-python.py --check

# Build: release (LTO, cgu=1) abi3 wheel, Cargo.lock respected.
rm -f target/wheels/cosmos_backup-*.whl
# python/pyproject.toml names the crate (bindings/python) and the pure-Python source (python/).
(cd python && "$VENV/bin/maturin" build --release --locked --quiet --out "$ROOT/target/wheels")
WHEEL=$(ls "$ROOT"/target/wheels/cosmos_backup-*.whl)
echo "python: built $(basename "$WHEEL") ($(stat -c %s "$WHEEL") bytes) after $(( $(date +%s) - start )) s"

# Install into the dev venv, replacing any editable/older install.
"$VENV/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "$WHEEL"

# Run from a directory where the source tree is not importable.
RUN=$ROOT/target/pytest-run
rm -rf "$RUN"; mkdir -p "$RUN"
cd "$RUN"
export COSMOS_BACKUP_TEST_OUT=$RUN/out

# The core wheel alone, no extras, in a fresh venv; on CPython 3.9 where present (abi3 floor).
PY39=$(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.9*/bin/python3 2>/dev/null | head -1 || true)
rm -rf "$RUN/bare"
"${PY39:-$PY}" -m venv "$RUN/bare"
"$RUN/bare/bin/pip" install -q --disable-pip-version-check "$WHEEL"
"$RUN/bare/bin/python" - <<'PY'
import sys, cosmos_backup as cb
ev = cb.evaluate({"type": "Microsoft.DocumentDB/databaseAccounts", "name": "a",
                  "properties": {"backupPolicy": {"type": "Periodic", "periodicModeProperties": {"backupIntervalInMinutes": 30}}}})
assert ev.results[0].diagnostics[0].code == "periodic.interval-below-minimum"
try:
    ev.to_pandas()
except ImportError as e:
    assert "cosmos-backup[pandas]" in str(e)
print(f"python: bare wheel OK on {sys.version.split()[0]}")
PY

"$VENV/bin/python" -m pytest -p no:cacheprovider --rootdir "$ROOT/python" "$ROOT/python/tests"
"$VENV/bin/python" -m pytest -p no:cacheprovider --doctest-modules --doctest-glob=README.md \
  --rootdir "$RUN" --pyargs cosmos_backup "$ROOT/python/README.md" "$ROOT/README.md"

cp "$ROOT/python/tests/typed_example.py" "$RUN/"
"$VENV/bin/python" -m mypy --strict --no-incremental typed_example.py
"$VENV/bin/python" -m mypy --strict --no-incremental -p cosmos_backup
"$VENV/bin/python" -m mypy.stubtest cosmos_backup
echo "python: done in $(( $(date +%s) - start )) s"
