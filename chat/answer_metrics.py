"""The figures one answered question publishes (core.metrics): latency, intent, clarify rate."""
from __future__ import annotations

from typing import Any

from core.metrics import record


def record_answer(*, tenant_id: str, answer: dict[str, Any], seconds: float) -> None:
    intent = str((answer.get("understanding") or {}).get("intent") or "unknown")
    record(name="AnswerLatency", value=round(seconds * 1000, 2), unit="Milliseconds", tenant_id=tenant_id)
    record(name="Questions", value=1, tenant_id=tenant_id, dimensions={"intent": intent})
    # 0 or 1 per question: the metric's average is the clarify rate.
    record(name="Clarifications", value=int(answer.get("clarification") is not None), tenant_id=tenant_id)
