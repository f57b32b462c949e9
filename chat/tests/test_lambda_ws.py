"""The API Gateway WebSocket handler with real-shaped events, DynamoDB Local and a stubbed management API."""
from __future__ import annotations

import io
import json
import time

import botocore.session
import pytest
from awslambdaric.bootstrap import _get_handler
from botocore.stub import ANY, Stubber

from chat import connections, frames, lambda_ws
from chat.lambda_ws import handler
from chat.models import (
    ConnectionIndexItem,
    ConnectionItem,
    MessageItem,
    connection_pk,
    connections_table_name,
    messages_pk,
)
from chat.services import create_conversation
from chat.tickets import issue_ticket
from metrics.services import import_dataset
from salestalk.tests.lambda_events import (
    WS_HOST,
    WS_STAGE,
    ws_connect_event,
    ws_disconnect_event,
    ws_message_event,
)
from tenants.services import set_tenant_status
from tenants.storage import bind, bind_table
from tenants.tokens import issue_token

CSV = b"""date,region,revenue
2025-07-01,EMEA,100.5
2025-07-15,APAC,200
2025-08-03,EMEA,40.25
"""


class Management:
    """A real apigatewaymanagementapi client under Stubber, recording what was posted to whom."""

    def __init__(self) -> None:
        self.client = botocore.session.get_session().create_client(
            "apigatewaymanagementapi",
            region_name="us-east-1",
            endpoint_url=f"https://{WS_HOST}/{WS_STAGE}",
            aws_access_key_id="function-role",
            aws_secret_access_key="x",
        )
        self.stubber = Stubber(self.client)
        self.posted: list[tuple[str, dict]] = []
        self.client.meta.events.register("provide-client-params.apigatewaymanagementapi.PostToConnection", self._record)

    def _record(self, params, **kwargs) -> None:
        self.posted.append((params["ConnectionId"], json.loads(params["Data"])))

    def expect_posts(self, *connection_ids: str) -> None:
        for connection_id in connection_ids:
            self.stubber.add_response("post_to_connection", {}, {"ConnectionId": connection_id, "Data": ANY})

    def expect_gone(self, connection_id: str) -> None:
        self.stubber.add_client_error(
            "post_to_connection", service_error_code="GoneException", http_status_code=410,
            expected_params={"ConnectionId": connection_id, "Data": ANY},
        )


@pytest.fixture
def management(monkeypatch, settings):
    settings.SALESTALK_EVENTS_BACKEND = "apigateway"
    stubbed = Management()

    def client_for(endpoint):
        # Every post goes to the management API of the stage the connection came through.
        assert endpoint == f"https://{WS_HOST}/{WS_STAGE}"
        return stubbed.client

    monkeypatch.setattr(connections, "management_client", client_for)
    connections.ensure_connections_table()
    with stubbed.stubber:
        yield stubbed
        stubbed.stubber.assert_no_pending_responses()


@pytest.fixture
def conversation(tenant):
    return create_conversation(tenant=tenant, title="Revenue").id


def connect(conversation_id: str, connection_id: str, *, tenant) -> dict:
    ticket, _ = issue_ticket(tenant=tenant, conversation_id=conversation_id)
    return handler(ws_connect_event(connection_id, query={"conversation": conversation_id, "ticket": ticket}), None)


def index_entry(connection_id: str):
    Index = bind_table(ConnectionIndexItem, table_name=connections_table_name())
    try:
        return Index.get(connection_id, consistent_read=True)
    except Index.DoesNotExist:
        return None


def room(tenant, conversation_id: str) -> set[str]:
    return {item.connection_id for item in bind(ConnectionItem, tenant=tenant).query(connection_pk(conversation_id))}


def test_the_handler_string_resolves_as_lambda_loads_it():
    assert _get_handler("chat.lambda_ws.handler") is handler


def test_connect_with_a_ticket_stores_the_connection_in_the_tenant_table_and_the_index(
    tenant, conversation, management
):
    assert connect(conversation, "conn-A=", tenant=tenant)["statusCode"] == 200
    assert room(tenant, conversation) == {"conn-A="}
    entry = index_entry("conn-A=")
    assert (entry.tenant_id, entry.conversation_id) == ("acme", conversation)
    assert time.time() + 2 * 3600 < entry.expires_at <= time.time() + connections.CONNECTION_TTL_SECONDS + 5


