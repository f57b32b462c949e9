"""Pace to a target (contract v2), in the words people type: distance to a target ("how far r we from 2.5k kegs"),
what is left to do, a verb of reaching just before the figure, the period a target is for ("for the yr", "by eoq"),
a to-date period inherited by a pace follow-up, and a ratio target in % ("a 60% margin rate")."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.types import Understanding

BREWERY = company(version="pace-brewery-1", columns=("revenue", "cost", "kegs", "new_customers"),
                  dimensions={"state": ("Maine", "Vermont"), "beer": ("Pale Ale", "Porter")},
                  first_date=date(2023, 1, 2), last_date=date(2025, 12, 14))
AS_OF = date(2025, 12, 15)
YEAR = {"start": "2025-01-01", "end": "2025-12-31", "grain": "year"}
QUARTER = {"start": "2025-10-01", "end": "2025-12-31", "grain": "quarter"}
MONTH = {"start": "2025-12-01", "end": "2025-12-31", "grain": "month"}


def _ask(*turns: str) -> dict[str, Any]:
    previous: Understanding | None = None
    for text in turns:
        previous = parse(text, model=BREWERY, as_of=AS_OF, context=previous).understanding
    assert previous is not None
    return previous.as_json()


def _check(got: dict[str, Any], want: dict[str, Any]) -> None:
    wrong = {k: got.get(k) for k, v in want.items() if got.get(k) != v}
    assert not wrong, f"got {wrong}, want {({k: want[k] for k in wrong})}"


DISTANCE = [
    ("how far r we from 2.5k new customers this qtr", "new_customers", 2500.0, QUARTER),
    ("how close r we to 12k kegs this qtr", "kegs", 12000.0, QUARTER),
    ("how far away r u from 3m", "revenue", 3e6, YEAR),
    ("how near are we to 40k kegs this year", "kegs", 40000.0, YEAR),
    ("how far are we still from $3.5M?", "revenue", 3.5e6, YEAR),
    ("how far off are we from 30k kegs this qtr", "kegs", 30000.0, QUARTER),
]


@pytest.mark.parametrize(("text", "measure", "target", "time"), DISTANCE, ids=[t for t, *_ in DISTANCE])
def test_distance_to_a_target_is_a_pace_over_the_whole_period(text, measure, target, time):
    _check(_ask(text), {"intent": "pace", "measure": measure, "target": target, "time": time, "filters": {}})


def test_distance_of_a_member_to_a_target_keeps_the_member_and_the_whole_period():
    # "from" before the figure is the target's, not "from this quarter" (up to today)
    got = _ask("how far is Vermont from 2m this quarter")
    _check(got, {"intent": "pace", "target": 2e6, "time": QUARTER,
                 "subject": {"dimension": "state", "value": "Vermont"}})


IDIOMS = [
    ("how much more do we need to hit 10m this year", YEAR),
    ("what's left to reach 10m this yr", YEAR),
    ("how much to go till 10m", YEAR),
    ("gap to 10m this yr?", YEAR),
    ("our 10m target this yr - where r we?", YEAR),
    ("what % of our 10m target have we hit", YEAR),
    ("any chance we hit 10m this yr?", YEAR),
    ("hitting 10m this yr - realistic?", YEAR),
    ("is 10m doable this yr?", YEAR),
    ("will we make it to 10m", YEAR),
    ("r we behind 10m?", YEAR),
    ("how r we tracking vs 10m this qtr", QUARTER),
    ("are we trending toward 10m this month", MONTH),
    ("did we hit 10m last year?", {"start": "2024-01-01", "end": "2024-12-31", "grain": "year"}),
]


@pytest.mark.parametrize(("text", "time"), IDIOMS, ids=[t for t, _ in IDIOMS])
def test_other_ways_of_asking_the_pace_to_a_figure(text, time):
    _check(_ask(text), {"intent": "pace", "measure": "revenue", "target": 1e7, "time": time})


NOT_PACE = [
    ("top 100 beers by revenue", "rank"),  # a number after "top" is a limit, not a target
    ("How is year-to-date revenue tracking against the same period last year?", "compare"),
    ("how far is Vermont from Maine last month", "breakdown"),  # two members, no target: their gap
    ("how much revenue did we make last month", "value"),
]


@pytest.mark.parametrize(("text", "intent"), NOT_PACE, ids=[t for t, _ in NOT_PACE])
def test_without_a_target_these_words_ask_for_no_pace(text, intent):
    _check(_ask(text), {"intent": intent, "target": None})


PERIODS = [
    ("are we on track to hit 10m for the yr?", YEAR),
    ("are we on track to hit 3m for the qtr?", QUARTER),
    ("on track for 3m by eoq?", QUARTER),
    ("on track for 10m by eoy?", YEAR),
    ("will we hit 1m over the whole month", MONTH),
]


@pytest.mark.parametrize(("text", "time"), PERIODS, ids=[t for t, _ in PERIODS])
def test_the_period_a_target_is_for_is_the_current_one_whole(text, time):
    _check(_ask(text), {"intent": "pace", "time": time})


FOLLOW_UPS = [
    (("ytd rev?", "are we on track to hit 10m for the yr?"), YEAR),
    (("ytd rev?", "are we on track to hit 10m?"), YEAR),
    (("qtd rev", "on track for 3m?"), QUARTER),
    (("are we on track to hit 10m this yr?", "and for the quarter?"), QUARTER),
    (("are we on track to hit 10m this yr?", "and last year?"),
     {"start": "2024-01-01", "end": "2024-12-31", "grain": "year"}),
]


@pytest.mark.parametrize(("turns", "time"), FOLLOW_UPS, ids=[" / ".join(t) for t, _ in FOLLOW_UPS])
def test_a_pace_follow_up_covers_the_whole_target_period(turns, time):
    _check(_ask(*turns), {"intent": "pace", "time": time})


def test_a_ratio_target_in_percent_after_a_pace():
    got = _ask("are we on track to hit $25M in rev this yr?", "what about a 60% margin rate?")
    _check(got, {"intent": "pace", "measure": "margin_pct", "target": 60.0, "time": YEAR})


def test_a_rate_that_ends_in_a_measure_word_is_that_measure_and_an_unknown_rate_is_still_asked_about():
    assert _ask("60% margin rate in 2024")["measure"] == "margin_pct"
    assert _ask("cancellation rate last month")["intent"] == "clarify"


@pytest.mark.parametrize("text", ["will we hit 5.5M this yr at this pace?", "at that rate will we make 5m this year"])
def test_at_this_pace_points_at_no_earlier_answer(text):
    got = parse(text, model=BREWERY, as_of=AS_OF).understanding.as_json()
    assert got["intent"] == "pace"
