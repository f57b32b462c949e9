"""Phrasings found by two fresh held-out sets (issue 13), by class, over three shapes of data: a share asked with
the whole said first ("of X, how much was Y") or "in %", a split across a dimension in %, a target "cleared",
"cracked" or "topped", and unusual changes said as "out of the ordinary", "anything off" or "spikes".

Each table states only the fields it checks, as the shared evaluator does."""
from __future__ import annotations

import pytest

from insights.tests.test_parser_idioms import THIS_YEAR, check

LAST_QUARTER = {"start": "2025-07-01", "end": "2025-09-30", "grain": "quarter"}
WHOLE_YEAR = {"start": "2025-01-01", "end": "2025-12-31", "grain": "year"}

WHOLE_FIRST = [
    ("freight", "of leeds' pallets last quarter how much was artic, in %", "pallets", ("vehicle", "Artic"),
     {"depot": ["Leeds"]}),
    ("freight", "out of hull shipments last quarter how many were overnight", "shipments", ("service", "Overnight"),
     {"depot": ["Hull"]}),
    ("outdoor", "out of emea revenue last quarter how much was online", "revenue", ("channel", "Online"),
     {"region": ["EMEA"]}),
    ("outdoor", "of apac's units last quarter what % were footwear", "units", ("category", "Footwear"),
     {"region": ["APAC"]}),
    ("outdoor", "of emea's revenue last quarter how much came from partner", "revenue", ("channel", "Partner"),
     {"region": ["EMEA"]}),
    ("supply", "of midwest bookings last quarter what share was enterprise", "bookings", ("segment", "Enterprise"),
     {"territory": ["Midwest"]}),
    ("supply", "of the west's seats last quarter what percentage came from distributor", "seats",
     ("sales_channel", "Distributor"), {"territory": ["West"]}),
    # the whole, a colon, then the part
    ("outdoor", "emea revenue last quarter: what % online", "revenue", ("channel", "Online"), {"region": ["EMEA"]}),
    ("supply", "west bookings last quarter: what share smb", "bookings", ("segment", "SMB"), {"territory": ["West"]}),
    # a figure of a member asked in %: its share of the whole business
    ("outdoor", "how much was footwear last quarter, in %", "revenue", ("category", "Footwear"), {}),
    ("freight", "how many pallets were artic last quarter as a percentage", "pallets", ("vehicle", "Artic"), {}),
    ("supply", "how much was enterprise in bookings last quarter as a %", "bookings", ("segment", "Enterprise"), {}),
]


@pytest.mark.parametrize(("model", "text", "measure", "part", "whole"), WHOLE_FIRST,
                         ids=[t for _, t, *_ in WHOLE_FIRST])
def test_the_whole_said_first_makes_a_share_with_the_part_as_subject(model, text, measure, part, whole):
    """Not the part's figure filtered by the whole: an answer to a different question."""
    check(model, text, {"intent": "share", "measure": measure, "subject": {"dimension": part[0], "value": part[1]},
                        "filters": whole, "time": LAST_QUARTER, "group_by": None})


STILL_FIGURES = [
    # without a whole said first or "in %", "how much was X" is X's figure
    ("outdoor", "how much was footwear last quarter", {"category": ["Footwear"]}),
    ("freight", "how many shipments were overnight last quarter", {"service": ["Overnight"]}),
    ("supply", "how much were midwest bookings last quarter", {"territory": ["Midwest"]}),
    # a number that "looked off" is framing, not a question about unusual changes
    ("outdoor", "to be frank the partner number looked off - what was partner revenue in q3?",
     {"channel": ["Partner"]}),
]


@pytest.mark.parametrize(("model", "text", "constraints"), STILL_FIGURES, ids=[t for _, t, _ in STILL_FIGURES])
def test_a_figure_of_a_member_is_still_a_value(model, text, constraints):
    got = check(model, text, {"intent": "value", "time": LAST_QUARTER})
    named = dict(got["filters"])
    if got["subject"]:
        named.setdefault(got["subject"]["dimension"], []).append(got["subject"]["value"])
    assert named == constraints


