"""Query results checked against sums computed from the CSV with the standard library."""
from __future__ import annotations

import math
import statistics
from datetime import date, timedelta
from pathlib import Path

import pytest

from metrics.errors import InvalidQuery, NoDataset, UnknownDimension, UnknownMeasure, UnknownMember
from metrics.files import local_version_path
from metrics.measures import CATALOGUE
from metrics.selectors import Bucket, QuerySpec, get_semantic_model, query, query_many
from metrics.tests.conftest import SUMS, Gold, label, sparse_csv, wide_csv

PERIODS = [
    (date(2023, 1, 1), date(2026, 12, 31)),  # wider than the data on both sides
    (date(2024, 1, 1), date(2024, 12, 31)),  # a leap year, whole
    (date(2024, 2, 10), date(2024, 3, 5)),  # across the leap day
    (date(2023, 12, 28), date(2024, 1, 7)),  # across a year and an ISO-week boundary
    (date(2024, 12, 30), date(2025, 1, 5)),  # ISO week 2025-W01, which starts in 2024
    (date(2024, 4, 1), date(2024, 6, 30)),  # a quarter
    (date(2024, 2, 29), date(2024, 2, 29)),  # one day
    (date(2024, 3, 15), date(2024, 11, 2)),  # odd edges, whole months between
    (date(2022, 1, 1), date(2022, 12, 31)),  # before the data: nothing
]
CONSTRAINTS = [
    {},
    {"region": ["EMEA"]},
    {"region": ["EMEA", "APAC"], "channel": ["Online"]},
    {"product": ["Tent #2"], "channel": ["Retail"]},
    {"region": ["EMEA", "APAC", "North America"]},  # every member: the same as no constraint
]


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)


def gold_value(sums: dict, measure: str) -> float | None:
    revenue, cost, orders = sums["revenue"], sums["cost"], sums["orders"]
    return {
        "gross_margin": revenue - cost,
        "margin_pct": (revenue - cost) / revenue * 100 if revenue else None,
        "avg_order_value": revenue / orders if orders else None,
    }.get(measure, sums.get(measure))


def mismatches(cell, gold: dict | None, where: str) -> list[str]:
    gold = gold or {**dict.fromkeys(SUMS, 0.0), "facts": 0}
    found = []
    if cell.facts != gold["facts"]:
        found.append(f"{where}: facts {cell.facts} != {gold['facts']}")
    for measure in CATALOGUE:
        if not close(cell.value(measure), gold_value(gold, measure)):
            found.append(f"{where}: {measure} {cell.value(measure)} != {gold_value(gold, measure)}")
    return found


def test_every_measure_grain_and_constraint_matches_the_csv(tenant, import_csv):
    text = sparse_csv()
    import_csv(tenant, text)
    gold = Gold(text)
    model = get_semantic_model(tenant=tenant)
    errors: list[str] = []
    for start, end in PERIODS:
        for constraints in CONSTRAINTS:
            where = f"{start}..{end} {constraints}"
            result = query(tenant=tenant, start=start, end=end, constraints=constraints, model=model)
            errors += mismatches(result.total, gold.sums(start, end, constraints).get(None), where)
            assert result.rows == ()

            for group_by in ("region", "product"):
                result = query(tenant=tenant, start=start, end=end, constraints=constraints, group_by=group_by,
                               model=model)
                expected = gold.sums(start, end, constraints, key=lambda r, g=group_by: r[g])
                assert sorted(c.key for c in result.rows) == sorted(expected), where
                for cell in result.rows:
                    errors += mismatches(cell, expected[cell.key], f"{where} {group_by}={cell.key}")
                errors += mismatches(result.total, gold.sums(start, end, constraints).get(None), where)

            for grain in ("day", "week", "month", "quarter", "year"):
                result = query(tenant=tenant, start=start, end=end, constraints=constraints, grain=grain, model=model)
                expected = gold.sums(start, end, constraints, key=lambda r, g=grain: label(r["date"], g))
                labels: list[str] = []
                day = max(start, gold.first)
                while day <= min(end, gold.last):
                    if not labels or labels[-1] != label(day, grain):
                        labels.append(label(day, grain))
                    day += timedelta(days=1)
                assert [c.key for c in result.rows] == labels, f"{where} {grain}"
                for cell in result.rows:
                    errors += mismatches(cell, expected.get(cell.key), f"{where} {grain} {cell.key}")
                    assert label(cell.start, grain) == label(cell.end, grain) == cell.key
                    assert label(cell.start - timedelta(days=1), grain) != cell.key
                    assert label(cell.end + timedelta(days=1), grain) != cell.key
                errors += mismatches(result.total, gold.sums(start, end, constraints).get(None), f"{where} {grain}")
    assert errors == []


