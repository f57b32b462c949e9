"""A conversation an attacker can grow with a valid token: its messages are searched (a message by id) and
deleted whole. Past SALESTALK_MAX_TURNS_PER_CONVERSATION questions, asking in it is refused on REST and on
the socket alike (one code, one message), nothing more is stored, and deleting it deletes what it holds.
"""
from __future__ import annotations

import io

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator

from chat.errors import ConversationFull
from chat.models import ConversationItem, MessageItem, messages_pk
from chat.selectors import get_conversation
from chat.services import append_message, create_conversation
from chat.tickets import issue_ticket
from metrics.services import import_dataset
from tenants.storage import bind
from tests.attack.conftest import token_headers

pytestmark = pytest.mark.django_db  # Channels closes stale Django connections around every consumer message

TURNS = 3
CSV = b"date,region,revenue\n2025-07-01,EMEA,100\n2025-07-02,APAC,50\n"
CATEGORY = "unbounded lists: turns"


@pytest.fixture
def talkative(make_tenant, settings):
    settings.SALESTALK_MAX_TURNS_PER_CONVERSATION = TURNS
    tenant = make_tenant("talkative-co")  # onboarded once per module (its tables): replace its dataset
    import_dataset(tenant=tenant, stream=io.BytesIO(CSV), source="talk.csv", replace=True)
    return tenant


def stored_messages(tenant, conversation_id: str) -> list[MessageItem]:
    Message = bind(MessageItem, tenant=tenant)
    return list(Message.query(messages_pk(conversation_id), consistent_read=True))


def socket_reply(conversation_id: str, ticket: str) -> tuple[dict, bool]:
    """The first frame an ask on a fresh socket gets, and whether anything else followed it."""
    from salestalk.asgi import application

    async def scenario():
        socket = WebsocketCommunicator(application, f"/ws/chat/{conversation_id}/?ticket={ticket}",
                                       headers=[(b"origin", b"http://testserver")])
        assert (await socket.connect(timeout=30))[0]
        await socket.send_json_to({"type": "ask", "text": "revenue in july 2025?"})
        first = await socket.receive_json_from(timeout=10)
        quiet = await socket.receive_nothing(timeout=0.5)
        await socket.disconnect()
        return first, quiet

    return async_to_sync(scenario)()


def test_a_conversation_takes_questions_up_to_its_bound_then_refuses_them_on_rest_and_socket(prober, talkative):
    conversation = create_conversation(tenant=talkative, title="long talk").id
    path = f"/api/chat/conversations/{conversation}/messages/"
    ask = {"text": "revenue in july 2025?"}
    for _ in range(TURNS):
        asked = prober.send(category=CATEGORY, method="POST", path=path, headers=token_headers(talkative),
                            body=ask, success_is_leak=False)
        assert asked.status == 201, asked
    for _ in range(2):
        refused = prober.send(category=CATEGORY, method="POST", path=path, headers=token_headers(talkative), body=ask)
        assert refused.status == 409, refused
    rest = prober.client.post(path, data=ask, content_type="application/json", headers=token_headers(talkative))
    error = rest.json()["error"]
    assert rest.status_code == 409 and error["code"] == "conversation_full"
    assert f"at most {TURNS} questions" in error["message"] and "start a new conversation" in error["message"]

    ticket, _ = issue_ticket(tenant=talkative, conversation_id=conversation)
    frame, quiet = socket_reply(conversation, ticket)
    assert frame == {"type": "error", **rest.json()}  # the same envelope, code and words
    assert quiet  # refused before the conversation's viewers are told "thinking"

    assert len(stored_messages(talkative, conversation)) == 2 * TURNS
    assert get_conversation(tenant=talkative, conversation_id=conversation).message_count == 2 * TURNS
    # A new conversation is open to the same person.
    fresh = prober.client.post("/api/chat/conversations/", data={}, content_type="application/json",
                               headers=token_headers(talkative)).json()["id"]
    assert prober.client.post(f"/api/chat/conversations/{fresh}/messages/", data=ask, content_type="application/json",
                              headers=token_headers(talkative)).status_code == 201
    assert prober.failures() == []


def test_the_bound_holds_wherever_a_message_is_stored_and_a_full_conversation_deletes_whole(talkative, prober):
    conversation = create_conversation(tenant=talkative, title="filled").id
    for n in range(2 * TURNS):
        append_message(tenant=talkative, conversation_id=conversation, sender=("user", "assistant")[n % 2],
                       text=f"message {n}")
    with pytest.raises(ConversationFull):
        append_message(tenant=talkative, conversation_id=conversation, sender="user", text="one too many")
    assert len(stored_messages(talkative, conversation)) == 2 * TURNS

    deleted = prober.client.delete(f"/api/chat/conversations/{conversation}/", headers=token_headers(talkative))
    assert deleted.status_code == 204
    assert stored_messages(talkative, conversation) == []
    Conversation = bind(ConversationItem, tenant=talkative)
    assert conversation not in [item.id for item in Conversation.query("CONVS")]
