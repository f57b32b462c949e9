"""The monthly pre-aggregate: scans read it only where it gives the facts' own numbers, and then they match.

Every spec of the grid is answered twice, by ``query_many`` (the pre-aggregate wherever a scan may use it)
and by ``compile_query`` over the facts table, and both are checked against sums computed from the CSV.
"""
from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta

import pytest

from metrics import engine, selectors
from metrics.compiler import compile_many, compile_query
from metrics.selectors import Bucket, QuerySpec, get_semantic_model, query_many
from metrics.semantic import SemanticModel
from metrics.tests.conftest import SUMS, Gold, label, same_numbers, sparse_csv
from metrics.tests.test_query import mismatches

# sparse_csv's facts run from 2023-12-20 to 2025-01-12.
WHOLE_MONTHS = [
    (date(2024, 1, 1), date(2024, 12, 31)),  # a leap year
    (date(2024, 2, 1), date(2024, 2, 29)),  # a leap February
    (date(2024, 4, 1), date(2024, 6, 30)),  # a quarter
    (date(2023, 12, 1), date(2024, 3, 31)),  # across a year's end
    (date(2023, 11, 17), date(2024, 1, 31)),  # starts before the data, on no month's first day
    (date(2024, 11, 1), date(2025, 1, 12)),  # ends on the data's last day
    (date(2024, 10, 1), date(2025, 3, 9)),  # ends after the data, on no month's last day
    (date(2022, 1, 1), date(2022, 12, 31)),  # before the data: nothing
]
ODD = [
    (date(2024, 3, 2), date(2024, 3, 31)),  # a month but its first day
    (date(2024, 3, 1), date(2024, 3, 30)),  # a month but its last day
    (date(2024, 2, 15), date(2024, 4, 15)),  # odd edges, whole months between
    (date(2023, 12, 21), date(2024, 1, 31)),  # starts a day after the data does, mid-month
    (date(2024, 12, 1), date(2025, 1, 11)),  # ends a day before the data does, mid-month
    (date(2024, 2, 29), date(2024, 2, 29)),  # one day
]
CONSTRAINTS = [{}, {"region": ["EMEA"]}, {"region": ["EMEA", "APAC"], "channel": ["Online"]}]
ORDERS = [("revenue", True), ("avg_order_value", False), ("margin_pct", True), ("gross_margin", False)]


def grid(periods, *, wide: str) -> list[QuerySpec]:
    specs = []
    for start, end in periods:
        for constraints in CONSTRAINTS:
            specs += [QuerySpec(start=start, end=end, constraints=constraints, grain=grain, group_by=group_by)
                      for grain in (None, "month", "quarter", "year", "week")
                      for group_by in (None, "region", wide)]
        specs += [QuerySpec(start=start, end=end, group_by=wide, order_by=by, descending=down, limit=2)
                  for by, down in ORDERS]
        specs += [QuerySpec(start=start, end=end, grain="month", order_by="margin_pct", limit=3),
                  QuerySpec(start=start, end=end, grain="quarter", count_distinct=wide),
                  QuerySpec(start=start, end=end, group_by="region", count_distinct=wide)]
    return specs


def answered_twice(tenant, specs):
    """Each spec's answer from ``query_many`` and from ``compile_query`` over the facts alone."""
    model = get_semantic_model(tenant=tenant)
    facts = engine.version_tables(tenant=tenant, model=model).facts
    fused = query_many(tenant=tenant, specs=specs, model=model)
    alone = []
    for spec in specs:
        single = compile_query(spec=spec, model=model, location=facts, max_rows=10_000, dialect=engine.TABLES)
        alone.append(selectors._result(model, spec, engine.fetch(single.sql, single.params), single.columns))
    return fused, alone


