"""API Gateway WebSocket connections: stored, found (fail closed), posted to, forgotten; and the open
sockets of a person, of either kind, bounded (``claim_socket``).

A connection lives twice: in its tenant's table (``WSCONN#{conversation}``, so one query finds a
conversation's viewers) and in the global index (connection id → tenant, the only way in from the
bare id API Gateway sends). Its tenant is trusted only when the index entry names an active tenant
*and* that tenant's table holds the same connection for the same conversation.
"""
from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import botocore.config
import botocore.session
from botocore.exceptions import ClientError
from django.conf import settings
from pynamodb.exceptions import DeleteError, PutError, UpdateError

from chat.errors import TooManySockets
from chat.models import (
    TTL_ATTRIBUTE,
    ConnectionItem,
    SocketSlotItem,
    connection_index,
    connection_pk,
    connections_table_name,
    socket_slot_sk,
    socket_slots_pk,
)
from core.clock import now_iso
from tenants.context import TenantContext
from tenants.errors import TenantError
from tenants.selectors import get_tenant_context
from tenants.storage import bind, ensure_table

logger = logging.getLogger(__name__)

# API Gateway ends every WebSocket connection after 2 hours; the TTL sweeps what $disconnect missed.
CONNECTION_TTL_SECONDS = 3 * 3600


@dataclass(frozen=True)
class Connection:
    connection_id: str
    tenant: TenantContext  # narrowed to the person who opened the connection
    conversation_id: str
    endpoint: str


class Refused(Exception):
    """The connection cannot be trusted or placed; it is closed."""


def ensure_connections_table() -> None:
    """Create the global index where it is missing (local and tests; in AWS, Terraform owns it)."""
    ensure_table(name=connections_table_name(), keys=["connectionId"], ttl_attribute=TTL_ATTRIBUTE)


@lru_cache(maxsize=8)
def management_client(endpoint: str) -> Any:
    """The callback client of one WebSocket API stage (``https://{domain}/{stage}``)."""
    config = botocore.config.Config(connect_timeout=3, read_timeout=5, retries={"max_attempts": 2, "mode": "standard"})
    return botocore.session.get_session().create_client(
        "apigatewaymanagementapi", region_name=settings.SALESTALK_AWS_REGION, endpoint_url=endpoint, config=config
    )


def store_connection(*, tenant: TenantContext, conversation_id: str, connection_id: str, endpoint: str) -> None:
    expires_at = int(time.time()) + CONNECTION_TTL_SECONDS
    # Tenant item first: an index entry never points at a connection its tenant does not hold.
    bind(ConnectionItem, tenant=tenant)(
        connection_pk(conversation_id),
        connection_id,
        connection_id=connection_id,
        conversation_id=conversation_id,
        user_id=tenant.user_id,
        email=tenant.email,
        token_version=tenant.token_version,
        endpoint=endpoint,
        connected_at=now_iso(),
        expires_at=expires_at,
    ).save()
    Index = connection_index()
    Index(
        connection_id, tenant_id=tenant.tenant_id, conversation_id=conversation_id, expires_at=expires_at
    ).save(condition=Index.connection_id.does_not_exist())


def resolve(connection_id: str) -> Connection:
    """The connection's tenant and conversation, or ``Refused`` unless index, registry and tenant table agree."""
    Index = connection_index()
    try:
        entry = Index.get(connection_id, consistent_read=True)
    except Index.DoesNotExist as exc:
        raise Refused("unknown connection") from exc
    if entry.expires_at <= time.time():
        raise Refused("expired connection")
    try:
        tenant = get_tenant_context(tenant_id=entry.tenant_id)
    except TenantError as exc:
        raise Refused(f"tenant not available: {exc}") from exc
    Item = bind(ConnectionItem, tenant=tenant)
    try:
        item = Item.get(connection_pk(entry.conversation_id), connection_id, consistent_read=True)
    except Item.DoesNotExist as exc:
        raise Refused("the tenant holds no such connection") from exc
    if item.conversation_id != entry.conversation_id or item.connection_id != connection_id:
        raise Refused("index and tenant table disagree")
    person = replace(tenant, email=item.email, user_id=item.user_id, token_version=item.token_version)
    return Connection(
        connection_id=connection_id, tenant=person, conversation_id=entry.conversation_id, endpoint=item.endpoint
    )


