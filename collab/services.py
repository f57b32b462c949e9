"""Writes of pinned insights, share links and comments."""
from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime

from pynamodb.exceptions import PutError, UpdateError

from chat.errors import MessageNotFound
from chat.selectors import get_message
from collab.errors import InsightNotFound, InvalidComment, InvalidShare, NotAnAnswer, NotCommentAuthor
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
from collab.selectors import get_comment, get_insight, token_hash
from core.ids import new_id
from tenants.context import TenantContext
from tenants.storage import bind, ensure_table

MAX_TITLE_CHARS = 120
MAX_COMMENT_CHARS = 2000
DEFAULT_SHARE_DAYS = 30
MAX_SHARE_DAYS = 365
SHARES_TTL_ATTRIBUTE = "expiresAt"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _title_from(question: str) -> str:
    title = " ".join(question.split()) or "Pinned answer"
    return title if len(title) <= MAX_TITLE_CHARS else title[: MAX_TITLE_CHARS - 1] + "…"


def pin_insight(
    *,
    tenant: TenantContext,
    conversation_id: str,
    message_id: str,
    created_by: str | None = None,
    title: str | None = None,
) -> InsightItem:
    """Snapshot one answer (an assistant message) as an insight the team can share and discuss."""
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
        conversationId=conversation_id,
        messageId=message.id,
        title=_title_from(title or question or answer.get("narrative") or ""),
        question=question,
        narrative=answer.get("narrative") or message.text,
        understanding=answer.get("understanding"),
        result=answer.get("result"),
        sentiment=answer.get("sentiment"),
        createdAt=_now(),
        createdBy=created_by,
    )
    item.save(condition=Insight.pk.does_not_exist())
    return item


def _delete_share_mapping(token: str | None) -> None:
    if token:
        shares()(token_hash(token)).delete()


def delete_insight(*, tenant: TenantContext, insight_id: str) -> None:
    """The insight, its link and its comments. The insight goes first, so its link stops resolving at once."""
    item = get_insight(tenant=tenant, insight_id=insight_id)
    item.delete()
    _delete_share_mapping(item.shareToken)
    Comment = bind(CommentItem, tenant=tenant)
    with Comment.batch_write() as batch:
        for comment in Comment.query(comments_pk(insight_id), attributes_to_get=["pk", "sk"], consistent_read=True):
            batch.delete(comment)


def ensure_shares_table() -> None:
    """Create ``{prefix}shares`` (local; in AWS, Terraform owns it). Idempotent, safe to race."""
    ensure_table(name=shares_table_name(), keys=["tokenHash"], ttl_attribute=SHARES_TTL_ATTRIBUTE)


def _save_share(share: ShareItem) -> None:
    """Where the table is missing (the first link ever made locally) create it, then write."""
    condition = ShareItem.tokenHash.does_not_exist()
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
    previous = item.shareToken
    token = secrets.token_urlsafe(32)
    expires_at = int(time.time()) + expires_in_days * 24 * 3600
    Shares = shares()
    share = Shares(
        token_hash(token), tenantId=tenant.tenant_id, insightId=insight_id, createdAt=_now(), expiresAt=expires_at
    )
    _save_share(share)
    Insight = type(item)
    try:
        item.update(
            actions=[Insight.shareToken.set(token), Insight.shareExpiresAt.set(expires_at)],
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
    token = item.shareToken
    Insight = type(item)
    item.update(actions=[Insight.shareToken.remove(), Insight.shareExpiresAt.remove()], condition=Insight.pk.exists())
    _delete_share_mapping(token)


def _display_name(*, email: str | None) -> str:
    # Shown on public links, so never the email itself.
    if email and "@" in email:
        return email.split("@", 1)[0]
    return "A colleague"


def add_comment(*, tenant: TenantContext, insight_id: str, text: str) -> CommentItem:
    get_insight(tenant=tenant, insight_id=insight_id)
    text = _clean_comment(text)
    Comment = bind(CommentItem, tenant=tenant)
    comment_id = new_id("cm")
    now = _now()
    item = Comment(
        comments_pk(insight_id),
        comment_sk(comment_id),
        id=comment_id,
        insightId=insight_id,
        authorId=_author_id(tenant),
        authorEmail=tenant.email,
        authorName=_display_name(email=tenant.email),
        text=text,
        createdAt=now,
        updatedAt=now,
    )
    item.save(condition=Comment.pk.does_not_exist())
    return item


def _author_id(tenant: TenantContext) -> str:
    return tenant.user_id or tenant.email or "unknown"


def _clean_comment(text: str) -> str:
    text = (text or "").strip()
    if not 1 <= len(text) <= MAX_COMMENT_CHARS:
        raise InvalidComment(f"A comment has 1 to {MAX_COMMENT_CHARS} characters.")
    return text


def _own_comment(*, tenant: TenantContext, insight_id: str, comment_id: str) -> CommentItem:
    item = get_comment(tenant=tenant, insight_id=insight_id, comment_id=comment_id)
    if item.authorId != _author_id(tenant):
        raise NotCommentAuthor("Only its author can change or delete a comment.")
    return item


def edit_comment(*, tenant: TenantContext, insight_id: str, comment_id: str, text: str) -> CommentItem:
    item = _own_comment(tenant=tenant, insight_id=insight_id, comment_id=comment_id)
    Comment = type(item)
    item.update(
        actions=[Comment.text.set(_clean_comment(text)), Comment.updatedAt.set(_now())],
        condition=Comment.pk.exists() & (Comment.authorId == item.authorId),
    )
    return item


def delete_comment(*, tenant: TenantContext, insight_id: str, comment_id: str) -> None:
    item = _own_comment(tenant=tenant, insight_id=insight_id, comment_id=comment_id)
    item.delete()

