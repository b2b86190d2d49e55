"""Every case in tests/vectors/ through the installed wheel, by the matcher of tests/vectors/README.md.

Both input paths run: Python objects (``call``) and JSON text (``call`` with a ``str``), and they
must give the same answer, as in the Rust runner.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, List, Optional

import pytest

import cosmos_backup as cb

_MISSING = object()


def _files(root: Path) -> List[Path]:
    return sorted(p for p in root.rglob("*.json"))


def _same_number(e: Any, a: Any) -> bool:
    return (
        isinstance(a, (int, float))
        and not isinstance(a, bool)
        and isinstance(e, (int, float))
        and not isinstance(e, bool)
        and float(e) == float(a)
    )


def matches(expected: Any, actual: Any, path: str = "") -> Optional[str]:
    """The README's partial-match rules; returns the first mismatch, or None."""
    if expected is None:
        return None if actual is _MISSING or actual is None else f"{path}: expected null, got {actual!r}"
    if isinstance(expected, dict) and len(expected) == 1 and next(iter(expected)).startswith("$"):
        return _special(expected, actual, path)
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object, got {actual!r}"
        for k, v in expected.items():
            m = matches(v, actual.get(k, _MISSING), f"{path}/{k}")
            if m:
                return m
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return f"{path}: expected an array, got {actual!r}"
        used = [False] * len(actual)
        for i, e in enumerate(expected):
            hit = next((j for j, x in enumerate(actual) if not used[j] and matches(e, x, path) is None), None)
            if hit is None:
                return f"{path}: no element matches expected[{i}] = {json.dumps(e)}\nactual: {json.dumps(actual)}"
            used[hit] = True
        return None
    if isinstance(expected, bool) or isinstance(actual, bool):
        ok = isinstance(expected, bool) and isinstance(actual, bool) and expected == actual
        return None if ok else f"{path}: expected {expected!r}, got {actual!r}"
    if isinstance(expected, (int, float)):
        return None if _same_number(expected, actual) else f"{path}: expected {expected}, got {actual!r}"
    return None if expected == actual else f"{path}: expected {expected!r}, got {actual!r}"


def _special(expected: Any, actual: Any, path: str) -> Optional[str]:
    (k, v), = expected.items()
    if k == "$exact" and isinstance(actual, list):
        if len(v) != len(actual):
            return f"{path}: expected exactly {len(v)} elements, got {len(actual)}: {json.dumps(actual)}"
        for i, (x, y) in enumerate(zip(v, actual)):
            m = matches(x, y, f"{path}/{i}")
            if m:
                return m
        return None
    if k == "$none" and actual is _MISSING:
        return None
    if k == "$none" and isinstance(actual, list):
        for e in v:
            x = next((x for x in actual if matches(e, x, path) is None), _MISSING)
            if x is not _MISSING:
                return f"{path}: expected no element like {json.dumps(e)}, found {json.dumps(x)}"
        return None
    if k == "$len" and isinstance(actual, (list, str)) and not isinstance(v, bool) and v == len(actual):
        return None
    return f"{path}: {k} {json.dumps(v)} does not match {actual!r}"


def _run(case: Any) -> Any:
    op = case.get("operation", "evaluate")
    if "scenarioText" in case:
        return cb.call(op, case["scenarioText"])
    return cb.call(op, case["scenario"])


def test_there_are_vectors(vectors_dir: Path) -> None:
    assert len(_files(vectors_dir)) >= 40


def _ids(root: Path) -> List[Any]:
    return [pytest.param(p, id=str(p.relative_to(root))) for p in _files(root)]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "vector" in metafunc.fixturenames:
        root = Path(os.environ.get("COSMOS_BACKUP_VECTORS", Path(__file__).resolve().parents[2] / "tests" / "vectors"))
        metafunc.parametrize("vector", _ids(root))


def test_vector(vector: Path) -> None:
    case = json.loads(vector.read_text(encoding="utf-8"))
    actual = _run(case)
    mismatch = matches(case["expect"], actual)
    assert mismatch is None, f"{case['name']}: {mismatch}"
    if "scenario" in case:
        op = case.get("operation", "evaluate")
        via_text = cb.call(op, json.dumps(case["scenario"]))
        assert via_text == actual, "text and value paths differ"
        assert cb.call_many(op, [case["scenario"]]) == [actual], "batch path differs"


def test_every_catalogue_code_has_a_vector(vectors_dir: Path) -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in _files(vectors_dir))
    missing = [r.code for r in cb.rules() if f'"{r.code}"' not in text]
    assert missing == []


@pytest.mark.parametrize(
    "expected, actual, ok",
    [
        ({"a": [3, 1]}, {"a": [1, 2, 3], "b": "x"}, True),
        ({"a": [4]}, {"a": [1, 2, 3]}, False),
        ({"a": [1, 1]}, {"a": [1, 2]}, False),
        ({"a": {"$exact": [1, 2]}}, {"a": [1, 2, 3]}, False),
        ({"a": {"$exact": [1, 2, 3]}}, {"a": [1, 2, 3]}, True),
        ({"a": {"$none": [2]}}, {"a": [1, 2, 3]}, False),
        ({"a": {"$none": [2]}}, {}, True),
        ({"a": {"$len": 3}, "c": None}, {"a": [1, 2, 3]}, True),
        ({"a": {"$len": 2}}, {"a": "ab"}, True),
        ({"b": "y"}, {"b": "x"}, False),
        ({"n": 1}, {"n": 1.0}, True),
        ({"n": 1}, {"n": True}, False),
        ({"n": None}, {"n": 0}, False),
    ],
)
def test_matcher(expected: Any, actual: Any, ok: bool) -> None:
    assert (matches(expected, actual) is None) is ok
