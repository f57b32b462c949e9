"""The OpenAPI schema describes the answer's understanding and result from the contract's pydantic models.

Real answers of every v2 shape pass the live schema's validation (the one ``make fuzz`` runs), and an
answer that breaks the contract fails it.
"""
from __future__ import annotations

import copy
import io
from datetime import date, timedelta

import httpx
import pydantic
import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from rest_framework.test import APIClient

from insights.contract import Result, Understanding
from metrics.services import import_dataset

ASK_PATH = "/api/chat/conversations/{conversation_id}/messages/"
QUESTIONS = {
    "value": "What was revenue in August 2025?",
    "compare": "How did revenue in Q3 2025 compare to Q2 2025?",
    "trend": "Monthly revenue in 2025",
    "breakdown": "Revenue and cost by region in Q3 2025",
    "rank": "Which region grew the most in Q3 2025?",
    "share": "What % of revenue came from EMEA in Q3 2025?",
    "pace": "Are we on track to hit $1M revenue this year?",
    "summary": "How are we doing?",
    "count": "How many regions had sales in August 2025?",
    "clarify": "What was revenue in Narnia last month?",
    "out_of_scope": "What's the weather in Paris?",
}


def _csv() -> bytes:
    lines = ["date,region,channel,revenue,cost,units,orders"]
    day = date(2024, 1, 1)
    while day <= date(2025, 9, 30):
        for number, (region, channel) in enumerate((("EMEA", "Online"), ("APAC", "Retail"), ("AMER", "Online"))):
            revenue = 100 + (day.toordinal() * (number + 3)) % 97
            lines.append(f"{day},{region},{channel},{revenue},{revenue * 0.4:.2f},{1 + number},{1 + number % 2}")
        day += timedelta(days=3)
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def answers(tenant, api_client_for) -> dict[str, httpx.Response]:
    """Each question's REST response, as an httpx response schemathesis can validate."""
    import_dataset(tenant=tenant, stream=io.BytesIO(_csv()), source="contract.csv", replace=False)
    client = api_client_for(tenant)
    conversation = client.post("/api/chat/conversations/", {}, format="json").json()["id"]
    path = ASK_PATH.format(conversation_id=conversation)
    responses = {}
    for name, text in QUESTIONS.items():
        response = client.post(path, {"text": text, "as_of": "2025-10-15"}, format="json")
        assert response.status_code == 201, response.content
        responses[name] = _response(response.json(), path=path)
    return responses


def _response(body: dict, *, path: str) -> httpx.Response:
    response = httpx.Response(201, json=body, request=httpx.Request("POST", f"http://testserver{path}"))
    response.elapsed = timedelta(0)  # schemathesis reads it; no transport set it
    return response


@pytest.fixture
def ask_operation(db):
    return schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())[ASK_PATH]["POST"]


def test_the_schema_has_understanding_and_result_components_with_every_v2_field(db):
    schema = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    components = schema["components"]["schemas"]
    answer = components["Answer"]["properties"]
    assert answer["understanding"] == {"$ref": "#/components/schemas/Understanding"}
    assert answer["result"] == {"$ref": "#/components/schemas/Result"}
    understanding = components["Understanding"]
    assert set(understanding["required"]) == set(understanding["properties"]) == set(Understanding.model_fields)
    assert {"per", "order_by", "cumulative", "also", "target", "ignored"} <= set(understanding["properties"])
    assert understanding["additionalProperties"] is False
    result = components["Result"]
    assert {"total", "share_pct", "projected", "target", "gap", "pct_of_target", "measures"} <= set(result["required"])
    row = components[result["properties"]["rows"]["items"]["$ref"].rsplit("/", 1)[-1]]
    assert {"key", "value", "current", "previous", "share_pct", "expected", "z", "values"} == set(row["properties"])


def test_every_answer_shape_passes_the_live_schema(answers, ask_operation):
    intents = {}
    for name, response in answers.items():
        assert ask_operation.is_valid_response(response), name
        answer = response.json()["answer"]
        Understanding.model_validate(answer["understanding"])
        Result.model_validate(answer["result"])
        intents[name] = answer["understanding"]["intent"]
    # The questions do reach the shapes they are named after, so the schema met each of them.
    assert {"value", "compare", "trend", "breakdown", "rank", "share", "pace", "count", "clarify"} <= set(
        intents.values()
    )


BREAKAGES = {
    "an intent the contract does not have": lambda a: a["understanding"].update(intent="guess"),
    "a v2 field left out": lambda a: a["understanding"].pop("also"),
    "a key the contract does not have": lambda a: a["result"].update(confidence=0.9),
    "a figure as text": lambda a: a["result"].update(value="1.2M"),
    "a row without its key": lambda a: a["result"]["rows"].append({"value": 1.0}),
    "a period without its end": lambda a: a["understanding"].update(time={"start": "2025-07-01", "grain": None}),
    "a limit of zero": lambda a: a["understanding"].update(limit=0),
}


def test_an_answer_that_breaks_the_contract_fails_the_schema(answers, ask_operation):
    good = answers["breakdown"]
    for breakage, breaks in BREAKAGES.items():
        body = copy.deepcopy(good.json())
        breaks(body["answer"])

        assert not ask_operation.is_valid_response(_response(body, path=good.request.url.path)), breakage
        with pytest.raises(pydantic.ValidationError):
            Understanding.model_validate(body["answer"]["understanding"])
            Result.model_validate(body["answer"]["result"])
