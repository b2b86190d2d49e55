"""Shared fixtures. These tests run against the INSTALLED wheel, never the source tree."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import cosmos_backup

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SOURCE_TREE = HERE.parent


def pytest_configure(config: pytest.Config) -> None:
    installed = Path(cosmos_backup.__file__).resolve()
    if SOURCE_TREE in installed.parents and not os.environ.get("COSMOS_BACKUP_ALLOW_SOURCE"):
        raise pytest.UsageError(
            f"cosmos_backup was imported from the source tree ({installed}); "
            "install the wheel and run pytest from another directory"
        )


@pytest.fixture(scope="session")
def vectors_dir() -> Path:
    return Path(os.environ.get("COSMOS_BACKUP_VECTORS", REPO / "tests" / "vectors"))


ACCOUNT = {
    "type": "Microsoft.DocumentDB/databaseAccounts",
    "name": "orders",
    "location": "West US",
    "kind": "GlobalDocumentDB",
    "properties": {
        "backupPolicy": {
            "type": "Periodic",
            "periodicModeProperties": {
                "backupIntervalInMinutes": 30,
                "backupRetentionIntervalInHours": 8,
                "backupStorageRedundancy": "Geo",
            },
        }
    },
}

GOOD = {
    "type": "Microsoft.DocumentDB/databaseAccounts",
    "name": "payments",
    "location": "West US",
    "kind": "GlobalDocumentDB",
    "properties": {"backupPolicy": {"type": "Continuous", "continuousModeProperties": {"tier": "Continuous7Days"}}},
}
