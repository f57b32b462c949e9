"""What every WebSocket ask must pass, on both sockets (Channels and the API Gateway handler): the tenant and
the person still stand (re-checked per ask), the frame rate, the ask throttles, the as_of range; and a
probe without credentials learns nothing about which tenants exist."""
from __future__ import annotations

import json
import time
from types import SimpleNamespace

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from botocore.stub import ANY
from channels.testing import WebsocketCommunicator
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from chat import connections, frames
from chat.lambda_ws import handler
from chat.services import create_conversation
from chat.tests.test_events import Management
from chat.tickets import issue_ticket
from salestalk.tests.lambda_events import ws_connect_event, ws_message_event
from tenants import services as tenant_services
from tenants.auth import context_from_token
from tenants.tokens import issue_token

pytestmark = pytest.mark.django_db
ORIGIN = [(b"origin", b"http://testserver")]


@pytest.fixture
def ann(tenant):
    """A local sign-in user: the person behind the socket, with a token version."""
    user, _ = tenant_services.create_user(tenant_id="acme", email="ann@acme.example", password="correct-horse-9")
    return context_from_token(issue_token(tenant_id="acme", email="ann@acme.example", user_id=str(user.pk)))


@pytest.fixture
def conversation(tenant):
    return create_conversation(tenant=tenant, title="guarded").id


def revoke(how: str, ann) -> None:
    if how == "user disabled":
        get_user_model().objects.filter(pk=int(ann.user_id)).update(is_active=False)
    elif how == "signed out everywhere":
        tenant_services.revoke_tokens(user_id=int(ann.user_id))
    else:
        tenant_services.set_tenant_status(tenant_id="acme", status="disabled")


REVOCATIONS = {"user disabled": "token_revoked", "signed out everywhere": "token_revoked",
               "tenant disabled": "tenant_unavailable"}


# --- Channels ------------------------------------------------------------------------------------------


async def open_socket(conversation_id: str, ticket: str) -> WebsocketCommunicator:
    from salestalk.asgi import application

    socket = WebsocketCommunicator(application, f"/ws/chat/{conversation_id}/?ticket={ticket}", headers=ORIGIN)
    assert (await socket.connect(timeout=30))[0]  # a hang guard: the first connect of a process loads the app
    return socket


@pytest.mark.parametrize("how", REVOCATIONS)
def test_channels_an_ask_after_revocation_gets_an_error_frame_and_the_socket_closes(ann, conversation, how):
    ticket, _ = issue_ticket(tenant=ann, conversation_id=conversation)

    async def scenario():
        socket = await open_socket(conversation, ticket)
        await sync_to_async(revoke)(how, ann)
        await socket.send_json_to({"type": "ask", "text": "revenue?"})
        error = await socket.receive_json_from(timeout=5)
        closing = await socket.receive_output(timeout=5)
        return error, closing

    error, closing = async_to_sync(scenario)()
    assert error["type"] == "error" and error["error"]["code"] == REVOCATIONS[how]
    assert (closing["type"], closing["code"]) == ("websocket.close", 4401)


def test_channels_an_ask_of_a_person_in_good_standing_goes_through(ann, conversation):
    ticket, _ = issue_ticket(tenant=ann, conversation_id=conversation)

    async def scenario():
        socket = await open_socket(conversation, ticket)
        await socket.send_json_to({"type": "ask", "text": "revenue?"})
        first = await socket.receive_json_from(timeout=5)
        second = await socket.receive_json_from(timeout=10)
        await socket.disconnect()
        return first, second

    first, second = async_to_sync(scenario)()
    assert first["type"] == "thinking"
    assert second["error"]["code"] == "no_dataset"  # past the re-check: the engine answered (no data yet)


def test_channels_frames_per_second_are_bounded_and_the_socket_stays_open(tenant, conversation, settings, monkeypatch):
    settings.SALESTALK_WS_MAX_FRAMES_PER_SECOND = 2
    monkeypatch.setattr(frames, "time", SimpleNamespace(monotonic=lambda: 1000.0))  # one and the same second
    ticket, _ = issue_ticket(tenant=tenant, conversation_id=conversation)

    async def scenario():
        socket = await open_socket(conversation, ticket)
        codes = []
        for _ in range(4):
            await socket.send_to(text_data="not json")
            codes.append((await socket.receive_json_from(timeout=5))["error"])
        await socket.disconnect()
        return codes

    errors = async_to_sync(scenario)()
    assert [e["code"] for e in errors] == ["invalid_frame", "invalid_frame", "too_many_frames", "too_many_frames"]
    assert "2 frames per second" in errors[-1]["message"]


