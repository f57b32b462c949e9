"""Writes of pinned insights, share links and comments."""
from __future__ import annotations

import random
import secrets
import time
from collections.abc import Callable

from pynamodb.exceptions import PutError, TransactWriteError, UpdateError
from pynamodb.transactions import TransactWrite

from chat import events
from chat.errors import MessageNotFound
from chat.selectors import get_message
from collab.errors import (
    CommentNotFound,
    InsightNotFound,
    InvalidShare,
    NotAnAnswer,
    NotCommentAuthor,
    TooManyComments,
)
from collab.models import (
    INSIGHTS_PK,
    CommentItem,
    InsightItem,
    ShareItem,
    comment_sk,
    comments_pk,
    insight_sk,
    shares,
    shares_table_name,
)
from collab.selectors import (
    MAX_COMMENTS_PER_INSIGHT,
    comment_count,
    comment_json,
    get_comment,
    get_insight,
    insight_json,
    token_hash,
)
from core.clock import now_iso
from core.errors import StorageUnavailable
from core.ids import new_id
from core.text import clean_text
from tenants.context import TenantContext
from tenants.storage import bind, bound_connection, ensure_table

MAX_TITLE_CHARS = 120
MAX_COMMENT_CHARS = 2000
DEFAULT_SHARE_DAYS = 30
MAX_SHARE_DAYS = 365
SHARES_TTL_ATTRIBUTE = "expiresAt"
# Comment writes on one insight that meet in DynamoDB cancel each other (TransactionConflict); each is tried
# again after a jittered wait, then reported as storage unavailable (503, retry) rather than lost silently.
COMMENT_WRITE_ATTEMPTS = 8
COMMENT_WRITE_BACKOFF_SECONDS = 0.02


def _title_from(question: str) -> str:
    title = " ".join(question.split()) or "Pinned answer"
    return title if len(title) <= MAX_TITLE_CHARS else title[: MAX_TITLE_CHARS - 1] + "…"


def _announce_comment(*, tenant: TenantContext, comment: CommentItem) -> None:
    insight = get_insight(tenant=tenant, insight_id=comment.insight_id)
    events.publish(
        tenant=tenant,
        conversation_id=insight.conversation_id,
        event={"type": "comment", "comment": comment_json(comment)},
    )


def pin_insight(
    *,
    tenant: TenantContext,
    conversation_id: str,
    message_id: str,
    created_by: str | None = None,
    title: str | None = None,
) -> InsightItem:
    """Snapshot one answer (an assistant message) as an insight the team can share and discuss; the
    conversation's viewers hear of it."""
    if title is not None:
        title = " ".join(clean_text(title, field="title", max_chars=MAX_TITLE_CHARS).split())
    message = get_message(tenant=tenant, conversation_id=conversation_id, message_id=message_id)
    answer = message.context
    if message.sender != "assistant" or not isinstance(answer, dict):
        raise NotAnAnswer("Only an answer (an assistant message) can be pinned.")
    reply_to = (message.metadata.as_dict() if message.metadata else {}).get("reply_to")
    question = ""
    if reply_to:
        try:
            question = get_message(tenant=tenant, conversation_id=conversation_id, message_id=reply_to).text
        except MessageNotFound:
            question = ""
    Insight = bind(InsightItem, tenant=tenant)
    insight_id = new_id("i")
    item = Insight(
        INSIGHTS_PK,
        insight_sk(insight_id),
        id=insight_id,
        conversation_id=conversation_id,
        message_id=message.id,
        title=title or _title_from(question or answer.get("narrative") or ""),
        question=question,
        narrative=answer.get("narrative") or message.text,
        understanding=answer.get("understanding"),
        result=answer.get("result"),
        display=answer.get("display"),
        sentiment=answer.get("sentiment"),
        created_at=now_iso(),
        created_by=created_by,
        comment_count=0,
    )
    item.save(condition=Insight.pk.does_not_exist())
    # A new insight has no share link yet.
    event = {"type": "insight", "insight": {**insight_json(item), "share": None}}
    events.publish(tenant=tenant, conversation_id=conversation_id, event=event)
    return item


def _delete_share_mapping(token: str | None) -> None:
    if token:
        shares()(token_hash(token)).delete()


def delete_insight(*, tenant: TenantContext, insight_id: str) -> None:
    """The insight, its link and its comments. The insight goes first, so its link stops resolving at once."""
    item = get_insight(tenant=tenant, insight_id=insight_id)
    item.delete()
    _delete_share_mapping(item.share_token)
    Comment = bind(CommentItem, tenant=tenant)
    with Comment.batch_write() as batch:
        for comment in Comment.query(comments_pk(insight_id), attributes_to_get=["pk", "sk"], consistent_read=True):
            batch.delete(comment)


