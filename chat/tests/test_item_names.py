"""The item classes of chat/ and collab/: snake_case in Python, the stored (DynamoDB) names unchanged, so
items written before the rename read back as they are."""
from __future__ import annotations

import re

import pytest

from chat.models import ConnectionIndexItem, ConnectionItem, ConversationItem, MessageItem, TicketItem
from collab.models import CommentItem, InsightItem, ShareItem

# The names items were stored under before the rename: none may be lost (new attributes may join).
STORED = {
    ConversationItem: {"pk", "sk", "id", "title", "createdAt", "updatedAt", "createdBy", "messageCount",
                       "lastUnderstanding"},
    MessageItem: {"pk", "sk", "id", "conversationId", "seq", "timestamp", "sender", "text", "context", "metadata"},
    TicketItem: {"pk", "sk", "conversationId", "userId", "email", "tokenVersion", "expiresAt"},
    ConnectionItem: {"pk", "sk", "connectionId", "conversationId", "userId", "email", "tokenVersion", "endpoint",
                     "connectedAt", "expiresAt", "frameSecond", "frameCount"},
    ConnectionIndexItem: {"connectionId", "tenantId", "conversationId", "expiresAt"},
    InsightItem: {"pk", "sk", "id", "conversationId", "messageId", "title", "question", "narrative", "understanding",
                  "result", "sentiment", "createdAt", "createdBy", "shareToken", "shareExpiresAt"},
    CommentItem: {"pk", "sk", "id", "insightId", "authorId", "authorEmail", "authorName", "text", "createdAt",
                  "updatedAt"},
    ShareItem: {"tokenHash", "tenantId", "insightId", "createdAt", "expiresAt"},
}


@pytest.mark.parametrize("model", STORED, ids=lambda model: model.__name__)
def test_python_names_are_snake_case_and_stored_names_are_kept(model):
    attributes = model.get_attributes()
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", name) for name in attributes), sorted(attributes)
    assert STORED[model] <= {attribute.attr_name for attribute in attributes.values()}
    assert model.__name__.endswith("Item")


def test_an_item_stored_under_the_old_names_reads_back(tenant):
    from chat import selectors, services
    from tenants.storage import bind

    conversation = services.create_conversation(tenant=tenant, title="before the rename")
    raw = bind(ConversationItem, tenant=tenant)._get_connection().get_item(
        "CONVS", f"CONV#{conversation.id}", consistent_read=True
    )["Item"]
    assert {"createdAt", "updatedAt", "messageCount"} <= set(raw)
    read = selectors.get_conversation(tenant=tenant, conversation_id=conversation.id)
    assert (read.created_at, read.message_count) == (raw["createdAt"]["S"], 0)
