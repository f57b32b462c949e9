"""Every PynamoDB item class of the project: snake_case in Python, a name ending in ``Item``, and the stored
(DynamoDB) names unchanged, so items written before the rename read back as they are."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from pynamodb.models import Model

from tenants.storage import TenantItem, UnboundModel

ROOT = Path(__file__).resolve().parent.parent
APPS = ("core", "tenants", "metrics", "insights", "chat", "collab", "salestalk")
LEFT_OUT = {"tests", "migrations", "management"}
BASES = {UnboundModel, TenantItem}
SNAKE = re.compile(r"[a-z][a-z0-9_]*")

# The names items were stored under before the rename: none may be lost (new attributes may join).
STORED = {
    "chat.models.ConversationItem": {"pk", "sk", "id", "title", "createdAt", "updatedAt", "createdBy",
                                     "messageCount", "lastUnderstanding"},
    "chat.models.MessageItem": {"pk", "sk", "id", "conversationId", "seq", "timestamp", "sender", "text", "context",
                                "metadata"},
    "chat.models.TicketItem": {"pk", "sk", "conversationId", "userId", "email", "tokenVersion", "expiresAt"},
    "chat.models.ConnectionItem": {"pk", "sk", "connectionId", "conversationId", "userId", "email", "tokenVersion",
                                   "endpoint", "connectedAt", "expiresAt", "frameSecond", "frameCount"},
    "chat.models.ConnectionIndexItem": {"connectionId", "tenantId", "conversationId", "expiresAt"},
    "collab.models.InsightItem": {"pk", "sk", "id", "conversationId", "messageId", "title", "question", "narrative",
                                  "understanding", "result", "sentiment", "createdAt", "createdBy", "shareToken",
                                  "shareExpiresAt"},
    "collab.models.CommentItem": {"pk", "sk", "id", "insightId", "authorId", "authorEmail", "authorName", "text",
                                  "createdAt", "updatedAt"},
    "collab.models.ShareItem": {"tokenHash", "tenantId", "insightId", "createdAt", "expiresAt"},
    "tenants.models.TenantRegistryItem": {"tenantId", "name", "ownerEmail", "tableName", "createdAt", "status",
                                          "currency", "timeZone", "generation"},
    "metrics.models.CurrentDatasetItem": {"pk", "sk", "version", "importedAt", "rowCount", "source", "checksum"},
    "metrics.models.DatasetVersionItem": {"pk", "sk", "version", "status", "startedAt", "retiredAt", "fileBytes"},
    "metrics.models.SemanticModelItem": {"pk", "sk", "document"},
    "metrics.jobs.ImportJobItem": {"pk", "sk", "jobId", "status", "source", "upload", "request", "createdAt",
                                   "createdBy", "startedAt", "heartbeatAt", "deadlineAt", "finishedAt", "stage",
                                   "progress", "result", "error"},
    "metrics.uploads.UploadItem": {"pk", "sk", "uploadId", "name", "filename", "contentType", "maxBytes", "createdAt",
                                   "expiresAt", "status", "jobId"},
    "metrics.model_edits.ModelEditsItem": {"pk", "sk", "revision", "document"},
}


def _project_modules() -> list[str]:
    names = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            rel = path.relative_to(ROOT).with_suffix("")
            if LEFT_OUT & set(rel.parts) or rel.name.startswith("test_") or rel.name == "conftest.py":
                continue
            if app == "salestalk" and (rel.parts[1] in ("settings", "asgi", "wsgi") or rel.name.startswith("lambda_")):
                continue  # configuration: importing it again would reconfigure the running process
            names.append(".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts))
    return names


def _subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub} | _subclasses(sub)
    return found


def item_classes() -> dict[str, type[Model]]:
    """Every item class declared in the project's own modules (``tenants.storage.bind``'s bound copies aside)."""
    modules = _project_modules()
    for name in modules:
        importlib.import_module(name)
    return {f"{cls.__module__}.{cls.__name__}": cls for cls in _subclasses(Model)
            if cls.__module__ in modules and "@" not in cls.__name__ and cls not in BASES}


CLASSES = item_classes()


def test_the_walk_finds_every_known_item_class():
    assert set(STORED) <= set(CLASSES), sorted(set(STORED) - set(CLASSES))


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_python_names_are_snake_case_and_the_class_is_an_item(name):
    model = CLASSES[name]
    assert model.__name__.endswith("Item"), name
    attributes = model.get_attributes()
    assert [a for a in attributes if not SNAKE.fullmatch(a)] == []


@pytest.mark.parametrize("name", sorted(STORED))
def test_the_stored_names_are_kept(name):
    stored = {attribute.attr_name for attribute in CLASSES[name].get_attributes().values()}
    assert STORED[name] <= stored, sorted(STORED[name] - stored)


def test_a_camel_case_name_or_a_record_class_is_caught():
    from pynamodb.attributes import UnicodeAttribute

    class LegacyRecord(TenantItem):
        createdAt = UnicodeAttribute()

    assert not LegacyRecord.__name__.endswith("Item")
    assert not all(SNAKE.fullmatch(a) for a in LegacyRecord.get_attributes())


def test_a_conversation_stored_under_the_old_names_reads_back(tenant):
    from chat import selectors, services
    from chat.models import ConversationItem
    from tenants.storage import bind

    conversation = services.create_conversation(tenant=tenant, title="before the rename")
    raw = bind(ConversationItem, tenant=tenant)._get_connection().get_item(
        "CONVS", f"CONV#{conversation.id}", consistent_read=True
    )["Item"]
    assert {"createdAt", "updatedAt", "messageCount"} <= set(raw)
    read = selectors.get_conversation(tenant=tenant, conversation_id=conversation.id)
    assert (read.created_at, read.message_count) == (raw["createdAt"]["S"], 0)


def test_a_registry_entry_stored_under_the_old_names_reads_back(tenant):
    from tenants.selectors import get_tenant
    from tenants.storage import dynamodb_client, registry_table_name

    dynamodb_client().put_item(TableName=registry_table_name(), Item={
        "tenantId": {"S": "oldco"}, "name": {"S": "Old Co"}, "ownerEmail": {"S": "o@old.example"},
        "tableName": {"S": "salestalk-tenant-oldco"}, "createdAt": {"S": "2024-01-02T03:04:05.000+00:00"},
        "status": {"S": "active"}, "currency": {"S": "EUR"}, "timeZone": {"S": "Europe/Paris"},
    })
    record = get_tenant(tenant_id="oldco")
    assert (record.tenant_id, record.owner_email, record.table_name, record.created_at, record.time_zone) == (
        "oldco", "o@old.example", "salestalk-tenant-oldco", "2024-01-02T03:04:05.000+00:00", "Europe/Paris")


def test_a_dataset_pointer_stored_under_the_old_names_reads_back(tenant):
    from metrics.selectors import current_dataset
    from tenants.storage import dynamodb_client

    dynamodb_client().put_item(TableName=tenant.table_name, Item={
        "pk": {"S": "DATASET"}, "sk": {"S": "CURRENT"}, "version": {"S": "v1"},
        "importedAt": {"S": "2024-01-02T03:04:05.000+00:00"}, "rowCount": {"N": "42"}, "source": {"S": "old.csv"},
    })
    pointer = current_dataset(tenant=tenant)
    assert (pointer.version, pointer.imported_at, pointer.row_count) == ("v1", "2024-01-02T03:04:05.000+00:00", 42)
