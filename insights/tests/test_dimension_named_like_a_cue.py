"""A dimension named like an intent's cue word ("driver" of a delivery firm, where "drivers" also asks why a figure
changed) is the dimension wherever it is said as one: split by, ranked, counted. Only "the drivers of/behind …"
keeps the cue (contract v2: "Members", "intents")."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation
from insights.tests.models import company

AS_OF = date(2025, 12, 1)
COURIER = company(version="cue-dimension", columns=("revenue", "parcels", "stops"), dimensions={
    "depot": ("Leeds", "York", "Hull"), "driver": ("June Fraser", "Will Roy", "Dawn MacDonald", "Frank Li"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 11, 30))


@pytest.mark.parametrize(("turns", "intent", "order", "limit"), [
    (("revenue by depot last month", "break that down by driver"), "breakdown", None, None),
    (("which driver did the most stops last month",), "rank", "desc", 1),
    (("top 3 drivers by parcels ytd",), "rank", "desc", 3),
    (("which 3 drivers had the biggest drop in stops last month",), "rank", "asc", 3),
])
def test_a_dimension_named_like_a_cue_is_the_dimension(turns, intent, order, limit):
    got = conversation(*turns, model=COURIER, as_of=AS_OF)
    assert (got["intent"], got["group_by"], got["order"], got["limit"]) == (intent, "driver", order, limit)


def test_why_still_asks_for_the_drivers_of_a_change():
    got = conversation("why did revenue drop in oct", model=COURIER, as_of=AS_OF)
    assert got["intent"] == "drivers"
    got = conversation("what were the drivers of the drop in revenue in oct", model=COURIER, as_of=AS_OF)
    assert got["intent"] == "drivers"