def test_channels_asks_count_against_the_same_throttles_as_rest(tenant, conversation, settings, api_client_for):
    settings.SALESTALK_THROTTLE_STORE = "dynamodb"
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "ask_user": "1/min"},
    }
    ticket, _ = issue_ticket(tenant=tenant, conversation_id=conversation)

    async def scenario():
        socket = await open_socket(conversation, ticket)
        await socket.send_json_to({"type": "ask", "text": "revenue?"})
        replies = [await socket.receive_json_from(timeout=10) for _ in range(2)]  # thinking, then no_dataset
        await socket.send_json_to({"type": "ask", "text": "revenue?"})
        replies.append(await socket.receive_json_from(timeout=5))
        await socket.disconnect()
        return replies

    replies = async_to_sync(scenario)()
    # The group's "thinking" and the socket's own error frame travel apart, so either may come first.
    assert sorted(r["type"] for r in replies[:2]) == ["error", "thinking"] and replies[2]["type"] == "error"
    assert replies[2]["error"]["code"] == "throttled" and replies[2]["error"]["details"]["retry_after"] > 0
    rest = api_client_for(tenant).post(
        f"/api/chat/conversations/{conversation}/messages/", {"text": "revenue?"}, format="json"
    )
    assert rest.status_code == 429  # one budget for both surfaces


def test_channels_as_of_outside_1900_2200_is_an_error_frame(tenant, conversation):
    ticket, _ = issue_ticket(tenant=tenant, conversation_id=conversation)

    async def scenario():
        socket = await open_socket(conversation, ticket)
        replies = []
        for as_of in ("0001-01-01", "9999-12-31", "1899-12-31"):
            await socket.send_json_to({"type": "ask", "text": "revenue?", "as_of": as_of})
            replies.append(await socket.receive_json_from(timeout=5))
        await socket.disconnect()
        return replies

    for reply in async_to_sync(scenario)():
        assert reply["error"]["code"] == "invalid_as_of" and "1900-01-01" in reply["error"]["message"]


def test_channels_a_probe_cannot_tell_an_existing_tenant_from_an_unknown_one(tenant, conversation):
    from salestalk.asgi import application

    async def refusal(ticket: str):
        socket = WebsocketCommunicator(application, f"/ws/chat/{conversation}/?ticket={ticket}", headers=ORIGIN)
        assert (await socket.connect(timeout=30))[0]  # a hang guard: the first connect of a process loads the app
        return await socket.receive_json_from(timeout=5), await socket.receive_output(timeout=5)

    existing = async_to_sync(refusal)("acme.no-such-secret")
    unknown = async_to_sync(refusal)("nosuch.no-such-secret")
    assert existing == unknown
    assert existing[1]["code"] == 4401


# --- the API Gateway handler ---------------------------------------------------------------------------


@pytest.fixture
def aws(settings, monkeypatch):
    settings.SALESTALK_EVENTS_BACKEND = "apigateway"
    management = Management()
    monkeypatch.setattr(connections, "management_client", lambda endpoint: management.client)
    connections.ensure_connections_table()
    with management.stubber:
        yield management
        management.stubber.assert_no_pending_responses()


def lambda_connect(person, conversation_id: str, connection_id: str = "conn-A=") -> None:
    ticket, _ = issue_ticket(tenant=person, conversation_id=conversation_id)
    event = ws_connect_event(connection_id, query={"conversation": conversation_id, "ticket": ticket})
    assert handler(event, None)["statusCode"] == 200


