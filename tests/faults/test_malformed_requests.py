"""Oversize and malformed requests on every routed body-taking endpoint: a 4xx in the JSON error shape, never a 5xx."""
from __future__ import annotations

import io
import json

import pytest
from django.test import Client

from tests.attack.surface import Route, tenant_routes
from tests.attack.victim import dataset_csv
from tests.faults.conftest import with_dataset

MB = 1024 * 1024


def broken_bodies() -> dict[str, tuple[bytes, str]]:
    """Name -> (raw body, content type): bodies no endpoint can accept."""
    return {
        "invalid JSON": (b'{"text": "unterminated', "application/json"),
        "deeply nested JSON": (b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "application/json"),
        "invalid UTF-8": (b'{"text": "\xff\xfe\xfa"}', "application/json"),
        "2 MB JSON": (json.dumps({"title": "x", "text": "x", "pad": "A" * 2 * MB}).encode(), "application/json"),
        "10 MB question": (json.dumps({"text": "What was revenue? " * (10 * MB // 18)}).encode(), "application/json"),
        "plain text": (b"What was revenue last month?", "text/plain"),
        "XML": (b"<ask><text>revenue</text></ask>", "application/xml"),
        "form with a huge field": (b"text=" + b"A" * 2 * MB, "application/x-www-form-urlencoded"),
        "multipart with no boundary": (b"--x\r\n\r\n", "multipart/form-data"),
    }


def odd_bodies() -> dict[str, tuple[bytes, str]]:
    """Well-formed bodies of the wrong shape: an endpoint whose fields are all optional may accept them."""
    return {
        "JSON array": (b"[1, 2, 3]", "application/json"),
        "JSON string": (b'"hello"', "application/json"),
        "JSON null": (b"null", "application/json"),
        "wrong types": (json.dumps({"text": 12, "title": ["x"], "conversation": {}, "message": 1.5,
                                    "expires_in_days": "soon"}).encode(), "application/json"),
        "multipart with no file": (
            b'--B\r\nContent-Disposition: form-data; name="replace"\r\n\r\ntrue\r\n--B--\r\n',
            "multipart/form-data; boundary=B"),
    }


def body_routes() -> list[tuple[Route, str]]:
    return [(r, m) for r in tenant_routes() for m in r.methods if m in ("post", "put", "patch")]


@pytest.fixture
def owner(make_tenant, api_client_for):
    from tests.attack.victim import plant

    victim = plant(with_dataset(make_tenant("malformed-co")))
    token = api_client_for(victim.tenant)._credentials["HTTP_AUTHORIZATION"]
    return victim, {"Authorization": token}


def assert_client_error(response, what: str) -> None:
    assert 400 <= response.status_code < 500, (what, response.status_code, response.content[:300])
    if response["Content-Type"].startswith("application/json"):
        error = response.json()["error"]
        assert error["code"] and error["message"], what


def test_malformed_and_oversize_bodies_are_client_errors_everywhere(owner):
    victim, headers = owner
    client = Client(raise_request_exception=False)
    ids = victim.id_sets()[0]
    routes = body_routes()
    assert routes
    for route, method in routes:
        path = route.path({p: ids[k] for p, k in zip(route.params, route.kinds, strict=False)})
        for name, (body, content_type) in broken_bodies().items():
            response = client.generic(method.upper(), path, data=body, content_type=content_type, headers=headers)
            assert_client_error(response, f"{name}: {method.upper()} {path}")
        for name, (body, content_type) in odd_bodies().items():
            response = client.generic(method.upper(), path, data=body, content_type=content_type, headers=headers)
            assert response.status_code < 500, (name, method, path, response.content[:300])
    oversize = client.post("/api/chat/conversations/", data=broken_bodies()["10 MB question"][0],
                           content_type="application/json", headers=headers)
    assert oversize.status_code == 413


def test_dataset_uploads_that_are_not_datasets_are_refused_and_change_nothing(owner, settings):
    _, headers = owner
    client = Client(raise_request_exception=False)
    current = client.get("/api/metrics/datasets/", headers=headers).json()
    settings.SALESTALK_MAX_UPLOAD_BYTES = 64 * 1024
    uploads = {
        "empty file": b"",
        "binary garbage": bytes(range(256)) * 64,
        "wrong columns": b"a,b,c\n1,2,3\n",
        "header only": b"date,region,revenue\n",
        "bad dates": b"date,region,revenue\nyesterday,North,10\n",
        "over the upload limit": dataset_csv(marker="Big", days=400),
    }
    for name, content in uploads.items():
        upload = io.BytesIO(content)
        upload.name = "data.csv"
        response = client.post("/api/metrics/datasets/", {"file": upload, "replace": "true"}, headers=headers)
        assert_client_error(response, name)
    assert client.post("/api/metrics/datasets/", {"replace": "true"}, headers=headers).status_code == 400
    assert client.get("/api/metrics/datasets/", headers=headers).json() == current


def test_huge_headers_and_query_strings_are_client_errors(owner):
    _, headers = owner
    client = Client(raise_request_exception=False)
    assert client.get("/api/me", headers={"Authorization": "Bearer " + "A" * MB}).status_code == 401
    conversations = "/api/chat/conversations/"
    for query in ("limit=" + "9" * 5000, "limit=-1", "limit=abc", "before=" + "x" * 10_000):
        assert_client_error(client.get(f"{conversations}?{query}", headers=headers), query)
    huge = client.get("/api/metrics/query/?start=2025-01-01&end=2025-01-31&" + "filter=region:x&" * 5000,
                      headers=headers)
    assert_client_error(huge, "5,000 filters")
