"""The Understanding type speaks contract v2 and still reads what older versions stored."""
from __future__ import annotations

from datetime import date

import pytest

from insights.understanding.types import INTENTS, Period, Understanding

V1_STORED = {
    "intent": "compare", "subject": {"dimension": "region", "value": "EMEA"}, "measure": "revenue",
    "time": {"start": "2025-07-01", "end": "2025-09-30", "grain": "quarter"},
    "compare_to": {"start": "2025-04-01", "end": "2025-06-30"},
    "filters": {"channel": ["Online"]}, "group_by": None, "order": None, "limit": None,
}


def test_every_v2_intent_is_known():
    assert {"share", "pace", "count", "unusual"} <= set(INTENTS)


def test_a_v1_stored_understanding_reads_with_the_v2_defaults():
    read = Understanding.from_json(V1_STORED)
    assert read.constraints == {"region": ("EMEA",), "channel": ("Online",)}
    out = read.as_json()
    assert {k: out[k] for k in V1_STORED} == V1_STORED
    assert (out["per"], out["order_by"], out["cumulative"], out["also"], out["target"], out["ignored"]) == (
        None, None, False, [], None, [])


@pytest.mark.parametrize("fields", [
    {"intent": "rank", "group_by": "territory", "order": "desc", "limit": 1, "order_by": "change_pct"},
    {"intent": "trend", "cumulative": True, "also": ("gross_margin", "orders")},
    {"intent": "value", "per": "orders", "ignored": ("quick", "one", "for", "the", "board", "deck")},
    {"intent": "pace", "target": 1500000.0},
    {"intent": "unusual", "limit": 5, "group_by": None},
    {"intent": "breakdown", "group_by": "month", "per": "day"},
])
def test_v2_fields_survive_a_round_trip(fields):
    understanding = Understanding(measure="revenue", time=Period(date(2025, 1, 1), date(2025, 12, 31), "year"),
                                  **fields)
    out = understanding.as_json()
    for name, value in fields.items():
        assert out[name] == (list(value) if isinstance(value, tuple) else value)
    assert Understanding.from_json(out) == understanding


def test_a_share_keeps_its_part_apart_from_the_whole():
    share = Understanding(intent="share", measure="revenue", part=("segment", "Enterprise"),
                          constraints={"territory": ["West"]})
    out = share.as_json()
    assert out["subject"] == {"dimension": "segment", "value": "Enterprise"}
    assert out["filters"] == {"territory": ["West"]}
    assert Understanding.from_json(out) == share


def test_a_share_of_the_whole_business_has_no_subject_even_with_one_filter():
    out = Understanding(intent="share", measure="revenue", group_by="channel",
                        constraints={"region": ["EMEA"]}).as_json()
    assert out["subject"] is None and out["filters"] == {"region": ["EMEA"]}


@pytest.mark.parametrize("bad", [
    {"intent": "rank", "order_by": "growth"},
    {"intent": "pace", "target": float("nan")},
    {"intent": "value", "part": ("segment", "Enterprise")},
])
def test_values_outside_the_contract_are_refused(bad):
    with pytest.raises(ValueError):
        Understanding(**bad)
