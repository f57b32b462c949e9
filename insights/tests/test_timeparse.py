"""Time expressions against the contract's "Resolving time" and "Comparison periods" tables."""
from __future__ import annotations

from datetime import date

import pytest

from insights.understanding.time_expressions import (
    FoundPeriod,
    compare_period,
    default_period,
    found_from_period,
    previous_period,
    read_time,
    trend_grain,
    year_earlier,
)
from insights.understanding.types import Period

A = date(2025, 11, 10)  # a Monday, ISO week 46
NEW_YEAR = date(2025, 1, 1)  # a Wednesday in ISO week 1 of 2025, which began on 30 Dec 2024
LEAP = date(2024, 2, 29)
EARLIEST = date(2023, 1, 1)


def period_of(text: str, as_of: date) -> tuple[str, str]:
    reading = read_time(text.lower(), as_of=as_of, earliest=EARLIEST)
    assert reading.problem is None, reading.problem_text
    assert reading.periods, f"no period found in {text!r}"
    found = reading.periods[0]
    return found.start.isoformat(), found.end.isoformat()


def compare_of(text: str, as_of: date) -> tuple[str, str]:
    reading = read_time(text.lower(), as_of=as_of, earliest=EARLIEST)
    found = compare_period(reading, time=reading.periods[0], as_of=as_of)
    return found.start.isoformat(), found.end.isoformat()


