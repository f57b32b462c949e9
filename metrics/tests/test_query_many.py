"""``query_many`` answers every spec in one statement: the same results as each spec alone, and as the CSV."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from metrics import engine, selectors
from metrics.compiler import compile_many, compile_query
from metrics.errors import InvalidQuery
from metrics.selectors import Bucket, QuerySpec, get_semantic_model, query_many
from metrics.tests.conftest import Gold, label, same_numbers, sparse_csv
from metrics.tests.test_query import mismatches

YEAR = (date(2024, 1, 1), date(2024, 12, 31))
MARCH = (date(2024, 3, 1), date(2024, 3, 31))
FEBRUARY = (date(2024, 2, 1), date(2024, 2, 29))
WEEKS = tuple(Bucket(f"w{i}", date(2024, 12, 30) - timedelta(days=7 * i), date(2025, 1, 9) - timedelta(days=7 * i))
              for i in range(13))
HALVES = (Bucket("h1", date(2024, 1, 1), date(2024, 6, 30)), Bucket("h2", date(2024, 7, 1), date(2024, 12, 31)))
EMEA = {"region": ["EMEA"]}
MIXED = [
    # "why?": two periods × total, region, product (two scans shared by three specs each)
    *(QuerySpec(start=s, end=e, group_by=g) for s, e in (FEBRUARY, MARCH) for g in (None, "region", "product")),
    QuerySpec(start=MARCH[0], end=MARCH[1], constraints=EMEA, group_by="product"),  # same days, other constraints
    QuerySpec(start=MARCH[0], end=MARCH[1], constraints={"region": ["EMEA", "APAC"], "channel": ["Online"]}),
    QuerySpec(start=YEAR[0], end=YEAR[1], grain="month"),
    QuerySpec(start=YEAR[0], end=YEAR[1], grain="quarter", group_by="channel"),
    QuerySpec(start=YEAR[0], end=YEAR[1], grain="month", group_by="region", count_distinct="product"),
    QuerySpec(start=date(2024, 2, 26), end=date(2024, 3, 3), grain="day"),
    QuerySpec(start=YEAR[0], end=YEAR[1], group_by="product", order_by="revenue", limit=2),
    QuerySpec(start=YEAR[0], end=YEAR[1], group_by="product", order_by="revenue", limit=2),  # the same again
    QuerySpec(start=YEAR[0], end=YEAR[1], group_by="product", order_by="avg_order_value", descending=False),
    QuerySpec(start=YEAR[0], end=YEAR[1], grain="month", order_by="margin_pct", limit=3),
    QuerySpec(start=YEAR[0], end=YEAR[1], count_distinct="product"),
    QuerySpec(start=YEAR[0], end=YEAR[1], group_by="region", count_distinct="channel"),
    # unusual: 13 overlapping spans crossing the data's end, the total and one dimension sharing them
    QuerySpec(start=WEEKS[0].start, end=WEEKS[0].end, buckets=WEEKS),
    QuerySpec(start=WEEKS[0].start, end=WEEKS[0].end, buckets=WEEKS, group_by="region"),
    QuerySpec(start=YEAR[0], end=YEAR[1], buckets=HALVES, constraints=EMEA, count_distinct="product"),
    QuerySpec(start=date(2022, 1, 1), end=date(2022, 12, 31), group_by="region"),  # before the data: nothing
    QuerySpec(start=date(2022, 1, 1), end=date(2022, 12, 31), grain="month"),
]


@pytest.fixture
def loaded(tenant, import_csv):
    import_csv(tenant, sparse_csv())
    return tenant


def test_one_statement_gives_each_spec_what_it_gives_alone(loaded):
    fused = query_many(tenant=loaded, specs=MIXED)
    alone = [query_many(tenant=loaded, specs=[spec])[0] for spec in MIXED]
    assert fused == alone
    # And the same as the one-spec statements Athena runs (``compile_query``), here on DuckDB over the facts.
    model = get_semantic_model(tenant=loaded)
    table = engine.version_tables(tenant=loaded, model=model).facts
    for spec, result in zip(MIXED, fused, strict=True):
        single = compile_query(spec=spec, model=model, location=table, max_rows=1000, dialect=engine.TABLES)
        assert same_numbers(result, selectors._result(model, spec, engine.fetch(single.sql, single.params),
                                                      single.columns)), spec

def test_shared_scans_match_the_csv(loaded):
    gold = Gold(sparse_csv())
    results = query_many(tenant=loaded, specs=MIXED)
    errors: list[str] = []
    for spec, result in zip(MIXED, results, strict=True):
        constraints = spec.constraints or {}
        whole = gold.sums(spec.start, spec.end, constraints).get(None)
        errors += mismatches(result.total, whole, f"{spec} total")
        if spec.count_distinct:
            assert result.total.distinct == (len(whole["members"][spec.count_distinct]) if whole else 0), spec
        if spec.buckets:
            for cell in result.rows:
                bucket = next(b for b in spec.buckets if b.label == (cell.period if spec.group_by else cell.key))
                split = gold.sums(bucket.start, bucket.end, constraints,
                                  key=(lambda r, g=spec.group_by: r[g]) if spec.group_by else None)
                errors += mismatches(cell, split.get(cell.key if spec.group_by else None), f"{spec} {cell}")
                if spec.count_distinct:
                    assert cell.distinct == len(split[None]["members"][spec.count_distinct]), spec
            continue
        if spec.group_by and spec.grain:
            expected = gold.sums(spec.start, spec.end, constraints,
                                 key=lambda r, s=spec: (r[s.group_by], label(r["date"], s.grain)))
            assert [(c.key, c.period) for c in result.rows] == sorted(expected), spec
            errors += [e for c in result.rows for e in mismatches(c, expected[(c.key, c.period)], f"{spec} {c}")]
        elif spec.group_by or spec.grain:
            expected = gold.sums(spec.start, spec.end, constraints,
                                 key=lambda r, s=spec: r[s.group_by] if s.group_by else label(r["date"], s.grain))
            if spec.limit is None and spec.order_by is None:
                assert sorted(c.key for c in result.rows if c.facts) == sorted(expected), spec
            errors += [e for c in result.rows for e in mismatches(c, expected.get(c.key), f"{spec} {c.key}")]
            if spec.count_distinct:
                assert {c.key: c.distinct for c in result.rows} == {
                    k: len(v["members"][spec.count_distinct]) for k, v in expected.items()}, spec
    assert errors == []


def test_the_statement_binds_every_member_and_refuses_what_is_too_big(loaded, settings):
    model = get_semantic_model(tenant=loaded)
    specs = [QuerySpec(start=MARCH[0], end=MARCH[1], constraints={"product": ["Tent #2"]}, group_by="region"),
             QuerySpec(start=FEBRUARY[0], end=FEBRUARY[1], buckets=HALVES, constraints={"region": ["EMEA"]})]
    compiled = compile_many(specs=specs, model=model, location="t", max_rows=10)
    assert "Tent #2" not in compiled.sql and "EMEA" not in compiled.sql
    assert compiled.sql.count("?") == len(compiled.params)
    assert {"Tent #2", "EMEA"} <= set(compiled.params)
    settings.SALESTALK_MAX_QUERY_ROWS = 10
    with pytest.raises(InvalidQuery, match="more than 10 rows"):
        query_many(tenant=loaded, specs=[QuerySpec(start=YEAR[0], end=YEAR[1]),
                                         QuerySpec(start=YEAR[0], end=YEAR[1], group_by="product", grain="month")])
    assert query_many(tenant=loaded, specs=[]) == []
