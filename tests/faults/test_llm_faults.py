"""An LLM provider that hangs, fails, talks garbage or stops mid-stream: through the REST API, the answer is
the built-in one, computed from the data, and comes back within the LLM timeout (not hanging on the model)."""
from __future__ import annotations

import time

import pytest

from insights.tests.fake_ollama import FakeOllama
from tests.faults.conftest import with_dataset
from tests.faults.test_dynamodb_outage import AS_OF

TIMEOUT = 1.0
QUESTIONS = (
    "What was revenue last month?",  # the parser is sure: the LLM may only rephrase
    "revenue thingamajig whatchamacallit doohickey february",  # unsure: the LLM is asked to parse it
)
# Generous: the timeout may be spent once on parsing and once on phrasing, on a busy machine.
WITHIN = 4 * TIMEOUT + 10


@pytest.fixture
def chat(make_tenant, api_client_for):
    client = api_client_for(with_dataset(make_tenant("llm-faults")))

    def ask(text: str) -> tuple[dict, float]:
        conversation = client.post("/api/chat/conversations/", {"title": "t"}, format="json").json()["id"]
        started = time.monotonic()
        response = client.post(f"/api/chat/conversations/{conversation}/messages/", {"text": text, "as_of": AS_OF},
                               format="json")
        assert response.status_code == 201, response.content[:300]
        return response.json()["answer"], time.monotonic() - started

    return ask


@pytest.fixture
def builtin_answers(chat, settings) -> dict[str, dict]:
    settings.SALESTALK_LLM = "builtin"
    return {question: chat(question)[0] for question in QUESTIONS}


@pytest.mark.parametrize("mode", ["hang", "error", "garbage", "cut"])
def test_a_broken_llm_falls_back_to_the_built_in_answer_in_time(mode, chat, builtin_answers, settings):
    with FakeOllama() as ollama:
        ollama.mode = mode
        ollama.reply = "<html>not json</html>"
        settings.SALESTALK_LLM = "ollama"
        settings.SALESTALK_OLLAMA_HOST = ollama.url
        settings.SALESTALK_OLLAMA_MODEL = "llama3.1:8b"
        settings.SALESTALK_LLM_TIMEOUT_SECONDS = TIMEOUT
        settings.SALESTALK_LLM_REPHRASE = True
        for question in QUESTIONS:
            answer, seconds = chat(question)
            expected = builtin_answers[question]
            assert {k: answer[k] for k in ("understanding", "result", "narrative", "sentiment")} == {
                k: expected[k] for k in ("understanding", "result", "narrative", "sentiment")}
            assert seconds < WITHIN, f"{mode}: {seconds:.1f}s"
        assert ollama.requests, "the provider was really consulted"
