"""Tenant-scoped AWS credentials: the SaaS "token vending machine".

In the aws profile (``SALESTALK_TENANT_ROLE_ARN`` set) a tenant's DynamoDB calls are
signed with credentials from STS AssumeRole carrying a session policy that names that
tenant's table only (plus its own registry item), so a bug that picks the wrong table
is refused by AWS instead of leaking data. The role is also tagged with the tenant
(``tenantId`` session tag), which the role's own policy checks: two independent fences.
Credentials are cached per tenant and refreshed by botocore shortly before they expire.
"""
from __future__ import annotations

import json
import re
import threading
from datetime import datetime
from functools import lru_cache
from typing import Any

import botocore.credentials
import botocore.session
from django.conf import settings
from pynamodb.connection import Connection

from core.errors import TenantScopeError

SESSION_SECONDS = 3600
TENANT_TAG = "tenantId"
VERSION_DIGITS = 24  # the random part of a dataset version id (core.ids)
# The actions the app performs on a tenant's table (items, queries, batches, transactions).
TABLE_ACTIONS = [
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:Query",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:ConditionCheckItem",
    "dynamodb:DescribeTable",
]


def scoping_enabled() -> bool:
    return bool(settings.SALESTALK_TENANT_ROLE_ARN)


def _arn_parts(role_arn: str) -> tuple[str, str]:
    """(partition, account) of ``arn:<partition>:iam::<account>:role/<name>``."""
    parts = role_arn.split(":")
    if len(parts) != 6 or parts[0] != "arn" or parts[2] != "iam" or not parts[5].startswith("role/"):
        raise ValueError(f"Not an IAM role ARN: {role_arn!r}")
    return parts[1], parts[4]


def session_policy(
    *, tenant_id: str, table_name: str, registry_table: str, role_arn: str, region: str,
    bucket: str = "", workgroup: str = "", glue_database: str = "", results_bucket: str = "",
) -> dict:
    """The session policy: this tenant's table (and its indexes), and this tenant's registry item; with a
    ``bucket``, its files under ``tenants/{tenant_id}/`` (datasets and uploads); with a ``workgroup``, Athena
    there and Glue over its own ``tenant_{id}_*`` tables only. Nothing else."""
    if not tenant_id or not table_name:
        raise TenantScopeError("A scoped session needs a tenant and its table.")
    partition, account = _arn_parts(role_arn)
    table_arn = f"arn:{partition}:dynamodb:{region}:{account}:table/{table_name}"
    registry_arn = f"arn:{partition}:dynamodb:{region}:{account}:table/{registry_table}"
    statements = [
        {
            "Sid": "TenantTable",
            "Effect": "Allow",
            "Action": TABLE_ACTIONS,
            "Resource": [table_arn, f"{table_arn}/index/*"],
        },
        {
            "Sid": "OwnRegistryItem",
            "Effect": "Allow",
            "Action": ["dynamodb:GetItem"],
            "Resource": [registry_arn],
            "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": [tenant_id]}},
        },
    ]
    if bucket:
        statements += _file_statements(partition=partition, bucket=bucket, tenant_id=tenant_id)
    if workgroup:
        statements += _athena_statements(
            partition=partition, region=region, account=account, tenant_id=tenant_id, workgroup=workgroup,
            glue_database=glue_database, results_bucket=results_bucket,
        )
    return {"Version": "2012-10-17", "Statement": statements}


def _file_statements(*, partition: str, bucket: str, tenant_id: str) -> list[dict]:
    prefix = f"tenants/{tenant_id}/"
    bucket_arn = f"arn:{partition}:s3:::{bucket}"
    return [
        {
            "Sid": "OwnFiles",
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
            "Resource": [f"{bucket_arn}/{prefix}*"],
        },
        {
            "Sid": "ListOwnFiles",
            "Effect": "Allow",
            "Action": ["s3:ListBucket"],
            "Resource": [bucket_arn],
            "Condition": {"StringLike": {"s3:prefix": [f"{prefix}*"]}},
        },
    ]


def _athena_statements(
    *, partition: str, region: str, account: str, tenant_id: str, workgroup: str, glue_database: str,
    results_bucket: str,
) -> list[dict]:
    glue = f"arn:{partition}:glue:{region}:{account}"
    # The tables metrics.athena names tenant_{id}_{version} (Glue lowercases; a version is v_ + 24 hex
    # digits): one ? per digit, so no other tenant's id, however it starts, matches.
    own_tables = "tenant_" + re.sub(r"[^a-z0-9_]", "_", tenant_id.lower()) + "_v_" + "?" * VERSION_DIGITS
    statements = [
        {
            "Sid": "AthenaWorkgroup",
            "Effect": "Allow",
            "Action": ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults",
                       "athena:StopQueryExecution", "athena:GetWorkGroup"],
            "Resource": [f"arn:{partition}:athena:{region}:{account}:workgroup/{workgroup}"],
        },
        {
            "Sid": "GlueOwnTables",
            "Effect": "Allow",
            "Action": ["glue:GetDatabase", "glue:GetTable", "glue:GetPartitions", "glue:CreateTable",
                       "glue:DeleteTable"],
            "Resource": [f"{glue}:catalog", f"{glue}:database/{glue_database}",
                         f"{glue}:table/{glue_database}/{own_tables}"],
        },
    ]
    if results_bucket:
        # The workgroup enforces one output folder; query ids (random) name each result in it.
        statements.append({
            "Sid": "AthenaResults",
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:GetBucketLocation"],
            "Resource": [f"arn:{partition}:s3:::{results_bucket}", f"arn:{partition}:s3:::{results_bucket}/results/*"],
        })
    return statements


