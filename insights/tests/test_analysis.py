"""Analysis maths against figures computed independently, with the standard library, from the same CSV.

The dataset is another company's shape (country × plan, no units or new customers),
so nothing here leans on the demo company.
"""
from __future__ import annotations

import csv
import io
import random
from collections import defaultdict
from datetime import date, timedelta

import pytest

from insights.answering.analysis import analyse
from insights.understanding.types import Period, Understanding
from metrics.selectors import get_semantic_model
from metrics.services import import_dataset

COUNTRIES = ("France", "Germany", "Spain")
PLANS = ("Basic", "Pro")
FIRST, LAST = date(2024, 1, 1), date(2025, 3, 31)
Q4_2024 = Period(date(2024, 10, 1), date(2024, 12, 31))
Q3_2024 = Period(date(2024, 7, 1), date(2024, 9, 30))
AS_OF = date(2025, 2, 10)


def make_rows() -> list[dict]:
    rng = random.Random(7)
    rows = []
    day = FIRST
    while day <= LAST:
        for country in COUNTRIES:
            for plan in PLANS:
                if country == "Spain" and plan == "Pro" and day < date(2024, 9, 1):
                    continue  # Pro launched in Spain in September: a member with no facts before
                orders = rng.randint(0, 20)
                revenue = round(orders * rng.uniform(20, 60) * (1.5 if plan == "Pro" else 1.0), 2)
                cost = round(revenue * rng.uniform(0.3, 0.7), 2)
                rows.append({"date": day.isoformat(), "country": country, "plan": plan,
                             "revenue": revenue, "cost": cost, "orders": orders})
        day += timedelta(days=1)
    return rows


ROWS = make_rows()


def to_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def measure(sums: dict, name: str) -> float | None:
    if name == "gross_margin":
        return sums["revenue"] - sums["cost"]
    if name == "margin_pct":
        return (sums["revenue"] - sums["cost"]) / sums["revenue"] * 100 if sums["revenue"] else None
    if name == "avg_order_value":
        return sums["revenue"] / sums["orders"] if sums["orders"] else None
    return sums[name]


def gold(period: Period, constraints: dict, *, by=None) -> dict:
    groups: dict = defaultdict(lambda: {"revenue": 0.0, "cost": 0.0, "orders": 0.0})
    for row in ROWS:
        day = date.fromisoformat(row["date"])
        if period.start <= day <= period.end and all(row[d] in v for d, v in constraints.items()):
            sums = groups[by(row) if by else None]
            for name in ("revenue", "cost", "orders"):
                sums[name] += float(row[name])
    return dict(groups)


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


@pytest.fixture
def loaded(tenant):
    import_dataset(tenant=tenant, stream=io.BytesIO(to_csv(ROWS)), source="saas.csv", replace=False)
    return tenant, get_semantic_model(tenant=tenant)


def run(loaded, **fields):
    tenant, model = loaded
    return analyse(tenant=tenant, model=model, understanding=Understanding(**fields), as_of=AS_OF)


@pytest.mark.parametrize("name", ["revenue", "cost", "orders", "gross_margin", "margin_pct", "avg_order_value"])
@pytest.mark.parametrize(
    "constraints", [{}, {"country": ["France"]}, {"country": ["Germany", "Spain"], "plan": ["Pro"]}]
)
def test_value_of_every_measure_under_constraints(loaded, name, constraints):
    period = Period(date(2024, 2, 10), date(2024, 11, 3))  # odd edges: leftover days around whole months
    result = run(loaded, intent="value", measure=name, time=period, constraints=constraints)
    assert close(result.value, measure(gold(period, constraints)[None], name))


def test_value_with_no_facts_is_none_not_zero(loaded):
    result = run(loaded, intent="value", measure="revenue", time=Period(date(2024, 1, 1), date(2024, 3, 31)),
                 constraints={"country": ["Spain"], "plan": ["Pro"]})
    assert result.value is None


def test_compare_change_and_percentage(loaded):
    result = run(loaded, intent="compare", measure="gross_margin", time=Q4_2024, compare_to=Q3_2024)
    now, before = measure(gold(Q4_2024, {})[None], "gross_margin"), measure(gold(Q3_2024, {})[None], "gross_margin")
    assert close(result.value, now) and close(result.previous_value, before)
    assert close(result.change, now - before)
    assert close(result.change_pct, (now - before) / abs(before) * 100)


