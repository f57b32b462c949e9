"""Binding PynamoDB models to tables at run time, one connection per table.

Models are declared abstract (no ``table_name``): used unbound they raise
``TenantScopeError``. ``bind`` returns a cached subclass whose ``Meta`` names
the tenant's table; nothing ever assigns ``Meta.table_name`` on a shared class,
so concurrent requests for different tenants cannot race.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, TypeVar

import botocore.config
import botocore.session
from botocore.exceptions import ClientError
from django.conf import settings
from pynamodb import constants
from pynamodb.attributes import UnicodeAttribute
from pynamodb.connection import TableConnection
from pynamodb.connection.base import MetaTable
from pynamodb.models import Model

from core.errors import TenantScopeError
from tenants.context import TenantContext
from tenants.credentials import TenantScopedConnection

M = TypeVar("M", bound=Model)


def registry_table_name() -> str:
    return f"{settings.SALESTALK_TABLE_PREFIX}tenants"


def tenant_table_name(tenant_id: str) -> str:
    return f"{settings.SALESTALK_TABLE_PREFIX}tenant-{tenant_id}"


class UnboundModel(Model):
    """Base of every SalesTalk model: no table until bound."""

    class Meta:
        pass

    @classmethod
    def _get_connection(cls) -> TableConnection:
        if not getattr(cls.Meta, "table_name", None):
            raise TenantScopeError(
                f"{cls.__name__} is not bound to a table; use tenants.storage.bind(model, tenant=...)."
            )
        return super()._get_connection()


class TenantItem(UnboundModel):
    """An item of a tenant's single table: generic ``pk``/``sk`` keys, typed by key prefix."""

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)


def _connection_options() -> dict[str, Any]:
    options: dict[str, Any] = {
        "region": settings.SALESTALK_AWS_REGION,
        "host": settings.SALESTALK_DYNAMODB_ENDPOINT,
        "connect_timeout_seconds": settings.SALESTALK_DYNAMODB_TIMEOUT_SECONDS,
        "read_timeout_seconds": settings.SALESTALK_DYNAMODB_TIMEOUT_SECONDS,
        "max_retry_attempts": settings.SALESTALK_DYNAMODB_MAX_RETRIES,
        "max_pool_connections": 20,
        "extra_headers": None,
        "aws_access_key_id": None,
        "aws_secret_access_key": None,
        "aws_session_token": None,
    }
    if settings.SALESTALK_DYNAMODB_ENDPOINT and not os.environ.get("AWS_ACCESS_KEY_ID"):
        # DynamoDB Local accepts any credentials but botocore insists on having some.
        options["aws_access_key_id"] = "local"
        options["aws_secret_access_key"] = "local"
    return options


_table_connections: dict[tuple[str, str | None, str | None, str | None], TableConnection] = {}
_table_connections_lock = threading.Lock()


def _meta_table(table_name: str, model: type[Model]) -> MetaTable:
    """The table's key schema, known from the model, so no DescribeTable call is needed."""
    schema = model._get_schema()
    return MetaTable(
        {
            constants.TABLE_NAME: table_name,
            constants.KEY_SCHEMA: schema["key_schema"],
            constants.ATTR_DEFINITIONS: schema["attribute_definitions"],
            constants.GLOBAL_SECONDARY_INDEXES: [
                {constants.INDEX_NAME: index["index_name"], constants.KEY_SCHEMA: index["key_schema"]}
                for index in schema["global_secondary_indexes"]
            ],
            constants.LOCAL_SECONDARY_INDEXES: [],
        }
    )


def _table_connection(
    table_name: str, model: type[Model], *, tenant_id: str | None, role_arn: str | None
) -> TableConnection:
    """One connection per table (and tenant), shared by every model bound to it (they share its key schema).

    With a tenant role (aws profile), a tenant's connection signs with that tenant's scoped
    credentials; the tenant is part of the key so credentials never serve another tenant.
    """
    key = (table_name, settings.SALESTALK_DYNAMODB_ENDPOINT, tenant_id, role_arn)
    with _table_connections_lock:
        connection = _table_connections.get(key)
        if connection is None:
            options = _connection_options()
            meta_table = _meta_table(table_name, model)
            connection = TableConnection(table_name, meta_table=meta_table, **options)
            if tenant_id is not None and role_arn:
                unsigned = {k: v for k, v in options.items() if not k.startswith("aws_")}
                connection.connection = TenantScopedConnection(tenant_id=tenant_id, table_name=table_name, **unsigned)
                connection.connection.add_meta_table(meta_table)
            _table_connections[key] = connection
    return connection


