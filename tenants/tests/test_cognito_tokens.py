"""Cognito mode against a JWKS served on loopback: only ID and access tokens of our client, within their
lifetime, issued after the tenant existed; never as refresh tokens; no client id configured, nothing accepted."""
from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from rest_framework.test import APIClient

from tenants.tokens import _jwks_client

CLIENT_ID = "our-app-client"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def jwks_url() -> Iterator[str]:
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(KEY.public_key()))
    body = json.dumps({"keys": [{**public, "kid": "k1", "use": "sig", "alg": "RS256"}]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/.well-known/jwks.json"
    server.shutdown()


@pytest.fixture
def cognito(settings, jwks_url, tenant):
    _jwks_client.cache_clear()
    settings.SALESTALK_AUTH_ISSUER = "cognito"
    settings.SALESTALK_COGNITO_JWKS_URL = jwks_url
    settings.SALESTALK_COGNITO_ISSUER = "https://cognito-idp.example/pool"
    settings.SALESTALK_COGNITO_CLIENT_ID = CLIENT_ID
    return settings


def cognito_token(*, use: str = "id", **changes: Any) -> str:
    now = int(time.time())
    claims = {"iss": "https://cognito-idp.example/pool", "sub": "5f2b-uuid", "email": "ann@acme.example",
              "custom:tenant_id": "acme", "token_use": use, "iat": now, "exp": now + 3600,
              **({"aud": CLIENT_ID} if use == "id" else {"client_id": CLIENT_ID}), **changes}
    return jwt.encode({k: v for k, v in claims.items() if v is not None}, KEY, algorithm="RS256", headers={"kid": "k1"})


def me(token: str):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client.get("/api/me")


def test_id_and_access_tokens_of_our_client_are_accepted(cognito):
    response = me(cognito_token(use="id"))
    assert response.status_code == 200, response.content
    assert me(cognito_token(use="access")).status_code == 200


@pytest.mark.parametrize(
    "token",
    [
        lambda: cognito_token(aud="another-client"),
        lambda: cognito_token(use="access", client_id="another-client"),
        lambda: cognito_token(token_use=None),
        lambda: cognito_token(token_use="refresh"),
        lambda: cognito_token(exp=int(time.time()) + 2 * 24 * 3600),  # longer than the maximum lifetime
        lambda: cognito_token(**{"custom:tenant_id": "a" * 5000}),
    ],
    ids=["other-aud", "other-client-id", "no-token-use", "token-use-refresh", "too-long-lived", "long-tenant"],
)
def test_other_tokens_are_refused(cognito, token):
    response = me(token())
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_invalid"


def test_an_id_token_is_not_a_refresh_token(cognito):
    # Where Cognito issues the tokens it refreshes them too: the local refresh checks nothing.
    response = APIClient().post("/api/auth/refresh", {"refresh": cognito_token(use="id")}, format="json")
    assert response.status_code == 404 and response.json()["error"]["code"] == "use_hosted_ui"
    assert "access" not in response.json()


def test_without_a_client_id_nothing_is_accepted(cognito):
    cognito.SALESTALK_COGNITO_CLIENT_ID = None
    response = me(cognito_token())
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "auth_misconfigured"


def test_a_token_issued_before_its_tenant_existed_is_refused(cognito):
    before = int(time.time()) - 7200
    response = me(cognito_token(iat=before, exp=before + 3600 * 3))
    assert response.status_code == 401  # expired anyway; now one that is still valid:
    response = me(cognito_token(iat=int(time.time()) - 3000, exp=int(time.time()) + 600))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_revoked"


def test_cognito_out_of_reach_is_a_503_to_retry_not_a_refused_token(cognito):
    # A port nothing listens on: the keys cannot be fetched, which says nothing about the token.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    cognito.SALESTALK_COGNITO_JWKS_URL = f"http://127.0.0.1:{closed}/.well-known/jwks.json"
    _jwks_client.cache_clear()
    response = me(cognito_token())
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "storage_unavailable"
    assert response["Retry-After"]
    assert "127.0.0.1" not in response.content.decode()