def gold_errors(gold: Gold, spec: QuerySpec, result) -> list[str]:
    """Where ``result`` differs from the CSV's own sums: its total, and each of its rows by key."""
    constraints = spec.constraints or {}
    errors = mismatches(result.total, gold.sums(spec.start, spec.end, constraints).get(None), f"{spec} total")
    if spec.buckets:
        for cell in result.rows:
            bucket = next(b for b in spec.buckets if b.label == cell.key)
            errors += mismatches(cell, gold.sums(bucket.start, bucket.end, constraints).get(None), f"{spec} {cell}")
        return errors
    if spec.count_distinct:
        whole = gold.sums(spec.start, spec.end, constraints).get(None)
        if result.total.distinct != (len(whole["members"][spec.count_distinct]) if whole else 0):
            errors.append(f"{spec}: distinct {result.total.distinct}")
    if not (spec.group_by or spec.grain):
        return errors
    expected = gold.sums(spec.start, spec.end, constraints, key=lambda r: (
        r[spec.group_by] if spec.group_by else None, label(r["date"], spec.grain) if spec.grain else None))
    for cell in result.rows:
        member = cell.key if spec.group_by else None
        period = (cell.period if spec.group_by else cell.key) if spec.grain else None
        errors += mismatches(cell, expected.get((member, period)), f"{spec} {member} {period}")
        if spec.count_distinct and cell.facts and (
                cell.distinct != len(expected[(member, period)]["members"][spec.count_distinct])):
            errors.append(f"{spec} {cell.key}: distinct {cell.distinct}")
    if spec.limit is None:  # every member or period with facts has its row
        keys = {(c.key if spec.group_by else None, (c.period if spec.group_by else c.key) if spec.grain else None)
                for c in result.rows if c.facts}
        if keys != set(expected):
            errors.append(f"{spec}: rows {sorted(keys, key=str)} != {sorted(expected, key=str)}")
    return errors


