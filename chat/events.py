"""The one event port: services announce what they wrote to everyone viewing the conversation.

Events (what a viewer of ``ws/chat/{conversation}/`` or the API Gateway WebSocket receives):
``{"type": "thinking", "conversation"}``, ``{"type": "answer", "user_message", "assistant_message", "answer"}``,
``{"type": "insight", "insight"}``, ``{"type": "comment", "comment"}``.

Services call ``publish`` (as Zulip's actions call ``send_event_on_commit``); views and socket
handlers never do. ``SALESTALK_EVENTS_BACKEND`` picks the transport: ``channels`` (one Channels group
per tenant + conversation; local) or ``apigateway`` (``post_to_connection`` to the conversation's
stored connections; AWS, where an HTTP Lambda's channel layer would reach nobody).
"""
from __future__ import annotations

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings

from chat import connections
from tenants.context import TenantContext

logger = logging.getLogger(__name__)

# The consumer method a group message is delivered to (Channels maps "chat.event" to chat_event).
HANDLER = "chat.event"


def group_name(*, tenant: TenantContext, conversation_id: str) -> str:
    # Tenant-qualified, so equal ids in two tenants could never share a group.
    return f"chat.{tenant.tenant_id}.{conversation_id}"


def thinking_event(*, conversation_id: str) -> dict[str, Any]:
    return {"type": "thinking", "conversation": conversation_id}


def answer_event(*, user_message: dict, assistant_message: dict, answer: dict) -> dict[str, Any]:
    return {"type": "answer", "user_message": user_message, "assistant_message": assistant_message, "answer": answer}


def _through_channels(*, tenant: TenantContext, conversation_id: str, event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(
            group_name(tenant=tenant, conversation_id=conversation_id), {"type": HANDLER, "event": event}
        )


def _through_api_gateway(*, tenant: TenantContext, conversation_id: str, event: dict[str, Any]) -> None:
    for viewer in connections.viewers(tenant=tenant, conversation_id=conversation_id):
        if not connections.post(endpoint=viewer.endpoint, connection_id=viewer.connection_id, data=event):
            connections.forget(connection_id=viewer.connection_id, tenant=tenant, conversation_id=conversation_id)


BACKENDS = {"channels": _through_channels, "apigateway": _through_api_gateway}


def publish(*, tenant: TenantContext, conversation_id: str, event: dict[str, Any]) -> None:
    """Send ``event`` to the conversation's viewers. The write it announces is already stored, so a
    failure is logged rather than raised: viewers catch up on their next read."""
    backend = BACKENDS[settings.SALESTALK_EVENTS_BACKEND]
    try:
        backend(tenant=tenant, conversation_id=conversation_id, event=event)
    except Exception:
        logger.warning("publishing %s to %s failed", event.get("type"), conversation_id, exc_info=True)
