"""The aws profile over HTTP, as Lambda loads it (a fresh process with the real ``salestalk.settings.aws``).

Cognito issues the tokens there: the local password and refresh endpoints check nothing and say where to sign
in instead. Every answer, API or page, carries HSTS and the other security headers; plain HTTP is sent to HTTPS.
"""
from __future__ import annotations

import json

import pytest

from salestalk.tests.test_settings_secrets import manage, strong

PROBE = """
import json
import django
django.setup()
from django.test import Client
import tenants.api

checked = []
tenants.api.authenticate = lambda *args, **kwargs: checked.append("password")  # no password may be checked

def seen(response):
    return {"status": response.status_code, "headers": dict(response.items()), "body": response.content.decode()}

client = Client(raise_request_exception=False)
body = {"email": "ann@acme.example", "password": "the-right-one"}
print(json.dumps({
    "token": seen(client.post("/api/auth/token", body, content_type="application/json", secure=True)),
    "token_form": seen(client.post("/api/auth/token", body, secure=True)),
    "refresh": seen(client.post("/api/auth/refresh", {"refresh": "a.b.c"}, content_type="application/json",
                                secure=True)),
    "api": seen(client.get("/api/me", secure=True)),
    "missing": seen(client.get("/api/nope", secure=True)),
    "page": seen(client.get("/login/", secure=True)),
    "share": seen(client.get("/share/not-a-real-token-000000000000", secure=True)),
    "plain_http": seen(client.get("/api/me")),
    "checked": checked,
}))
"""


@pytest.fixture(scope="module")
def seen(tmp_path_factory) -> dict:
    result = manage("aws", "-c", PROBE, SALESTALK_SECRET_KEY=strong(), SALESTALK_JWT_SECRET=strong(),
                    SALESTALK_COGNITO_DOMAIN="https://salestalk.auth.eu-west-1.amazoncognito.com",
                    SALESTALK_COGNITO_CLIENT_ID="client-1", SALESTALK_THROTTLE_STORE="memory",
                    SALESTALK_SQLITE_PATH=str(tmp_path_factory.mktemp("db") / "db.sqlite3"))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", ["token", "token_form", "refresh"])
def test_local_sign_in_and_refresh_point_to_the_hosted_ui_and_check_no_password(seen, name):
    answer = seen[name]
    assert answer["status"] == 404 and answer["headers"]["Content-Type"] == "application/json"
    error = json.loads(answer["body"])["error"]
    assert error["code"] == "use_hosted_ui" and "/auth/cognito/login" in error["message"]
    assert seen["checked"] == []


@pytest.mark.parametrize("name", ["token", "api", "missing", "page", "share"])
def test_every_answer_carries_hsts_and_the_security_headers(seen, name):
    headers = seen[name]["headers"]
    hsts = dict(part.strip().partition("=")[::2] for part in headers["Strict-Transport-Security"].split(";"))
    assert int(hsts["max-age"]) >= 365 * 24 * 3600 and "includeSubDomains" in hsts
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY" and "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["Referrer-Policy"] == "same-origin"


def test_plain_http_is_sent_to_https(seen):
    answer = seen["plain_http"]
    assert answer["status"] == 301 and answer["headers"]["Location"].startswith("https://")
