"""What the LLM path adds around the model itself: the grounding check, a parse round trip over a
local Ollama-speaking server, the prompt size for a huge vocabulary, and how closely a hang is cut off."""
from __future__ import annotations

import contextlib
import json
import time
from datetime import date

from benchmarks.figures import Figure, latency_figures
from insights.answering.grounding import is_grounded
from insights.llm import LLMError
from insights.llm.ollama_provider import OllamaProvider
from insights.llm.parsing import llm_parse, user_prompt
from insights.tests.fake_ollama import FakeOllama
from metrics.semantic import SemanticModel

AREA = "llm"
AS_OF = date(2025, 10, 15)
SUMMARY_ANSWER = {
    "understanding": {"intent": "summary", "measure": "revenue",
                      "time": {"start": "2025-07-01", "end": "2025-09-30", "grain": "quarter"},
                      "compare_to": {"start": "2025-04-01", "end": "2025-06-30"}, "subject": None, "filters": {},
                      "group_by": None, "order": None, "limit": None},
    "result": {"value": 420000.0, "previous_value": 400000.0, "change": 20000.0, "change_pct": 5.0, "rows": [],
               "measures": {name: {"value": 1000.0 + i, "previous_value": 900.0 + i, "change_pct": 11.1 + i}
                            for i, name in enumerate(("revenue", "cost", "gross_margin", "units", "orders"))}},
}
SUMMARY_TEXT = ("Revenue was $420.0k in Q3 2025, up 5.0% on Q2 2025 ($400.0k). Also: cost 1,001 (up 12.1%); "
                "gross margin 1,002 (up 13.1%); units 1,003 (up 14.1%); orders 1,004 (up 15.1%).")
UNDERSTANDING = {
    "intent": "value", "subject": {"dimension": "product", "value": "product 00711"}, "measure": "revenue",
    "time": {"start": "2025-07-01", "end": "2025-09-30", "grain": "quarter"}, "compare_to": None, "filters": {},
    "group_by": None, "order": None, "limit": None,
}


def _huge_model(members: int) -> SemanticModel:
    return SemanticModel(
        version="bench", measures=("revenue", "cost", "units", "orders"),
        dimensions={"region": ("EMEA", "APAC", "North America"),
                    "product": tuple(f"Product {n:05d}" for n in range(members))},
        first_date=date(2023, 1, 1), last_date=date(2025, 9, 30),
    )


def _grounding(samples: int) -> list[Figure]:
    assert is_grounded(SUMMARY_TEXT, answer=SUMMARY_ANSWER)
    timings = []
    for _ in range(samples):
        started = time.perf_counter()
        is_grounded(SUMMARY_TEXT, answer=SUMMARY_ANSWER)
        timings.append((time.perf_counter() - started) * 1000)
    return latency_figures(area=AREA, name="grounding check (summary narrative)", samples_ms=timings,
                           p95_goal_ms=20)


def _parse_round_trips(model: SemanticModel, samples: int) -> list[Figure]:
    figures = []
    with FakeOllama() as server:
        server.reply = json.dumps(UNDERSTANDING)
        for stream in (False, True):
            provider = OllamaProvider(host=server.url, model="llama3.1:8b", timeout_seconds=5, stream=stream)
            timings = []
            for _ in range(samples):
                started = time.perf_counter()
                understanding = llm_parse(provider=provider, text="revenue of product 00711 in q3?", model=model,
                                          as_of=AS_OF, context=None)
                timings.append((time.perf_counter() - started) * 1000)
                assert understanding is not None and understanding.constraints["product"] == ("Product 00711",)
            # The default is one JSON reply; a streamed one pays per chunk (here ~50 of 7 characters).
            kind = "streamed" if stream else "single JSON"
            figures += latency_figures(area=AREA, name=f"llm_parse overhead, {kind} reply, local server",
                                       samples_ms=timings, p95_goal_ms=None if stream else 100)
        server.mode = "hang"
        timeout = 0.3
        provider = OllamaProvider(host=server.url, model="llama3.1:8b", timeout_seconds=timeout)
        started = time.perf_counter()
        with contextlib.suppress(LLMError):
            provider.chat(system="s", user="u", json_output=True)
        overrun_ms = (time.perf_counter() - started - timeout) * 1000
    figures.append(Figure(AREA, "hang cut off after the timeout by", overrun_ms, "ms", goal=100))
    return figures


def run(ctx) -> list[Figure]:
    model = _huge_model(2_000 if ctx.quick else 20_000)
    prompt = user_prompt(text="revenue of product 00711 in q3?", model=model, as_of=AS_OF, context=None)
    return [
        *_grounding(200 if ctx.quick else 2_000),
        *_parse_round_trips(model, 10 if ctx.quick else 50),
        Figure(AREA, f"parse prompt size, {len(model.dimensions['product']):,} products", len(prompt), "chars",
               goal=16_000),
    ]
