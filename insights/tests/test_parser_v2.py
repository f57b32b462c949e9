"""Contract v2 in the parser, table by table, on a company shaped like none of the eval sets: its own
measures (bookings, seats), five dimensions, members that are English words or contain them.

Each table states only the fields it checks, as the shared evaluator does (on ``as_json``)."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from insights.understanding.parser import parse
from metrics.measures import measures_for
from metrics.semantic import SemanticModel

_MEASURES = measures_for({"revenue": "revenue", "cost": "cost", "orders": "orders", "bookings": "bookings",
                          "seats": "Seats"})
SUPPLY = SemanticModel(
    version="supply-1", measures=tuple(m.name for m in _MEASURES), definitions={m.name: m for m in _MEASURES},
    dimensions={
        "territory": ("Midwest", "New York", "Northeast", "West"),
        "segment": ("Direct", "Enterprise", "Online", "SMB"),
        "product_family": ("Fasteners", "Max", "Pro Series", "Total Care", "Valves"),
        "sales_channel": ("Cafe", "Distributor", "Field"),
        "rep": ("Ana Ruiz", "May Chen", "Tom Baker"),
    },
    first_date=date(2023, 1, 1), last_date=date(2025, 10, 31),
)
AS_OF = date(2025, 11, 10)


def check(text: str, want: dict[str, Any], *, context: dict | None = None) -> dict[str, Any]:
    from insights.understanding.types import Understanding

    previous = Understanding.from_json(context) if context else None
    got = parse(text, model=SUPPLY, as_of=AS_OF, context=previous).understanding.as_json()
    wrong = {k: got.get(k) for k, v in want.items() if got.get(k) != v}
    assert not wrong, f"{text!r}: got {wrong}, want {({k: want[k] for k in wrong})}"
    return got


TYPOS = [
    # An ordinary English word one typo from a member is that word, not the member.
    ("Revenue that came through distributors last month", {"subject": {"dimension": "sales_channel",
                                                                        "value": "Distributor"}}),
    ("What was revenue in Fastners last month?", {"subject": {"dimension": "product_family",
                                                               "value": "Fasteners"}}),
    ("Valvs revenue last month", {"subject": {"dimension": "product_family", "value": "Valves"}}),
]


@pytest.mark.parametrize(("text", "want"), TYPOS, ids=[t for t, _ in TYPOS])
def test_a_typo_is_forgiven_only_outside_ordinary_english(text, want):
    got = check(text, {"intent": "value", **want})
    assert got["filters"] == {}
