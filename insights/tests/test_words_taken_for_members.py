"""Everyday words taken for members, and members missed (contract v2, "Honesty" and "Members"):

- "please split revenue by channel": a request's sorting verb, never the destination Split;
- "good news: revenue up?": a headline before a colon is framing, never the section News;
- "orders overnight": daily totals hold no part of a day, asked back saying so;
- "avg ticket revenue by genre": the tenant's "ticket revenue" averaged over nothing said is asked back;
- "and categories?" after a count of skus counts categories;
- "revenue for plus customers": the tier's noun, no count of new customers.

The companies are made up: a ferry line sailing to Split, a publisher with a News section and Plus readers."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import members
from insights.tests.models import company
from insights.understanding.parser import Parse, parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 8, 19)
_DATES = {"first_date": date(2024, 1, 1), "last_date": date(2026, 8, 17)}
FERRY = company(version="ferry-f2", columns=("revenue", "passengers", "orders"), dimensions={
    "destination": ("Split", "Hvar", "Zadar"), "channel": ("Online", "Port Desk"), "deck": ("Sale", "Summit"),
}, **_DATES)
PUBLISHER = company(version="publisher-f2", columns=("ticket_revenue", "tickets_sold", "revenue"), dimensions={
    "section": ("News", "Live", "Reading"), "customer_tier": ("New", "Returning", "Plus"),
    "sku": ("P1", "P2", "P3"), "category": ("Hope", "Will", "Max"),
}, **_DATES)


def asked(model: SemanticModel, text: str, *, context: Parse | None = None) -> Parse:
    if context is None:
        return parse(text, model=model, as_of=AS_OF)
    return parse(text, model=model, as_of=AS_OF, context=context.understanding)


@pytest.mark.parametrize(("model", "text", "group_by"), [
    (FERRY, "please split revenue by channel", "channel"),
    (FERRY, "pls split passengers by channel", "channel"),
    (FERRY, "hi, please split revenue by deck", "deck"),
    (FERRY, "can u split q3 revenue out by channel", "channel"),
])
def test_a_requested_sorting_verb_is_the_verb(model, text, group_by):
    got = asked(model, text).understanding.as_json()
    assert (got["intent"], got["group_by"], members(got)) == ("breakdown", group_by, {})


def test_the_member_split_said_as_a_name_stays_the_member():
    assert members(asked(FERRY, "revenue for split please").understanding.as_json()) == {"destination": ["Split"]}


@pytest.mark.parametrize("text", ["good news: revenue last month", "bad news: revenue by section last month",
                                  "heads up: revenue last month", "quick q - revenue last month"])
def test_a_headline_before_a_colon_is_framing(text):
    got = asked(PUBLISHER, text)
    assert got.understanding.intent != "clarify"
    assert members(got.understanding.as_json()) == {}


@pytest.mark.parametrize(("model", "text"), [
    (FERRY, "orders overnight last month"), (FERRY, "passengers this morning"), (PUBLISHER, "revenue tonight"),
    (PUBLISHER, "tickets sold at lunch yesterday"),
])
def test_a_part_of_the_day_is_asked_back_saying_the_data_is_daily(model, text):
    got = asked(model, text)
    assert got.understanding.intent == "clarify"
    assert "daily totals" in (got.clarification or "")


@pytest.mark.parametrize(("text", "measure"), [("avg ticket revenue by section", "ticket revenue"),
                                               ("average revenue by category", "revenue")])
def test_an_average_over_nothing_said_is_asked_back(text, measure):
    got = asked(PUBLISHER, text)
    assert got.understanding.intent == "clarify"
    assert "average is over" in (got.clarification or "")
    assert any(s.lower().startswith(f"{measure} per ticket") for s in got.suggestions)


def test_an_average_per_unit_of_a_count_is_answered():
    got = asked(PUBLISHER, "avg ticket revenue per ticket by section").understanding.as_json()
    assert (got["intent"], got["measure"], got["per"]) == ("breakdown", "ticket_revenue", "tickets_sold")


@pytest.mark.parametrize(("text", "intent", "group_by"), [
    ("and categories?", "count", "category"), ("what about sections?", "count", "section"),
    ("and by category?", "breakdown", "category"),
])
def test_a_dimension_alone_after_a_count_is_counted(text, intent, group_by):
    first = asked(PUBLISHER, "how many skus did we sell last month")
    got = asked(PUBLISHER, text, context=first).understanding.as_json()
    assert (got["intent"], got["group_by"]) == (intent, group_by)


@pytest.mark.parametrize(("text", "member"), [("revenue for plus customers", "Plus"),
                                              ("ticket revenue for returning customers by section", "Returning")])
def test_a_member_said_with_its_dimension_noun_names_that_member(text, member):
    got = asked(PUBLISHER, text).understanding.as_json()
    assert got["intent"] != "clarify"
    assert members(got) == {"customer_tier": [member]}
