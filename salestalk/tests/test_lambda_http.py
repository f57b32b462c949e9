"""The HTTP Lambda handler: API Gateway HTTP API (v2) events through Mangum into Django, in process and via
awslambdaric; the migrate handler resolves the same way."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from awslambdaric.bootstrap import _get_handler
from mangum import Mangum

from salestalk.tests.lambda_events import HTTP_HOST, http_event
from tenants.tokens import issue_token

ROOT = Path(__file__).resolve().parents[2]


class FakeLambdaContext:
    function_name = "salestalk-http"
    memory_limit_in_mb = 1024
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:salestalk-http"
    aws_request_id = "6f1a7e2c-0000-4000-8000-000000000001"

    def get_remaining_time_in_millis(self) -> int:
        return 29_000


@pytest.fixture
def http_handler(settings):
    settings.ALLOWED_HOSTS = [HTTP_HOST]
    from salestalk import lambda_http

    return lambda_http.handler


def test_the_handler_string_resolves_as_lambda_loads_it():
    handler = _get_handler("salestalk.lambda_http.handler")
    assert isinstance(handler, Mangum)
    assert handler.lifespan == "off"


def test_the_migrate_handler_string_resolves_as_lambda_loads_it():
    assert callable(_get_handler("salestalk.lambda_migrate.handler"))


def test_an_authenticated_get_reaches_the_tenant_view(http_handler, tenant):
    token = issue_token(tenant_id=tenant.tenant_id, email="ann@acme.example")
    response = http_handler(
        http_event("GET", "/api/me", headers={"authorization": f"Bearer {token}"}), FakeLambdaContext()
    )
    assert response["statusCode"] == 200
    assert response["isBase64Encoded"] is False
    assert response["headers"]["content-type"] == "application/json"
    assert response["headers"]["x-request-id"]
    assert json.loads(response["body"]) == {
        "tenant_id": "acme", "email": "ann@acme.example", "currency": "USD", "time_zone": "UTC",
    }


def test_without_a_token_the_api_refuses_with_the_json_error_shape(http_handler, tenant):
    response = http_handler(http_event("GET", "/api/me"), FakeLambdaContext())
    assert response["statusCode"] == 401
    assert json.loads(response["body"])["error"]["code"] == "not_authenticated"


def test_authorizer_claims_alone_do_not_authenticate(http_handler, tenant):
    # API Gateway's JWT authorizer is a first gate; the app still validates the token itself.
    event = http_event("GET", "/api/me", claims={"custom:tenant_id": "acme", "sub": "u-1"})
    assert http_handler(event, FakeLambdaContext())["statusCode"] == 401


@pytest.mark.parametrize("base64_body", [False, True])
def test_request_bodies_reach_django_plain_or_base64(http_handler, base64_body):
    body = json.dumps({"refresh": "not-a-jwt"})
    event = http_event(
        "POST", "/api/auth/refresh", headers={"content-type": "application/json"}, body=body, base64_body=base64_body
    )
    response = http_handler(event, FakeLambdaContext())
    # A missing body would be a 400 "invalid"; the refresh token itself must have been read and refused.
    assert response["statusCode"] == 401
    assert json.loads(response["body"])["error"]["code"] == "token_invalid"


def test_query_strings_reach_django(http_handler, tenant):
    token = issue_token(tenant_id=tenant.tenant_id, email="ann@acme.example")
    event = http_event("GET", "/api/me", query="tenant_id=globex", headers={"authorization": f"Bearer {token}"})
    response = http_handler(event, FakeLambdaContext())
    assert response["statusCode"] == 400  # the base view refuses a tenant in the query string


def test_unknown_hosts_are_refused(http_handler):
    event = http_event("GET", "/api/me", headers={"host": "evil.example"})
    assert http_handler(event, FakeLambdaContext())["statusCode"] == 400


class FakeRuntimeApi(ThreadingHTTPServer):
    """The Lambda Runtime API as the runtime interface client sees it: one invocation, then a long poll."""

    def __init__(self, event: dict) -> None:
        super().__init__(("127.0.0.1", 0), _RuntimeApiRequest)
        self.event = event
        self.served = False
        self.results: list[tuple[str, dict]] = []
        self.done = threading.Event()
        self.stop = threading.Event()


class _RuntimeApiRequest(BaseHTTPRequestHandler):
    server: FakeRuntimeApi

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        if self.path != "/2018-06-01/runtime/invocation/next":
            self.send_error(404)
            return
        if self.server.served:
            self.server.stop.wait(30)  # the runtime long-polls; the test ends it
            self.send_error(500)
            return
        self.server.served = True
        body = json.dumps(self.server.event).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Lambda-Runtime-Aws-Request-Id", "6f1a7e2c-0000-4000-8000-000000000001")
        self.send_header("Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + 30_000))
        self.send_header("Lambda-Runtime-Invoked-Function-Arn", FakeLambdaContext.invoked_function_arn)
        self.send_header("Lambda-Runtime-Trace-Id", "Root=1-65f1c0de-0123456789abcdef01234567;Sampled=0")
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        payload = json.loads(self.rfile.read(length) or b"{}")
        self.server.results.append((self.path, payload))
        self.send_response(202)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")
        self.server.done.set()


def test_awslambdaric_runs_the_handler_the_way_lambda_does(tenant, settings, tmp_path):
    token = issue_token(tenant_id=tenant.tenant_id, email="ann@acme.example")
    runtime = FakeRuntimeApi(http_event("GET", "/api/me", headers={"authorization": f"Bearer {token}"}))
    threading.Thread(target=runtime.serve_forever, daemon=True).start()
    env = {
        **os.environ,
        "AWS_LAMBDA_RUNTIME_API": f"127.0.0.1:{runtime.server_address[1]}",
        "DJANGO_SETTINGS_MODULE": "salestalk.settings.test",
        "SALESTALK_DYNAMODB_ENDPOINT": settings.SALESTALK_DYNAMODB_ENDPOINT,
        "SALESTALK_TABLE_PREFIX": settings.SALESTALK_TABLE_PREFIX,
        "SALESTALK_ALLOWED_HOSTS": HTTP_HOST,
        "SALESTALK_SQLITE_PATH": str(tmp_path / "django.sqlite3"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "awslambdaric", "salestalk.lambda_http.handler"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        finished = runtime.done.wait(60)
    finally:
        runtime.stop.set()
        process.kill()
        output = process.communicate()[0].decode(errors="replace")
        runtime.shutdown()
    assert finished, output
    path, response = runtime.results[0]
    assert path == "/2018-06-01/runtime/invocation/6f1a7e2c-0000-4000-8000-000000000001/response", (path, output)
    assert response["statusCode"] == 200
    assert json.loads(response["body"])["tenant_id"] == "acme"