PERIODS = [
    # today / yesterday
    ("revenue today", A, "2025-11-10", "2025-11-10"),
    ("revenue yesterday", A, "2025-11-09", "2025-11-09"),
    ("yesterday", NEW_YEAR, "2024-12-31", "2024-12-31"),
    # this week / month / quarter / year, so far, to date
    ("this week", A, "2025-11-10", "2025-11-10"),
    ("this week", NEW_YEAR, "2024-12-30", "2025-01-01"),
    ("this month", A, "2025-11-01", "2025-11-10"),
    ("so far this month", A, "2025-11-01", "2025-11-10"),
    ("this quarter", A, "2025-10-01", "2025-11-10"),
    ("this year", A, "2025-01-01", "2025-11-10"),
    ("this year so far", A, "2025-01-01", "2025-11-10"),
    ("MTD", A, "2025-11-01", "2025-11-10"),
    ("QTD revenue", A, "2025-10-01", "2025-11-10"),
    ("YTD", A, "2025-01-01", "2025-11-10"),
    ("year to date", A, "2025-01-01", "2025-11-10"),
    ("year-to-date revenue", A, "2025-01-01", "2025-11-10"),
    ("month-to-date", LEAP, "2024-02-01", "2024-02-29"),
    ("week to date", A, "2025-11-10", "2025-11-10"),
    # last / previous calendar period
    ("last week", A, "2025-11-03", "2025-11-09"),
    ("last week", NEW_YEAR, "2024-12-23", "2024-12-29"),
    ("previous week", date(2021, 1, 6), "2020-12-28", "2021-01-03"),  # ISO week 53 of 2020
    ("last month", A, "2025-10-01", "2025-10-31"),
    ("last month", NEW_YEAR, "2024-12-01", "2024-12-31"),
    ("last month", date(2024, 3, 31), "2024-02-01", "2024-02-29"),
    ("the previous month", A, "2025-10-01", "2025-10-31"),
    ("last quarter", A, "2025-07-01", "2025-09-30"),
    ("last quarter", NEW_YEAR, "2024-10-01", "2024-12-31"),
    ("previous quarter", date(2025, 4, 1), "2025-01-01", "2025-03-31"),
    ("last year", A, "2024-01-01", "2024-12-31"),
    ("the prior year", NEW_YEAR, "2024-01-01", "2024-12-31"),
    ("this past month", A, "2025-10-01", "2025-10-31"),
    # last N days: the N days ending on A
    ("last 30 days", A, "2025-10-12", "2025-11-10"),
    ("the past 7 days", A, "2025-11-04", "2025-11-10"),
    ("last 7 days", date(2024, 3, 2), "2024-02-25", "2024-03-02"),
    ("last ninety days", A, "2025-08-13", "2025-11-10"),
    # last / past / trailing / rolling N whole periods before A's period
    ("last 8 weeks", A, "2025-09-15", "2025-11-09"),
    ("last 6 months", A, "2025-05-01", "2025-10-31"),
    ("last three months", A, "2025-08-01", "2025-10-31"),
    ("past 12 months", NEW_YEAR, "2024-01-01", "2024-12-31"),
    ("trailing 12 months", A, "2024-11-01", "2025-10-31"),
    ("rolling 3 months", A, "2025-08-01", "2025-10-31"),
    ("TTM", A, "2024-11-01", "2025-10-31"),
    ("last two quarters", A, "2025-04-01", "2025-09-30"),
    ("last 4 quarters", date(2025, 2, 15), "2024-01-01", "2024-12-31"),
    ("past 2 years", A, "2023-01-01", "2024-12-31"),
    ("last couple of weeks", A, "2025-10-27", "2025-11-09"),
    # named calendar periods, whole
    ("in 2024", A, "2024-01-01", "2024-12-31"),
    ("Q3 2024", A, "2024-07-01", "2024-09-30"),
    ("Q3 of 2024", A, "2024-07-01", "2024-09-30"),
    ("q3'24", A, "2024-07-01", "2024-09-30"),
    ("2024 Q3", A, "2024-07-01", "2024-09-30"),
    ("2024-Q4", A, "2024-10-01", "2024-12-31"),
    ("the third quarter of 2024", A, "2024-07-01", "2024-09-30"),
    ("H1 2025", A, "2025-01-01", "2025-06-30"),
    ("the first half of 2024", A, "2024-01-01", "2024-06-30"),
    ("second half of 2023", A, "2023-07-01", "2023-12-31"),
    ("March 2025", A, "2025-03-01", "2025-03-31"),
    ("Sept 2025", A, "2025-09-01", "2025-09-30"),
    ("september of 2025", A, "2025-09-01", "2025-09-30"),
    ("Feb 2024", A, "2024-02-01", "2024-02-29"),
    ("February 2023", A, "2023-02-01", "2023-02-28"),
    ("2025-03", A, "2025-03-01", "2025-03-31"),
    ("week 27 of 2025", A, "2025-06-30", "2025-07-06"),
    ("2025-W27", A, "2025-06-30", "2025-07-06"),
    ("2020-W53", A, "2020-12-28", "2021-01-03"),
    ("week 1 of 2025", A, "2024-12-30", "2025-01-05"),
    ("2024-01-15", A, "2024-01-15", "2024-01-15"),
    ("March 3rd, 2025", A, "2025-03-03", "2025-03-03"),
    ("15 January 2024", A, "2024-01-15", "2024-01-15"),
    ("Feb 29 2024", A, "2024-02-29", "2024-02-29"),
    ("March last year", A, "2024-03-01", "2024-03-31"),
    ("Q2 this year", A, "2025-04-01", "2025-06-30"),
    ("Q4 of last year", A, "2024-10-01", "2024-12-31"),
    # no year: the most recent such period that has started by A (up to A when A is inside it)
    ("Q3", A, "2025-07-01", "2025-09-30"),
    ("Q4", A, "2025-10-01", "2025-11-10"),
    ("Q4", date(2025, 3, 1), "2024-10-01", "2024-12-31"),
    ("March", A, "2025-03-01", "2025-03-31"),
    ("November", A, "2025-11-01", "2025-11-10"),
    ("December", A, "2024-12-01", "2024-12-31"),
    ("in May", A, "2025-05-01", "2025-05-31"),
    ("May revenue", A, "2025-05-01", "2025-05-31"),
    ("H2", A, "2025-07-01", "2025-11-10"),
    ("H2", date(2025, 3, 1), "2024-07-01", "2024-12-31"),
    ("the second quarter", A, "2025-04-01", "2025-06-30"),
    ("first half", A, "2025-01-01", "2025-06-30"),
    ("week 27", A, "2025-06-30", "2025-07-06"),
    ("week 53", date(2021, 1, 2), "2020-12-28", "2021-01-02"),
    ("feb 29", date(2025, 6, 1), "2024-02-29", "2024-02-29"),
    ("March 3rd", A, "2025-03-03", "2025-03-03"),
    # since
    ("since March", A, "2025-03-01", "2025-11-10"),
    ("since June", A, "2025-06-01", "2025-11-10"),
    ("since Q2", A, "2025-04-01", "2025-11-10"),
    ("since 2024", A, "2024-01-01", "2025-11-10"),
    ("since last month", A, "2025-10-01", "2025-11-10"),
    ("from March 2024 to date", A, "2024-03-01", "2025-11-10"),
    # ranges
    ("between March and May 2025", A, "2025-03-01", "2025-05-31"),
    ("between March and May", A, "2025-03-01", "2025-05-31"),
    ("from Jan to Apr", A, "2025-01-01", "2025-04-30"),
    ("from Jan to Apr", date(2025, 2, 15), "2024-01-01", "2024-04-30"),
    ("from November to February 2025", A, "2024-11-01", "2025-02-28"),
    ("from 2024-01-15 to 2024-02-10", A, "2024-01-15", "2024-02-10"),
    ("Q1-Q3 2025", A, "2025-01-01", "2025-09-30"),
    ("Q1-Q3", A, "2025-01-01", "2025-09-30"),
    ("Jan-Mar 2024", A, "2024-01-01", "2024-03-31"),
    ("from March 2024 to May", A, "2024-03-01", "2024-05-31"),
    ("2023 to 2024", A, "2023-01-01", "2024-12-31"),
    ("weeks 1-10 of 2025", A, "2024-12-30", "2025-03-09"),
    ("2025 so far", A, "2025-01-01", "2025-11-10"),
    ("2024 YTD", A, "2024-01-01", "2024-11-10"),
    # numeric dates, when unambiguous
    ("03/2024", A, "2024-03-01", "2024-03-31"),
    ("3/14/2024", A, "2024-03-14", "2024-03-14"),
    ("14/3/2024", A, "2024-03-14", "2024-03-14"),
    ("the last quarter of 2024", A, "2024-10-01", "2024-12-31"),
    ("the first 6 months of 2024", A, "2024-01-01", "2024-06-30"),
    ("the last month of last year", A, "2024-12-01", "2024-12-31"),
    # other relative forms
    ("two months ago", A, "2025-09-01", "2025-09-30"),
    ("the month before last", A, "2025-09-01", "2025-09-30"),
    ("3 weeks ago", A, "2025-10-20", "2025-10-26"),
    ("best month ever", A, "2023-01-01", "2025-11-10"),
]


