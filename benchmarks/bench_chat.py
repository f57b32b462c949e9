"""Chat: the HTTP round trip of one chat message (goal p95 ≤ 150 ms).

Ask, store the question, answer, store the answer.

Through the real Django stack (test Client: middleware, JWT authentication, DRF, the
``ask`` service, DynamoDB Local) against a tenant holding the demo company's data.
The questions are what people type, follow-ups included, asked in one conversation as
a person would; the first round is a warm-up. The ``ask`` service alone is measured
too, so the API's own share of the time shows.
"""
from __future__ import annotations

import logging
import time
from datetime import date
from pathlib import Path

from django.test import Client

from benchmarks.figures import Figure, latency_figures
from chat.services import ask, create_conversation
from metrics.demo_data import DEMO_SEED, write_csv
from metrics.services import import_dataset
from tenants.selectors import get_tenant_context
from tenants.services import offboard_tenant, onboard_tenant
from tenants.tokens import issue_token

AREA = "chat"
P95_GOAL_MS = 150.0
AS_OF = date(2025, 12, 15)
TENANT_ID = "bench-chat"
QUESTIONS = (
    "What was revenue last month?",
    "And in Europe?",
    "What about margin?",
    "How did Q3 revenue compare to Q2?",
    "Revenue by region last quarter",
    "Top 3 products by revenue this year",
    "Monthly revenue over the last 6 months",
    "Why did revenue drop in August?",
    "How are we doing?",
    "Which channel sold the least last month?",
)


def dataset(ctx) -> Path:
    start = date(2025, 1, 1) if ctx.quick else date(2024, 1, 1)
    path = Path(ctx.data_dir) / f"chat-demo-{start.year}-2025.csv"
    if not path.exists():
        partial = path.with_suffix(".partial")
        with partial.open("w", newline="", encoding="utf-8") as out:
            write_csv(out, start=start, end=date(2025, 12, 31), seed=DEMO_SEED)
        partial.rename(path)
    return path


def run(ctx) -> list[Figure]:
    rounds = 3 if ctx.quick else 10
    request_log = logging.getLogger("salestalk.request")
    level = request_log.level
    request_log.setLevel(logging.WARNING)  # one log line per request would drown the report
    onboard_tenant(tenant_id=TENANT_ID, name="Bench chat", owner_email=f"owner@{TENANT_ID}.example")
    try:
        tenant = get_tenant_context(tenant_id=TENANT_ID, email=f"owner@{TENANT_ID}.example")
        path = dataset(ctx)
        with path.open("rb") as stream:
            imported = import_dataset(tenant=tenant, stream=stream, source=path.name, replace=True)

        client = Client(HTTP_AUTHORIZATION=f"Bearer {issue_token(tenant_id=TENANT_ID, email=tenant.email)}")
        conversation = client.post("/api/chat/conversations/", {"title": "bench"}, content_type="application/json")
        url = f"/api/chat/conversations/{conversation.json()['id']}/messages/"
        http_ms: list[float] = []
        for round_no in range(rounds + 1):
            for question in QUESTIONS:
                started = time.perf_counter()
                response = client.post(url, {"text": question, "as_of": AS_OF.isoformat()},
                                       content_type="application/json")
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 201:
                    raise RuntimeError(f"{question!r}: HTTP {response.status_code} {response.content[:200]!r}")
                if round_no:
                    http_ms.append(elapsed)

        service_ms: list[float] = []
        conversation_id = create_conversation(tenant=tenant, title="bench service").id
        for _ in range(rounds):
            for question in QUESTIONS:
                started = time.perf_counter()
                ask(tenant=tenant, conversation_id=conversation_id, text=question, as_of=AS_OF)
                service_ms.append((time.perf_counter() - started) * 1000)
    finally:
        offboard_tenant(tenant_id=TENANT_ID)
        request_log.setLevel(level)

    return [
        Figure(AREA, "dataset rows", imported.rows, "rows"),
        *latency_figures(area=AREA, name="message round trip (HTTP)", samples_ms=http_ms, p95_goal_ms=P95_GOAL_MS),
        *latency_figures(area=AREA, name="ask service alone", samples_ms=service_ms),
    ]