@pytest.fixture
def loaded(tenant, import_csv):
    import_csv(tenant, sparse_csv())
    return tenant


def test_unknown_dimension_and_member_are_refused_with_suggestions(loaded):
    with pytest.raises(UnknownDimension) as exc:
        query(tenant=loaded, start=date(2024, 1, 1), end=date(2024, 1, 31), constraints={"country": ["France"]})
    assert exc.value.known == ("region", "channel", "product")
    with pytest.raises(UnknownMember) as exc:
        query(tenant=loaded, start=date(2024, 1, 1), end=date(2024, 1, 31), constraints={"region": ["emae"]})
    assert exc.value.suggestions[0] == "EMEA"
    with pytest.raises(UnknownDimension):
        query(tenant=loaded, start=date(2024, 1, 1), end=date(2024, 1, 31), group_by="country")


def test_invalid_queries_are_refused(loaded):
    with pytest.raises(InvalidQuery, match="not both"):
        query(tenant=loaded, start=date(2024, 1, 1), end=date(2024, 1, 31), grain="month",
              buckets=[Bucket("a", date(2024, 1, 1), date(2024, 1, 5))])
    with pytest.raises(UnknownMeasure):
        query(tenant=loaded, start=date(2024, 1, 1), end=date(2024, 1, 31), group_by="region", order_by="bookings")
    with pytest.raises(InvalidQuery, match="before it starts"):
        query(tenant=loaded, start=date(2024, 2, 1), end=date(2024, 1, 31))
    with pytest.raises(InvalidQuery, match="grain"):
        query(tenant=loaded, start=date(2024, 1, 1), end=date(2024, 1, 31), grain="fortnight")


def test_no_dataset_is_its_own_error(tenant):
    with pytest.raises(NoDataset):
        get_semantic_model(tenant=tenant)
    with pytest.raises(NoDataset):
        query(tenant=tenant, start=date(2024, 1, 1), end=date(2024, 1, 31))


def test_two_tenants_never_see_each_others_model_or_numbers(make_tenant, import_csv):
    acme, globex = make_tenant("acme"), make_tenant("globex")
    acme_text = sparse_csv(seed=1)
    globex_text = "date,country,revenue\n2024-01-01,France,100\n2024-01-02,Spain,50.5\n"
    import_csv(acme, acme_text)
    import_csv(globex, globex_text)

    acme_model, globex_model = get_semantic_model(tenant=acme), get_semantic_model(tenant=globex)
    assert list(globex_model.dimensions) == ["country"] and globex_model.measures == ("revenue",)
    assert list(acme_model.dimensions) == ["region", "channel", "product"]
    span = {"start": date(2024, 1, 1), "end": date(2024, 1, 2)}
    assert query(tenant=globex, **span).total.sums == {"revenue": 150.5}
    acme_gold = Gold(acme_text).sums(**span, constraints={})[None]["revenue"]
    assert close(query(tenant=acme, **span).total.sums["revenue"], acme_gold)
    with pytest.raises(UnknownDimension):
        query(tenant=globex, **span, constraints={"region": ["EMEA"]})
    # A model handed in from another tenant does not reach into that tenant's table or files.
    with pytest.raises(NoDataset):
        query(tenant=globex, **span, model=acme_model)
    acme_file = Path(local_version_path(tenant=acme, version=acme_model.version))
    assert acme_file.parts[-4:] == ("tenants", "acme", "datasets", f"{acme_model.version}.parquet")
    with pytest.raises(NoDataset):
        local_version_path(tenant=globex, version=acme_model.version)


