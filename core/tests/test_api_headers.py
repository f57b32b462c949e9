"""Answers of the API and the pages' token endpoint are never cached; a caller's request id is kept only when sane."""
from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tenants.models import Membership


def never_cached(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


def test_tenant_data_from_the_api_is_never_cached(tenant, api_client_for):
    response = api_client_for(tenant).get("/api/me")
    assert response.status_code == 200 and never_cached(response)


@pytest.mark.parametrize("path", ["/api/me", "/api/nope", "/api/schema/"])
def test_every_api_answer_is_never_cached_errors_included(db, path):
    assert never_cached(Client().get(path))


def test_the_pages_access_token_is_never_cached(tenant, db):
    user = get_user_model().objects.create_user(username="ann@acme.example", password="pw-0123456789")
    Membership.objects.create(user=user, tenant_id=tenant.tenant_id)
    client = Client()
    client.force_login(user)
    response = client.post("/app/token")
    assert response.status_code == 200 and response.json()["access"] and never_cached(response)


@pytest.mark.parametrize("given", ["6f1a7e2c-0000-4000-8000-000000000001", "Root=1-67891233-abcdef012345678912345678"])
def test_a_callers_request_id_is_echoed_when_it_looks_like_one(given):
    assert Client().get("/api/me", HTTP_X_REQUEST_ID=given)["X-Request-Id"] == given


@pytest.mark.parametrize("given", ["x" * 129, "id with spaces", "id\u00e9", "a{\"level\":\"ERROR\"}", ""])
def test_a_forged_or_flooding_request_id_is_replaced(given):
    echoed = Client().get("/api/me", HTTP_X_REQUEST_ID=given)["X-Request-Id"]
    assert echoed != given and len(echoed) == 32 and echoed.isalnum()
