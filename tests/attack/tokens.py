"""Authorization headers an attacker can produce without the signing key, or with a token that must not work.

Every forgery names the victim's tenant, so a validation gap would hand the attacker the victim's data.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Callable

import jwt
from django.conf import settings

from tenants.tokens import issue_token


def _b64(data: dict | bytes) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def claims(tenant_id: str, /, **changes) -> dict:
    now = int(time.time())
    base = {
        "iss": settings.SALESTALK_JWT_ISSUER,
        "aud": settings.SALESTALK_JWT_AUDIENCE,
        "sub": f"owner@{tenant_id}.example",
        "email": f"owner@{tenant_id}.example",
        "tenant_id": tenant_id,
        "token_use": "access",
        "iat": now,
        "exp": now + 3600,
        "jti": uuid.uuid4().hex,
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def signed(payload: dict, *, key: str | None = None, algorithm: str = "HS256", headers: dict | None = None) -> str:
    return jwt.encode(payload, settings.SALESTALK_JWT_SECRET if key is None else key, algorithm=algorithm,
                      headers=headers)


def hmac_signed(payload: dict, *, key: bytes, headers: dict | None = None) -> str:
    """HS256 by hand: PyJWT refuses to sign with an empty key, an attacker does not."""
    signing_input = f"{_b64({'alg': 'HS256', 'typ': 'JWT', **(headers or {})})}.{_b64(payload)}"
    signature = hmac.new(key, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(signature)}"


def unsigned(payload: dict, alg: str = "none") -> str:
    return f"{_b64({'alg': alg, 'typ': 'JWT'})}.{_b64(payload)}."


def tampered_signature(token: str) -> str:
    head, body, signature = token.split(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    return f"{head}.{body}.{flipped}"


def swapped_payload(token: str, payload: dict) -> str:
    """The victim's header and signature from a real token, on a payload the attacker wrote."""
    head, _, signature = token.split(".")
    return f"{head}.{_b64(payload)}.{signature}"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def forged_headers(victim_tenant_id: str, *, attacker_tenant_id: str) -> dict[str, Callable[[], dict[str, str]]]:
    """Name -> a function giving the headers of one forgery (built lazily: some are time-sensitive)."""
    v = victim_tenant_id
    attacker_token = issue_token(tenant_id=attacker_tenant_id, email=f"owner@{attacker_tenant_id}.example")
    return {
        "no credentials": dict,
        "empty bearer": lambda: {"Authorization": "Bearer "},
        "bearer with two parts": lambda: {"Authorization": f"Bearer {signed(claims(v))} extra"},
        "basic auth": lambda: {"Authorization": "Basic " + base64.b64encode(b"owner@a.example:x").decode()},
        "not a jwt": lambda: bearer("not.a.jwt"),
        "non-ascii token": lambda: {"Authorization": "Bearer tökén"},
        "10 kB token": lambda: bearer("A" * 10240),
        "forged signature": lambda: bearer(tampered_signature(signed(claims(v)))),
        "wrong signing key": lambda: bearer(signed(claims(v), key="guessed-secret-0123456789abcdef")),
        "empty signing key": lambda: bearer(hmac_signed(claims(v), key=b"")),
        "alg none": lambda: bearer(unsigned(claims(v))),
        "alg None": lambda: bearer(unsigned(claims(v), alg="None")),
        "alg NONE": lambda: bearer(unsigned(claims(v), alg="NONE")),
        "HS512 with the real key": lambda: bearer(signed(claims(v), algorithm="HS512")),
        "RS256 header on an HMAC signature": lambda: bearer(
            hmac_signed(claims(v), key=settings.SALESTALK_JWT_SECRET.encode(), headers={"alg": "RS256"})),
        "attacker's signature on the victim's claims": lambda: bearer(swapped_payload(attacker_token, claims(v))),
        "expired": lambda: bearer(signed(claims(v, iat=int(time.time()) - 7200, exp=int(time.time()) - 3600))),
        "not yet valid": lambda: bearer(signed(claims(v, nbf=int(time.time()) + 3600))),
        "no expiry": lambda: bearer(signed(claims(v, exp=None))),
        "wrong issuer": lambda: bearer(signed(claims(v, iss="https://evil.example"))),
        "no issuer": lambda: bearer(signed(claims(v, iss=None))),
        "wrong audience": lambda: bearer(signed(claims(v, aud="another-app"))),
        "no audience": lambda: bearer(signed(claims(v, aud=None))),
        "refresh token as access": lambda: bearer(issue_token(tenant_id=v, email=f"owner@{v}.example", kind="refresh")),
        "id token as access": lambda: bearer(signed(claims(v, token_use="id"))),
        "no token_use": lambda: bearer(signed(claims(v, token_use=None))),
        "signed, no tenant claim": lambda: bearer(signed(claims(v, tenant_id=None))),
        "signed, tenant claim as list": lambda: bearer(signed(claims(v, tenant_id=[v]))),
        "signed, empty tenant claim": lambda: bearer(signed(claims(v, tenant_id=""))),
        "forged cognito tenant claim": lambda: bearer(
            signed(claims(attacker_tenant_id, **{"custom:tenant_id": v}), key="x" * 32)),
        "kid path injection": lambda: bearer(hmac_signed(claims(v), key=b"", headers={"kid": "../../../../dev/null"})),
        "jwk header with attacker key": lambda: bearer(signed(
            claims(v), key="attacker-key-0123456789abcdef0123",
            headers={"jwk": {"kty": "oct", "k": _b64(b"attacker-key-0123456789abcdef0123")}})),
        "token in query string": lambda: {"QUERY": f"access_token={signed(claims(v))}"},
        "token in a cookie": lambda: {"Cookie": f"access_token={signed(claims(v))}; token={signed(claims(v))}"},
        "unknown tenant": lambda: bearer(signed(claims("no-such-tenant"))),
        "tenant id with traversal": lambda: bearer(signed(claims(f"../{v}"))),
    }
