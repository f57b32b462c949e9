"""Time phrases that were answered for a neighbouring period: "from <period>" with no end, a follow-up's "the
quarter before", sub-day spans, "thru june" with no start, and a grain adjective before a change word."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation, span
from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2025, 10, 31)
MODEL = company(version="time-v1", columns=("revenue", "orders", "mrr"), dimensions={"region": ("East", "West")},
                first_date=date(2023, 1, 1), last_date=date(2025, 10, 31))


def _time(*turns: str) -> dict[str, str] | None:
    return span(conversation(*turns, model=MODEL, as_of=AS_OF)["time"])


@pytest.mark.parametrize(("text", "start", "end"), [
    ("revenue from last month", "2025-09-01", "2025-09-30"),
    ("revenue from Q2", "2025-04-01", "2025-06-30"),
    ("revenue from 2024", "2024-01-01", "2024-12-31"),
    ("orders from june", "2025-06-01", "2025-06-30"),
    ("rev from last qtr?", "2025-07-01", "2025-09-30"),
    ("revenue for last month", "2025-09-01", "2025-09-30"),
    ("revenue in last month", "2025-09-01", "2025-09-30"),
    ("revenue during q2", "2025-04-01", "2025-06-30"),
    ("revenue over last month", "2025-09-01", "2025-09-30"),
    # a range or "since" keeps its end at the named period or A
    ("revenue from june to august", "2025-06-01", "2025-08-31"),
    ("revenue from june until august", "2025-06-01", "2025-08-31"),
    ("revenue from q1 thru q2", "2025-01-01", "2025-06-30"),
    ("revenue since last month", "2025-09-01", "2025-10-31"),
    ("revenue since june", "2025-06-01", "2025-10-31"),
    ("revenue from june onwards", "2025-06-01", "2025-10-31"),
    ("revenue from the start of q2", "2025-04-01", "2025-10-31"),
    ("revenue from march to date", "2025-03-01", "2025-10-31"),
])
def test_from_a_period_with_no_end_is_that_period(text: str, start: str, end: str) -> None:
    assert _time(text) == {"start": start, "end": end}


@pytest.mark.parametrize(("turns", "start", "end"), [
    (("revenue last quarter", "and the quarter before"), "2025-04-01", "2025-06-30"),
    (("rev last qtr", "n the qtr before?"), "2025-04-01", "2025-06-30"),
    (("revenue last month", "the month prior"), "2025-08-01", "2025-08-31"),
    (("revenue last month", "wat about the mth before that"), "2025-08-01", "2025-08-31"),
    (("revenue in june", "the previous month"), "2025-05-01", "2025-05-31"),
    (("revenue last month", "a year earlier"), "2024-09-01", "2024-09-30"),
    (("revenue in q2", "and the quarter after?"), "2025-07-01", "2025-09-30"),
    (("revenue in q3", "the month before"), "2025-06-01", "2025-06-30"),
    (("orders in 2024", "the year before?"), "2023-01-01", "2023-12-31"),
])
def test_a_follow_up_moves_the_previous_answers_period(turns: tuple[str, ...], start: str, end: str) -> None:
    assert _time(*turns) == {"start": start, "end": end}


@pytest.mark.parametrize("text", ["the month before", "and the quarter before?", "a year earlier?",
                                  "revenue the month prior"])
def test_a_moved_period_with_no_answer_before_is_asked_back(text: str) -> None:
    got = parse(text, model=MODEL, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert "no earlier answer" in (got.clarification or "")


@pytest.mark.parametrize(("text", "kind"), [
    ("revenue last quarter vs the quarter before", "compare"),
    ("revenue last month compared to a year earlier", "compare"),
    ("revenue the previous month", "value"),
])
def test_a_period_the_text_names_itself_is_kept(text: str, kind: str) -> None:
    got = conversation(text, model=MODEL, as_of=AS_OF)
    assert got["intent"] == kind
    assert span(got["time"]) == {"start": "2025-09-01" if "month" in text else "2025-07-01",
                                 "end": "2025-09-30"}


@pytest.mark.parametrize("text", ["revenue in the last 1h", "revenue last 30 minutes", "revenue this morning",
                                  "revenue past 2 hours", "rev in the past 45 mins", "orders last 2hrs",
                                  "revenue over the last 24 hrs", "revenue per hour"])
def test_a_sub_day_period_is_asked_back_saying_the_data_is_daily(text: str) -> None:
    got = parse(text, model=MODEL, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert "daily totals" in (got.clarification or "")


@pytest.mark.parametrize("text", ["can i steal 2 mins - revenue last month?", "got 5 minutes? revenue last month",
                                  "quick one (30 secs): revenue last month", "revenue last month, need it in 10 mins"])
def test_a_length_of_time_said_aside_is_no_period(text: str) -> None:
    got = conversation(text, model=MODEL, as_of=AS_OF)
    assert got["intent"] == "value"
    assert span(got["time"]) == {"start": "2025-09-01", "end": "2025-09-30"}


@pytest.mark.parametrize("text", ["revenue thru june", "revenue up to june", "revenue until june",
                                  "revenue through june", "revenue till june"])
def test_an_end_with_no_start_offers_both_readings(text: str) -> None:
    got = parse(text, model=MODEL, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert got.suggestions == ("revenue June 2025", "revenue from January 2025 to the end of June 2025")


@pytest.mark.parametrize(("text", "time", "before"), [
    ("quarterly growth rate of revenue", ("2025-07-01", "2025-09-30"), ("2025-04-01", "2025-06-30")),
    ("quarterly revenue growth", ("2025-07-01", "2025-09-30"), ("2025-04-01", "2025-06-30")),
    ("quarterly increase in revenue", ("2025-07-01", "2025-09-30"), ("2025-04-01", "2025-06-30")),
    ("monthly change in revenue", ("2025-09-01", "2025-09-30"), ("2025-08-01", "2025-08-31")),
    ("weekly growth of orders", ("2025-10-20", "2025-10-26"), ("2025-10-13", "2025-10-19")),
    ("annual growth in revenue", ("2024-01-01", "2024-12-31"), ("2023-01-01", "2023-12-31")),
    ("yearly rev growth?", ("2024-01-01", "2024-12-31"), ("2023-01-01", "2023-12-31")),
    ("quarter-on-quarter revenue growth", ("2025-07-01", "2025-09-30"), ("2025-04-01", "2025-06-30")),
])
def test_a_grain_before_a_change_word_sets_the_periods(text: str, time: tuple[str, str],
                                                       before: tuple[str, str]) -> None:
    got = conversation(text, model=MODEL, as_of=AS_OF)
    assert got["intent"] == "compare"
    assert span(got["time"]) == dict(zip(("start", "end"), time, strict=True))
    assert span(got["compare_to"]) == dict(zip(("start", "end"), before, strict=True))


def test_a_grain_with_no_change_word_stays_a_trend() -> None:
    assert conversation("quarterly revenue this year", model=MODEL, as_of=AS_OF)["intent"] == "trend"
