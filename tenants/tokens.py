"""JWTs: issuing local tokens (HS256) and validating local or Cognito (RS256 via JWKS) tokens.

Validation is pure: signature, lifetime and the shape of every claim are checked here, before
anything is looked up. Whether the tenant and the user still stand behind a valid token is
``tenants.identity``'s question. A refusal says which kind of check failed in fixed words of ours; the
JWT library's own text (it quotes claims and keys) goes to the log only.
"""
from __future__ import annotations

import logging
import time
import uuid
from functools import lru_cache
from typing import Any

import jwt
from django.conf import settings

from core.errors import StorageUnavailable
from tenants.errors import TenantError
from tenants.selectors import get_tenant, get_token_version, is_local_user_id
from tenants.services import validate_tenant_id

LOCAL_ALGORITHM = "HS256"
TENANT_CLAIMS = ("tenant_id", "custom:tenant_id")
GENERATION_CLAIM = "gen"
VERSION_CLAIM = "ver"
MAX_TOKEN_CHARS = 8192
MAX_CLAIM_CHARS = 320  # an email is at most 254 characters; subjects and generations are shorter
CLOCK_SKEW_SECONDS = 30
MAX_TOKEN_ID_CHARS = 64  # ours are 32 hex digits
COGNITO_TOKEN_USES = ("id", "access")

logger = logging.getLogger(__name__)

# The library's refusals, most specific first (an expired signature is also an invalid token): (kind, code, message).
LIBRARY_REFUSALS: tuple[tuple[type[jwt.PyJWTError], str, str], ...] = (
    (jwt.ExpiredSignatureError, "token_expired", "The token has expired."),
    (jwt.ImmatureSignatureError, "token_invalid", "The token is not valid yet."),
    (jwt.InvalidAudienceError, "token_invalid", "The token was issued for another audience."),
    (jwt.InvalidIssuerError, "token_invalid", "The token was issued by another issuer."),
    (jwt.MissingRequiredClaimError, "token_invalid", "The token lacks a required claim."),
    (jwt.InvalidIssuedAtError, "token_invalid", "The token's times are malformed."),
    (jwt.InvalidSignatureError, "token_invalid", "The token's signature does not verify."),
    (jwt.InvalidAlgorithmError, "token_invalid", "The token's signing algorithm is not accepted."),
    (jwt.DecodeError, "token_invalid", "The token is malformed."),
    (jwt.PyJWKClientError, "token_invalid", "The token's signing key could not be verified."),
    (jwt.PyJWTError, "token_invalid", "The token is not valid."),
)


class InvalidToken(Exception):
    def __init__(self, message: str, *, code: str = "token_invalid") -> None:
        super().__init__(message)
        self.code = code


def max_lifetime(kind: str) -> int:
    return settings.SALESTALK_ACCESS_TOKEN_TTL if kind == "access" else settings.SALESTALK_REFRESH_TOKEN_TTL


def issue_token(
    *,
    tenant_id: str,
    email: str,
    user_id: str | None = None,
    ttl: int | None = None,
    kind: str = "access",
    generation: str | None = None,
    token_version: int | None = None,
) -> str:
    """A local token bound to the tenant's generation and, for a local user, to their token version.

    Both are looked up when not given. ``ttl`` is capped at the kind's maximum lifetime.
    """
    now = int(time.time())
    lifetime = min(max_lifetime(kind) if ttl is None else ttl, max_lifetime(kind))
    if generation is None:
        generation = get_tenant(tenant_id=tenant_id).current_generation
    claims: dict[str, Any] = {
        "iss": settings.SALESTALK_JWT_ISSUER,
        "aud": settings.SALESTALK_JWT_AUDIENCE,
        "sub": user_id or email,
        "email": email,
        "tenant_id": tenant_id,
        GENERATION_CLAIM: generation,
        "token_use": kind,
        "iat": now,
        "exp": now + lifetime,
        "jti": uuid.uuid4().hex,
    }
    if is_local_user_id(user_id):
        claims[VERSION_CLAIM] = get_token_version(user_id=user_id) if token_version is None else token_version
    return jwt.encode(claims, settings.SALESTALK_JWT_SECRET, algorithm=LOCAL_ALGORITHM)


# A request waits at most this long for Cognito's keys (the library's default is 30 s).
JWKS_TIMEOUT_SECONDS = 5


@lru_cache(maxsize=4)
def _jwks_client(url: str) -> jwt.PyJWKClient:
    return jwt.PyJWKClient(url, cache_keys=True, lifespan=3600, timeout=JWKS_TIMEOUT_SECONDS)