def test_trend_rows_cover_every_period_inside_the_data_oldest_first(loaded):
    # Asked from November 2023, but the data starts in January 2024: rows start there.
    period = Period(date(2023, 11, 1), date(2024, 6, 30), "month")
    result = run(loaded, intent="trend", measure="orders", time=period, constraints={"plan": ["Pro"]})
    expected = gold(period, {"plan": ["Pro"]}, by=lambda row: row["date"][:7])
    assert [row.key for row in result.rows] == [f"2024-{m:02d}" for m in range(1, 7)]
    assert all(close(row.value, expected[row.key]["orders"]) for row in result.rows)


def test_weekly_trend_uses_iso_week_labels(loaded):
    period = Period(date(2024, 12, 23), date(2025, 1, 12), "week")
    result = run(loaded, intent="trend", measure="revenue", time=period)
    assert [row.key for row in result.rows] == ["2024-W52", "2025-W01", "2025-W02"]


def test_trend_of_a_ratio_is_none_where_there_is_nothing_to_divide(loaded):
    period = Period(date(2024, 7, 1), date(2024, 9, 30), "month")
    result = run(loaded, intent="trend", measure="margin_pct", time=period,
                 constraints={"country": ["Spain"], "plan": ["Pro"]})
    assert [row.value for row in result.rows][:2] == [None, None]
    assert result.rows[2].value is not None


def test_breakdown_rows_are_members_with_facts_largest_first(loaded):
    period = Period(date(2024, 6, 1), date(2024, 8, 31))
    result = run(loaded, intent="breakdown", measure="revenue", time=period, group_by="plan",
                 constraints={"country": ["Spain"]})
    expected = gold(period, {"country": ["Spain"]}, by=lambda row: row["plan"])
    assert [row.key for row in result.rows] == sorted(expected, key=lambda k: -expected[k]["revenue"])
    assert all(close(row.value, expected[row.key]["revenue"]) for row in result.rows)


@pytest.mark.parametrize(("order", "limit"), [("desc", 2), ("asc", 1), ("desc", None)])
def test_rank_order_and_limit(loaded, order, limit):
    result = run(loaded, intent="rank", measure="margin_pct", time=Q4_2024, group_by="country", order=order,
                 limit=limit)
    expected = {k: measure(v, "margin_pct") for k, v in gold(Q4_2024, {}, by=lambda row: row["country"]).items()}
    ranked = sorted(expected, key=expected.get, reverse=order == "desc")[: limit or None]
    assert [row.key for row in result.rows] == ranked


def test_drivers_rows_are_member_changes_largest_absolute_first(loaded):
    result = run(loaded, intent="drivers", measure="revenue", time=Q4_2024, compare_to=Q3_2024, group_by="country")
    now = gold(Q4_2024, {}, by=lambda row: row["country"])
    before = gold(Q3_2024, {}, by=lambda row: row["country"])
    changes = {k: now[k]["revenue"] - before[k]["revenue"] for k in COUNTRIES}
    assert [row.key for row in result.rows] == sorted(changes, key=lambda k: -abs(changes[k]))
    assert all(close(row.value, changes[row.key]) for row in result.rows)
    assert close(sum(row.value for row in result.rows), result.change)


def test_drivers_without_a_dimension_pick_the_one_that_explains_the_change(loaded):
    # Spain Pro started in September: between Q2 and Q4 2024 that new plan-country is the story.
    result = run(loaded, intent="drivers", measure="orders", time=Q4_2024,
                 compare_to=Period(date(2024, 4, 1), date(2024, 6, 30)), constraints={"country": ["Spain"]})
    assert result.chosen_group_by == "plan"
    assert result.rows[0].key == "Pro"


def test_summary_has_every_measure_of_the_dataset(loaded):
    _, model = loaded
    result = run(loaded, intent="summary", measure="revenue", time=Q4_2024, compare_to=Q3_2024)
    assert set(result.measures) == set(model.measures)
    now, before = gold(Q4_2024, {})[None], gold(Q3_2024, {})[None]
    for name, figures in result.measures.items():
        assert close(figures.value, measure(now, name)) and close(figures.previous_value, measure(before, name))
    assert close(result.value, now["revenue"])
