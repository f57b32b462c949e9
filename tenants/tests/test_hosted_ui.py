"""The pages' Cognito Hosted UI sign-in, against a fake Cognito on loopback: token endpoint + JWKS, a real RSA key."""
from __future__ import annotations

import base64
import hashlib
import json
import logging
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import get_user_model
from django.test import Client

from tenants.hosted_ui import UNVERIFIED
from tenants.models import Membership, TenantStatus
from tenants.services import set_tenant_status
from tenants.tokens import InvalidToken, decode_token

CLIENT_ID = "page-client-id"


def _challenge(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


class FakeCognito:
    """Cognito's token endpoint and JWKS: codes are issued by the test, checked against their PKCE challenge."""

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "test-key"
        self.codes: dict[str, dict[str, Any]] = {}
        self.refresh_tokens: dict[str, dict[str, Any]] = {}
        self.requests: list[dict[str, list[str]]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def id_token(self, claims: dict[str, Any], *, key: Any = None) -> str:
        now = int(time.time())
        body = {
            "iss": self.url,
            "aud": CLIENT_ID,
            "token_use": "id",
            "sub": str(uuid.uuid4()),
            "iat": now,
            "exp": now + 3600,
            **claims,
        }
        return jwt.encode(body, key or self.key, algorithm="RS256", headers={"kid": self.kid})

    def grant(self, *, challenge: str, redirect_uri: str, claims: dict[str, Any], key: Any = None) -> str:
        """What Cognito does once the person typed their password: a one-time code bound to the challenge."""
        code = uuid.uuid4().hex
        self.codes[code] = {"challenge": challenge, "redirect_uri": redirect_uri, "claims": claims, "key": key}
        return code

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _json(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path != "/.well-known/jwks.json":
                    return self._json(404, {})
                jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(fake.key.public_key()))
                return self._json(200, {"keys": [{**jwk, "kid": fake.kid, "alg": "RS256", "use": "sig"}]})

            def do_POST(self) -> None:
                form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
                fake.requests.append(form)
                if self.path != "/oauth2/token" or form.get("client_id") != [CLIENT_ID]:
                    return self._json(400, {"error": "invalid_client"})
                if form.get("grant_type") == ["refresh_token"]:
                    grant = fake.refresh_tokens.get(form["refresh_token"][0])
                    if grant is None:
                        return self._json(400, {"error": "invalid_grant"})
                    return self._json(200, {"id_token": fake.id_token(grant), "expires_in": 3600})
                grant = fake.codes.pop(form.get("code", [""])[0], None)
                if (
                    grant is None
                    or form.get("grant_type") != ["authorization_code"]
                    or form.get("redirect_uri") != [grant["redirect_uri"]]
                    or _challenge(form.get("code_verifier", [""])[0]) != grant["challenge"]
                ):
                    return self._json(400, {"error": "invalid_grant"})
                refresh = uuid.uuid4().hex
                fake.refresh_tokens[refresh] = grant["claims"]
                return self._json(
                    200,
                    {
                        "id_token": fake.id_token(grant["claims"], key=grant["key"]),
                        "access_token": "opaque-here",
                        "refresh_token": refresh,
                        "expires_in": 3600,
                        "token_type": "Bearer",
                    },
                )

        return Handler


@pytest.fixture(scope="module")
def cognito() -> Iterator[FakeCognito]:
    fake = FakeCognito()
    fake.thread.start()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture
def aws_sign_in(settings, cognito):
    settings.SALESTALK_AUTH_ISSUER = "cognito"
    settings.SALESTALK_COGNITO_JWKS_URL = f"{cognito.url}/.well-known/jwks.json"
    settings.SALESTALK_COGNITO_ISSUER = cognito.url
    settings.SALESTALK_COGNITO_CLIENT_ID = CLIENT_ID
    settings.SALESTALK_COGNITO_DOMAIN = cognito.url
    settings.LOGIN_URL = "/auth/cognito/login"
    settings.LOGOUT_REDIRECT_URL = "/auth/cognito/signed-out"
    return settings


def start(client: Client, cognito: FakeCognito, *, next_url: str = "/") -> dict[str, str]:
    response = client.get("/auth/cognito/login", {"next": next_url})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{cognito.url}/oauth2/authorize"
    return {key: values[0] for key, values in parse_qs(location.query).items()}


def sign_in(client: Client, cognito: FakeCognito, *, email: str, tenant_id: str, **overrides: Any) -> Any:
    query = start(client, cognito)
    claims = {"email": email, "email_verified": True, "custom:tenant_id": tenant_id, "nonce": query["nonce"],
              **overrides.pop("claims", {})}
    code = cognito.grant(challenge=query["code_challenge"], redirect_uri=query["redirect_uri"], claims=claims,
                         key=overrides.pop("key", None))
    return client.get("/auth/cognito/callback", {"code": code, "state": overrides.pop("state", query["state"])})


@pytest.mark.django_db
def test_the_authorize_redirect_carries_pkce_state_and_nonce_and_keeps_them_in_the_session(aws_sign_in, cognito):
    client = Client()
    query = start(client, cognito)
    flow = client.session["cognito_flow"]
    assert query["response_type"] == "code" and query["client_id"] == CLIENT_ID
    assert query["scope"] == "openid email" and query["code_challenge_method"] == "S256"
    assert query["redirect_uri"] == "http://testserver/auth/cognito/callback"
    assert (query["state"], query["nonce"]) == (flow["state"], flow["nonce"])
    assert query["code_challenge"] == _challenge(flow["verifier"]) and len(flow["verifier"]) >= 43
    assert start(Client(), cognito)["state"] != query["state"]


@pytest.mark.django_db
def test_signing_in_opens_a_session_for_the_page_whose_api_token_is_the_cognito_id_token(
    aws_sign_in, cognito, tenant
):
    client = Client()
    response = sign_in(client, cognito, email="Ann@Acme.example", tenant_id=tenant.tenant_id)
    assert (response.status_code, response["Location"]) == (302, "/")
    user = get_user_model().objects.get(username="ann@acme.example")
    assert not user.has_usable_password()
    assert Membership.objects.get(user=user).tenant_id == tenant.tenant_id
    assert client.get("/").status_code == 200

    token = client.post("/app/token").json()["access"]
    claims = jwt.decode(token, options={"verify_signature": False})
    assert (claims["token_use"], claims["custom:tenant_id"]) == ("id", tenant.tenant_id)
    # The API takes the page's token like any Cognito token.
    me = client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert me.status_code == 200 and me.json()["tenant_id"] == tenant.tenant_id


@pytest.mark.django_db
def test_a_callback_with_another_state_or_replayed_is_refused(aws_sign_in, cognito, tenant):
    client = Client()
    refused = sign_in(client, cognito, email="ann@acme.example", tenant_id=tenant.tenant_id, state="forged")
    assert refused.status_code == 403 and "_auth_user_id" not in client.session
    query = start(client, cognito)
    claims = {"email": "ann@acme.example", "email_verified": True, "custom:tenant_id": tenant.tenant_id,
              "nonce": query["nonce"]}
    code = cognito.grant(challenge=query["code_challenge"], redirect_uri=query["redirect_uri"], claims=claims)
    assert client.get("/auth/cognito/callback", {"code": code, "state": query["state"]}).status_code == 302
    replay = Client().get("/auth/cognito/callback", {"code": code, "state": query["state"]})
    assert replay.status_code == 403


@pytest.mark.django_db
def test_a_stolen_code_is_useless_without_the_browsers_verifier(aws_sign_in, cognito, tenant):
    victim, thief = Client(), Client()
    victim_query = start(victim, cognito)
    thief_query = start(thief, cognito)
    claims = {"email": "ann@acme.example", "email_verified": True, "custom:tenant_id": tenant.tenant_id,
              "nonce": victim_query["nonce"]}
    code = cognito.grant(challenge=victim_query["code_challenge"], redirect_uri=victim_query["redirect_uri"],
                         claims=claims)
    response = thief.get("/auth/cognito/callback", {"code": code, "state": thief_query["state"]})
    assert response.status_code == 403 and "_auth_user_id" not in thief.session


@pytest.mark.parametrize(
    "overrides",
    [
        {"key": rsa.generate_private_key(public_exponent=65537, key_size=2048)},  # not Cognito's key
        {"claims": {"nonce": "another-sign-in"}},
        {"claims": {"aud": "another-client"}},
        {"claims": {"token_use": "access", "client_id": CLIENT_ID}},
        {"claims": {"iss": "https://cognito-idp.example/another-pool"}},
        {"claims": {"custom:tenant_id": "no-such-tenant"}},
    ],
    ids=["foreign-key", "nonce", "audience", "access-token", "issuer", "unknown-tenant"],
)
@pytest.mark.django_db
def test_an_id_token_the_api_would_refuse_opens_no_session(aws_sign_in, cognito, tenant, overrides):
    client = Client()
    response = sign_in(client, cognito, email="ann@acme.example", tenant_id=tenant.tenant_id, **overrides)
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    assert not get_user_model().objects.filter(username="ann@acme.example").exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"key": rsa.generate_private_key(public_exponent=65537, key_size=2048)},
        {"claims": {"iss": "https://cognito-idp.example/another-pool"}},
        {"claims": {"exp": int(time.time()) - 120}},
        {"claims": {"iat": "yesterday"}},
    ],
    ids=["foreign-key", "issuer", "expired", "malformed-claim"],
)
@pytest.mark.django_db
def test_a_refused_token_shows_one_generic_message_and_only_the_log_says_why(
    aws_sign_in, cognito, tenant, overrides, caplog
):
    claims = {"email": "ann@acme.example", "custom:tenant_id": tenant.tenant_id, **overrides.get("claims", {})}
    with pytest.raises(InvalidToken) as refused:
        decode_token(cognito.id_token(claims, key=overrides.get("key")))
    reason = str(refused.value)
    with caplog.at_level(logging.WARNING, logger="tenants.hosted_ui"):
        response = sign_in(Client(), cognito, email="ann@acme.example", tenant_id=tenant.tenant_id, **overrides)
    page = response.content.decode()
    assert response.status_code == 403 and UNVERIFIED in page
    assert reason not in page and reason in caplog.text


