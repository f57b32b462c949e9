"""AWS Lambda entry point for the API Gateway WebSocket API: image command ``chat.lambda_ws.handler``.

The same conversation protocol as the Channels consumer (``chat.consumers``), over API Gateway:

- ``$connect`` with ``?conversation=c_…&ticket=…`` (a single-use ticket from ``POST /api/chat/ws-ticket``)
  or an ``Authorization: Bearer`` header (non-browser clients; never a token in the URL) stores the
  connection (``chat.connections``); one past the person's open sockets is refused, 429 ``too_many_sockets``.
- ``$disconnect`` forgets it.
- ``$default`` takes the ask frame of ``chat.frames`` and answers through ``chat.services.ask``, which
  publishes ``thinking`` and ``answer`` to every connection of the conversation (``chat.events``).
  Every ask re-checks the tenant and the person (a disabled or signed-out one gets an error frame
  and the connection is closed) and counts against the frame rate and the ask throttles.
"""
from __future__ import annotations

import json
import logging
import os
import re
from typing import Any

from core.cold_start import django_loading

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salestalk.settings.aws")

import django

with django_loading():
    django.setup()

from chat import connections, services
from chat.errors import ConversationNotFound, TicketRefused
from chat.frames import error_frame, parse_ask, replying, too_many_frames, unavailable_frame
from chat.selectors import get_conversation
from chat.tickets import consume_ticket
from core.errors import AppError, error_body
from core.loaded_app import freeze_loaded_app
from core.unavailable import storage_unavailable
from tenants.auth import TokenRefused, context_from_token
from tenants.context import TenantContext
from tenants.errors import TenantError
from tenants.identity import recheck
from tenants.throttles import check_ask_allowed

logger = logging.getLogger(__name__)


def _response(status: int, body: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"statusCode": status, "body": json.dumps(body) if body is not None else ""}


def _log(message: str, **fields: Any) -> None:
    logger.info(message, extra={"fields": fields})


def endpoint_of(event: dict[str, Any]) -> str:
    """The management API of the stage the event came through (``https://{domain}/{stage}``)."""
    context = event["requestContext"]
    return f"https://{context['domainName']}/{context['stage']}"


# --- $connect ---------------------------------------------------------------------------------------


def _authenticate(event: dict[str, Any], conversation_id: str) -> TenantContext:
    query = event.get("queryStringParameters") or {}
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    if query.get("ticket"):
        return consume_ticket(ticket=query["ticket"], conversation_id=conversation_id).tenant
    scheme, _, token = headers.get("authorization", "").partition(" ")
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
        connections.claim_socket(tenant=tenant, connection_id=connection_id)
        connections.store_connection(
            tenant=tenant, conversation_id=conversation_id, connection_id=connection_id, endpoint=endpoint_of(event)
        )
    except TokenRefused as exc:
        # One answer whatever the token named (an unknown tenant, a disabled one): a probe learns nothing.
        _log("ws connect refused", connectionId=connection_id, reason=type(exc).__name__)
        return _response(401, error_body(code="token_refused", message="The token does not grant access."))
    except AppError as exc:
        # A refusal's close code is its status plus 4000 (4401, 4403, 4429); an unknown conversation is forbidden.
        close_code = getattr(exc, "close_code", None)
        status = close_code - 4000 if close_code else 403 if isinstance(exc, ConversationNotFound) else 401
        _log("ws connect refused", connectionId=connection_id, reason=type(exc).__name__)
        return _response(status, error_frame(exc))
    except Exception as exc:
        if not storage_unavailable(exc):
            raise
        return _response(503, unavailable_frame(exc))
    _log("ws connected", connectionId=connection_id, tenantId=tenant.tenant_id, conversation=conversation_id)
    return _response(200)


# --- $disconnect -------------------------------------------------------------------------------------


