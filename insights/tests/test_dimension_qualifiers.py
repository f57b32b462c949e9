"""A qualifier noun said before a dimension's word (tw24.0 class): "booking channel", "lead source", "product
line", "store location", "customer segment" are that dimension where the qualifier names nothing in the data;
a word that is no such qualifier still asks back, and a qualifier that is the tenant's own word stays that.

Made-up companies unlike the eval sets: a canal-boat hire firm (channel, location) and a seed merchant
(source, line, segment) one of whose lines is "Product Samples"."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2026, 3, 10)
BOATS = company(version="boats-q1", columns=("hire_revenue", "hires"), dimensions={
    "channel": ("Phone", "Website", "Agent"), "location": ("Lockside", "Millpond"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
SEEDS = company(version="seeds-q1", columns=("revenue", "packets"), dimensions={
    "source": ("Catalogue", "Fair"), "line": ("Heirloom", "Product Samples"), "segment": ("Allotment", "Farm"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))


def read(text: str, model) -> dict:
    return parse(text, model=model, as_of=AS_OF).understanding.as_json()


@pytest.mark.parametrize(("model", "text", "dimension"), [
    (BOATS, "fastest growing booking channel in q3 yoy?", "channel"),
    (BOATS, "hire revenue by sales channel last month", "channel"),
    (BOATS, "which marketing channel brought the most hires in 2025", "channel"),
    (BOATS, "hires by store location this year", "location"),
    (SEEDS, "revenue by lead source last quarter", "source"),
    (SEEDS, "top customer segment by packets in 2025", "segment"),
    (SEEDS, "best referral source last month", "source"),
])
def test_a_qualified_dimension_word_is_that_dimension(model, text, dimension):
    got = read(text, model)
    assert got["intent"] in ("breakdown", "rank"), got
    assert got["group_by"] == dimension


@pytest.mark.parametrize(("model", "text"), [
    (BOATS, "fastest growing zebra channel in q3 yoy?"),
    (BOATS, "hires by plumbing location this year"),
    (SEEDS, "revenue by quux source last quarter"),
])
def test_a_word_that_is_no_qualifier_still_asks_back(model, text):
    assert read(text, model)["intent"] == "clarify"


def test_a_qualifier_that_names_a_member_stays_the_member():
    # "product" is a word of the line "Product Samples": "product line" there is no bare split by line
    assert read("revenue by line last month", SEEDS)["intent"] == "breakdown"
    got = read("revenue by product line last month", SEEDS)
    assert (got["intent"], got["group_by"]) != ("breakdown", "line"), got
