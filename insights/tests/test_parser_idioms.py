"""Idioms people type in chat, by class, over three shapes of data (issue 13): comparisons ("stack up
against", "measure up to", "next to") and shares ("how much of X went on Y", "Y's cut of X").

Each table states only the fields it checks, as the shared evaluator does. The companies: a freight
carrier with measures of its own and members that are English words (Haulwise's shape), the outdoor
company of the v1 tests and the supplier of the v2 tests."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from insights.tests.models import company
from insights.tests.test_parser import OUTDOOR
from insights.tests.test_parser_v2 import SUPPLY
from insights.understanding.parser import parse

FREIGHT = company(
    version="freight-1",
    columns={"revenue": "revenue", "shipments": "shipments", "pallets": "pallets",
             "late_deliveries": "late_deliveries", "fuel_cost": "Fuel Cost"},
    dimensions={"depot": ("Crewe", "Dover", "Hull", "Leeds", "Reading"),
                "service": ("Express", "Overnight", "Standard", "Weekend"),
                "tier": ("Bronze", "Gold", "Silver"), "vehicle": ("Artic", "Rigid", "Van")},
    first_date=date(2023, 6, 1), last_date=date(2025, 10, 31),
)
MODELS = {"freight": FREIGHT, "outdoor": OUTDOOR, "supply": SUPPLY}
AS_OF = date(2025, 11, 5)
Q3 = {"start": "2025-07-01", "end": "2025-09-30", "grain": "quarter"}
Q2 = {"start": "2025-04-01", "end": "2025-06-30"}
THIS_YEAR = {"start": "2025-01-01", "end": "2025-11-05", "grain": None}


def check(model: str, text: str, want: dict[str, Any]) -> dict[str, Any]:
    got = parse(text, model=MODELS[model], as_of=AS_OF).understanding.as_json()
    wrong = {k: got.get(k) for k, v in want.items() if got.get(k) != v}
    assert not wrong, f"{text!r}: got {wrong}, want {({k: want[k] for k in wrong})}"
    return got


PERIODS_COMPARED = [
    ("freight", "how did shipments in q3 2025 stack up vs q2", "shipments"),
    ("freight", "how did q3 pallets stack up against q2", "pallets"),
    ("freight", "how does q3 revenue measure up to q2", "revenue"),
    ("outdoor", "q3 units against q2", "units"),
    ("outdoor", "margin in q3 relative to q2", "gross_margin"),
    ("supply", "q3 versus q2 bookings", "bookings"),
    ("supply", "how'd q3 seats do next to q2", "seats"),
    ("freight", "q3 or q2 shipments, which was bigger", "shipments"),
    ("outdoor", "q3 and q2 revenue side by side", "revenue"),
    ("freight", "how do q3 shipments match up with q2", "shipments"),
]


@pytest.mark.parametrize(("model", "text", "measure"), PERIODS_COMPARED, ids=[t for _, t, _ in PERIODS_COMPARED])
def test_two_periods_in_an_idiom_of_comparison_are_compared(model, text, measure):
    check(model, text, {"intent": "compare", "measure": measure, "time": Q3, "compare_to": Q2, "filters": {},
                        "subject": None})


MEMBERS_SIDE_BY_SIDE = [
    ("freight", "how did leeds stack up against hull on revenue this year", "depot", ["Leeds", "Hull"]),
    ("freight", "how'd dover do next to hull this year", "depot", ["Dover", "Hull"]),
    ("freight", "how is leeds stacking up against dover this year", "depot", ["Leeds", "Dover"]),
    ("outdoor", "how does online measure up to retail this year", "channel", ["Online", "Retail"]),
    ("outdoor", "how'd footwear do next to apparel this year", "category", ["Footwear", "Apparel"]),
    ("supply", "Direct relative to SMB this year", "segment", ["Direct", "SMB"]),
    ("supply", "midwest versus the west this year", "territory", ["Midwest", "West"]),
]


@pytest.mark.parametrize(("model", "text", "dimension", "members"), MEMBERS_SIDE_BY_SIDE,
                         ids=[t for _, t, *_ in MEMBERS_SIDE_BY_SIDE])
def test_two_members_in_an_idiom_of_comparison_are_a_breakdown_of_the_two(model, text, dimension, members):
    """Not one figure (or one summary) for both together: a row each, and the gap between them."""
    check(model, text, {"intent": "breakdown", "group_by": dimension, "filters": {dimension: members},
                        "subject": None, "time": THIS_YEAR})


def test_an_ordinary_word_one_typo_from_a_calendar_word_is_not_that_word():
    """"match up" is no "March": the period stays the one said."""
    got = check("freight", "how does leeds match up with hull on pallets in 2024",
                {"intent": "breakdown", "measure": "pallets", "filters": {"depot": ["Leeds", "Hull"]}})
    assert (got["time"]["start"], got["time"]["end"]) == ("2024-01-01", "2024-12-31")


SHARES = [
    ("freight", "how much of leeds' pallets went on artics this year", "pallets", ("vehicle", "Artic"),
     {"depot": ["Leeds"]}),
    ("freight", "how much of leeds's pallets went on artics this year", "pallets", ("vehicle", "Artic"),
     {"depot": ["Leeds"]}),
    ("freight", "how much of the shipments this year were via vans", "shipments", ("vehicle", "Van"), {}),
    ("freight", "how many of our shipments were overnight this year", "shipments", ("service", "Overnight"), {}),
    ("freight", "express's cut of revenue this year", "revenue", ("service", "Express"), {}),
    ("freight", "how much of hull's revenue this year was weekend service", "revenue", ("service", "Weekend"),
     {"depot": ["Hull"]}),
    ("outdoor", "how much of emea's revenue came through online this year", "revenue", ("channel", "Online"),
     {"region": ["EMEA"]}),
    ("outdoor", "what portion of units were footwear this year", "units", ("category", "Footwear"), {}),
    ("outdoor", "what fraction of this year's orders went via partner", "orders", ("channel", "Partner"), {}),
    ("outdoor", "how many of our orders came via partner this year", "orders", ("channel", "Partner"), {}),
    ("outdoor", "retail's cut of revenue this year", "revenue", ("channel", "Retail"), {}),
    ("supply", "how much of the midwest's bookings came from enterprise this year", "bookings",
     ("segment", "Enterprise"), {"territory": ["Midwest"]}),
    ("supply", "what % of seats went through distributor this year", "seats", ("sales_channel", "Distributor"), {}),
    ("supply", "what proportion of revenue was Pro Series this year", "revenue", ("product_family", "Pro Series"), {}),
]


@pytest.mark.parametrize(("model", "text", "measure", "part", "whole"), SHARES, ids=[t for _, t, *_ in SHARES])
def test_a_part_of_a_whole_is_a_share_with_the_part_as_subject(model, text, measure, part, whole):
    check(model, text, {"intent": "share", "measure": measure, "subject": {"dimension": part[0], "value": part[1]},
                        "filters": whole, "time": THIS_YEAR, "group_by": None})


NOT_SHARES = [
    # the same words with no part named after the verb: a figure, not a share of one
    ("freight", "how many shipments did leeds do on vans this year", "value", {"depot": ["Leeds"], "vehicle": ["Van"]}),
    ("outdoor", "how much did online sell in emea this year", "value", {"channel": ["Online"], "region": ["EMEA"]}),
    # a dimension after "how many of": a count of its members
    ("freight", "how many of our depots had late deliveries this year", "count", {}),
]


@pytest.mark.parametrize(("model", "text", "intent", "constraints"), NOT_SHARES, ids=[t for _, t, *_ in NOT_SHARES])
def test_a_figure_of_members_is_no_share(model, text, intent, constraints):
    got = check(model, text, {"intent": intent})
    named = dict(got["filters"])
    if got["subject"]:
        named.setdefault(got["subject"]["dimension"], []).append(got["subject"]["value"])
    assert {k: set(v) for k, v in named.items()} == {k: set(v) for k, v in constraints.items()}


WHICH_OF_TWO = [
    ("freight", "leeds or hull pallets this year, which was bigger", "depot", ["Leeds", "Hull"]),
    ("outdoor", "emea or apac revenue this year, which was bigger", "region", ["EMEA", "APAC"]),
    ("supply", "which had more seats this year, direct or smb", "segment", ["Direct", "SMB"]),
]


@pytest.mark.parametrize(("model", "text", "dimension", "members"), WHICH_OF_TWO, ids=[t for _, t, *_ in WHICH_OF_TWO])
def test_which_of_two_members_was_bigger_ranks_only_those_two(model, text, dimension, members):
    check(model, text, {"intent": "rank", "group_by": dimension, "order": "desc", "limit": 1,
                        "filters": {dimension: members}, "time": THIS_YEAR})