def test_group_by_with_grain_and_buckets_match_the_csv_in_one_query(loaded):
    gold = Gold(sparse_csv())
    start, end = date(2024, 3, 15), date(2024, 11, 2)
    constraints = {"channel": ["Online"]}
    result = query(tenant=loaded, start=start, end=end, constraints=constraints, group_by="product", grain="month")
    expected = gold.sums(start, end, constraints, key=lambda r: (r["product"], label(r["date"], "month")))
    assert [(c.key, c.period) for c in result.rows] == sorted(expected)  # members in order, then periods
    errors = [e for c in result.rows for e in mismatches(c, expected[(c.key, c.period)], f"{c.key} {c.period}")]
    assert errors == []

    # unusual: every member's value in each of 13 weekly spans (they may overlap and cross the data's edges)
    buckets = [Bucket(f"w{i}", date(2024, 12, 30) - timedelta(days=7 * i), date(2025, 1, 9) - timedelta(days=7 * i))
               for i in range(13)]
    specs = [QuerySpec(start=buckets[-1].start, end=buckets[0].end, group_by="region", buckets=buckets),
             QuerySpec(start=buckets[-1].start, end=buckets[0].end, buckets=buckets)]
    by_member, totals = query_many(tenant=loaded, specs=specs)
    for bucket in buckets:
        split = gold.sums(bucket.start, bucket.end, {}, key=lambda r: r["region"])
        found = {c.key: c for c in by_member.rows if c.period == bucket.label}
        assert sorted(found) == sorted(split)
        errors += [e for key, cell in found.items() for e in mismatches(cell, split[key], f"{bucket} {key}")]
    assert [c.key for c in totals.rows] == [b.label for b in buckets]
    for bucket, cell in zip(buckets, totals.rows, strict=True):
        errors += mismatches(cell, gold.sums(bucket.start, bucket.end, {}).get(None), bucket.label)
        assert (cell.start, cell.end) == (bucket.start, bucket.end)
    errors += mismatches(totals.total, gold.sums(buckets[-1].start, buckets[0].end, {}).get(None), "total")
    assert errors == []


def test_count_distinct_counts_members_with_facts_in_each_cell(loaded):
    gold = Gold(sparse_csv())
    for start, end, constraints in [(date(2024, 1, 1), date(2024, 12, 31), {}),
                                    (date(2024, 2, 28), date(2024, 3, 1), {"region": ["EMEA"], "channel": ["Retail"]}),
                                    (date(2022, 1, 1), date(2022, 12, 31), {})]:
        result = query(tenant=loaded, start=start, end=end, constraints=constraints, grain="quarter",
                       count_distinct="product")
        whole = gold.sums(start, end, constraints).get(None)
        assert result.total.distinct == (len(whole["members"]["product"]) if whole else 0)
        by_quarter = gold.sums(start, end, constraints, key=lambda r: label(r["date"], "quarter"))
        for cell in result.rows:
            expected = by_quarter.get(cell.key)
            assert cell.distinct == (len(expected["members"]["product"]) if expected else 0), cell.key
        split = query(tenant=loaded, start=start, end=end, constraints=constraints, group_by="region",
                      count_distinct="channel")
        by_region = gold.sums(start, end, constraints, key=lambda r: r["region"])
        assert {c.key: c.distinct for c in split.rows} == {
            k: len(v["members"]["channel"]) for k, v in by_region.items()}


@pytest.mark.parametrize("measure", ["revenue", "margin_pct", "avg_order_value", "gross_margin", "cost"])
@pytest.mark.parametrize("descending", [True, False])
def test_order_by_any_measure_and_limit_are_computed_in_sql(loaded, measure, descending):
    gold = Gold(sparse_csv())
    start, end = date(2024, 1, 1), date(2024, 6, 30)
    result = query(tenant=loaded, start=start, end=end, group_by="product", order_by=measure, descending=descending,
                   limit=3)
    expected = gold.sums(start, end, {}, key=lambda r: r["product"])
    ranked = sorted(expected, key=lambda k: (gold_value(expected[k], measure) is None,
                                             -gold_value(expected[k], measure) if descending
                                             else gold_value(expected[k], measure), k))
    assert [c.key for c in result.rows] == ranked[:3]
    assert mismatches(result.total, gold.sums(start, end, {}).get(None), "total") == []  # every member, not 3
    months = query(tenant=loaded, start=start, end=end, grain="month", order_by=measure, descending=descending,
                   limit=2)
    by_month = gold.sums(start, end, {}, key=lambda r: label(r["date"], "month"))
    best = sorted(by_month, key=lambda k: -gold_value(by_month[k], measure) if descending
                  else gold_value(by_month[k], measure))
    assert [c.key for c in months.rows] == best[:2]