SPLITS_IN_PERCENT = [
    ("outdoor", "how is revenue split across regions ytd in %", "revenue", "region"),
    ("outdoor", "revenue by channel ytd as a %", "revenue", "channel"),
    ("freight", "pallets by depot ytd in percentage terms", "pallets", "depot"),
    ("supply", "how are bookings split across segments ytd, as a percentage", "bookings", "segment"),
    ("supply", "seats by territory ytd in %", "seats", "territory"),
]


@pytest.mark.parametrize(("model", "text", "measure", "dimension"), SPLITS_IN_PERCENT,
                         ids=[t for _, t, *_ in SPLITS_IN_PERCENT])
def test_a_split_across_a_dimension_in_percent_is_each_members_share(model, text, measure, dimension):
    check(model, text, {"intent": "share", "measure": measure, "group_by": dimension, "subject": None,
                        "filters": {}, "time": THIS_YEAR})


GROWTH_IN_PERCENT = [
    ("outdoor", "which region grew the most ytd in %", "region"),
    ("supply", "bookings by segment ytd vs last year in %", "segment"),
]


@pytest.mark.parametrize(("model", "text", "dimension"), GROWTH_IN_PERCENT, ids=[t for _, t, _ in GROWTH_IN_PERCENT])
def test_growth_in_percent_by_a_dimension_is_no_share(model, text, dimension):
    got = check(model, text, {"group_by": dimension})
    assert got["intent"] != "share"


TARGETS = [
    ("outdoor", "are we gonna clear $4.5M in revenue this year?", "revenue", 4_500_000),
    ("freight", "will we crack 2m pallets this year", "pallets", 2_000_000),
    ("supply", "are we going to top $3m in bookings this year", "bookings", 3_000_000),
    ("outdoor", "can we get to 50k orders this year", "orders", 50_000),
    ("freight", "will we pass $10M revenue this year", "revenue", 10_000_000),
    ("supply", "we gonna hit 20k seats this year?", "seats", 20_000),
    ("outdoor", "will we reach $12m revenue this year", "revenue", 12_000_000),
    ("freight", "will we be on track for 300k shipments this year", "shipments", 300_000),
]


@pytest.mark.parametrize(("model", "text", "measure", "target"), TARGETS, ids=[t for _, t, *_ in TARGETS])
def test_an_idiom_of_a_target_is_pace_over_the_whole_period(model, text, measure, target):
    check(model, text, {"intent": "pace", "measure": measure, "target": target, "time": WHOLE_YEAR})


UNUSUAL = [
    ("outdoor", "anything out of the ordinary in revenue in march", "revenue", None),
    ("freight", "anything odd in late deliveries last month", "late_deliveries", None),
    ("supply", "does anything look off in bookings last month", "bookings", None),
    ("outdoor", "any spikes in orders last month", "orders", None),
    ("freight", "weird stuff in shipments last month", "shipments", None),
    ("supply", "anything strange going on with seats last month", "seats", None),
    ("outdoor", "which regions stand out in units last month", "units", "region"),
    ("freight", "any anomalies in pallets by depot last month", "pallets", "depot"),
    ("supply", "outliers in bookings last month?", "bookings", None),
]


@pytest.mark.parametrize(("model", "text", "measure", "group_by"), UNUSUAL, ids=[t for _, t, *_ in UNUSUAL])
def test_an_idiom_of_the_unusual_is_unusual_with_the_default_limit(model, text, measure, group_by):
    """"ordinary" in "out of the ordinary" is placed, never asked back as an unknown name."""
    check(model, text, {"intent": "unusual", "measure": measure, "group_by": group_by, "limit": 5})


def test_a_verb_of_a_target_without_a_target_is_no_pace():
    check("outdoor", "can we break revenue down by region this year", {"intent": "breakdown", "group_by": "region"})


def test_a_spike_explained_is_drivers_not_unusual():
    check("outdoor", "why did revenue spike in march", {"intent": "drivers"})
