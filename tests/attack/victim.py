"""The victim tenant: real objects of every kind, each carrying a marker string an attacker must never see.

Planted through the owners' services (the same code the API uses), so the ids are real and the
attacks hit stored items, not malformed ids that are refused before any read.
"""
from __future__ import annotations

import io
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from chat.services import append_message, create_conversation
from collab.services import add_comment, pin_insight, share_insight
from metrics.jobs import ImportRequest, create_import_job, run_import_job
from metrics.services import import_dataset
from metrics.uploads import store_upload
from tenants.context import TenantContext
from tenants.models import registry
from tenants.storage import dynamodb_client

CONVERSATIONS = 3


@dataclass
class Victim:
    tenant: TenantContext
    marker: str
    ids: dict[str, list[str]] = field(default_factory=dict)  # kind -> ids
    messages_of: dict[str, str] = field(default_factory=dict)  # message id -> conversation id
    insight_of: dict[str, str] = field(default_factory=dict)  # comment id -> insight id
    share_tokens: list[str] = field(default_factory=list)

    def id_sets(self) -> list[dict[str, str]]:
        """Consistent sets of one id per kind (a comment with its own insight, a message with its conversation)."""
        sets = []
        for n, comment in enumerate(self.ids["comment"]):
            insight = self.insight_of[comment]
            message = self.ids["message"][n % len(self.ids["message"])]
            sets.append({
                "conversation": self.messages_of[message],
                "message": message,
                "insight": insight,
                "comment": comment,
                "tenant": self.tenant.tenant_id,
                "share": self.share_tokens[n % len(self.share_tokens)],
                "measure": "revenue",
                "dimension": "region",
                "upload": self.ids["upload"][n % len(self.ids["upload"])],
                "job": self.ids["job"][n % len(self.ids["job"])],
            })
        return sets


def answer_object(*, conversation_id: str, narrative: str) -> dict[str, Any]:
    return {
        "conversation": conversation_id,
        "understanding": {
            "intent": "value", "subject": None, "measure": "revenue",
            "time": {"start": "2025-01-01", "end": "2025-01-31", "grain": "month"},
            "compare_to": None, "filters": {}, "group_by": None, "order": None, "limit": None,
        },
        "result": {"value": 1234.5, "previous_value": None, "change": None, "change_pct": None, "rows": []},
        "narrative": narrative,
        "sentiment": "neutral",
        "clarification": None,
    }


def dataset_csv(*, marker: str, days: int = 60, start: date = date(2025, 1, 1)) -> bytes:
    """A small dataset whose region names carry the marker, so any leak of the semantic model shows."""
    lines = ["date,region,channel,orders,units,revenue,cost,new_customers"]
    for n in range(days):
        day = (start + timedelta(days=n)).isoformat()
        for r, region in enumerate((f"{marker}-North", f"{marker}-South")):
            for c, channel in enumerate(("Online", "Retail")):
                lines.append(f"{day},{region},{channel},{1 + n % 5},{2 + r},{100 + n + 10 * c}.5,{40 + r}.25,{c}")
    return ("\n".join(lines) + "\n").encode()


def plant(tenant: TenantContext, *, marker: str | None = None) -> Victim:
    marker = marker or f"LEAKMARK{uuid.uuid4().hex[:10]}"
    kinds = ("conversation", "message", "insight", "comment")
    victim = Victim(tenant=tenant, marker=marker, ids={k: [] for k in kinds})
    import_dataset(tenant=tenant, stream=io.BytesIO(dataset_csv(marker=marker)), source=f"{marker}.csv", replace=True)
    for n in range(CONVERSATIONS):
        conversation = create_conversation(tenant=tenant, title=f"{marker} secret plan {n}", created_by=tenant.email)
        question = append_message(
            tenant=tenant, conversation_id=conversation.id, sender="user", text=f"{marker} what was revenue?",
            metadata={"author": tenant.email},
        )
        answer = append_message(
            tenant=tenant, conversation_id=conversation.id, sender="assistant", text=f"{marker} revenue was 1,234.50",
            context=answer_object(conversation_id=conversation.id, narrative=f"{marker} revenue was 1,234.50"),
            metadata={"reply_to": question.id},
        )
        insight = pin_insight(
            tenant=tenant, conversation_id=conversation.id, message_id=answer.id,
            created_by=tenant.email, title=f"{marker} pinned {n}",
        )
        comment = add_comment(tenant=tenant, insight_id=insight.id, text=f"{marker} confidential comment {n}")
        token, _ = share_insight(tenant=tenant, insight_id=insight.id)
        victim.ids["conversation"].append(conversation.id)
        for message in (question, answer):
            victim.ids["message"].append(message.id)
            victim.messages_of[message.id] = conversation.id
        victim.ids["insight"].append(insight.id)
        victim.ids["comment"].append(comment.id)
        victim.insight_of[comment.id] = insight.id
        victim.share_tokens.append(token)
    data = dataset_csv(marker=marker)
    # An upload waiting for its roles (its columns carry the marker), and a finished import job named after it.
    pending = store_upload(tenant=tenant, filename=f"{marker}-pending.csv", stream=io.BytesIO(data), size=len(data))
    imported = store_upload(tenant=tenant, filename=f"{marker}-imported.csv", stream=io.BytesIO(data), size=len(data))
    job = create_import_job(tenant=tenant, upload=imported.name, source=f"{marker}-imported.csv",
                            request=ImportRequest(replace=True))
    run_import_job(tenant=tenant, job_id=job.id, reraise=True)
    victim.ids["upload"] = [pending.upload_id]
    victim.ids["job"] = [job.id]
    return victim


def _scan(table: str) -> list[dict[str, Any]]:
    client, items, start = dynamodb_client(), [], None
    while True:
        page = client.scan(TableName=table, ConsistentRead=True, **({"ExclusiveStartKey": start} if start else {}))
        items.extend(page["Items"])
        start = page.get("LastEvaluatedKey")
        if not start:
            return sorted(items, key=lambda item: (item["pk"]["S"], item["sk"]["S"]))


def snapshot(victim: Victim) -> dict[str, Any]:
    """Everything stored for the victim: its table, item by item, and its registry entry."""
    record = registry().get(victim.tenant.tenant_id, consistent_read=True)
    return {"registry": record.as_json(), "items": _scan(victim.tenant.table_name)}
