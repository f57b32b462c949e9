"""A measure named like a unit of time ("hours", "nights") is the measure however it is framed ("and in hours?",
"hours by crew last month"); a count before the unit ("the last 24 hours", "an hour") makes it a length of time,
which daily totals cannot place: asked back, never answered for another period (contract v2, "Resolving time").

The companies are shaped like none of the eval sets: a recording studio billing hours and a campsite selling
nights, each with a second measure to follow up from."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 3, 10)
STUDIO = company(version="studio-tu1", columns=("sessions", "hours", "fees"), dimensions={
    "room": ("Live Room", "Booth", "Loft"), "engineer": ("Kim", "Oscar"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
CAMPSITE = company(version="camp-tu1", columns=("takings", "nights"), dimensions={
    "pitch": ("Tent", "Caravan", "Pod"), "field": ("North", "River"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))


def conversation(model: SemanticModel, *turns: str) -> list[dict]:
    out, context = [], None
    for text in turns:
        understanding = parse(text, model=model, as_of=AS_OF, context=context).understanding
        out.append(understanding.as_json())
        context = understanding
    return out


@pytest.mark.parametrize(("model", "first", "follow_up", "measure"), [
    (STUDIO, "how much more did kim bill in fees than oscar ytd", "and in hours?", "hours"),
    (STUDIO, "sessions by room last quarter", "what about in hours", "hours"),
    (CAMPSITE, "takings by pitch in 2025", "and in nights?", "nights"),
])
def test_a_follow_up_in_the_time_unit_measure_keeps_the_question(model, first, follow_up, measure):
    before, after = conversation(model, first, follow_up)
    assert after["intent"] == before["intent"] != "clarify"
    assert after["measure"] == measure
    assert (after["time"], after["filters"], after["group_by"]) == (before["time"], before["filters"],
                                                                     before["group_by"])


@pytest.mark.parametrize(("model", "text", "group_by"), [
    (STUDIO, "hours by engineer last month", "engineer"), (STUDIO, "total hours in the loft by engineer", "engineer"),
    (CAMPSITE, "nights by field in january", "field"),
])
def test_the_time_unit_measure_in_a_question_of_its_own(model, text, group_by):
    got = conversation(model, text)[0]
    assert got["intent"] == "breakdown" and got["measure"] == text.split()[text.split()[0] == "total"]
    assert got["group_by"] == group_by


@pytest.mark.parametrize(("model", "text"), [
    (STUDIO, "sessions in the last 24 hours"), (STUDIO, "fees by room over the past 48 hours"),
    (STUDIO, "hours booked in the past few hours"), (CAMPSITE, "takings in the last two nights"),
])
def test_a_counted_unit_is_a_length_of_time_and_asked_back(model, text):
    assert conversation(model, text)[0]["intent"] == "clarify"
