"""AWS Lambda entry point for the API Gateway WebSocket API: image command ``chat.lambda_ws.handler``.

The same conversation protocol as the Channels consumer (``chat.consumers``), over API Gateway:

- ``$connect`` with ``?conversation=c_…&ticket=…`` (a single-use ticket from ``POST /api/chat/ws-ticket``)
  or an ``Authorization: Bearer`` header (non-browser clients; never a token in the URL) stores the
  connection in the tenant's table, and in the global ``{prefix}connections`` index, both with a TTL.
- ``$disconnect`` removes both.
- ``$default`` takes ``{"type": "ask", "text": "…", "as_of"?: "YYYY-MM-DD"}`` (``"action"`` is accepted for
  ``"type"``, API Gateway's customary name), answers through ``chat.services.ask`` and posts the
  ``thinking`` and ``answer`` events of ``chat.broadcast`` to every connection of the conversation.

A connection's tenant is found from its id through the global index, and fails closed: the index
entry must name an active tenant *and* that tenant's table must hold the same connection for the
same conversation, or the socket is closed. Connections that are gone are removed on GoneException.
"""
from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salestalk.settings.aws")

import django

django.setup()

import botocore.config
import botocore.session
from botocore.exceptions import ClientError
from django.conf import settings
from pynamodb.attributes import NumberAttribute, UnicodeAttribute

from chat import services
from chat.broadcast import answer_event, thinking_event
from chat.errors import ChatError, ConversationNotFound, TicketRefused
from chat.selectors import get_conversation
from chat.services import MAX_QUESTION_CHARS
from chat.tickets import consume_ticket
from core.clock import now_iso
from tenants.auth import TokenRefused, context_from_token
from tenants.context import TenantContext
from tenants.errors import TenantError
from tenants.selectors import get_tenant_context
from tenants.storage import TenantItem, UnboundModel, bind, bind_table, ensure_table

logger = logging.getLogger(__name__)

# API Gateway ends every WebSocket connection after 2 hours; the TTL sweeps what $disconnect missed.
CONNECTION_TTL_SECONDS = 3 * 3600
MAX_FRAME_CHARS = 8 * 1024
TTL_ATTRIBUTE = "expiresAt"


def connections_table_name() -> str:
    return f"{settings.SALESTALK_TABLE_PREFIX}connections"


def connection_pk(conversation_id: str) -> str:
    return f"WSCONN#{conversation_id}"


class ConnectionIndex(UnboundModel):
    """Global ``{prefix}connections``: connection id → tenant, the only way in from a bare connection id."""

    connectionId = UnicodeAttribute(hash_key=True)
    tenantId = UnicodeAttribute()
    conversationId = UnicodeAttribute()
    expiresAt = NumberAttribute()


class ConnectionItem(TenantItem):
    """In the tenant's table: pk ``WSCONN#{conversation}``, sk the connection id (one query finds a room)."""

    connectionId = UnicodeAttribute()
    conversationId = UnicodeAttribute()
    userId = UnicodeAttribute(null=True)
    email = UnicodeAttribute(null=True)
    connectedAt = UnicodeAttribute()
    expiresAt = NumberAttribute()


def ensure_connections_table() -> None:
    """Create the global index where it is missing (local and tests; in AWS, Terraform owns it)."""
    ensure_table(name=connections_table_name(), keys=["connectionId"], ttl_attribute=TTL_ATTRIBUTE)


def _index() -> type[ConnectionIndex]:
    return bind_table(ConnectionIndex, table_name=connections_table_name())


@dataclass(frozen=True)
class Connection:
    connection_id: str
    tenant: TenantContext
    conversation_id: str


class Refused(Exception):
    """The connection cannot be trusted or placed; it is closed."""


