"""Three classes of phrasing (contract v2, "Honesty": every word shapes the understanding or is framing):

- A role of people ("pharmacist", "lorry driver", "cashier", "nurse") said as the members asked for ("who was the
  best …", "which … did the most", "top 3 …") where no dimension holds people of that role is a clarify: never a
  ranking of another dimension, nor ("driver") the causes of a change. Where the data has a dimension of that
  role, it is ranked; "the main driver of the drop" still asks why, "our best seller" is no person.
- Whom or what the answer is for, said first and set off by a colon, comma or dash ("for the team standup:",
  "quick q for the weekly sync -", "for my 1:1 w/ the vp,") is framing, in ``ignored``; not where it names the
  tenant's data, nor "for each …", which splits the figure.
- Filler adverbs and their slips ("actualy", "realy", "basicaly", "acutally", "honestly", "literally") are
  framing; a slip that is itself a word ("rally") or a tenant's name is read as one.

The companies are shaped like none of the eval sets: a chain of vet clinics and a haulier with drivers.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from metrics.semantic import SemanticModel

AS_OF = date(2026, 2, 10)
VETS = company(version="vets-r1", columns=("revenue", "appointments", "vaccinations"), dimensions={
    "clinic": ("Northgate", "Riverside", "Old Town"), "service": ("Consult", "Surgery", "Grooming"),
    "campaign": ("Rally", "Spring Checkup"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 9))
HAULIER = company(version="haulier-r1", columns=("revenue", "loads", "miles"), dimensions={
    "driver": ("Ann Lee", "Bob Stone", "Cy Park"), "depot": ("Leeds", "Hull"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 9))


def ask(model: SemanticModel, text: str, *, context: Understanding | None = None):
    return parse(text, model=model, as_of=AS_OF, context=context)


@pytest.mark.parametrize("text", [
    "who was the best pharmacist last month",
    "which lorry driver did the most appointments last month",
    "who was our best driver in january",
    "which nurse had the most vaccinations this year",
    "top 3 receptionists by revenue last month",
    "which of our vets brought in the most revenue",
    "worst cashier last quarter?",
    "who's the top night-shift nurse for appointments",
])
def test_a_role_no_dimension_holds_is_asked_back(text: str) -> None:
    got = ask(VETS, text)
    assert got.understanding.intent == "clarify"
    assert "clinics, services or campaigns" in got.clarification
    assert got.suggestions == ("by clinic", "by service", "by campaign")


def test_a_role_asked_after_an_answer_is_asked_back_not_ranked_by_the_last_dimension() -> None:
    first = ask(VETS, "worst clinic for appointments last month?").understanding
    assert (first.intent, first.group_by) == ("rank", "clinic")
    assert ask(VETS, "who was the best pharmacist at that clinic", context=first).understanding.intent == "clarify"


@pytest.mark.parametrize(("text", "order", "limit"), [
    ("which driver did the most loads last month", "desc", 1),
    ("which driver had the fewest miles last month", "asc", 1),
    ("who was the best driver last month", "desc", 1),
    ("top 2 drivers by revenue last month", "desc", 2),
])
def test_a_role_the_data_holds_is_ranked(text: str, order: str, limit: int) -> None:
    got = ask(HAULIER, text).understanding
    assert (got.intent, got.group_by, got.order, got.limit) == ("rank", "driver", order, limit)


@pytest.mark.parametrize("text", [
    "what was the main driver of the drop in appointments last month",
    "what were the key drivers of revenue last month",
])
def test_driver_as_a_cause_still_asks_why(text: str) -> None:
    assert ask(VETS, text).understanding.intent == "drivers"


def test_a_best_seller_is_no_person() -> None:
    got = ask(VETS, "what was our best seller last month")
    assert "there are none in the data" not in (got.clarification or "")


@pytest.mark.parametrize(("text", "framed"), [
    ("quick q for the team standup: how r we doing this month?", {"standup", "team"}),
    ("for the weekly sync - how are we doing this month?", {"weekly", "sync"}),
    ("for my 1:1 w/ the vp, how are we doing this month", {"vp"}),
    ("prepping for thursday's board call: how are we doing this month", {"board", "call"}),
    ("ahead of the exec huddle, how are we doing this month?", {"exec", "huddle"}),
])
def test_a_leading_audience_frame_is_framing(text: str, framed: set[str]) -> None:
    got = ask(VETS, text).understanding
    assert got.intent == "summary"
    assert (got.time.start, got.time.end) == (date(2026, 2, 1), AS_OF)
    assert (got.compare_to.start, got.compare_to.end) == (date(2026, 1, 1), date(2026, 1, 10))
    assert framed <= {w.lower() for w in got.ignored}


def test_a_leading_frame_naming_the_data_is_read() -> None:
    got = ask(VETS, "for the northgate review: revenue last month").understanding
    assert dict(got.constraints) == {"clinic": ("Northgate",)}


def test_for_each_splits_the_figure() -> None:
    got = ask(VETS, "for each clinic, revenue last month").understanding
    assert (got.intent, got.group_by) == ("breakdown", "clinic")


@pytest.mark.parametrize(("text", "filler"), [
    ("how many clinics actualy did surgery in 2025?", "actualy"),
    ("how many clinics realy did surgery in 2025?", "really"),
    ("how many clinics acutally did surgery in 2025?", "acutally"),
    ("how many clinics literally did surgery in 2025?", "literally"),
    ("how many clinics basicaly did surgery in 2025?", "basicaly"),
    ("how many clinics honestly did surgery in 2025?", "honestly"),
])
def test_a_filler_adverb_however_spelt_is_framing(text: str, filler: str) -> None:
    got = ask(VETS, text).understanding
    assert (got.intent, got.group_by, dict(got.constraints)) == ("count", "clinic", {"service": ("Surgery",)})
    assert (got.time.start, got.time.end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert filler in {w.lower() for w in got.ignored}


def test_a_slip_that_is_a_word_of_the_data_is_read() -> None:
    got = ask(VETS, "revenue for rally last month").understanding
    assert dict(got.constraints) == {"campaign": ("Rally",)}
    assert "rally" not in {w.lower() for w in got.ignored}
