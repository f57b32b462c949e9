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


class TenantUnavailable(TenantError):
    """A token's or socket's tenant that is disabled, deleted or was never there, told apart to no one."""

    status_code = 401
    code = "tenant_unavailable"

    def __init__(self) -> None:
        super().__init__("The workspace is not available.")


class TokenRevoked(TenantError):
    """A validly signed token that no longer stands: its tenant was replaced, or its user revoked."""

    status_code = 401
    code = "token_revoked"


class UseHostedUI(TenantError):
    """The local password sign-in and refresh, asked where Cognito issues the tokens (the aws profile)."""

    status_code = 404
    code = "use_hosted_ui"

    def __init__(self) -> None:
        super().__init__(
            "This deployment signs in with Cognito's Hosted UI (/auth/cognito/login), which issues the tokens the "
            "API takes and refreshes them; no password or refresh token is checked here."
        )
