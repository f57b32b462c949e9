"""The Bedrock provider on a real ``bedrock-runtime`` client: Converse requests and replies checked
against the service model by botocore's Stubber, and a real read timeout against a silent local server."""
from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date

import pytest
from botocore.stub import ANY, Stubber

from insights.llm import LLMError
from insights.llm.bedrock_provider import (
    JSON_INSTRUCTION,
    MAX_TOKENS,
    TOOL_NAME,
    BedrockProvider,
    make_bedrock_client,
    tool_config,
)
from insights.llm.parsing import UNDERSTANDING_SCHEMA, llm_parse
from insights.llm.phrasing import llm_rephrase
from insights.understanding.types import Period, Understanding
from metrics.semantic import SemanticModel

MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0"
MODEL = SemanticModel(
    version="v1",
    measures=("revenue", "cost", "units"),
    dimensions={"region": ("EMEA", "APAC"), "product": ("Trail Runner", "Road Racer")},
    first_date=date(2024, 1, 1),
    last_date=date(2025, 9, 30),
)
AS_OF = date(2025, 10, 15)
RANK_JSON = {
    "intent": "rank", "subject": None, "measure": "units",
    "time": {"start": "2025-01-01", "end": "2025-10-15", "grain": "year"}, "compare_to": None,
    "filters": {"region": ["apac"]}, "group_by": "product", "order": "desc", "limit": 1,
}
ANSWER = {
    "understanding": {**RANK_JSON, "filters": {"region": ["APAC"]}},
    "result": {"value": None, "previous_value": None, "change": None, "change_pct": None,
               "rows": [{"key": "Trail Runner", "value": 4210.0}], "measures": None},
}


@pytest.fixture
def client():
    return make_bedrock_client(region="us-east-1", timeout_seconds=2.0)


@pytest.fixture
def stubber(client) -> Iterator[Stubber]:
    with Stubber(client) as stub:
        yield stub
        stub.assert_no_pending_responses()


@pytest.fixture
def provider(client) -> BedrockProvider:
    return BedrockProvider(client=client, model_id=MODEL_ID, timeout_seconds=2.0)


def converse_request(*, system: str, user: str) -> dict:
    return {
        "modelId": MODEL_ID,
        "system": [{"text": system}],
        "messages": [{"role": "user", "content": [{"text": user}]}],
        "inferenceConfig": {"temperature": 0, "maxTokens": MAX_TOKENS},
    }


def converse_reply(text: str | None, *, stop_reason: str = "end_turn") -> dict:
    content = [{"text": text}] if text is not None else []
    return {
        "output": {"message": {"role": "assistant", "content": content}},
        "stopReason": stop_reason,
        "usage": {"inputTokens": 812, "outputTokens": 64, "totalTokens": 876},
        "metrics": {"latencyMs": 431},
    }


def test_a_good_reply_is_returned_and_the_request_matches_converse(stubber, provider):
    stubber.add_response("converse", converse_reply("Revenue grew."),
                         converse_request(system="be brief", user="hello"))
    assert provider.chat(system="be brief", user="hello", json_output=False) == "Revenue grew."


def test_json_replies_are_asked_for_in_the_system_prompt(stubber, provider):
    stubber.add_response("converse", converse_reply("{}"),
                         converse_request(system="be brief" + JSON_INSTRUCTION, user="hello"))
    assert provider.chat(system="be brief", user="hello", json_output=True) == "{}"


@pytest.mark.parametrize(
    "code, status",
    [("ThrottlingException", 429), ("ModelTimeoutException", 408), ("AccessDeniedException", 403),
     ("ServiceUnavailableException", 503)],
)
def test_service_errors_are_llm_errors(stubber, provider, code, status):
    stubber.add_client_error("converse", service_error_code=code, service_message="try later",
                             http_status_code=status)
    with pytest.raises(LLMError, match=code):
        provider.chat(system="s", user="u", json_output=True)


@pytest.mark.parametrize("stop_reason", ["max_tokens", "content_filtered", "guardrail_intervened"])
def test_a_reply_that_did_not_finish_is_an_error(stubber, provider, stop_reason):
    stubber.add_response("converse", converse_reply('{"intent": "val', stop_reason=stop_reason))
    with pytest.raises(LLMError, match=stop_reason):
        provider.chat(system="s", user="u", json_output=True)


def test_a_reply_without_text_is_an_error(stubber, provider):
    stubber.add_response("converse", converse_reply(None))
    with pytest.raises(LLMError, match="no text"):
        provider.chat(system="s", user="u", json_output=True)


