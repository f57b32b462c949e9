"""The session policy's S3, Athena and Glue statements (issue 12.7): a tenant's credentials reach its own files,
its own Glue tables and the workgroup, never another tenant's; checked by evaluating the policy's wildcards
against the names metrics.files and metrics.athena really give."""
from __future__ import annotations

import fnmatch
import json
from datetime import UTC, datetime, timedelta

import botocore.session
import pytest
from botocore.stub import Stubber

from core.ids import new_id
from metrics.athena import table_name
from metrics.files import version_file_name
from tenants import credentials
from tenants.context import TenantContext
from tenants.credentials import session_policy, tenant_credentials

ROLE_ARN = "arn:aws:iam::123456789012:role/salestalk-tenant"
BUCKET = "salestalk-data"
DATABASE = "salestalk_datasets"
GLUE = "arn:aws:glue:eu-west-1:123456789012"


def _policy(tenant_id: str, *, registry_table: str = "salestalk-tenants") -> dict:
    return session_policy(
        tenant_id=tenant_id, table_name=f"salestalk-tenant-{tenant_id}", registry_table=registry_table,
        role_arn=ROLE_ARN, region="eu-west-1", bucket=BUCKET, workgroup="salestalk", glue_database=DATABASE,
        results_bucket="salestalk-athena-results",
    )


def _allows(policy: dict, action: str, resource: str) -> bool:
    """IAM's resource wildcards (* any run, ? one character) over the Allow statements without conditions."""
    return any(
        action in s["Action"] and any(fnmatch.fnmatchcase(resource, pattern) for pattern in s["Resource"])
        for s in policy["Statement"] if s["Effect"] == "Allow" and "Condition" not in s
    )


def _tenant(tenant_id: str) -> TenantContext:
    return TenantContext(tenant_id=tenant_id, table_name=f"salestalk-tenant-{tenant_id}")


def _file_arn(tenant_id: str, version: str) -> str:
    return f"arn:aws:s3:::{BUCKET}/{version_file_name(tenant=_tenant(tenant_id), version=version)}"


def _table_arn(tenant_id: str, version: str) -> str:
    return f"{GLUE}:table/{DATABASE}/{table_name(tenant=_tenant(tenant_id), version=version)}"


# Ids that share a prefix with "acme": a wildcard that let "acme" reach them would be a leak.
NEIGHBOURS = ["globex", "acme2", "acme_v", "acme_v_0123456789ab0123456789ab"]


def test_a_tenant_reaches_its_own_files_uploads_and_tables():
    version = new_id("v")
    policy = _policy("acme")
    assert _allows(policy, "s3:GetObject", _file_arn("acme", version))
    assert _allows(policy, "s3:PutObject", f"arn:aws:s3:::{BUCKET}/tenants/acme/uploads/{new_id('u')}.csv")
    assert _allows(policy, "glue:CreateTable", _table_arn("acme", version))
    assert _allows(policy, "glue:GetTable", _table_arn("acme", version))
    assert _allows(policy, "athena:StartQueryExecution", "arn:aws:athena:eu-west-1:123456789012:workgroup/salestalk")
    listing = next(s for s in policy["Statement"] if s["Sid"] == "ListOwnFiles")
    assert listing["Condition"] == {"StringLike": {"s3:prefix": ["tenants/acme/*"]}}


@pytest.mark.parametrize("other", NEIGHBOURS)
def test_a_tenants_policy_never_reaches_another_tenants_files_or_tables(other):
    version = new_id("v")
    policy = _policy("acme")
    for action in ("s3:GetObject", "s3:PutObject", "s3:DeleteObject"):
        assert not _allows(policy, action, _file_arn(other, version))
    for action in ("glue:GetTable", "glue:CreateTable", "glue:DeleteTable"):
        assert not _allows(policy, action, _table_arn(other, version))
    text = json.dumps(policy)
    assert f"tenants/{other}/" not in text and f"salestalk-tenant-{other}\"" not in text
    assert not _allows(policy, "athena:StartQueryExecution",
                       "arn:aws:athena:eu-west-1:123456789012:workgroup/primary")
    assert not _allows(policy, "s3:GetObject", f"arn:aws:s3:::{BUCKET}/tenants/{other}x/datasets/{version}.parquet")


def test_without_a_bucket_or_workgroup_the_policy_is_the_table_only():
    policy = session_policy(tenant_id="acme", table_name="t", registry_table="r", role_arn=ROLE_ARN,
                            region="eu-west-1")
    assert {s["Sid"] for s in policy["Statement"]} == {"TenantTable", "OwnRegistryItem"}


def test_assume_role_carries_the_files_and_athena_scope(settings, monkeypatch):
    settings.SALESTALK_TENANT_ROLE_ARN = ROLE_ARN
    settings.SALESTALK_AWS_REGION = "eu-west-1"
    settings.SALESTALK_ATHENA_DATA_BUCKET = BUCKET
    settings.SALESTALK_ATHENA_WORKGROUP = "salestalk"
    settings.SALESTALK_GLUE_DATABASE = DATABASE
    settings.SALESTALK_ATHENA_RESULTS_BUCKET = "salestalk-athena-results"
    client = botocore.session.get_session().create_client(
        "sts", region_name="eu-west-1", aws_access_key_id="function-role", aws_secret_access_key="x"
    )
    monkeypatch.setattr(credentials, "sts_client", lambda: client)
    monkeypatch.setattr(credentials, "_cache", {})
    with Stubber(client) as stubber:
        for tenant_id in ("acme", "globex"):
            stubber.add_response(
                "assume_role",
                {
                    "Credentials": {"AccessKeyId": f"ASIAKEY{tenant_id.upper():0<12}", "SecretAccessKey": "s",
                                    "SessionToken": "t",
                                    "Expiration": datetime.now(UTC) + timedelta(hours=1)},
                    "AssumedRoleUser": {"AssumedRoleId": f"AROA:{tenant_id}", "Arn": f"{ROLE_ARN}/{tenant_id}"},
                },
                {
                    "RoleArn": ROLE_ARN,
                    "RoleSessionName": f"tenant-{tenant_id}",
                    "Policy": json.dumps(_policy(tenant_id, registry_table=f"{settings.SALESTALK_TABLE_PREFIX}tenants"),
                                         separators=(",", ":")),
                    "DurationSeconds": credentials.SESSION_SECONDS,
                    "Tags": [{"Key": "tenantId", "Value": tenant_id}],
                },
            )
        acme = tenant_credentials(tenant_id="acme", table_name="salestalk-tenant-acme")
        globex = tenant_credentials(tenant_id="globex", table_name="salestalk-tenant-globex")
        stubber.assert_no_pending_responses()
    assert acme.access_key == "ASIAKEYACME00000000" and globex.access_key == "ASIAKEYGLOBEX000000"
    # Clients made for Athena and Glue sign with the tenant's own credentials.
    session = credentials.tenant_session(tenant_id="acme", table_name="salestalk-tenant-acme")
    assert session.get_credentials().access_key == "ASIAKEYACME00000000"
