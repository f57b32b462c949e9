"""Conversations, messages, WebSocket tickets and connections. Python names are snake_case; ``attr_name``
keeps the names stored in DynamoDB.

In the tenant's table:

- conversation: pk ``CONVS``, sk ``CONV#{id}`` — one partition lists them newest first (ids sort by time);
  it also holds the message counter and the last answered understanding (the follow-up context).
- message: pk ``CONV#{id}``, sk ``MSG#{seq:010d}`` — the seq comes from a conditional counter, and the
  put is conditional on the key being new, so concurrent writers neither lose nor reorder messages.
- WebSocket ticket: pk ``WSTICKET#{sha256 of the secret}``, sk ``WSTICKET`` — single use (consumed by a
  conditional delete), expiring through the table's TTL attribute ``expiresAt`` and checked on use.
- API Gateway WebSocket connection: pk ``WSCONN#{conversation}``, sk the connection id — one query finds
  everyone viewing a conversation.
- socket slot: pk ``WSPERSON#{person}``, sk ``SLOT#{n}`` — one per socket a person holds open (either
  kind), n below the limit; taken by a conditional put, so racing connects never pass the limit.

In the global ``{prefix}connections`` table: connection id → tenant, the only way in from a bare
connection id (API Gateway sends nothing else).
"""
from __future__ import annotations

from django.conf import settings
from pynamodb.attributes import JSONAttribute, MapAttribute, NumberAttribute, UnicodeAttribute

from tenants.storage import TenantItem, UnboundModel, bind_table

CONVERSATIONS_PK = "CONVS"
TICKET_SK = "WSTICKET"
# The TTL attribute of the tenant tables (set at onboarding) and of the global connections table.
TTL_ATTRIBUTE = "expiresAt"


def conversation_sk(conversation_id: str) -> str:
    return f"CONV#{conversation_id}"


def messages_pk(conversation_id: str) -> str:
    return f"CONV#{conversation_id}"


def message_sk(seq: int) -> str:
    return f"MSG#{seq:010d}"


def ticket_pk(secret_hash: str) -> str:
    return f"WSTICKET#{secret_hash}"


def connection_pk(conversation_id: str) -> str:
    return f"WSCONN#{conversation_id}"


class ConversationItem(TenantItem):
    id = UnicodeAttribute()
    title = UnicodeAttribute()
    created_at = UnicodeAttribute(attr_name="createdAt")
    updated_at = UnicodeAttribute(attr_name="updatedAt")
    created_by = UnicodeAttribute(attr_name="createdBy", null=True)
    message_count = NumberAttribute(attr_name="messageCount", default=0)
    last_understanding = JSONAttribute(attr_name="lastUnderstanding", null=True)


class MessageItem(TenantItem):
    id = UnicodeAttribute()
    conversation_id = UnicodeAttribute(attr_name="conversationId")
    seq = NumberAttribute()
    timestamp = UnicodeAttribute()
    sender = UnicodeAttribute()  # user | assistant
    text = UnicodeAttribute()
    context = JSONAttribute(null=True)  # the answer object, on assistant messages
    metadata = MapAttribute(default=dict)  # session id, tags, author


class TicketItem(TenantItem):
    conversation_id = UnicodeAttribute(attr_name="conversationId")
    user_id = UnicodeAttribute(attr_name="userId", null=True)
    email = UnicodeAttribute(null=True)
    # The token version of the token that bought the ticket: every ask over the socket re-checks it.
    token_version = NumberAttribute(attr_name="tokenVersion", null=True)
    expires_at = NumberAttribute(attr_name=TTL_ATTRIBUTE)  # epoch seconds


class ConnectionItem(TenantItem):
    connection_id = UnicodeAttribute(attr_name="connectionId")
    conversation_id = UnicodeAttribute(attr_name="conversationId")
    user_id = UnicodeAttribute(attr_name="userId", null=True)
    email = UnicodeAttribute(null=True)
    token_version = NumberAttribute(attr_name="tokenVersion", null=True)
    # The management API of the WebSocket API the connection came through (https://{domain}/{stage}),
    # so any function (the HTTP one too) can post to it without being told the WebSocket API's address.
    endpoint = UnicodeAttribute()
    connected_at = UnicodeAttribute(attr_name="connectedAt")
    expires_at = NumberAttribute(attr_name=TTL_ATTRIBUTE)  # epoch seconds
    # Frames received in the current second (chat.connections.count_frame bounds them).
    frame_second = NumberAttribute(attr_name="frameSecond", default=0)
    frame_count = NumberAttribute(attr_name="frameCount", default=0)


def socket_slots_pk(person: str) -> str:
    return f"WSPERSON#{person}"


def socket_slot_sk(number: int) -> str:
    return f"SLOT#{number:04d}"


class SocketSlotItem(TenantItem):
    connection_id = UnicodeAttribute(attr_name="connectionId")  # the socket holding the slot
    expires_at = NumberAttribute(attr_name=TTL_ATTRIBUTE)  # epoch seconds; past it the slot is free again


class ConnectionIndexItem(UnboundModel):
    connection_id = UnicodeAttribute(attr_name="connectionId", hash_key=True)
    tenant_id = UnicodeAttribute(attr_name="tenantId")
    conversation_id = UnicodeAttribute(attr_name="conversationId")
    expires_at = NumberAttribute(attr_name=TTL_ATTRIBUTE)


def connections_table_name() -> str:
    return f"{settings.SALESTALK_TABLE_PREFIX}connections"


def connection_index() -> type[ConnectionIndexItem]:
    return bind_table(ConnectionIndexItem, table_name=connections_table_name())
