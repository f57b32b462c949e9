"""Sign-in on the Django pages with Cognito's Hosted UI (the ``aws`` profile): OAuth 2 authorization code + PKCE.

``/auth/cognito/login`` keeps a fresh ``state``, ``nonce`` and PKCE verifier in the session and sends the
browser to Cognito; ``/auth/cognito/callback`` checks the state, trades the code (with the verifier) for
tokens at Cognito's token endpoint, validates the ID token exactly as the API validates Cognito tokens
(``tenants.tokens.decode_token``: JWKS signature, issuer, client, lifetime, tenant claim) plus its nonce,
and opens a Django session for the person, whose membership follows the token's tenant. The page then
asks ``/app/token`` for the session's ID token (refreshed at Cognito when it runs out) to call the API.
Signing out ends the Django session, then Cognito's (``/logout``), so the next sign-in asks again.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
import time
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from tenants.errors import TenantError
from tenants.models import Membership
from tenants.selectors import get_tenant_context
from tenants.tokens import InvalidToken, decode_token, tenant_of

logger = logging.getLogger(__name__)

FLOW_KEY = "cognito_flow"
TOKENS_KEY = "cognito_tokens"
SCOPES = "openid email"
TOKEN_TIMEOUT_SECONDS = 5.0
# Refresh the page's ID token this long before it expires, so a request never leaves with a dying one.
REFRESH_MARGIN_SECONDS = 60


class SignInFailed(Exception):
    """The Hosted UI round trip did not end in a valid, known person. Its message is shown to the person."""


# One answer for every token that fails a check: which check failed (the JWT library's words) is logged only.
UNVERIFIED = "This sign-in could not be verified; start again."


def _refusal(message: str, *, reason: object) -> SignInFailed:
    logger.warning("hosted ui sign-in refused: %s", reason)
    return SignInFailed(message)


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def pkce_challenge(verifier: str) -> str:
    return _b64url(hashlib.sha256(verifier.encode("ascii")).digest())


def _domain() -> str:
    domain = settings.SALESTALK_COGNITO_DOMAIN
    if not domain or not settings.SALESTALK_COGNITO_CLIENT_ID:
        raise SignInFailed("Cognito sign-in is not configured.")
    return domain.rstrip("/")


def _callback_url(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("cognito:callback"))


def _token_request(form: dict[str, str]) -> dict[str, Any]:
    """POST to Cognito's token endpoint (a public client: PKCE instead of a client secret)."""
    import httpx  # only a sign-in through Cognito needs it: kept out of a cold start

    try:
        response = httpx.post(
            f"{_domain()}/oauth2/token",
            data={**form, "client_id": settings.SALESTALK_COGNITO_CLIENT_ID},
            headers={"Accept": "application/json"},
            timeout=TOKEN_TIMEOUT_SECONDS,
        )
    except httpx.HTTPError as exc:
        raise _refusal("Cognito could not be reached; try again.", reason=repr(exc)) from exc
    if response.status_code != 200:
        raise SignInFailed("Cognito refused the sign-in; start again.")
    try:
        body = response.json()
    except ValueError as exc:
        raise SignInFailed("Cognito's answer was not understood.") from exc
    if not isinstance(body, dict) or not isinstance(body.get("id_token"), str):
        raise SignInFailed("Cognito's answer carried no ID token.")
    return body


def validated_id_token(id_token: str, *, nonce: str | None) -> dict[str, Any]:
    try:
        claims = decode_token(id_token)
    except InvalidToken as exc:
        raise _refusal(UNVERIFIED, reason=exc) from exc
    if claims.get("token_use") != "id":
        raise _refusal(UNVERIFIED, reason="not an ID token")
    if nonce is not None and not hmac.compare_digest(str(claims.get("nonce", "")), nonce):
        raise _refusal(UNVERIFIED, reason="the nonce is not this sign-in's")
    if not claims.get("email"):
        raise _refusal(UNVERIFIED, reason="no email claim")
    # The email names the Django user the session opens (and its staff rights): a person may set their own
    # Cognito email to anyone's, which stays unverified until its owner's inbox confirms it.
    verified = claims.get("email_verified")
    if verified is not True and verified != "true":  # `in (True, …)` would take 1 for True
        raise _refusal(UNVERIFIED, reason="the email is not verified")
    return claims


def _remember_tokens(request: HttpRequest, *, body: dict[str, Any], claims: dict[str, Any]) -> None:
    previous = request.session.get(TOKENS_KEY) or {}
    request.session[TOKENS_KEY] = {
        "id_token": body["id_token"],
        # A refresh answer carries no new refresh token: keep the one of the sign-in.
        "refresh_token": body.get("refresh_token") or previous.get("refresh_token"),
        "expires_at": int(claims["exp"]),
    }