def on_disconnect(event: dict[str, Any]) -> dict[str, Any]:
    connection_id = event["requestContext"]["connectionId"]
    try:
        connection = connections.resolve(connection_id)
    except connections.Refused as exc:
        # Nothing trustworthy to clean in a tenant table; the index entry goes, TTL sweeps the rest.
        _log("ws disconnect of an unresolved connection", connectionId=connection_id, reason=str(exc))
        connections.forget(connection_id=connection_id, tenant=None, conversation_id=None)
        return _response(200)
    connections.forget(
        connection_id=connection_id, tenant=connection.tenant, conversation_id=connection.conversation_id
    )
    _log("ws disconnected", connectionId=connection_id, tenantId=connection.tenant.tenant_id)
    return _response(200)


# --- $default ----------------------------------------------------------------------------------------


def _close(connection: connections.Connection) -> None:
    connections.forget(
        connection_id=connection.connection_id, tenant=connection.tenant, conversation_id=connection.conversation_id
    )
    connections.close(endpoint=connection.endpoint, connection_id=connection.connection_id)


def on_message(event: dict[str, Any]) -> dict[str, Any]:
    connection_id = event["requestContext"]["connectionId"]
    try:
        connection = connections.resolve(connection_id)
    except connections.Refused as exc:
        _log("ws message from an unresolved connection: closing it", connectionId=connection_id, reason=str(exc))
        connections.forget(connection_id=connection_id, tenant=None, conversation_id=None)
        connections.close(endpoint=endpoint_of(event), connection_id=connection_id)
        return _response(403)
    except Exception as exc:
        if not storage_unavailable(exc):
            raise
        # The connection cannot be placed while storage is down, but its sender can still be told to retry.
        connections.post(endpoint=endpoint_of(event), connection_id=connection_id, data=unavailable_frame(exc))
        return _response(503)
    with replying() as reply:
        if not connections.count_frame(connection):
            raise too_many_frames()
        frame = parse_ask(event.get("body") if not event.get("isBase64Encoded") else None)
        tenant = recheck(tenant=connection.tenant)
        check_ask_allowed(tenant=tenant)
        services.ask(
            tenant=tenant,
            conversation_id=connection.conversation_id,
            text=frame.text,
            as_of=frame.as_of,
            author=tenant.email or tenant.user_id,
            session_id=f"ws_{connection_id}",
        )
    if reply.error is not None:
        connections.post(endpoint=connection.endpoint, connection_id=connection_id, data=reply.error)
        if isinstance(reply.cause, TenantError):  # revoked or disabled: this connection may not ask again
            _close(connection)
            return _response(403)
        return _response(400)
    _log("ws answered", connectionId=connection_id, tenantId=tenant.tenant_id, conversation=connection.conversation_id)
    return _response(200)


ROUTES = {"$connect": on_connect, "$disconnect": on_disconnect, "$default": on_message}


# What API Gateway puts in an event, by shape: the connection id is a DynamoDB key and the domain and stage
# make the management API's URL, so neither may be empty, huge, or carry a path, query or another host.
CONNECTION_ID = re.compile(r"[A-Za-z0-9_=+/-]{1,128}")
DOMAIN = re.compile(r"[A-Za-z0-9.-]{1,253}")
STAGE = re.compile(r"[A-Za-z0-9_$-]{1,128}")


def _string_map(value: object) -> bool:
    return value is None or (isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str)
                                                             for k, v in value.items()))


def _well_formed(event: object) -> bool:
    if not isinstance(event, dict) or not isinstance(context := event.get("requestContext"), dict):
        return False
    shaped = all(isinstance(value := context.get(key), str) and pattern.fullmatch(value)
                 for key, pattern in (("connectionId", CONNECTION_ID), ("domainName", DOMAIN), ("stage", STAGE)))
    return shaped and _string_map(event.get("headers")) and _string_map(event.get("queryStringParameters"))


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    if not _well_formed(event):
        return _response(400, error_body(code="malformed_event", message="Not an API Gateway WebSocket event."))
    context_of_request = event["requestContext"]
    route = context_of_request.get("routeKey")
    route_handler = ROUTES.get(route) if isinstance(route, str) else None
    if route_handler is None:
        return _response(400, error_body(code="unknown_route", message=f"No route {str(route)[:40]!r}."))
    return route_handler(event)


freeze_loaded_app()
