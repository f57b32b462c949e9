""""How many <noun>" where the noun is a measure's first word: said with the measure's own verb it asks the measure
("how many cakes did we bake" of cakes_baked, where a dimension is cake), with another verb it names no figure of
the data ("how many quotes did we send" where the data holds quotes_rejected: asked back, never the rejected ones);
"how many different cakes" still counts members. A last word two measures share, said after a member, is what the
counted members had ("how many regions had fibre pro subscriptions"). "How many did <member> get?" after a ranking
is that member's figure, not the ranking again.

The companies are made up: a bakery, a garage, a broadband provider, a hotel group."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 6, 10)
SPAN = {"first_date": date(2024, 1, 1), "last_date": date(2026, 5, 31)}
BAKERY = company(version="bakery-hm1", columns=("revenue", "cakes_baked", "loaves_sold"),
                 dimensions={"cake": ("Carrot", "Lemon Drizzle"), "loaf": ("Rye", "Spelt"),
                             "branch": ("Kew", "Ealing")}, **SPAN)
GARAGE = company(version="garage-hm1", columns=("labour_fees", "repairs", "quotes_rejected"),
                 dimensions={"mechanic": ("Sam Ode", "Lia Park"), "bay": ("North", "South")}, **SPAN)
BROADBAND = company(version="bb-hm1", columns=("new_subscriptions", "cancelled_subscriptions", "revenue"),
                    dimensions={"tier": ("Fibre Pro", "Basic"), "region": ("Wessex", "Mercia")}, **SPAN)
HOTELS = company(version="hotels-hm1", columns=("bookings", "complaints", "room_revenue"),
                 dimensions={"hotel": ("Harbour Inn", "Old Mill")}, **SPAN)


def ask(model: SemanticModel, text: str, context=None):
    return parse(text, model=model, as_of=AS_OF, context=context)


def read(model: SemanticModel, text: str, context=None) -> dict:
    return ask(model, text, context).understanding.as_json()


@pytest.mark.parametrize(("text", "measure"), [
    ("how many cakes did we bake last month", "cakes_baked"),
    ("how many loaves did we sell in march 2026", "loaves_sold"),
    ("how many loaves did kew sell last month", "loaves_sold"),
])
def test_a_count_noun_with_its_measures_own_verb_is_the_measure(text, measure):
    got = read(BAKERY, text)
    assert got["intent"] == "value" and got["measure"] == measure and got["group_by"] is None


def test_different_members_are_still_counted():
    first = ask(BAKERY, "how many cakes did we bake last month").understanding
    got = read(BAKERY, "and how many different cakes was that?", first)
    assert got["intent"] == "count" and got["group_by"] == "cake"
    assert read(BAKERY, "how many different cakes did we bake last month")["group_by"] == "cake"


@pytest.mark.parametrize("text", ["how many quotes did we send last month", "how many quotes did they write in 2025"])
def test_a_count_noun_with_a_verb_against_its_measures_is_asked_back(text):
    got = ask(GARAGE, text)
    assert got.understanding.intent == "clarify"
    assert "Quotes rejected" in got.suggestions and "quotes rejected" in (got.clarification or "")


def test_a_follow_up_with_another_verb_is_asked_back_too():
    first = ask(GARAGE, "quotes rejected by mechanic last month").understanding
    assert ask(GARAGE, "how many quotes did we send last month", first).understanding.intent == "clarify"


@pytest.mark.parametrize("text", ["how many quotes were rejected last month", "how many quotes did we reject in 2025",
                                  "how many quotes did we get last month"])
def test_the_measures_own_or_a_neutral_verb_keeps_it(text):
    assert read(GARAGE, text)["measure"] == "quotes_rejected"


@pytest.mark.parametrize(("text", "member"), [
    ("how many regions had fibre pro subscriptions in 2025?", "Fibre Pro"),
    ("how many regions had basic subscriptions last month", "Basic"),
])
def test_a_shared_last_word_after_a_member_is_what_the_counted_had(text, member):
    got = read(BROADBAND, text)
    assert got["intent"] == "count" and got["group_by"] == "region"
    assert got["subject"] == {"dimension": "tier", "value": member}


@pytest.mark.parametrize("text", ["how many subscriptions did wessex have in 2025?",
                                  "how many regions had subscriptions in 2025?"])
def test_a_shared_last_word_with_no_member_before_it_is_still_asked(text):
    assert read(BROADBAND, text)["intent"] == "clarify"


@pytest.mark.parametrize(("text", "member"), [
    ("how many did harbour inn get?", "Harbour Inn"),
    ("how many did the old mill have?", "Old Mill"),
])
def test_how_many_did_a_member_have_after_a_ranking_is_its_figure(text, member):
    first = ask(HOTELS, "which hotel had the most complaints last quarter?").understanding
    got = read(HOTELS, text, first)
    assert got["intent"] == "value" and got["measure"] == "complaints" and got["group_by"] is None
    assert got["subject"] == {"dimension": "hotel", "value": member}
    assert got["time"]["start"] == "2026-01-01" and got["time"]["end"] == "2026-03-31"


def test_a_ranking_follow_up_naming_no_member_stays_a_ranking():
    first = ask(HOTELS, "which hotel had the most complaints last quarter?").understanding
    assert read(HOTELS, "and the fewest?", first)["intent"] == "rank"


def test_a_noun_that_starts_a_dimensions_name_counts_that_dimension():
    """"how many room types did <hotel> sell": the noun and the next word name room_type, whose members are counted."""
    inn = company(version="inn-rt1", columns=("room_revenue", "rooms_sold"), dimensions={
        "inn": ("Old Quay", "Riverside"), "room_type": ("Twin", "Double")},
        first_date=date(2024, 1, 1), last_date=date(2026, 5, 31))
    got = parse("how many room types did old quay sell last month", model=inn, as_of=date(2026, 6, 10)).understanding
    assert (got.intent, got.group_by, dict(got.constraints)) == ("count", "room_type", {"inn": ("Old Quay",)})