@lru_cache(maxsize=4)
def _sts_client(region: str) -> Any:
    return botocore.session.get_session().create_client("sts", region_name=region)


def sts_client() -> Any:
    """The STS client of the function's own role (tests stub it)."""
    return _sts_client(settings.SALESTALK_AWS_REGION)


def _assume(*, tenant_id: str, table_name: str) -> dict[str, str]:
    """Fresh credentials for one tenant, in botocore's refreshable-credentials metadata shape."""
    role_arn = settings.SALESTALK_TENANT_ROLE_ARN
    if not role_arn:
        raise TenantScopeError("SALESTALK_TENANT_ROLE_ARN is not set; no tenant-scoped credentials.")
    policy = session_policy(
        tenant_id=tenant_id,
        table_name=table_name,
        registry_table=f"{settings.SALESTALK_TABLE_PREFIX}tenants",
        role_arn=role_arn,
        region=settings.SALESTALK_AWS_REGION,
        bucket=settings.SALESTALK_ATHENA_DATA_BUCKET,
        workgroup=settings.SALESTALK_ATHENA_WORKGROUP,
        glue_database=settings.SALESTALK_GLUE_DATABASE,
        results_bucket=settings.SALESTALK_ATHENA_RESULTS_BUCKET,
    )
    response = sts_client().assume_role(
        RoleArn=role_arn,
        RoleSessionName=f"tenant-{tenant_id}"[:64],
        Policy=json.dumps(policy, separators=(",", ":")),
        DurationSeconds=SESSION_SECONDS,
        Tags=[{"Key": TENANT_TAG, "Value": tenant_id}],
    )
    credentials = response["Credentials"]
    expiration = credentials["Expiration"]
    return {
        "access_key": credentials["AccessKeyId"],
        "secret_key": credentials["SecretAccessKey"],
        "token": credentials["SessionToken"],
        "expiry_time": expiration.isoformat() if isinstance(expiration, datetime) else str(expiration),
    }


_cache: dict[tuple[str, str, str], botocore.credentials.RefreshableCredentials] = {}
_cache_lock = threading.Lock()


def tenant_credentials(*, tenant_id: str, table_name: str) -> botocore.credentials.RefreshableCredentials:
    """The tenant's scoped credentials: one AssumeRole per tenant, renewed by botocore before expiry."""
    key = (settings.SALESTALK_TENANT_ROLE_ARN or "", tenant_id, table_name)
    with _cache_lock:
        credentials = _cache.get(key)
        if credentials is None:
            credentials = botocore.credentials.RefreshableCredentials.create_from_metadata(
                metadata=_assume(tenant_id=tenant_id, table_name=table_name),
                refresh_using=lambda: _assume(tenant_id=tenant_id, table_name=table_name),
                method="sts-assume-role",
            )
            _cache[key] = credentials
    return credentials


class _TenantCredentialProvider(botocore.credentials.CredentialProvider):
    METHOD = "salestalk-tenant"

    def __init__(self, credentials: botocore.credentials.RefreshableCredentials) -> None:
        super().__init__()
        self._credentials = credentials

    def load(self) -> botocore.credentials.RefreshableCredentials:
        return self._credentials


class TenantScopedConnection(Connection):
    """A PynamoDB connection that signs every call with one tenant's scoped credentials, never the role's own."""

    def __init__(self, *, tenant_id: str, table_name: str, **options: Any) -> None:
        super().__init__(**options)
        self._tenant_id = tenant_id
        self._table_name = table_name

    @property
    def session(self) -> botocore.session.Session:
        if getattr(self._local, "session", None) is None:
            self._local.session = tenant_session(tenant_id=self._tenant_id, table_name=self._table_name)
        return self._local.session


def tenant_session(*, tenant_id: str, table_name: str) -> botocore.session.Session:
    """A botocore session whose every client signs with the tenant's scoped credentials (Athena, Glue)."""
    session = botocore.session.get_session()
    credentials = tenant_credentials(tenant_id=tenant_id, table_name=table_name)
    session.register_component(
        "credential_provider", botocore.credentials.CredentialResolver([_TenantCredentialProvider(credentials)])
    )
    return session
