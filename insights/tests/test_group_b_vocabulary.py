"""Measure and dimension words from a tenant's own column names (issue 13, group B).

The column's name is the tenant's word: it beats a catalogue synonym and a weak selling word; a verb
naming a measure names it in every form; a word naming a measure and a member is the measure unless it is
said as the member; function words of a name name nothing alone; a dimension named for an identifier
answers to the thing; a last word shared by two measures, and a rate the data does not hold, are asked back.

Two made-up companies shaped like none of the eval sets: a courier and a climbing gym.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

COURIER = company(
    version="courier-1", columns=("revenue", "spend", "parcels", "pick_ups", "drop_offs"),
    dimensions={
        "depot": ("Leith", "Govan", "Paisley"),
        "line": ("Parcels", "Freight", "Pallets"),
        "route_number": ("12", "14", "30"),
        "customer_type": ("Business", "Retail"),
    },
    first_date=date(2024, 1, 1), last_date=date(2026, 10, 31),
)
GYM = company(
    version="gym-1", columns=("revenue", "cost", "gross_profit", "bookings", "new_members", "lapsed_members",
                              "cancellations"),
    dimensions={
        "studio": ("Boulder Barn", "The Crag", "Cliffside"),
        "member_type": ("Student", "Business", "Family"),
        "pass": ("Day", "Monthly", "Annual"),
    },
    first_date=date(2024, 1, 1), last_date=date(2026, 10, 31),
)
AS_OF = date(2026, 11, 12)
LAST_MONTH = {"start": "2026-10-01", "end": "2026-10-31"}


def understood(text: str, model) -> dict[str, Any]:
    got = parse(text, model=model, as_of=AS_OF).understanding.as_json()
    if got.get("time"):
        got["time"] = {k: got["time"][k] for k in ("start", "end")}
    return got


def constraints(got: dict[str, Any]) -> dict[str, list[str]]:
    out = {k: list(v) for k, v in (got.get("filters") or {}).items()}
    if got.get("subject"):
        out.setdefault(got["subject"]["dimension"], []).append(got["subject"]["value"])
    return out


def check(text: str, model, want: dict[str, Any], members: dict[str, list[str]] | None) -> None:
    got = understood(text, model)
    wrong = {k: got.get(k) for k, v in want.items() if got.get(k) != v}
    assert not wrong, f"{text!r}: got {wrong}, want {({k: want[k] for k in wrong})}"
    if members is not None:
        assert constraints(got) == members, f"{text!r}: constraints {constraints(got)}, want {members}"


OWN_WORDS = [
    # the tenant's "spend" column, not revenue, in every form of the verb
    ("how much did we spend last month?", COURIER, {"intent": "value", "measure": "spend", "time": LAST_MONTH}, {}),
    ("what have we spent at Leith last month", COURIER, {"measure": "spend"}, {"depot": ["Leith"]}),
    ("spending by depot last month", COURIER, {"intent": "breakdown", "measure": "spend", "group_by": "depot"}, {}),
    ("revenue and spend by depot last month", COURIER,
     {"intent": "breakdown", "measure": "revenue", "also": ["spend"], "group_by": "depot"}, {}),
    ("how much did we sell last month", COURIER, {"measure": "revenue"}, {}),
    # other names of a spend column; where there is none, ad spend is a figure the data does not hold
    ("ad spend by depot last month", COURIER, {"intent": "breakdown", "measure": "spend", "group_by": "depot"}, {}),
    ("ad spend last month", GYM, {"intent": "clarify"}, None),
    # "gross profit" of a gross_profit column beside gross margin names both (asked back: test_group_b2_collisions);
    # spelled as the column it is the column, and the catalogue's margin keeps its own words
    ("gross_profit last month?", GYM, {"intent": "value", "measure": "gross_profit", "time": LAST_MONTH}, {}),
    ("gross margin last month", GYM, {"measure": "gross_margin"}, {}),
    # a measure named by a verb's noun ("bookings") is named by the verb too
    ("how many climbs were booked last month", GYM, {"measure": "bookings"}, None),
    ("what did we book at the crag last month", GYM, {"measure": "bookings"}, {"studio": ["The Crag"]}),
]

MEASURE_OR_MEMBER = [
    # "parcels" the measure and "Parcels" the line: the measure unless said as the member
    ("why did parcels drop last month?", COURIER, {"intent": "drivers", "measure": "parcels"}, {}),
    ("parcels from leith last month", COURIER, {"intent": "value", "measure": "parcels"}, {"depot": ["Leith"]}),
    ("parcels on the Parcels line last month", COURIER, {"measure": "parcels"}, {"line": ["Parcels"]}),
    ("parcels from Parcels depots last month", COURIER, {"intent": "value", "measure": "parcels"},
     {"line": ["Parcels"]}),
    ("revenue from parcels last month", COURIER, {"measure": "revenue"}, {"line": ["Parcels"]}),
    ("Parcels revenue by depot last month", COURIER, {"measure": "revenue", "group_by": "depot"},
     {"line": ["Parcels"]}),
]

FUNCTION_PARTS = [
    # "ups"/"offs" of pick_ups and drop_offs name nothing alone; the whole names do
    ("which depot grew the most in q3", COURIER, {"intent": "rank", "measure": "revenue", "group_by": "depot"}, {}),
    ("how far did revenue fall off last month", COURIER, {"measure": "revenue"}, {}),
    ("pick ups last month", COURIER, {"intent": "value", "measure": "pick_ups"}, {}),
    ("pick-ups by depot last month", COURIER, {"intent": "breakdown", "measure": "pick_ups", "group_by": "depot"},
     {}),
]

DIMENSION_WORDS = [
    # route_number holds routes: "which route"; quantity phrases name no dimension
    ("which route had the most parcels last month", COURIER,
     {"intent": "rank", "measure": "parcels", "group_by": "route_number", "limit": 1}, {}),
    ("parcels on route 14 last month", COURIER, {"intent": "value", "measure": "parcels"}, {"route_number": ["14"]}),
    ("we shipped a lot more parcels last month", COURIER, {"measure": "parcels", "group_by": None}, {}),
    ("the number of parcels by depot last month", COURIER, {"intent": "breakdown", "group_by": "depot"}, {}),
    ("show me the numbers for leith last month", COURIER, {"group_by": None}, {"depot": ["Leith"]}),
    # a member before its dimension's own noun: "business customers" of customer_type, "student members"
    ("parcels for business customers last month", COURIER, {"intent": "value", "measure": "parcels"},
     {"customer_type": ["Business"]}),
    ("revenue among student members last month", GYM, {"intent": "value", "measure": "revenue"},
     {"member_type": ["Student"]}),
    ("top 2 studios by revenue among business members last month", GYM,
     {"intent": "rank", "group_by": "studio", "limit": 2}, {"member_type": ["Business"]}),
]

ASKED_BACK = [
    # "members" ends two measures' names: which one?
    ("members by studio last month", GYM, {"intent": "clarify"}, None),
    # rates the data does not hold, of an unknown word or of a summed measure
    ("whats our occupancy rate at the crag this yr", GYM, {"intent": "clarify"}, None),
    ("cancellation rate last month", GYM, {"intent": "clarify"}, None),
    ("cancellations last month", GYM, {"intent": "value", "measure": "cancellations"}, {}),
    ("bookings to cancellations ratio last month", GYM, {"measure": "bookings", "per": "cancellations"}, {}),
    ("new members vs lapsed members last month", GYM, {"measure": "new_members", "also": ["lapsed_members"]}, None),
]


@pytest.mark.parametrize(("text", "model", "want", "members"), OWN_WORDS)
def test_the_tenants_column_beats_catalogue_and_weak_words(text, model, want, members):
    check(text, model, want, members)


@pytest.mark.parametrize(("text", "model", "want", "members"), MEASURE_OR_MEMBER)
def test_a_word_naming_measure_and_member_is_the_measure_unless_said_as_the_member(text, model, want, members):
    check(text, model, want, members)


@pytest.mark.parametrize(("text", "model", "want", "members"), FUNCTION_PARTS)
def test_function_words_of_a_column_name_name_nothing_alone(text, model, want, members):
    check(text, model, want, members)


@pytest.mark.parametrize(("text", "model", "want", "members"), DIMENSION_WORDS)
def test_dimension_words_from_column_names(text, model, want, members):
    check(text, model, want, members)


@pytest.mark.parametrize(("text", "model", "want", "members"), ASKED_BACK)
def test_shared_and_unknown_measure_phrases_are_asked_back(text, model, want, members):
    check(text, model, want, members)


def test_a_shared_last_word_lists_the_measures_it_could_mean():
    reply = parse("members by studio last month", model=GYM, as_of=AS_OF)
    assert set(reply.suggestions) == {"New members", "Lapsed members"}


def test_an_unknown_rate_is_named_in_the_question_back():
    reply = parse("whats our occupancy rate at the crag this yr", model=GYM, as_of=AS_OF)
    assert "occupancy rate" in (reply.clarification or "")
