"""Reads of pinned insights, comments and share links."""
from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pynamodb.exceptions import PynamoDBException

from collab.errors import CommentNotFound, InsightNotFound, ShareNotFound
from collab.models import (
    INSIGHTS_PK,
    CommentItem,
    InsightItem,
    comment_sk,
    comments_pk,
    insight_sk,
    shares,
)
from core.ids import is_id
from core.pagination import InvalidCursor, page_size, split_page
from core.text import displayable
from tenants.context import TenantContext
from tenants.errors import TenantError
from tenants.selectors import get_tenant_context
from tenants.storage import bind

SHARE_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)
# Comments are listed whole (no pages), to the team and on every view of a public link: bounded here.
MAX_COMMENTS_PER_INSIGHT = 200


@dataclass(frozen=True)
class SharedInsight:
    insight: InsightItem
    comments: list[CommentItem]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def iso_from_epoch(seconds: int) -> str:
    return datetime.fromtimestamp(int(seconds), UTC).isoformat(timespec="seconds")


def live_share(item: InsightItem) -> tuple[str, int] | None:
    """The insight's current link (token, expiry epoch seconds), or None if it has none or it expired."""
    if not item.share_token or not item.share_expires_at or int(item.share_expires_at) <= time.time():
        return None
    return item.share_token, int(item.share_expires_at)


def insight_json(item: InsightItem) -> dict[str, Any]:
    """The insight without its ``share`` (its url depends on the request; see ``collab.api``)."""
    # displayable: an item stored before text was validated still renders (and so can be deleted).
    return displayable(
        {
            "id": item.id,
            "conversation": item.conversation_id,
            "message": item.message_id,
            "title": item.title,
            "question": item.question,
            "narrative": item.narrative,
            "understanding": item.understanding,
            "result": item.result,
            "display": item.display,
            "sentiment": item.sentiment,
            "created_at": item.created_at,
            "created_by": item.created_by,
        }
    )


def comment_json(item: CommentItem) -> dict[str, Any]:
    return displayable(
        {
            "id": item.id,
            "insight": item.insight_id,
            "author": item.author_email or item.author_name,
            "text": item.text,
            "created_at": item.created_at,
            "updated_at": item.updated_at,
        }
    )


def shared_insight_json(shared: SharedInsight) -> dict[str, Any]:
    """What a public link shows: the snapshot and the discussion, no ids and no emails."""
    item = shared.insight
    return displayable(
        {
            "title": item.title,
            "question": item.question,
            "narrative": item.narrative,
            "understanding": item.understanding,
            "result": item.result,
            "display": item.display,
            "sentiment": item.sentiment,
            "created_at": item.created_at,
            "expires_at": iso_from_epoch(int(item.share_expires_at)),
            "comments": [
                {"author": comment.author_name, "text": comment.text, "created_at": comment.created_at}
                for comment in shared.comments
            ],
        }
    )


def get_insight(*, tenant: TenantContext, insight_id: str) -> InsightItem:
    if not is_id(insight_id, prefix="i"):
        raise InsightNotFound(f"No insight {insight_id!r}.")
    Insight = bind(InsightItem, tenant=tenant)
    try:
        return Insight.get(INSIGHTS_PK, insight_sk(insight_id), consistent_read=True)
    except Insight.DoesNotExist as exc:
        raise InsightNotFound(f"No insight {insight_id!r}.") from exc


def list_insights(
    *, tenant: TenantContext, limit: int = 20, before: str | None = None
) -> tuple[list[InsightItem], str | None]:
    """Newest first; ``before`` is the previous page's ``next`` (an insight id)."""
    if before is not None and not is_id(before, prefix="i"):
        raise InvalidCursor("'before' must be an insight id from a previous page's 'next'.")
    limit = page_size(limit)
    Insight = bind(InsightItem, tenant=tenant)
    condition = Insight.sk < insight_sk(before) if before else Insight.sk.startswith("INSIGHT#")
    items = list(Insight.query(INSIGHTS_PK, condition, scan_index_forward=False, limit=limit + 1))
    page, more = split_page(items, limit=limit)
    return page, (page[-1].id if more else None)


def get_comment(*, tenant: TenantContext, insight_id: str, comment_id: str) -> CommentItem:
    get_insight(tenant=tenant, insight_id=insight_id)
    if not is_id(comment_id, prefix="cm"):
        raise CommentNotFound(f"No comment {comment_id!r} on this insight.")
    Comment = bind(CommentItem, tenant=tenant)
    try:
        return Comment.get(comments_pk(insight_id), comment_sk(comment_id), consistent_read=True)
    except Comment.DoesNotExist as exc:
        raise CommentNotFound(f"No comment {comment_id!r} on this insight.") from exc


def list_comments(*, tenant: TenantContext, insight_id: str) -> list[CommentItem]:
    """Oldest first: a discussion reads top to bottom. At most ``MAX_COMMENTS_PER_INSIGHT``: the list is not
    paged, and the public share page reads it on every view."""
    get_insight(tenant=tenant, insight_id=insight_id)
    Comment = bind(CommentItem, tenant=tenant)
    return list(
        Comment.query(comments_pk(insight_id), Comment.sk.startswith("COMMENT#"), consistent_read=True,
                      limit=MAX_COMMENTS_PER_INSIGHT)
    )


def comment_count(*, tenant: TenantContext, insight_id: str) -> int:
    """How many comments an insight holds, all of them: where an insight pinned before its counter gets one,
    the counter must start from the real number (a bounded count would let it drift below it)."""
    Comment = bind(CommentItem, tenant=tenant)
    # Select=COUNT: DynamoDB counts server-side and returns no items.
    return Comment.count(comments_pk(insight_id), Comment.sk.startswith("COMMENT#"), consistent_read=True)


def resolve_share(*, token: str) -> SharedInsight:
    """The one insight a public link points at; unknown, revoked and expired links all raise ShareNotFound."""
    if not isinstance(token, str) or not SHARE_TOKEN.match(token):
        raise ShareNotFound("This link does not exist or has expired.")
    Shares = shares()
    try:
        share = Shares.get(token_hash(token), consistent_read=True)
    except Shares.DoesNotExist as exc:
        raise ShareNotFound("This link does not exist or has expired.") from exc
    except PynamoDBException as exc:
        # No shares table yet means no link was ever made.
        if exc.cause_response_code == "ResourceNotFoundException":
            raise ShareNotFound("This link does not exist or has expired.") from exc
        raise
    # DynamoDB deletes expired items lazily (up to days later), so expiry is checked here too.
    if int(share.expires_at) <= time.time():
        raise ShareNotFound("This link does not exist or has expired.")
    try:
        tenant = get_tenant_context(tenant_id=share.tenant_id)
        insight = get_insight(tenant=tenant, insight_id=share.insight_id)
    except (TenantError, InsightNotFound) as exc:
        raise ShareNotFound("This link does not exist or has expired.") from exc
    # The insight names its one live link; a mapping left behind by a replaced link resolves to nothing.
    if live_share(insight) is None or insight.share_token != token:
        raise ShareNotFound("This link does not exist or has expired.")
    return SharedInsight(insight=insight, comments=list_comments(tenant=tenant, insight_id=insight.id))
