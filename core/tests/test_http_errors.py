"""Errors Django answers itself (unknown route, refused Host, CSRF, 405, 500): the envelope under /api, else HTML."""
from __future__ import annotations

import json
import logging

import pytest
from django.test import Client

SECRET = "internal-detail-7f3a"


def envelope_of(response, *, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]
    return body


def is_html(response, *, status: int) -> bool:
    return response.status_code == status and response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    "path",
    ["/api/nope", "/api", "/api/", "/api/metrics/../x", "/api/metrics/%2e%2e/x", "/api/chat/conversations/a/b/c/d",
     "/api/me/", "/app/nope"],
)
def test_unknown_api_routes_answer_the_envelope_without_echoing_the_path(path):
    response = Client().get(path)
    envelope_of(response, status=404, code="not_found")
    assert b"metrics" not in response.content and b"conversations" not in response.content


@pytest.mark.parametrize("path", ["/nope", "/apix", "/static-nope/x", "/share/a/b"])
def test_unknown_pages_keep_an_html_404(path):
    assert is_html(Client().get(path), status=404)


@pytest.mark.parametrize("method", ["post", "put", "delete"])
@pytest.mark.parametrize("path", ["/api/schema/", "/api/docs/"])
def test_a_refused_method_on_the_schema_and_docs_is_the_envelope(method, path):
    response = getattr(Client(), method)(path)
    envelope_of(response, status=405, code="method_not_allowed")
    assert "POST" not in response["Allow"] and "GET" in response["Allow"]


def test_a_refused_method_on_the_pages_token_endpoint_is_the_envelope():
    response = Client().get("/app/token")
    envelope_of(response, status=405, code="method_not_allowed")
    assert response["Allow"] == "POST"


def test_a_refused_method_on_a_page_stays_djangos():
    response = Client().post("/share/not-a-real-token-000000000000")
    assert response.status_code == 405 and response["Content-Type"] != "application/json"


def test_a_refused_host_is_the_envelope_for_the_api_and_a_page_elsewhere():
    api = Client().get("/api/me", HTTP_HOST="evil.example")
    envelope_of(api, status=400, code="bad_request")
    assert b"evil" not in api.content
    assert is_html(Client().get("/login/", HTTP_HOST="evil.example"), status=400)


def test_too_many_fields_is_the_envelope(db):
    form = "&".join(f"f{i}=1" for i in range(1100))
    response = Client().post("/api/auth/token", data=form, content_type="application/x-www-form-urlencoded")
    envelope_of(response, status=400, code="bad_request")


def test_a_form_body_past_the_limit_is_413_where_django_reads_it(db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32  # with a cookie, the CSRF check reads the form before any view runs
    response = client.post("/app/token", data="a=" + "x" * 5000, content_type="application/x-www-form-urlencoded")
    envelope_of(response, status=413, code="too_large")


def test_a_csrf_failure_is_the_envelope_for_json_endpoints_and_a_page_elsewhere(db):
    client = Client(enforce_csrf_checks=True)
    api = client.post("/app/token")
    envelope_of(api, status=403, code="csrf_failed")
    assert b"cookie" not in api.content.lower()  # which check failed is not the caller's business
    assert is_html(client.post("/login/", {"username": "ann@acme.example", "password": "x"}), status=403)


def test_an_unhandled_error_in_the_api_is_a_500_envelope_that_leaks_nothing(db, monkeypatch, caplog):
    def explode(*args, **kwargs):
        raise RuntimeError(SECRET)

    monkeypatch.setattr("tenants.api.authenticate", explode)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = Client(raise_request_exception=False).post(
            "/api/auth/token", {"email": "ann@acme.example", "password": "pw"}, content_type="application/json"
        )
    envelope_of(response, status=500, code="server_error")
    assert SECRET.encode() not in response.content and b"Traceback" not in response.content
    assert SECRET in caplog.text  # it is in the logs, where it belongs


def test_an_unhandled_error_on_a_page_is_an_html_500(db, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError(SECRET)

    monkeypatch.setattr("chat.views.SignInView.get", explode)
    response = Client(raise_request_exception=False).get("/login/")
    assert is_html(response, status=500) and SECRET.encode() not in response.content


def test_a_permission_denied_outside_drf_is_the_envelope_for_the_api_and_a_page_elsewhere(rf):
    from django.core.exceptions import PermissionDenied

    from core.http_errors import permission_denied

    envelope_of(permission_denied(rf.get("/api/x"), PermissionDenied(SECRET)), status=403, code="permission_denied")
    page = permission_denied(rf.get("/x"), PermissionDenied(SECRET))
    assert page.status_code == 403 and SECRET.encode() not in page.content
