"""A gap keyword that is also a member's name, and a target's currency said as a word, fixed by class:

- "the gap between A and B", "the delta in seats between A and B", "difference b/w A and B": a gap word in its own
  frame (followed by "between") is the gap of the two members named, never a third member called Delta or Spread;
  said where a member goes ("delta vs emirates", "how did delta do") it is still the member;
- a target followed by its currency's word ("40m kronor", "2.5bn lira", "900k reais") is the target of the pace,
  never a name to ask about; whether the word is the tenant's own currency is the currencies module's to say.

The companies are an airline-seat reseller and a Nordic bakery chain, shaped like none of the held-out sets.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.currencies import foreign
from insights.understanding.parser import parse

SEATS = company(version="seats-g1", columns=("seats_booked", "fare_revenue"), dimensions={
    "carrier": ("Delta", "Lufthansa", "Emirates", "Spread Air"),
    "cabin": ("Economy", "Business"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 10, 31))
BAKERY = company(version="bakery-g1", columns=("loaves_sold", "till_takings"), dimensions={
    "shop": ("Malmo", "Lund", "Lira", "Ystad"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 10, 31))
AS_OF = date(2026, 11, 3)


@pytest.mark.parametrize("question", [
    "what's the delta between lufthansa and emirates in seats booked this year",
    "delta b/w lufthansa and emirates in seats booked this year",
    "the delta in seats booked between lufthansa and emirates this year",
])
def test_a_gap_word_in_its_own_frame_is_the_gap_not_the_member(question: str) -> None:
    understanding = parse(question, model=SEATS, as_of=AS_OF).understanding
    assert understanding.measure == "seats_booked"
    assert dict(understanding.constraints) == {"carrier": ("Lufthansa", "Emirates")}


@pytest.mark.parametrize(("question", "named"), [
    ("delta vs emirates in seats booked this year", {"Delta", "Emirates"}),
    ("how did delta do this year", {"Delta"}),
])
def test_a_gap_word_where_a_member_goes_is_the_member(question: str, named: set[str]) -> None:
    understanding = parse(question, model=SEATS, as_of=AS_OF).understanding
    assert set(understanding.constraints["carrier"]) == named


@pytest.mark.parametrize(("question", "target"), [
    ("are we on track to hit 40m kronor in till takings this year?", 40_000_000),
    ("will we reach 2.5bn lira in till takings this year", 2_500_000_000),
    ("on track for 900k reais of till takings this year?", 900_000),
])
def test_a_target_followed_by_its_currency_word_is_the_target(question: str, target: float) -> None:
    parsed = parse(question, model=BAKERY, as_of=AS_OF)
    assert parsed.clarification is None
    assert parsed.understanding.intent == "pace"
    assert parsed.understanding.target == target
    assert dict(parsed.understanding.constraints) == {}
    assert (parsed.understanding.time.start, parsed.understanding.time.end) == (date(2026, 1, 1), date(2026, 12, 31))


@pytest.mark.parametrize(("word", "tenant", "is_foreign"), [
    ("lira", "TRY", False), ("tl", "TRY", False), ("lira", "SEK", True),
    ("kronor", "SEK", False), ("reais", "BRL", False), ("reais", "TRY", True),
])
def test_a_currency_word_is_foreign_only_to_another_tenant(word: str, tenant: str, is_foreign: bool) -> None:
    assert foreign(word, tenant=tenant) is is_foreign