class BadFrame(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@lru_cache(maxsize=8)
def _management_client(endpoint: str) -> Any:
    config = botocore.config.Config(connect_timeout=3, read_timeout=5, retries={"max_attempts": 2, "mode": "standard"})
    return botocore.session.get_session().create_client(
        "apigatewaymanagementapi", region_name=settings.SALESTALK_AWS_REGION, endpoint_url=endpoint, config=config
    )


def management_client(event: dict[str, Any]) -> Any:
    """The callback client of the API the event came through (``https://{domain}/{stage}``)."""
    context = event["requestContext"]
    return _management_client(f"https://{context['domainName']}/{context['stage']}")


def _response(status: int, body: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"statusCode": status, "body": json.dumps(body) if body is not None else ""}


def _error(code: str, message: str) -> dict[str, Any]:
    return {"type": "error", "error": {"code": code, "message": message}}


def _log(message: str, **fields: Any) -> None:
    logger.info(message, extra={"fields": fields})


# --- $connect ---------------------------------------------------------------------------------------


def _authenticate(event: dict[str, Any], conversation_id: str) -> TenantContext:
    query = event.get("queryStringParameters") or {}
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    if query.get("ticket"):
        return consume_ticket(ticket=query["ticket"], conversation_id=conversation_id).tenant
    authorization = headers.get("authorization", "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise TicketRefused("A ticket (?ticket=) or an Authorization: Bearer header is required.")
    tenant = context_from_token(token.strip())
    get_conversation(tenant=tenant, conversation_id=conversation_id)
    return tenant


def on_connect(event: dict[str, Any]) -> dict[str, Any]:
    connection_id = event["requestContext"]["connectionId"]
    conversation_id = (event.get("queryStringParameters") or {}).get("conversation") or ""
    try:
        tenant = _authenticate(event, conversation_id)
    except (ChatError, TenantError, TokenRefused) as exc:
        status = 403 if getattr(exc, "close_code", None) == 4403 or isinstance(exc, ConversationNotFound) else 401
        _log("ws connect refused", connectionId=connection_id, reason=type(exc).__name__)
        return _response(status, _error(getattr(exc, "code", "refused"), str(exc)))
    expires_at = int(time.time()) + CONNECTION_TTL_SECONDS
    # Tenant item first: an index entry never points at a connection its tenant does not hold.
    Item = bind(ConnectionItem, tenant=tenant)
    Item(
        connection_pk(conversation_id),
        connection_id,
        connectionId=connection_id,
        conversationId=conversation_id,
        userId=tenant.user_id,
        email=tenant.email,
        connectedAt=now_iso(),
        expiresAt=expires_at,
    ).save()
    Index = _index()
    Index(connection_id, tenantId=tenant.tenant_id, conversationId=conversation_id, expiresAt=expires_at).save(
        condition=Index.connectionId.does_not_exist()
    )
    _log("ws connected", connectionId=connection_id, tenantId=tenant.tenant_id, conversation=conversation_id)
    return _response(200)


# --- finding a connection's tenant (fail closed) -----------------------------------------------------


def resolve(connection_id: str) -> Connection:
    """The connection's tenant and conversation, or ``Refused`` unless index, registry and tenant table agree."""
    Index = _index()
    try:
        entry = Index.get(connection_id, consistent_read=True)
    except Index.DoesNotExist as exc:
        raise Refused("unknown connection") from exc
    if entry.expiresAt <= time.time():
        raise Refused("expired connection")
    try:
        tenant = get_tenant_context(tenant_id=entry.tenantId)
    except TenantError as exc:
        raise Refused(f"tenant not available: {exc}") from exc
    Item = bind(ConnectionItem, tenant=tenant)
    try:
        item = Item.get(connection_pk(entry.conversationId), connection_id, consistent_read=True)
    except Item.DoesNotExist as exc:
        raise Refused("the tenant holds no such connection") from exc
    if item.conversationId != entry.conversationId or item.connectionId != connection_id:
        raise Refused("index and tenant table disagree")
    scoped = replace(tenant, email=item.email, user_id=item.userId)  # the person who opened the connection
    return Connection(connection_id=connection_id, tenant=scoped, conversation_id=entry.conversationId)


def _forget(*, connection_id: str, tenant: TenantContext | None, conversation_id: str | None) -> None:
    if tenant is not None and conversation_id is not None:
        bind(ConnectionItem, tenant=tenant)(connection_pk(conversation_id), connection_id).delete()
    _index()(connection_id).delete()


# --- $disconnect -------------------------------------------------------------------------------------


def on_disconnect(event: dict[str, Any]) -> dict[str, Any]:
    connection_id = event["requestContext"]["connectionId"]
    try:
        connection = resolve(connection_id)
    except Refused as exc:
        # Nothing trustworthy to clean in a tenant table; the index entry goes, TTL sweeps the rest.
        _log("ws disconnect of an unresolved connection", connectionId=connection_id, reason=str(exc))
        _forget(connection_id=connection_id, tenant=None, conversation_id=None)
        return _response(200)
    _forget(connection_id=connection_id, tenant=connection.tenant, conversation_id=connection.conversation_id)
    _log("ws disconnected", connectionId=connection_id, tenantId=connection.tenant.tenant_id)
    return _response(200)


# --- $default ----------------------------------------------------------------------------------------


def _post(client: Any, *, connection_id: str, data: dict[str, Any]) -> bool:
    """Send one frame; False when the connection is gone."""
    try:
        client.post_to_connection(ConnectionId=connection_id, Data=json.dumps(data).encode())
    except ClientError as exc:
        if exc.response["Error"]["Code"] == "GoneException":
            return False
        raise
    return True


def broadcast(client: Any, *, connection: Connection, data: dict[str, Any]) -> None:
    """Post to every connection of the conversation, within its tenant; remove the ones that are gone."""
    Item = bind(ConnectionItem, tenant=connection.tenant)
    for item in Item.query(connection_pk(connection.conversation_id), consistent_read=True):
        if not _post(client, connection_id=item.connectionId, data=data):
            _forget(connection_id=item.connectionId, tenant=connection.tenant, conversation_id=item.conversationId)


def _question(body: str | None) -> tuple[str, date | None]:
    """The question of a frame, validated as the Channels consumer does."""
    if not isinstance(body, str) or len(body) > MAX_FRAME_CHARS:
        raise BadFrame("invalid_frame", "Send one JSON object of at most 8 KB as text.")
    try:
        content = json.loads(body)
    except ValueError:
        content = None
    if not isinstance(content, dict) or content.get("type", content.get("action")) != "ask":
        raise BadFrame("invalid_frame", 'Send {"type": "ask", "text": "…"}.')
    text = content.get("text")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_QUESTION_CHARS:
        raise BadFrame("invalid_question", f"Ask a question of 1 to {MAX_QUESTION_CHARS} characters.")
    try:
        as_of = date.fromisoformat(content["as_of"]) if content.get("as_of") else None
    except (TypeError, ValueError):
        raise BadFrame("invalid_as_of", "'as_of' must be a date, YYYY-MM-DD.") from None
    return text, as_of


def on_message(event: dict[str, Any]) -> dict[str, Any]:
    connection_id = event["requestContext"]["connectionId"]
    client = management_client(event)
    try:
        connection = resolve(connection_id)
    except Refused as exc:
        _log("ws message from an unresolved connection: closing it", connectionId=connection_id, reason=str(exc))
        _forget(connection_id=connection_id, tenant=None, conversation_id=None)
        try:
            client.delete_connection(ConnectionId=connection_id)
        except ClientError as gone:
            if gone.response["Error"]["Code"] != "GoneException":
                raise
        return _response(403)
    try:
        text, as_of = _question(event.get("body"))
    except BadFrame as exc:
        _post(client, connection_id=connection_id, data=_error(exc.code, str(exc)))
        return _response(400)
    tenant, conversation_id = connection.tenant, connection.conversation_id
    broadcast(client, connection=connection, data=thinking_event(conversation_id=conversation_id))
    try:
        outcome = services.ask(
            tenant=tenant,
            conversation_id=conversation_id,
            text=text,
            as_of=as_of,
            author=tenant.email or tenant.user_id,
            session_id=f"ws_{connection_id}",
        )
    except (ChatError, TenantError) as exc:
        _post(client, connection_id=connection_id, data=_error(exc.code, str(exc)))
        return _response(400)
    event_out = answer_event(
        user_message=outcome.user_message, assistant_message=outcome.assistant_message, answer=outcome.answer
    )
    broadcast(client, connection=connection, data=event_out)
    _log("ws answered", connectionId=connection_id, tenantId=tenant.tenant_id, conversation=conversation_id)
    return _response(200)


ROUTES = {"$connect": on_connect, "$disconnect": on_disconnect, "$default": on_message}


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    route = event.get("requestContext", {}).get("routeKey")
    route_handler = ROUTES.get(route)
    if route_handler is None:
        return _response(400, _error("unknown_route", f"No route {route!r}."))
    return route_handler(event)
