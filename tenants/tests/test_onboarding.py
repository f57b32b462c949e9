import pytest
from botocore.exceptions import ClientError

from tenants import services
from tenants.errors import InvalidTenantId, TenantDisabled, TenantError, TenantExists, TenantNotFound
from tenants.models import TenantStatus, registry
from tenants.selectors import get_tenant_context
from tenants.storage import dynamodb_client, tenant_table_name


def table_status(name: str) -> str | None:
    try:
        return dynamodb_client().describe_table(TableName=name)["Table"]["TableStatus"]
    except ClientError:
        return None


def onboard(tenant_id: str = "acme", **kw):
    kw.setdefault("name", "Acme Outdoor")
    kw.setdefault("owner_email", "owner@acme.example")
    return services.onboard_tenant(tenant_id=tenant_id, **kw)


def test_onboarding_creates_an_active_table_then_the_registry_item():
    record = onboard(currency="EUR", time_zone="Europe/Paris")
    assert table_status(tenant_table_name("acme")) == "ACTIVE"
    stored = registry().get("acme")
    assert stored.status == TenantStatus.ACTIVE
    assert (stored.name, stored.owner_email) == ("Acme Outdoor", "owner@acme.example")
    assert stored.table_name == record.table_name
    assert (stored.currency, stored.time_zone) == ("EUR", "Europe/Paris")
    assert stored.created_at.endswith("+00:00")
    ttl = dynamodb_client().describe_time_to_live(TableName=record.table_name)["TimeToLiveDescription"]
    assert ttl.get("AttributeName") == "expiresAt"


@pytest.mark.parametrize("bad", ["ab", "a" * 41, "Acme", "acme_corp", "-acme", "acme-", "ac me", "acmé", "", "../x"])
def test_invalid_tenant_ids_are_refused_before_anything_is_written(bad, _isolated_tables):
    with pytest.raises(InvalidTenantId):
        onboard(bad)
    pages = dynamodb_client().get_paginator("list_tables").paginate(ExclusiveStartTableName=_isolated_tables)
    tables = [name for page in pages for name in page["TableNames"]]
    assert [name for name in tables if name.startswith(_isolated_tables)] == []


@pytest.mark.parametrize("bad", ["", "   ", "Acme\u202e gnidaerT", "Acme\x00", "Acme\x1b[2J", "Acme \ud800", "A" * 201])
def test_a_tenant_name_is_people_s_text_refused_before_anything_is_written(bad, _isolated_tables):
    with pytest.raises(TenantError, match="name"):
        onboard(name=bad)
    pages = dynamodb_client().get_paginator("list_tables").paginate(ExclusiveStartTableName=_isolated_tables)
    assert [name for page in pages for name in page["TableNames"] if name.startswith(_isolated_tables)] == []


@pytest.mark.parametrize("good", ["abc", "a" * 40, "acme-eval", "9lives"])
def test_valid_tenant_ids(good):
    assert onboard(good).tenant_id == good


def test_onboarding_is_idempotent_and_refuses_a_different_duplicate():
    first = onboard()
    again = onboard()
    assert again.created_at == first.created_at
    with pytest.raises(TenantExists):
        onboard(name="Another Acme")


def test_rerun_after_a_crash_between_registry_and_table_finishes_the_job(monkeypatch):
    def crash(**kwargs):
        raise RuntimeError("process died")

    monkeypatch.setattr(services, "_create_tenant_table", crash)
    with pytest.raises(RuntimeError):
        onboard()
    assert registry().get("acme").status == TenantStatus.PROVISIONING
    with pytest.raises(TenantDisabled):
        get_tenant_context(tenant_id="acme")
    monkeypatch.undo()

    onboard()
    assert registry().get("acme").status == TenantStatus.ACTIVE
    assert table_status(tenant_table_name("acme")) == "ACTIVE"


def test_rerun_after_a_crash_after_the_table_was_created_adopts_it(monkeypatch):
    original = services._create_tenant_table

    def create_then_crash(**kwargs):
        original(**kwargs)
        raise RuntimeError("process died after CreateTable")

    monkeypatch.setattr(services, "_create_tenant_table", create_then_crash)
    with pytest.raises(RuntimeError):
        onboard()
    monkeypatch.undo()
    onboard()
    assert get_tenant_context(tenant_id="acme").table_name == tenant_table_name("acme")


@pytest.mark.django_db
def test_offboarding_deletes_the_table_and_refuses_the_tenant():
    onboard()
    services.offboard_tenant(tenant_id="acme")
    assert table_status(tenant_table_name("acme")) is None
    assert registry().get("acme").status == TenantStatus.DELETED
    with pytest.raises(TenantNotFound):
        get_tenant_context(tenant_id="acme")
    services.offboard_tenant(tenant_id="acme")


def test_disabling_and_reenabling():
    onboard()
    services.set_tenant_status(tenant_id="acme", status="disabled")
    with pytest.raises(TenantDisabled):
        get_tenant_context(tenant_id="acme")
    services.set_tenant_status(tenant_id="acme", status="active")
    assert get_tenant_context(tenant_id="acme").tenant_id == "acme"


@pytest.mark.django_db
def test_unknown_tenant():
    services.ensure_registry_table()
    with pytest.raises(TenantNotFound):
        get_tenant_context(tenant_id="nobody")
    with pytest.raises(TenantNotFound):
        services.offboard_tenant(tenant_id="nobody")


@pytest.mark.django_db
def test_provisioning_creates_the_owner_sign_in_once():
    record, password = services.provision_tenant(tenant_id="acme", name="Acme", owner_email="Owner@Acme.example")
    assert record.status == TenantStatus.ACTIVE and password
    _, second = services.provision_tenant(tenant_id="acme", name="Acme", owner_email="Owner@Acme.example")
    assert second is None