@pytest.mark.django_db
def test_an_unknown_or_disabled_workspace_is_one_message_naming_no_tenant(aws_sign_in, cognito, tenant, caplog):
    set_tenant_status(tenant_id=tenant.tenant_id, status=TenantStatus.DISABLED)
    with caplog.at_level(logging.WARNING, logger="tenants.hosted_ui"):
        pages = [
            sign_in(Client(), cognito, email="ann@acme.example", tenant_id=tenant_id).content.decode()
            for tenant_id in (tenant.tenant_id, "no-such-tenant")
        ]
    alerts = [page[page.index('role="alert"'):page.index("</div>", page.index('role="alert"'))] for page in pages]
    assert alerts[0] == alerts[1] and "no-such-tenant" not in alerts[1] and tenant.tenant_id not in alerts[0]
    assert "no-such-tenant" in caplog.text


@pytest.mark.django_db
def test_a_disabled_tenant_cannot_sign_in(aws_sign_in, cognito, tenant):
    set_tenant_status(tenant_id=tenant.tenant_id, status=TenantStatus.DISABLED)
    client = Client()
    assert sign_in(client, cognito, email="ann@acme.example", tenant_id=tenant.tenant_id).status_code == 403


@pytest.mark.django_db
def test_an_expiring_id_token_is_refreshed_at_cognito(aws_sign_in, cognito, tenant):
    client = Client()
    sign_in(client, cognito, email="ann@acme.example", tenant_id=tenant.tenant_id)
    first = client.post("/app/token").json()["access"]
    session = client.session
    session["cognito_tokens"] = {**session["cognito_tokens"], "expires_at": int(time.time()) + 10}
    session.save()
    refreshed = client.post("/app/token").json()["access"]
    assert refreshed != first
    assert cognito.requests[-1]["grant_type"] == ["refresh_token"]
    session = client.session
    session["cognito_tokens"] = {**session["cognito_tokens"], "expires_at": 0, "refresh_token": "revoked"}
    session.save()
    assert client.post("/app/token").status_code == 401