@pytest.mark.parametrize(("text", "as_of", "start", "end"), PERIODS, ids=[f"{r[0]}@{r[1]}" for r in PERIODS])
def test_resolves_the_period(text: str, as_of: date, start: str, end: str) -> None:
    assert period_of(text, as_of) == (start, end)


COMPARISONS = [
    # vs last year / YoY / same period last year: time shifted back one year
    ("revenue in October vs last year", A, "2024-10-01", "2024-10-31"),
    ("Q3 2025 year over year", A, "2024-07-01", "2024-09-30"),
    ("YoY revenue in March", A, "2024-03-01", "2024-03-31"),
    ("this year vs last year", A, "2024-01-01", "2024-11-10"),
    ("year to date against the same period last year", A, "2024-01-01", "2024-11-10"),
    ("February 2025 compared to a year ago", A, "2024-02-01", "2024-02-29"),
    ("YTD vs last year", LEAP, "2023-01-01", "2023-02-28"),
    ("last month compared with the same month last year", A, "2024-10-01", "2024-10-31"),
    # vs the previous period / nothing said
    ("last month", A, "2025-09-01", "2025-09-30"),
    ("last month vs the previous period", A, "2025-09-01", "2025-09-30"),
    ("Q3 2025 vs before", A, "2025-04-01", "2025-06-30"),
    ("in 2024", A, "2023-01-01", "2023-12-31"),
    ("last week", A, "2025-10-27", "2025-11-02"),
    ("week 1 of 2021", A, "2020-12-28", "2021-01-03"),
    ("March 2024", A, "2024-02-01", "2024-02-29"),
    ("H1 2025", A, "2024-07-01", "2024-12-31"),
    ("YTD", A, "2024-01-01", "2024-11-10"),
    ("QTD", A, "2025-07-01", "2025-08-10"),
    ("MTD", A, "2025-10-01", "2025-10-10"),
    ("MTD", date(2025, 3, 31), "2025-02-01", "2025-02-28"),
    ("this week", date(2025, 11, 12), "2025-11-03", "2025-11-05"),
    ("last 30 days", A, "2025-09-12", "2025-10-11"),
    ("since June", A, "2024-12-20", "2025-05-31"),
    ("last 6 months", A, "2024-11-01", "2025-04-30"),
    ("last 8 weeks", A, "2025-07-21", "2025-09-14"),
    ("between March and May 2025", A, "2024-12-01", "2025-02-28"),
    ("from 2024-01-15 to 2024-02-10", A, "2023-12-19", "2024-01-14"),
    ("yesterday", A, "2025-11-08", "2025-11-08"),
    ("this month vs last month", A, "2025-10-01", "2025-10-10"),
    ("Q3 2025 vs the previous quarter", A, "2025-04-01", "2025-06-30"),
    ("Q3 vs Q3 last year", A, "2024-07-01", "2024-09-30"),
    ("H1 compared to H1 2024", A, "2024-01-01", "2024-06-30"),
    ("the last 3 months compared to the previous 3 months", A, "2025-05-01", "2025-07-31"),
    # the second period named
    ("Q3 vs Q2", A, "2025-04-01", "2025-06-30"),
    ("2025 vs 2024", A, "2024-01-01", "2024-12-31"),
    ("June compared to May", A, "2025-05-01", "2025-05-31"),
    ("August 2025 compared to July 2025", A, "2025-07-01", "2025-07-31"),
    ("Q4 2024 vs Q4 2023", A, "2023-10-01", "2023-12-31"),
    ("Q1 vs Q4", A, "2024-10-01", "2024-12-31"),
    ("Q3 vs Q2 2024", A, "2024-04-01", "2024-06-30"),
    ("January versus December", date(2025, 2, 10), "2024-12-01", "2024-12-31"),
]


