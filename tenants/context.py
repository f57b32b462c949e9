"""Who is asking: the tenant scope every tenant read and write needs."""
from __future__ import annotations

import contextvars
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


class TenantScopeError(RuntimeError):
    """Tenant data was reached without a tenant context. Fail closed: never fall back to "all"."""


@dataclass(frozen=True)
class TenantContext:
    tenant_id: str
    table_name: str
    email: str | None = None
    user_id: str | None = None
    currency: str = "USD"
    time_zone: str = "UTC"
    claims: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        if not self.tenant_id or not self.table_name:
            raise TenantScopeError("A tenant context needs a tenant id and its table name.")
        object.__setattr__(self, "claims", MappingProxyType(dict(self.claims)))


_current: contextvars.ContextVar[TenantContext | None] = contextvars.ContextVar("salestalk_tenant", default=None)


def current_tenant() -> TenantContext:
    """The tenant of the running request; raises outside one."""
    tenant = _current.get()
    if tenant is None:
        raise TenantScopeError("No tenant context is set for this request.")
    return tenant


def current_tenant_id_or_none() -> str | None:
    """For log lines only: which tenant the current work belongs to, if any."""
    tenant = _current.get()
    return tenant.tenant_id if tenant else None


@contextmanager
def tenant_scope(tenant: TenantContext) -> Iterator[TenantContext]:
    token = _current.set(tenant)
    try:
        yield tenant
    finally:
        _current.reset(token)
