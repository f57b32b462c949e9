"""Time phrases once answered for another period than the one asked (contract v2, Honesty): each is read as the
contract's period, or asked back — never the default month, nor a neighbouring period the engine knows."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests import models
from insights.understanding.parser import parse

AS_OF = date(2025, 11, 12)
# A made-up events agency whose "fees" and "bookings" no parser rule names.
AGENCY = models.company(version="agency-1", columns=("revenue", "units", "orders", "fees", "bookings"),
                        dimensions={"region": ("North", "South", "West"), "channel": ("Online", "Retail")},
                        first_date=date(2023, 1, 1), last_date=date(2025, 10, 31))


def ask(text: str):
    return parse(text, model=AGENCY, as_of=AS_OF)


def period(text: str) -> tuple[str, str]:
    found = ask(text).understanding
    assert found.intent != "clarify", text
    return found.time.start.isoformat(), found.time.end.isoformat()


@pytest.mark.parametrize(("text", "start", "end"), [
    ("revenue 12m", "2024-11-01", "2025-10-31"),
    ("units 2q", "2025-04-01", "2025-09-30"),
    ("orders 6mo", "2025-05-01", "2025-10-31"),
    ("fees 3m in the west", "2025-08-01", "2025-10-31"),
    ("bookings 2y", "2023-01-01", "2024-12-31"),
    ("revenue 30d", "2025-10-14", "2025-11-12"),  # already read so: the same class
])
def test_a_span_written_after_the_measure_is_the_last_n_periods(text, start, end):
    assert period(text) == (start, end)


@pytest.mark.parametrize("text", ["revenue 12m target this year", "are we on track to hit 12m revenue this year"])
def test_an_amount_before_a_target_stays_money(text):
    found = ask(text).understanding
    assert (found.intent, found.target, found.time.start) == ("pace", 12_000_000, date(2025, 1, 1))


@pytest.mark.parametrize(("text", "start", "end", "grain"), [
    ("orders week on week in q3", "2025-07-01", "2025-09-30", "week"),
    ("fees week over week last month", "2025-10-01", "2025-10-31", "week"),
    ("revenue month over month in 2024", "2024-01-01", "2024-12-31", "month"),
])
def test_period_over_period_inside_a_longer_named_period_is_a_trend_of_that_period(text, start, end, grain):
    found = ask(text).understanding
    assert (found.intent, found.time.start.isoformat(), found.time.end.isoformat(), found.time.grain) == (
        "trend", start, end, grain)
    assert found.compare_to is None


def test_period_over_period_alone_still_compares_the_last_whole_period():
    found = ask("revenue wow").understanding
    assert found.intent == "compare"
    assert (found.time.start, found.compare_to.start) == (date(2025, 11, 3), date(2025, 10, 27))


@pytest.mark.parametrize(("text", "start", "end"), [
    ("where did revenue come from last month", "2025-10-01", "2025-10-31"),
    ("where did fees come from last week", "2025-11-03", "2025-11-09"),
    ("where do our bookings come from in q3", "2025-07-01", "2025-09-30"),
])
def test_came_from_a_period_is_that_period_not_since_it(text, start, end):
    assert period(text) == (start, end)


def test_since_a_period_still_runs_to_the_as_of_date():
    assert period("revenue since last month") == ("2025-10-01", "2025-11-12")


@pytest.mark.parametrize("text", ["fees at this rate by year end?", "at this rate where will we end the year",
                                  "bookings by year end",
                                  "at the current pace what will orders be by year-end"])
def test_a_projection_without_a_target_asks_for_one(text):
    found = ask(text)
    assert found.understanding.intent == "clarify"
    assert "target" in found.clarification


def test_a_projection_with_a_target_is_a_pace():
    found = ask("on track for 2m fees by year end").understanding
    assert (found.intent, found.target, found.time.end) == ("pace", 2_000_000, date(2025, 12, 31))


@pytest.mark.parametrize("text", ["revenue for fy24", "revenue fy2025", "fees this fiscal year", "orders fiscal q2",
                                  "bookings fytd"])
def test_a_fiscal_period_is_asked_back_offering_calendar_years(text):
    found = ask(text)
    assert found.understanding.intent == "clarify"
    assert "fiscal" in found.clarification and "2024" in found.clarification


@pytest.mark.parametrize(("text", "start", "end"), [
    ("revenue oct 1-15", "2025-10-01", "2025-10-15"),
    ("fees oct 1 to 15 2024", "2024-10-01", "2024-10-15"),
    ("revenue trailing twelve", "2024-11-01", "2025-10-31"),
    ("revenue trailing 12 weeks", "2025-08-18", "2025-11-09"),
    ("revenue this month last year", "2024-11-01", "2024-11-30"),
    ("orders this quarter last year", "2024-10-01", "2024-12-31"),
    ("revenue this week last year", "2024-11-11", "2024-11-17"),
    ("revenue 2024", "2024-01-01", "2024-12-31"),
    ("revenue 1h 2025", "2025-01-01", "2025-06-30"),
    ("fees 2h 2024", "2024-07-01", "2024-12-31"),
    ("revenue last month to date", "2025-10-01", "2025-10-12"),
    ("orders last year to date", "2024-01-01", "2024-11-12"),
    ("revenue month to date", "2025-11-01", "2025-11-12"),
])
def test_probed_phrasings_are_read_for_the_period_said(text, start, end):
    assert period(text) == (start, end)


def test_a_day_range_that_ends_before_it_starts_is_asked_back():
    assert ask("revenue oct 15-1").understanding.intent == "clarify"
