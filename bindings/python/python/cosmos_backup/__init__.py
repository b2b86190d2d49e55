"""cosmos-backup: exact, offline answers about Azure Cosmos DB backups, from Python.

Evaluate backup policies (ARM resources and templates, ``az`` and PowerShell output, REST
examples), get every finding with a stable code and a JSON Pointer, the effective policy after
service defaults, restore windows and costs. The engine is Rust; this package converts values.

Example:
    >>> import cosmos_backup as cb
    >>> acct = {"type": "Microsoft.DocumentDB/databaseAccounts", "name": "orders",
    ...         "properties": {"backupPolicy": {"type": "Periodic", "periodicModeProperties":
    ...             {"backupIntervalInMinutes": 30, "backupRetentionIntervalInHours": 8}}}}
    >>> [d.code for d in cb.evaluate(acct).results[0].diagnostics][:1]
    ['periodic.interval-below-minimum']
"""

from . import _native
from ._api import (
    OPERATIONS,
    call,
    call_many,
    evaluate,
    evaluate_many,
    is_valid,
    locate,
    read,
    rules,
    validate,
)
from ._convert import Document, scenario
from ._errors import CosmosBackupError, ErrorDetails, InputError, InternalError, ValidationError
from ._results import (
    AccountResult,
    Cost,
    Diagnostic,
    EffectivePolicy,
    Evaluation,
    Fleet,
    FoundObject,
    NotRestored,
    Position,
    RestoreWindow,
    Rule,
    Summary,
    Validation,
)

__version__: str = _native.__version__
SCHEMA_VERSION: str = _native.SCHEMA_VERSION

__all__ = [
    "OPERATIONS",
    "SCHEMA_VERSION",
    "AccountResult",
    "CosmosBackupError",
    "Cost",
    "Diagnostic",
    "Document",
    "EffectivePolicy",
    "ErrorDetails",
    "Evaluation",
    "Fleet",
    "FoundObject",
    "InputError",
    "InternalError",
    "NotRestored",
    "Position",
    "RestoreWindow",
    "Rule",
    "Summary",
    "Validation",
    "ValidationError",
    "call",
    "call_many",
    "evaluate",
    "evaluate_many",
    "is_valid",
    "locate",
    "read",
    "rules",
    "scenario",
    "validate",
]
