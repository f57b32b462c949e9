"""A follow-up after a clarify builds on what the clarify understood (contract v2, "Follow-ups": a follow-up
inherits from the previous question whatever it does not say). "Net sales in belgium last month?" is asked back
with what was understood (the measure and the month), so "sorry meant the netherlands", "i meant X" or "no, X"
is that measure in that month for X; "what's the median order value in france last month" then "ok then just net
sales per order there" is net sales per order, France, last month. A clarify that understood nothing is no
context.

The companies are shaped like none of the eval sets: a wine importer selling by region and grape, and a
climbing-gym group with gyms and passes."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from metrics.semantic import SemanticModel

AS_OF = date(2026, 7, 9)
WINE = company(version="wine-c1", columns=("cases", "net_sales", "orders"), dimensions={
    "region": ("Rioja", "Douro", "Mosel", "Tuscany"), "grape": ("Tempranillo", "Riesling", "Sangiovese"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 6, 30))
GYMS = company(version="gyms-c1", columns=("visits", "pass_sales"), dimensions={
    "gym": ("Northside", "Harbour", "Summit"), "pass": ("Student", "Family", "Senior"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 6, 30))
JUNE = ("2026-06-01", "2026-06-30")


def conversation(model: SemanticModel, *texts: str) -> list[Understanding]:
    out, context = [], None
    for text in texts:
        context = parse(text, model=model, as_of=AS_OF, context=context).understanding
        out.append(context)
    return out


def period(got: Understanding) -> tuple[str, str]:
    assert got.time is not None
    return got.time.start.isoformat(), got.time.end.isoformat()


@pytest.mark.parametrize(("model", "first", "correction", "measure", "dimension", "member"), [
    (WINE, "net sales in burgundy last month?", "sorry meant mosle", "net_sales", "region", "Mosel"),
    (WINE, "cases from napa last month", "i meant douro", "cases", "region", "Douro"),
    (WINE, "how many cases of merlot last month", "no, riesling", "cases", "grape", "Riesling"),
    (GYMS, "visits at riverside last month", "oops, meant harbour", "visits", "gym", "Harbour"),
    (GYMS, "pass sales for corporate passes last month?", "sorry, i meant the family ones", "pass_sales", "pass",
     "Family"),
])
def test_a_correction_after_an_unknown_member_completes_the_question(model, first, correction, measure,
                                                                     dimension, member):
    asked_back, got = conversation(model, first, correction)
    assert asked_back.intent == "clarify"
    assert (got.intent, got.measure, period(got)) == ("value", measure, JUNE)
    assert dict(got.constraints) == {dimension: (member,)}


@pytest.mark.parametrize(("model", "first", "then", "measure", "per", "constraints"), [
    (WINE, "whats the median order value in tuscany last month", "ok then just net sales per order there",
     "net_sales", "orders", {"region": ("Tuscany",)}),
    (WINE, "median cases per order for rioja last month?", "fine, just cases per order then", "cases", "orders",
     {"region": ("Rioja",)}),
    (GYMS, "median visits at summit last month", "ok then the average daily visits there", "visits", "day",
     {"gym": ("Summit",)}),
])
def test_a_new_measure_after_a_clarify_keeps_what_was_understood(model, first, then, measure, per, constraints):
    asked_back, got = conversation(model, first, then)
    assert asked_back.intent == "clarify"
    assert (got.intent, got.measure, got.per, period(got)) == ("value", measure, per, JUNE)
    assert dict(got.constraints) == constraints


@pytest.mark.parametrize("correction", ["sorry meant mosel", "i meant douro", "no, tuscany"])
def test_a_correction_after_a_clarify_that_understood_nothing_asks_back(correction):
    asked_back, got = conversation(WINE, "write me a limerick about wine", correction)
    assert asked_back.intent == "out_of_scope" and got.intent == "clarify"


def test_a_new_question_after_a_clarify_stands_alone():
    _, got = conversation(GYMS, "visits at riverside last month", "pass sales by gym in 2025")
    assert (got.intent, got.measure, got.group_by, period(got)) == ("breakdown", "pass_sales", "gym",
                                                                    ("2025-01-01", "2025-12-31"))
    assert not got.constraints
