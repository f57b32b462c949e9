"""Answers in process with the built-in engine: parse, compute from rollups, phrase (goal p95 ≤ 50 ms).

Over the shared development questions, v1 and v2 (follow-ups in their conversations),
against the shared Acme dataset (92k facts) when ``../shared/eval`` is there, one
figure per set; otherwise over our Globex questions and data. Storage of messages is left out: this is the engine.
"""
from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

from benchmarks.figures import Figure, latency_figures
from insights.engine import answer_question
from metrics.services import import_dataset
from tenants.selectors import get_tenant_context
from tenants.services import offboard_tenant, onboard_tenant
from tests.eval import make_globex

AREA = "answers"
P95_GOAL_MS = 50.0
TENANT_ID = "bench-answers"
ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"


def sources(ctx) -> tuple[Path, list[Path]]:
    if (SHARED_EVAL / "acme.csv").exists():
        return SHARED_EVAL / "acme.csv", [SHARED_EVAL / "questions-dev.jsonl", SHARED_EVAL / "questions-dev-v2.jsonl"]
    data = Path(ctx.data_dir) / "globex.csv"
    if not data.exists():
        make_globex.write(data)
    return data, [ROOT / "tests" / "eval" / "globex-questions.jsonl"]


def conversations(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def latencies(tenant, questions: Path, *, rounds: int) -> list[float]:
    samples: list[float] = []
    for round_no in range(rounds):
        for conversation in conversations(questions):
            context = None
            as_of = date.fromisoformat(conversation["as_of"])
            for turn in conversation["turns"]:
                started = time.perf_counter()
                answer = answer_question(tenant=tenant, text=turn["q"], as_of=as_of, context=context)
                elapsed = (time.perf_counter() - started) * 1000
                if round_no:  # the first round warms the caches
                    samples.append(elapsed)
                context = answer.understanding if answer.understanding.answered else context
    return samples


def run(ctx) -> list[Figure]:
    data, question_sets = sources(ctx)
    onboard_tenant(tenant_id=TENANT_ID, name="Bench answers", owner_email=f"owner@{TENANT_ID}.example")
    figures: list[Figure] = []
    try:
        tenant = get_tenant_context(tenant_id=TENANT_ID)
        with data.open("rb") as stream:
            imported = import_dataset(tenant=tenant, stream=stream, source=data.name, replace=True)
        figures.append(Figure(AREA, "facts", imported.rows, "rows"))
        for questions in question_sets:
            samples = latencies(tenant, questions, rounds=2 if ctx.quick else 6)
            figures += latency_figures(area=AREA, name=f"answer ({questions.stem} on {data.name})",
                                       samples_ms=samples, p95_goal_ms=P95_GOAL_MS)
    finally:
        offboard_tenant(tenant_id=TENANT_ID)
    return figures
