"""The LLM through the whole answer path: a tenant's imported data, the engine, and a fake Ollama server.

An unsure parse is handed to the model and its (validated) understanding is computed from the
rollups; a bad proposal leaves the built-in understanding; a rewording replaces the template
narrative only when its figures are the computed ones.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date

import pytest

from insights.engine import LLM_FALLBACK_BELOW, answer_question
from insights.tests.fake_ollama import FakeOllama
from insights.understanding.parser import parse
from metrics.selectors import get_semantic_model
from metrics.services import import_dataset

AS_OF = date(2025, 10, 15)
UNSURE_QUESTION = "emea revenue versus cost thingamajig whatchamacallit doohickey q3 2025"
EMEA_COST_Q3 = {
    "intent": "value", "subject": {"dimension": "region", "value": "emea"}, "measure": "cost",
    "time": {"start": "2025-07-01", "end": "2025-09-30", "grain": "quarter"}, "compare_to": None,
    "filters": {}, "group_by": None, "order": None, "limit": None,
}
CSV = """date,region,channel,revenue,cost,units,orders
2025-05-10,EMEA,Online,1000.00,400.00,10,4
2025-07-03,EMEA,Online,2000.50,812.25,20,8
2025-08-19,EMEA,Retail,1500.00,650.00,15,6
2025-09-30,APAC,Online,9000.00,3000.00,90,30
"""


@pytest.fixture
def tenant_with_data(tenant):
    import_dataset(tenant=tenant, stream=io.BytesIO(CSV.encode()), source="test.csv", replace=False)
    return tenant


@pytest.fixture
def ollama(settings) -> Iterator[FakeOllama]:
    with FakeOllama() as server:
        settings.SALESTALK_LLM = "ollama"
        settings.SALESTALK_OLLAMA_HOST = server.url
        settings.SALESTALK_OLLAMA_MODEL = "llama3.1:8b"
        settings.SALESTALK_LLM_TIMEOUT_SECONDS = 3.0
        yield server


def test_an_unsure_parse_goes_to_the_llm_and_its_understanding_is_computed(tenant_with_data, ollama):
    model = get_semantic_model(tenant=tenant_with_data)
    assert parse(UNSURE_QUESTION, model=model, as_of=AS_OF).confidence < LLM_FALLBACK_BELOW, "precondition"
    ollama.reply = json.dumps(EMEA_COST_Q3)

    answer = answer_question(tenant=tenant_with_data, text=UNSURE_QUESTION, as_of=AS_OF, context=None)

    assert len(ollama.requests) == 1
    assert answer.understanding.measure == "cost"
    assert dict(answer.understanding.constraints) == {"region": ("EMEA",)}
    assert answer.result.value == pytest.approx(812.25 + 650.00)


def test_a_bad_llm_proposal_leaves_the_built_in_understanding(tenant_with_data, ollama):
    model = get_semantic_model(tenant=tenant_with_data)
    built_in = parse(UNSURE_QUESTION, model=model, as_of=AS_OF).understanding
    ollama.reply = json.dumps({**EMEA_COST_Q3, "subject": {"dimension": "region", "value": "Narnia"}})

    answer = answer_question(tenant=tenant_with_data, text=UNSURE_QUESTION, as_of=AS_OF, context=None)

    assert len(ollama.requests) == 1
    assert answer.understanding == built_in


def test_a_sure_parse_never_asks_the_llm(tenant_with_data, ollama):
    answer = answer_question(tenant=tenant_with_data, text="What was revenue in EMEA in Q3 2025?", as_of=AS_OF,
                             context=None)
    assert ollama.requests == []
    assert answer.result.value == pytest.approx(2000.50 + 1500.00)


@pytest.mark.parametrize(
    "wording, kept",
    [
        ("EMEA brought in $3,500.50 of revenue in Q3 2025.", True),
        ("EMEA brought in about $3.5k of revenue in Q3 2025.", True),
        ("EMEA brought in $3,500.50 of revenue in Q3 2025, on track for $14k this year.", False),
        ("EMEA brought in $7,001 of revenue in Q3 2025.", False),
    ],
)
def test_a_rewording_replaces_the_narrative_only_when_grounded(tenant_with_data, ollama, settings, wording, kept):
    settings.SALESTALK_LLM_REPHRASE = True
    ollama.reply = json.dumps({"narrative": wording})
    question = "What was revenue in EMEA in Q3 2025?"

    answer = answer_question(tenant=tenant_with_data, text=question, as_of=AS_OF, context=None)

    assert len(ollama.requests) == 1
    if kept:
        assert answer.narrative == wording
    else:
        settings.SALESTALK_LLM_REPHRASE = False
        template = answer_question(tenant=tenant_with_data, text=question, as_of=AS_OF, context=None)
        assert answer.narrative == template.narrative != wording