@pytest.mark.parametrize(("text", "as_of", "start", "end"), COMPARISONS, ids=[f"{r[0]}@{r[1]}" for r in COMPARISONS])
def test_resolves_the_comparison_period(text: str, as_of: date, start: str, end: str) -> None:
    assert compare_of(text, as_of) == (start, end)


@pytest.mark.parametrize(("text", "grain"), [
    ("daily revenue", "day"), ("weekly orders", "week"), ("monthly units", "month"), ("quarterly margin", "quarter"),
    ("yearly revenue", "year"), ("annual revenue", "year"), ("revenue by month", "month"), ("units per week", "week"),
    ("orders each quarter", "quarter"), ("revenue month by month", "month"), ("on a weekly basis", "week"),
    ("revenue last month", None), ("year to date", None), ("month over month", "month"),
])
def test_finds_the_grain_word(text: str, grain: str | None) -> None:
    assert read_time(text, as_of=A).grain == grain


@pytest.mark.parametrize(("days", "grain"), [(1, "day"), (31, "day"), (32, "week"), (92, "week"), (93, "month"),
                                             (1096, "month"), (1097, "quarter")])
def test_default_trend_grain(days: int, grain: str) -> None:
    start = date(2020, 1, 1)
    end = date.fromordinal(start.toordinal() + days - 1)
    assert trend_grain(Period(start=start, end=end)) == grain


@pytest.mark.parametrize("text", ["top 3 products", "5 best regions", "revenue by channel", "may I see revenue?",
                                  "revenue may drop", "last", "this", "the best", "3 stores", "orders over 100"])
