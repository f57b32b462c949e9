"""Metrics test helpers: a sparse random dataset, importing text, and gold sums computed with the standard library."""
from __future__ import annotations

import csv
import io
import random
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from metrics.services import ImportResult, import_dataset
from tenants.context import TenantContext

SUMS = ("revenue", "cost", "units", "orders", "new_customers")


def sparse_csv(*, seed: int = 1, start: date = date(2023, 12, 20), end: date = date(2025, 1, 12)) -> str:
    """Daily rows over a leap year and two ISO-year boundaries; about a third of the combinations missing."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "region", "channel", "product", *SUMS])
    day = start
    while day <= end:
        for region in ("EMEA", "APAC", "North America"):
            for channel in ("Online", "Retail"):
                for product in ("Boot", "Jacket", "Pack", "Tent #2"):
                    if rng.random() < 0.35:
                        continue
                    units = rng.randint(0, 40)
                    revenue = round(units * rng.uniform(20, 90), 2)
                    cost = round(revenue * rng.uniform(0.3, 0.8), 2)
                    orders = rng.randint(0, units)
                    writer.writerow([day.isoformat(), region, channel, product, revenue, cost, units, orders,
                                     rng.randint(0, orders)])
        day += timedelta(days=1)
    return out.getvalue()


def label(day: date, grain: str) -> str:
    if grain == "day":
        return day.isoformat()
    if grain == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if grain == "month":
        return f"{day.year}-{day.month:02d}"
    if grain == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


class Gold:
    """Sums straight from the CSV text, independently of the code under test."""

    def __init__(self, text: str) -> None:
        self.rows = []
        for row in csv.DictReader(io.StringIO(text)):
            record = {k: v for k, v in row.items() if k not in SUMS}
            record["date"] = date.fromisoformat(row["date"])
            for measure in SUMS:
                record[measure] = float(row[measure]) if row.get(measure) not in (None, "") else 0.0
            self.rows.append(record)
        self.first = min(r["date"] for r in self.rows)
        self.last = max(r["date"] for r in self.rows)

    def sums(self, start: date, end: date, constraints: dict, key: Callable | None = None) -> dict:
        out: dict = {}
        for r in self.rows:
            if start <= r["date"] <= end and all(r[d] in members for d, members in constraints.items()):
                acc = out.setdefault(key(r) if key else None, {**dict.fromkeys(SUMS, 0.0), "facts": 0})
                for measure in SUMS:
                    acc[measure] += r[measure]
                acc["facts"] += 1
        return out


@pytest.fixture
def import_csv() -> Callable[..., ImportResult]:
    def run(tenant: TenantContext, text: str | bytes, *, replace: bool = False, source: str = "test.csv") -> ImportResult:
        data = text.encode() if isinstance(text, str) else text
        return import_dataset(tenant=tenant, stream=io.BytesIO(data), source=source, replace=replace)

    return run