def ensure_shares_table() -> None:
    """Create ``{prefix}shares`` (local; in AWS, Terraform owns it). Idempotent, safe to race."""
    ensure_table(name=shares_table_name(), keys=["tokenHash"], ttl_attribute=SHARES_TTL_ATTRIBUTE)


def _save_share(share: ShareItem) -> None:
    """Where the table is missing (the first link ever made locally) create it, then write."""
    condition = ShareItem.token_hash.does_not_exist()
    try:
        share.save(condition=condition)
    except PutError as exc:
        if exc.cause_response_code != "ResourceNotFoundException":
            raise
        ensure_shares_table()
        share.save(condition=condition)


def share_insight(
    *, tenant: TenantContext, insight_id: str, expires_in_days: int = DEFAULT_SHARE_DAYS
) -> tuple[str, int]:
    """A new public link (token, expiry in epoch seconds); it replaces the insight's previous link."""
    if not 1 <= expires_in_days <= MAX_SHARE_DAYS:
        raise InvalidShare(f"A link lasts 1 to {MAX_SHARE_DAYS} days.")
    item = get_insight(tenant=tenant, insight_id=insight_id)
    previous = item.share_token
    token = secrets.token_urlsafe(32)
    expires_at = int(time.time()) + expires_in_days * 24 * 3600
    Shares = shares()
    share = Shares(
        token_hash(token),
        tenant_id=tenant.tenant_id,
        insight_id=insight_id,
        created_at=now_iso(),
        expires_at=expires_at,
    )
    _save_share(share)
    Insight = type(item)
    try:
        item.update(
            actions=[Insight.share_token.set(token), Insight.share_expires_at.set(expires_at)],
            condition=Insight.pk.exists(),
        )
    except UpdateError as exc:
        share.delete()
        if exc.cause_response_code == "ConditionalCheckFailedException":
            raise InsightNotFound(f"No insight {insight_id!r}.") from exc
        raise
    _delete_share_mapping(previous)
    return token, expires_at


def revoke_share(*, tenant: TenantContext, insight_id: str) -> None:
    item = get_insight(tenant=tenant, insight_id=insight_id)
    token = item.share_token
    Insight = type(item)
    item.update(
        actions=[Insight.share_token.remove(), Insight.share_expires_at.remove()], condition=Insight.pk.exists()
    )
    _delete_share_mapping(token)


def _display_name(*, email: str | None) -> str:
    # Shown on public links, so never the email itself.
    if email and "@" in email:
        return email.split("@", 1)[0]
    return "A colleague"


class _Contended(Exception):
    """This attempt met another write to the same insight; the next attempt reads afresh."""


def _retried(attempt: Callable[[], None]) -> None:
    for n in range(COMMENT_WRITE_ATTEMPTS):
        try:
            return attempt()
        except _Contended:
            time.sleep(random.uniform(0, COMMENT_WRITE_BACKOFF_SECONDS * 2**n))
    raise StorageUnavailable("Comment writes on one insight kept conflicting.")


def _counted(*, tenant: TenantContext, insight: InsightItem) -> None:
    """Give an insight pinned before the counter existed its real number of comments. Safe to race: while an
    insight has no counter no comment can be added or deleted (both transactions require it), so the count
    stands until the first writer sets it, and a later writer's condition fails and leaves it be."""
    if insight.comment_count is not None:
        return
    Insight = type(insight)
    counted = comment_count(tenant=tenant, insight_id=insight.id)
    try:
        insight.update(
            actions=[Insight.comment_count.set(counted)],
            condition=Insight.pk.exists() & Insight.comment_count.does_not_exist(),
        )
    except UpdateError as exc:
        # Counted by another writer, or the insight is gone: the transaction that follows tells which.
        if exc.cause_response_code == "TransactionConflictException":
            raise _Contended from exc
        if exc.cause_response_code != "ConditionalCheckFailedException":
            raise


def _failed(exc: TransactWriteError) -> list[str | None]:
    """The cancellation code of each item in the transaction's order (condition checks, deletes, puts,
    updates); a contended transaction is tried again."""
    codes = [reason.code if reason is not None else None for reason in exc.cancellation_reasons]
    if not codes:
        raise exc
    if "TransactionConflict" in codes:
        raise _Contended from exc
    return codes


