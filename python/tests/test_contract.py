"""Every field of the engine's answers reaches the typed Python results, and the answers keep the
contract: for each vector of tests/vectors/, the raw answer validates against its operation's
output schema (schemas/cosmos-backup.schema.json, with `jsonschema`), and the typed result built
from it has, for every key of every JSON object in the answer, the snake_case attribute with the
same value (after the documented conversions: instants → aware datetime, amounts → Decimal,
dates → date)."""

from __future__ import annotations

import json
from dataclasses import is_dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Mapping, Tuple

import jsonschema
import pytest

import cosmos_backup as cb
from cosmos_backup import _generated

from conftest import REPO
from test_vectors import _files, _run

SCHEMA: Dict[str, Any] = json.loads((REPO / "schemas" / "cosmos-backup.schema.json").read_text(encoding="utf-8"))
VECTORS = REPO / "tests" / "vectors"

#: Fields checked over the whole run (reported by the last test).
CHECKED: List[int] = [0, 0, 0]  # fields, vectors with an answer, vectors with an error answer


def _names() -> Mapping[str, str]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_python", REPO / "scripts" / "gen-python.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return dict(mod.NAMES)


NAMES = _names()


def snake(key: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in key)


def typed(output: Mapping[str, Any], raw: Any) -> Any:
    """The typed result of an operation's raw answer, by its output schema."""
    if "$ref" in output:
        name = str(output["$ref"]).rsplit("/", 1)[-1]
        return getattr(_generated, NAMES.get(name, name)).from_json(raw)
    if output.get("type") == "array":
        return tuple(typed(output["items"], x) for x in raw)
    if "anyOf" in output:
        arm = next(a for a in output["anyOf"] if a.get("type") != "null")
        return None if raw is None else typed(arm, raw)
    raise AssertionError(f"unmapped output schema {output}")


def _instant(text: str) -> datetime:
    # Independent of the package's parser: fromisoformat after trimming to microseconds.
    head, _, frac = text.replace("Z", "+00:00").partition(".")
    if frac:
        digits = len(frac) - len(frac.lstrip("0123456789"))
        head += "." + frac[:digits][:6].ljust(6, "0") + frac[digits:]
    return datetime.fromisoformat(head)


def same(raw: Any, value: Any, path: str) -> None:
    """``value`` (typed) holds everything ``raw`` (JSON) has; counts every object field checked."""
    if is_dataclass(value) and isinstance(raw, dict):
        for key, item in raw.items():
            attr = snake(key)
            assert hasattr(value, attr), f"{path}: {type(value).__name__} has no `{attr}` for `{key}`"
            CHECKED[0] += 1
            same(item, getattr(value, attr), f"{path}/{key}")
        assert value.raw == raw, f"{path}: raw differs"  # type: ignore[attr-defined]
    elif type(value) is type(raw) and value == raw:
        pass  # a scalar, or a JSON-typed field (`Any` in the schema): the value as the engine gave it
    elif isinstance(raw, list):
        assert isinstance(value, tuple) and len(value) == len(raw), f"{path}: {value!r} is not the list {raw!r}"
        for i, (r, v) in enumerate(zip(raw, value)):
            same(r, v, f"{path}/{i}")
    elif isinstance(raw, dict):
        assert isinstance(value, Mapping) and set(value) == set(raw), f"{path}: {value!r} is not the object {raw!r}"
        for k in raw:
            same(raw[k], value[k], f"{path}/{k}")
    elif isinstance(value, datetime):
        assert value.tzinfo is not None and value == _instant(raw), f"{path}: {value!r} != {raw!r}"
    elif isinstance(value, Decimal):
        assert isinstance(raw, str) and str(value) == raw, f"{path}: {value!r} != {raw!r}"
    elif isinstance(value, date):
        assert value == date.fromisoformat(raw[:10]), f"{path}: {value!r} != {raw!r}"
    else:
        raise AssertionError(f"{path}: {type(value).__name__} {value!r} for {raw!r}")


def _ids() -> List[Any]:
    return [pytest.param(p, id=str(p.relative_to(VECTORS))) for p in _files(VECTORS)]


@pytest.mark.parametrize("vector", _ids())
def test_answer_keeps_the_schema_and_every_field_reaches_python(vector: Path) -> None:
    case = json.loads(vector.read_text(encoding="utf-8"))
    op = case.get("operation", "evaluate")
    raw = _run(case)
    if isinstance(raw, dict) and set(raw) == {"error"}:
        CHECKED[2] += 1
        if op not in SCHEMA["operations"]:
            return  # a vector of an unknown operation name: nothing typed to build
        with pytest.raises(cb.CosmosBackupError):
            getattr(cb, SCHEMA["operations"][op]["function"])(case.get("scenarioText", case.get("scenario")))
        return
    output = SCHEMA["operations"][op]["output"]
    jsonschema.Draft202012Validator({"$defs": SCHEMA["$defs"], **output}).validate(raw)
    same(raw, typed(output, raw), "")
    CHECKED[1] += 1


def test_zz_fields_were_checked() -> None:
    # Runs after the vectors (pytest keeps file order): the walk above must have seen real answers.
    fields, answers, errors = CHECKED
    print(f"contract: {fields} fields checked in {answers} answers; {errors} error answers")
    if answers:  # the parametrized cases ran in this session
        assert fields > 10 * answers


def test_the_walk_fails_on_a_missing_attribute() -> None:
    w = cb.Summary(1, 0, 0)
    with pytest.raises(AssertionError):
        same({"errors": 1, "warnings": 0, "infos": 0, "notes": 2}, w, "")
    with pytest.raises(AssertionError):
        same({"errors": 2, "warnings": 0, "infos": 0}, w, "")


def _reachable(start: Any) -> set:
    """The `$defs` names reachable through `$ref`s from a schema fragment."""
    seen: set = set()
    todo = [start]
    while todo:
        v = todo.pop()
        if isinstance(v, dict):
            ref = v.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                name = ref[len("#/$defs/"):]
                if name not in seen:
                    seen.add(name)
                    todo.append(SCHEMA["$defs"][name])
            todo.extend(v.values())
        elif isinstance(v, list):
            todo.extend(v)
    return seen


def test_every_schema_output_type_is_a_class() -> None:
    # Every type an answer can hold (reachable from an operation's output) is a generated class;
    # input declarations (Scenario, FleetInput, ...) are not results.
    outputs = _reachable([op["output"] for op in SCHEMA["operations"].values()])
    names = {NAMES.get(n, n) for n in outputs if "properties" in SCHEMA["$defs"][n]}
    missing = sorted(n for n in names if not hasattr(_generated, n))
    assert not missing, missing
    assert len(names) > 30
