"""Live chat through the real ASGI application: ticket authentication, refusals, and shared conversations."""
from __future__ import annotations

import time

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator

from chat import selectors
from chat.models import TICKET_SK, TicketItem, ticket_pk
from chat.tickets import _hash
from salestalk.asgi import application
from tenants.storage import bind

# Channels closes stale Django database connections around every consumer message, so the
# consumers under test need database access even though SalesTalk keeps tenant data in DynamoDB.
pytestmark = pytest.mark.django_db

ORIGIN = [(b"origin", b"http://testserver")]
QUIET = 0.3  # seconds to wait before concluding that nothing more arrives


@pytest.fixture
def client(tenant, api_client_for):
    return api_client_for(tenant, email="ann@acme.example")


@pytest.fixture
def conversation(client):
    return client.post("/api/chat/conversations/", {"title": "live"}, format="json").json()["id"]


def ticket_for(client, conversation_id):
    response = client.post("/api/chat/ws-ticket", {"conversation": conversation_id}, format="json")
    assert response.status_code == 200, response.content
    return response.json()["ticket"]


def socket(conversation_id, ticket=None):
    query = f"?ticket={ticket}" if ticket is not None else ""
    return WebsocketCommunicator(application, f"/ws/chat/{conversation_id}/{query}", headers=ORIGIN)


async def connected(conversation_id, ticket):
    communicator = socket(conversation_id, ticket)
    ok, _ = await communicator.connect()
    assert ok
    return communicator


async def refusal(conversation_id, ticket=None):
    """(error code sent, close code) of a refused socket."""
    communicator = socket(conversation_id, ticket)
    ok, _ = await communicator.connect()
    assert ok  # accepted, so the close code reaches browsers
    error = await communicator.receive_json_from()
    closing = await communicator.receive_output()
    await communicator.wait()
    assert closing["type"] == "websocket.close"
    return error["error"]["code"], closing["code"]


def test_two_viewers_see_each_others_questions_and_answers(client, conversation, dataset):
    ann_ticket, bob_ticket = ticket_for(client, conversation), ticket_for(client, conversation)

    async def scenario():
        ann = await connected(conversation, ann_ticket)
        bob = await connected(conversation, bob_ticket)
        await ann.send_json_to({"type": "ask", "text": "What was revenue in July 2025?", "as_of": "2025-09-15"})
        for viewer in (ann, bob):
            assert await viewer.receive_json_from(timeout=5) == {"type": "thinking", "conversation": conversation}
            event = await viewer.receive_json_from(timeout=10)
            assert event["type"] == "answer"
            assert event["user_message"]["text"] == "What was revenue in July 2025?"
            assert event["assistant_message"]["context"] == event["answer"]
            assert event["answer"]["conversation"] == conversation
            assert event["answer"]["result"]["value"] == pytest.approx(300.5)
        await bob.send_json_to({"type": "ask", "text": "And in EMEA?", "as_of": "2025-09-15"})
        for viewer in (ann, bob):
            assert (await viewer.receive_json_from(timeout=5))["type"] == "thinking"
            event = await viewer.receive_json_from(timeout=10)
            assert event["user_message"]["text"] == "And in EMEA?"
            # A follow-up in the shared conversation, whoever asks it.
            assert event["answer"]["result"]["value"] == pytest.approx(100.5)
        await ann.disconnect()
        await bob.disconnect()

    async_to_sync(scenario)()
    stored = client.get(f"/api/chat/conversations/{conversation}/messages/").json()["results"]
    assert [m["sender"] for m in stored] == ["assistant", "user", "assistant", "user"]


def test_rest_writes_are_broadcast_to_viewers(client, conversation, dataset):
    ticket = ticket_for(client, conversation)

    async def scenario():
        viewer = await connected(conversation, ticket)
        url = f"/api/chat/conversations/{conversation}/messages/"
        response = await sync_to_async(client.post)(url, {"text": "Revenue by region?"}, format="json")
        assert response.status_code == 201
        assert (await viewer.receive_json_from(timeout=5))["type"] == "thinking"
        answer = await viewer.receive_json_from(timeout=5)
        assert answer["type"] == "answer" and answer["assistant_message"] == response.json()["assistant_message"]

        pin = await sync_to_async(client.post)(
            "/api/insights/",
            {"conversation": conversation, "message": answer["assistant_message"]["id"]},
            format="json",
        )
        assert pin.status_code == 201
        assert await viewer.receive_json_from(timeout=5) == {"type": "insight", "insight": pin.json()}

        comment = await sync_to_async(client.post)(
            f"/api/insights/{pin.json()['id']}/comments/", {"text": "Nice!"}, format="json"
        )
        assert comment.status_code == 201
        assert await viewer.receive_json_from(timeout=5) == {"type": "comment", "comment": comment.json()}
        await viewer.disconnect()

    async_to_sync(scenario)()


def test_viewers_of_another_conversation_hear_nothing(client, conversation, dataset):
    other = client.post("/api/chat/conversations/", {}, format="json").json()["id"]
    ticket, other_ticket = ticket_for(client, conversation), ticket_for(client, other)

    async def scenario():
        asker = await connected(conversation, ticket)
        bystander = await connected(other, other_ticket)
        await asker.send_json_to({"type": "ask", "text": "revenue?"})
        assert (await asker.receive_json_from(timeout=5))["type"] == "thinking"
        assert (await asker.receive_json_from(timeout=10))["type"] == "answer"
        assert await bystander.receive_nothing(timeout=QUIET)
        await asker.disconnect()
        await bystander.disconnect()

    async_to_sync(scenario)()


