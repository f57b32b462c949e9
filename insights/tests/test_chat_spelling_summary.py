"""The asker's chat spelling of "are" ("how r we doing", "r we up") reads as the word, so "how r we doing" is the
summary it asks for, like "hows it going" and "how are things"; "how r u" is small talk to the assistant, out
of scope, and an "r" inside a name ("R&D") stays the name.

The company is shaped like none of the eval sets: a bakery chain with an R&D kitchen."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2026, 3, 10)
BAKERY = company(version="bakery-cs1", columns=("revenue", "loaves"), dimensions={
    "kitchen": ("Main", "R&D", "Annex"), "bread": ("Sourdough", "Rye"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))


def read(text: str) -> dict:
    return parse(text, model=BAKERY, as_of=AS_OF).understanding.as_json()


@pytest.mark.parametrize("text", ["how r we doing", "hows it going", "how r things", "how are things",
                                  "how r things going", "so how r we doing this month?"])
def test_how_the_business_is_doing_in_chat_spelling_is_a_summary(text):
    assert read(text)["intent"] == "summary"


@pytest.mark.parametrize(("text", "intent"), [("r we up vs last month", "compare"),
                                              ("why r loaves down in january", "drivers"),
                                              ("what r our top 2 breads by revenue", "rank")])
def test_chat_are_in_other_questions_reads_as_are(text, intent):
    assert read(text)["intent"] == intent


@pytest.mark.parametrize("text", ["how r u doing", "how are you"])
def test_asking_the_assistant_how_it_is_stays_out_of_scope(text):
    assert read(text)["intent"] == "out_of_scope"


def test_an_r_inside_a_name_stays_the_name():
    got = read("r&d kitchen revenue last month")
    assert got["subject"] == {"dimension": "kitchen", "value": "R&D"}
