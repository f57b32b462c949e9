"""Reads of the tenant registry."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tenants.context import TenantContext
from tenants.errors import TenantDisabled, TenantNotFound
from tenants.models import TenantRecord, TenantStatus, registry


def get_tenant(*, tenant_id: str) -> TenantRecord:
    Registry = registry()
    try:
        return Registry.get(tenant_id)
    except Registry.DoesNotExist as exc:
        raise TenantNotFound(f"Unknown tenant {tenant_id!r}.") from exc


def list_tenants() -> list[TenantRecord]:
    return sorted(registry().scan(), key=lambda record: record.tenantId)


def get_tenant_context(
    *,
    tenant_id: str,
    email: str | None = None,
    user_id: str | None = None,
    claims: Mapping[str, Any] | None = None,
) -> TenantContext:
    """The scope for an active tenant; unknown, provisioning, disabled and deleted tenants are refused."""
    if not isinstance(tenant_id, str) or not tenant_id:
        raise TenantNotFound("No tenant given.")
    record = get_tenant(tenant_id=tenant_id)
    if record.status == TenantStatus.DELETED:
        raise TenantNotFound(f"Unknown tenant {tenant_id!r}.")
    if record.status != TenantStatus.ACTIVE:
        raise TenantDisabled(f"Tenant {tenant_id!r} is {record.status}.")
    return TenantContext(
        tenant_id=record.tenantId,
        table_name=record.tableName,
        email=email,
        user_id=user_id,
        currency=record.currency,
        time_zone=record.timeZone,
        claims=claims or {},
    )
