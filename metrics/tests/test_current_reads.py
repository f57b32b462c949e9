"""The current-version pointer and the model edits: read together, one BatchGetItem per refresh, counted on the
real botocore client; an import or an edit in this process is seen at once, another process's within the TTL."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from metrics import model_edits, selectors
from metrics.model_edits import EDITS_PK, EDITS_SK, ModelEditsItem
from metrics.models import CURRENT_SK, DATASET_PK, CurrentDatasetItem
from metrics.selectors import POINTER_TTL, get_semantic_model
from tenants.storage import bind

FIRST = "date,region,revenue\n2024-01-05,EMEA,100\n2024-01-09,APAC,300\n"
SECOND = "date,region,revenue\n2024-02-05,EMEA,70\n"


@pytest.fixture
def clock(monkeypatch):
    """Both caches' clock, moved by hand."""
    now = SimpleNamespace(value=1_000.0)
    fake = SimpleNamespace(monotonic=lambda: now.value)
    monkeypatch.setattr(selectors, "time", fake)
    monkeypatch.setattr(model_edits, "time", fake)
    return now


@pytest.fixture
def calls(tenant):
    """The DynamoDB operations this tenant's connection sends, as botocore is about to send them: the name, and a
    GetItem's sort key."""
    client = bind(CurrentDatasetItem, tenant=tenant)._get_connection().connection.client
    sent: list[str] = []

    def record(model, params, **_):
        key = params.get("Key", {}).get("sk", {}).get("S")
        sent.append(model.name if key is None else f"{model.name} {key}")

    client.meta.events.register("before-parameter-build.dynamodb", record)
    yield sent
    client.meta.events.unregister("before-parameter-build.dynamodb", record)


def forget_this_process(tenant) -> None:
    """As a freshly started process: nothing of the tenant's cached."""
    selectors._pointers.pop(tenant.table_name, None)
    model_edits._edits.pop(tenant.table_name, None)
    for key in [key for key in selectors._models if key[0] == tenant.table_name]:
        del selectors._models[key]


def test_a_refresh_reads_pointer_and_edits_in_one_call_and_none_within_the_ttl(tenant, import_csv, clock, calls):
    version = import_csv(tenant, FIRST).version
    forget_this_process(tenant)
    calls.clear()
    assert get_semantic_model(tenant=tenant).version == version
    assert calls == ["BatchGetItem", "GetItem MODEL"]  # the version's model is read once: it never changes
    calls.clear()
    clock.value += POINTER_TTL / 2
    get_semantic_model(tenant=tenant)
    assert calls == []
    for _ in range(3):
        clock.value += POINTER_TTL
        get_semantic_model(tenant=tenant)
    assert calls == ["BatchGetItem"] * 3


def test_an_import_in_this_process_is_seen_at_once(tenant, import_csv, clock):
    import_csv(tenant, FIRST)
    get_semantic_model(tenant=tenant)
    second = import_csv(tenant, SECOND, replace=True).version
    assert get_semantic_model(tenant=tenant).version == second


def test_another_processs_version_and_edit_are_seen_within_the_ttl(tenant, import_csv, clock, calls):
    first = import_csv(tenant, FIRST).version
    second = import_csv(tenant, SECOND, replace=True).version
    assert get_semantic_model(tenant=tenant).version == second
    # Another process switches back to the first version and renames revenue: items written, no cache told.
    Current = bind(CurrentDatasetItem, tenant=tenant)
    pointer = Current.get(DATASET_PK, CURRENT_SK, consistent_read=True)
    pointer.version = first
    pointer.save()
    bind(ModelEditsItem, tenant=tenant)(pk=EDITS_PK, sk=EDITS_SK, revision=1, document=json.dumps(
        {"revision": 1, "measures": {"revenue": {"label": "Takings"}}})).save()
    clock.value += POINTER_TTL / 2
    stale = get_semantic_model(tenant=tenant)
    assert stale.version == second and stale.definitions["revenue"].label != "Takings"
    clock.value += POINTER_TTL
    calls.clear()
    fresh = get_semantic_model(tenant=tenant)
    assert fresh.version == first and fresh.definitions["revenue"].label == "Takings"
    assert calls in (["BatchGetItem"], ["BatchGetItem", "GetItem MODEL"])  # the first's model may be cached


def test_an_edit_in_this_process_is_seen_at_once(tenant, import_csv, clock):
    import_csv(tenant, FIRST)
    model = get_semantic_model(tenant=tenant)
    model_edits.edit_measure(tenant=tenant, model=model, name="revenue", changes={"label": "Takings"})
    assert get_semantic_model(tenant=tenant).definitions["revenue"].label == "Takings"


def test_before_any_import_there_is_no_dataset(tenant, clock, calls):
    with pytest.raises(selectors.NoDataset):
        get_semantic_model(tenant=tenant)
    assert calls == ["BatchGetItem"]
