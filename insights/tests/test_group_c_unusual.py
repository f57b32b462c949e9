"""Unusual changes asked as a judgement of the figures ("any regions look off?", "does anything seem wrong"),
over made-up companies of different shapes; a judgement said only as the reason for a question is not one
(issue 13, a fresh held-out set)."""
from __future__ import annotations

import pytest

from insights.tests.group_c_companies import ADS, AS_OF, ENERGY, HOTELS, WHOLESALE
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel


def read(text: str, model: SemanticModel) -> dict:
    got = parse(text, model=model, as_of=AS_OF)
    return {**got.understanding.as_json(), "clarification": got.clarification}


JUDGED_UNUSUAL = [
    ("any regions look off on bad debt in oct 2024?", ENERGY, "bad_debt", "region"),
    ("does anything seem wrong with room nights last month", HOTELS, "room_nights", None),
    ("do any platforms look a bit off on clicks this quarter", ADS, "clicks", "platform"),
    ("which depots looked funny on cases in march", WHOLESALE, "cases", "depot"),
]


@pytest.mark.parametrize(("text", "model", "measure", "group_by"), JUDGED_UNUSUAL, ids=[t for t, *_ in JUDGED_UNUSUAL])
def test_figures_said_to_look_off_ask_for_unusual_changes(text, model, measure, group_by):
    got = read(text, model)
    assert (got["intent"], got["measure"], got["group_by"], got["limit"]) == ("unusual", measure, group_by, 5)


LOOKS_PLAIN = [
    ("what does room revenue look like last month", HOTELS),
    ("how do clicks look this quarter", ADS),
    # a judgement said as the reason for a question, not asked
    ("to be frank the north number looked off - what was kwh in the north in q3?", ENERGY),
    ("acme's clicks seemed wrong to me, so what were they last month", ADS),
]


@pytest.mark.parametrize(("text", "model"), LOOKS_PLAIN, ids=[t for t, _ in LOOKS_PLAIN])
def test_a_look_at_the_figures_or_a_judgement_not_asked_is_no_unusual_question(text, model):
    assert read(text, model)["intent"] != "unusual"
