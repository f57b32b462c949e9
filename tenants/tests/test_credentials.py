"""Tenant-scoped credentials (token vending machine): the session policy, the per-tenant cache, the wiring
into bind()."""
from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import botocore.session
import pytest
from botocore.stub import Stubber

from tenants import credentials
from tenants.credentials import session_policy, tenant_credentials
from tenants.models import registry
from tenants.storage import TenantItem, bind

ROLE_ARN = "arn:aws:iam::123456789012:role/salestalk-tenant"


class Note(TenantItem):
    pass


def _policy(tenant_id: str = "acme") -> dict:
    return session_policy(
        tenant_id=tenant_id,
        table_name=f"salestalk-tenant-{tenant_id}",
        registry_table="salestalk-tenants",
        role_arn=ROLE_ARN,
        region="eu-west-1",
    )


def test_the_session_policy_names_exactly_one_tenant_table():
    policy = _policy("acme")
    resources = [r for statement in policy["Statement"] for r in statement["Resource"]]
    tables = {r.split(":table/")[1].split("/")[0] for r in resources}
    assert tables == {"salestalk-tenant-acme", "salestalk-tenants"}
    assert all("*" not in r.split(":table/")[1].split("/")[0] for r in resources)
    assert all(r.startswith("arn:aws:dynamodb:eu-west-1:123456789012:table/") for r in resources)
    assert {s["Effect"] for s in policy["Statement"]} == {"Allow"}


def test_the_registry_is_readable_only_at_the_tenants_own_item():
    registry_statement = next(s for s in _policy("acme")["Statement"] if s["Sid"] == "OwnRegistryItem")
    assert registry_statement["Action"] == ["dynamodb:GetItem"]
    assert registry_statement["Condition"] == {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["acme"]}}


def test_the_tenant_table_allows_item_work_but_no_table_management():
    actions = next(s for s in _policy()["Statement"] if s["Sid"] == "TenantTable")["Action"]
    assert "dynamodb:Query" in actions and "dynamodb:PutItem" in actions
    assert not {"dynamodb:Scan", "dynamodb:CreateTable", "dynamodb:DeleteTable", "dynamodb:*"} & set(actions)


def test_policies_of_two_tenants_share_no_table():
    def tables(policy):
        return {r for s in policy["Statement"] if s["Sid"] == "TenantTable" for r in s["Resource"]}

    assert not tables(_policy("acme")) & tables(_policy("globex"))


def test_a_malformed_role_arn_is_refused():
    with pytest.raises(ValueError):
        session_policy(
            tenant_id="acme", table_name="t", registry_table="r", role_arn="arn:aws:s3:::bucket", region="us-east-1"
        )


@pytest.fixture
def sts(settings, monkeypatch):
    settings.SALESTALK_TENANT_ROLE_ARN = ROLE_ARN
    settings.SALESTALK_AWS_REGION = "us-east-1"
    client = botocore.session.get_session().create_client(
        "sts", region_name="us-east-1", aws_access_key_id="function-role", aws_secret_access_key="x"
    )
    monkeypatch.setattr(credentials, "sts_client", lambda: client)
    monkeypatch.setattr(credentials, "_cache", {})
    with Stubber(client) as stubber:
        yield stubber
        stubber.assert_no_pending_responses()


def _expect_assume(stubber: Stubber, *, tenant_id: str, table_name: str, key: str, expires_in: timedelta) -> None:
    from django.conf import settings

    policy = session_policy(
        tenant_id=tenant_id,
        table_name=table_name,
        registry_table=f"{settings.SALESTALK_TABLE_PREFIX}tenants",
        role_arn=ROLE_ARN,
        region="us-east-1",
    )
    stubber.add_response(
        "assume_role",
        {
            "Credentials": {
                "AccessKeyId": key,
                "SecretAccessKey": f"secret-{key}",
                "SessionToken": f"token-{key}",
                "Expiration": datetime.now(UTC) + expires_in,
            },
            "AssumedRoleUser": {"AssumedRoleId": f"AROA:{tenant_id}", "Arn": f"{ROLE_ARN}/tenant-{tenant_id}"},
        },
        {
            "RoleArn": ROLE_ARN,
            "RoleSessionName": f"tenant-{tenant_id}",
            "Policy": json.dumps(policy, separators=(",", ":")),
            "DurationSeconds": credentials.SESSION_SECONDS,
            "Tags": [{"Key": "tenantId", "Value": tenant_id}],
        },
    )


