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


def session_policy(*, tenant_id: str, table_name: str, registry_table: str, role_arn: str, region: str) -> dict:
    """The session policy: this tenant's table (and its indexes), and this tenant's registry item, nothing else."""
    if not tenant_id or not table_name:
        raise TenantScopeError("A scoped session needs a tenant and its table.")
    partition, account = _arn_parts(role_arn)
    table_arn = f"arn:{partition}:dynamodb:{region}:{account}:table/{table_name}"
    registry_arn = f"arn:{partition}:dynamodb:{region}:{account}:table/{registry_table}"
    return {
        "Version": "2012-10-17",
        "Statement": [
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
        ],
    }


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
            session = botocore.session.get_session()
            credentials = tenant_credentials(tenant_id=self._tenant_id, table_name=self._table_name)
            session.register_component(
                "credential_provider",
                botocore.credentials.CredentialResolver([_TenantCredentialProvider(credentials)]),
            )
            self._local.session = session
        return self._local.session
