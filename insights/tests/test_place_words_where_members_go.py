"""A place word the data does not hold is asked back, never dropped; one it holds filters (made-up companies).

"how many <rows> did the uk take" counts rows of the UK where the data has it and asks about "uk" where it does
not (it answered everyone's count); "the us" said where a member goes is the country, held or asked back, while
the pronoun ("give us", "how are us doing") is no member. "how is the company tracking" is the overview, as
"how's the company tracking" is.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

IMPORTER = company(  # tea importer: markets US, EU, Japan; no UK
    version="tea-1", columns=("chests", "revenue"),
    dimensions={"market": ("US", "EU", "Japan"), "blend": ("Assam", "Darjeeling"), "leaf": ("Whole", "Broken")},
    first_date=date(2023, 1, 1), last_date=date(2026, 6, 30),
)
NO_PLACES = company(  # a studio with no place dimension at all
    version="studio-1", columns=("sessions", "revenue"),
    dimensions={"room": ("Blue", "Loft"), "band": ("Kites", "Moss")},
    first_date=date(2023, 1, 1), last_date=date(2026, 6, 30),
)
AS_OF = date(2026, 7, 9)


def read(text: str, model):
    return parse(text, model=model, as_of=AS_OF)


@pytest.mark.parametrize(("text", "market"), [
    ("how many blends did the us take last month", "US"),
    ("how many leafs did the eu take last month", "EU"),
    ("how many blends did japan take last month", "Japan"),
    ("revenue in the us last month", "US"),
    ("the us market revenue last month", "US"),
])
def test_a_held_place_where_a_member_goes_filters(text: str, market: str) -> None:
    got = read(text, IMPORTER).understanding
    assert dict(got.constraints) == {"market": (market,)}, text


@pytest.mark.parametrize(("text", "word", "model"), [
    ("how many blends did the uk take last month", "uk", IMPORTER),
    ("how many leafs did germany take last month", "germany", IMPORTER),
    ("how many blends did texas take in may", "texas", IMPORTER),
    ("how many rooms did the uk take last month", "uk", NO_PLACES),
    ("how many bands did the us take last month", "us", NO_PLACES),
    ("revenue in the us last month", "us", NO_PLACES),
    ("emea sessions last month", "emea", NO_PLACES),
])
def test_an_unheld_place_is_asked_back_never_dropped(text: str, word: str, model) -> None:
    got = read(text, model)
    assert got.understanding.intent == "clarify", text
    assert word in str(got.clarification).lower(), text
    assert word not in [w.lower() for w in got.understanding.ignored], text


@pytest.mark.parametrize("text", ["give us revenue last month", "how are us doing", "can you show us sessions"])
def test_the_pronoun_us_is_no_place(text: str) -> None:
    got = read(text, NO_PLACES).understanding
    assert got.intent != "clarify" and not dict(got.constraints), text


@pytest.mark.parametrize("text", ["how is the company tracking", "how is the business tracking",
                                  "how's the company tracking", "how are we tracking"])
def test_the_business_tracking_is_the_overview(text: str) -> None:
    assert read(text, NO_PLACES).understanding.intent == "summary", text


def test_a_figure_tracking_stays_a_compare() -> None:
    assert read("how is the company's revenue tracking", IMPORTER).understanding.intent == "compare"
