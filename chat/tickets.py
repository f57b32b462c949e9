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
from chat.models import TICKET_SK, TicketItem, ticket_pk
from chat.selectors import get_conversation
from tenants.context import TenantContext
from tenants.errors import TenantError
from tenants.selectors import get_tenant_context
from tenants.services import validate_tenant_id
from tenants.storage import bind

TICKET_TTL_SECONDS = 60
MAX_TICKET_CHARS = 200
# One answer for a ticket of an unknown tenant, an unknown, used or expired secret: a probe learns nothing.
REFUSED = "This ticket is unknown, used or expired; ask for a new one."


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
    Ticket = bind(TicketItem, tenant=tenant)
    Ticket(
        ticket_pk(_hash(secret)),
        TICKET_SK,
        conversation_id=conversation_id,
        user_id=tenant.user_id,
        email=tenant.email,
        token_version=tenant.token_version,
        expires_at=int(time.time()) + TICKET_TTL_SECONDS,
    ).save(condition=Ticket.pk.does_not_exist())
    return f"{tenant.tenant_id}.{secret}", TICKET_TTL_SECONDS


def consume_ticket(*, ticket: str | None, conversation_id: str) -> TicketGrant:
    """Use up ``ticket`` for ``conversation_id``; ``TicketRefused`` (4401) or ``TicketForbidden`` (4403) if not."""
    if not ticket or len(ticket) > MAX_TICKET_CHARS or "." not in ticket:
        raise TicketRefused(REFUSED)
    tenant_id, secret = ticket.split(".", 1)
    try:
        validate_tenant_id(tenant_id)
        tenant = get_tenant_context(tenant_id=tenant_id)
    except TenantError as exc:
        raise TicketRefused(REFUSED) from exc
    Ticket = bind(TicketItem, tenant=tenant)
    try:
        item = Ticket.get(ticket_pk(_hash(secret)), TICKET_SK, consistent_read=True)
    except Ticket.DoesNotExist as exc:
        raise TicketRefused(REFUSED) from exc
    now = int(time.time())
    if item.expires_at <= now:
        raise TicketRefused(REFUSED)
    if item.conversation_id != conversation_id:
        raise TicketForbidden("This ticket is for another conversation.")
    try:
        # Conditional, so of two sockets racing with one ticket exactly one wins.
        item.delete(condition=Ticket.pk.exists() & (Ticket.expires_at > now))
    except DeleteError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            raise TicketRefused(REFUSED) from exc
        raise
    # The person the ticket was issued to, held to the token version of the token that bought it.
    scoped = replace(tenant, email=item.email, user_id=item.user_id, token_version=item.token_version)
    return TicketGrant(tenant=scoped, conversation_id=conversation_id)
