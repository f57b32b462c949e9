"""Conversations, messages and the one ``ask`` service every surface (API, WebSocket, Lambda, CLI) calls."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pynamodb.exceptions import UpdateError

from chat.errors import ConversationNotFound, InvalidQuestion
from chat.models import (
    CONVERSATIONS_PK,
    ConversationItem,
    MessageItem,
    conversation_sk,
    message_sk,
    messages_pk,
)
from chat.selectors import follow_up_context, get_conversation, message_json
from insights.engine import answer_question
from salestalk.ids import new_id
from tenants.context import TenantContext
from tenants.storage import bind

logger = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000
MAX_TITLE_CHARS = 120
UNANSWERED_INTENTS = ("clarify", "out_of_scope")


@dataclass(frozen=True)
class AskOutcome:
    conversation_id: str
    user_message: dict[str, Any]
    assistant_message: dict[str, Any]
    answer: dict[str, Any]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def tenant_today(*, tenant: TenantContext) -> date:
    try:
        zone = ZoneInfo(tenant.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return datetime.now(zone).date()


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise InvalidQuestion("A conversation title cannot be empty.")
    return title[:MAX_TITLE_CHARS]


def create_conversation(
    *, tenant: TenantContext, title: str | None = None, created_by: str | None = None
) -> ConversationItem:
    Conversation = bind(ConversationItem, tenant=tenant)
    conversation_id = new_id("c")
    now = _now()
    item = Conversation(
        CONVERSATIONS_PK,
        conversation_sk(conversation_id),
        id=conversation_id,
        title=_clean_title(title) if title else "New conversation",
        createdAt=now,
        updatedAt=now,
        createdBy=created_by,
        messageCount=0,
    )
    item.save(condition=Conversation.pk.does_not_exist())
    return item


def rename_conversation(*, tenant: TenantContext, conversation_id: str, title: str) -> ConversationItem:
    item = get_conversation(tenant=tenant, conversation_id=conversation_id)
    Conversation = type(item)
    item.update(
        actions=[Conversation.title.set(_clean_title(title)), Conversation.updatedAt.set(_now())],
        condition=Conversation.pk.exists(),
    )
    return item


def delete_conversation(*, tenant: TenantContext, conversation_id: str) -> None:
    item = get_conversation(tenant=tenant, conversation_id=conversation_id)
    # The conversation goes first: appends are conditional on it, so no new message lands after the sweep.
    item.delete()
    Message = bind(MessageItem, tenant=tenant)
    with Message.batch_write() as batch:
        for message in Message.query(
            messages_pk(conversation_id), attributes_to_get=["pk", "sk"], consistent_read=True
        ):
            batch.delete(message)


def _next_seq(*, tenant: TenantContext, conversation_id: str, understanding: dict | None) -> int:
    """Allocate the next message number atomically; fails if the conversation was deleted meanwhile."""
    Conversation = bind(ConversationItem, tenant=tenant)
    actions = [Conversation.messageCount.add(1), Conversation.updatedAt.set(_now())]
    if understanding is not None:
        actions.append(Conversation.lastUnderstanding.set(understanding))
    counter = Conversation(CONVERSATIONS_PK, conversation_sk(conversation_id))
    try:
        # The update returns the new item (ALL_NEW), so the count read is the one this write produced.
        counter.update(actions=actions, condition=Conversation.pk.exists())
    except UpdateError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            raise ConversationNotFound(f"No conversation {conversation_id!r}.") from exc
        raise
    return int(counter.messageCount)


def append_message(
    *,
    tenant: TenantContext,
    conversation_id: str,
    sender: str,
    text: str,
    context: dict[str, Any] | None = None,
    metadata: dict[str, Any] | None = None,
    follow_up: dict[str, Any] | None = None,
) -> MessageItem:
    """Store one message at the end of the conversation; ``follow_up`` becomes the next question's context."""
    seq = _next_seq(tenant=tenant, conversation_id=conversation_id, understanding=follow_up)
    Message = bind(MessageItem, tenant=tenant)
    item = Message(
        messages_pk(conversation_id),
        message_sk(seq),
        id=new_id("m"),
        conversationId=conversation_id,
        seq=seq,
        timestamp=_now(),
        sender=sender,
        text=text,
        context=context,
        metadata={k: v for k, v in (metadata or {}).items() if v is not None},
    )
    item.save(condition=Message.pk.does_not_exist())
    return item


def ask(
    *,
    tenant: TenantContext,
    conversation_id: str | None,
    text: str,
    as_of: date | None = None,
    author: str | None = None,
    session_id: str | None = None,
) -> AskOutcome:
    """Store the question, answer it from the tenant's data, store the answer, return all three."""
    question = " ".join((text or "").split())
    if not question:
        raise InvalidQuestion("Ask a question, e.g. 'What was revenue last month?'.")
    if len(question) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(f"Questions are limited to {MAX_QUESTION_CHARS} characters.")
    conversation = None if conversation_id is None else get_conversation(tenant=tenant, conversation_id=conversation_id)
    # Answered before anything is stored: a question that cannot be answered at all (no dataset) leaves no trace.
    answer = answer_question(
        tenant=tenant,
        text=question,
        as_of=as_of or tenant_today(tenant=tenant),
        context=follow_up_context(conversation=conversation) if conversation is not None else None,
    )
    if conversation is None:
        conversation = create_conversation(tenant=tenant, title=question, created_by=author)
    metadata = {"author": author, "session": session_id}
    user_message = append_message(
        tenant=tenant, conversation_id=conversation.id, sender="user", text=question, metadata=metadata
    )
    answer_json = answer.as_json(conversation=conversation.id)
    answered = answer.understanding.intent not in UNANSWERED_INTENTS
    assistant_message = append_message(
        tenant=tenant,
        conversation_id=conversation.id,
        sender="assistant",
        text=answer.narrative,
        context=answer_json,
        metadata={"session": session_id, "reply_to": user_message.id},
        follow_up=answer_json["understanding"] if answered else None,
    )
    return AskOutcome(
        conversation_id=conversation.id,
        user_message=message_json(user_message),
        assistant_message=message_json(assistant_message),
        answer=answer_json,
    )
