"""Rankings by a fall (contract v2, "order_by"): "which 2 categories had the biggest gmv drop", "top 3 regions
by decline" rank members by their change against the comparison period, ascending (the biggest drop is the
most negative change), with the number said as the limit, even where the measure is said inside the words of
the fall ("the biggest gmv drop"). "Why did it drop" and "which regions drove the drop" stay drivers.

The companies are shaped like none of the eval sets: a second-hand marketplace measured in GMV, and a chain of
climbing gyms measured in entries and passes sold."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 3, 10)
MARKET = company(version="market-r1", columns={"gmv": "GMV", "listings": "listings"}, dimensions={
    "category": ("Furniture", "Vinyl", "Bikes", "Prams"), "city": ("Leeds", "Cork", "Turin"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
GYMS = company(version="gyms-r1", columns=("entries", "passes"), dimensions={
    "region": ("Highlands", "Lowlands", "Coast"), "wall": ("Boulder", "Lead", "Speed"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
FEB = {"start": "2026-02-01", "end": "2026-02-28"}
JAN = {"start": "2026-01-01", "end": "2026-01-31"}


def read(model: SemanticModel, text: str) -> dict:
    return parse(text, model=model, as_of=AS_OF).understanding.as_json()


def span(period: dict | None) -> dict | None:
    return {k: period[k] for k in ("start", "end")} if period else None


@pytest.mark.parametrize(("model", "text", "measure", "group_by", "limit", "time", "compare_to"), [
    (MARKET, "which 2 categories had the biggest gmv drop", "gmv", "category", 2, FEB, JAN),
    (MARKET, "which 3 cities saw the largest listings decline last month", "listings", "city", 3, FEB, JAN),
    (MARKET, "top 2 categories by decline in q4 2025", "gmv", "category", 2,
     {"start": "2025-10-01", "end": "2025-12-31"}, {"start": "2025-07-01", "end": "2025-09-30"}),
    (GYMS, "top 3 regions by decline vs last qtr", "entries", "region", 3, FEB,
     {"start": "2025-10-01", "end": "2025-12-31"}),
    (GYMS, "which 2 walls had the steepest passes fall in 2025", "passes", "wall", 2,
     {"start": "2025-01-01", "end": "2025-12-31"}, {"start": "2024-01-01", "end": "2024-12-31"}),
    (GYMS, "rank regions by drop in entries last month", "entries", "region", None, FEB, JAN),
])
def test_a_ranking_by_a_fall_ranks_the_change_ascending(model, text, measure, group_by, limit, time, compare_to):
    got = read(model, text)
    assert (got["intent"], got["order_by"], got["order"]) == ("rank", "change", "asc"), got
    assert (got["measure"], got["group_by"], got["limit"]) == (measure, group_by, limit)
    assert span(got["time"]) == time and span(got["compare_to"]) == compare_to


@pytest.mark.parametrize(("model", "text", "group_by", "limit"), [
    (MARKET, "which 2 categories had the biggest gmv growth", "category", 2),
    (GYMS, "top 3 walls by growth last month", "wall", 3),
])
def test_a_ranking_by_a_rise_ranks_the_change_descending(model, text, group_by, limit):
    got = read(model, text)
    assert (got["intent"], got["order_by"], got["order"]) == ("rank", "change", "desc")
    assert (got["group_by"], got["limit"]) == (group_by, limit)


@pytest.mark.parametrize(("model", "text", "group_by"), [
    (MARKET, "why did gmv drop last month", None),
    (MARKET, "which cities drove the drop in gmv last month", "city"),
    (GYMS, "what caused the fall in entries last month", None),
])
def test_the_causes_of_a_fall_stay_drivers(model, text, group_by):
    got = read(model, text)
    assert got["intent"] == "drivers" and got["order_by"] is None and got["group_by"] == group_by


def test_a_ranking_by_the_value_stays_one():
    got = read(GYMS, "top 3 regions by entries last month")
    assert (got["intent"], got["order_by"], got["order"], got["limit"]) == ("rank", None, "desc", 3)


@pytest.mark.parametrize("text", ["are entries on the decline?", "did passes fall last month"])
def test_a_fall_asked_about_the_whole_business_ranks_nothing(text):
    got = read(GYMS, text)
    assert got["intent"] not in ("rank", "clarify") and got["order_by"] is None and got["group_by"] is None


@pytest.mark.parametrize(("model", "text", "grain", "order"), [
    (MARKET, "which month had the biggest gmv drop", "month", "asc"),
    (GYMS, "which week had the biggest growth in entries this year", "week", "desc"),
])
def test_periods_ranked_by_a_change_are_asked_back_with_rankings_there_are(model, text, grain, order):
    parsed = parse(text, model=model, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify"
    # every suggestion reads back as a ranking the contract makes: periods by their figure, members by change
    readings = [read(model, s) for s in parsed.suggestions]
    assert (readings[0]["intent"], readings[0]["group_by"], readings[0]["order"], readings[0]["order_by"]) == (
        "rank", grain, order, None)
    assert all((r["intent"], r["order"], r["order_by"]) == ("rank", order, "change") for r in readings[1:])
    assert {r["group_by"] for r in readings[1:]} == set(model.dimensions)
