"""Tenant and identity errors; the API maps each to a 4xx with a clear JSON body."""
from core.errors import AppError


class TenantError(AppError):
    status_code = 400
    code = "tenant_error"


class InvalidTenantId(TenantError):
    code = "invalid_tenant_id"


class TenantExists(TenantError):
    status_code = 409
    code = "tenant_exists"


class TenantNotFound(TenantError):
    status_code = 404
    code = "tenant_not_found"


class TenantDisabled(TenantError):
    status_code = 403
    code = "tenant_disabled"


class TenantIdRetired(TenantError):
    status_code = 409
    code = "tenant_id_retired"


class TokenRevoked(TenantError):
    """A validly signed token that no longer stands: its tenant was replaced, or its user revoked."""

    status_code = 401
    code = "token_revoked"
