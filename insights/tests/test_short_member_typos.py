"""A three-letter word that is a member's name less one letter is that member (contract v2, "Members": names
forgive one typo): "rusty vs bil" compares Rusty and Bill, "consults for oma" are Omar's. An ordinary word
("dog" beside Doug) is not the member, nor an abbreviation the parser reads ("yoy" beside the toy Yoyo).

The companies are shaped like none of the eval sets: a vet group and a toy shop."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import members
from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 5, 14)
VETS = company(version="vets-m1", columns=("consults", "revenue"), dimensions={
    "vet": ("Bill", "Rusty", "Nell", "Omar", "Doug"), "clinic": ("Hove", "Lewes"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 4, 30))
TOYS = company(version="toys-m1", columns=("revenue", "units"), dimensions={
    "toy": ("Yoyo", "Kite", "Blocks"), "seller": ("Zane", "Ravi", "Kofi"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 4, 30))


def ask(model: SemanticModel, text: str) -> dict:
    return parse(text, model=model, as_of=AS_OF, context=None).understanding.as_json()



@pytest.mark.parametrize(("model", "text", "listed"), [
    (VETS, "rusty vs bil on consults ytd", {"vet": ["Bill", "Rusty"]}),
    (VETS, "oma and nell consults last month", {"vet": ["Nell", "Omar"]}),
    (TOYS, "rav vs kofi units last month", {"seller": ["Kofi", "Ravi"]}),
    (TOYS, "zan vs rav on revenue last month", {"seller": ["Ravi", "Zane"]}),
])
def test_a_short_name_less_one_letter_in_a_list_is_that_member(model, text, listed):
    got = ask(model, text)
    assert (got["intent"], members(got)) == ("breakdown", listed)


@pytest.mark.parametrize(("model", "text", "who"), [
    (VETS, "consults for oma last month", {"vet": ["Omar"]}),
    (TOYS, "units sold by zan last month", {"seller": ["Zane"]}),
])
def test_a_short_name_less_one_letter_alone_is_that_member(model, text, who):
    got = ask(model, text)
    assert got["intent"] == "value" and members(got) == who


def test_an_ordinary_short_word_is_not_the_member_it_resembles():
    got = ask(VETS, "consults for the dog clinic at hove last month")
    assert members(got).get("vet") is None


def test_an_abbreviation_is_not_the_member_it_resembles():
    got = ask(TOYS, "revenue last month yoy")
    assert got["compare_to"] == {"start": "2025-04-01", "end": "2025-04-30"} and members(got) == {}
