"""The Ollama provider, and parsing and phrasing through it, against a real HTTP server speaking /api/chat."""
from __future__ import annotations

import json
import logging
import socket
import time
from collections.abc import Iterator
from datetime import date

import pytest

from insights.llm import LLMError
from insights.llm.ollama_provider import OllamaProvider
from insights.llm.parsing import llm_parse
from insights.llm.phrasing import llm_rephrase
from insights.tests.fake_ollama import FakeOllama
from insights.understanding.types import Period, Understanding
from metrics.semantic import SemanticModel

MODEL = SemanticModel(
    version="v1",
    measures=("revenue", "cost", "gross_margin", "margin_pct", "units", "orders"),
    dimensions={"region": ("EMEA", "APAC", "North America"), "channel": ("Online", "Retail")},
    first_date=date(2024, 1, 1),
    last_date=date(2025, 9, 30),
)
AS_OF = date(2025, 10, 15)
GOOD_UNDERSTANDING = {
    "intent": "compare",
    "subject": {"dimension": "region", "value": "emea"},
    "measure": "revenue",
    "time": {"start": "2025-07-01", "end": "2025-09-30", "grain": "quarter"},
    "compare_to": {"start": "2025-04-01", "end": "2025-06-30"},
    "filters": {"channel": ["online"]},
    "group_by": None,
    "order": None,
    "limit": None,
}
ANSWER = {
    "understanding": {**GOOD_UNDERSTANDING, "subject": {"dimension": "region", "value": "EMEA"},
                      "filters": {"channel": ["Online"]}},
    "result": {"value": 1234567.89, "previous_value": 1100000.0, "change": 134567.89, "change_pct": 12.23,
               "rows": [], "measures": None},
}
NARRATIVE = "Revenue for EMEA and Online was $1.23M in Q3 2025, up 12.2% on Q2 2025 ($1.10M)."


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    with FakeOllama() as server:
        yield server


def provider_for(fake: FakeOllama, *, stream: bool = False, timeout: float = 3.0,
                 model: str = "llama3.1:8b") -> OllamaProvider:
    return OllamaProvider(host=fake.url, model=model, timeout_seconds=timeout, stream=stream)


@pytest.mark.parametrize("stream", [False, True], ids=["json", "ndjson-stream"])
def test_the_reply_comes_back_whole_and_the_request_has_ollamas_shape(fake, stream):
    fake.reply = json.dumps(GOOD_UNDERSTANDING)  # long enough to arrive in many stream chunks
    text = provider_for(fake, stream=stream).chat(system="be brief", user="hello", json_output=True)

    assert text == fake.reply
    request = fake.requests[-1]
    assert request["model"] == "llama3.1:8b"
    assert request["messages"] == [{"role": "system", "content": "be brief"}, {"role": "user", "content": "hello"}]
    assert request["format"] == "json"
    assert request["options"] == {"temperature": 0}
    assert request["stream"] is stream


def test_free_text_replies_ask_for_no_format(fake):
    fake.reply = "Revenue grew."
    assert provider_for(fake).chat(system="s", user="u", json_output=False) == "Revenue grew."
    assert "format" not in fake.requests[-1]


@pytest.mark.parametrize("stream", [False, True], ids=["json", "ndjson-stream"])
def test_a_hanging_server_is_an_error_within_the_timeout(fake, stream):
    fake.mode = "hang"
    started = time.monotonic()
    with pytest.raises(LLMError, match=r"0\.5 s"):
        provider_for(fake, stream=stream, timeout=0.5).chat(system="s", user="u", json_output=True)
    assert time.monotonic() - started < 2.0


def test_a_reply_still_trickling_in_at_the_deadline_is_an_error(fake):
    fake.mode, fake.trickle_seconds, fake.reply = "trickle", 0.2, "x" * 200  # ~29 chunks, ~6 s
    started = time.monotonic()
    with pytest.raises(LLMError):
        provider_for(fake, stream=True, timeout=0.6).chat(system="s", user="u", json_output=False)
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize("stream", [False, True], ids=["json", "ndjson-stream"])
@pytest.mark.parametrize(
    "mode, done_reason, reason",
    [
        ("error", "stop", "HTTP 500"),
        ("garbage", "stop", "unreadable"),
        ("ok", "length", "stopped early"),
    ],
)
def test_server_failures_are_llm_errors(fake, stream, mode, done_reason, reason):
    fake.mode, fake.done_reason, fake.reply = mode, done_reason, '{"intent": "value"}'
    with pytest.raises(LLMError, match=reason):
        provider_for(fake, stream=stream).chat(system="s", user="u", json_output=True)


