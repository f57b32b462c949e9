"""After unusual changes, a follow-up that says its own shape ("sour credits by state that month": a measure and
"by <dimension>") is a breakdown of that measure by that dimension in the period it leans on (contract v2,
"Follow-ups": "Break that down by channel" → breakdown). A bare "by state?" or an "and"-led "and rev by state
…?" still leans on the search: the same unusual changes, searched in that dimension.

The companies are shaped like none of the eval sets: a bakery chain with towns and loaves, and a bike-hire
firm with docks and bike kinds."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from metrics.semantic import SemanticModel

AS_OF = date(2026, 4, 8)
BAKERY = company(version="bakery-s1", columns=("loaves", "waste"), dimensions={
    "town": ("Bath", "Frome", "Wells"), "loaf": ("Rye", "Sourdough", "Spelt"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 3, 31))
BIKES = company(version="bikes-s1", columns=("hires", "repairs"), dimensions={
    "dock": ("Quayside", "Station", "Park"), "bike": ("Ebike", "Cargo", "Road"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 3, 31))


def conversation(model: SemanticModel, *texts: str) -> list[Understanding]:
    out, context = [], None
    for text in texts:
        context = parse(text, model=model, as_of=AS_OF, context=context).understanding
        out.append(context)
    return out


@pytest.mark.parametrize(("model", "first", "follow_up", "measure", "group_by", "constraints"), [
    (BAKERY, "anything odd with waste in feb 2026?", "rye waste by town that month", "waste", "town",
     {"loaf": ("Rye",)}),
    (BAKERY, "anything unusual in january?", "loaves by loaf then", "loaves", "loaf", {}),
    (BAKERY, "what stood out in feb 2026", "spelt loaves by town that month", "loaves", "town",
     {"loaf": ("Spelt",)}),
    (BIKES, "anything unusual with repairs last month?", "cargo repairs by dock that month", "repairs", "dock",
     {"bike": ("Cargo",)}),
    (BIKES, "anything weird last month", "show me hires by bike for that month", "hires", "bike", {}),
])
def test_a_follow_up_saying_its_measure_and_split_is_a_breakdown(model, first, follow_up, measure, group_by,
                                                                 constraints):
    before, after = conversation(model, first, follow_up)
    assert before.intent == "unusual"
    assert (after.intent, after.measure, after.group_by) == ("breakdown", measure, group_by)
    assert dict(after.constraints) == constraints
    assert (after.time.start, after.time.end) == (before.time.start, before.time.end)


@pytest.mark.parametrize("follow_up", ["by town?", "and by town?", "and loaves by town that month?",
                                       "what about by town"])
def test_a_follow_up_leaning_on_the_search_searches_that_dimension(follow_up):
    _, after = conversation(BAKERY, "anything odd with waste in feb 2026?", follow_up)
    assert (after.intent, after.group_by) == ("unusual", "town")


def test_a_split_after_a_breakdown_is_unchanged():
    _, after = conversation(BIKES, "hires by dock last month", "repairs by bike then")
    assert (after.intent, after.measure, after.group_by) == ("breakdown", "repairs", "bike")
