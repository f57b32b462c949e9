"""A kept-back held-out class (a travel agency's "app vs web bookings in 2025" then "and the other one?"): "the
other one" after an answer about two members, or about one of several, has no single antecedent, so it is asked
back with the members of that dimension, never the last answer again; a follow-up naming its member still reads.

The company here is shaped unlike the agency: a climbing gym with its own measures and members."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import constraints, conversation
from insights.tests.models import company

GYM = company(version="gym-p1", columns=("day_passes", "memberships_sold", "shoe_rentals"), dimensions={
    "wall": ("Boulder Cave", "Lead Tower", "Kids Corner"), "town": ("Bristol", "Bath"),
}, first_date=date(2023, 1, 1), last_date=date(2026, 11, 30))
AS_OF = date(2026, 12, 2)


@pytest.mark.parametrize("turns", [
    ("boulder cave vs lead tower day passes in 2025", "and the other one?"),
    ("shoe rentals at boulder cave last month", "what about the other one"),
    ("day passes by wall in q3", "ok and that other one?"),
])
def test_the_other_one_is_asked_back(turns: tuple[str, ...]) -> None:
    assert conversation(*turns, model=GYM, as_of=AS_OF)["intent"] == "clarify"


def test_a_follow_up_naming_its_member_is_answered() -> None:
    got = conversation("boulder cave vs lead tower day passes in 2025", "and the other one, kids corner?",
                       model=GYM, as_of=AS_OF)
    assert got["intent"] != "clarify"
    assert constraints(got)["wall"] == ["Kids Corner"]