def _decode_local(token: str, *, kind: str) -> dict[str, Any]:
    claims = jwt.decode(
        token,
        settings.SALESTALK_JWT_SECRET,
        algorithms=[LOCAL_ALGORITHM],
        audience=settings.SALESTALK_JWT_AUDIENCE,
        issuer=settings.SALESTALK_JWT_ISSUER,
        options={"require": ["exp", "iat", "iss", "aud", "sub", GENERATION_CLAIM]},
    )
    if claims.get("token_use") != kind:
        raise InvalidToken(f"An {kind} token is required.")
    _check_lifetime(claims, limit=max_lifetime(kind))
    generation = claims[GENERATION_CLAIM]
    if not isinstance(generation, str) or not 0 < len(generation) <= 64:
        raise InvalidToken("The token's generation claim is malformed.")
    if is_local_user_id(claims["sub"]):
        version = claims.get(VERSION_CLAIM)
        if type(version) is not int or version < 0:
            raise InvalidToken("A user's token must carry its token version.")
    elif kind == "refresh":
        raise InvalidToken("A refresh token must belong to a local user.")
    if kind == "refresh" and not _is_token_id(claims.get("jti")):
        # Rotation spends a refresh token by its id: one without an id could be used again and again.
        raise InvalidToken("A refresh token must carry its id.")
    return claims


def _is_token_id(value: object) -> bool:
    return isinstance(value, str) and value.isascii() and value.isalnum() and 0 < len(value) <= MAX_TOKEN_ID_CHARS


def _decode_cognito(token: str, *, kind: str) -> dict[str, Any]:
    client = settings.SALESTALK_COGNITO_CLIENT_ID
    if not settings.SALESTALK_COGNITO_JWKS_URL or not settings.SALESTALK_COGNITO_ISSUER or not client:
        # Without a client id any app of the user pool could call us: refuse rather than skip the check.
        raise InvalidToken("Cognito is not configured.", code="auth_misconfigured")
    if kind != "access":
        raise InvalidToken("Cognito tokens are refreshed at Cognito, not here.")
    try:
        key = _jwks_client(settings.SALESTALK_COGNITO_JWKS_URL).get_signing_key_from_jwt(token)
    except jwt.PyJWKClientConnectionError as exc:
        # Cognito out of reach says nothing about the token: a 503 to retry, like any store we depend on.
        raise StorageUnavailable("Cognito's signing keys could not be fetched.") from exc
    claims = jwt.decode(
        token,
        key.key,
        algorithms=["RS256"],
        issuer=settings.SALESTALK_COGNITO_ISSUER,
        options={"require": ["exp", "iat", "iss", "sub", "token_use"], "verify_aud": False},
    )
    use = claims.get("token_use")
    if use not in COGNITO_TOKEN_USES:
        raise InvalidToken("Only Cognito ID and access tokens are accepted.")
    # Cognito ID tokens carry the client id in "aud", access tokens in "client_id".
    if claims.get("aud" if use == "id" else "client_id") != client:
        raise InvalidToken("The token was issued for another client.")
    _check_lifetime(claims, limit=settings.SALESTALK_COGNITO_MAX_TOKEN_LIFETIME)
    return claims


def _check_lifetime(claims: dict[str, Any], *, limit: int) -> None:
    issued, expires = claims["iat"], claims["exp"]
    if not all(isinstance(value, int) and not isinstance(value, bool) for value in (issued, expires)):
        raise InvalidToken("The token's times are malformed.")
    if issued > time.time() + CLOCK_SKEW_SECONDS:
        raise InvalidToken("The token was issued in the future.")
    if expires - issued > limit:
        raise InvalidToken(f"The token claims to live longer than the {limit} seconds allowed.")


def _check_claim_shapes(claims: dict[str, Any]) -> None:
    for name in ("sub", "email"):
        value = claims.get(name)
        if value is not None and (not isinstance(value, str) or not 0 < len(value) <= MAX_CLAIM_CHARS):
            raise InvalidToken(f"The token's {name!r} claim is malformed.")
    if claims.get("sub") is None:
        raise InvalidToken("The token names no subject.")
    tenant_id = tenant_of(claims)
    if tenant_id is None:
        raise InvalidToken("The token carries no tenant.")
    try:
        validate_tenant_id(tenant_id)
    except TenantError as exc:
        raise InvalidToken("The token's tenant claim is not a tenant id.") from exc


def decode_token(token: str, *, kind: str = "access") -> dict[str, Any]:
    """Validated claims, or ``InvalidToken`` with a code a client can act on. Looks nothing up."""
    if not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS:
        raise InvalidToken("The token is malformed.")
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as exc:
        raise library_refusal(exc) from exc
    expected = "RS256" if settings.SALESTALK_AUTH_ISSUER == "cognito" else LOCAL_ALGORITHM
    if header.get("alg") != expected:
        raise InvalidToken(f"Tokens must be signed with {expected}.")
    try:
        claims = _decode_cognito(token, kind=kind) if expected == "RS256" else _decode_local(token, kind=kind)
    except jwt.PyJWTError as exc:
        raise library_refusal(exc) from exc
    _check_claim_shapes(claims)
    return claims


def library_refusal(exc: jwt.PyJWTError) -> InvalidToken:
    """The fixed refusal of the library's kind of error; its own words are logged."""
    code, message = next((code, message) for kind, code, message in LIBRARY_REFUSALS if isinstance(exc, kind))
    logger.info("token refused (%s): %s", type(exc).__name__, exc)
    return InvalidToken(message, code=code)


def tenant_of(claims: dict[str, Any]) -> str | None:
    for name in TENANT_CLAIMS:
        value = claims.get(name)
        if isinstance(value, str) and value:
            return value
    return None
