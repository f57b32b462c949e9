"""JWTs: issuing local tokens (HS256) and validating local or Cognito (RS256 via JWKS) tokens."""
from __future__ import annotations

import time
import uuid
from functools import lru_cache
from typing import Any

import jwt
from django.conf import settings

LOCAL_ALGORITHM = "HS256"
TENANT_CLAIMS = ("tenant_id", "custom:tenant_id")


class InvalidToken(Exception):
    def __init__(self, message: str, *, code: str = "token_invalid") -> None:
        super().__init__(message)
        self.code = code


def issue_token(
    *, tenant_id: str, email: str, user_id: str | None = None, ttl: int | None = None, kind: str = "access"
) -> str:
    now = int(time.time())
    if ttl is None:
        ttl = settings.SALESTALK_ACCESS_TOKEN_TTL if kind == "access" else settings.SALESTALK_REFRESH_TOKEN_TTL
    claims = {
        "iss": settings.SALESTALK_JWT_ISSUER,
        "aud": settings.SALESTALK_JWT_AUDIENCE,
        "sub": user_id or email,
        "email": email,
        "tenant_id": tenant_id,
        "token_use": kind,
        "iat": now,
        "exp": now + ttl,
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, settings.SALESTALK_JWT_SECRET, algorithm=LOCAL_ALGORITHM)


@lru_cache(maxsize=4)
def _jwks_client(url: str) -> jwt.PyJWKClient:
    return jwt.PyJWKClient(url, cache_keys=True, lifespan=3600)


def _decode_local(token: str) -> dict[str, Any]:
    return jwt.decode(
        token,
        settings.SALESTALK_JWT_SECRET,
        algorithms=[LOCAL_ALGORITHM],
        audience=settings.SALESTALK_JWT_AUDIENCE,
        issuer=settings.SALESTALK_JWT_ISSUER,
        options={"require": ["exp", "iat", "iss", "aud", "sub"]},
    )


def _decode_cognito(token: str) -> dict[str, Any]:
    if not settings.SALESTALK_COGNITO_JWKS_URL or not settings.SALESTALK_COGNITO_ISSUER:
        raise InvalidToken("Cognito is not configured.", code="auth_misconfigured")
    key = _jwks_client(settings.SALESTALK_COGNITO_JWKS_URL).get_signing_key_from_jwt(token)
    claims = jwt.decode(
        token,
        key.key,
        algorithms=["RS256"],
        issuer=settings.SALESTALK_COGNITO_ISSUER,
        options={"require": ["exp", "iat", "iss", "sub"], "verify_aud": False},
    )
    # Cognito ID tokens carry the client id in "aud", access tokens in "client_id".
    client_id = claims.get("aud") if claims.get("token_use") == "id" else claims.get("client_id")
    if settings.SALESTALK_COGNITO_CLIENT_ID and client_id != settings.SALESTALK_COGNITO_CLIENT_ID:
        raise InvalidToken("The token was issued for another client.")
    return claims


def decode_token(token: str, *, kind: str = "access") -> dict[str, Any]:
    """Validated claims, or ``InvalidToken`` with a code a client can act on."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as exc:
        raise InvalidToken("The token is malformed.") from exc
    expected = "RS256" if settings.SALESTALK_AUTH_ISSUER == "cognito" else LOCAL_ALGORITHM
    if header.get("alg") != expected:
        raise InvalidToken(f"Tokens must be signed with {expected}.")
    try:
        claims = _decode_cognito(token) if expected == "RS256" else _decode_local(token)
    except jwt.ExpiredSignatureError as exc:
        raise InvalidToken("The token has expired.", code="token_expired") from exc
    except jwt.PyJWKClientError as exc:
        raise InvalidToken("The token's signing key could not be verified.") from exc
    except jwt.PyJWTError as exc:
        raise InvalidToken(f"The token is not valid: {exc}.") from exc
    if expected == LOCAL_ALGORITHM and claims.get("token_use") != kind:
        raise InvalidToken(f"An {kind} token is required.")
    if tenant_of(claims) is None:
        raise InvalidToken("The token carries no tenant.")
    return claims


def tenant_of(claims: dict[str, Any]) -> str | None:
    for name in TENANT_CLAIMS:
        value = claims.get(name)
        if isinstance(value, str) and value:
            return value
    return None
