"""A kept-back held-out class (a travel agency's "how many northern lights tours did we sell in tromso last
month"): "how many <member plural> did we sell" where the data has no units counts the one measure a sale is
recorded as (orders, bookings, transactions), narrowed to that member, a name of several words in the plural and a
place said without its accent included; where the data holds two such counts it is still asked back.

The companies here are shaped unlike the agency: an events caterer and a ferry line."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import constraints, conversation, span
from insights.tests.models import company

CATERER = company(version="caterer-p1", columns=("orders", "takings", "guests", "complaints"), dimensions={
    "menu": ("Gala Dinner", "Garden Buffet", "Canape"), "venue": ("Malmö", "Göteborg"),
}, first_date=date(2023, 1, 1), last_date=date(2026, 11, 30))
FERRIES = company(version="ferries-p1", columns=("transactions", "bookings", "fares", "passengers"), dimensions={
    "route": ("Island Hopper", "Night Crossing"),
}, first_date=date(2023, 1, 1), last_date=date(2026, 11, 30))
AS_OF = date(2026, 12, 2)


@pytest.mark.parametrize(("text", "members"), [
    ("how many gala dinners did we sell in malmo last month", {"menu": ["Gala Dinner"], "venue": ["Malmö"]}),
    ("how many garden buffets did we sell last month", {"menu": ["Garden Buffet"]}),
    ("how many did we sell in goteborg last month", {"venue": ["Göteborg"]}),
])
def test_how_many_sold_counts_the_one_sales_count(text: str, members: dict[str, list[str]]) -> None:
    got = conversation(text, model=CATERER, as_of=AS_OF)
    assert (got["intent"], got["measure"]) == ("value", "orders")
    assert span(got["time"]) == {"start": "2026-11-01", "end": "2026-11-30"}
    assert constraints(got) == members


def test_two_sales_counts_are_asked_back() -> None:
    got = conversation("how many night crossings did we sell last month", model=FERRIES, as_of=AS_OF)
    assert got["intent"] == "clarify"
