"""Pinned insights, their comments (tenant table) and share links (the global ``{prefix}shares`` table).
Python names are snake_case; ``attr_name`` keeps the names stored in DynamoDB.

- insight: pk ``INSIGHTS``, sk ``INSIGHT#{id}`` — one partition lists them newest first (ids sort by time).
  A snapshot of one answer: later questions or a deleted conversation do not change it. ``commentCount`` is
  its number of comments, changed in the same transaction as each comment's put or delete (the cap's guard).
- comment: pk ``INSIGHT#{insight id}``, sk ``COMMENT#{id}`` — oldest first.
- share: ``{prefix}shares``, hash key ``tokenHash`` (sha256 of the token, so a dump of the table reveals no
  link) → tenant + insight, TTL attribute ``expiresAt``. Global because a public link carries no tenant.
"""
from __future__ import annotations

from django.conf import settings
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute

from tenants.storage import TenantItem, UnboundModel, bind_table

INSIGHTS_PK = "INSIGHTS"


def insight_sk(insight_id: str) -> str:
    return f"INSIGHT#{insight_id}"


def comments_pk(insight_id: str) -> str:
    return f"INSIGHT#{insight_id}"


def comment_sk(comment_id: str) -> str:
    return f"COMMENT#{comment_id}"


class InsightItem(TenantItem):
    id = UnicodeAttribute()
    conversation_id = UnicodeAttribute(attr_name="conversationId")
    message_id = UnicodeAttribute(attr_name="messageId")
    title = UnicodeAttribute()
    question = UnicodeAttribute()
    narrative = UnicodeAttribute()
    understanding = JSONAttribute(null=True)
    result = JSONAttribute(null=True)
    display = JSONAttribute(null=True)  # the answer's display strings: the share page formats nothing
    sentiment = UnicodeAttribute(null=True)
    created_at = UnicodeAttribute(attr_name="createdAt")
    created_by = UnicodeAttribute(attr_name="createdBy", null=True)
    # The tenant may see its own live link again; the global table holds only its hash.
    share_token = UnicodeAttribute(attr_name="shareToken", null=True)
    share_expires_at = NumberAttribute(attr_name="shareExpiresAt", null=True)
    # None on an insight pinned before the counter existed; its first comment write counts it (services).
    comment_count = NumberAttribute(attr_name="commentCount", null=True)


class CommentItem(TenantItem):
    id = UnicodeAttribute()
    insight_id = UnicodeAttribute(attr_name="insightId")
    author_id = UnicodeAttribute(attr_name="authorId")
    author_email = UnicodeAttribute(attr_name="authorEmail", null=True)
    author_name = UnicodeAttribute(attr_name="authorName")
    text = UnicodeAttribute()
    created_at = UnicodeAttribute(attr_name="createdAt")
    updated_at = UnicodeAttribute(attr_name="updatedAt")


class ShareItem(UnboundModel):
    token_hash = UnicodeAttribute(attr_name="tokenHash", hash_key=True)
    tenant_id = UnicodeAttribute(attr_name="tenantId")
    insight_id = UnicodeAttribute(attr_name="insightId")
    created_at = UnicodeAttribute(attr_name="createdAt")
    # Epoch seconds; the table's TTL attribute, also checked on every read.
    expires_at = NumberAttribute(attr_name="expiresAt")


def shares_table_name() -> str:
    return f"{settings.SALESTALK_TABLE_PREFIX}shares"


def shares() -> type[ShareItem]:
    return bind_table(ShareItem, table_name=shares_table_name())
