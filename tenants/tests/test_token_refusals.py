"""A refused token is answered in fixed words per kind of failure; the JWT library's own text (which quotes
claims and keys) reaches the log only, never the 401's body."""
from __future__ import annotations

import base64
import json
import logging
import time

import jwt
import pytest
from django.conf import settings
from rest_framework.test import APIClient

from tenants.tokens import LIBRARY_REFUSALS, InvalidToken, decode_token, issue_token


def claims(**changes) -> dict:
    now = int(time.time())
    base = {
        "iss": settings.SALESTALK_JWT_ISSUER, "aud": settings.SALESTALK_JWT_AUDIENCE, "sub": "u1",
        "email": "a@acme.example", "tenant_id": "acme", "gen": "g1", "token_use": "access",
        "iat": now, "exp": now + 600,
    }
    return {key: value for key, value in {**base, **changes}.items() if value is not None}


def signed(payload: dict, *, key: str | None = None) -> str:
    return jwt.encode(payload, key or settings.SALESTALK_JWT_SECRET, algorithm="HS256")


def undecodable_payload() -> str:
    header = base64.urlsafe_b64encode(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()).rstrip(b"=").decode()
    return f"{header}.not-json-at-all.c2ln"


TOKENS = {
    "expired": lambda: issue_token(tenant_id="acme", email="a@acme.example", ttl=-10, generation="g1"),
    "wrong audience": lambda: signed(claims(aud="another-app")),
    "wrong issuer": lambda: signed(claims(iss="https://evil.example")),
    "no generation": lambda: signed(claims(gen=None)),
    "not yet valid": lambda: signed(claims(nbf=int(time.time()) + 3600)),
    "malformed iat": lambda: signed(claims(iat="yesterday")),
    "another key": lambda: signed(claims(), key="not-the-secret-of-this-deployment-0000"),
    "undecodable payload": undecodable_payload,
}


def refusal_of(token: str) -> tuple[InvalidToken, jwt.PyJWTError]:
    with pytest.raises(InvalidToken) as refused:
        decode_token(token)
    cause = refused.value.__cause__
    assert isinstance(cause, jwt.PyJWTError), "the library refused it"
    return refused.value, cause


@pytest.mark.parametrize("kind", TOKENS)
def test_a_library_refusal_is_our_fixed_message_for_its_kind_and_its_text_is_logged(kind, caplog):
    token = TOKENS[kind]()
    with caplog.at_level(logging.INFO, logger="tenants.tokens"):
        refusal, cause = refusal_of(token)
    expected = next((code, message) for error, code, message in LIBRARY_REFUSALS if isinstance(cause, error))
    assert (refusal.code, str(refusal)) == expected
    assert str(cause) not in str(refusal)
    assert str(cause) in caplog.text


def test_each_kind_of_failure_has_its_own_message():
    messages = {str(refusal_of(make())[0]) for make in TOKENS.values()}
    assert len(messages) == len(TOKENS)


@pytest.mark.parametrize("kind", TOKENS)
def test_no_library_text_reaches_the_401_body(tenant, kind):
    token = TOKENS[kind]()
    _, cause = refusal_of(token)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = client.get("/api/me")
    assert response.status_code == 401
    body = response.content.decode()
    assert str(cause) not in body
    assert json.loads(body)["error"]["message"] in {message for _, _, message in LIBRARY_REFUSALS}