def test_a_ticket_works_once(client, conversation):
    ticket = ticket_for(client, conversation)

    async def scenario():
        first = await connected(conversation, ticket)
        assert await first.receive_nothing(timeout=QUIET)
        assert await refusal(conversation, ticket) == ("ticket_refused", 4401)
        await first.disconnect()

    async_to_sync(scenario)()


@pytest.mark.parametrize("ticket", [None, "", "garbage", "acme.not-a-real-secret", "nobody.secret", "x" * 500])
def test_missing_or_unknown_tickets_are_closed_with_4401(client, conversation, ticket):
    assert async_to_sync(refusal)(conversation, ticket) == ("ticket_refused", 4401)


def test_an_expired_ticket_is_closed_with_4401(tenant, conversation):
    secret = "expired-secret"
    bind(TicketItem, tenant=tenant)(
        ticket_pk(_hash(secret)), TICKET_SK, conversation_id=conversation, expires_at=int(time.time()) - 1
    ).save()
    assert async_to_sync(refusal)(conversation, f"acme.{secret}") == ("ticket_refused", 4401)


def test_a_ticket_for_another_conversation_is_closed_with_4403(client, conversation):
    other = client.post("/api/chat/conversations/", {}, format="json").json()["id"]
    ticket = ticket_for(client, other)
    assert async_to_sync(refusal)(conversation, ticket) == ("ticket_forbidden", 4403)


def test_another_tenants_ticket_is_refused(client, conversation, make_tenant, api_client_for):
    intruder = api_client_for(make_tenant("globex"), email="eve@globex.example")
    own = intruder.post("/api/chat/conversations/", {}, format="json").json()["id"]
    ticket = ticket_for(intruder, own)
    assert async_to_sync(refusal)(conversation, ticket) == ("ticket_forbidden", 4403)
    # Relabelling the ticket with the victim's tenant finds nothing in the victim's table.
    relabelled = "acme." + ticket.split(".", 1)[1]
    assert async_to_sync(refusal)(conversation, relabelled) == ("ticket_refused", 4401)


def test_a_disabled_tenants_ticket_is_refused(client, conversation):
    from tenants.services import set_tenant_status

    ticket = ticket_for(client, conversation)
    set_tenant_status(tenant_id="acme", status="disabled")
    assert async_to_sync(refusal)(conversation, ticket) == ("ticket_refused", 4401)


def test_bad_frames_get_an_error_and_the_socket_stays_open(client, conversation, dataset, tenant, settings):
    settings.SALESTALK_WS_MAX_FRAMES_PER_SECOND = 100  # this test sends its frames in a burst
    ticket = ticket_for(client, conversation)

    async def scenario():
        viewer = await connected(conversation, ticket)
        for frame, code in [
            ("not json", "invalid_frame"),
            ('{"type": "dance"}', "invalid_frame"),
            ("[1, 2]", "invalid_frame"),
            ('{"type": "ask", "text": "   "}', "invalid_text"),
            ('{"type": "ask", "text": "' + "x" * 1001 + '"}', "invalid_text"),
            ('{"type": "ask", "text": "revenue?", "as_of": "yesterday"}', "invalid_as_of"),
            ('{"type": "ask", "text": "' + "x" * 9000 + '"}', "invalid_frame"),
        ]:
            await viewer.send_to(text_data=frame)
            event = await viewer.receive_json_from(timeout=5)
            assert event["type"] == "error" and event["error"]["code"] == code, frame
        await viewer.send_json_to({"type": "ask", "text": "revenue?"})
        assert (await viewer.receive_json_from(timeout=5))["type"] == "thinking"
        assert (await viewer.receive_json_from(timeout=10))["type"] == "answer"
        await viewer.disconnect()

    async_to_sync(scenario)()
    assert selectors.get_conversation(tenant=tenant, conversation_id=conversation).message_count == 2


def test_asking_without_data_reports_the_error_and_keeps_the_socket(client, conversation):
    ticket = ticket_for(client, conversation)

    async def scenario():
        viewer = await connected(conversation, ticket)
        await viewer.send_json_to({"type": "ask", "text": "revenue?"})
        first = await viewer.receive_json_from(timeout=5)
        assert first["type"] == "thinking", first
        event = await viewer.receive_json_from(timeout=10)
        assert event["type"] == "error" and event["error"]["code"] == "no_dataset"
        await viewer.send_to(text_data="still there?")
        assert (await viewer.receive_json_from(timeout=5))["error"]["code"] == "invalid_frame"
        await viewer.disconnect()

    async_to_sync(scenario)()


def test_a_foreign_origin_is_refused(client, conversation):
    ticket = ticket_for(client, conversation)

    async def scenario():
        communicator = WebsocketCommunicator(
            application, f"/ws/chat/{conversation}/?ticket={ticket}", headers=[(b"origin", b"http://evil.example")]
        )
        ok, _ = await communicator.connect()
        assert not ok

    async_to_sync(scenario)()
