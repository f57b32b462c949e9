"""The one event port: services publish, through Channels locally and API Gateway's management API on AWS."""
from __future__ import annotations

import json

import botocore.session
import pytest
from asgiref.sync import async_to_sync, sync_to_async
from botocore.stub import ANY, Stubber
from channels.testing import WebsocketCommunicator

from chat import connections, services
from chat.models import ConnectionIndexItem, connections_table_name
from chat.tickets import issue_ticket
from collab.services import add_comment, pin_insight
from salestalk.tests.lambda_events import WS_HOST, WS_STAGE
from tenants.storage import bind_table

ENDPOINT = f"https://{WS_HOST}/{WS_STAGE}"
pytestmark = pytest.mark.django_db  # Channels closes Django's connections around consumer messages


class Management:
    """A real apigatewaymanagementapi client under Stubber, recording what was posted to whom."""

    def __init__(self) -> None:
        self.client = botocore.session.get_session().create_client(
            "apigatewaymanagementapi", region_name="us-east-1", endpoint_url=ENDPOINT,
            aws_access_key_id="http-function-role", aws_secret_access_key="x",
        )
        self.stubber = Stubber(self.client)
        self.posted: list[tuple[str, dict]] = []
        self.client.meta.events.register(
            "provide-client-params.apigatewaymanagementapi.PostToConnection",
            lambda params, **_: self.posted.append((params["ConnectionId"], json.loads(params["Data"]))),
        )

    def expect(self, connection_id: str, *, gone: bool = False) -> None:
        expected = {"ConnectionId": connection_id, "Data": ANY}
        if gone:
            self.stubber.add_client_error(
                "post_to_connection", service_error_code="GoneException", http_status_code=410,
                expected_params=expected,
            )
        else:
            self.stubber.add_response("post_to_connection", {}, expected)


@pytest.fixture
def aws(settings, monkeypatch):
    settings.SALESTALK_EVENTS_BACKEND = "apigateway"
    management = Management()
    endpoints: list[str] = []

    def client_for(endpoint: str):
        endpoints.append(endpoint)
        return management.client

    monkeypatch.setattr(connections, "management_client", client_for)
    connections.ensure_connections_table()
    with management.stubber:
        yield management
        management.stubber.assert_no_pending_responses()
    # Each post went to the stage its connection came through, as stored at $connect.
    assert set(endpoints) <= {ENDPOINT}


def store(tenant, conversation_id: str, *connection_ids: str) -> None:
    for connection_id in connection_ids:
        connections.store_connection(
            tenant=tenant, conversation_id=conversation_id, connection_id=connection_id, endpoint=ENDPOINT
        )


def index_entry(connection_id: str):
    Index = bind_table(ConnectionIndexItem, table_name=connections_table_name())
    try:
        return Index.get(connection_id, consistent_read=True)
    except Index.DoesNotExist:
        return None


def test_a_rest_ask_posts_thinking_and_answer_to_every_stored_connection_and_drops_a_gone_one(
    aws, tenant, dataset, api_client_for
):
    client = api_client_for(tenant, email="ann@acme.example")
    conversation = client.post("/api/chat/conversations/", {"title": "live"}, format="json").json()["id"]
    store(tenant, conversation, "conn-A=", "conn-B=", "conn-C=")
    for connection_id in ("conn-A=", "conn-B="):
        aws.expect(connection_id)
    aws.expect("conn-C=", gone=True)
    aws.expect("conn-A=")
    aws.expect("conn-B=")

    response = client.post(
        f"/api/chat/conversations/{conversation}/messages/",
        {"text": "What was revenue in EMEA in July 2025?", "as_of": "2025-09-15"},
        format="json",
    )

    assert response.status_code == 201, response.content
    assert [(cid, frame["type"]) for cid, frame in aws.posted] == [
        ("conn-A=", "thinking"), ("conn-B=", "thinking"), ("conn-C=", "thinking"),
        ("conn-A=", "answer"), ("conn-B=", "answer"),
    ]
    answer = aws.posted[-1][1]
    assert answer["answer"]["result"]["value"] == pytest.approx(100.5)
    assert answer["assistant_message"] == response.json()["assistant_message"]
    assert {c.connection_id for c in connections.viewers(tenant=tenant, conversation_id=conversation)} == {
        "conn-A=", "conn-B="
    }
    assert index_entry("conn-C=") is None and index_entry("conn-A=") is not None


def test_pins_and_comments_reach_stored_connections_too(aws, tenant, dataset):
    outcome = services.ask(tenant=tenant, conversation_id=None, text="What was revenue in July 2025?")
    store(tenant, outcome.conversation_id, "conn-A=")
    aws.expect("conn-A=")
    aws.expect("conn-A=")
    message_id = outcome.assistant_message["id"]
    insight = pin_insight(tenant=tenant, conversation_id=outcome.conversation_id, message_id=message_id)
    add_comment(tenant=tenant, insight_id=insight.id, text="Nice!")
    assert [(frame["type"], frame.get("insight", frame.get("comment"))["id"]) for _, frame in aws.posted] == [
        ("insight", insight.id), ("comment", aws.posted[1][1]["comment"]["id"]),
    ]
    assert aws.posted[1][1]["comment"]["text"] == "Nice!"


def test_events_of_one_tenant_never_reach_another_tenants_connections(aws, make_tenant, tenant, dataset):
    globex = make_tenant("globex")
    outcome = services.ask(tenant=tenant, conversation_id=None, text="What was revenue in July 2025?")
    # The other tenant's table holds a connection for the very same conversation id.
    store(globex, outcome.conversation_id, "conn-G=")
    services.ask(tenant=tenant, conversation_id=outcome.conversation_id, text="And in EMEA?")
    assert aws.posted == []


def test_a_service_call_is_seen_live_through_channels_without_any_view(tenant, dataset):
    """Services publish, not views: an ask and a comment made straight through the services reach a viewer."""
    from salestalk.asgi import application

    conversation = services.create_conversation(tenant=tenant, title="live").id
    ticket, _ = issue_ticket(tenant=tenant, conversation_id=conversation)

    async def scenario() -> list[dict]:
        viewer = WebsocketCommunicator(
            application, f"/ws/chat/{conversation}/?ticket={ticket}", headers=[(b"origin", b"http://testserver")]
        )
        assert (await viewer.connect(timeout=5))[0]
        outcome = await sync_to_async(services.ask)(
            tenant=tenant, conversation_id=conversation, text="What was revenue in July 2025?", as_of=None
        )
        insight = await sync_to_async(pin_insight)(
            tenant=tenant, conversation_id=conversation, message_id=outcome.assistant_message["id"]
        )
        await sync_to_async(add_comment)(tenant=tenant, insight_id=insight.id, text="Nice!")
        received = [await viewer.receive_json_from(timeout=10) for _ in range(4)]
        await viewer.disconnect()
        return received

    received = async_to_sync(scenario)()
    assert [event["type"] for event in received] == ["thinking", "answer", "insight", "comment"]
    assert received[1]["answer"]["result"]["value"] == pytest.approx(300.5)
    assert received[3]["comment"]["text"] == "Nice!"
