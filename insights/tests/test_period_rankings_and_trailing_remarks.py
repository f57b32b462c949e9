"""Rankings of periods, follow-ups saying a ranking of their own, and remarks after a question (contract v2: "rank").

"our peak week", "record month", "busiest day on record": an order word before a grain ranks the periods of that
grain, best (or worst) first, one row; "ever", "on record" and "of all time" are the whole of the data. The order
word is the cue even where it is a word of a member's name ("Peak Hour", "Record Lot"), never that member by part.
After a growth ranking, a follow-up saying its own ranking ("and which depot was biggest in q4?", "top depot last
month?") ranks by the figure itself, with nothing compared; "and in q4?", "top 2?" and "and the worst?" only reshape
the growth ranking. A remark after the question ("feels quiet out there", "been a weird month", "no rush") is
framing: its "there" points at no earlier answer and its words ask for nothing.

The companies are shaped like none of the eval sets: a car park operator whose rates are named like order words, a
courier with depots, and a theatre group with venues and shows.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from metrics.semantic import SemanticModel

AS_OF = date(2026, 3, 10)
CAR_PARKS = company(version="carparks-r1", columns=("parked_cars", "parking_fees"), dimensions={
    "rate": ("Peak Hour", "Record Lot", "Early Bird"), "garage": ("Elm Street", "Harbour Point"),
}, first_date=date(2023, 5, 1), last_date=date(2026, 2, 28))
COURIER = company(version="courier-r1", columns=("parcels", "delivery_fees"), dimensions={
    "depot": ("Northgate", "Riverside", "Kingsmead"), "service": ("Same Day", "Economy"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
THEATRE = company(version="theatre-r1", columns=("tickets", "box_office"), dimensions={
    "venue": ("The Lyric", "Old Vic Hall", "Riverside Stage"), "show": ("Hamlet", "Cats"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
ALL_DATA = {"start": "2023-05-01", "end": "2026-02-28"}
FEB = {"start": "2026-02-01", "end": "2026-02-28"}
JAN = {"start": "2026-01-01", "end": "2026-01-31"}
Q4 = {"start": "2025-10-01", "end": "2025-12-31"}


def read(model: SemanticModel, text: str, *, after: Understanding | None = None) -> dict:
    got = parse(text, model=model, as_of=AS_OF, context=after)
    assert got.understanding is not None and got.understanding.intent != "clarify", got.clarification
    return got.understanding.as_json()


def span(period: dict | None) -> dict | None:
    return None if period is None else {"start": period["start"], "end": period["end"]}


@pytest.mark.parametrize(("text", "measure", "grain", "order"), [
    ("what was our peak week for parked cars ever?", "parked_cars", "week", "desc"),
    ("peak month for parking fees of all time?", "parking_fees", "month", "desc"),
    ("record quarter on record for parked cars", "parked_cars", "quarter", "desc"),
    ("busiest day on record for parked cars", "parked_cars", "day", "desc"),
    ("slowest year ever for parking fees?", "parking_fees", "year", "asc"),
])
def test_an_order_word_before_a_grain_ranks_its_periods_over_all_the_data(text, measure, grain, order):
    got = read(CAR_PARKS, text)
    assert (got["intent"], got["measure"], got["group_by"], got["order"], got["limit"]) == (
        "rank", measure, grain, order, 1), got
    assert span(got["time"]) == ALL_DATA and got["filters"] == {} and got["subject"] is None, got


def test_the_worst_after_a_peak_period_ranks_the_same_periods_from_the_bottom():
    peak = parse("what was our peak week for parked cars ever?", model=CAR_PARKS, as_of=AS_OF).understanding
    got = read(CAR_PARKS, "and the worst?", after=peak)
    assert (got["intent"], got["measure"], got["group_by"], got["order"], got["limit"]) == (
        "rank", "parked_cars", "week", "asc", 1), got
    assert span(got["time"]) == ALL_DATA, got


def test_a_members_name_said_whole_is_still_that_member():
    got = read(CAR_PARKS, "peak hour parked cars last month")
    assert got["subject"] == {"dimension": "rate", "value": "Peak Hour"} and span(got["time"]) == FEB, got


GROWTH = "fastest growing depot for parcels this yr vs last?"


@pytest.mark.parametrize(("text", "time"), [
    ("and which depot was biggest in q4?", Q4),
    ("top depot last month?", FEB),
    ("and who was best in january?", JAN),
])
def test_a_follow_up_saying_its_own_ranking_ranks_by_the_figure(text, time):
    growth = parse(GROWTH, model=COURIER, as_of=AS_OF).understanding
    assert growth.order_by == "change_pct"
    got = read(COURIER, text, after=growth)
    assert (got["intent"], got["measure"], got["group_by"], got["order"], got["limit"]) == (
        "rank", "parcels", "depot", "desc", 1), got
    assert got["order_by"] is None and got["compare_to"] is None and span(got["time"]) == time, got


@pytest.mark.parametrize(("text", "order", "limit", "time", "compared"), [
    ("and in q4?", "desc", 1, Q4, {"start": "2024-10-01", "end": "2024-12-31"}),
    ("top 2?", "desc", 2, {"start": "2026-01-01", "end": "2026-03-10"}, {"start": "2025-01-01", "end": "2025-03-10"}),
    ("and the worst?", "asc", 1, {"start": "2026-01-01", "end": "2026-03-10"},
     {"start": "2025-01-01", "end": "2025-03-10"}),
])
def test_a_follow_up_reshaping_a_growth_ranking_keeps_its_growth(text, order, limit, time, compared):
    growth = parse(GROWTH, model=COURIER, as_of=AS_OF).understanding
    got = read(COURIER, text, after=growth)
    assert (got["intent"], got["group_by"], got["order"], got["limit"], got["order_by"]) == (
        "rank", "depot", order, limit, "change_pct"), got
    assert span(got["time"]) == time and got["compare_to"] == compared, got


@pytest.mark.parametrize("remark", ["feels quiet out there", "been a weird month", "no rush",
                                    "it's been a slow week"])
def test_a_remark_after_the_question_is_framing(remark):
    got = read(THEATRE, f"which venue fell the most in box office last month? {remark}")
    assert (got["intent"], got["measure"], got["group_by"], got["order"], got["limit"], got["order_by"]) == (
        "rank", "box_office", "venue", "asc", 1, "change"), got
    assert span(got["time"]) == FEB and span(got["compare_to"]) == JAN and got["filters"] == {}, got
    assert remark.split()[-1] in got["ignored"], got


def test_there_in_a_remark_keeps_no_member_of_the_answer_before():
    lyric = parse("box office at the lyric last month", model=THEATRE, as_of=AS_OF).understanding
    got = read(THEATRE, "which venue fell the most last month? feels quiet out there", after=lyric)
    assert (got["intent"], got["group_by"], got["order_by"]) == ("rank", "venue", "change"), got
    assert got["filters"] == {} and got["subject"] is None, got


def test_a_remark_naming_a_member_is_read():
    got = read(THEATRE, "tickets last month? seems low at the lyric")
    assert got["subject"] == {"dimension": "venue", "value": "The Lyric"} and got["measure"] == "tickets", got
