"""Slips in everyday words are those words, never unknown names (contract v2, "Honesty" and "Members"): "qucik q",
"wich 3 depots", "did sue sel", "plesae show" read as "quick q", "which 3 depots", "did sue sell", "please show".
A slip here is a letter left out or two neighbouring letters swapped. A member spelled like a slip of an everyday
word ("Sue" beside "sure", "Tim" beside "time") stays the member, and a name that is no slip of anything is still
asked back.

The companies are shaped like none of the eval sets: a bakery chain and a tyre fitter."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import members
from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 5, 14)
BAKERY = company(version="bakery-t1", columns=("loaves", "cakes"), dimensions={
    "bakery": ("Leeds", "Bath", "Ely"), "baker": ("Sue", "Tim", "Omar"), "bread": ("Rye", "Spelt", "Sourdough"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 4, 30))
TYRES = company(version="tyres-t1", columns=("revenue", "fittings"), dimensions={
    "depot": ("Hull", "Crewe", "Wigan"), "fitter": ("Dev", "Kit", "Ann"), "tyre": ("Budget", "Premium"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 4, 30))


def ask(model: SemanticModel, text: str) -> dict:
    return parse(text, model=model, as_of=AS_OF, context=None).understanding.as_json()



@pytest.mark.parametrize(("model", "text", "measure"), [
    (BAKERY, "qucik q whats loaves last month", "loaves"),
    (BAKERY, "qucik question: cakes last month", "cakes"),
    (TYRES, "waht was revenue last month", "revenue"),
    (TYRES, "simpel question, fittings last month?", "fittings"),
])
def test_a_slip_of_filler_or_a_question_word_is_that_word(model, text, measure):
    got = ask(model, text)
    assert got["intent"] == "value" and got["measure"] == measure and members(got) == {}
    assert got["time"]["start"] == "2026-04-01"


@pytest.mark.parametrize(("model", "text", "by", "limit"), [
    (TYRES, "wich 2 depots had the biggest drop in fittings last month", "depot", 2),
    (BAKERY, "wich 3 bakers had the biggest rise in cakes last month", "baker", 3),
])
def test_which_misspelt_still_asks_for_a_ranking_of_that_many(model, text, by, limit):
    got = ask(model, text)
    assert (got["intent"], got["group_by"], got["limit"], got["order_by"]) == ("rank", by, limit, "change")


@pytest.mark.parametrize(("model", "text", "who"), [
    (BAKERY, "how many loaves did omar sel last month?", {"baker": ["Omar"]}),
    (TYRES, "how many fittings did dev sel in march", {"fitter": ["Dev"]}),
])
def test_a_slip_of_the_selling_verb_leaves_the_seller_as_the_member(model, text, who):
    got = ask(model, text)
    assert got["intent"] == "value" and members(got) == who


def test_a_slip_of_please_or_show_leaves_a_breakdown():
    for text in ("plesae break down cakes by bakery last month", "shwo me cakes by bakery last month"):
        got = ask(BAKERY, text)
        assert (got["intent"], got["group_by"], got["measure"]) == ("breakdown", "bakery", "cakes")


@pytest.mark.parametrize(("model", "text", "who"), [
    (BAKERY, "how many loaves did sue bake last month", {"baker": ["Sue"]}),  # "sue" is "sure" less an r
    (BAKERY, "cakes for tim last month", {"baker": ["Tim"]}),  # "tim" is "time" less an e
    (TYRES, "fittings by kit last month", {"fitter": ["Kit"]}),
])
def test_a_member_spelled_like_a_slip_of_an_everyday_word_stays_the_member(model, text, who):
    assert members(ask(model, text)) == who


@pytest.mark.parametrize(("model", "text", "name"), [
    (BAKERY, "loaves at brixton last month", "brixton"),
    (TYRES, "fittings at zorbex last month", "zorbex"),
])
def test_a_name_that_is_a_slip_of_nothing_is_still_asked_back(model, text, name):
    got = parse(text, model=model, as_of=AS_OF, context=None)
    assert got.understanding.intent == "clarify" and name in (got.clarification or "").lower()


def test_a_changed_letter_is_no_slip_so_abbreviations_keep_their_meaning():
    # "yoy" is one changed letter from "you": it still compares with the year before.
    got = ask(TYRES, "revenue last month yoy")
    assert got["compare_to"] == {"start": "2025-04-01", "end": "2025-04-30"}
