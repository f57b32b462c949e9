"""A high-cardinality company for the metrics benchmarks: daily sales by region × segment × customer × SKU.

Region 5 × segment 3 × customer 2,000 × SKU 400, two years, about 300k rows:
each day a few hundred (customer, SKU) sales, customers Zipf-skewed (a few buy
every day, most rarely), each customer in one region and segment. Seeded, so
every run measures the same file.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np

REGIONS = ("North", "South", "East", "West", "Central")
SEGMENTS = ("SMB", "Mid-market", "Enterprise")
CUSTOMERS = 2_000
SKUS = 400
START = date(2023, 1, 1)
DAYS = 730
ZIPF_EXPONENT = 1.1


def write_company_csv(path: Path, *, rows: int = 300_000, seed: int = 12) -> int:
    """Write the company's facts to ``path``; returns the number of rows (duplicates drawn are dropped)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    rng = np.random.default_rng(seed)
    weights = 1 / np.arange(1, CUSTOMERS + 1) ** ZIPF_EXPONENT
    weights /= weights.sum()
    region_of = rng.integers(0, len(REGIONS), CUSTOMERS)
    segment_of = rng.integers(0, len(SEGMENTS), CUSTOMERS)
    per_day = rows // DAYS + 1
    day = np.repeat(np.arange(DAYS), per_day)
    customer = rng.choice(CUSTOMERS, size=day.size, p=weights)
    sku = rng.integers(0, SKUS, day.size)
    keys = (day.astype(np.int64) * CUSTOMERS + customer) * SKUS + sku
    _, first = np.unique(keys, return_index=True)
    first.sort()
    day, customer, sku = day[first][:rows], customer[first][:rows], sku[first][:rows]
    units = rng.integers(1, 20, day.size)
    price = 5 + (sku % 50) * 3.0
    revenue = np.round(units * price * rng.uniform(0.8, 1.2, day.size), 2)
    dates = np.datetime64(START.isoformat()) + day.astype("timedelta64[D]")
    table = pa.table({
        "date": pa.array(dates.astype("datetime64[D]")),
        "region": pa.array(np.array(REGIONS)[region_of[customer]]),
        "segment": pa.array(np.array(SEGMENTS)[segment_of[customer]]),
        "customer": pa.array(np.char.add("C", np.char.zfill(customer.astype(str), 4))),
        "sku": pa.array(np.char.add("SKU-", np.char.zfill(sku.astype(str), 3))),
        "units": pa.array(units),
        "revenue": pa.array(revenue),
        "cost": pa.array(np.round(revenue * rng.uniform(0.4, 0.7, day.size), 2)),
        "orders": pa.array(np.ones(day.size, dtype=np.int64)),
    })
    partial = path.with_suffix(".partial")
    pacsv.write_csv(table, partial, write_options=pacsv.WriteOptions(quoting_style="none"))
    partial.rename(path)
    return table.num_rows


def last_day() -> date:
    return START + timedelta(days=DAYS - 1)
