"""Schemathesis against /api/schema/, in process (WSGI), with a valid token: no input makes the API fail.

``make fuzz`` runs only this; it is marked ``fuzz`` so CI can run it on its own as well.
"""
from __future__ import annotations

import io

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from chat import services as chat_services
from collab import services as insight_services
from metrics.services import import_dataset
from tenants.tokens import issue_token

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

CSV = b"""date,region,channel,revenue,cost,units,orders
2025-07-01,EMEA,Online,100.5,40,3,2
2025-08-03,APAC,Retail,40.25,20,1,1
"""


@pytest.fixture
def api_schema(tenant):
    """The live schema of the app, and a tenant with data, a conversation, an answer and a pinned insight."""
    import_dataset(tenant=tenant, stream=io.BytesIO(CSV), source="fuzz.csv", replace=False)
    outcome = chat_services.ask(tenant=tenant, conversation_id=None, text="What was revenue in July 2025?")
    insight = insight_services.pin_insight(
        tenant=tenant, conversation_id=outcome.conversation_id, message_id=outcome.assistant_message["id"]
    )
    insight_services.share_insight(tenant=tenant, insight_id=insight.id)
    return schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_request_makes_the_api_fail(case, tenant):
    token = issue_token(tenant_id=tenant.tenant_id, email="fuzz@acme.example")
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        checks=[not_a_server_error, response_schema_conformance],
    )
