"""Pinned insights, their comments (tenant table) and share links (the global ``{prefix}shares`` table).

- insight: pk ``INSIGHTS``, sk ``INSIGHT#{id}`` — one partition lists them newest first (ids sort by time).
  A snapshot of one answer: later questions or a deleted conversation do not change it.
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
    conversationId = UnicodeAttribute()
    messageId = UnicodeAttribute()
    title = UnicodeAttribute()
    question = UnicodeAttribute()
    narrative = UnicodeAttribute()
    understanding = JSONAttribute(null=True)
    result = JSONAttribute(null=True)
    sentiment = UnicodeAttribute(null=True)
    createdAt = UnicodeAttribute()
    createdBy = UnicodeAttribute(null=True)
    # The tenant may see its own live link again; the global table holds only its hash.
    shareToken = UnicodeAttribute(null=True)
    shareExpiresAt = NumberAttribute(null=True)


class CommentItem(TenantItem):
    id = UnicodeAttribute()
    insightId = UnicodeAttribute()
    authorId = UnicodeAttribute()
    authorEmail = UnicodeAttribute(null=True)
    authorName = UnicodeAttribute()
    text = UnicodeAttribute()
    createdAt = UnicodeAttribute()
    updatedAt = UnicodeAttribute()


class ShareItem(UnboundModel):
    tokenHash = UnicodeAttribute(hash_key=True)
    tenantId = UnicodeAttribute()
    insightId = UnicodeAttribute()
    createdAt = UnicodeAttribute()
    expiresAt = NumberAttribute()  # epoch seconds; the table's TTL attribute, also checked on every read


def shares_table_name() -> str:
    return f"{settings.SALESTALK_TABLE_PREFIX}shares"


def shares() -> type[ShareItem]:
    return bind_table(ShareItem, table_name=shares_table_name())
