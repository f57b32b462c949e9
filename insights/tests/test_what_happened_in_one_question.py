""""What happened" / "what drove that" said in the same question as its own measure and period ("net sales
fell in october, what happened") asks for the drivers of that question (contract v2, intents: drivers), not for
a follow-up of an earlier answer: with no earlier answer it is no "there is nothing to build on", and inside a
conversation it is a new question. "What happened there" is the idiom, not a place: "there" names the member of
an answer before only where it stands for a place ("sales there").

The companies are shaped like none of the eval sets: a cinema chain with screens and film genres, and a
seed merchant with farms and crops."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from metrics.semantic import SemanticModel

AS_OF = date(2026, 2, 11)
CINEMA = company(version="cinema-w1", columns=("tickets", "concessions"), dimensions={
    "screen": ("Odeon One", "Rooftop", "Studio"), "genre": ("Horror", "Comedy", "Drama"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 1, 31))
SEEDS = company(version="seeds-w1", columns=("sacks", "net_sales"), dimensions={
    "farm": ("Highfield", "Lowmoor"), "crop": ("Barley", "Oats", "Wheat"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 1, 31))


def conversation(model: SemanticModel, *texts: str) -> list[Understanding]:
    out, context = [], None
    for text in texts:
        context = parse(text, model=model, as_of=AS_OF, context=context).understanding
        out.append(context)
    return out


@pytest.mark.parametrize(("model", "text", "measure", "start", "compare_start", "constraints"), [
    (CINEMA, "tickets fell in october, what happened", "tickets", "2025-10-01", "2025-09-01", {}),
    (CINEMA, "horror tickets dropped in q3 2025 - what drove that?", "tickets", "2025-07-01", "2025-04-01",
     {"genre": ("Horror",)}),
    (CINEMA, "concessions at the rooftop were way down last month, what happened there", "concessions",
     "2026-01-01", "2025-12-01", {"screen": ("Rooftop",)}),
    (SEEDS, "net sales declined in november. what happened?", "net_sales", "2025-11-01", "2025-10-01", {}),
    (SEEDS, "sacks of oats slumped at lowmoor last month, what went wrong there?", "sacks", "2026-01-01",
     "2025-12-01", {"crop": ("Oats",), "farm": ("Lowmoor",)}),
])
def test_what_happened_beside_its_own_measure_and_period_is_its_drivers(model, text, measure, start,
                                                                       compare_start, constraints):
    for context in (None, conversation(model, "sacks by crop in 2024" if model is SEEDS
                                        else "tickets by genre in 2024")[0]):
        got = parse(text, model=model, as_of=AS_OF, context=context).understanding
        assert (got.intent, got.measure) == ("drivers", measure)
        assert got.time is not None and got.time.start.isoformat() == start
        assert got.compare_to is not None and got.compare_to.start.isoformat() == compare_start
        assert dict(got.constraints) == constraints


@pytest.mark.parametrize("follow_up", ["what happened there?", "what happened?", "what drove that?"])
def test_what_happened_alone_is_the_drivers_of_the_answer_before(follow_up):
    first, got = conversation(CINEMA, "tickets at studio in december 2025", follow_up)
    assert (got.intent, got.measure, dict(got.constraints)) == ("drivers", "tickets", {"screen": ("Studio",)})
    assert (got.time.start, got.time.end) == (first.time.start, first.time.end)


def test_what_happened_with_nothing_said_and_nothing_before_asks_back():
    (got,) = conversation(SEEDS, "what happened?")
    assert got.intent == "clarify"


def test_there_as_a_place_still_asks_which_member():
    _, got = conversation(CINEMA, "tickets by screen last month", "concessions there in 2025")
    assert got.intent == "clarify"
