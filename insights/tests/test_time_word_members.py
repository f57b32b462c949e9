"""Members named like time words, and time ranges (held-out classes of a telecom seller, a restaurant group
and a running-shoe shop).

A one-word member that is a grain word ("Monthly", "Annual" contracts) is the member where a member sits
("for annual contracts", "on monthly", "annual and multi-year") and the grain elsewhere ("monthly bookings");
a range with a comparison said ("from jan to sep vs same period last year") is the period compared, not its
two ends against each other; "break 2025 down by quarter" is a breakdown by the grain over the period said;
"the most … ever … in a month" ranks months. Made-up companies shaped like none of the eval sets.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

GYM = company(  # memberships named like grains; one coach named like a month
    version="gym-1", columns=("bookings", "visits"),
    dimensions={"plan": ("Weekly", "Monthly", "Annual", "Day Pass"), "coach": ("May", "Otto"),
                "club": ("Harbour", "Uptown")},
    first_date=date(2023, 1, 1), last_date=date(2026, 6, 30),
)
BAKERY = company(
    version="bakery-1", columns=("revenue", "loaves"), dimensions={"shop": ("Castle", "Quay")},
    first_date=date(2023, 3, 1), last_date=date(2026, 6, 14),
)
AS_OF = date(2026, 7, 9)
ALL_GYM = {"start": "2023-01-01", "end": "2026-06-30"}
ALL_BAKERY = {"start": "2023-03-01", "end": "2026-06-14"}


def understood(text: str, model: SemanticModel, *, context: Any = None) -> tuple[dict[str, Any], Any]:
    got = parse(text, model=model, as_of=AS_OF, context=context).understanding
    out = got.as_json()
    if out.get("time"):
        out["time"] = {k: out["time"][k] for k in ("start", "end")}
    out["constraints"] = {k: list(v) for k, v in got.constraints.items()}
    return out, got


def check(text: str, model: SemanticModel, want: dict[str, Any], *, context: Any = None) -> Any:
    got, understanding = understood(text, model, context=context)
    wrong = {k: got.get(k) for k, v in want.items() if got.get(k) != v}
    assert not wrong, f"{text!r}: got {wrong}, want {({k: want[k] for k in wrong})}"
    return understanding


AS_MEMBER = [
    ("monthly bookings for annual plans, last 6 months", {
        "intent": "trend", "measure": "bookings", "constraints": {"plan": ["Annual"]},
        "time": {"start": "2026-01-01", "end": "2026-06-30"}}),
    ("avg daily visits on monthly plans last month", {
        "intent": "value", "measure": "visits", "per": "day", "constraints": {"plan": ["Monthly"]},
        "time": {"start": "2026-06-01", "end": "2026-06-30"}}),
    ("which year did weekly plans bring in the most bookings?", {
        "intent": "rank", "group_by": "year", "limit": 1, "constraints": {"plan": ["Weekly"]}, "time": ALL_GYM}),
    ("visits on annual last month", {"intent": "value", "constraints": {"plan": ["Annual"]}}),
    ("bookings for monthly and annual plans last month", {"constraints": {"plan": ["Monthly", "Annual"]}}),
]


@pytest.mark.parametrize(("text", "want"), AS_MEMBER, ids=[t for t, _ in AS_MEMBER])
def test_a_grain_word_where_a_member_sits_is_the_member(text, want):
    check(text, GYM, want)


AS_GRAIN = [
    ("monthly bookings, last 6 months", "month"),
    ("weekly visits at harbour in q1 2026", "week"),
    ("for monthly bookings, last 6 months", "month"),  # a figure after it: the grain
]


@pytest.mark.parametrize(("text", "grain"), AS_GRAIN, ids=[t for t, _ in AS_GRAIN])
def test_a_grain_word_elsewhere_stays_the_grain(text, grain):
    got = parse(text, model=GYM, as_of=AS_OF).understanding
    assert (got.intent, got.time.grain, "plan" in got.constraints) == ("trend", grain, False)


def test_a_follow_up_keeps_the_series_with_the_other_plan():
    first = check("monthly bookings for annual plans, last 6 months", GYM, {"intent": "trend"})
    check("and day pass?", GYM, {"intent": "trend", "constraints": {"plan": ["Day Pass"]},
                                 "time": {"start": "2026-01-01", "end": "2026-06-30"}}, context=first)


def test_a_range_compared_to_the_same_period_last_year_is_the_whole_range():
    first = check("visits from jan to may vs same period last yr?", GYM, {
        "intent": "compare", "time": {"start": "2026-01-01", "end": "2026-05-31"},
        "compare_to": {"start": "2025-01-01", "end": "2025-05-31"}})
    check("why?", GYM, {"intent": "drivers", "time": {"start": "2026-01-01", "end": "2026-05-31"},
                        "compare_to": {"start": "2025-01-01", "end": "2025-05-31"}}, context=first)


def test_a_change_between_two_periods_still_compares_the_ends():
    check("how did visits change between q1 and q2?", GYM, {
        "intent": "compare", "time": {"start": "2026-04-01", "end": "2026-06-30"},
        "compare_to": {"start": "2026-01-01", "end": "2026-03-31"}})


def test_a_period_broken_down_by_a_grain_is_a_breakdown_over_that_period():
    check("break 2025 down by qtr", BAKERY, {"intent": "breakdown", "group_by": "quarter",
                                            "time": {"start": "2025-01-01", "end": "2025-12-31"}})


def test_a_grain_said_with_a_period_and_no_split_word_stays_a_trend():
    check("loaves by quarter in 2025", BAKERY, {"intent": "trend", "group_by": None})


RANKED_PERIODS = [
    ("whats the most loaves castle has ever done in a month",
     {"intent": "rank", "group_by": "month", "order": "desc", "limit": 1, "time": ALL_BAKERY,
      "constraints": {"shop": ["Castle"]}}),
    ("most revenue in a single week", {"intent": "rank", "group_by": "week", "limit": 1, "time": ALL_BAKERY}),
    ("what's the fewest loaves quay sold in a day this year",
     {"intent": "rank", "group_by": "day", "order": "asc", "limit": 1,
      "time": {"start": "2026-01-01", "end": "2026-07-09"}}),
]


@pytest.mark.parametrize(("text", "want"), RANKED_PERIODS, ids=[t for t, _ in RANKED_PERIODS])
def test_the_most_in_a_period_ranks_those_periods(text, want):
    check(text, BAKERY, want)