@pytest.mark.django_db
def test_signing_out_ends_the_django_session_then_cognitos(aws_sign_in, cognito, tenant):
    client = Client()
    sign_in(client, cognito, email="ann@acme.example", tenant_id=tenant.tenant_id)
    response = client.post("/logout/", follow=False)
    assert response["Location"] == "/auth/cognito/signed-out"
    assert "_auth_user_id" not in client.session
    location = urlsplit(client.get(response["Location"])["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{cognito.url}/logout"
    query = parse_qs(location.query)
    assert query == {"client_id": [CLIENT_ID], "logout_uri": ["http://testserver/auth/cognito/login"]}
    assert client.get("/")["Location"].startswith("/auth/cognito/login")


def test_the_aws_profile_lets_the_sign_out_form_end_at_cognito():
    """The sign-out form's redirect chain leaves for Cognito's /logout: CSP form-action must allow it."""
    import os
    import secrets
    import subprocess
    import sys
    from pathlib import Path

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SALESTALK_", "DJANGO_"))}
    env.update({
        "DJANGO_SETTINGS_MODULE": "salestalk.settings.aws",
        "SALESTALK_SECRET_KEY": secrets.token_urlsafe(48),
        "SALESTALK_JWT_SECRET": secrets.token_urlsafe(48),
        "SALESTALK_COGNITO_DOMAIN": "https://salestalk-1.auth.eu-west-1.amazoncognito.com",
    })
    probe = (
        "import json; from django.conf import settings; d = settings.CONTENT_SECURITY_POLICY['DIRECTIVES'];"
        "print(json.dumps([d['form-action'], settings.LOGIN_URL, settings.LOGOUT_REDIRECT_URL]))"
    )
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout
    assert json.loads(out) == [
        ["'self'", "https://salestalk-1.auth.eu-west-1.amazoncognito.com"],
        "/auth/cognito/login",
        "/auth/cognito/signed-out",
    ]
