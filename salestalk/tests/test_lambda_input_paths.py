"""Every input path refuses what it cannot read the same way: the Lambda HTTP, WebSocket and import handlers
answer oversized and malformed input with the REST API's one error envelope, never a crash (a bare 500)."""
from __future__ import annotations

import base64
import json

import pytest
from rest_framework.test import APIClient

from salestalk.tests.lambda_events import (
    HTTP_HOST,
    http_event,
    ws_connect_event,
    ws_disconnect_event,
    ws_message_event,
)
from salestalk.tests.test_lambda_http import FakeLambdaContext
from tenants.tokens import issue_token


@pytest.fixture
def http_handler(settings):
    settings.ALLOWED_HOSTS = [HTTP_HOST, "testserver"]  # the Lambda event's host and the REST test client's
    from salestalk import lambda_http

    return lambda_http.handler


def lambda_error(response: dict) -> tuple[int, str]:
    return response["statusCode"], json.loads(response["body"])["error"]["code"]


def rest_error(response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


MALFORMED_BODIES = {
    "not JSON": b"{'text': 1",
    "not UTF-8": b"\xff\xfe{}",
    "nested too deeply": b"[" * 100_000,
    "over the body limit": b'{"title": "' + b"x" * (2 * 1024 * 1024) + b'"}',
}


@pytest.mark.parametrize("body", MALFORMED_BODIES.values(), ids=MALFORMED_BODIES.keys())
def test_a_malformed_body_gets_the_same_refusal_through_lambda_as_over_rest(http_handler, db, tenant, body):
    token = issue_token(tenant_id=tenant.tenant_id, email="ann@acme.example")
    headers = {"authorization": f"Bearer {token}", "content-type": "application/json"}
    through_lambda = http_handler(
        http_event("POST", "/api/chat/conversations/", headers=headers, body=body, base64_body=True),
        FakeLambdaContext(),
    )
    over_rest = APIClient().post("/api/chat/conversations/", body, content_type="application/json",
                                 HTTP_AUTHORIZATION=f"Bearer {token}")
    assert lambda_error(through_lambda) == rest_error(over_rest)
    assert lambda_error(through_lambda)[0] in (400, 413)


def test_a_body_that_is_not_base64_is_refused_not_raised(http_handler, db, tenant):
    event = http_event("POST", "/api/auth/token", headers={"content-type": "application/json"}, body="{}")
    event["body"], event["isBase64Encoded"] = "!!not base64!!", True
    response = http_handler(event, FakeLambdaContext())
    assert lambda_error(response) == (400, "parse_error")
    assert response["headers"]["content-type"] == "application/json"
    good = base64.b64encode(json.dumps({"email": "nobody@acme.example", "password": "x"}).encode()).decode()
    event["body"] = good
    assert http_handler(event, FakeLambdaContext())["statusCode"] == 401  # a real base64 body still reaches Django


HOSTILE_TOKENS = {"lone surrogate": "\ud800abc", "NUL": "abc\x00def", "over 8 KB": "a" * 9000}


def _changed_http(*path: str, value: object) -> dict:
    """A real-shaped GET event with the field at ``path`` set to ``value`` (``...`` removes it)."""
    event = http_event("GET", "/api/chat/conversations/")
    *parents, last = path
    holder = event
    for key in parents:
        holder = holder[key]
    if value is ...:
        del holder[last]
    else:
        holder[last] = value
    return event


ODD_HTTP_EVENTS = {
    "headers missing": _changed_http("headers", value=...),
    "headers not a map": _changed_http("headers", value=["host"]),
    "a header not text": _changed_http("headers", "x-probe", value=5),
    "no request context": _changed_http("requestContext", value=...),
    "no http in the context": _changed_http("requestContext", "http", value=...),
    "a method not text": _changed_http("requestContext", "http", "method", value=5),
    "a method that is no token": _changed_http("requestContext", "http", "method", value="GET /admin/ HTTP/1.1\r\n"),
    "a query string not text": _changed_http("rawQueryString", value=["a=1"]),
    "a body not text": _changed_http("body", value={"title": "x"}),
    "cookies not a list": _changed_http("cookies", value="sessionid=x"),
    "cookies not text": _changed_http("cookies", value=[1]),
    "payload 1.0": _changed_http("version", value="1.0"),
}


@pytest.mark.parametrize("event", ODD_HTTP_EVENTS.values(), ids=ODD_HTTP_EVENTS.keys())
def test_an_http_event_with_fields_of_the_wrong_shape_is_refused_in_the_envelope(http_handler, event):
    response = http_handler(event, FakeLambdaContext())
    assert lambda_error(response) == (400, "malformed_event")
    assert response["headers"]["content-type"] == "application/json"


@pytest.mark.parametrize("token", HOSTILE_TOKENS.values(), ids=HOSTILE_TOKENS.keys())
def test_a_hostile_token_is_refused_on_every_path(db, tenant, token):
    from chat.lambda_ws import handler

    event = ws_connect_event("conn-hostile=", query={"conversation": "c_0123456789abcdef01234567"})
    event["headers"]["Authorization"] = f"Bearer {token}"
    assert lambda_error(handler(event, None)) == (401, "token_refused")
    refresh = APIClient().post("/api/auth/refresh", json.dumps({"refresh": token}), content_type="application/json")
    assert refresh.status_code in (400, 401) and refresh.json()["error"]["code"]


@pytest.mark.parametrize("event", [{}, {"requestContext": "junk"}, {"requestContext": {"routeKey": "$connect"}},
                                   ["not", "an", "event"]], ids=["empty", "junk context", "no connection", "list"])
def test_a_malformed_websocket_event_is_refused_in_the_envelope(event):
    from chat.lambda_ws import handler

    assert lambda_error(handler(event, None)) == (400, "malformed_event")


def _odd(event: dict, *, context: dict | None = None, **fields: object) -> dict:
    """``event`` with ``fields`` (and ``context``'s fields of its requestContext) changed; ``...`` removes one."""
    def changed(original: dict, changes: dict) -> dict:
        return {k: v for k, v in {**original, **changes}.items() if v is not ...}

    return changed({**event, "requestContext": changed(event["requestContext"], context or {})}, fields)


CONNECT = ws_connect_event("conn-A=", query={"conversation": "c_" + "0" * 26, "ticket": "t"})
ODD_EVENTS = {
    "query not a map": _odd(CONNECT, queryStringParameters=["ticket"]),
    "ticket not text": _odd(CONNECT, queryStringParameters={"conversation": "c_" + "0" * 26, "ticket": 123}),
    "conversation not text": _odd(CONNECT, queryStringParameters={"conversation": {"id": 1}},
                                  headers={"Authorization": "Bearer x"}),
    "headers not a map": _odd(CONNECT, queryStringParameters={"conversation": "c_x"}, headers=["Authorization"]),
    "authorization not text": _odd(CONNECT, queryStringParameters={"conversation": "c_x"},
                                   headers={"Authorization": 5}),
    "no domain": _odd(ws_message_event("conn-A=", "{}"), context={"domainName": ...}),
    "a domain with a path": _odd(CONNECT, context={"domainName": "169.254.169.254/latest?"}),
    "a stage with a path": _odd(CONNECT, context={"stage": "prod/../x"}),
    "empty connection id": _odd(ws_disconnect_event("conn-A="), context={"connectionId": ""}),
    "connection id past a key's size": _odd(ws_message_event("conn-A=", "{}"), context={"connectionId": "x" * 3000}),
}


@pytest.mark.parametrize("event", ODD_EVENTS.values(), ids=ODD_EVENTS.keys())
def test_an_event_with_fields_of_the_wrong_shape_is_refused_in_the_envelope_before_anything_is_read(event):
    from chat.lambda_ws import handler

    assert lambda_error(handler(event, None)) == (400, "malformed_event")


def test_an_unknown_websocket_route_is_still_named_as_such():
    from chat.lambda_ws import handler

    event = ws_message_event("conn-A=", "{}")
    event["requestContext"]["routeKey"] = "x" * 10_000
    status, code = lambda_error(handler(event, None))
    assert (status, code) == (400, "unknown_route")


class ImportContext:
    def get_remaining_time_in_millis(self) -> int:
        return 60_000


@pytest.mark.parametrize(("event", "code"), [
    ({}, "malformed_event"),
    ({"tenant_id": "acme"}, "malformed_event"),
    ({"tenant_id": "acme", "job_id": "j" * 5_000}, "malformed_event"),
    ({"tenant_id": "A" * 5_000, "job_id": "job_1"}, "invalid_tenant_id"),
    ({"tenant_id": ["acme"], "job_id": "job_1"}, "invalid_tenant_id"),
    ({"tenant_id": "nobody-here", "job_id": "job_1"}, "tenant_not_found"),
], ids=["empty", "no job", "long job id", "long tenant id", "tenant id not a string", "unknown tenant"])
def test_a_malformed_import_event_is_answered_in_the_envelope(tenant, event, code):
    from salestalk.lambda_import import handler

    answer = handler(event, ImportContext())
    assert answer["error"]["code"] == code


def test_an_import_event_for_a_job_the_tenant_has_not_is_answered_in_the_envelope(tenant):
    from salestalk.lambda_import import handler

    answer = handler({"tenant_id": tenant.tenant_id, "job_id": "job_0123456789abcdef01234567"}, ImportContext())
    assert set(answer) == {"error"} and answer["error"]["code"]