@pytest.fixture
def silent_server() -> Iterator[int]:
    """Accepts connections and never answers."""
    stop = threading.Event()
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(0.05)
        accepted: list[socket.socket] = []

        def accept() -> None:
            while not stop.is_set():
                try:
                    accepted.append(server.accept()[0])
                except TimeoutError:
                    continue

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        yield server.getsockname()[1]
        stop.set()
        thread.join(timeout=2)
        for connection in accepted:
            connection.close()


def test_a_silent_endpoint_is_an_error_within_the_timeout(monkeypatch, silent_server):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = make_bedrock_client(region="us-east-1", timeout_seconds=0.5,
                                 endpoint_url=f"http://127.0.0.1:{silent_server}")
    provider = BedrockProvider(client=client, model_id=MODEL_ID, timeout_seconds=0.5)
    started = time.monotonic()
    with pytest.raises(LLMError):
        provider.chat(system="s", user="u", json_output=True)
    assert time.monotonic() - started < 2.0


# --- parsing and phrasing through Converse ---------------------------------------------------


def tool_reply(tool_input: object) -> dict:
    """Converse's wire shape when the model calls the understanding tool."""
    return {
        "output": {"message": {"role": "assistant", "content": [
            {"toolUse": {"toolUseId": "tooluse_1", "name": TOOL_NAME, "input": tool_input}}]}},
        "stopReason": "tool_use",
        "usage": {"inputTokens": 812, "outputTokens": 64, "totalTokens": 876},
        "metrics": {"latencyMs": 431},
    }


def test_llm_parse_asks_for_the_understanding_tool_and_reads_its_input(stubber, provider):
    request = {
        "modelId": MODEL_ID,
        "system": ANY,
        "messages": ANY,
        "inferenceConfig": {"temperature": 0, "maxTokens": MAX_TOKENS},
        "toolConfig": tool_config(UNDERSTANDING_SCHEMA),
    }
    stubber.add_response("converse", tool_reply(RANK_JSON), request)
    understanding = llm_parse(provider=provider, text="best selling product in apac this year?",
                              model=MODEL, as_of=AS_OF, context=None)
    assert understanding == Understanding(
        intent="rank", measure="units",
        time=Period(start=date(2025, 1, 1), end=date(2025, 10, 15), grain="year"),
        constraints={"region": ("APAC",)}, group_by="product", order="desc", limit=1,
    )
    stubber.assert_no_pending_responses()


def test_the_tool_schema_is_the_contracts_understanding_with_the_v2_fields():
    schema = tool_config(UNDERSTANDING_SCHEMA)["tools"][0]["toolSpec"]["inputSchema"]["json"]
    assert {"per", "order_by", "cumulative", "also", "target", "ignored"} <= set(schema["properties"])


@pytest.mark.parametrize(
    "reply",
    [
        converse_reply("The best selling product is probably Trail Runner."),
        tool_reply([RANK_JSON]),
        tool_reply({**RANK_JSON, "group_by": "colour"}),
        tool_reply({**RANK_JSON, "intent": "forecast"}),
    ],
    ids=["prose-instead-of-the-tool", "json-array", "unknown-dimension", "unknown-intent"],
)
def test_llm_parse_returns_none_for_malformed_output(stubber, provider, reply):
    stubber.add_response("converse", reply)
    assert llm_parse(provider=provider, text="best product?", model=MODEL, as_of=AS_OF, context=None) is None


def test_llm_parse_returns_none_when_bedrock_throttles(stubber, provider, caplog):
    stubber.add_client_error("converse", service_error_code="ThrottlingException", http_status_code=429)
    assert llm_parse(provider=provider, text="best product?", model=MODEL, as_of=AS_OF, context=None) is None
    assert "bedrock" in caplog.text and "ThrottlingException" in caplog.text


@pytest.mark.parametrize(
    "wording, kept",
    [
        ("Trail Runner was APAC's best seller this year, with 4,210 units.", True),
        ("Trail Runner was APAC's best seller this year, with about 4.2k units.", True),
        ("Trail Runner was APAC's best seller this year, with 4,210 units, twice Road Racer's 2,105.", False),
    ],
)
def test_llm_rephrase_keeps_only_grounded_wordings(stubber, provider, wording, kept):
    stubber.add_response("converse", converse_reply(json.dumps({"narrative": wording})))
    phrased = llm_rephrase(provider=provider, narrative="Trail Runner had the highest units in 2025: 4,210.",
                           answer=ANSWER)
    assert phrased == (wording if kept else None)
