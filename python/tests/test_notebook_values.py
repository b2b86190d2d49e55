"""Values a notebook hands over (issue 19): numpy scalars and arrays, aware datetimes, dates.

Each answer is compared with the same document written with plain Python values, whose figure
comes from the documentation (periodic every 24 h kept 240 h: 10 copies, 2 free, 8 x 1000 GB x
$0.12 in West US = $960.00, docs/pricing.md).
"""

from __future__ import annotations

import datetime as dt

import pytest

from cosmos_backup import _native

np = pytest.importorskip("numpy")


def scenario(interval, retention, size, now="2026-11-21T00:00:00Z"):
    return {
        "now": now,
        "account": {
            "type": "Microsoft.DocumentDB/databaseAccounts",
            "name": "orders",
            "location": "westus",
            "properties": {
                "locations": [{"locationName": "West US", "failoverPriority": 0}],
                "backupPolicy": {
                    "type": "Periodic",
                    "periodicModeProperties": {
                        "backupIntervalInMinutes": interval,
                        "backupRetentionIntervalInHours": retention,
                    },
                },
            },
        },
        "usage": {"dataSizeGb": size},
    }


def monthly(answer):
    return answer["results"][0]["cost"]["monthlyTotal"]


def test_numpy_scalars_are_numbers():
    plain = _native.call("price", scenario(1440, 240, 1000))
    numpy = _native.call("price", scenario(np.int64(1440), np.int32(240), np.float64(1000.0)))
    assert monthly(plain) == monthly(numpy) == "960.00"
    assert numpy["results"][0]["diagnostics"] == plain["results"][0]["diagnostics"]


def window(now):
    answer = _native.call("restoreWindow", scenario(1440, 240, 1000, now=now))
    return answer["results"][0]["restoreWindow"]


def test_aware_datetimes_dates_and_datetime64_are_the_same_instant():
    expected = window("2026-11-21T00:00:00Z")
    assert expected is not None
    assert window(dt.datetime(2026, 11, 21, tzinfo=dt.timezone.utc)) == expected
    assert window(dt.date(2026, 11, 21)) == expected
    assert window(np.datetime64("2026-11-21T00:00:00")) == expected


def test_a_naive_datetime_is_refused_at_its_place():
    with pytest.raises(_native.ConversionError) as e:
        _native.call("restoreWindow", scenario(1440, 240, 1000, now=dt.datetime(2026, 11, 21)))
    message, path, _code = e.value.args
    assert "naive" in message
    assert path == "/now"


def test_nat_is_refused():
    with pytest.raises(_native.ConversionError):
        _native.call("restoreWindow", scenario(1440, 240, 1000, now=np.datetime64("NaT")))


def test_an_object_array_of_scenarios_is_a_list():
    fleet = np.array([scenario(1440, 240, 1000), scenario(240, 8, 1000)], dtype=object)
    answer = _native.call("priceFleet", {"scenarios": fleet})
    assert [row["monthlyTotal"] for row in answer["accounts"]] == ["960.00", "0.00"]
