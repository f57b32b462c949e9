"""Conversations and messages in the tenant's table.

- conversation: pk ``CONVS``, sk ``CONV#{id}`` — one partition lists them newest first (ids sort by time);
  it also holds the message counter and the last answered understanding (the follow-up context).
- message: pk ``CONV#{id}``, sk ``MSG#{seq:010d}`` — the seq comes from a conditional counter, and the
  put is conditional on the key being new, so concurrent writers neither lose nor reorder messages.
- WebSocket ticket: pk ``WSTICKET#{sha256 of the secret}``, sk ``WSTICKET`` — single use (consumed by a
  conditional delete), expiring through the table's TTL attribute ``expiresAt`` and checked on use.
"""
from __future__ import annotations

from pynamodb.attributes import JSONAttribute, MapAttribute, NumberAttribute, UnicodeAttribute

from tenants.storage import TenantItem

CONVERSATIONS_PK = "CONVS"


def conversation_sk(conversation_id: str) -> str:
    return f"CONV#{conversation_id}"


def messages_pk(conversation_id: str) -> str:
    return f"CONV#{conversation_id}"


def message_sk(seq: int) -> str:
    return f"MSG#{seq:010d}"


def ticket_pk(secret_hash: str) -> str:
    return f"WSTICKET#{secret_hash}"


TICKET_SK = "WSTICKET"


class ConversationItem(TenantItem):
    id = UnicodeAttribute()
    title = UnicodeAttribute()
    createdAt = UnicodeAttribute()
    updatedAt = UnicodeAttribute()
    createdBy = UnicodeAttribute(null=True)
    messageCount = NumberAttribute(default=0)
    lastUnderstanding = JSONAttribute(null=True)


class MessageItem(TenantItem):
    id = UnicodeAttribute()
    conversationId = UnicodeAttribute()
    seq = NumberAttribute()
    timestamp = UnicodeAttribute()
    sender = UnicodeAttribute()  # user | assistant
    text = UnicodeAttribute()
    context = JSONAttribute(null=True)  # the answer object, on assistant messages
    metadata = MapAttribute(default=dict)  # session id, tags, author


class WsTicketItem(TenantItem):
    conversationId = UnicodeAttribute()
    userId = UnicodeAttribute(null=True)
    email = UnicodeAttribute(null=True)
    expiresAt = NumberAttribute()  # epoch seconds; the tenant table's TTL attribute
