"""Conversations, messages and the one ``ask`` service every surface (API, WebSocket, Lambda, CLI) calls."""
from __future__ import annotations

import logging
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

from chat import events
from chat.answer_metrics import record_answer
from chat.dates import as_of_from
from chat.errors import ConversationBusy, ConversationFull
from chat.models import (
    CONVERSATIONS_PK,
    ConversationItem,
    MessageItem,
    conversation_sk,
    message_sk,
    messages_pk,
)
from chat.selectors import follow_up_context, get_conversation, message_json
from core.clock import now_iso
from core.ids import new_id
from core.text import clean_text
from tenants.context import TenantContext
from tenants.storage import bind, bound_connection

logger = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000
MAX_TITLE_CHARS = 120
# Optimistic appends retry when another writer moved the counter first; this many tries is plenty for a chat.
APPEND_ATTEMPTS = 25


@dataclass(frozen=True)
class AskOutcome:
    conversation_id: str
    user_message: dict[str, Any]
    assistant_message: dict[str, Any]
    answer: dict[str, Any]



def tenant_today(*, tenant: TenantContext) -> date:
    try:
        zone = ZoneInfo(tenant.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return datetime.now(zone).date()


def _clean_title(title: str) -> str:
    return " ".join(clean_text(title, field="title", max_chars=MAX_TITLE_CHARS).split())


def create_conversation(
    *, tenant: TenantContext, title: str | None = None, created_by: str | None = None
) -> ConversationItem:
    title = "New conversation" if title is None else _clean_title(title)
    Conversation = bind(ConversationItem, tenant=tenant)
    conversation_id = new_id("c")
    now = now_iso()
    item = Conversation(
        CONVERSATIONS_PK,
        conversation_sk(conversation_id),
        id=conversation_id,
        title=title,
        created_at=now,
        updated_at=now,
        created_by=created_by,
        message_count=0,
    )
    item.save(condition=Conversation.pk.does_not_exist())
    return item


def rename_conversation(*, tenant: TenantContext, conversation_id: str, title: str) -> ConversationItem:
    item = get_conversation(tenant=tenant, conversation_id=conversation_id)
    Conversation = type(item)
    item.update(
        actions=[Conversation.title.set(_clean_title(title)), Conversation.updated_at.set(now_iso())],
        condition=Conversation.pk.exists(),
    )
    return item


def delete_conversation(*, tenant: TenantContext, conversation_id: str) -> None:
    """The conversation and its messages, at most twice ``SALESTALK_MAX_TURNS_PER_CONVERSATION`` of them."""
    item = get_conversation(tenant=tenant, conversation_id=conversation_id)
    # The conversation goes first: appends are conditional on it, so no new message lands after the sweep.
    item.delete()
    Message = bind(MessageItem, tenant=tenant)
    with Message.batch_write() as batch:
        for message in Message.query(
            messages_pk(conversation_id), attributes_to_get=["pk", "sk"], consistent_read=True
        ):
            batch.delete(message)


@dataclass(frozen=True)
class NewMessage:
    sender: str  # user | assistant
    text: str
    context: dict[str, Any] | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


def check_room(*, count: int, adding: int) -> None:
    """``ConversationFull`` unless ``adding`` messages fit after ``count``: a turn is a question and its answer."""
    turns = settings.SALESTALK_MAX_TURNS_PER_CONVERSATION
    if count + adding > 2 * turns:
        raise ConversationFull(f"A conversation holds at most {turns} questions; start a new conversation to ask more.")


def _is_conflict(exc: TransactWriteError) -> bool:
    reasons = getattr(exc.cause, "cancellation_reasons", None) or []
    return any(reason is not None and reason.code == "ConditionalCheckFailed" for reason in reasons)


def append_messages(
    *,
    tenant: TenantContext,
    conversation_id: str,
    messages: Sequence[NewMessage],
    follow_up: dict[str, Any] | None = None,
    known_count: int | None = None,
) -> list[MessageItem]:
    """Store ``messages`` at the end of the conversation in one transaction, or nothing at all.

    The conversation's counter moves from the count it had to that count plus the
    messages, on condition that no other writer moved it meanwhile (then this
    re-reads and retries), so concurrent writers neither lose nor reorder messages,
    and a question is never stored without its answer. ``follow_up`` becomes the
    next question's context; ``known_count`` saves a read when the caller has it.
    Past ``SALESTALK_MAX_TURNS_PER_CONVERSATION`` it raises ``ConversationFull`` (the counter's condition
    makes the check exact under concurrent writers too).
    """
    Conversation = bind(ConversationItem, tenant=tenant)
    Message = bind(MessageItem, tenant=tenant)
    count = known_count
    for attempt in range(APPEND_ATTEMPTS):
        if count is None:
            count = int(get_conversation(tenant=tenant, conversation_id=conversation_id).message_count or 0)
        check_room(count=count, adding=len(messages))
        now = now_iso()
        ids = [new_id("m") for _ in messages]
        items = []
        for offset, message in enumerate(messages):
            metadata = {k: v for k, v in message.metadata.items() if v is not None}
            if message.sender == "assistant" and offset and messages[offset - 1].sender == "user":
                metadata["reply_to"] = ids[offset - 1]
            items.append(
                Message(
                    messages_pk(conversation_id),
                    message_sk(count + offset + 1),
                    id=ids[offset],
                    conversation_id=conversation_id,
                    seq=count + offset + 1,
                    timestamp=now,
                    sender=message.sender,
                    text=message.text,
                    context=message.context,
                    metadata=metadata,
                )
            )
        actions = [Conversation.message_count.set(count + len(items)), Conversation.updated_at.set(now)]
        if follow_up is not None:
            actions.append(Conversation.last_understanding.set(follow_up))
        try:
            with TransactWrite(connection=bound_connection(model=Message).connection) as transaction:
                transaction.update(
                    Conversation(CONVERSATIONS_PK, conversation_sk(conversation_id)),
                    actions=actions,
                    condition=Conversation.message_count == count,
                )
                for item in items:
                    transaction.save(item, condition=Message.pk.does_not_exist())
        except TransactWriteError as exc:
            if not _is_conflict(exc):
                raise
            count = None  # another writer got there first (or the conversation is gone): read again
            time.sleep(random.uniform(0, 0.005 * (attempt + 1)))
            continue
        return items
    raise ConversationBusy("The conversation is too busy right now; please retry.")


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
    """Store one message at the end of the conversation."""
    message = NewMessage(sender=sender, text=text, context=context, metadata=dict(metadata or {}))
    return append_messages(tenant=tenant, conversation_id=conversation_id, messages=[message], follow_up=follow_up)[0]


def ask(
    *,
    tenant: TenantContext,
    conversation_id: str | None,
    text: str,
    as_of: date | None = None,
    author: str | None = None,
    session_id: str | None = None,
) -> AskOutcome:
    """Store the question, answer it from the tenant's data, store the answer, return all three; the
    conversation's viewers hear ``thinking`` once the question is accepted and ``answer`` once stored."""
    started = time.perf_counter()
    question = " ".join(clean_text(text, field="question", max_chars=MAX_QUESTION_CHARS).split())
    as_of = as_of_from(as_of)
    conversation = None if conversation_id is None else get_conversation(tenant=tenant, conversation_id=conversation_id)
    if conversation is not None:
        # Refused before any work: a full conversation is neither told "thinking" nor answered.
        check_room(count=int(conversation.message_count or 0), adding=2)
        events.publish(
            tenant=tenant, conversation_id=conversation.id, event=events.thinking_event(conversation_id=conversation.id)
        )
    # The engine (parser tables, narrative, LLM clients) loads at the first question, not at a cold start.
    from insights.engine import answer_question

    # Answered before anything is stored: a question that cannot be answered at all (no dataset) leaves no trace.
    answer = answer_question(
        tenant=tenant,
        text=question,
        as_of=as_of or tenant_today(tenant=tenant),
        context=follow_up_context(conversation=conversation) if conversation is not None else None,
    )
    if conversation is None:
        conversation = create_conversation(tenant=tenant, title=question[:MAX_TITLE_CHARS], created_by=author)
    answer_json = answer.as_json(conversation=conversation.id)
    user_message, assistant_message = append_messages(
        tenant=tenant,
        conversation_id=conversation.id,
        messages=[
            NewMessage(sender="user", text=question, metadata={"author": author, "session": session_id}),
            NewMessage(
                sender="assistant", text=answer.narrative, context=answer_json, metadata={"session": session_id}
            ),
        ],
        follow_up=answer_json["understanding"] if answer.understanding.can_be_followed else None,
        known_count=int(conversation.message_count or 0),
    )
    record_answer(tenant_id=tenant.tenant_id, answer=answer_json, seconds=time.perf_counter() - started)
    outcome = AskOutcome(
        conversation_id=conversation.id,
        user_message=message_json(user_message),
        assistant_message=message_json(assistant_message),
        answer=answer_json,
    )
    events.publish(
        tenant=tenant,
        conversation_id=conversation.id,
        event=events.answer_event(
            user_message=outcome.user_message, assistant_message=outcome.assistant_message, answer=outcome.answer
        ),
    )
    return outcome
