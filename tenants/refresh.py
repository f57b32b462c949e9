"""Refresh-token rotation (OAuth 2.0 Security BCP): every refresh answers a new refresh token and spends the
one presented, so a stolen refresh token is good for one use at most, and that use gives the theft away.

A spent token's id (``jti``) is written to its tenant's table with a condition, so of two uses of one token,
however concurrent, exactly one succeeds. A spent token presented again is taken as stolen: every token of
its user ends (the token-version bump of "sign out everywhere"), the new pair included, whichever of the
two holders had it.
"""
from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass

from pynamodb.exceptions import PutError

from core.request_logging import bind_log_context
from tenants.auth import TokenRefused, context_from_token
from tenants.context import TenantContext
from tenants.models import SPENT_REFRESH_SK, SpentRefreshTokenItem, spent_refresh_pk
from tenants.services import revoke_tokens
from tenants.storage import bind
from tenants.tokens import CLOCK_SKEW_SECONDS, issue_token

logger = logging.getLogger(__name__)

REUSED = "This refresh token was already used, so every session of its person was signed out. Please sign in again."


@dataclass(frozen=True)
class RotatedTokens:
    access: str
    refresh: str


def rotate_refresh_token(*, token: str) -> RotatedTokens:
    """A new access and refresh token for a standing, unspent refresh token, which is spent by this call.

    The new refresh token expires when the spent one would have: rotation never lengthens a sign-in.
    Raises ``TokenRefused`` (401): the token's own refusals, or ``refresh_token_reused`` after revoking.
    """
    tenant = context_from_token(token, kind="refresh")
    expires_at = int(tenant.claims["exp"])
    _spend(tenant=tenant, token_id=str(tenant.claims["jti"]), expires_at=expires_at)
    bound = {"tenant_id": tenant.tenant_id, "email": tenant.email or "", "user_id": tenant.user_id,
             "generation": tenant.generation, "token_version": tenant.token_version}
    return RotatedTokens(
        access=issue_token(**bound),
        refresh=issue_token(**bound, kind="refresh", ttl=max(0, expires_at - int(time.time()))),
    )


def _spend(*, tenant: TenantContext, token_id: str, expires_at: int) -> None:
    user_id = str(tenant.user_id)  # a refresh token always names a local user (tenants.tokens refuses others)
    Spent = bind(SpentRefreshTokenItem, tenant=tenant)
    use = uuid.uuid4().hex
    # Kept a little past the token's expiry, so an instance whose clock runs behind still finds it.
    item = Spent(spent_refresh_pk(token_id), SPENT_REFRESH_SK, user_id=user_id, use=use,
                 expires_at=expires_at + CLOCK_SKEW_SECONDS)
    try:
        item.save(condition=Spent.pk.does_not_exist())
    except PutError as exc:
        if exc.cause_response_code != "ConditionalCheckFailedException":
            raise
        if _spent_by(Spent, token_id=token_id) == use:
            return  # our own write, whose answer was lost and which botocore retried: no second use
        revoke_tokens(user_id=int(user_id))
        bind_log_context(tenantId=tenant.tenant_id)
        logger.warning("refresh token reused: every token of user %s revoked", user_id)
        raise TokenRefused(REUSED, code="refresh_token_reused") from exc


def _spent_by(Spent: type[SpentRefreshTokenItem], *, token_id: str) -> str | None:
    try:
        return Spent.get(spent_refresh_pk(token_id), SPENT_REFRESH_SK, consistent_read=True).use
    except Spent.DoesNotExist:
        return None