@pytest.mark.parametrize("how", REVOCATIONS)
def test_lambda_an_ask_after_revocation_gets_an_error_frame_and_the_connection_is_closed(
    ann, conversation, aws, how
):
    lambda_connect(ann, conversation)
    revoke(how, ann)
    if how == "tenant disabled":
        # A disabled tenant's connections no longer resolve at all: closed without an answer.
        aws.stubber.add_response("delete_connection", {}, {"ConnectionId": "conn-A="})
        assert handler(ws_message_event("conn-A=", {"type": "ask", "text": "revenue?"}), None)["statusCode"] == 403
        assert aws.posted == []
        return
    aws.expect("conn-A=")
    aws.stubber.add_response("delete_connection", {}, {"ConnectionId": "conn-A="})
    assert handler(ws_message_event("conn-A=", {"type": "ask", "text": "revenue?"}), None)["statusCode"] == 403
    assert aws.posted == [("conn-A=", {"type": "error", "error": ANY})]
    assert aws.posted[0][1]["error"]["code"] == REVOCATIONS[how]
    assert connections.viewers(tenant=ann, conversation_id=conversation) == []


def test_lambda_frames_per_second_are_bounded(tenant, conversation, aws, settings, monkeypatch):
    settings.SALESTALK_WS_MAX_FRAMES_PER_SECOND = 2
    lambda_connect(tenant, conversation)
    second = time.time()
    monkeypatch.setattr(connections, "time", SimpleNamespace(time=lambda: second))  # all in one second
    codes = []
    for _ in range(4):
        aws.expect("conn-A=")
        assert handler(ws_message_event("conn-A=", "not json"), None)["statusCode"] == 400
        codes.append(aws.posted[-1][1]["error"]["code"])
    assert codes == ["invalid_frame", "invalid_frame", "too_many_frames", "too_many_frames"]


def test_lambda_app_errors_from_below_chat_become_error_frames(tenant, conversation, aws):
    lambda_connect(tenant, conversation)
    aws.expect("conn-A=")  # thinking
    aws.expect("conn-A=")  # the error, to the asker
    response = handler(ws_message_event("conn-A=", {"type": "ask", "text": "revenue?"}), None)
    assert response["statusCode"] == 400
    assert [frame["type"] for _, frame in aws.posted] == ["thinking", "error"]
    assert aws.posted[-1][1]["error"]["code"] == "no_dataset"  # a metrics error, caught as the app's root error


def test_lambda_as_of_outside_1900_2200_is_an_error_frame(tenant, conversation, aws):
    lambda_connect(tenant, conversation)
    aws.expect("conn-A=")
    frame = {"type": "ask", "text": "revenue?", "as_of": "9999-12-31"}
    assert handler(ws_message_event("conn-A=", frame), None)["statusCode"] == 400
    assert aws.posted[-1][1]["error"]["code"] == "invalid_as_of"


def test_lambda_a_connect_probe_cannot_tell_existing_tenants_from_unknown_ones(tenant, conversation, aws):
    def connect_with(token: str) -> dict:
        event = ws_connect_event("conn-P=", query={"conversation": conversation})
        event["headers"]["Authorization"] = f"Bearer {token}"
        response = handler(event, None)
        return {"status": response["statusCode"], "body": json.loads(response["body"])}

    unknown = connect_with(issue_token(tenant_id="nosuch", email="eve@example.com", generation="g1"))
    garbage = connect_with("not-a-token")
    tenant_services.set_tenant_status(tenant_id="acme", status="disabled")
    disabled = connect_with(issue_token(tenant_id="acme", email="eve@example.com"))
    assert unknown == garbage == disabled
    assert unknown["status"] == 401


# --- REST and the command line: the same as_of rule ----------------------------------------------------


@pytest.mark.parametrize("as_of", ["0001-01-01", "9999-12-31", "2201-01-01"])
def test_rest_as_of_outside_1900_2200_is_a_clear_400(tenant, conversation, api_client_for, as_of):
    response = api_client_for(tenant).post(
        f"/api/chat/conversations/{conversation}/messages/", {"text": "revenue?", "as_of": as_of}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_as_of"
    assert "between 1900-01-01 and 2200-12-31" in response.json()["error"]["message"]


def test_the_command_refuses_as_of_outside_1900_2200(tenant, dataset):
    with pytest.raises(CommandError, match="between 1900-01-01 and 2200-12-31"):
        call_command("ask", "acme", "revenue?", "--as-of", "0001-01-01")
