"""A member written as a grain word ("Monthly", "Annual", "Weekly") before one word of its dimension's name of
several words ("monthly contracts", "annual terms" of `contract_term`, "weekly passes" of `pass_type`) is that
member, not the grain; a grain said as well ("by qtr") is the series' grain. After a series, "and <member> <noun>
by <grain>?" is the same series for that member at that grain. Where no such noun follows, or a figure's name
does ("monthly contract value"), the word is the grain.

The companies are shaped like none of the eval sets: a coworking space and a public pool."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from metrics.semantic import SemanticModel

AS_OF = date(2026, 5, 20)
COWORK = company(version="cowork-g1", columns=("desk_fees", "contract_value"), dimensions={
    "contract_term": ("Monthly", "Annual", "Multi-Year"), "floor": ("Ground", "Mezzanine"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 4, 30))
POOL = company(version="pool-g1", columns=("swims", "takings"), dimensions={
    "pass_type": ("Daily", "Weekly", "Annual"), "lane": ("Fast", "Slow"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 4, 30))


def conversation(model: SemanticModel, *turns: str) -> list[Understanding]:
    out, context = [], None
    for text in turns:
        context = parse(text, model=model, as_of=AS_OF, context=context).understanding
        out.append(context)
    return out


@pytest.mark.parametrize(("model", "text", "dimension", "member"), [
    (COWORK, "desk fees for monthly contracts last month", "contract_term", "Monthly"),
    (COWORK, "annual terms desk fees last month", "contract_term", "Annual"),
    (COWORK, "monthly contracts desk fees in q1", "contract_term", "Monthly"),
    (POOL, "weekly passes swims last month", "pass_type", "Weekly"),
    (POOL, "daily pass takings in q1", "pass_type", "Daily"),
])
def test_a_grain_word_before_a_word_of_its_dimension_is_the_member(model, text, dimension, member):
    (got,) = conversation(model, text)
    assert got.intent == "value"  # one figure for the member, no series at its grain
    assert dict(got.constraints) == {dimension: (member,)}


@pytest.mark.parametrize(("model", "first", "follow_up", "dimension", "member", "grain"), [
    (COWORK, "monthly desk fees for annual contracts over the last 6 months", "and monthly contracts by qtr?",
     "contract_term", "Monthly", "quarter"),
    (COWORK, "weekly desk fees for monthly contracts this year", "and multi-year contracts by month?",
     "contract_term", "Multi-Year", "month"),
    (POOL, "monthly swims on annual passes over the last 6 months", "what about weekly passes by qtr",
     "pass_type", "Weekly", "quarter"),
])
def test_after_a_series_a_member_and_a_grain_keep_the_series(model, first, follow_up, dimension, member, grain):
    before, got = conversation(model, first, follow_up)
    assert before.intent == "trend" and len(before.constraints[dimension]) == 1
    assert got.intent == "trend"
    assert dict(got.constraints) == {dimension: (member,)}
    assert got.time is not None and got.time.grain == grain
    assert (got.time.start, got.time.end) == (before.time.start, before.time.end)


@pytest.mark.parametrize(("model", "text", "grain"), [
    (COWORK, "monthly desk fees this year", "month"),
    (COWORK, "monthly contract value this year", "month"),
    (POOL, "weekly swims in q1", "week"),
])
def test_without_the_dimension_word_the_grain_word_is_the_grain(model, text, grain):
    (got,) = conversation(model, text)
    assert got.intent == "trend" and dict(got.constraints) == {}
    assert got.time is not None and got.time.grain == grain


def test_after_rows_by_a_dimension_by_a_grain_is_still_rows():
    _, got = conversation(COWORK, "desk fees by floor last month", "by quarter?")
    assert (got.intent, got.group_by) == ("breakdown", "quarter")
