"""A clause of context said before the question ("w the economy slowing down, how many …", "given rates rising,
…", "now that summer is fading - …") is framing: its change verb asks no comparison, so the question after it is
read alone. A clause naming the tenant's own measure or member that the question does not ("with imax admissions
falling, what's going on?") is that change, still asked why.

The company: a cinema chain whose screen formats include an ordinary word, Premium.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation, members, span
from insights.tests.models import company

AS_OF = date(2026, 5, 20)
LAST_MONTH = {"start": "2026-04-01", "end": "2026-04-30"}
CINEMAS = company(version="cinemas-c1", columns=("admissions", "concession_sales"), dimensions={
    "cinema": ("Regal Brae", "Filmhouse Quay"), "screen_format": ("Premium", "Imax", "Standard"),
    "genre": ("Horror", "Animation")}, first_date=date(2024, 1, 1), last_date=date(2026, 5, 19))


@pytest.mark.parametrize(("text", "measure", "narrowed"), [
    ("w premium prices slowing down, how many premium admissions did we have last month?", "admissions",
     {"screen_format": ["Premium"]}),
    ("with spending falling, what were concession sales at regal brae last month?", "concession_sales",
     {"cinema": ["Regal Brae"]}),
    ("given interest rates rising - how many horror admissions last month?", "admissions", {"genre": ["Horror"]}),
    ("now that the summer rush is softening, admissions at filmhouse quay last month?", "admissions",
     {"cinema": ["Filmhouse Quay"]}),
])
def test_a_leading_clause_of_context_asks_no_comparison(text: str, measure: str, narrowed: dict) -> None:
    got = conversation(text, model=CINEMAS, as_of=AS_OF)
    assert (got["intent"], got["measure"]) == ("value", measure)
    assert members(got) == narrowed
    assert span(got["time"]) == LAST_MONTH


def test_a_follow_up_after_the_clause_keeps_the_value() -> None:
    got = conversation("w premium prices slowing down, how many premium admissions did we have last month?",
                       "horror only", model=CINEMAS, as_of=AS_OF)
    assert got["intent"] == "value"
    assert members(got) == {"genre": ["Horror"], "screen_format": ["Premium"]}


def test_a_clause_naming_the_tenants_own_change_is_still_that_change() -> None:
    got = conversation("with imax admissions falling last month, what's going on?", model=CINEMAS, as_of=AS_OF)
    assert got["intent"] == "drivers"
    assert members(got) == {"screen_format": ["Imax"]}
