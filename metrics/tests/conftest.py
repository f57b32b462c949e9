"""Metrics test helpers: sparse random datasets, importing text, and gold sums computed with the standard library."""
from __future__ import annotations

import csv
import dataclasses
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
    """Sums straight from the CSV text, independently of the code under test (``measures``: the summed columns)."""

    def __init__(self, text: str, *, measures: tuple[str, ...] = SUMS) -> None:
        self.measures = measures
        self.rows = []
        for row in csv.DictReader(io.StringIO(text)):
            record = {k: v for k, v in row.items() if k not in measures}
            record["date"] = date.fromisoformat(row["date"])
            for measure in measures:
                record[measure] = float(row[measure]) if row.get(measure) not in (None, "") else 0.0
            self.rows.append(record)
        self.first = min(r["date"] for r in self.rows)
        self.last = max(r["date"] for r in self.rows)

    def sums(self, start: date, end: date, constraints: dict, key: Callable | None = None) -> dict:
        """key → {measure: sum, "facts": rows, "members": {dimension: set of members}} of the matching rows."""
        out: dict = {}
        for r in self.rows:
            if start <= r["date"] <= end and all(r[d] in members for d, members in constraints.items()):
                acc = out.setdefault(key(r) if key else None,
                                     {**dict.fromkeys(self.measures, 0.0), "facts": 0, "members": {}})
                for measure in self.measures:
                    acc[measure] += r[measure]
                acc["facts"] += 1
                for name, value in r.items():
                    if isinstance(value, str):
                        acc["members"].setdefault(name, set()).add(value)
        return out


def same_numbers(result, other) -> bool:
    """The same cells, their sums equal but for the last bits (sums of monthly sums are added in another order)."""
    def plain(cell):
        return dataclasses.replace(cell, sums={})

    if len(result.rows) != len(other.rows) or [m for m, _ in result.changes] != [m for m, _ in other.changes]:
        return False
    cells = [(result.total, other.total), *zip(result.rows, other.rows, strict=True)]
    return all(plain(a) == plain(b) and a.sums == pytest.approx(b.sums, rel=1e-9) for a, b in cells) and [
        c for _, c in result.changes] == pytest.approx([c for _, c in other.changes], rel=1e-9)


@pytest.fixture(autouse=True)
def _own_dataset_files(settings, tmp_path):
    """Each test's version files in a folder of its own, so a test can list exactly what it wrote."""
    settings.STORAGES = {**settings.STORAGES, "datasets": {**settings.STORAGES["datasets"],
                                                         "OPTIONS": {"location": tmp_path / "datasets"}}}


@pytest.fixture
def import_csv() -> Callable[..., ImportResult]:
    def run(
        tenant: TenantContext, text: str | bytes, *, replace: bool = False, source: str = "test.csv", **roles: list
    ) -> ImportResult:
        data = text.encode() if isinstance(text, str) else text
        return import_dataset(tenant=tenant, stream=io.BytesIO(data), source=source, replace=replace, **roles)

    return run


def wide_csv(*, seed: int = 7, customers: int = 1500, days: int = 60) -> str:
    """A high-cardinality dimension (customers, Zipf-skewed), measures of the tenant's own, blanks and negatives."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "segment", "customer", "revenue", "bookings", "Demo Requests", "refunds"])
    start = date(2024, 2, 20)
    for offset in range(days):
        day = start + timedelta(days=offset)
        seen = set()
        for _ in range(120):
            customer = f"C{min(int(rng.paretovariate(1.1)), customers):05d}-{rng.randint(0, customers // 50)}"
            if customer in seen:
                continue
            seen.add(customer)
            writer.writerow([day.isoformat(), rng.choice(["SMB", "Mid", "Enterprise"]) if customer[-1] != "0"
                             else "Enterprise", customer, round(rng.uniform(0, 900), 2),
                             "" if rng.random() < 0.2 else round(rng.uniform(-50, 400), 2), rng.randint(0, 3),
                             -round(rng.uniform(0, 30), 2)])
    return out.getvalue()
