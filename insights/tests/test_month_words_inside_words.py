"""A month's short name inside a longer word is no month: "top 3 marinas" is no 3 March, "2 junior squads" no
2 June, "5 decking boards" no 5 December (contract "Resolving time": only a month said as a word is a month).
A month written as a word still is one, with its day ("3 mar", "the 4th of dec.", "sept 4").

The companies are shaped like none of the eval sets: an event-hire firm whose marquees and decking are
dimensions, and a cleaning contractor whose janitors and junctions are."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.time_expressions import read_time

AS_OF = date(2026, 4, 15)
HIRE = company(version="hire-m1", columns=("hire_fees", "bookings"), dimensions={
    "marquee": ("Oakfield", "Birchwood", "Elm Court"), "decking": ("Teak", "Pine"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 3, 31))
CLEANERS = company(version="cleaners-m1", columns=("shifts", "invoiced"), dimensions={
    "janitor": ("Ruiz", "Okafor", "Lindqvist"), "junction": ("Northgate", "Southgate"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 3, 31))
LAST_MONTH = {"start": "2026-03-01", "end": "2026-03-31", "grain": "month"}


@pytest.mark.parametrize("text", [
    "top 3 marinas by rentals", "the 2 junior squads", "4 augments to the plan", "5 decking boards",
    "1 mayfair store", "7 octane blends", "2 novices", "6 septic tanks", "3 janitors", "2 juleps", "9 apricots",
    "4 febrile weeks", "3 marquees", "the 2nd marquee", "12 decals", "8 junctions",
])
def test_a_month_name_inside_a_word_is_no_date(text):
    assert read_time(text, as_of=AS_OF).periods == ()


@pytest.mark.parametrize(("text", "start", "end"), [
    ("3 mar", date(2026, 3, 3), date(2026, 3, 3)),
    ("3 mar. 2025", date(2025, 3, 3), date(2025, 3, 3)),
    ("the 4th of dec", date(2025, 12, 4), date(2025, 12, 4)),
    ("sept 4", date(2025, 9, 4), date(2025, 9, 4)),
    ("12 june, 2025", date(2025, 6, 12), date(2025, 6, 12)),
    ("jan to mar", date(2026, 1, 1), date(2026, 3, 31)),
])
def test_a_month_said_as_a_word_is_still_a_date(text, start, end):
    found = read_time(text, as_of=AS_OF).periods
    assert [(p.start, p.end) for p in found] == [(start, end)]


@pytest.mark.parametrize(("model", "text", "dimension", "limit", "order"), [
    (HIRE, "top 3 marquees by bookings last month", "marquee", 3, "desc"),
    (HIRE, "bottom 2 marquees by hire fees last month", "marquee", 2, "asc"),
    (HIRE, "top 2 deckings by bookings last month?", "decking", 2, "desc"),
    (CLEANERS, "top 3 janitors by shifts last month", "janitor", 3, "desc"),
    (CLEANERS, "which 2 junctions had the most invoiced last month", "junction", 2, "desc"),
])
def test_a_ranking_of_a_dimension_named_like_a_month_keeps_its_period(model, text, dimension, limit, order):
    got = parse(text, model=model, as_of=AS_OF).understanding.as_json()
    assert (got["intent"], got["group_by"], got["limit"], got["order"]) == ("rank", dimension, limit, order)
    assert got["time"] == LAST_MONTH


def test_a_day_of_a_month_beside_such_a_word_is_still_read():
    got = parse("bookings by marquee on 3 mar", model=HIRE, as_of=AS_OF).understanding.as_json()
    assert got["group_by"] == "marquee"
    assert got["time"] == {"start": "2026-03-03", "end": "2026-03-03", "grain": "day"}
