"""DRF throttles over the shared counter store, and the sign-in lockout (per account and address, with a back-off).

Rates are settings (``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``, from ``SALESTALK_*_RATE_*``);
a refusal is a 429 with ``Retry-After``. The Terraform stage throttle stays the outer bound.
"""
from __future__ import annotations

from typing import Any

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


class WriteThrottle(SharedRateThrottle):
    """Writes (every method but GET, HEAD, OPTIONS) per person, on every tenant endpoint: creating
    conversations, insights, comments, links, uploads or tickets costs storage and work no reading does.
    A profile that sets no ``write_user`` rate (a test's own rates) does not throttle writes."""

    scope = "write_user"

    def allow_request(self, request: Request, view: APIView) -> bool:
        if self.scope not in api_settings.DEFAULT_THROTTLE_RATES:
            return True
        return super().allow_request(request, view)

    def key(self, request: Request, view: APIView) -> str | None:
        if request.method in SAFE_METHODS or not isinstance(request.auth, TenantContext):
            return None
        return f"{request.auth.tenant_id}:{request.auth.user_id or request.auth.email}"


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


ASK_THROTTLES = [WriteThrottle, AskThrottle]  # a question is a write too


def check_ask_allowed(*, tenant: TenantContext) -> None:
    """The ask throttles for surfaces outside DRF (WebSockets): ``Throttled`` (429) when over a rate."""
    retry_after = _over_ask_rate(tenant)
    if retry_after is not None:
        raise Throttled(wait=retry_after)


# Sign-in lockout (OWASP Authentication Cheat Sheet): a lockout by account alone lets anyone lock a person
# out by failing with their address, so the lock is per account *and* client address. Across addresses an
# account under attack slows down instead: past SALESTALK_SIGN_IN_ACCOUNT_FREE_FAILURES failures, the
# addresses that have already failed for it share one attempt per SALESTALK_SIGN_IN_BACKOFF_SECONDS. An
# address's first attempt at an account is never held back: from anywhere else, the right password signs in.
def client_address(request: Any) -> str:
    """The client's address as the throttles see it (``NUM_PROXIES`` says which forwarded one is real)."""
    return BaseThrottle().get_ident(request)


def _pair_key(email: str, address: str) -> str:
    return f"sign_in_failures:{email}:{address}"


def _account_key(email: str) -> str:
    return f"sign_in_account_failures:{email}"


class SignInHeldBack(Throttled):
    """A sign-in refusal whose message says itself when to retry: DRF's ``Throttled(wait=…)`` would say it again."""

    def __init__(self, *, wait: int, detail: str) -> None:
        super().__init__(detail=detail)
        self.wait = wait  # the Retry-After header


def check_sign_in_allowed(*, email: str, address: str) -> None:
    """429 (``Throttled``) while this address is locked out of this account, or must wait for the back-off."""
    store, window = counter_store(), settings.SALESTALK_SIGN_IN_LOCKOUT_SECONDS
    pair = store.peek(_pair_key(email, address), window=window)
    if pair.count >= settings.SALESTALK_SIGN_IN_MAX_FAILURES:
        raise SignInHeldBack(
            wait=pair.retry_after,
            detail=f"Too many wrong passwords for this account from your address; try again in "
                   f"{pair.retry_after} seconds.",
        )
    if pair.count == 0:
        return
    if store.peek(_account_key(email), window=window).count < settings.SALESTALK_SIGN_IN_ACCOUNT_FREE_FAILURES:
        return
    slot = store.hit(f"sign_in_backoff:{email}", window=settings.SALESTALK_SIGN_IN_BACKOFF_SECONDS)
    if slot.count > 1:
        raise SignInHeldBack(
            wait=slot.retry_after,
            detail=f"This account has had many wrong passwords; try again in {slot.retry_after} seconds.",
        )


def record_sign_in_failure(*, email: str, address: str) -> None:
    window = settings.SALESTALK_SIGN_IN_LOCKOUT_SECONDS
    counter_store().hit(_pair_key(email, address), window=window)
    counter_store().hit(_account_key(email), window=window)


def clear_sign_in_failures(*, email: str, address: str) -> None:
    """A right password ends its address's failures; the account's count stays, as the attack it measures may not."""
    counter_store().clear(_pair_key(email, address), window=settings.SALESTALK_SIGN_IN_LOCKOUT_SECONDS)
