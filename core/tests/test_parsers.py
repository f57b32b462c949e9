"""Multipart bodies longer than the largest upload are refused by their length, before a byte is parsed."""
from __future__ import annotations

import io

import pytest


@pytest.mark.parametrize("path", ["/api/metrics/uploads/u_00000000000000000000abcd/file", "/api/metrics/datasets/"])
def test_a_multipart_body_past_the_upload_limit_is_413_before_it_is_parsed(tenant, api_client_for, settings, path,
                                                                           monkeypatch):
    settings.SALESTALK_MAX_UPLOAD_BYTES = 1000
    parsed = []
    monkeypatch.setattr("django.http.multipartparser.MultiPartParser.parse", lambda self: parsed.append(1))
    body = io.BytesIO(b"2025-01-01,1\n" * 10_000)
    body.name = "big.csv"
    response = api_client_for(tenant).post(path, {"file": body}, format="multipart")
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
    assert "1,000 bytes" in response.json()["error"]["message"] and parsed == []


def test_a_multipart_body_within_the_limit_is_parsed(tenant, api_client_for, settings):
    settings.SALESTALK_MAX_UPLOAD_BYTES = 1000
    body = io.BytesIO(b"date,revenue\n2025-01-01,1\n")
    body.name = "small.csv"
    response = api_client_for(tenant).post("/api/metrics/uploads/u_00000000000000000000abcd/file", {"file": body},
                                           format="multipart")
    assert response.status_code == 404 and response.json()["error"]["code"] == "upload_not_found"


@pytest.mark.parametrize("charset", ["utf-7", "utf-16", "latin-1", "bogus"])
def test_json_is_read_as_utf_8_whatever_charset_the_request_claims(tenant, api_client_for, charset):
    # "+AGE-" is UTF-7 for "a": read as UTF-8, as JSON always is, it stays what its bytes say.
    response = api_client_for(tenant).generic("POST", "/api/chat/conversations/", b'{"title": "+AGE- caf\xc3\xa9"}',
                                              content_type=f"application/json; charset={charset}")
    assert response.status_code == 201 and response.json()["title"] == "+AGE- café"


def test_a_form_is_read_as_utf_8_whatever_charset_the_request_claims(tenant, api_client_for):
    response = api_client_for(tenant).generic("POST", "/api/chat/conversations/", b"title=%2BAGE-+caf%C3%A9",
                                              content_type="application/x-www-form-urlencoded; charset=utf-7")
    assert response.status_code == 201 and response.json()["title"] == "+AGE- café"