def test_credentials_are_assumed_once_per_tenant_and_cached(sts):
    _expect_assume(sts, tenant_id="acme", table_name="p-tenant-acme",
                   key="ASIAACME000000001", expires_in=timedelta(hours=1))
    _expect_assume(sts, tenant_id="globex", table_name="p-tenant-globex",
                   key="ASIAGLOBEX0000001", expires_in=timedelta(hours=1))
    acme = tenant_credentials(tenant_id="acme", table_name="p-tenant-acme")
    assert tenant_credentials(tenant_id="acme", table_name="p-tenant-acme") is acme  # no second STS call
    globex = tenant_credentials(tenant_id="globex", table_name="p-tenant-globex")
    assert acme.get_frozen_credentials().access_key == "ASIAACME000000001"
    assert globex.get_frozen_credentials().access_key == "ASIAGLOBEX0000001"


def test_credentials_near_expiry_are_renewed_with_the_same_scope(sts):
    _expect_assume(sts, tenant_id="acme", table_name="p-tenant-acme",
                   key="ASIAOLD0000000001", expires_in=timedelta(minutes=2))
    _expect_assume(sts, tenant_id="acme", table_name="p-tenant-acme",
                   key="ASIANEW0000000001", expires_in=timedelta(hours=1))
    scoped = tenant_credentials(tenant_id="acme", table_name="p-tenant-acme")
    # Two minutes left is inside botocore's mandatory refresh window: the next use renews.
    assert scoped.get_frozen_credentials().access_key == "ASIANEW0000000001"


def _signing_keys(model) -> list[str]:
    seen: list[str] = []

    def capture(request, **kwargs):
        seen.append(request.headers["Authorization"].decode().split("Credential=")[1].split("/")[0])

    model._get_connection().connection.client.meta.events.register("before-send.dynamodb", capture)
    return seen


def test_bound_tenant_models_sign_with_their_own_tenants_credentials(make_tenant, settings, sts):
    acme, globex = make_tenant("acme"), make_tenant("globex")
    _expect_assume(sts, tenant_id="acme", table_name=acme.table_name,
                   key="ASIAACME000000001", expires_in=timedelta(hours=1))
    _expect_assume(sts, tenant_id="globex", table_name=globex.table_name,
                   key="ASIAGLOBEX0000001", expires_in=timedelta(hours=1))

    AcmeNote, GlobexNote = bind(Note, tenant=acme), bind(Note, tenant=globex)
    acme_keys, globex_keys = _signing_keys(AcmeNote), _signing_keys(GlobexNote)
    AcmeNote(pk="N", sk="1").save()
    GlobexNote(pk="N", sk="1").save()
    assert AcmeNote.count("N") == 1 and GlobexNote.count("N") == 1
    assert set(acme_keys) == {"ASIAACME000000001"}
    assert set(globex_keys) == {"ASIAGLOBEX0000001"}
    assert AcmeNote._get_connection() is not GlobexNote._get_connection()


def test_global_tables_keep_the_functions_own_credentials(tenant, settings, sts):
    Registry = registry()
    keys = _signing_keys(Registry)
    assert Registry.get("acme").tenant_id == "acme"
    assert keys and not any(key.startswith("ASIA") for key in keys)


def test_without_a_tenant_role_bind_uses_no_scoped_credentials(tenant, settings):
    settings.SALESTALK_TENANT_ROLE_ARN = None
    connection = bind(Note, tenant=tenant)._get_connection().connection
    assert not isinstance(connection, credentials.TenantScopedConnection)