def test_a_ticket_opens_one_connection_only(tenant, conversation, management):
    ticket, _ = issue_ticket(tenant=tenant, conversation_id=conversation)
    query = {"conversation": conversation, "ticket": ticket}
    assert handler(ws_connect_event("conn-A=", query=query), None)["statusCode"] == 200
    second = handler(ws_connect_event("conn-B=", query=query), None)
    assert second["statusCode"] == 401
    assert json.loads(second["body"])["error"]["code"] == "ticket_refused"
    assert index_entry("conn-B=") is None


def test_connect_without_credentials_is_refused(tenant, conversation, management):
    response = handler(ws_connect_event("conn-A=", query={"conversation": conversation}), None)
    assert response["statusCode"] == 401
    assert index_entry("conn-A=") is None and room(tenant, conversation) == set()


def test_a_ticket_for_another_conversation_is_forbidden(tenant, conversation, management):
    other = create_conversation(tenant=tenant, title="Other").id
    ticket, _ = issue_ticket(tenant=tenant, conversation_id=other)
    response = handler(ws_connect_event("conn-A=", query={"conversation": conversation, "ticket": ticket}), None)
    assert response["statusCode"] == 403


def test_a_bearer_header_connects_but_only_to_its_own_tenants_conversations(
    make_tenant, tenant, conversation, management
):
    make_tenant("globex")
    event = ws_connect_event("conn-A=", query={"conversation": conversation})
    event["headers"]["Authorization"] = f"Bearer {issue_token(tenant_id='acme', email='ann@acme.example')}"
    assert handler(event, None)["statusCode"] == 200
    assert room(tenant, conversation) == {"conn-A="}

    intruder = ws_connect_event("conn-B=", query={"conversation": conversation})
    intruder["headers"]["Authorization"] = f"Bearer {issue_token(tenant_id='globex', email='eve@globex.example')}"
    assert handler(intruder, None)["statusCode"] == 403
    assert index_entry("conn-B=") is None


def test_a_token_in_the_query_string_is_not_accepted(tenant, conversation, management):
    token = issue_token(tenant_id="acme", email="ann@acme.example")
    response = handler(ws_connect_event("conn-A=", query={"conversation": conversation, "token": token}), None)
    assert response["statusCode"] == 401


def test_disconnect_removes_the_connection_everywhere(tenant, conversation, management):
    connect(conversation, "conn-A=", tenant=tenant)
    connect(conversation, "conn-B=", tenant=tenant)
    assert handler(ws_disconnect_event("conn-A="), None)["statusCode"] == 200
    assert index_entry("conn-A=") is None
    assert room(tenant, conversation) == {"conn-B="}


def test_an_answer_goes_to_every_connection_of_the_conversation(tenant, conversation, management):
    import_dataset(tenant=tenant, stream=io.BytesIO(CSV), source="t.csv", replace=False)
    connect(conversation, "conn-A=", tenant=tenant)
    connect(conversation, "conn-B=", tenant=tenant)
    management.expect_posts("conn-A=", "conn-B=", "conn-A=", "conn-B=")  # thinking, then answer

    frame = {"type": "ask", "text": "What was revenue in EMEA in July 2025?", "as_of": "2025-09-01"}
    assert handler(ws_message_event("conn-A=", frame), None)["statusCode"] == 200

    assert [(cid, data["type"]) for cid, data in management.posted] == [
        ("conn-A=", "thinking"), ("conn-B=", "thinking"), ("conn-A=", "answer"), ("conn-B=", "answer"),
    ]
    answer = management.posted[-1][1]
    assert answer["answer"]["result"]["value"] == pytest.approx(100.5)
    assert answer["answer"]["conversation"] == conversation
    assert answer["user_message"]["text"] == frame["text"]
    stored = list(bind(MessageItem, tenant=tenant).query(messages_pk(conversation)))
    assert [m.sender for m in stored] == ["user", "assistant"]
    assert stored[0].metadata["session"] == "ws_conn-A="


def test_the_api_gateway_action_key_is_accepted_for_type(tenant, conversation, management):
    import_dataset(tenant=tenant, stream=io.BytesIO(CSV), source="t.csv", replace=False)
    connect(conversation, "conn-A=", tenant=tenant)
    management.expect_posts("conn-A=", "conn-A=")
    frame = {"action": "ask", "text": "What was revenue in July 2025?", "as_of": "2025-09-01"}
    assert handler(ws_message_event("conn-A=", frame), None)["statusCode"] == 200
    assert management.posted[-1][1]["answer"]["result"]["value"] == pytest.approx(300.5)


