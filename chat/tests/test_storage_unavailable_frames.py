"""A storage outage over a WebSocket answers as REST does (core.unavailable): ``storage_unavailable`` with a
retry hint, never the generic ``ask_failed``, and nothing of the failure's own text. Both sockets: Channels
and the API Gateway handler, with botocore made to fail the way an unreachable DynamoDB or S3 does."""
from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from asgiref.sync import async_to_sync
from botocore.client import BaseClient
from botocore.exceptions import EndpointConnectionError
from channels.testing import WebsocketCommunicator

from chat.lambda_ws import handler
from chat.services import create_conversation
from chat.tests import test_socket_guards
from chat.tests.test_socket_guards import ORIGIN, lambda_connect, open_socket
from chat.tickets import issue_ticket
from core.unavailable import RETRY_AFTER_SECONDS
from salestalk.tests.lambda_events import ws_connect_event, ws_message_event

pytestmark = pytest.mark.django_db
SECRET = "ddb-internal-7f3a.example"
aws = test_socket_guards.aws  # the stubbed API Gateway management API, as the other socket tests use it
STORAGE = frozenset({"dynamodb", "s3"})
# How items are put (messages); the frame counter's UpdateItem still passes.
PUTS = frozenset({"PutItem", "BatchWriteItem", "TransactWriteItems"})


@pytest.fixture
def outage(monkeypatch):
    """Once started, DynamoDB and S3 calls fail as unreachable (all of them, or those ``failing`` names);
    API Gateway's management API (stubbed) still answers."""
    make_api_call = BaseClient._make_api_call

    def start(*, failing: Callable[[str, dict], bool] = lambda operation, params: True) -> None:
        def call(client, operation_name, api_params):
            if client.meta.service_model.service_name in STORAGE and failing(operation_name, api_params):
                raise EndpointConnectionError(endpoint_url=f"http://{SECRET}")
            return make_api_call(client, operation_name, api_params)

        monkeypatch.setattr(BaseClient, "_make_api_call", call)

    return start


def tenant_table_puts(operation: str, params: dict) -> bool:
    """Puts into a tenant's table (the conversation's messages), past the reads that place a connection."""
    tables = [params.get("TableName", "")] + [
        item[kind]["TableName"] for item in params.get("TransactItems", []) for kind in item
    ]
    return operation in PUTS and any("tenant-" in str(table) for table in tables)


@pytest.fixture
def conversation(tenant):
    return create_conversation(tenant=tenant, title="outage").id


def assert_unavailable(frame: dict) -> None:
    assert frame["type"] == "error"
    assert frame["error"]["code"] == "storage_unavailable"
    assert frame["error"]["details"] == {"retry_after": RETRY_AFTER_SECONDS}
    assert SECRET not in json.dumps(frame) and "Traceback" not in json.dumps(frame)


async def frames_until_error(socket: WebsocketCommunicator) -> dict:
    for _ in range(5):  # "thinking" may come first
        frame = await socket.receive_json_from(timeout=10)
        if frame["type"] == "error":
            return frame
    raise AssertionError("no error frame")


# --- Channels ------------------------------------------------------------------------------------------


def test_channels_an_ask_during_an_outage_is_storage_unavailable_and_the_socket_stays_open(
    tenant, conversation, outage
):
    ticket, _ = issue_ticket(tenant=tenant, conversation_id=conversation)

    async def scenario():
        socket = await open_socket(conversation, ticket)
        outage()
        await socket.send_json_to({"type": "ask", "text": "What was revenue last month?"})
        error = await frames_until_error(socket)
        still_open = await socket.receive_nothing(timeout=0.5)
        await socket.disconnect()
        return error, still_open

    error, still_open = async_to_sync(scenario)()
    assert_unavailable(error)
    assert still_open


def test_channels_a_connect_during_an_outage_is_told_to_retry(tenant, conversation, outage):
    ticket, _ = issue_ticket(tenant=tenant, conversation_id=conversation)
    outage()

    async def scenario():
        from salestalk.asgi import application

        socket = WebsocketCommunicator(application, f"/ws/chat/{conversation}/?ticket={ticket}", headers=ORIGIN)
        connected, _ = await socket.connect(timeout=30)
        error = await socket.receive_json_from(timeout=5)
        closing = await socket.receive_output(timeout=5)
        return connected, error, closing

    connected, error, closing = async_to_sync(scenario)()
    assert connected
    assert_unavailable(error)
    assert closing == {"type": "websocket.close", "code": 1013}


# --- API Gateway ---------------------------------------------------------------------------------------


def test_lambda_an_ask_whose_messages_cannot_be_stored_posts_storage_unavailable(dataset, conversation, aws, outage):
    lambda_connect(dataset, conversation)
    outage(failing=tenant_table_puts)
    aws.expect("conn-A=")  # thinking
    aws.expect("conn-A=")  # the error, to the asker
    response = handler(ws_message_event("conn-A=", {"type": "ask", "text": "What was revenue in July 2025?"}), None)
    assert response["statusCode"] == 400
    assert [frame["type"] for _, frame in aws.posted] == ["thinking", "error"]
    assert aws.posted[-1][0] == "conn-A="
    assert_unavailable(aws.posted[-1][1])


def test_lambda_a_message_while_all_storage_is_down_posts_storage_unavailable(tenant, conversation, aws, outage):
    lambda_connect(tenant, conversation)
    outage()
    aws.expect("conn-A=")
    response = handler(ws_message_event("conn-A=", {"type": "ask", "text": "revenue?"}), None)
    assert response["statusCode"] == 503
    assert len(aws.posted) == 1 and aws.posted[0][0] == "conn-A="
    assert_unavailable(aws.posted[0][1])


def test_lambda_a_connect_during_an_outage_is_a_503_to_retry(tenant, conversation, aws, outage):
    ticket, _ = issue_ticket(tenant=tenant, conversation_id=conversation)
    outage()
    response = handler(ws_connect_event("conn-B=", query={"conversation": conversation, "ticket": ticket}), None)
    assert response["statusCode"] == 503
    assert_unavailable(json.loads(response["body"]))