def test_words_that_are_not_time(text: str) -> None:
    reading = read_time(text.lower(), as_of=A)
    assert reading.periods == () and reading.problem is None


@pytest.mark.parametrize("text", ["next month", "revenue tomorrow", "Q1 2026", "March 2026", "the next 3 months",
                                  "forecast for next quarter", "2027"])
def test_the_future_is_a_problem_not_a_period(text: str) -> None:
    assert read_time(text.lower(), as_of=A).problem == "future"


@pytest.mark.parametrize("text", ["christmas 2024", "the first week of march", "on weekends", "at the end of 2024",
                                  "last spring", "in the fall", "late 2024", "on mondays"])
def test_calendar_words_it_cannot_place_are_a_problem(text: str) -> None:
    assert read_time(text, as_of=A).problem == "unplaceable"


@pytest.mark.parametrize("text", ["by hour", "hourly", "the last 1h", "past 2 hours", "last 30 mins",
                                  "in the past 45 min"])
def test_spans_shorter_than_a_day_are_their_own_problem(text: str) -> None:
    assert read_time(text, as_of=A).problem == "sub_day"


def test_member_names_are_not_read_as_time() -> None:
    text = "spring collection revenue in march madness week"
    names = ((0, 17), (29, 43))
    reading = read_time(text, as_of=A, names=names)
    assert reading.problem is None and reading.periods == ()


@pytest.mark.parametrize("text", ["week 53 of 2025", "february 30 2024", "2025-02-30", "2025-W54", "3/4/2024"])
def test_dates_that_do_not_exist_are_a_problem(text: str) -> None:
    assert read_time(text.lower(), as_of=A).problem == "invalid"


def test_spans_cover_the_time_words_so_may_and_march_are_not_read_again() -> None:
    text = "revenue between march and may 2025 in emea"
    reading = read_time(text, as_of=A)
    covered = "".join(text[a:b] for a, b in reading.spans)
    assert "march" in covered and "may" in covered and "2025" in covered
    assert "emea" not in covered and "revenue" not in covered


def test_defaults_of_the_nothing_said_row() -> None:
    assert default_period(as_of=A, trend=False) == FoundPeriod(date(2025, 10, 1), date(2025, 10, 31), "month", 1)
    trend = default_period(as_of=NEW_YEAR, trend=True)
    assert (trend.start, trend.end) == (date(2024, 1, 1), date(2024, 12, 31))


def test_year_earlier_keeps_month_ends_across_leap_years() -> None:
    feb = FoundPeriod(date(2025, 2, 1), date(2025, 2, 28), "month")
    assert (year_earlier(feb).start, year_earlier(feb).end) == (date(2024, 2, 1), date(2024, 2, 29))
    leap_day = FoundPeriod(date(2024, 2, 29), date(2024, 2, 29), "day")
    assert year_earlier(leap_day).start == date(2023, 2, 28)


def test_previous_period_of_whole_months_is_calendar_aligned() -> None:
    found = FoundPeriod(date(2025, 3, 1), date(2025, 5, 31), "month", 3)
    before = previous_period(found)
    assert (before.start, before.end) == (date(2024, 12, 1), date(2025, 2, 28))


@pytest.mark.parametrize(("start", "end", "unit", "to_date"), [
    (date(2025, 7, 1), date(2025, 9, 30), "quarter", False),
    (date(2025, 10, 1), date(2025, 10, 31), "month", False),
    (date(2025, 11, 3), date(2025, 11, 9), "week", False),
    (date(2025, 1, 1), A, "year", True),
    (date(2025, 10, 1), A, "quarter", True),
    (date(2025, 1, 1), date(2025, 6, 30), "half", False),
])
def test_found_from_period_recognises_how_a_period_was_said(start: date, end: date, unit: str, to_date: bool) -> None:
    found = found_from_period(Period(start=start, end=end), as_of=A)
    assert (found.unit, found.to_date) == (unit, to_date)
