"""Stubs of the native module (PyO3). Checked against the built module by ``mypy.stubtest``."""

from typing import Any, List, Optional, Sequence, Tuple

__all__ = [
    "ConversionError",
    "MAX_INPUT_BYTES",
    "OPERATIONS",
    "SCHEMA_VERSION",
    "__version__",
    "call",
    "call_json",
    "call_json_many",
    "call_many",
    "evaluate",
    "locate",
    "position",
    "read",
    "rules",
    "validate",
]

OPERATIONS: Tuple[str, ...]
SCHEMA_VERSION: str
MAX_INPUT_BYTES: int
__version__: str

class ConversionError(ValueError): ...

def call(operation: str, document: Any) -> Any: ...
def call_json(operation: str, text: str) -> str: ...
def call_many(operation: str, documents: Any) -> List[Any]: ...
def call_json_many(operation: str, texts: Sequence[str]) -> List[str]: ...
def position(text: str, pointer: str) -> Optional[Tuple[int, int]]: ...

# One function per engine operation (`operations!` in bindings/python/src/lib.rs).
def evaluate(document: Any) -> Any: ...
def validate(document: Any) -> Any: ...
def read(document: Any) -> Any: ...
def rules(document: Any) -> Any: ...
def locate(document: Any) -> Any: ...