@transaction.atomic
def _person_for(claims: dict[str, Any]) -> Any:
    """The Django user of a Cognito person (created on first sign-in); its membership follows the token."""
    email = claims["email"].strip().lower()
    user, created = get_user_model().objects.get_or_create(username=email, defaults={"email": email})
    if created:
        user.set_unusable_password()  # Cognito holds the password; no local sign-in for this person
        user.save(update_fields=["password"])
    Membership.objects.update_or_create(user=user, defaults={"tenant_id": tenant_of(claims)})
    return user


@require_GET
def sign_in(request: HttpRequest) -> HttpResponse:
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = settings.LOGIN_REDIRECT_URL
    try:
        domain = _domain()
    except SignInFailed as exc:
        return _refused(request, exc)
    flow = {
        "state": secrets.token_urlsafe(32),
        "nonce": secrets.token_urlsafe(32),
        "verifier": secrets.token_urlsafe(64),
        "next": next_url,
    }
    request.session[FLOW_KEY] = flow
    query = urlencode(
        {
            "response_type": "code",
            "client_id": settings.SALESTALK_COGNITO_CLIENT_ID,
            "redirect_uri": _callback_url(request),
            "scope": SCOPES,
            "state": flow["state"],
            "nonce": flow["nonce"],
            "code_challenge": pkce_challenge(flow["verifier"]),
            "code_challenge_method": "S256",
        }
    )
    return HttpResponseRedirect(f"{domain}/oauth2/authorize?{query}")


@require_GET
def callback(request: HttpRequest) -> HttpResponse:
    # One use only: a replayed or second callback finds no flow.
    flow = request.session.pop(FLOW_KEY, None)
    try:
        if not flow:
            raise SignInFailed("This sign-in has expired; start again.")
        if not hmac.compare_digest(request.GET.get("state", ""), flow["state"]):
            raise SignInFailed("The sign-in answer does not belong to this browser; start again.")
        if request.GET.get("error") or not request.GET.get("code"):
            raise SignInFailed("Cognito did not sign you in; start again.")
        body = _token_request(
            {
                "grant_type": "authorization_code",
                "code": request.GET["code"],
                "redirect_uri": _callback_url(request),
                "code_verifier": flow["verifier"],
            }
        )
        claims = validated_id_token(body["id_token"], nonce=flow["nonce"])
        try:
            get_tenant_context(tenant_id=tenant_of(claims), email=claims["email"])
        except TenantError as exc:
            raise _refusal("Your company's workspace is not available.", reason=repr(exc)) from exc
    except SignInFailed as exc:
        return _refused(request, exc)
    login(request, _person_for(claims), backend="django.contrib.auth.backends.ModelBackend")
    _remember_tokens(request, body=body, claims=claims)
    return HttpResponseRedirect(flow["next"])


@require_GET
def signed_out(request: HttpRequest) -> HttpResponse:
    """After Django's sign-out: end the Cognito session too, then come back to the sign-in."""
    try:
        domain = _domain()
    except SignInFailed as exc:
        return _refused(request, exc)
    query = urlencode(
        {
            "client_id": settings.SALESTALK_COGNITO_CLIENT_ID,
            "logout_uri": request.build_absolute_uri(reverse("cognito:login")),
        }
    )
    return HttpResponseRedirect(f"{domain}/logout?{query}")


def page_id_token(request: HttpRequest) -> str | None:
    """The signed-in page's Cognito ID token, refreshed at Cognito when it is about to expire.

    ``None`` for a session that did not come through the Hosted UI (local password sign-in).
    Raises ``SignInFailed`` when the token can no longer be refreshed (the person must sign in again).
    """
    tokens = request.session.get(TOKENS_KEY)
    if not tokens:
        return None
    if tokens["expires_at"] - REFRESH_MARGIN_SECONDS > time.time():
        return tokens["id_token"]
    if not tokens.get("refresh_token"):
        raise SignInFailed("Your sign-in has expired; sign in again.")
    body = _token_request({"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]})
    claims = validated_id_token(body["id_token"], nonce=None)
    if claims["email"].strip().lower() != request.user.get_username():
        raise SignInFailed("The refreshed sign-in belongs to someone else; sign in again.")
    _remember_tokens(request, body=body, claims=claims)
    return body["id_token"]


def _refused(request: HttpRequest, error: SignInFailed) -> HttpResponse:
    return render(request, "web/sign_in_failed.html", {"message": str(error)}, status=403)