def forget(*, connection_id: str, tenant: TenantContext | None, conversation_id: str | None) -> None:
    if tenant is not None and conversation_id is not None:
        bind(ConnectionItem, tenant=tenant)(connection_pk(conversation_id), connection_id).delete()
        release_socket(tenant=tenant, connection_id=connection_id)
    connection_index()(connection_id).delete()


def _slots_pk(tenant: TenantContext) -> str:
    return socket_slots_pk(f"{tenant.user_id or tenant.email}")  # the person, as the throttles count them


def claim_socket(*, tenant: TenantContext, connection_id: str) -> None:
    """Hold one of the person's ``SALESTALK_WS_MAX_SOCKETS_PER_PERSON`` socket slots for ``connection_id``,
    or raise ``TooManySockets``. A slot is taken by a put conditional on it being free or expired, so racing
    connects never pass the limit, and a socket whose close was never heard frees its slot when it expires."""
    limit = settings.SALESTALK_WS_MAX_SOCKETS_PER_PERSON
    Slot = bind(SocketSlotItem, tenant=tenant)
    pk, now = _slots_pk(tenant), int(time.time())
    held = {item.sk for item in Slot.query(pk, consistent_read=True) if item.expires_at > now}
    for number in range(limit):
        if socket_slot_sk(number) in held:
            continue
        slot = Slot(pk, socket_slot_sk(number), connection_id=connection_id, expires_at=now + CONNECTION_TTL_SECONDS)
        try:
            slot.save(condition=Slot.pk.does_not_exist() | (Slot.expires_at <= now))
        except PutError as exc:
            if exc.cause_response_code != "ConditionalCheckFailedException":
                raise
            continue  # another connect took it first
        return
    raise TooManySockets(f"A person may have at most {limit} sockets open at once; close one to open another.")


def release_socket(*, tenant: TenantContext, connection_id: str) -> None:
    """Free the slot ``connection_id`` holds, if it still holds one (an expired slot may have a new holder)."""
    Slot = bind(SocketSlotItem, tenant=tenant)
    holding = Slot.connection_id == connection_id
    for slot in Slot.query(_slots_pk(tenant), consistent_read=True, filter_condition=holding):
        try:
            slot.delete(condition=holding)
        except DeleteError as exc:
            if exc.cause_response_code != "ConditionalCheckFailedException":
                raise


def viewers(*, tenant: TenantContext, conversation_id: str) -> list[ConnectionItem]:
    """Every stored connection of the conversation, within its tenant."""
    Item = bind(ConnectionItem, tenant=tenant)
    return list(Item.query(connection_pk(conversation_id), consistent_read=True))


def post(*, endpoint: str, connection_id: str, data: dict[str, Any]) -> bool:
    """Send one frame; False when the connection is gone."""
    try:
        management_client(endpoint).post_to_connection(ConnectionId=connection_id, Data=json.dumps(data).encode())
    except ClientError as exc:
        if exc.response["Error"]["Code"] == "GoneException":
            return False
        raise
    return True


def close(*, endpoint: str, connection_id: str) -> None:
    try:
        management_client(endpoint).delete_connection(ConnectionId=connection_id)
    except ClientError as exc:
        if exc.response["Error"]["Code"] != "GoneException":
            raise


def count_frame(connection: Connection) -> bool:
    """Count one received frame; False when the connection already sent its frames for this second.

    Lambdas share no memory, so the count lives on the connection's item: one conditional update adds
    to this second's count, another starts a new second; neither succeeding means over the limit.
    """
    Item = bind(ConnectionItem, tenant=connection.tenant)
    item = Item(connection_pk(connection.conversation_id), connection.connection_id)
    second = int(time.time())
    limit = settings.SALESTALK_WS_MAX_FRAMES_PER_SECOND
    attempts = (
        ([Item.frame_count.add(1)], (Item.frame_second == second) & (Item.frame_count < limit)),
        ([Item.frame_second.set(second), Item.frame_count.set(1)], Item.pk.exists() & (Item.frame_second != second)),
    )
    for actions, condition in attempts:
        try:
            item.update(actions=actions, condition=condition)
        except UpdateError as exc:
            if exc.cause_response_code != "ConditionalCheckFailedException":
                raise
            continue
        return True
    return False
