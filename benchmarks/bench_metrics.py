"""Metrics: import throughput, and query latency as datasets grow (10k, 100k, 1M rows; ctx.quick skips 1M).

Goals: 100k rows imported into local DynamoDB in ≤ 15 s; query p95 ≤ 20 ms;
the largest dataset's p95 within 1.5× of the 10k one's. Datasets come from the
project's generator (same company, more products as rows grow) and are kept in
ctx.data_dir between runs. Query rounds alternate between the datasets, so
background load on the machine weighs on all of them alike.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from benchmarks.figures import Figure, latency_figures, percentile
from metrics.demo_data import shape_for_rows, write_csv
from metrics.selectors import get_semantic_model, query
from metrics.semantic import SemanticModel
from metrics.services import import_dataset
from tenants.context import TenantContext
from tenants.selectors import get_tenant_context
from tenants.services import offboard_tenant, onboard_tenant

AREA = "metrics"
START = date(2023, 1, 1)
IMPORT_GOAL_ROWS = 100_000
IMPORT_GOAL_SECONDS = 15.0
P95_GOAL_MS = 20.0
GROWTH_GOAL = 1.5

Query = Callable[[TenantContext, SemanticModel], object]


def dataset(ctx, rows: int) -> Path:
    path = Path(ctx.data_dir) / f"metrics-{rows}.csv"
    if not path.exists():
        days, products = shape_for_rows(rows)
        partial = path.with_suffix(".partial")
        with partial.open("w", newline="", encoding="utf-8") as out:
            write_csv(out, start=START, end=START + timedelta(days=days - 1), products=products)
        partial.rename(path)
    return path


def typical_queries(model: SemanticModel) -> list[Query]:
    """What people ask: values, comparisons, trends at every grain, breakdowns, rankings, odd periods."""
    last = model.last_date
    month_end = last.replace(day=1) - timedelta(days=1)
    month = (month_end.replace(day=1), month_end)
    quarter_start = date(last.year, 3 * ((last.month - 1) // 3) + 1, 1)
    previous_quarter = (date(quarter_start.year - (quarter_start.month == 1), (quarter_start.month - 4) % 12 + 1, 1),
                        quarter_start - timedelta(days=1))
    year_ago = tuple(d.replace(year=d.year - 1) for d in previous_quarter)
    region, other_region = model.dimensions["region"][:2]
    product = model.dimensions["product"][0]

    def q(start: date, end: date, **kwargs) -> Query:
        return lambda tenant, m: query(tenant=tenant, start=start, end=end, model=m, **kwargs)

    return [
        q(*month),
        q(*previous_quarter, constraints={"region": [region]}),
        q(*year_ago, constraints={"region": [region]}),
        q(last - timedelta(days=364), last, grain="month"),
        q(last - timedelta(days=90), last, grain="week", constraints={"channel": ["Online"]}),
        q(last - timedelta(days=29), last, grain="day"),
        q(*month, group_by="region"),
        q(date(last.year, 1, 1), last, group_by="channel", constraints={"region": [region, other_region]}),
        q(*previous_quarter, group_by="product"),
        q(last - timedelta(days=100), last - timedelta(days=17), constraints={"product": [product], "channel": ["Online"]}),
        q(date(last.year, 1, 1), last, constraints={"category": ["Coffee"]}),
        q(model.first_date, last, grain="quarter"),
    ]


def run(ctx) -> list[Figure]:
    sizes = [10_000, 100_000] if ctx.quick else [10_000, 100_000, 1_000_000]
    rounds = 8 if ctx.quick else 25
    figures: list[Figure] = []
    tenants: dict[int, TenantContext] = {}
    try:
        for rows in sizes:
            path = dataset(ctx, rows)
            tenant_id = f"bench-metrics-{rows}"
            onboard_tenant(tenant_id=tenant_id, name=f"Bench {rows}", owner_email=f"owner@{tenant_id}.example")
            tenants[rows] = tenant = get_tenant_context(tenant_id=tenant_id)
            with path.open("rb") as stream:
                result = import_dataset(tenant=tenant, stream=stream, source=path.name, replace=True)
            label = f"import {result.rows:,} rows"
            if rows == IMPORT_GOAL_ROWS:
                figures.append(Figure(AREA, f"{label} time", result.seconds, "s", goal=IMPORT_GOAL_SECONDS))
                figures.append(Figure(AREA, f"{label} throughput", result.rows / result.seconds, "rows/s",
                                      goal=IMPORT_GOAL_ROWS / IMPORT_GOAL_SECONDS, lower_is_better=False))
            else:
                figures.append(Figure(AREA, f"{label} time", result.seconds, "s"))
            figures.append(Figure(AREA, f"{label}: rollup items", result.items_written, "item"))

        queries = {rows: typical_queries(get_semantic_model(tenant=tenants[rows])) for rows in sizes}
        samples: dict[int, list[float]] = {rows: [] for rows in sizes}
        for round_number in range(rounds + 1):
            for rows in sizes:
                tenant = tenants[rows]
                for ask in queries[rows]:
                    started = time.perf_counter()
                    ask(tenant, get_semantic_model(tenant=tenant))
                    if round_number:  # the first round only warms caches and connections
                        samples[rows].append((time.perf_counter() - started) * 1000)
        for rows in sizes:
            figures += latency_figures(area=AREA, name=f"query {rows:,} rows", samples_ms=samples[rows],
                                       p95_goal_ms=P95_GOAL_MS)
        largest = sizes[-1]
        growth = percentile(samples[largest], 95) / percentile(samples[sizes[0]], 95)
        figures.append(Figure(AREA, f"query p95 {largest:,} / {sizes[0]:,} rows", growth, "x", goal=GROWTH_GOAL))
    finally:
        for tenant in tenants.values():
            offboard_tenant(tenant_id=tenant.tenant_id)
    return figures
