"""The generated files are current, and the generated classes never invent a value."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any, Dict

import pytest

import cosmos_backup as cb
from cosmos_backup import _generated, _native, _operations

from conftest import REPO

GENERATED = ("_generated.py", "_operations.py", "_native.pyi", "__init__.py", "schema.json")


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_python", REPO / "scripts" / "gen-python.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_generated_files_are_current() -> None:
    files: Dict[str, str] = _generator().generate()
    assert set(files) == set(GENERATED)
    stale = [n for n, text in files.items() if (REPO / "python" / "cosmos_backup" / n).read_text(encoding="utf-8") != text]
    assert stale == [], f"{stale} differ from the schema: run python3 scripts/gen-python.py"


def test_the_installed_wheel_has_the_checked_in_files() -> None:
    installed = Path(cb.__file__).parent
    for n in GENERATED:
        assert (installed / n).read_text(encoding="utf-8") == (REPO / "python" / "cosmos_backup" / n).read_text(
            encoding="utf-8"
        ), f"the wheel's {n} is not the tree's: rebuild it"


def test_every_row_of_the_table_is_a_function() -> None:
    schema = json.loads((REPO / "schemas" / "cosmos-backup.schema.json").read_text(encoding="utf-8"))
    table = {op: row["function"] for op, row in schema["operations"].items()}
    assert _operations.FUNCTIONS == table
    assert tuple(table) == tuple(_native.OPERATIONS) == cb.OPERATIONS
    for op, fn in table.items():
        f = getattr(cb, fn)
        assert fn in cb.__all__ and callable(f) and f.__doc__, fn
        assert callable(getattr(_native, op)), op
        if f.__module__ == "cosmos_backup._operations":
            assert f.__doc__.startswith(schema["operations"][op]["summary"][:40])


def _summary(**kw: Any) -> Dict[str, Any]:
    return dict({"errors": 1, "warnings": 0, "infos": 2}, **kw)


def test_a_missing_required_field_raises_naming_it() -> None:
    d = {"code": "x", "severity": "error", "path": "", "message": "m", "source": "s"}  # no "help"
    with pytest.raises(cb.InternalError) as e:
        cb.Diagnostic.from_json(d)
    assert e.value.code == "internal.contract" and "`help`" in str(e.value) and "`Diagnostic`" in str(e.value)
    nested = {"valid": True, "summary": {"errors": 0, "warnings": 0}, "diagnostics": []}
    with pytest.raises(cb.InternalError, match="`Summary` lacks its required field `infos`"):
        cb.Validation.from_json(nested)
    with pytest.raises(cb.InternalError, match="a `NoneType` value where its contract has a `Summary` object"):
        cb.Validation.from_json({"valid": True, "summary": None, "diagnostics": []})


def test_a_wrong_value_raises_instead_of_being_coerced() -> None:
    line = {"kind": "restore", "region": "westus", "quantity": "1", "unit": "GB", "unitPrice": 0.15,
            "amount": "0.15", "currency": "USD"}
    with pytest.raises(cb.InternalError, match="`CostLine` is malformed"):
        cb.CostLine.from_json(line)
    with pytest.raises(cb.InternalError, match="`Basis` is malformed"):
        cb.Basis.from_json({"bound": "earliest", "reason": "r", "at": "yesterday", "source": "s"})


def test_absent_optional_fields_are_none_and_absent_lists_empty() -> None:
    p = cb.EffectivePolicy.from_json({"type": "Periodic", "defaulted": []})
    assert (p.backup_interval_in_minutes, p.tier, p.migration_status, p.unresolved) == (None, None, None, ())
    s = cb.Summary.from_json(_summary())
    assert (s.errors, s.warnings, s.infos) == (1, 0, 2) and s.raw == _summary()


def test_the_drifted_fields_are_there() -> None:
    fields = {f for f in _generated.AccountResult.__dataclass_fields__}
    assert {"event_restore_points", "cost", "not_restored"} <= fields
    assert "permissions" in _generated.Evaluation.__dataclass_fields__


def test_the_wheel_ships_the_schema() -> None:
    shipped = cb.schema()
    assert shipped == json.loads((REPO / "schemas" / "cosmos-backup.schema.json").read_text(encoding="utf-8"))
    assert shipped["schemaVersion"] == cb.SCHEMA_VERSION and set(shipped["operations"]) == set(cb.OPERATIONS)