def test_a_stream_cut_before_its_final_chunk_is_an_error(fake):
    fake.mode, fake.reply = "cut", '{"intent": "value"}'
    with pytest.raises(LLMError, match="final chunk"):
        provider_for(fake, stream=True).chat(system="s", user="u", json_output=True)


def test_a_model_that_is_not_pulled_is_an_error(fake):
    with pytest.raises(LLMError, match="not found"):
        provider_for(fake, model="mistral:7b").chat(system="s", user="u", json_output=True)


def test_nothing_listening_is_an_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    provider = OllamaProvider(host=f"http://127.0.0.1:{port}", model="m", timeout_seconds=2.0)
    with pytest.raises(LLMError, match="unreachable"):
        provider.chat(system="s", user="u", json_output=True)


# --- parsing and phrasing through the wire -------------------------------------------------


def test_llm_parse_returns_the_validated_understanding_with_stored_spellings(fake):
    fake.reply = json.dumps(GOOD_UNDERSTANDING)
    previous = Understanding(intent="value", measure="revenue",
                             time=Period(start=date(2025, 7, 1), end=date(2025, 9, 30), grain="quarter"))

    understanding = llm_parse(provider=provider_for(fake), text="and emea online vs the quarter before?",
                              model=MODEL, as_of=AS_OF, context=previous)

    assert understanding == Understanding(
        intent="compare",
        measure="revenue",
        time=Period(start=date(2025, 7, 1), end=date(2025, 9, 30), grain="quarter"),
        compare_to=Period(start=date(2025, 4, 1), end=date(2025, 6, 30)),
        constraints={"region": ("EMEA",), "channel": ("Online",)},
    )
    prompt = json.loads(fake.requests[-1]["messages"][1]["content"])
    assert prompt["question"] == "and emea online vs the quarter before?"
    assert prompt["as_of"].startswith("2025-10-15")
    assert prompt["previous_understanding"] == previous.as_json()
    assert prompt["vocabulary"]["dimensions"]["region"]["members"] == ["EMEA", "APAC", "North America"]


@pytest.mark.parametrize(
    "mode, reply",
    [
        ("error", json.dumps(GOOD_UNDERSTANDING)),
        ("garbage", json.dumps(GOOD_UNDERSTANDING)),
        ("hang", json.dumps(GOOD_UNDERSTANDING)),
        ("ok", "Sure! The intent is compare."),
        ("ok", json.dumps({**GOOD_UNDERSTANDING, "measure": "profitability"})),
        ("ok", json.dumps({**GOOD_UNDERSTANDING, "subject": {"dimension": "region", "value": "Mars"}})),
    ],
    ids=["http-500", "garbage", "hang", "prose", "unknown-measure", "unknown-member"],
)
def test_llm_parse_falls_back_to_none_and_says_why(fake, caplog, mode, reply):
    fake.mode, fake.reply = mode, reply
    with caplog.at_level(logging.WARNING, logger="insights.llm.parsing"):
        result = llm_parse(provider=provider_for(fake, timeout=0.5), text="q3 vs q2 for emea?",
                           model=MODEL, as_of=AS_OF, context=None)
    assert result is None
    assert any("ollama" in record.getMessage() for record in caplog.records)


def test_llm_rephrase_keeps_a_grounded_wording(fake):
    wording = "EMEA's online revenue reached about $1.2M in Q3 2025, 12.2% more than in Q2."
    fake.reply = json.dumps({"narrative": wording})
    assert llm_rephrase(provider=provider_for(fake), narrative=NARRATIVE, answer=ANSWER) == wording
    prompt = json.loads(fake.requests[-1]["messages"][1]["content"])
    assert prompt == {"narrative": NARRATIVE, "answer": {k: ANSWER[k] for k in ("understanding", "result")}}


@pytest.mark.parametrize(
    "mode, reply",
    [
        ("error", json.dumps({"narrative": NARRATIVE})),
        ("garbage", json.dumps({"narrative": NARRATIVE})),
        ("ok", "Revenue went up!"),
        ("ok", json.dumps({"narrative": "EMEA online revenue was $1.23M in Q3 2025, up 14% on Q2."})),
        ("ok", json.dumps({"text": NARRATIVE})),
    ],
    ids=["http-500", "garbage", "not-json", "invented-percent", "wrong-key"],
)
def test_llm_rephrase_falls_back_to_none_and_says_why(fake, caplog, mode, reply):
    fake.mode, fake.reply = mode, reply
    with caplog.at_level(logging.WARNING, logger="insights.llm.phrasing"):
        assert llm_rephrase(provider=provider_for(fake), narrative=NARRATIVE, answer=ANSWER) is None
    assert any("ollama" in record.getMessage() for record in caplog.records)
