"""Test-session fixtures: one in-memory DynamoDB Local, a fresh table prefix per test, tenants, clients."""
from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from rest_framework.test import APIClient

from salestalk import dynamodb_local
from tenants.context import TenantContext
from tenants.selectors import get_tenant_context
from tenants.services import onboard_tenant
from tenants.tokens import issue_token


@pytest.fixture(scope="session")
def dynamodb_server() -> Iterator[dynamodb_local.Server]:
    server = dynamodb_local.start(port=dynamodb_local.free_port(), data_dir=None)
    yield server
    if server.process is not None:
        dynamodb_local.stop(server.process)


@pytest.fixture(autouse=True)
def _isolated_tables(settings, dynamodb_server: dynamodb_local.Server) -> str:
    """Every test gets its own table prefix, so tests never see each other's tables."""
    settings.SALESTALK_DYNAMODB_ENDPOINT = dynamodb_server.endpoint
    settings.SALESTALK_TABLE_PREFIX = f"t{uuid.uuid4().hex[:12]}-"
    return settings.SALESTALK_TABLE_PREFIX


@pytest.fixture
def make_tenant() -> Callable[..., TenantContext]:
    def make(
        tenant_id: str = "acme",
        *,
        name: str | None = None,
        owner_email: str | None = None,
        currency: str = "USD",
        time_zone: str = "UTC",
    ) -> TenantContext:
        email = owner_email or f"owner@{tenant_id}.example"
        onboard_tenant(
            tenant_id=tenant_id,
            name=name or tenant_id.title(),
            owner_email=email,
            currency=currency,
            time_zone=time_zone,
        )
        return get_tenant_context(tenant_id=tenant_id, email=email)

    return make


@pytest.fixture
def tenant(make_tenant: Callable[..., TenantContext]) -> TenantContext:
    return make_tenant("acme")


@pytest.fixture
def api_client_for() -> Callable[[TenantContext], APIClient]:
    def client_for(tenant: TenantContext, *, email: str | None = None) -> APIClient:
        client = APIClient()
        token = issue_token(tenant_id=tenant.tenant_id, email=email or tenant.email or "user@example.com")
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        return client

    return client_for
