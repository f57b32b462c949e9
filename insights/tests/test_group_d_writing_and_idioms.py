"""Requests to write something are out of scope however they are phrased; a member named like a verb of
arranging figures ("Split", "Slice", "Mix") is the word in "split by", "sliced by", "mix by"; one named like
an exclamation ("Nice", "Super") is framing when exclaimed ("nice! …") (issue 13).

The companies are shaped like none of the eval sets: hotels named after towns that are words, a bakery whose
products are words, a stationer whose products are kinds of text (so "cards" or "notes" are data there)."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 11, 20)


def _model(version: str, measures: tuple[str, ...], dimensions: dict[str, tuple[str, ...]]) -> SemanticModel:
    return company(version=version, columns=measures, dimensions=dimensions,
                   first_date=date(2024, 1, 1), last_date=date(2026, 10, 31))


HOTELS = _model("hotels-d1", ("room_revenue", "room_nights"), {
    "property": ("Bath", "Nice", "Reading", "Split"), "booking_channel": ("Direct", "OTA"),
})
BAKERY = _model("bakery-d1", ("revenue", "units"), {
    "product": ("Loaf", "Mix", "Roll", "Slice", "Super"), "shop": ("Harbour", "Market"),
    "channel": ("Counter", "Online"),
})
STATIONER = _model("stationer-d1", ("revenue", "orders"), {
    "product": ("Cards", "Letters", "Notes"), "region": ("North", "South"),
})
COMPANIES = {"hotels": HOTELS, "bakery": BAKERY, "stationer": STATIONER}


def read(text: str, model: SemanticModel) -> dict:
    return parse(text, model=model, as_of=AS_OF).understanding.as_json()


def constraints(got: dict) -> dict[str, list[str]]:
    out = {k: list(v) for k, v in (got.get("filters") or {}).items()}
    if got.get("subject"):
        out.setdefault(got["subject"]["dimension"], []).append(got["subject"]["value"])
    return out


WRITING = [
    ("hotels", "write me a slack msg to the team celebrating our room nights record"),
    ("hotels", "draft my boss an email on room revenue at Nice"),
    ("hotels", "write the team a message about last month's room nights"),
    ("bakery", "send the team a slack about q3 revenue"),
    ("bakery", "help me write a quick dm to the Harbour shop about their units"),
    ("bakery", "pen a thank-you note to the counter staff for october revenue"),
    ("bakery", "write something nice for the team about our Slice sales"),
    ("stationer", "put together a linkedin post on our q3 orders"),
    ("stationer", "whip up a tweet about our record month of revenue"),
    ("stationer", "write slack msg to team re north revenue"),
    ("stationer", "compose an upbeat announcement for the all hands on orders"),
    ("hotels", "i need an email to the team about october room nights"),
    ("bakery", "want a quick tweet about our record revenue"),
]


@pytest.mark.parametrize(("name", "text"), WRITING, ids=[t for _, t in WRITING])
def test_a_request_to_write_a_text_is_out_of_scope_however_it_is_phrased(name, text):
    assert read(text, COMPANIES[name])["intent"] == "out_of_scope"


# The same kinds of text as the data's own words: questions, not writing requests.
DATA_QUESTIONS = [
    ("stationer", "revenue for Cards last month", {"intent": "value"}, {"product": ["Cards"]}),
    ("stationer", "create a breakdown of notes revenue by region last month",
     {"intent": "breakdown", "group_by": "region"}, {"product": ["Notes"]}),
    ("stationer", "give me the orders for letters in q3", {"intent": "value", "measure": "orders"},
     {"product": ["Letters"]}),
    ("bakery", "write me a summary of q3", {"intent": "summary"}, {}),
    ("hotels", "send me room nights by property last month", {"intent": "breakdown", "group_by": "property"}, {}),
    ("stationer", "i need the cards revenue for q3", {"intent": "value"}, {"product": ["Cards"]}),
]


@pytest.mark.parametrize(("name", "text", "want", "members"), DATA_QUESTIONS, ids=[t for _, t, _, _ in DATA_QUESTIONS])
def test_words_for_kinds_of_text_in_a_data_question_are_data(name, text, want, members):
    got = read(text, COMPANIES[name])
    assert {k: got[k] for k in want} == want
    assert constraints(got) == members


ARRANGED = [
    ("hotels", "room nights split by channel last month", "booking_channel", {}),
    ("hotels", "room revenue split across booking channel in q3", "booking_channel", {}),
    ("hotels", "room nights at split by channel last month", "booking_channel", {"property": ["Split"]}),
    ("hotels", "room revenue split between Nice and Split in q3", "property",
     {"property": ["Nice", "Split"]}),
    ("bakery", "units sliced by shop last month", "shop", {}),
    ("bakery", "revenue mix by channel in 2025", "channel", {}),
    ("bakery", "slice units by shop last month", "shop", {"product": ["Slice"]}),
]


@pytest.mark.parametrize(("name", "text", "group_by", "members"), ARRANGED, ids=[t for _, t, _, _ in ARRANGED])
def test_a_member_named_like_a_verb_of_arranging_is_the_word_before_by(name, text, group_by, members):
    got = read(text, COMPANIES[name])
    assert got["group_by"] == group_by
    assert constraints(got) == members


NAMED = [
    ("hotels", "how did Split do last month?", {"property": ["Split"]}),
    ("hotels", "how did split do last month?", {"property": ["Split"]}),
    ("hotels", "room nights for Split last month", {"property": ["Split"]}),
    ("bakery", "how many Slices did the Market shop sell in q3", {"product": ["Slice"], "shop": ["Market"]}),
]


@pytest.mark.parametrize(("name", "text", "members"), NAMED, ids=[t for _, t, _ in NAMED])
def test_the_same_word_without_the_idiom_is_the_member(name, text, members):
    got = read(text, COMPANIES[name])
    assert got["intent"] != "clarify"
    assert constraints(got) == members


EXCLAIMED = [
    ("hotels", "nice! what was room revenue last month?", {}, "nice"),
    ("hotels", "hey, nice one! room nights at Nice last month", {"property": ["Nice"]}, "one"),
    ("bakery", "super. units for super last month", {"product": ["Super"]}, "super"),
    ("bakery", "that's great! revenue at the harbour shop in q3", {"shop": ["Harbour"]}, "great"),
]


@pytest.mark.parametrize(("name", "text", "members", "ignored"), EXCLAIMED, ids=[t for _, t, _, _ in EXCLAIMED])
def test_a_member_named_like_an_exclamation_is_framing_when_exclaimed(name, text, members, ignored):
    got = read(text, COMPANIES[name])
    assert got["intent"] == "value"
    assert constraints(got) == members
    assert ignored in [w.lower() for w in got["ignored"]]


@pytest.mark.parametrize(("name", "text", "members"), [
    ("hotels", "room revenue at nice last month", {"property": ["Nice"]}),
    ("hotels", "nice: room revenue last month", {"property": ["Nice"]}),
    ("bakery", "super units last month", {"product": ["Super"]}),
])
def test_the_same_word_not_exclaimed_is_the_member(name, text, members):
    assert constraints(read(text, COMPANIES[name])) == members
