"""A member said beside a word of its own dimension's name is that member, not a split by the dimension:
"first class", "club class", "standard cabins" (cabin_class), "the saver tier" — even where the member is spelled
like a keyword ("first", "top", "max") or an ordinary word. "first half" / "first quarter" stay time, and a plural
after a word that picks or ranks members ("other cabins", "top tiers") stays English.

Made-up companies unlike the eval sets: a ferry line (cabin_class, port) and a climbing gym (tier)."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.dimension_qualifiers import own_noun_after, said_in_plural
from insights.understanding.parser import parse

AS_OF = date(2026, 3, 10)
FERRY = company(version="ferry-q1", columns=("fare_revenue", "crossings"), dimensions={
    "cabin_class": ("Standard", "Club", "First"), "port": ("Dover", "Calais", "Dunkirk"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
GYM = company(version="gym-q1", columns=("revenue", "visits"), dimensions={
    "tier": ("Saver", "Top", "Max"), "wall": ("Boulder", "Lead"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))


def read(text: str, model, context=None) -> dict:
    return parse(text, model=model, as_of=AS_OF, context=context).understanding.as_json()


def constraints(got: dict) -> dict:
    both = dict(got["filters"])
    if got["subject"]:
        both[got["subject"]["dimension"]] = [got["subject"]["value"], *both.get(got["subject"]["dimension"], [])]
    return both


@pytest.mark.parametrize(("model", "text", "dimension", "member"), [
    (FERRY, "first class crossings in the first half of 2025", "cabin_class", "First"),
    (FERRY, "fare revenue for club class last month", "cabin_class", "Club"),
    (FERRY, "how many crossings did we sell in first cabins in 2025", "cabin_class", "First"),
    (FERRY, "standard cabin fare revenue last quarter", "cabin_class", "Standard"),
    (GYM, "visits on the top tier last month", "tier", "Top"),
    (GYM, "max tier revenue in 2025", "tier", "Max"),
])
def test_a_member_beside_its_dimension_word_is_that_member(model, text, dimension, member):
    got = read(text, model)
    assert got["intent"] == "value", got
    assert constraints(got) == {dimension: [member]}


def test_first_half_beside_a_first_member_stays_time():
    got = read("first class crossings in the first half of 2025", FERRY)
    assert got["time"]["start"] == "2025-01-01" and got["time"]["end"] == "2025-06-30"
    got = read("crossings in the first quarter of 2025", FERRY)
    assert (got["intent"], got["filters"], got["subject"]) == ("value", {}, None)
    assert (got["time"]["start"], got["time"]["end"]) == ("2025-01-01", "2025-03-31")


@pytest.mark.parametrize("text", ["fare revenue by cabin class last month", "crossings by class in 2025"])
def test_the_dimension_word_alone_is_still_a_split(text):
    got = read(text, FERRY)
    assert (got["intent"], got["group_by"]) == ("breakdown", "cabin_class")


def test_a_follow_up_naming_a_member_by_its_dimension_word_replaces_the_member():
    first = parse("what share of fare revenue came from club in 2025", model=FERRY, as_of=AS_OF).understanding
    got = read("and first class?", FERRY, context=first)
    assert got["intent"] == "share" and got["subject"] == {"dimension": "cabin_class", "value": "First"}
    summary = parse("how are we doing?", model=FERRY, as_of=AS_OF).understanding
    got = read("and for club class?", FERRY, context=summary)
    assert (got["intent"], constraints(got)) == ("summary", {"cabin_class": ["Club"]})


@pytest.mark.parametrize(("dimension", "member_word", "after", "placed"), [
    ("fare_class", "business", " fares thru the call centre", " fares"),
    ("fare_class", "first", " class?", " class"),
    ("fare_class", "first", " half of 2025", ""),
    ("fare_class", "top", " fares", ""),  # "top fares": a ranking's words, not the member Top
    ("region", "other", " regions", ""),
])
def test_own_noun_after(dimension, member_word, after, placed):
    assert after[:own_noun_after(dimension, member_word=member_word, after=after)] == placed


@pytest.mark.parametrize(("dimension", "written", "plural"), [
    ("fare_class", "class", False), ("customer_status", "status", False), ("country", "countries", True),
    ("sales_channel", "channels", True), ("ad_format", "ads", True), ("kpi", "kpis", True),
    ("diagnosis", "diagnosis", False), ("diagnosis", "diagnoses", True),
])
def test_said_in_plural(dimension, written, plural):
    assert said_in_plural(dimension, written) is plural
