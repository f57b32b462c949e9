"""Query results checked against sums computed from the CSV with the standard library."""
from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from metrics.errors import InvalidQuery, NoDataset, UnknownDimension, UnknownMember
from metrics.measures import CATALOGUE
from metrics.selectors import get_semantic_model, query
from metrics.tests.conftest import SUMS, Gold, label, sparse_csv

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
        query(tenant=loaded, start=date(2024, 1, 1), end=date(2024, 1, 31), group_by="region", grain="month")
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
    # A model handed in from another tenant does not reach into that tenant's table.
    assert query(tenant=globex, **span, model=acme_model).total.facts == 0
