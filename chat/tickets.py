"""Single-use WebSocket tickets: a short-lived proof, bound to tenant + user + conversation.

A browser cannot send an Authorization header on a WebSocket, and a JWT in a URL
ends up in logs; so the client trades its token for a ticket (``POST /api/chat/ws-ticket``)
and opens ``ws/chat/{conversation}/?ticket=…``. The ticket is ``{tenant_id}.{secret}``: the
tenant part says which table to look in, the secret is stored only as a sha256 in that
tenant's table (TTL attribute ``expiresAt``) and is consumed with a conditional delete,
so it works across processes and Lambdas, and only once.
"""
from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass, replace

from pynamodb.exceptions import DeleteError

from chat.errors import TicketForbidden, TicketRefused
from chat.models import TICKET_SK, WsTicketItem, ticket_pk
from chat.selectors import get_conversation
from tenants.context import TenantContext
from tenants.errors import TenantError
from tenants.selectors import get_tenant_context
from tenants.services import validate_tenant_id
from tenants.storage import bind

TICKET_TTL_SECONDS = 60
MAX_TICKET_CHARS = 200


@dataclass(frozen=True)
class TicketGrant:
    """Who may watch which conversation, established by a consumed ticket."""

    tenant: TenantContext
    conversation_id: str


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_ticket(*, tenant: TenantContext, conversation_id: str) -> tuple[str, int]:
    """A ticket for ``conversation_id`` (which must exist in ``tenant``), and its lifetime in seconds."""
    get_conversation(tenant=tenant, conversation_id=conversation_id)
    secret = secrets.token_urlsafe(32)
    Ticket = bind(WsTicketItem, tenant=tenant)
    Ticket(
        ticket_pk(_hash(secret)),
        TICKET_SK,
        conversationId=conversation_id,
        userId=tenant.user_id,
        email=tenant.email,
        expiresAt=int(time.time()) + TICKET_TTL_SECONDS,
    ).save(condition=Ticket.pk.does_not_exist())
    return f"{tenant.tenant_id}.{secret}", TICKET_TTL_SECONDS


def consume_ticket(*, ticket: str | None, conversation_id: str) -> TicketGrant:
    """Use up ``ticket`` for ``conversation_id``; ``TicketRefused`` (4401) or ``TicketForbidden`` (4403) if not."""
    if not ticket or len(ticket) > MAX_TICKET_CHARS or "." not in ticket:
        raise TicketRefused("A valid ticket is required.")
    tenant_id, secret = ticket.split(".", 1)
    try:
        validate_tenant_id(tenant_id)
        tenant = get_tenant_context(tenant_id=tenant_id)
    except TenantError as exc:
        raise TicketRefused("A valid ticket is required.") from exc
    Ticket = bind(WsTicketItem, tenant=tenant)
    try:
        item = Ticket.get(ticket_pk(_hash(secret)), TICKET_SK, consistent_read=True)
    except Ticket.DoesNotExist as exc:
        raise TicketRefused("This ticket is unknown or already used.") from exc
    now = int(time.time())
    if item.expiresAt <= now:
        raise TicketRefused("This ticket has expired.")
    if item.conversationId != conversation_id:
        raise TicketForbidden("This ticket is for another conversation.")
    try:
        # Conditional, so of two sockets racing with one ticket exactly one wins.
        item.delete(condition=Ticket.pk.exists() & (Ticket.expiresAt > now))
    except DeleteError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            raise TicketRefused("This ticket is unknown or already used.") from exc
        raise
    scoped = replace(tenant, email=item.email, user_id=item.userId)  # the person the ticket was issued to
    return TicketGrant(tenant=scoped, conversation_id=conversation_id)
