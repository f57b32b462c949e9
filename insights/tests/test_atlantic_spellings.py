"""A member or measure spelled the other side of the Atlantic is that member or measure (contract v2, "Members"):
"harbour view" is Harbor View, "town centre" is Town Center, "riverside theater" is Riverside Theatre, "liters"
are litres, "by colour" splits by color. Every word of a name may be respelled at once ("harbor center" is
Harbour Centre). A name that is no spelling of any member is still asked back.

The companies are shaped like none of the eval sets: an American paint retailer and a British arts venue group."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import members
from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2026, 5, 14)
PAINT = company(version="paint-s1", columns=("revenue", "gallons"), dimensions={
    "store": ("Town Center", "Lakeside", "Harbor View"), "color": ("Gray", "Ivory", "Teal"),
    "line": ("Color Match", "Primer"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 4, 30))
ARTS = company(version="arts-s1", columns=("tickets", "litres"), dimensions={
    "venue": ("Riverside Theatre", "Harbour Centre", "Old Mill"), "show": ("Panto", "Ballet"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 4, 30))


def ask(model: SemanticModel, text: str) -> dict:
    return parse(text, model=model, as_of=AS_OF, context=None).understanding.as_json()



@pytest.mark.parametrize(("model", "text", "member"), [
    (PAINT, "revenue at town centre last month", {"store": ["Town Center"]}),
    (PAINT, "gallons at harbour view last month", {"store": ["Harbor View"]}),
    (PAINT, "revenue for colour match last month", {"line": ["Color Match"]}),
    (PAINT, "grey gallons last month", {"color": ["Gray"]}),
    (ARTS, "tickets at riverside theater last month", {"venue": ["Riverside Theatre"]}),
    (ARTS, "tickets at harbor centre last month", {"venue": ["Harbour Centre"]}),
    (ARTS, "tickets at harbor center last month", {"venue": ["Harbour Centre"]}),
])
def test_a_member_spelled_the_other_way_is_that_member(model, text, member):
    got = ask(model, text)
    assert got["intent"] == "value" and members(got) == member


def test_respelled_members_in_a_list_are_compared():
    got = ask(PAINT, "revenue at harbour view vs lakeside last month")
    assert (got["intent"], got["group_by"]) == ("breakdown", "store")
    assert sorted(members(got)["store"]) == ["Harbor View", "Lakeside"]


def test_a_measure_and_a_dimension_spelled_the_other_way():
    assert ask(ARTS, "liters last month")["measure"] == "litres"
    got = ask(PAINT, "gallons by colour last month")
    assert (got["intent"], got["group_by"]) == ("breakdown", "color")


@pytest.mark.parametrize(("model", "text", "name"), [
    (PAINT, "revenue at harbour point last month", "harbour point"),
    (ARTS, "tickets at the corn exchange last month", "corn exchange"),
])
def test_a_name_that_is_no_spelling_of_a_member_is_still_asked_back(model, text, name):
    got = parse(text, model=model, as_of=AS_OF, context=None)
    assert got.understanding.intent == "clarify" and name in (got.clarification or "").lower()
