"""A tenant without a revenue column: a verb of selling ("how much has Dakota sold") asks for its default measure
where that is an amount of money (contract v2: the default measure is the first of the dataset); "sales", the
catalogue's word for revenue, is still asked back; "# of reps" counts as "number of reps" does."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2026, 11, 20)
FIRST, LAST = date(2024, 1, 1), date(2026, 10, 31)

SUPPLY = company(version="supply-1", columns=("net_sales", "cases", "order_lines"),
                 dimensions={"rep": ("Dakota Banks", "Casey Long"), "product_family": ("Syringes", "PPE")},
                 first_date=FIRST, last_date=LAST)
SAAS = company(version="saas-1", columns={"bookings": "Bookings", "seats": "Seats"},
               dimensions={"plan": ("Team", "Enterprise")}, first_date=FIRST, last_date=LAST)
CLINIC = company(version="clinic-1", columns=("appointments", "no_shows"),
                 dimensions={"clinic": ("Bath", "Wells")}, first_date=FIRST, last_date=LAST)

SOLD = [
    ("how much has dakota banks sold since august", SUPPLY, "net_sales", {"rep": ("Dakota Banks",)}),
    ("what did casey long sell in q3", SUPPLY, "net_sales", {"rep": ("Casey Long",)}),
]


@pytest.mark.parametrize(("text", "model", "measure", "constraints"), SOLD, ids=[t for t, *_ in SOLD])
def test_selling_asks_for_the_default_money_measure(text, model, measure, constraints):
    got = parse(text, model=model, as_of=AS_OF).understanding
    assert (got.intent, got.measure, dict(got.constraints)) == ("value", measure, constraints)


@pytest.mark.parametrize(("text", "model"), [
    ("how much did we sell at bath last month", CLINIC),  # appointments are no money: nothing stands for sales
    ("sales by plan last month", SAAS),  # "sales" is the catalogue's revenue, which the data lacks
    ("sales for dakota banks last month", SUPPLY),
])
def test_no_stand_in_where_the_default_is_no_money_or_the_word_is_the_catalogues(text, model):
    assert parse(text, model=model, as_of=AS_OF).understanding.intent == "clarify"


@pytest.mark.parametrize("text", ["# of reps that sold syringes in june 2026",
                                  "#of reps that sold syringes in june 2026",
                                  "number of reps that sold syringes in june 2026"])
def test_a_hash_of_counts_like_number_of(text):
    got = parse(text, model=SUPPLY, as_of=AS_OF).understanding
    assert (got.intent, got.group_by, dict(got.constraints)) == ("count", "rep", {"product_family": ("Syringes",)})


@pytest.mark.parametrize("text", ["what did chris baker sell in october", "how much has jordan smith sold this year",
                                  "what did the baker sell last month"])
def test_who_did_the_selling_is_a_name_asked_back_when_no_member(text):
    """Plain words in the seller's place are someone's name: never left out (the answer would be everyone's)."""
    got = parse(text, model=SUPPLY, as_of=AS_OF).understanding
    assert got.intent == "clarify"


@pytest.mark.parametrize("text", ["what did we sell in october", "how much have we really sold this year",
                                  "what did the team sell last month"])
def test_we_and_the_team_are_the_business(text):
    got = parse(text, model=SUPPLY, as_of=AS_OF).understanding
    assert (got.intent, got.measure, dict(got.constraints)) == ("value", "net_sales", {})
