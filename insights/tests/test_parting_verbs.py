"""A verb that parts a figure among members ("slice", "cut", "bucket", "segment", "carve up", "divvy up") asks for a
breakdown (contract: `breakdown`); with no "by …" it is asked back by what, never answered as a total, and the verb is
placed, never reported as an unknown name nor left out as framing."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2025, 7, 15)
SHOP = company(version="parting-1", columns=("revenue", "orders", "units"),
               dimensions={"channel": ("Online", "Retail"), "region": ("North", "South"), "tier": ("Gold", "Silver")},
               first_date=date(2024, 1, 1), last_date=date(2025, 6, 30))

PARTED = [
    ("pls slice revenue by channel", "revenue", "channel"),
    ("cut revenue by region", "revenue", "region"),
    ("split revenue by channel", "revenue", "channel"),
    ("segment orders by tier", "orders", "tier"),
    ("bucket revenue by region", "revenue", "region"),
    ("carve up revenue by channel", "revenue", "channel"),
    ("divvy up revenue by region", "revenue", "region"),
    ("divvy units up by tier", "units", "tier"),
    ("chop revenue by region", "revenue", "region"),
    ("partition orders by channel", "orders", "channel"),
    ("slice and dice revenue by channel", "revenue", "channel"),
    ("can you bucket units by tier last month", "units", "tier"),
    ("revenue bucketed by region", "revenue", "region"),
    ("orders chopped up by channel", "orders", "channel"),
]


@pytest.mark.parametrize(("text", "measure", "group_by"), PARTED, ids=[t for t, *_ in PARTED])
def test_a_verb_of_parting_with_a_dimension_is_a_breakdown_by_it(text, measure, group_by):
    got = parse(text, model=SHOP, as_of=AS_OF).understanding
    assert (got.intent, got.measure, got.group_by, dict(got.constraints)) == ("breakdown", measure, group_by, {})


@pytest.mark.parametrize("text", ["please, split revenue last month", "slice revenue last month",
                                  "cut orders in q2", "pls bucket units last month"])
def test_a_verb_of_parting_with_nothing_to_part_by_asks_by_what(text):
    got = parse(text, model=SHOP, as_of=AS_OF)
    assert got.understanding.intent == "clarify"
    assert got.clarification is not None and got.clarification.startswith("By what would you like that split")
    assert set(got.suggestions) >= {"Channel", "Region", "Tier"} or "channel" in got.clarification


def test_the_verb_is_placed_not_ignored():
    got = parse("bucket revenue by region thanks", model=SHOP, as_of=AS_OF).understanding
    assert got.intent == "breakdown" and "bucket" not in got.ignored


@pytest.mark.parametrize("text", ["orders after the cut last month", "revenue last month before the cut"])
def test_a_parting_word_said_as_a_noun_asks_for_no_breakdown(text):
    assert parse(text, model=SHOP, as_of=AS_OF).understanding.intent == "value"
