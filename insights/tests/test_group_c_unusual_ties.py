"""Equally unusual series keep the data's own order (issue 13, a fresh held-out set): where a member of one
dimension is only ever seen with a member of another ("Back to School" only for one client), both series have
the same z, and which of them a limit keeps follows the file's columns, not the alphabet of their keys."""
from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta

import pytest

from insights.answering.analysis import analyse
from insights.understanding.types import Period, Understanding
from metrics.selectors import get_semantic_model
from metrics.services import import_dataset

JANUARY = Period(date(2025, 1, 1), date(2025, 1, 31))
# "zone" comes first in the file and last in the alphabet; each campaign runs in one zone only.
PAIRS = (("North", "Alpha"), ("South", "Beta"))


def _csv() -> bytes:
    rng = random.Random(13)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "zone", "campaign", "orders"])
    day = date(2024, 1, 1)
    while day <= JANUARY.end:
        for zone, campaign in PAIRS:
            orders = rng.randint(5, 15) * (4 if zone == "North" and day >= JANUARY.start else 1)
            writer.writerow([day.isoformat(), zone, campaign, orders])
        day += timedelta(days=1)
    return out.getvalue().encode()


@pytest.fixture
def loaded(tenant):
    import_dataset(tenant=tenant, stream=io.BytesIO(_csv()), source="zones.csv", replace=False)
    return tenant, get_semantic_model(tenant=tenant)


@pytest.mark.parametrize("limit", [1, 5])
def test_series_equally_unusual_are_kept_in_the_files_column_order(loaded, limit):
    tenant, model = loaded
    result = analyse(tenant=tenant, model=model, as_of=date(2025, 2, 10), understanding=Understanding(
        intent="unusual", measure="orders", time=JANUARY, limit=limit))
    keys = [row.key for row in result.rows]
    assert keys[0] == "zone=North"
    if limit > 1:
        tied = [row.key for row in result.rows if row.z == result.rows[0].z]
        assert tied == ["zone=North", "campaign=Alpha"]
