"""Live events to everyone viewing a conversation: one Channels group per tenant + conversation.

Events (what a client receives on ``ws/chat/{conversation}/``):
``{"type": "thinking", "conversation"}``, ``{"type": "answer", "user_message", "assistant_message", "answer"}``,
``{"type": "insight", "insight"}``, ``{"type": "comment", "comment"}``; a question's ``thinking`` goes out
before the engine runs, its ``answer`` (both stored messages) after.
"""
from __future__ import annotations

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from tenants.context import TenantContext

logger = logging.getLogger(__name__)

# The consumer method a group message is delivered to (Channels maps "chat.event" to chat_event).
HANDLER = "chat.event"


def group_name(*, tenant: TenantContext, conversation_id: str) -> str:
    # Tenant-qualified, so equal ids in two tenants could never share a group.
    return f"chat.{tenant.tenant_id}.{conversation_id}"


def envelope(event: dict[str, Any], *, exclude: str | None = None) -> dict[str, Any]:
    return {"type": HANDLER, "event": event, "exclude": exclude}


async def send_event(
    *, tenant: TenantContext, conversation_id: str, event: dict[str, Any], exclude: str | None = None
) -> None:
    """``exclude``: a channel that already has the event (a socket tells its own client first)."""
    layer = get_channel_layer()
    if layer is None:
        return
    await layer.group_send(
        group_name(tenant=tenant, conversation_id=conversation_id), envelope(event, exclude=exclude)
    )


def broadcast(*, tenant: TenantContext, conversation_id: str, event: dict[str, Any]) -> None:
    """From sync code (REST views). The write it announces is already stored, so a failed broadcast is
    logged rather than turned into an error: viewers catch up on their next read."""
    try:
        async_to_sync(send_event)(tenant=tenant, conversation_id=conversation_id, event=event)
    except Exception:
        logger.warning("broadcast to %s failed", conversation_id, exc_info=True)


def thinking_event(*, conversation_id: str) -> dict[str, Any]:
    return {"type": "thinking", "conversation": conversation_id}


def answer_event(*, user_message: dict, assistant_message: dict, answer: dict) -> dict[str, Any]:
    return {"type": "answer", "user_message": user_message, "assistant_message": assistant_message, "answer": answer}
