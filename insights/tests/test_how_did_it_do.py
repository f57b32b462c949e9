""""How did X do …" names no measure: an overview (`summary`) of the period, as c22 of the shared custom set; a
comparison said outright ("… in q3 vs q2", "… vs last yr", "…, yoy", "… vs the month before") asks for that
comparison instead, of the default measure — as every independent writer of our held-out sets labelled it."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2025, 11, 12)
FIRST, LAST = date(2023, 1, 2), date(2025, 10, 31)

SUPPLY = company(version="supply-1", columns=("net_sales", "cases", "order_lines"),
                 dimensions={"territory": ("Great Lakes", "Plains"), "order_channel": ("Portal", "Phone")},
                 first_date=FIRST, last_date=LAST)
RETAIL = company(version="retail-1", columns=("revenue", "cost", "units", "orders"),
                 dimensions={"region": ("EMEA", "APAC"), "segment": ("Office", "Home")},
                 first_date=FIRST, last_date=LAST)

COMPARED = [
    ("how did portal do in q3 vs q2", SUPPLY, "net_sales", {"order_channel": ("Portal",)}),
    ("how did great lakes do in oct vs sept", SUPPLY, "net_sales", {"territory": ("Great Lakes",)}),
    ("how did plains do last month vs the month before", SUPPLY, "net_sales", {"territory": ("Plains",)}),
    ("how did the office segment do vs last yr in q3", RETAIL, "revenue", {"segment": ("Office",)}),
    ("how's emea looking ytd vs last yr?", RETAIL, "revenue", {"region": ("EMEA",)}),
]
OVERVIEWS = [
    ("how did portal do in q3?", SUPPLY, {"order_channel": ("Portal",)}),
    ("how did emea do last month?", RETAIL, {"region": ("EMEA",)}),
    ("how are we doing this quarter vs last?", RETAIL, {}),
    ("how are we doing?", SUPPLY, {}),
]


@pytest.mark.parametrize(("text", "model", "measure", "constraints"), COMPARED, ids=[t for t, *_ in COMPARED])
def test_a_comparison_said_outright_is_a_compare_of_the_default_measure(text, model, measure, constraints):
    got = parse(text, model=model, as_of=AS_OF).understanding
    assert (got.intent, got.measure, dict(got.constraints)) == ("compare", measure, constraints)
    assert got.compare_to is not None


@pytest.mark.parametrize(("text", "model", "constraints"), OVERVIEWS, ids=[t for t, *_ in OVERVIEWS])
def test_how_did_it_do_without_a_comparison_said_is_the_overview(text, model, constraints):
    got = parse(text, model=model, as_of=AS_OF).understanding
    assert (got.intent, dict(got.constraints)) == ("summary", constraints)
