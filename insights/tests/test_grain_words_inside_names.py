"""Members whose name of several words holds a grain or time word ("Daily Grind", "Weekly Planet", "Monday
Club"): the whole name is the member wherever it is said, never a daily (or weekly) series of something
called "grind" (contract v2, "Members"; a name is never read as time). A leading "The" of a stored name may
be left out ("daily grind" of The Daily Grind). The grain word said on its own stays the grain.

The companies are shaped like none of the eval sets: a coffee marketplace whose sellers are roasters, and a
newsstand chain whose dimension is the title sold."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 3, 10)
ROASTERS = company(version="roasters-g1", columns=("revenue", "bags"), dimensions={
    "seller": ("Daily Grind", "Weekly Planet", "Bean There"), "origin": ("Kenya", "Brazil"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
NEWSSTANDS = company(version="newsstands-g1", columns=("copies", "adverts"), dimensions={
    "title": ("The Daily Grind", "Monday Club", "Yearly Almanac"), "kiosk": ("Pier", "Station"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))


def read(model: SemanticModel, text: str) -> dict:
    return parse(text, model=model, as_of=AS_OF).understanding.as_json()


def constraints(got: dict) -> dict[str, list[str]]:
    out = {k: list(v) for k, v in (got.get("filters") or {}).items()}
    if got.get("subject"):
        out.setdefault(got["subject"]["dimension"], []).append(got["subject"]["value"])
    return out


@pytest.mark.parametrize(("model", "text", "measure", "members", "start"), [
    (ROASTERS, "daily grind sales in march", "revenue", {"seller": ["Daily Grind"]}, "2026-03-01"),
    (ROASTERS, "revenue for daily grind last month", "revenue", {"seller": ["Daily Grind"]}, "2026-02-01"),
    (ROASTERS, "weekly planet bags this year", "bags", {"seller": ["Weekly Planet"]}, "2026-01-01"),
    (ROASTERS, "how many bags did weekly planet sell in q3 2025", "bags", {"seller": ["Weekly Planet"]},
     "2025-07-01"),
    (NEWSSTANDS, "daily grind copies in march", "copies", {"title": ["The Daily Grind"]}, "2026-03-01"),
    (NEWSSTANDS, "monday club adverts last month", "adverts", {"title": ["Monday Club"]}, "2026-02-01"),
    (NEWSSTANDS, "yearly almanac copies at the pier in 2025", "copies",
     {"title": ["Yearly Almanac"], "kiosk": ["Pier"]}, "2025-01-01"),
])
def test_a_grain_word_inside_a_name_is_the_member(model, text, measure, members, start):
    got = read(model, text)
    assert got["intent"] == "value", got
    assert got["measure"] == measure and constraints(got) == members
    assert got["time"]["start"] == start and got["time"]["grain"] != "day"


@pytest.mark.parametrize(("model", "text", "member", "grain"), [
    (ROASTERS, "daily grind daily sales in march", ("seller", "Daily Grind"), "day"),
    (ROASTERS, "weekly bags for weekly planet this year", ("seller", "Weekly Planet"), "week"),
    (NEWSSTANDS, "daily copies of the daily grind in march", ("title", "The Daily Grind"), "day"),
])
def test_the_grain_said_beside_the_name_is_still_the_grain(model, text, member, grain):
    got = read(model, text)
    assert got["intent"] == "trend" and got["time"]["grain"] == grain
    assert constraints(got) == {member[0]: [member[1]]}


def test_two_such_names_are_two_members_side_by_side():
    got = read(ROASTERS, "weekly planet vs daily grind revenue last month")
    assert got["intent"] == "breakdown" and got["group_by"] == "seller"
    assert constraints(got) == {"seller": ["Weekly Planet", "Daily Grind"]}


@pytest.mark.parametrize(("model", "text", "grain"), [
    (ROASTERS, "daily sales in march", "day"),
    (ROASTERS, "weekly bags this year", "week"),
    (NEWSSTANDS, "daily copies in march", "day"),
    (NEWSSTANDS, "weekly adverts at the station this year", "week"),
])
def test_a_grain_word_alone_stays_the_grain(model, text, grain):
    got = read(model, text)
    assert got["intent"] == "trend" and got["time"]["grain"] == grain
    assert not got["subject"] or got["subject"]["dimension"] == "kiosk"
