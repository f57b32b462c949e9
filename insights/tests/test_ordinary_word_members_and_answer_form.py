"""Members whose names are ordinary English words ("Free", "Direct", "Value", "Summit"), said as the words, and the
framing said around a question, fixed by class:

- how the answer may be given ("feel free to round", "ballpark is fine", "no need to be exact") is framing, so
  "free" of "feel free" is never the contract Free and "round" is never a name to ask about; an ordinary word is
  never forgiven as a slip of a short member's name ("round" of Bound);
- the kind of question said first ("direct question -", "honest answer:") is framing, even where the adjective is
  a member's name;
- an ordinary noun heading a phrase of what it is of ("the value of refunds", "the best of our lines") is the word;
  with its dimension's word ("the Value line") or where only a member goes ("for value", "how did value do") it is
  the member;
- giving up on what was asked before ("ok fine,", "fair enough -") leans on no answer: "how did summit do" after it
  is that depot's overview even after a turn that was not about the data.

The companies here are a parcel courier and a cosmetics maker, shaped like none of the held-out sets they came from.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation, members, span
from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.vocabulary import vocabulary_for

COURIER = company(version="courier-w1", columns=("deliveries", "late_deliveries", "fuel_cost"), dimensions={
    "service": ("Direct", "Economy", "Express"),
    "depot": ("Summit", "Bliss", "Bayside"),
    "contract": ("Free", "Standard", "Bound", "Ace"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 10, 31))
COSMETICS = company(version="cosmetics-w1", columns=("net_revenue", "units", "refunds"), dimensions={
    "line": ("Value", "Best", "Glow", "Radiance"),
    "market": ("Nordics", "Iberia", "Benelux"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 10, 31))
AS_OF = date(2026, 11, 3)
OCTOBER = {"start": "2026-10-01", "end": "2026-10-31"}


def _ask(*turns: str, model) -> dict:
    return conversation(*turns, model=model, as_of=AS_OF)


@pytest.mark.parametrize("form", [
    "feel free to round - ",
    "feel free to round it up, ",
    "ok to round off: ",
])
def test_how_the_answer_may_be_given_is_framing_before_the_question(form):
    got = _ask(f"{form}how many late deliveries did economy log last month?", model=COURIER)
    assert (got["intent"], got["measure"], members(got), span(got["time"])) == (
        "value", "late_deliveries", {"service": ["Economy"]}, OCTOBER)


@pytest.mark.parametrize("form", [
    " - you can round to the nearest hundred",
    ", feel free to round",
])
def test_how_the_answer_may_be_given_is_framing_after_the_question(form):
    got = _ask(f"how many deliveries did the free contract get last month{form}", model=COURIER)
    assert (got["intent"], got["measure"], members(got), span(got["time"])) == (
        "value", "deliveries", {"contract": ["Free"]}, OCTOBER)


@pytest.mark.parametrize("word", ["round", "bond", "found"])
def test_an_ordinary_word_is_never_a_slip_of_a_short_member(word):
    vocab = vocabulary_for(COURIER)
    # "boun" is no word of English, so a slip of the contract Bound; the ordinary words one slip from it are not
    assert [h.value for h in vocab.find("boun", "boun") if h.kind == "member"] == ["Bound"]
    assert not [h for h in vocab.find(word, word) if h.kind == "member"]


@pytest.mark.parametrize("kind", ["ok direct question - ", "direct answer: ", "direct question: "])
def test_the_kind_of_question_said_first_is_framing_even_when_a_member_names_it(kind):
    got = _ask("how many deliveries did the summit depot have last month?",
               f"{kind}how many of those came thru express?", model=COURIER)
    assert (got["intent"], got["measure"], members(got)) == (
        "value", "deliveries", {"depot": ["Summit"], "service": ["Express"]})


@pytest.mark.parametrize("text", [
    "what was the value of refunds last month",
    "what was the value of refunds in iberia last month",
])
def test_an_ordinary_noun_heading_what_it_is_of_is_the_word(text):
    got = _ask(text, model=COSMETICS)
    assert (got["intent"], got["measure"], members(got).get("line")) == ("value", "refunds", None)


@pytest.mark.parametrize("follow_up", ["and for the Value line?", "and for value?", "and line value?"])
def test_the_noun_said_as_a_member_after_it_is_the_member(follow_up):
    got = _ask("what was the value of refunds last month", follow_up, model=COSMETICS)
    assert (got["intent"], got["measure"], members(got), span(got["time"])) == (
        "value", "refunds", {"line": ["Value"]}, OCTOBER)


@pytest.mark.parametrize(("text", "member"), [
    ("how did value do last month", "Value"),
    ("how did best do last month", "Best"),
    ("how's best doing this year", "Best"),
])
def test_how_did_an_ordinary_word_do_is_that_member(text, member):
    got = _ask(text, model=COSMETICS)
    assert (got["intent"], members(got)) == ("summary", {"line": [member]})


@pytest.mark.parametrize(("concession", "depot"), [
    ("ok fine, ", "Summit"),
    ("okay whatever - ", "Bliss"),
    ("ok well, ", "Summit"),
])
def test_giving_up_on_the_last_ask_leans_on_no_answer(concession, depot):
    aside = parse(f"whats the weather like in {depot.lower()} this weekend lol", model=COURIER, as_of=AS_OF)
    assert aside.understanding.intent == "out_of_scope"
    got = parse(f"{concession}how did {depot.lower()} do last month", model=COURIER, as_of=AS_OF,
                context=aside.understanding).understanding.as_json()
    assert (got["intent"], members(got), span(got["time"])) == ("summary", {"depot": [depot]}, OCTOBER)
