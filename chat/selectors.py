"""Reads of conversations and messages, scoped to one tenant."""
from __future__ import annotations

from typing import Any

from chat.errors import ConversationNotFound, MessageNotFound
from chat.models import (
    CONVERSATIONS_PK,
    ConversationItem,
    MessageItem,
    conversation_sk,
    message_sk,
    messages_pk,
)
from core.ids import is_id
from core.pagination import InvalidCursor, page_size, split_page
from core.text import displayable
from insights.understanding.types import Understanding
from tenants.context import TenantContext
from tenants.storage import bind


def conversation_json(item: ConversationItem) -> dict[str, Any]:
    # displayable: an item stored before text was validated still renders (and so can be deleted).
    return displayable(
        {
            "id": item.id,
            "title": item.title,
            "created_at": item.created_at,
            "updated_at": item.updated_at,
            "created_by": item.created_by,
            "message_count": int(item.message_count or 0),
        }
    )


def message_json(item: MessageItem) -> dict[str, Any]:
    return displayable(
        {
            "id": item.id,
            "conversation": item.conversation_id,
            "seq": int(item.seq),
            "timestamp": item.timestamp,
            "sender": item.sender,
            "text": item.text,
            "context": item.context,
            "metadata": item.metadata.as_dict() if item.metadata else {},
        }
    )


def get_conversation(*, tenant: TenantContext, conversation_id: str) -> ConversationItem:
    # A malformed id cannot exist: answer 404 without a read.
    if not is_id(conversation_id, prefix="c"):
        raise ConversationNotFound(f"No conversation {conversation_id!r}.")
    Conversation = bind(ConversationItem, tenant=tenant)
    try:
        return Conversation.get(CONVERSATIONS_PK, conversation_sk(conversation_id), consistent_read=True)
    except Conversation.DoesNotExist as exc:
        raise ConversationNotFound(f"No conversation {conversation_id!r}.") from exc


def list_conversations(
    *, tenant: TenantContext, limit: int = 20, before: str | None = None
) -> tuple[list[ConversationItem], str | None]:
    """Newest first; ``before`` is the id of the last conversation of the previous page."""
    if before is not None and not is_id(before, prefix="c"):
        raise InvalidCursor("'before' must be a conversation id from a previous page's 'next'.")
    limit = page_size(limit)
    Conversation = bind(ConversationItem, tenant=tenant)
    # Every item of the CONVS partition is a conversation, so "before" is a plain key comparison.
    condition = Conversation.sk < conversation_sk(before) if before else Conversation.sk.startswith("CONV#")
    items = list(Conversation.query(CONVERSATIONS_PK, condition, scan_index_forward=False, limit=limit + 1))
    page, more = split_page(items, limit=limit)
    return page, (page[-1].id if more else None)


def list_messages(
    *, tenant: TenantContext, conversation_id: str, limit: int = 50, before_seq: int | None = None
) -> tuple[list[MessageItem], int | None]:
    """Newest first; ``before_seq`` continues from the previous page's ``next``."""
    get_conversation(tenant=tenant, conversation_id=conversation_id)
    if before_seq is not None and before_seq < 1:
        raise InvalidCursor("'before' must be a message seq from a previous page's 'next'.")
    limit = page_size(limit)
    Message = bind(MessageItem, tenant=tenant)
    if before_seq is not None:
        condition = Message.sk.between(message_sk(0), message_sk(before_seq - 1))
    else:
        condition = Message.sk.startswith("MSG#")
    items = list(
        Message.query(
            messages_pk(conversation_id), condition, scan_index_forward=False, limit=limit + 1, consistent_read=True
        )
    )
    page, more = split_page(items, limit=limit)
    return page, (int(page[-1].seq) if more else None)


def get_message(*, tenant: TenantContext, conversation_id: str, message_id: str) -> MessageItem:
    """A message by id; recent messages are found first, as those are the ones people act on."""
    get_conversation(tenant=tenant, conversation_id=conversation_id)
    if not is_id(message_id, prefix="m"):
        raise MessageNotFound(f"No message {message_id!r} in this conversation.")
    Message = bind(MessageItem, tenant=tenant)
    found = Message.query(
        messages_pk(conversation_id),
        Message.sk.startswith("MSG#"),
        filter_condition=Message.id == message_id,
        scan_index_forward=False,
        consistent_read=True,
    )
    for item in found:
        return item
    raise MessageNotFound(f"No message {message_id!r} in this conversation.")


def follow_up_context(*, conversation: ConversationItem) -> Understanding | None:
    """The last answered question of the conversation, which a follow-up leans on."""
    if not conversation.last_understanding:
        return None
    return Understanding.from_json(conversation.last_understanding)
