"""A superlative of activity before a grain word, however short the grain is written ("slowest wk", "quietest
mo", "busiest qtr", "best yr"), ranks the periods of that grain within the period said: the slow and quiet ones
first (asc), the busy and best ones first (desc), one row unless a number or a plural says more.

The companies are shaped like none of the eval sets: a ski school and a chain of launderettes."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2026, 3, 18)
SKI = company(version="ski-p1", columns=("lessons", "lift_passes"), dimensions={
    "resort": ("Alpbach", "Verbier", "Tignes"), "level": ("Beginner", "Expert"),
}, first_date=date(2023, 11, 1), last_date=date(2026, 3, 15))
LAUNDRY = company(version="laundry-p1", columns=("loads", "takings"), dimensions={
    "site": ("Canal Street", "Hilltop", "Riverside"), "machine": ("Washer", "Dryer"),
}, first_date=date(2024, 2, 1), last_date=date(2026, 3, 15))
THIS_YEAR = {"start": "2026-01-01", "end": "2026-03-18", "grain": None}
YEAR_2025 = {"start": "2025-01-01", "end": "2025-12-31", "grain": "year"}


def understood(model, text: str) -> dict:
    return parse(text, model=model, as_of=AS_OF).understanding.as_json()


@pytest.mark.parametrize(("model", "text", "measure", "grain", "order", "limit", "time"), [
    (SKI, "slowest wk this yr for lessons?", "lessons", "week", "asc", 1, THIS_YEAR),
    (SKI, "quietest mo of 2025 for lift passes", "lift_passes", "month", "asc", 1, YEAR_2025),
    (SKI, "busiest wk of 2025 by lessons", "lessons", "week", "desc", 1, YEAR_2025),
    (LAUNDRY, "busiest 3 wks this yr by takings", "takings", "week", "desc", 3, THIS_YEAR),
    (LAUNDRY, "worst mo in 2025 for loads?", "loads", "month", "asc", 1, YEAR_2025),
    (LAUNDRY, "best qtr this yr for takings", "takings", "quarter", "desc", 1, THIS_YEAR),
    (LAUNDRY, "slowest day this year for loads", "loads", "day", "asc", 1, THIS_YEAR),
    (LAUNDRY, "which were our quietest months for loads in 2025", "loads", "month", "asc", None, YEAR_2025),
])
def test_a_superlative_before_a_grain_ranks_those_periods(model, text, measure, grain, order, limit, time):
    got = understood(model, text)
    assert (got["intent"], got["measure"], got["group_by"], got["order"], got["limit"]) == (
        "rank", measure, grain, order, limit)
    assert got["time"] == time
    assert got["ignored"] == []  # "wk", "mo", "qtr" placed the grain: nothing of it is left out


def test_busiest_ever_ranks_all_of_the_data():
    got = understood(SKI, "busiest qtr ever for lessons")
    assert (got["group_by"], got["order"], got["limit"]) == ("quarter", "desc", 1)
    assert got["time"] == {"start": "2023-11-01", "end": "2026-03-15", "grain": None}


@pytest.mark.parametrize(("model", "text", "dimension", "order"), [
    (SKI, "slowest resort by lessons last month", "resort", "asc"),
    (LAUNDRY, "busiest site by loads last month", "site", "desc"),
    (LAUNDRY, "quietest machine by takings in 2025", "machine", "asc"),
])
def test_the_same_superlatives_rank_a_dimension_named_after_them(model, text, dimension, order):
    got = understood(model, text)
    assert (got["intent"], got["group_by"], got["order"], got["limit"]) == ("rank", dimension, order, 1)


@pytest.mark.parametrize(("model", "text", "intent"), [
    (SKI, "weekly lessons this yr", "trend"),
    (LAUNDRY, "loads per wk this yr", "value"),
    (LAUNDRY, "takings by wk in 2025", "trend"),
])
def test_a_grain_without_a_superlative_ranks_nothing(model, text, intent):
    assert understood(model, text)["intent"] == intent


def test_slowest_growing_is_still_a_growth_ranking():
    got = understood(LAUNDRY, "slowest growing site by loads this yr")
    assert (got["intent"], got["group_by"], got["order_by"]) == ("rank", "site", "change_pct")