def customers_csv(*, seed: int = 11, days: int = 200, customers: int = 200, per_day: int = 40) -> str:
    """A high-cardinality dimension: each day ``per_day`` of ``customers`` buy, each in one region and channel."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "region", "channel", "customer", *SUMS])
    for offset in range(days):
        day = date(2024, 1, 17) + timedelta(days=offset)
        for number in rng.sample(range(customers), per_day):
            units = rng.randint(0, 30)
            revenue = round(units * rng.uniform(5, 60), 2)
            orders = rng.randint(0, units)
            writer.writerow([day.isoformat(), ("EMEA", "APAC", "North America")[number % 3],
                             ("Online", "Retail")[number % 2], f"K{number:04d}", revenue,
                             round(revenue * rng.uniform(0.3, 0.8), 2), units, orders, rng.randint(0, orders)])
    return out.getvalue()


@pytest.mark.parametrize("periods", [WHOLE_MONTHS, ODD], ids=["whole months", "odd periods"])
def test_every_spec_gives_the_facts_own_numbers(tenant, import_csv, periods):
    text = sparse_csv()
    import_csv(tenant, text)
    assert engine.version_tables(tenant=tenant, model=get_semantic_model(tenant=tenant)).monthly is not None
    specs = grid(periods, wide="product")
    specs += [
        QuerySpec(start=date(2024, 1, 1), end=date(2024, 12, 31), grain="day"),
        QuerySpec(start=date(2024, 1, 1), end=date(2024, 12, 31), constraints={"region": ["EMEA"]},
                  buckets=(Bucket("h1", date(2024, 1, 1), date(2024, 6, 30)),
                           Bucket("h2", date(2024, 7, 1), date(2024, 12, 31)))),
        QuerySpec(start=date(2024, 3, 4), end=date(2024, 3, 10),
                  buckets=tuple(Bucket(f"w{i}", date(2024, 3, 4) - timedelta(days=7 * i),
                                       date(2024, 3, 10) - timedelta(days=7 * i)) for i in range(6))),
    ]
    fused, alone = answered_twice(tenant, specs)
    gold = Gold(text)
    errors = [e for spec, result in zip(specs, fused, strict=True) for e in gold_errors(gold, spec, result)]
    assert errors == []
    assert [spec for spec, a, b in zip(specs, fused, alone, strict=True) if not same_numbers(a, b)] == []


def test_a_high_cardinality_dimension_gives_the_facts_own_numbers(tenant, import_csv):
    text = customers_csv()
    import_csv(tenant, text)
    model = get_semantic_model(tenant=tenant)
    assert len(model.dimensions["customer"]) == 200
    assert engine.version_tables(tenant=tenant, model=model).monthly is not None
    specs = grid([(date(2024, 2, 1), date(2024, 6, 30)), (date(2024, 1, 1), date(2024, 3, 31)),
                  (date(2024, 3, 10), date(2024, 5, 20))], wide="customer")
    fused, alone = answered_twice(tenant, specs)
    gold = Gold(text)
    assert [e for spec, result in zip(specs, fused, strict=True) for e in gold_errors(gold, spec, result)] == []
    assert [spec for spec, a, b in zip(specs, fused, alone, strict=True) if not same_numbers(a, b)] == []
    grouped = fused[specs.index(QuerySpec(start=date(2024, 2, 1), end=date(2024, 6, 30), constraints={},
                                          group_by="customer"))]
    assert len(grouped.rows) == 200


Q1_Q2 = (Bucket("q1", date(2024, 1, 1), date(2024, 3, 31)), Bucket("q2", date(2024, 4, 1), date(2024, 6, 30)))


@pytest.mark.parametrize(("start", "end", "grain", "buckets", "rows_rolled", "total_rolled"), [
    (date(2024, 1, 1), date(2024, 12, 31), "month", (), True, True),
    (date(2024, 2, 1), date(2024, 2, 29), None, (), True, True),
    (date(2024, 1, 1), date(2024, 12, 31), "quarter", (), True, True),
    (date(2024, 1, 1), date(2024, 12, 31), "year", (), True, True),
    (date(2023, 11, 17), date(2024, 1, 31), None, (), True, True),  # starts before the data does
    (date(2024, 11, 1), date(2025, 1, 12), "month", (), True, True),  # to the data's last day
    (date(2024, 11, 1), date(2025, 2, 3), "month", (), True, True),  # past the data's last day
    (date(2024, 1, 1), date(2024, 12, 31), "week", (), False, True),  # weeks cross months; the total is whole
    (date(2024, 1, 1), date(2024, 1, 31), "day", (), False, True),
    (date(2024, 3, 2), date(2024, 3, 31), None, (), False, False),
    (date(2024, 3, 1), date(2024, 3, 30), "month", (), False, False),
    (date(2023, 12, 21), date(2024, 1, 31), None, (), False, False),  # starts after the data does, mid-month
    (date(2024, 12, 1), date(2025, 1, 11), None, (), False, False),  # ends before the data does, mid-month
    (date(2024, 1, 1), date(2024, 6, 30), None, Q1_Q2, True, True),
    (date(2024, 1, 1), date(2024, 6, 30), None, (Q1_Q2[0], Bucket("w", date(2024, 4, 1), date(2024, 4, 7))),
     False, True),
    (date(2024, 4, 1), date(2024, 4, 7), None, Q1_Q2, True, False),  # buckets of whole months, a week's total
])
def test_only_scans_of_whole_months_without_days_read_the_aggregate(start, end, grain, buckets, rows_rolled,
                                                                     total_rolled):
    model = SemanticModel(version="v", measures=SUMS, dimensions={"region": ("APAC", "EMEA")},
                          first_date=date(2023, 12, 20), last_date=date(2025, 1, 12))  # sparse_csv's dates
    spec = QuerySpec(start=start, end=end, grain=grain, buckets=buckets, group_by="region")
    compiled = compile_many(specs=[spec], model=model, location="t/facts", max_rows=100, monthly="t/months",
                            dialect=engine.TABLES)
    scans = compiled.sql.split(" UNION ALL ")
    (placed,) = compiled.specs

    def reads(scan: int) -> str:
        sql = next(s for s in scans if s.startswith(f"SELECT {scan} AS scan"))
        assert ('"t/months"' in sql) != ('"t/facts"' in sql)
        return "monthly" if '"t/months"' in sql else "facts"

    assert reads(placed.rows[0]) == ("monthly" if rows_rolled else "facts")
    assert reads(placed.total[0]) == ("monthly" if total_rolled else "facts")
    assert '"t/months"' not in compile_many(specs=[spec], model=model, location="t/facts", max_rows=100,
                                         dialect=engine.TABLES).sql


def test_an_aggregate_nearly_as_big_as_the_facts_is_not_kept(tenant, import_csv):
    # Every order its own member: a month's sums are no fewer rows than its facts.
    lines = ["date,order,revenue"] + [f"2024-0{1 + i % 3}-{1 + i % 28:02d},O{i:05d},{i % 97 + 0.5}"
                                      for i in range(3_000)]
    text = "\n".join(lines) + "\n"
    import_csv(tenant, text)
    model = get_semantic_model(tenant=tenant)
    assert engine.version_tables(tenant=tenant, model=model).monthly is None
    spec = QuerySpec(start=date(2024, 1, 1), end=date(2024, 3, 31), grain="month")
    result = query_many(tenant=tenant, specs=[spec], model=model)[0]
    gold = Gold(text, measures=("revenue",))
    assert [c.sums["revenue"] for c in result.rows] == pytest.approx(
        [gold.sums(first, last, {}).get(None, {"revenue": 0.0})["revenue"]
         for first, last in ((date(2024, 1, 1), date(2024, 1, 31)), (date(2024, 2, 1), date(2024, 2, 29)),
                             (date(2024, 3, 1), date(2024, 3, 31)))])
