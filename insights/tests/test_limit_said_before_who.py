""""The 2 that declined the most", "the 3 channels with the most revenue": the number of rows said before who
they are is the ranking's limit (it was left at one, or at the whole list); "the 2 weeks that followed" is a
length of time, no limit. Made-up companies shaped like none of the eval sets: a florist and a tool-hire firm."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation
from insights.tests.models import company

FLORIST = company(version="florist-l1", columns=("revenue", "bouquets"), dimensions={
    "shop": ("Kew", "Ealing", "Barnes", "Putney"), "occasion": ("Wedding", "Funeral", "Birthday"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 10, 31))
TOOLS = company(version="tools-l1", columns=("hire_fees", "hires"), dimensions={
    "depot": ("Leeds", "York", "Hull"), "tool": ("Drill", "Mixer", "Sander", "Ladder"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 10, 31))
AS_OF = date(2026, 11, 3)


def _ask(*turns: str, model) -> dict:
    return conversation(*turns, model=model, as_of=AS_OF)


@pytest.mark.parametrize(("model", "turns", "limit", "order"), [
    (FLORIST, ("fastest growing shop in q3 yoy?", "and the 2 that declined the most?"), 2, "asc"),
    (TOOLS, ("which depot grew hires the most last qtr", "ok and the two that fell most"), 2, "asc"),
    (FLORIST, ("the 3 shops with the most revenue last month",), 3, "desc"),
    (TOOLS, ("show me the 2 tools that earned the least hire fees in q3",), 2, "asc"),
    (TOOLS, ("the three depots which had the most hires ytd",), 3, "desc"),
])
def test_the_number_said_before_who_is_the_limit(model, turns, limit, order):
    got = _ask(*turns, model=model)
    assert (got["intent"], got["limit"], got["order"]) == ("rank", limit, order)


@pytest.mark.parametrize("text", ["bouquets by shop for the 2 weeks that followed", "revenue by shop last month"])
def test_a_length_of_time_or_no_number_sets_no_limit(text):
    got = _ask(text, model=FLORIST)
    assert got["limit"] is None