def _counter_refused(*, exc: TransactWriteError, position: int, insight_id: str) -> Exception:
    """Why the insight's counter update (item ``position``) failed its condition, read from the insight as it
    was then (ALL_OLD): gone, not yet counted (the next attempt counts it), or at the cap."""
    old = exc.cancellation_reasons[position].raw_item
    if not old:
        return InsightNotFound(f"No insight {insight_id!r}.")
    if "commentCount" not in old:
        return _Contended()
    return TooManyComments(
        f"An insight holds at most {MAX_COMMENTS_PER_INSIGHT} comments; delete one to add another."
    )


def add_comment(*, tenant: TenantContext, insight_id: str, text: str) -> CommentItem:
    """The comment's put and the insight's counter move together, on condition the counter is below the cap:
    racing adds cannot pass a check together and both write."""
    text = _clean_comment(text)
    Comment = bind(CommentItem, tenant=tenant)
    comment_id = new_id("cm")
    now = now_iso()
    item = Comment(
        comments_pk(insight_id),
        comment_sk(comment_id),
        id=comment_id,
        insight_id=insight_id,
        author_id=_author_id(tenant),
        author_email=tenant.email,
        author_name=_display_name(email=tenant.email),
        text=text,
        created_at=now,
        updated_at=now,
    )

    def attempt() -> None:
        insight = get_insight(tenant=tenant, insight_id=insight_id)
        _counted(tenant=tenant, insight=insight)
        Insight = type(insight)
        try:
            with TransactWrite(connection=bound_connection(model=Comment).connection) as transaction:
                transaction.save(item, condition=Comment.pk.does_not_exist())
                transaction.update(
                    Insight(INSIGHTS_PK, insight_sk(insight_id)),
                    actions=[Insight.comment_count.add(1)],
                    condition=Insight.pk.exists() & (Insight.comment_count < MAX_COMMENTS_PER_INSIGHT),
                    return_values="ALL_OLD",
                )
        except TransactWriteError as exc:
            if _failed(exc)[1] == "ConditionalCheckFailed":
                raise _counter_refused(exc=exc, position=1, insight_id=insight_id) from exc
            raise

    _retried(attempt)
    _announce_comment(tenant=tenant, comment=item)
    return item


def _author_id(tenant: TenantContext) -> str:
    return tenant.user_id or tenant.email or "unknown"


def _clean_comment(text: str) -> str:
    return clean_text(text, field="comment", max_chars=MAX_COMMENT_CHARS)


def _own_comment(*, tenant: TenantContext, insight_id: str, comment_id: str) -> CommentItem:
    item = get_comment(tenant=tenant, insight_id=insight_id, comment_id=comment_id)
    if item.author_id != _author_id(tenant):
        raise NotCommentAuthor("Only its author can change or delete a comment.")
    return item


def edit_comment(*, tenant: TenantContext, insight_id: str, comment_id: str, text: str) -> CommentItem:
    text = _clean_comment(text)
    item = _own_comment(tenant=tenant, insight_id=insight_id, comment_id=comment_id)
    Comment = type(item)
    item.update(
        actions=[Comment.text.set(text), Comment.updated_at.set(now_iso())],
        condition=Comment.pk.exists() & (Comment.author_id == item.author_id),
    )
    _announce_comment(tenant=tenant, comment=item)
    return item


def delete_comment(*, tenant: TenantContext, insight_id: str, comment_id: str) -> None:
    """The comment's delete and the insight's counter move together: the place it held is free at once, and
    two racing deletes of one comment free it once."""

    def attempt() -> None:
        item = _own_comment(tenant=tenant, insight_id=insight_id, comment_id=comment_id)
        insight = get_insight(tenant=tenant, insight_id=insight_id)
        _counted(tenant=tenant, insight=insight)
        Comment, Insight = type(item), type(insight)
        try:
            with TransactWrite(connection=bound_connection(model=Comment).connection) as transaction:
                transaction.delete(item, condition=Comment.pk.exists() & (Comment.author_id == item.author_id))
                transaction.update(
                    Insight(INSIGHTS_PK, insight_sk(insight_id)),
                    actions=[Insight.comment_count.add(-1)],
                    condition=Insight.pk.exists() & Insight.comment_count.exists(),
                    return_values="ALL_OLD",
                )
        except TransactWriteError as exc:
            failed = _failed(exc)
            if failed[0] == "ConditionalCheckFailed":
                raise CommentNotFound(f"No comment {comment_id!r} on this insight.") from exc
            if failed[1] == "ConditionalCheckFailed":
                # Its condition holds for any counted insight, so the cap never applies here.
                raise _counter_refused(exc=exc, position=1, insight_id=insight_id) from exc
            raise

    _retried(attempt)
