"""Who is asking: the tenant scope every tenant read and write needs."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from core.errors import TenantScopeError


@dataclass(frozen=True)
class TenantContext:
    tenant_id: str
    table_name: str
    email: str | None = None
    user_id: str | None = None
    currency: str = "USD"
    time_zone: str = "UTC"
    name: str = ""  # the tenant's own name, which a question may say for the whole business
    claims: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    # The tenant's generation when the context was made, and the user's token version its token
    # carried: tenants.identity.recheck holds a long-lived context (a WebSocket) to both.
    generation: str | None = None
    token_version: int | None = None

    def __post_init__(self) -> None:
        if not self.tenant_id or not self.table_name:
            raise TenantScopeError("A tenant context needs a tenant id and its table name.")
        object.__setattr__(self, "claims", MappingProxyType(dict(self.claims)))
