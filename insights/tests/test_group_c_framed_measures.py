"""A measure of several words framed like a period ("declined the most in room nights", "in billable hours") is the
measure, never a time of day the calendar cannot place (issue 13, a fresh held-out set)."""
from __future__ import annotations

import pytest

from insights.tests.group_c_companies import AS_OF, CONSULTING, HOTELS
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel


def read(text: str, model: SemanticModel) -> dict:
    got = parse(text, model=model, as_of=AS_OF)
    return {**got.understanding.as_json(), "clarification": got.clarification}


MEASURES_FRAMED_LIKE_TIME = [
    ("which property declined the most in room nights last month?", HOTELS, "room_nights", "property"),
    ("which practice grew the most in billable hours last quarter", CONSULTING, "billable_hours", "practice"),
]


@pytest.mark.parametrize(("text", "model", "measure", "group_by"), MEASURES_FRAMED_LIKE_TIME,
                         ids=[t for t, *_ in MEASURES_FRAMED_LIKE_TIME])
def test_a_measure_of_several_words_after_in_is_the_measure_not_a_time_of_day(text, model, measure, group_by):
    got = read(text, model)
    assert (got["intent"], got["measure"], got["group_by"], got["order_by"], got["limit"]) == (
        "rank", measure, group_by, "change", 1)


def test_a_time_of_day_on_its_own_is_still_asked_back():
    got = read("room nights on friday nights", HOTELS)
    assert got["intent"] == "clarify"
