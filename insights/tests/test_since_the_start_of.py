""""Since the start of the year", "from the beginning of march": that period from its start up to the as-of date
(as "so far this year" and "since march" are), never a question back about an unplaceable "start of". "At the
start of the year" and "since the start of the year before" still ask back (the first names no dates, the
second is not this year), and so does a season ("this season" names no dates; never last month's figure).

The companies are shaped like none of the eval sets: a ski school and a print shop."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

SKI = company(version="ski-st1", columns=("lessons", "lift_passes"), dimensions={
    "resort": ("Aspen Ridge", "Snowmass"), "level": ("Beginner", "Expert"),
}, first_date=date(2023, 11, 1), last_date=date(2026, 4, 30))
PRINT = company(version="print-st1", columns=("revenue", "orders"), dimensions={
    "product": ("Flyers", "Banners"), "shop": ("Dock Street", "Hill Road"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 9, 30))


def understood(text: str, *, model, as_of: date) -> dict:
    return parse(text, model=model, as_of=as_of).understanding.as_json()


@pytest.mark.parametrize(("model", "text", "as_of", "start"), [
    (SKI, "lessons since the start of the year", date(2026, 3, 10), "2026-01-01"),
    (SKI, "lift passes since the start of the season", date(2026, 3, 10), None),
    (SKI, "lessons this season", date(2026, 3, 10), None),
    (SKI, "lessons since the very beginning of this quarter", date(2026, 3, 10), "2026-01-01"),
    (SKI, "how many lessons since the beginning of february", date(2026, 3, 10), "2026-02-01"),
    (PRINT, "revenue since the start of the month", date(2026, 9, 18), "2026-09-01"),
    (PRINT, "orders from the start of the week", date(2026, 9, 18), "2026-09-14"),
    (PRINT, "revenue since the beginning of 2025", date(2026, 9, 18), "2025-01-01"),
    (PRINT, "banners revenue since the start of july", date(2026, 9, 18), "2026-07-01"),
])
def test_since_the_start_of_a_period_runs_from_its_start_to_the_as_of_date(model, text, as_of, start):
    got = understood(text, model=model, as_of=as_of)
    if start is None:  # a season is no period the engine can place: asked back, never last month's figure
        assert got["intent"] == "clarify"
        return
    assert got["intent"] == "value"
    assert (got["time"]["start"], got["time"]["end"]) == (start, as_of.isoformat())


@pytest.mark.parametrize("text", ["revenue at the start of the year", "revenue since the start of the year before",
                                  "revenue since the summer", "orders since the spring",
                                  "orders at the beginning of march"])
def test_a_start_said_without_since_or_of_another_year_is_asked_back(text):
    assert understood(text, model=PRINT, as_of=date(2026, 9, 18))["intent"] == "clarify"


def test_a_member_keeps_its_filter_beside_the_period():
    got = understood("banners revenue since the start of the year at dock street", model=PRINT,
                     as_of=date(2026, 9, 18))
    assert got["time"]["start"] == "2026-01-01"
    assert (got["subject"], got["filters"]) == ({"dimension": "product", "value": "Banners"},
                                                {"shop": ["Dock Street"]})
