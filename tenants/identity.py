"""Whether a validly signed token, or a context made from one, still stands.

A token names a tenant *generation* (so a deleted tenant's tokens can never read a later
tenant) and, for a local user, that user's *token version* (so a password change, a disabled
account or "sign out everywhere" ends every token at once). Both are checked on every request,
every refresh and, through ``recheck``, on every WebSocket ask.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from typing import Any

from tenants.context import TenantContext
from tenants.errors import TenantDisabled, TenantNotFound, TenantUnavailable, TokenRevoked
from tenants.models import TenantRegistryItem
from tenants.selectors import (
    context_of,
    get_active_tenant,
    get_membership,
    is_local_user_id,
)
from tenants.tokens import GENERATION_CLAIM, VERSION_CLAIM, tenant_of

logger = logging.getLogger(__name__)


def _active(tenant_id: str | None) -> TenantRegistryItem:
    """The tenant's record; ``TenantUnavailable`` for a disabled, deleted or unknown one (which, only the log says)."""
    try:
        return get_active_tenant(tenant_id=tenant_id)
    except (TenantNotFound, TenantDisabled) as exc:
        logger.info("tenant unavailable: %s", exc)
        raise TenantUnavailable from exc


def context_for_claims(claims: dict[str, Any]) -> TenantContext:
    """The context validated claims grant; ``TenantError`` (incl. ``TokenRevoked``) when they no longer stand."""
    record = _active(tenant_of(claims))
    if GENERATION_CLAIM in claims:
        if claims[GENERATION_CLAIM] != record.current_generation:
            raise TokenRevoked("The token was issued for an earlier tenant of that id.")
    elif claims["iat"] < int(datetime.fromisoformat(record.created_at).timestamp()):  # iat has whole seconds
        # Cognito tokens carry no generation: one issued before the tenant existed is not for it.
        raise TokenRevoked("The token was issued before its tenant existed.")
    tenant = context_of(record, email=claims.get("email"), user_id=claims.get("sub"), claims=claims)
    tenant = replace(tenant, token_version=claims.get(VERSION_CLAIM))
    _check_user(tenant)
    return tenant


def recheck(*, tenant: TenantContext) -> TenantContext:
    """Re-validate a context held across requests: the tenant is still active and of the same
    generation, the user still active, a member, and of the same token version. Returns the context
    unchanged, or raises ``TenantError`` (an ``AppError``: ``TokenRevoked``, ``TenantUnavailable``).
    Synchronous (DynamoDB and Django's database): wrap it in ``database_sync_to_async`` from async code."""
    current = context_of(_active(tenant.tenant_id))
    if tenant.generation is not None and tenant.generation != current.generation:
        raise TokenRevoked("The tenant was replaced.")
    _check_user(tenant)
    return tenant


def _check_user(tenant: TenantContext) -> None:
    """Local users only: Cognito subjects and operator tokens (by email) name no local user."""
    if not is_local_user_id(tenant.user_id):
        return
    membership = get_membership(user_id=tenant.user_id)
    if membership is None or not membership.user.is_active or membership.tenant_id != tenant.tenant_id:
        raise TokenRevoked("The token's user is no longer an active member of this tenant.")
    if tenant.token_version is not None and tenant.token_version != membership.token_version:
        raise TokenRevoked("The token was revoked: signed out everywhere, or the password changed.")