def test_gone_connections_are_removed_and_the_others_still_served(tenant, conversation, management):
    import_dataset(tenant=tenant, stream=io.BytesIO(CSV), source="t.csv", replace=False)
    connect(conversation, "conn-A=", tenant=tenant)
    connect(conversation, "conn-B=", tenant=tenant)
    management.expect_posts("conn-A=")
    management.expect_gone("conn-B=")
    management.expect_posts("conn-A=")
    frame = {"type": "ask", "text": "What was revenue in July 2025?", "as_of": "2025-09-01"}
    assert handler(ws_message_event("conn-A=", frame), None)["statusCode"] == 200
    assert room(tenant, conversation) == {"conn-A="}
    assert index_entry("conn-B=") is None
    assert [data["type"] for _, data in management.posted] == ["thinking", "thinking", "answer"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("not json", "invalid_frame"),
        (json.dumps({"type": "subscribe"}), "invalid_frame"),
        (json.dumps({"type": "ask", "text": "  "}), "invalid_text"),
        (json.dumps({"type": "ask", "text": "revenue?", "as_of": "yesterday"}), "invalid_as_of"),
        ("x" * (frames.MAX_FRAME_CHARS + 1), "invalid_frame"),
    ],
)
def test_bad_frames_get_an_error_back_to_the_sender_only(tenant, conversation, management, body, code):
    connect(conversation, "conn-A=", tenant=tenant)
    connect(conversation, "conn-B=", tenant=tenant)
    management.expect_posts("conn-A=")
    assert handler(ws_message_event("conn-A=", body), None)["statusCode"] == 400
    assert management.posted == [("conn-A=", {"type": "error", "error": ANY})]
    assert management.posted[0][1]["error"]["code"] == code
    assert list(bind(MessageItem, tenant=tenant).query(messages_pk(conversation))) == []


def _expect_close(management: Management, connection_id: str) -> None:
    management.stubber.add_response("delete_connection", {}, {"ConnectionId": connection_id})


def test_an_unknown_connection_is_closed_and_nothing_is_answered(tenant, conversation, management):
    _expect_close(management, "conn-X=")
    response = handler(ws_message_event("conn-X=", {"type": "ask", "text": "revenue?"}), None)
    assert response["statusCode"] == 403
    assert management.posted == []


def test_an_index_entry_its_tenant_does_not_hold_is_refused(make_tenant, tenant, conversation, management):
    # A forged (or stale) index entry pointing a connection at another tenant finds no matching item there.
    globex = make_tenant("globex")
    connect(conversation, "conn-A=", tenant=tenant)
    Index = bind_table(ConnectionIndexItem, table_name=connections_table_name())
    Index(
        "conn-A=", tenant_id=globex.tenant_id, conversation_id=conversation, expires_at=int(time.time()) + 600
    ).save()
    _expect_close(management, "conn-A=")
    assert handler(ws_message_event("conn-A=", {"type": "ask", "text": "revenue?"}), None)["statusCode"] == 403
    assert management.posted == []
    assert list(bind(MessageItem, tenant=tenant).query(messages_pk(conversation))) == []
    assert list(bind(MessageItem, tenant=globex).query(messages_pk(conversation))) == []


def test_connections_of_a_disabled_tenant_are_closed(tenant, conversation, management):
    connect(conversation, "conn-A=", tenant=tenant)
    set_tenant_status(tenant_id="acme", status="disabled")
    _expect_close(management, "conn-A=")
    assert handler(ws_message_event("conn-A=", {"type": "ask", "text": "revenue?"}), None)["statusCode"] == 403
    assert management.posted == []


def test_an_expired_index_entry_is_refused(tenant, conversation, management):
    connect(conversation, "conn-A=", tenant=tenant)
    Index = bind_table(ConnectionIndexItem, table_name=connections_table_name())
    Index("conn-A=", tenant_id="acme", conversation_id=conversation, expires_at=int(time.time()) - 1).save()
    _expect_close(management, "conn-A=")
    assert handler(ws_message_event("conn-A=", {"type": "ask", "text": "revenue?"}), None)["statusCode"] == 403


def test_an_unknown_route_is_refused(management):
    event = ws_message_event("conn-A=", "{}")
    event["requestContext"]["routeKey"] = "sendmessage"
    assert handler(event, None)["statusCode"] == 400


def test_the_management_endpoint_is_the_apis_own_stage():
    endpoint = lambda_ws.endpoint_of(ws_message_event("conn-A=", "{}"))
    assert connections.management_client(endpoint).meta.endpoint_url == f"https://{WS_HOST}/{WS_STAGE}"
