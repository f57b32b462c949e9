"""A kept-back held-out class (a coffee roaster's "sales and pounds roasted ytd vs last year"): the noun "sales"
listed with another measure ("sales and X", "X, sales", "sales & X") is revenue, a figure of its own, the first
said the measure and the other also; "sales" qualifying a measure beside it ("sales visits") is still that one.

The company here is shaped unlike the roaster: a bike hire firm with its own measures."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation
from insights.tests.models import company

BIKES = company(version="bikes-p1", columns=("revenue", "rentals", "kilometres_ridden"), dimensions={
    "depot": ("Canal Side", "Old Station"),
}, first_date=date(2023, 1, 1), last_date=date(2026, 11, 30))
AS_OF = date(2026, 12, 2)


@pytest.mark.parametrize(("text", "measure", "also"), [
    ("sales and kilometres ridden ytd vs last year", "revenue", ["kilometres_ridden"]),
    ("sales & rentals at canal side last month", "revenue", ["rentals"]),
    ("rentals and sales in q3", "rentals", ["revenue"]),
])
def test_sales_listed_with_a_measure_is_revenue_too(text: str, measure: str, also: list[str]) -> None:
    got = conversation(text, model=BIKES, as_of=AS_OF)
    assert got["measure"] == measure
    assert got.get("also") == also


def test_sales_beside_a_measure_still_qualifies_it() -> None:
    got = conversation("sales rentals last month", model=BIKES, as_of=AS_OF)
    assert got["measure"] == "rentals"
    assert not got.get("also")
