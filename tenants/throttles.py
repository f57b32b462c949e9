"""DRF throttles over the shared counter store, and the sign-in lockout.

Rates are settings (``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``, from ``SALESTALK_*_RATE_*``);
a refusal is a 429 with ``Retry-After``. The Terraform stage throttle stays the outer bound.
"""
from __future__ import annotations

from django.conf import settings
from rest_framework.exceptions import Throttled
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle
from rest_framework.views import APIView

from tenants.context import TenantContext
from tenants.throttle_store import counter_store


class SharedRateThrottle(BaseThrottle):
    """A fixed-window rate per key, counted in the store every instance shares."""

    scope: str

    def key(self, request: Request, view: APIView) -> str | None:
        raise NotImplementedError

    def allow_request(self, request: Request, view: APIView) -> bool:
        key = self.key(request, view)
        if key is None:
            return True
        limit, window = SimpleRateThrottle.parse_rate(None, api_settings.DEFAULT_THROTTLE_RATES[self.scope])
        seen = counter_store().hit(f"{self.scope}:{key}", window=window)
        self._retry_after = seen.retry_after
        return seen.count <= limit

    def wait(self) -> float:
        return self._retry_after


class SignInIPThrottle(SharedRateThrottle):
    """Sign-in attempts per client address (``SALESTALK_NUM_PROXIES`` says which address is the client's)."""

    scope = "sign_in_ip"

    def key(self, request: Request, view: APIView) -> str | None:
        return self.get_ident(request)


def _over_ask_rate(tenant: TenantContext) -> int | None:
    """Count one question per person, then (only if the person may ask) per tenant: one person's flood
    never uses up their colleagues' share. Seconds to wait when over a rate, else None."""
    person = f"{tenant.tenant_id}:{tenant.user_id or tenant.email}"
    for scope, ident in (("ask_user", person), ("ask_tenant", tenant.tenant_id)):
        limit, window = SimpleRateThrottle.parse_rate(None, api_settings.DEFAULT_THROTTLE_RATES[scope])
        seen = counter_store().hit(f"{scope}:{ident}", window=window)
        if seen.count > limit:
            return seen.retry_after
    return None


class AskThrottle(BaseThrottle):
    """Questions (POST) per person and per tenant; reading is not throttled here."""

    def allow_request(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS or not isinstance(request.auth, TenantContext):
            return True
        self._retry_after = _over_ask_rate(request.auth)
        return self._retry_after is None

    def wait(self) -> float | None:
        return self._retry_after


ASK_THROTTLES = [AskThrottle]


def check_ask_allowed(*, tenant: TenantContext) -> None:
    """The ask throttles for surfaces outside DRF (WebSockets): ``Throttled`` (429) when over a rate."""
    retry_after = _over_ask_rate(tenant)
    if retry_after is not None:
        raise Throttled(wait=retry_after)


def _failures_key(email: str) -> str:
    return f"sign_in_failures:{email}"


def check_not_locked_out(*, email: str) -> None:
    """429 while the account has had too many wrong passwords in the current lockout window."""
    window = counter_store().peek(_failures_key(email), window=settings.SALESTALK_SIGN_IN_LOCKOUT_SECONDS)
    if window.count >= settings.SALESTALK_SIGN_IN_MAX_FAILURES:
        raise Throttled(
            wait=window.retry_after,
            detail=f"Too many wrong passwords for this account; try again in {window.retry_after} seconds.",
        )


def record_sign_in_failure(*, email: str) -> None:
    counter_store().hit(_failures_key(email), window=settings.SALESTALK_SIGN_IN_LOCKOUT_SECONDS)


def clear_sign_in_failures(*, email: str) -> None:
    counter_store().clear(_failures_key(email), window=settings.SALESTALK_SIGN_IN_LOCKOUT_SECONDS)