@lru_cache(maxsize=4096)
def _bound(
    model: type[M], table_name: str, endpoint: str | None, tenant_id: str | None, role_arn: str | None
) -> type[M]:
    options = _connection_options()
    meta = type("Meta", (), {"table_name": table_name, **options})
    bound = type(f"{model.__name__}@{table_name}", (model,), {"Meta": meta, "__module__": model.__module__})
    bound._connection = _table_connection(table_name, bound, tenant_id=tenant_id, role_arn=role_arn)
    return bound


def bind_table(model: type[M], *, table_name: str) -> type[M]:
    """``model`` bound to a global table (registry, indexes), with the function's own credentials."""
    return _bound(model, table_name, settings.SALESTALK_DYNAMODB_ENDPOINT, None, None)


def bind(model: type[M], *, tenant: TenantContext | None) -> type[M]:
    """``model`` bound to ``tenant``'s table. No tenant, no table: raises."""
    if tenant is None:
        raise TenantScopeError(f"{model.__name__} needs a tenant context.")
    role_arn = settings.SALESTALK_TENANT_ROLE_ARN
    tenant_id = tenant.tenant_id if role_arn else None
    return _bound(model, tenant.table_name, settings.SALESTALK_DYNAMODB_ENDPOINT, tenant_id, role_arn)


def bound_connection(*, model: type[Model]) -> TableConnection:
    """The table connection of ``model`` as ``bind`` returned it, for the calls PynamoDB's model API lacks
    (BatchGetItem of several item types, TransactWrite); an unbound model raises ``TenantScopeError``."""
    return model._get_connection()  # PynamoDB's own accessor, private: read here only


@lru_cache(maxsize=8)
def _client(endpoint: str | None, region: str, timeout: float, retries: int) -> Any:
    options = _connection_options()
    config = botocore.config.Config(
        connect_timeout=timeout,
        read_timeout=timeout,
        retries={"max_attempts": retries, "mode": "standard"},
    )
    return botocore.session.get_session().create_client(
        "dynamodb",
        region_name=region,
        endpoint_url=endpoint,
        aws_access_key_id=options["aws_access_key_id"],
        aws_secret_access_key=options["aws_secret_access_key"],
        config=config,
    )


def dynamodb_client() -> Any:
    """A low-level client for table management and transactions."""
    return _client(
        settings.SALESTALK_DYNAMODB_ENDPOINT,
        settings.SALESTALK_AWS_REGION,
        settings.SALESTALK_DYNAMODB_TIMEOUT_SECONDS,
        settings.SALESTALK_DYNAMODB_MAX_RETRIES,
    )


def ensure_table(
    *, name: str, keys: Sequence[str], ttl_attribute: str | None = None, tags: Mapping[str, str] | None = None
) -> None:
    """Create the on-demand table ``name`` where it is missing (string keys: hash, then range), wait
    until it is ACTIVE and switch its TTL on. Idempotent and safe to race: another creator's table is
    simply waited for."""
    client = dynamodb_client()
    try:
        client.describe_table(TableName=name)
    except ClientError as exc:
        if exc.response["Error"]["Code"] != "ResourceNotFoundException":
            raise
        try:
            client.create_table(
                TableName=name,
                KeySchema=[
                    {"AttributeName": key, "KeyType": kind}
                    for key, kind in zip(keys, ("HASH", "RANGE")[: len(keys)], strict=True)
                ],
                AttributeDefinitions=[{"AttributeName": key, "AttributeType": "S"} for key in keys],
                BillingMode="PAY_PER_REQUEST",
                **({"Tags": [{"Key": k, "Value": v} for k, v in tags.items()]} if tags else {}),
            )
        except ClientError as exc:
            if exc.response["Error"]["Code"] != "ResourceInUseException":
                raise
    client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 0.2, "MaxAttempts": 600})
    if ttl_attribute is None:
        return
    ttl = client.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
    if ttl.get("TimeToLiveStatus") not in ("ENABLED", "ENABLING"):
        client.update_time_to_live(
            TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": ttl_attribute}
        )
