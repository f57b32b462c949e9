"""Two classes of kept-back companies (a recruiter, a bike share), fixed by class:

- a member named by the distinctive first word of its name alone ("harborview" of Harborview Hospital) is that
  member, where the word is no ordinary English word and no word of another member, dimension or measure; a word
  two members hold is asked back listing both, an ordinary word ("park", "north") never names a member by part,
  and a first word before a slip of the rest of the name ("fenwyck lean") is still asked back;
- "how did X do" over a period that was compared ("over the same period", or no period said, after a growth
  ranking, a comparison or the drivers of a change) is that comparison of X, and so is one member of a growth
  ranking's dimension named alone; over a period never compared, or a period of its own, it stays the overview.

The companies here are shaped like neither: a wholesale bakery and a cinema chain."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation, members, span
from insights.tests.models import company
from insights.understanding.parser import parse

BAKERY = company(version="bakery-h1", columns=("loaves_delivered", "invoice_total"), dimensions={
    "customer": ("Quenbury Bistro", "Larkmoor Deli", "Larkmoor Hotel", "Kingston North", "North Point",
                 "Park Lane Cafe", "Marlow Hotel", "Zellwick & Sons", "Fenwyck Lane"),
    "route": ("Marlow East", "Riverside", "Uptown"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 10, 31))
CINEMAS = company(version="cinemas-h1", columns=("admissions", "ticket_sales", "concession_sales"), dimensions={
    "site": ("Elm Street", "Harbor Side", "Westfield", "Old Mill"),
    "format": ("Standard", "IMAX", "Premium"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 10, 31))
AS_OF = date(2026, 11, 3)


def _ask(*turns: str, model) -> dict:
    return conversation(*turns, model=model, as_of=AS_OF)


@pytest.mark.parametrize(("text", "intent", "member"), [
    ("why did quenbury loaves delivered drop in may?", "drivers", "Quenbury Bistro"),
    ("invoice total for quenbury last month", "value", "Quenbury Bistro"),
    ("how did zellwick do in q3?", "summary", "Zellwick & Sons"),
])
def test_a_distinctive_first_word_names_its_one_member(text, intent, member):
    got = _ask(text, model=BAKERY)
    assert (got["intent"], members(got)) == (intent, {"customer": [member]})


def test_a_first_word_names_the_member_in_a_follow_up_too():
    got = _ask("loaves delivered last month", "and for quenbury?", model=BAKERY)
    assert (got["intent"], got["measure"], members(got)) == ("value", "loaves_delivered",
                                                              {"customer": ["Quenbury Bistro"]})


@pytest.mark.parametrize(("text", "named"), [
    ("larkmoor invoice total last month", ("Larkmoor Deli", "Larkmoor Hotel")),  # two customers
    ("marlow loaves delivered last month", ("Marlow Hotel", "Marlow East")),  # a customer and a route
])
def test_a_first_word_two_members_hold_is_asked_back_listing_both(text, named):
    said = parse(text, model=BAKERY, as_of=AS_OF)
    assert said.understanding.intent == "clarify"
    assert all(member in said.clarification for member in named)


@pytest.mark.parametrize(("text", "member"), [
    ("park invoice total last month", "Park Lane Cafe"),
    ("north loaves delivered last month", "North Point"),
    ("kingston invoice total last month", "Kingston North"),  # a place's name common in English text
])
def test_an_ordinary_word_never_names_a_member_by_part(text, member):
    got = _ask(text, model=BAKERY)
    assert member not in members(got).get("customer", [])


def test_a_first_word_before_a_slip_of_the_rest_of_the_name_is_asked_back():
    said = parse("invoice total at fenwyck lean last month", model=BAKERY, as_of=AS_OF)
    assert said.understanding.intent == "clarify"
    assert "Fenwyck Lane" in said.clarification


GROWTH = "which site grew admissions the most this year vs last year?"


@pytest.mark.parametrize(("turns", "member"), [
    ((GROWTH, "how did harbor side do over the same period?"), "Harbor Side"),
    ((GROWTH, "how'd westfield perform for the same period"), "Westfield"),
    ((GROWTH, "and how did imax do?"), "IMAX"),
    ((GROWTH, "what about elm street in the same period?"), "Elm Street"),
])
def test_how_a_member_did_after_a_growth_ranking_is_its_comparison(turns, member):
    got = _ask(*turns, model=CINEMAS)
    assert (got["intent"], got["measure"]) == ("compare", "admissions")
    assert (span(got["time"]), span(got["compare_to"])) == ({"start": "2026-01-01", "end": "2026-11-03"},
                                                            {"start": "2025-01-01", "end": "2025-11-03"})
    assert [member] in members(got).values()


@pytest.mark.parametrize(("first", "time", "compare_to"), [
    ("ticket sales in q3 vs q2", ("2026-07-01", "2026-09-30"), ("2026-04-01", "2026-06-30")),
    ("why did ticket sales drop in march?", ("2026-03-01", "2026-03-31"), ("2026-02-01", "2026-02-28")),
])
def test_how_a_member_did_over_a_compared_period_is_that_comparison(first, time, compare_to):
    got = _ask(first, "how did old mill do over the same period?", model=CINEMAS)
    assert (got["intent"], got["measure"], members(got)) == ("compare", "ticket_sales", {"site": ["Old Mill"]})
    assert span(got["time"]) == dict(zip(("start", "end"), time, strict=True))
    assert span(got["compare_to"]) == dict(zip(("start", "end"), compare_to, strict=True))


@pytest.mark.parametrize("turns", [
    ("admissions this year", "how did elm street do over the same period?"),  # nothing was compared
    (GROWTH, "how did elm street do last month?"),  # a period of its own
    ("how are we doing this month?", "how did elm street do?"),  # after the overview, its overview
])
def test_how_a_member_did_stays_the_overview_where_no_comparison_is_carried(turns):
    assert _ask(*turns, model=CINEMAS)["intent"] == "summary"


def test_a_follow_up_of_a_growth_ranking_naming_another_measure_still_ranks():
    got = _ask(GROWTH, "and concession sales over the same period?", model=CINEMAS)
    assert (got["intent"], got["measure"], got["order_by"], got["group_by"]) == (
        "rank", "concession_sales", "change", "site")
