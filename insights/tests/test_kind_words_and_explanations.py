"""A dimension's first word said as a kind asked for, or as a plain noun; explanations naming nothing held.

- The first word of a "<word> <kind>" dimension ("boat" of boat_type) names it where kinds are asked: after "by",
  "across each", "which", "top 2", before "mix"/"split"/"share". As a noun of the business ("were hiring boats",
  "keep the boat") it names nothing: a count of harbours stays a count, an average stays one figure.
- An explanation led by "ie", "i.e.", "e.g.", "aka" (in brackets or to the end of its clause) that names nothing
  the data holds is framing ("(ie how long they keep the boat)", "— i.e. the average stay"); one naming a member,
  a split, a period or a figure (held or not) is read.

Made-up companies: a boat hire, a pet shop and a bakery."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from metrics.semantic import SemanticModel

AS_OF = date(2026, 6, 15)
BOATS = company(version="boats-k1", columns=("hire_fees", "hires", "hire_days"), dimensions={
    "harbour": ("Dartmouth", "Salcombe", "Fowey"), "boat_type": ("Dinghy", "Kayak", "Motor Launch"),
    "hirer_type": ("Family", "Club", "Tourist"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 5, 31))
PETS = company(version="pets-k1", columns=("takings", "sales"), dimensions={
    "shop": ("Bude", "Truro"), "pet_type": ("Dog", "Cat", "Rabbit"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 5, 31))
BAKERY = company(version="bakery-k1", columns=("takings", "orders"), dimensions={
    "loaf_type": ("Sourdough", "Rye", "Brioche"), "bakery": ("Frome", "Wells"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 5, 31))


def conversation(model: SemanticModel, *turns: str) -> list[dict]:
    """Each turn read after the last answered one, as the chat keeps it."""
    out, context = [], None
    for text in turns:
        understanding: Understanding = parse(text, model=model, as_of=AS_OF, context=context).understanding
        out.append(understanding.as_json())
        context = understanding if understanding.answered else context
    return out


@pytest.mark.parametrize(("model", "text", "intent", "rows"), [
    (BOATS, "hires by boat last month", "breakdown", "boat_type"),
    (BOATS, "hire fees across each boat in 2025", "breakdown", "boat_type"),
    (BOATS, "top 2 boats by hires in 2025", "rank", "boat_type"),
    (BOATS, "whats the boat mix of hires in 2025", "share", "boat_type"),
    (PETS, "takings by pet in 2025", "breakdown", "pet_type"),
    (PETS, "the pet split of sales last month", "breakdown", "pet_type"),
    (BAKERY, "what share does each loaf have in 2025", "share", "loaf_type"),
])
def test_a_dimensions_first_word_where_kinds_are_asked_names_it(model, text, intent, rows):
    (got,) = conversation(model, text)
    assert (got["intent"], got["group_by"]) == (intent, rows), got
    assert not got["ignored"], got


@pytest.mark.parametrize(("model", "text", "rows"), [
    (BOATS, "how many harbours were hiring boats in 2025", "harbour"),
    (BOATS, "how many harbours had boats out in 2025", "harbour"),
    (PETS, "how many shops were selling pets in 2025", "shop"),
    (BAKERY, "how many bakeries were baking loaves in 2025", "bakery"),
])
def test_a_dimensions_first_word_as_a_noun_of_the_predicate_is_no_split(model, text, rows):
    (got,) = conversation(model, text)
    assert (got["intent"], got["group_by"]) == ("count", rows), got
    assert (got["time"]["start"], got["time"]["end"]) == ("2025-01-01", "2025-12-31"), got


def test_a_count_whose_predicate_names_the_first_word_keeps_its_follow_ups():
    first, year, kind = conversation(BOATS, "how many harbours were hiring boats in 2024", "and this yr?",
                                     "how many of them had kayaks?")
    assert (first["intent"], first["group_by"]) == ("count", "harbour"), first
    assert (year["intent"], year["group_by"], year["time"]["start"]) == ("count", "harbour", "2026-01-01"), year
    assert (kind["intent"], kind["group_by"]) == ("count", "harbour"), kind
    assert kind["subject"] == {"dimension": "boat_type", "value": "Kayak"} or \
        kind["filters"] == {"boat_type": ["Kayak"]}, kind
    assert kind["time"]["start"] == "2026-01-01", kind


@pytest.mark.parametrize(("model", "text", "measure", "per", "member"), [
    (BOATS, "avg hire days per hire for families in 2025 (ie how long they keep the boat)", "hire_days", "hires",
     ("hirer_type", "Family")),
    (BOATS, "avg hire days per hire for families in 2025 — i.e. the average stay", "hire_days", "hires",
     ("hirer_type", "Family")),
    (PETS, "takings per sale at truro in 2025, i.e. what a pet goes for", "takings", "sales", ("shop", "Truro")),
    (BAKERY, "takings per order at wells in 2025 (aka what a loaf goes for)", "takings", "orders",
     ("bakery", "Wells")),
])
def test_an_explanation_naming_nothing_held_is_framing(model, text, measure, per, member):
    (got,) = conversation(model, text)
    assert (got["intent"], got["measure"], got["per"], got["group_by"]) == ("value", measure, per, None), got
    assert got["subject"] == {"dimension": member[0], "value": member[1]}, got
    assert (got["time"]["start"], got["time"]["end"]) == ("2025-01-01", "2025-12-31"), got


def test_an_explanation_naming_a_member_filters():
    (got,) = conversation(PETS, "sales at bude in 2025 (e.g. rabbits)")
    assert got["filters"] == {"pet_type": ["Rabbit"]} or got["subject"] == {"dimension": "pet_type",
                                                                             "value": "Rabbit"}, got


def test_an_explanation_naming_a_figure_the_data_lacks_is_asked_back():
    (got,) = conversation(PETS, "takings at truro in 2025 (ie the margin)")
    assert got["intent"] == "clarify", got


def test_an_explanation_naming_a_split_splits():
    (got,) = conversation(BOATS, "hires in 2025 (ie by harbour)")
    assert (got["intent"], got["group_by"]) == ("breakdown", "harbour"), got


def test_an_explanation_naming_a_period_is_the_period():
    (got,) = conversation(BAKERY, "takings at frome (i.e. 2024)")
    assert (got["time"]["start"], got["time"]["end"]) == ("2024-01-01", "2024-12-31"), got



POOL = company(version="pool-k1", columns=("takings", "swims"), dimensions={
    "pass_type": ("Season", "Day", "Family"), "pool": ("Lido", "Baths"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 5, 31))
GYM = company(version="gym-k1", columns=("fees", "visits"), dimensions={
    "membership_type": ("Day", "Month", "Annual"), "site": ("Leeds", "York"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 5, 31))


@pytest.mark.parametrize(("model", "text", "dimension", "member"), [
    (POOL, "season pass takings last month", "pass_type", "Season"),
    (POOL, "running total of season pass swims by month this year", "pass_type", "Season"),
    (GYM, "day membership fees in may", "membership_type", "Day"),
])
def test_the_first_word_beside_one_of_its_own_members_says_what_the_member_is_of(model, text, dimension, member):
    """A member named like a calendar word is that member beside its dimension's first word, never a period."""
    got = conversation(model, text)[0]
    said = {**got["filters"], **({got["subject"]["dimension"]: [got["subject"]["value"]]} if got["subject"] else {})}
    assert got["intent"] in ("value", "trend")
    assert said == {dimension: [member]}
