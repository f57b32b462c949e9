"""A kept-back held-out class (a coffee roaster's "what about new seasons for the whole month of october"): "the
whole / full / entire month of <month>" and "the whole year of <year>" name that calendar period, all of which it
already is, never a period to ask about; "for the whole quarter" with nothing named is still asked back.

The company here is shaped unlike the roaster: a tile shop with its own measures and members."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import constraints, conversation, span
from insights.tests.models import company

TILES = company(version="tiles-p1", columns=("boxes_sold", "net_takings", "returns"), dimensions={
    "showroom": ("Harbour Road", "Mill Lane"), "finish": ("Matt", "Gloss"),
}, first_date=date(2023, 1, 1), last_date=date(2026, 11, 30))
AS_OF = date(2026, 12, 2)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("net takings for the whole month of october", "2026-10-01", "2026-10-31"),
    ("boxes sold at mill lane over the entire month of march", "2026-03-01", "2026-03-31"),
    ("returns for the full month of may 2025", "2025-05-01", "2025-05-31"),
    ("net takings for the whole year of 2025", "2025-01-01", "2025-12-31"),
])
def test_a_whole_named_period_is_that_period(text: str, start: str, end: str) -> None:
    got = conversation(text, model=TILES, as_of=AS_OF)
    assert got["intent"] == "value"
    assert span(got["time"]) == {"start": start, "end": end}


def test_a_follow_up_for_the_whole_month_keeps_the_measure_and_names_the_member() -> None:
    got = conversation("harbour road net takings in q3?", "what about mill lane for the whole month of october",
                       model=TILES, as_of=AS_OF)
    assert (got["intent"], got["measure"]) == ("value", "net_takings")
    assert span(got["time"]) == {"start": "2026-10-01", "end": "2026-10-31"}
    assert constraints(got) == {"showroom": ["Mill Lane"]}


def test_the_whole_quarter_with_nothing_named_is_still_asked_back() -> None:
    assert conversation("net takings for the whole quarter", model=TILES, as_of=AS_OF)["intent"] == "clarify"
