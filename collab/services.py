"""Writes of pinned insights, share links and comments."""
from __future__ import annotations

import secrets
import time

from pynamodb.exceptions import PutError, UpdateError

from chat import events
from chat.errors import MessageNotFound
from chat.selectors import get_message
from collab.errors import InsightNotFound, InvalidShare, NotAnAnswer, NotCommentAuthor, TooManyComments
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
from core.ids import new_id
from core.text import clean_text
from tenants.context import TenantContext
from tenants.storage import bind, ensure_table

MAX_TITLE_CHARS = 120
MAX_COMMENT_CHARS = 2000
DEFAULT_SHARE_DAYS = 30
MAX_SHARE_DAYS = 365
SHARES_TTL_ATTRIBUTE = "expiresAt"


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


def add_comment(*, tenant: TenantContext, insight_id: str, text: str) -> CommentItem:
    text = _clean_comment(text)
    get_insight(tenant=tenant, insight_id=insight_id)
    if comment_count(tenant=tenant, insight_id=insight_id) >= MAX_COMMENTS_PER_INSIGHT:
        raise TooManyComments(
            f"An insight holds at most {MAX_COMMENTS_PER_INSIGHT} comments; delete one to add another."
        )
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
    item.save(condition=Comment.pk.does_not_exist())
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
    item = _own_comment(tenant=tenant, insight_id=insight_id, comment_id=comment_id)
    item.delete()

