"""llm_parse: what the model is shown, and the strict validation of what it proposes."""
from __future__ import annotations

import json
import logging
from datetime import date

import pytest

from insights.llm import LLMError
from insights.llm.parsing import MEMBERS_SHOWN_PER_DIMENSION, SYSTEM_PROMPT, llm_parse, vocabulary
from insights.tests.llm_doubles import ScriptedProvider
from insights.understanding.types import INTENTS, Period, Understanding
from metrics.semantic import SemanticModel

PRODUCTS = (*(f"Product {n:04d}" for n in range(5000)), "Trail Runner")
MODEL = SemanticModel(
    version="v1",
    measures=("revenue", "cost", "gross_margin", "margin_pct", "orders"),
    dimensions={"region": ("EMEA", "APAC", "North America"), "channel": ("Online", "Retail"),
                "product": PRODUCTS},
    first_date=date(2024, 1, 1),
    last_date=date(2025, 9, 30),
)
AS_OF = date(2025, 10, 15)
Q3 = {"start": "2025-07-01", "end": "2025-09-30", "grain": "quarter"}
Q2 = {"start": "2025-04-01", "end": "2025-06-30"}
NULLS = {"subject": None, "measure": None, "time": None, "compare_to": None, "filters": {}, "group_by": None,
         "order": None, "limit": None}


def parse(data: dict | str, *, context: Understanding | None = None, text: str = "question") -> Understanding | None:
    reply = data if isinstance(data, str) else json.dumps({**NULLS, **data})
    return llm_parse(provider=ScriptedProvider(reply), text=text, model=MODEL, as_of=AS_OF, context=context)


@pytest.mark.parametrize(
    "data, expected",
    [
        ({"intent": "value", "measure": "revenue", "time": Q3},
         Understanding(intent="value", measure="revenue", time=Period(date(2025, 7, 1), date(2025, 9, 30), "quarter"))),
        ({"intent": "compare", "measure": "cost", "time": Q3, "compare_to": Q2,
          "subject": {"dimension": "Region", "value": "north america"}, "filters": {"channel": ["ONLINE", "retail"]}},
         Understanding(intent="compare", measure="cost", time=Period(date(2025, 7, 1), date(2025, 9, 30), "quarter"),
                       compare_to=Period(date(2025, 4, 1), date(2025, 6, 30)),
                       constraints={"region": ("North America",), "channel": ("Online", "Retail")})),
        ({"intent": "trend", "measure": "orders", "time": {**Q3, "grain": "week"}},
         Understanding(intent="trend", measure="orders", time=Period(date(2025, 7, 1), date(2025, 9, 30), "week"))),
        ({"intent": "rank", "measure": "gross_margin", "time": Q3, "group_by": "product", "order": "asc",
          "limit": 3},
         Understanding(intent="rank", measure="gross_margin",
                       time=Period(date(2025, 7, 1), date(2025, 9, 30), "quarter"),
                       group_by="product", order="asc", limit=3)),
        ({"intent": "drivers", "measure": "revenue", "time": Q3, "compare_to": Q2},
         Understanding(intent="drivers", measure="revenue", time=Period(date(2025, 7, 1), date(2025, 9, 30), "quarter"),
                       compare_to=Period(date(2025, 4, 1), date(2025, 6, 30)))),
        ({"intent": "summary", "time": Q3, "compare_to": Q2},
         Understanding(intent="summary", time=Period(date(2025, 7, 1), date(2025, 9, 30), "quarter"),
                       compare_to=Period(date(2025, 4, 1), date(2025, 6, 30)))),
        ({"intent": "out_of_scope"}, Understanding(intent="out_of_scope")),
        ({"intent": "clarify"}, Understanding(intent="clarify")),
    ],
    ids=["value", "compare-case-fixed", "trend", "rank", "drivers", "summary", "out-of-scope", "clarify"],
)
def test_a_valid_proposal_becomes_the_understanding(data, expected):
    assert parse(data) == expected


def test_a_member_of_a_huge_dimension_is_found_and_spelled_as_stored():
    understanding = parse({"intent": "value", "measure": "revenue", "time": Q3,
                           "subject": {"dimension": "product", "value": "trail runner"}})
    assert understanding is not None and dict(understanding.constraints) == {"product": ("Trail Runner",)}


VALUE = {"intent": "value", "measure": "revenue", "time": Q3}


