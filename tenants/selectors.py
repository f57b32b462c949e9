"""Reads of the tenant registry."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pynamodb.exceptions import PynamoDBException

from tenants.context import TenantContext
from tenants.errors import TenantDisabled, TenantNotFound
from tenants.models import Membership, TenantRegistryItem, TenantStatus, registry


def _no_registry(exc: PynamoDBException) -> bool:
    # Before the first onboarding there is no registry table, hence no tenants.
    return exc.cause_response_code == "ResourceNotFoundException"


def get_tenant(*, tenant_id: str) -> TenantRegistryItem:
    Registry = registry()
    try:
        return Registry.get(tenant_id)
    except Registry.DoesNotExist as exc:
        raise TenantNotFound(f"Unknown tenant {tenant_id!r}.") from exc
    except PynamoDBException as exc:
        if _no_registry(exc):
            raise TenantNotFound(f"Unknown tenant {tenant_id!r}.") from exc
        raise


def list_tenants() -> list[TenantRegistryItem]:
    try:
        return sorted(registry().scan(), key=lambda record: record.tenant_id)
    except PynamoDBException as exc:
        if _no_registry(exc):
            return []
        raise


def get_active_tenant(*, tenant_id: str) -> TenantRegistryItem:
    """An active tenant's record; unknown, provisioning, disabled and deleted tenants are refused."""
    if not isinstance(tenant_id, str) or not tenant_id:
        raise TenantNotFound("No tenant given.")
    record = get_tenant(tenant_id=tenant_id)
    if record.status == TenantStatus.DELETED:
        raise TenantNotFound(f"Unknown tenant {tenant_id!r}.")
    if record.status != TenantStatus.ACTIVE:
        raise TenantDisabled(f"Tenant {tenant_id!r} is {record.status}.")
    return record


def get_tenant_context(
    *,
    tenant_id: str,
    email: str | None = None,
    user_id: str | None = None,
    claims: Mapping[str, Any] | None = None,
) -> TenantContext:
    """The scope for an active tenant (see ``get_active_tenant``)."""
    return context_of(get_active_tenant(tenant_id=tenant_id), email=email, user_id=user_id, claims=claims)


def context_of(
    record: TenantRegistryItem,
    *,
    email: str | None = None,
    user_id: str | None = None,
    claims: Mapping[str, Any] | None = None,
) -> TenantContext:
    return TenantContext(
        tenant_id=record.tenant_id,
        table_name=record.table_name,
        email=email,
        user_id=user_id,
        currency=record.currency,
        time_zone=record.time_zone,
        name=record.name or "",
        claims=claims or {},
        generation=record.current_generation,
    )


def is_local_user_id(subject: object) -> bool:
    """Local sign-in users are subjects of their Django primary key; anything else names no local user."""
    return isinstance(subject, str) and subject.isascii() and subject.isdigit() and len(subject) <= 18


def get_membership(*, user_id: str) -> Membership | None:
    """The local user's membership with its user, or None for a subject that names no local user."""
    if not is_local_user_id(user_id):
        return None
    return Membership.objects.select_related("user").filter(user_id=int(user_id)).first()


def get_token_version(*, user_id: str) -> int:
    membership = get_membership(user_id=user_id)
    return membership.token_version if membership else 0
