"""Growth rates, superlatives beside names, idioms of doing well, spans split by a dimension, contests to come.

- "the growth rate of mrr last quarter", "revenue growth % last month", "how fast did orders grow" ask for one
  figure's change (``compare``, change_pct is the rate) against the contract's default comparison; a growth
  word beside a dimension ("which region has the highest growth rate", "growth rate by plan") ranks by
  ``change_pct``, every member when the dimension follows "by", the bottom first after "bottom"/"lowest".
- "max takings last month" names no rows: asked back offering the highest day, and a member called Max where
  there is one, never one reading picked silently; "max takings in a single day" stays the period superlative.
- "who's crushing it", "who is on fire", "who's lagging behind" rank the people dimension (best or worst, one),
  and are asked back where the data has no people.
- "units over the last 3 months by rep": a span split by a dimension is a ``breakdown`` of the span; a grain
  word beside the dimension ("monthly units by rep") is still asked back (a trend has no rows by member).
- "can North overtake South this year" asks about the future: the forecast clarify, never a breakdown.
- "last 10 business days": the data holds calendar days, so it is asked back offering the calendar span.

Companies: a subscription business, a bakery chain with a baker called Max and a ferry operator with no people."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import members
from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2026, 5, 20)
SAAS = company(version="saas-g1", columns=("mrr", "seats", "orders"), dimensions={
    "region": ("North", "South", "East"), "plan": ("Starter", "Pro"), "rep": ("Will Turner", "May Chen", "Ana Ruiz"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 5, 18))
BAKERY = company(version="bakery-g1", columns=("loaves", "takings"), dimensions={
    "shop": ("Millbrook", "Quayside"), "bake": ("Sourdough", "Rye"), "baker": ("Max Ferreira", "Joy Adeyemi"),
}, first_date=date(2024, 2, 1), last_date=date(2026, 5, 18))
FERRY = company(version="ferry-g1", columns=("sailings", "passengers", "fares"), dimensions={
    "route": ("Islay", "Mull", "Arran"), "deck": ("Foot", "Car"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 5, 18))
APRIL = ("2026-04-01", "2026-04-30")
MARCH = ("2026-03-01", "2026-03-31")
Q1 = ("2026-01-01", "2026-03-31")
Q4 = ("2025-10-01", "2025-12-31")


def understood(model, text: str) -> dict:
    return parse(text, model=model, as_of=AS_OF).understanding.as_json()


def asked_back(model, text: str) -> str:
    parsed = parse(text, model=model, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify", parsed.understanding.as_json()
    return parsed.clarification or ""


def span(period: dict | None) -> tuple[str, str] | None:
    return (period["start"], period["end"]) if period else None


@pytest.mark.parametrize(("model", "text", "measure", "time", "compare_to"), [
    (SAAS, "what was the growth rate of mrr last quarter", "mrr", Q1, Q4),
    (SAAS, "seats growth % last month", "seats", APRIL, MARCH),
    (SAAS, "how fast did orders grow last month", "orders", APRIL, MARCH),
    (SAAS, "yoy growth in seats last month", "seats", APRIL, ("2025-04-01", "2025-04-30")),
    (FERRY, "what's the rate of growth of passengers last quarter", "passengers", Q1, Q4),
    (BAKERY, "takings growth rate last month", "takings", APRIL, MARCH),
])
def test_a_growth_rate_of_one_figure_is_its_change(model, text, measure, time, compare_to):
    got = understood(model, text)
    assert (got["intent"], got["measure"], span(got["time"]), span(got["compare_to"])) == (
        "compare", measure, time, compare_to)


@pytest.mark.parametrize(("model", "text", "group_by", "order", "limit", "order_by"), [
    (SAAS, "which region has the highest growth rate", "region", "desc", 1, "change_pct"),
    (SAAS, "growth rate by plan last quarter", "plan", "desc", None, "change_pct"),
    (FERRY, "bottom 2 routes by growth", "route", "asc", 2, "change"),
    (FERRY, "which route had the lowest growth rate", "route", "asc", 1, "change_pct"),
    (BAKERY, "biggest losers by shop", "shop", "asc", None, "change"),
    (SAAS, "which rep is growing fastest", "rep", "desc", 1, "change_pct"),
])
def test_growth_beside_a_dimension_ranks_its_members(model, text, group_by, order, limit, order_by):
    got = understood(model, text)
    assert (got["intent"], got["group_by"], got["order"], got["limit"], got["order_by"]) == (
        "rank", group_by, order, limit, order_by)
    assert got["compare_to"] is not None


def test_a_superlative_beside_a_name_offers_both_readings():
    question = asked_back(BAKERY, "max takings last month")
    assert "Max Ferreira's takings last month" in question and "highest single day" in question
    suggestions = parse("max takings last month", model=BAKERY, as_of=AS_OF).suggestions
    readings = [understood(BAKERY, s) for s in suggestions]
    assert [(r["intent"], r.get("group_by"), members(r)) for r in readings] == [
        ("value", None, {"baker": ["Max Ferreira"]}), ("rank", "day", {})]


@pytest.mark.parametrize(("model", "text", "rows"), [
    (SAAS, "max mrr last quarter", "regions, plans or reps"), (FERRY, "highest fares this year", "routes or decks"),
])
def test_a_superlative_with_no_rows_asks_which_rows(model, text, rows):
    question = asked_back(model, text)
    assert "a single day" in question and rows in question


def test_the_top_of_a_single_day_stays_the_period_superlative():
    got = understood(BAKERY, "max takings in a single day")
    assert (got["intent"], got["group_by"], got["order"], got["limit"], members(got)) == ("rank", "day", "desc", 1, {})


@pytest.mark.parametrize(("model", "text", "group_by", "order"), [
    (SAAS, "who's crushing it this month", "rep", "desc"),
    (BAKERY, "who is on fire this week", "baker", "desc"),
    (SAAS, "who's leading the pack in seats this year", "rep", "desc"),
    (BAKERY, "who's lagging behind this month", "baker", "asc"),
])
def test_idioms_of_doing_well_rank_the_people(model, text, group_by, order):
    got = understood(model, text)
    assert (got["intent"], got["group_by"], got["order"], got["limit"]) == ("rank", group_by, order, 1)


def test_idioms_of_doing_well_without_people_are_asked_back():
    assert "route or deck" in asked_back(FERRY, "who's crushing it this month")


@pytest.mark.parametrize(("model", "text", "measure", "group_by"), [
    (SAAS, "seats over the last 3 months by rep", "seats", "rep"),
    (FERRY, "passengers across the past 6 months by route", "passengers", "route"),
])
def test_a_span_split_by_a_dimension_is_a_breakdown(model, text, measure, group_by):
    got = understood(model, text)
    assert (got["intent"], got["measure"], got["group_by"]) == ("breakdown", measure, group_by)
    assert got["time"]["start"] < "2026-03-01" and got["time"]["end"] == "2026-04-30"


def test_a_grain_beside_a_dimension_is_still_asked_back():
    assert "trend over time, or a split by rep" in asked_back(SAAS, "monthly seats by rep")


@pytest.mark.parametrize(("model", "text", "named"), [
    (SAAS, "can will turner beat may chen this quarter", ["May Chen", "Will Turner"]),
    (FERRY, "could islay overtake mull in passengers this year", ["Islay", "Mull"]),
])
def test_a_contest_to_come_between_two_members_is_the_forecast_clarify(model, text, named):
    question = asked_back(model, text)
    assert "can't tell what will happen" in question
    assert sorted(n for n in named if n in question) == named


def test_a_contest_that_happened_is_still_answered():
    got = understood(SAAS, "did will turner beat may chen last quarter")
    assert got["intent"] == "breakdown" and members(got) == {"rep": ["May Chen", "Will Turner"]}


@pytest.mark.parametrize(("model", "text", "offered"), [
    (SAAS, "last 10 business days", "last 14 days"),
    (FERRY, "fares over the past 5 working days", "last 7 days"),
])
def test_business_days_are_asked_back_offering_calendar_days(model, text, offered):
    question = asked_back(model, text)
    assert "business days" in question and offered in question and "split" not in question