@pytest.mark.parametrize(
    "data",
    [
        "[]",
        "",
        "{'intent': 'value'}",
        {**VALUE, "confidence": 0.9},
        {**VALUE, "intent": "forecast"},
        {**VALUE, "measure": "avg_order_value"},  # in the catalogue, not in this tenant's data
        {**VALUE, "measure": None},
        {**VALUE, "time": None},
        {**VALUE, "time": {"start": "2025-09-30", "end": "2025-07-01"}},
        {**VALUE, "time": {"start": "2025-07-01", "end": "2025-09-31"}},
        {**VALUE, "time": {"start": "20250701", "end": "20250930"}},
        {**VALUE, "time": {"start": "2025-11-01", "end": "2025-11-30"}},  # after the as-of date
        {**VALUE, "time": {**Q3, "grain": "fortnight"}},
        {**VALUE, "time": {**Q3, "timezone": "UTC"}},
        {**VALUE, "subject": {"dimension": "region", "value": "Atlantis"}},
        {**VALUE, "subject": {"dimension": "country", "value": "France"}},
        {**VALUE, "subject": "EMEA"},
        {**VALUE, "filters": {"channel": "Online"}},
        {**VALUE, "filters": {"channel": ["Online", "Mail order"]}},
        {**VALUE, "compare_to": Q2},  # a value has nothing to compare with
        {**VALUE, "group_by": "region"},
        {"intent": "compare", "measure": "revenue", "time": Q3},
        {"intent": "trend", "measure": "revenue", "time": {"start": "2025-01-01", "end": "2025-09-30"}},
        {"intent": "breakdown", "measure": "revenue", "time": Q3},
        {"intent": "breakdown", "measure": "revenue", "time": Q3, "group_by": "colour"},
        {"intent": "rank", "measure": "revenue", "time": Q3, "group_by": "region", "order": "desc"},
        {"intent": "rank", "measure": "revenue", "time": Q3, "group_by": "region", "order": "top", "limit": 3},
        {"intent": "rank", "measure": "revenue", "time": Q3, "group_by": "region", "order": "desc", "limit": 0},
        {"intent": "rank", "measure": "revenue", "time": Q3, "group_by": "region", "order": "desc", "limit": "3"},
        {"intent": "rank", "measure": "revenue", "time": Q3, "group_by": "region", "order": "desc", "limit": True},
        {"intent": "out_of_scope", "measure": "revenue"},
    ],
)
def test_anything_invalid_is_refused_whole_and_logged(data, caplog):
    with caplog.at_level(logging.WARNING, logger="insights.llm.parsing"):
        assert parse(data) is None
    [record] = caplog.records
    assert "scripted" in record.getMessage()
    assert record.fields["llmProvider"] == "scripted" and record.fields["reason"]


@pytest.mark.parametrize("error", [LLMError("ollama timed out after 8 s"), RuntimeError("socket closed")])
def test_provider_failures_become_none(error, caplog):
    provider = ScriptedProvider(error)
    with caplog.at_level(logging.WARNING, logger="insights.llm.parsing"):
        assert llm_parse(provider=provider, text="q", model=MODEL, as_of=AS_OF, context=None) is None
    assert str(error) in caplog.text


def test_the_model_is_shown_the_schema_the_vocabulary_the_date_and_the_previous_understanding():
    previous = Understanding(intent="value", measure="revenue",
                             time=Period(date(2025, 9, 1), date(2025, 9, 30), "month"),
                             constraints={"region": ("EMEA",)})
    provider = ScriptedProvider(json.dumps({**NULLS, **VALUE}))
    llm_parse(provider=provider, text="and for the trail runner?", model=MODEL, as_of=AS_OF, context=previous)

    [call] = provider.calls
    assert call["json_output"] is True
    assert call["system"] == SYSTEM_PROMPT
    for intent in INTENTS:
        assert intent in SYSTEM_PROMPT
    shown = json.loads(call["user"])
    assert shown["question"] == "and for the trail runner?"
    assert shown["as_of"] == "2025-10-15 (Wednesday)"
    assert shown["previous_understanding"] == previous.as_json()
    assert set(shown["vocabulary"]["measures"]) == set(MODEL.measures)
    assert "margin %" in shown["vocabulary"]["measures"]["margin_pct"]["words"]
    assert shown["vocabulary"]["measures"]["margin_pct"]["label"] == MODEL.measure("margin_pct").label


def test_huge_member_lists_are_cut_but_keep_the_members_the_question_names():
    shown = vocabulary(model=MODEL, question="How did the trail runner do in emea?")["dimensions"]
    products = shown["product"]
    assert products["members"][0] == "Trail Runner"
    assert len(products["members"]) == MEMBERS_SHOWN_PER_DIMENSION
    assert products["members_not_shown"] == len(PRODUCTS) - MEMBERS_SHOWN_PER_DIMENSION
    assert shown["region"] == {"members": ["EMEA", "APAC", "North America"]}
