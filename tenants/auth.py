"""DRF authentication: a Bearer JWT becomes a frozen TenantContext checked against the registry."""
from __future__ import annotations

from dataclasses import dataclass

from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

from tenants.context import TenantContext
from tenants.errors import TenantError
from tenants.identity import context_for_claims
from tenants.tokens import InvalidToken, decode_token


@dataclass(frozen=True)
class TenantPrincipal:
    """``request.user`` for token requests: who is asking, within which tenant."""

    email: str | None
    user_id: str | None
    tenant_id: str
    is_staff: bool = False

    is_authenticated = True
    is_anonymous = False


class TokenRefused(exceptions.AuthenticationFailed):
    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message, code=code)


# A JWT is ASCII (base64url parts and dots); far longer than any token we or Cognito issue is no token.
MAX_TOKEN_CHARS = 8192


def context_from_token(token: str, *, kind: str = "access") -> TenantContext:
    """Validate a token, then check that its tenant (active, same generation) and user still stand.

    Every surface (the API's header, the WebSocket's ``$connect``, refresh) comes through here, so a
    token's shape is checked once, before any decoding."""
    if not isinstance(token, str) or not token.isascii() or len(token) > MAX_TOKEN_CHARS:
        raise TokenRefused("The token is malformed.", code="token_malformed")
    try:
        claims = decode_token(token, kind=kind)
    except InvalidToken as exc:
        raise TokenRefused(str(exc), code=exc.code) from exc
    try:
        return context_for_claims(claims)
    except TenantError as exc:
        raise TokenRefused(f"The token no longer grants access: {exc}", code=exc.code) from exc


class TenantJWTAuthentication(BaseAuthentication):
    keyword = b"bearer"

    def authenticate(self, request: Request) -> tuple[TenantPrincipal, TenantContext] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2:
            raise TokenRefused("Send the header as 'Authorization: Bearer <token>'.", code="token_malformed")
        try:
            token = parts[1].decode("ascii")
        except UnicodeDecodeError as exc:
            raise TokenRefused("The token is malformed.", code="token_malformed") from exc
        tenant = context_from_token(token)
        principal = TenantPrincipal(email=tenant.email, user_id=tenant.user_id, tenant_id=tenant.tenant_id)
        return principal, tenant

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="salestalk"'
