"""Analysis maths against figures computed independently, with the standard library, from the same CSV.

The dataset is another company's shape (country × plan, no units or new customers),
so nothing here leans on the demo company.
"""
from __future__ import annotations

import csv
import io
import random
import statistics
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


# --- contract v2: modifiers and intents, each against sums over the CSV rows -------------------------------

def days_between(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def month_key(row: dict) -> str:
    return row["date"][:7]


def test_per_a_measure_a_time_grain_and_a_dimension(loaded):
    period = Period(date(2024, 2, 10), date(2024, 5, 3))
    sums = gold(period, {"plan": ["Pro"]})[None]
    margin = sums["revenue"] - sums["cost"]
    by_order = run(loaded, intent="value", measure="gross_margin", per="orders", time=period,
                   constraints={"plan": ["Pro"]})
    assert close(by_order.value, margin / sums["orders"])
    daily = run(loaded, intent="value", measure="revenue", per="day", time=period, constraints={"plan": ["Pro"]})
    assert close(daily.value, sums["revenue"] / len(days_between(period.start, period.end)))
    # Weeks overlapping the period, clipped to the data: 10 Feb (Sat) .. 3 May (Fri) touches 13 ISO weeks.
    weekly = run(loaded, intent="value", measure="revenue", per="week", time=period, constraints={"plan": ["Pro"]})
    weeks = {day.isocalendar()[:2] for day in days_between(period.start, period.end)}
    assert close(weekly.value, sums["revenue"] / len(weeks))
    # Spain has no Pro facts before September: in Q3 2024 Spain still counts once for Basic.
    members = {row["country"] for row in ROWS if Q3_2024.start <= date.fromisoformat(row["date"]) <= Q3_2024.end}
    per_country = run(loaded, intent="breakdown", measure="revenue", per="country", time=Q3_2024, group_by="plan")
    by_plan = gold(Q3_2024, {}, by=lambda row: row["plan"])
    pro_countries = {row["country"] for row in ROWS if row["plan"] == "Pro"
                     and Q3_2024.start <= date.fromisoformat(row["date"]) <= Q3_2024.end}
    rows = {row.key: row.value for row in per_country.rows}
    assert close(rows["Pro"], by_plan["Pro"]["revenue"] / len(pro_countries))
    assert close(rows["Basic"], by_plan["Basic"]["revenue"] / len(members))


def test_a_cumulative_trend_is_running_sums_and_a_ratio_the_ratio_of_running_sums(loaded):
    period = Period(date(2024, 1, 1), date(2024, 4, 30), "month")
    months = gold(period, {}, by=month_key)
    result = run(loaded, intent="trend", measure="margin_pct", cumulative=True, time=period, also=("revenue",))
    running = {"revenue": 0.0, "cost": 0.0}
    for row, key in zip(result.rows, sorted(months), strict=True):
        running = {name: running[name] + months[key][name] for name in running}
        assert row.key == key
        assert close(row.value, (running["revenue"] - running["cost"]) / running["revenue"] * 100)
        assert close(row.values["revenue"], running["revenue"])


def test_growth_ranks_by_change_and_by_change_pct(loaded):
    # Q3 → Q4 2024 by country: Spain grew from Basic alone to Basic and Pro.
    now = gold(Q4_2024, {}, by=lambda row: row["country"])
    before = gold(Q3_2024, {}, by=lambda row: row["country"])
    change = {k: now[k]["revenue"] - before[k]["revenue"] for k in COUNTRIES}
    pct = {k: change[k] / before[k]["revenue"] * 100 for k in COUNTRIES}
    by_change = run(loaded, intent="rank", measure="revenue", time=Q4_2024, compare_to=Q3_2024, group_by="country",
                    order="desc", limit=2, order_by="change")
    assert [row.key for row in by_change.rows] == sorted(COUNTRIES, key=lambda k: -change[k])[:2]
    top = by_change.rows[0]
    assert close(top.value, change[top.key]) and close(top.current, now[top.key]["revenue"])
    assert close(top.previous, before[top.key]["revenue"])
    by_pct = run(loaded, intent="rank", measure="revenue", time=Q4_2024, compare_to=Q3_2024, group_by="country",
                 order="asc", order_by="change_pct")
    assert [row.key for row in by_pct.rows] == sorted(COUNTRIES, key=lambda k: pct[k])
    assert all(close(row.value, pct[row.key]) for row in by_pct.rows)


def test_a_member_without_a_previous_value_is_left_out_of_a_change_pct_ranking(loaded):
    august, september = Period(date(2024, 8, 1), date(2024, 8, 31)), Period(date(2024, 9, 1), date(2024, 9, 30))
    result = run(loaded, intent="rank", measure="revenue", time=september, compare_to=august, group_by="plan",
                 constraints={"country": ["Spain"]}, order="desc", order_by="change_pct")
    assert [row.key for row in result.rows] == ["Basic"]
    by_change = run(loaded, intent="rank", measure="revenue", time=september, compare_to=august, group_by="plan",
                    constraints={"country": ["Spain"]}, order="desc", order_by="change")
    pro = next(row for row in by_change.rows if row.key == "Pro")
    assert pro.previous is None
    assert close(pro.value, gold(september, {"country": ["Spain"], "plan": ["Pro"]})[None]["revenue"])


def test_two_named_members_and_a_time_grain_breakdown_of_whole_periods(loaded):
    result = run(loaded, intent="breakdown", measure="orders", time=Q4_2024, group_by="country",
                 constraints={"country": ["Spain", "France"]})
    sums = gold(Q4_2024, {}, by=lambda row: row["country"])
    gap = sums["Spain"]["orders"] - sums["France"]["orders"]
    assert close(result.change, gap) and close(result.change_pct, gap / sums["France"]["orders"] * 100)
    # 2024-12-20 .. 2025-03-31 by month: December is cut short, so only January to March are rows.
    period = Period(date(2024, 12, 20), date(2025, 3, 31))
    months = gold(period, {}, by=month_key)
    best = run(loaded, intent="rank", measure="revenue", time=period, group_by="month", order="desc", limit=1)
    whole = {k: v for k, v in months.items() if k != "2024-12"}
    assert [row.key for row in best.rows] == [max(whole, key=lambda k: whole[k]["revenue"])]


def test_share_of_a_part_and_of_every_member(loaded):
    whole = gold(Q4_2024, {"plan": ["Pro"]})[None]["revenue"]
    part = gold(Q4_2024, {"plan": ["Pro"], "country": ["Spain"]})[None]["revenue"]
    result = run(loaded, intent="share", measure="revenue", time=Q4_2024, part=("country", "Spain"),
                 constraints={"plan": ["Pro"]}, group_by="country")
    assert close(result.total, whole) and close(result.value, part) and close(result.share_pct, part / whole * 100)
    by_country = gold(Q4_2024, {"plan": ["Pro"]}, by=lambda row: row["country"])
    assert {row.key for row in result.rows} == set(COUNTRIES)
    assert all(close(row.share_pct, by_country[row.key]["revenue"] / whole * 100) for row in result.rows)
    outside = run(loaded, intent="share", measure="revenue", time=Q4_2024, part=("country", "Spain"),
                  constraints={"country": ["France"]})
    assert outside.value == 0.0 and outside.share_pct == 0.0


def test_pace_projects_the_value_so_far_to_the_whole_period(loaded):
    year = Period(date(2025, 1, 1), date(2025, 12, 31))
    so_far = gold(Period(year.start, AS_OF), {})[None]["revenue"]
    result = run(loaded, intent="pace", measure="revenue", time=year, target=500_000.0)
    projected = so_far * 365 / len(days_between(year.start, AS_OF))
    assert close(result.value, so_far) and close(result.projected, projected)
    assert close(result.gap, projected - 500_000.0) and close(result.pct_of_target, so_far / 500_000.0 * 100)
    # As of after the data's last day (31 March 2025): the pace so far stops there; a ratio is not scaled.
    late = analyse(tenant=loaded[0], model=loaded[1], as_of=date(2025, 6, 30), understanding=Understanding(
        intent="pace", measure="margin_pct", time=year, target=60.0))
    sums = gold(Period(year.start, LAST), {})[None]
    assert close(late.value, (sums["revenue"] - sums["cost"]) / sums["revenue"] * 100)
    assert late.projected == late.value


def test_count_of_members_with_facts(loaded):
    august = Period(date(2024, 8, 1), date(2024, 8, 31))
    spain_plans = run(loaded, intent="count", time=august, group_by="plan", constraints={"country": ["Spain"]})
    assert spain_plans.value == 1.0  # Pro reached Spain in September
    months = run(loaded, intent="count", time=Period(date(2023, 6, 1), date(2024, 3, 31)), group_by="month")
    assert months.value == 3.0


def test_unusual_series_against_their_own_history(loaded):
    result = run(loaded, intent="unusual", measure="orders", time=Period(date(2025, 1, 1), date(2025, 1, 31)),
                 limit=10)
    series = {"total": lambda row: True}
    series |= {f"country={c}": (lambda row, c=c: row["country"] == c) for c in COUNTRIES}
    series |= {f"plan={p}": (lambda row, p=p: row["plan"] == p) for p in PLANS}
    windows = [(2025, 1)] + [(2024, m) for m in range(12, 0, -1)]  # twelve months back, all inside the data
    expected_rows = {}
    for key, keep in series.items():
        values = []
        for year, month in windows:
            values.append(sum(float(r["orders"]) for r in ROWS if keep(r) and r["date"].startswith(
                f"{year}-{month:02d}")))
        history = values[1:]
        z = (values[0] - statistics.fmean(history)) / statistics.stdev(history)
        if abs(z) >= 2:
            expected_rows[key] = (values[0], statistics.fmean(history), z)
    assert {row.key for row in result.rows} == set(expected_rows)
    for row in result.rows:
        value, mean, z = expected_rows[row.key]
        assert close(row.value, value) and close(row.expected, mean) and close(row.z, z)


def test_unusual_without_enough_history_asks_back(loaded):
    result = run(loaded, intent="unusual", measure="revenue", time=Period(date(2024, 5, 1), date(2024, 5, 31)))
    assert result.clarification is not None and "not enough history" in result.clarification
    assert result.value is None and result.rows == ()