def test_a_high_cardinality_dimension_and_the_tenants_own_measures_match_the_csv(tenant, import_csv):
    text = wide_csv()
    result = import_csv(tenant, text)
    assert result.dimensions["customer"] > 300
    assert [(c.column, c.role, c.name) for c in result.columns] == [
        ("date", "date", "date"), ("segment", "dimension", "segment"), ("customer", "dimension", "customer"),
        ("revenue", "measure", "revenue"), ("bookings", "measure", "bookings"),
        ("Demo Requests", "measure", "demo_requests"), ("refunds", "measure", "refunds")]
    columns = ("revenue", "bookings", "Demo Requests", "refunds")
    gold = Gold(text, measures=columns)
    model = get_semantic_model(tenant=tenant)
    assert model.measures == ("revenue", "bookings", "demo_requests", "refunds")
    assert model.measure("demo_requests").words == ("demo requests", "demo request", "requests", "request")
    named = {"revenue": "revenue", "bookings": "bookings", "demo_requests": "Demo Requests", "refunds": "refunds"}
    customers = sorted(model.dimensions["customer"])[::7][:90]
    start, end = date(2024, 3, 1), date(2024, 4, 10)
    for constraints in ({}, {"customer": customers}, {"customer": customers, "segment": ["Enterprise", "SMB"]}):
        split = query(tenant=tenant, start=start, end=end, constraints=constraints, group_by="customer", model=model)
        expected = gold.sums(start, end, constraints, key=lambda r: r["customer"])
        assert [c.key for c in split.rows] == sorted(expected)
        for cell in split.rows:
            for name, column in named.items():
                assert close(cell.value(name), expected[cell.key][column]), (cell.key, name)
            assert cell.facts == expected[cell.key]["facts"]
        top = query(tenant=tenant, start=start, end=end, constraints=constraints, group_by="customer",
                    order_by="bookings", limit=5, model=model)
        assert [round(c.value("bookings"), 6) for c in top.rows] == sorted(
            (round(v["bookings"], 6) for v in expected.values()), reverse=True)[:5]
    weekly = query(tenant=tenant, start=start, end=end, grain="week", count_distinct="customer", model=model)
    by_week = gold.sums(start, end, {}, key=lambda r: label(r["date"], "week"))
    for cell in weekly.rows:
        assert close(cell.value("refunds"), by_week[cell.key]["refunds"])
        assert cell.distinct == len(by_week[cell.key]["members"]["customer"])
    assert statistics.fmean(c.distinct for c in weekly.rows) > 50


def test_member_values_are_bound_parameters_never_sql(tenant, import_csv):
    hostile = "x' OR 1=1 --"
    import_csv(tenant, f'date,name,revenue\n2024-01-01,"{hostile}",5\n2024-01-01,"a"")--",7\n2024-01-02,b,11\n')
    assert query(tenant=tenant, start=date(2024, 1, 1), end=date(2024, 1, 2),
                 constraints={"name": [hostile]}).total.sums == {"revenue": 5.0}
    assert query(tenant=tenant, start=date(2024, 1, 1), end=date(2024, 1, 2),
                 constraints={"name": ['a")--']}).total.sums == {"revenue": 7.0}


def test_every_query_is_bounded_by_the_settings(loaded, settings):
    settings.SALESTALK_MAX_QUERY_FILTERS = 2
    settings.SALESTALK_MAX_FILTER_MEMBERS = 3
    span = {"start": date(2024, 1, 1), "end": date(2024, 1, 31)}
    with pytest.raises(InvalidQuery, match="at most 2 dimensions"):
        query(tenant=loaded, **span, constraints={"region": ["EMEA"], "channel": ["Online"], "product": ["Boot"]})
    with pytest.raises(InvalidQuery, match="at most 3 members"):
        query(tenant=loaded, **span, constraints={"product": ["Boot", "Jacket", "Pack", "Tent #2"]})
    settings.SALESTALK_MAX_QUERY_ROWS = 10
    with pytest.raises(InvalidQuery, match="at most 10 days"):
        query(tenant=loaded, **span, grain="day")
    with pytest.raises(InvalidQuery, match="more than 10 rows"):
        query(tenant=loaded, **span, group_by="product", grain="week")
    assert len(query(tenant=loaded, **span, group_by="product", grain="week", limit=10).rows) == 10
