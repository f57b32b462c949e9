"""Open sockets per person are bounded (SALESTALK_WS_MAX_SOCKETS_PER_PERSON), over every conversation and
both sockets (Channels and the API Gateway handler): one more is refused in the error envelope with 4429
(a 429 on API Gateway's $connect); a closed socket, or one whose close was never heard once it expires,
frees its place; racing connects never pass the limit; a colleague is never held back."""
from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest
from asgiref.sync import async_to_sync

from chat import connections
from chat.errors import TooManySockets
from chat.lambda_ws import handler
from chat.services import create_conversation
from chat.tests.test_socket_guards import ann, aws, conversation, lambda_connect, open_socket  # noqa: F401
from chat.tickets import issue_ticket
from salestalk.tests.lambda_events import ws_connect_event, ws_disconnect_event

pytestmark = pytest.mark.django_db
LIMIT = 2


@pytest.fixture(autouse=True)
def _limit(settings):
    settings.SALESTALK_WS_MAX_SOCKETS_PER_PERSON = LIMIT


def tickets(person, *conversation_ids: str) -> list[str]:
    return [issue_ticket(tenant=person, conversation_id=c)[0] for c in conversation_ids]


def test_channels_one_socket_past_the_limit_is_refused_with_4429_and_a_closed_one_frees_its_place(
    ann, tenant, conversation  # noqa: F811
):
    other = create_conversation(tenant=tenant, title="another").id
    first, second, third, fourth = tickets(ann, conversation, other, other, conversation)
    [colleague] = tickets(tenant, conversation)

    async def scenario():
        held = [await open_socket(conversation, first), await open_socket(other, second)]
        refused = await open_socket(other, third)
        refusal = (await refused.receive_json_from(timeout=5), await refused.receive_output(timeout=5))
        colleagues = await open_socket(conversation, colleague)
        colleague_quiet = await colleagues.receive_nothing(timeout=0.3)
        await held[0].disconnect()
        again = await open_socket(conversation, fourth)
        again_quiet = await again.receive_nothing(timeout=0.3)
        for socket in (held[1], colleagues, again):
            await socket.disconnect()
        return refusal, colleague_quiet, again_quiet

    (error, closing), colleague_quiet, again_quiet = async_to_sync(scenario)()
    assert error["type"] == "error" and error["error"]["code"] == "too_many_sockets"
    assert f"at most {LIMIT} sockets" in error["error"]["message"]
    assert (closing["type"], closing["code"]) == ("websocket.close", 4429)
    assert colleague_quiet, "another person of the tenant has places of their own"
    assert again_quiet, "a closed socket's place is free again"


def test_lambda_one_connection_past_the_limit_is_refused_with_429_in_the_envelope(ann, conversation, aws):  # noqa: F811
    lambda_connect(ann, conversation, "conn-A=")
    lambda_connect(ann, conversation, "conn-B=")
    [ticket] = tickets(ann, conversation)
    refused = handler(ws_connect_event("conn-C=", query={"conversation": conversation, "ticket": ticket}), None)
    assert refused["statusCode"] == 429
    body = json.loads(refused["body"])
    assert body["type"] == "error" and body["error"]["code"] == "too_many_sockets"
    assert {c.connection_id for c in connections.viewers(tenant=ann, conversation_id=conversation)} == {
        "conn-A=", "conn-B="}
    assert handler(ws_disconnect_event("conn-A="), None)["statusCode"] == 200
    lambda_connect(ann, conversation, "conn-C=")  # the forgotten connection's place is free again


def test_both_kinds_of_socket_count_against_one_limit(ann, conversation, aws):  # noqa: F811
    lambda_connect(ann, conversation, "conn-A=")
    [ticket] = tickets(ann, conversation)

    async def scenario():
        socket = await open_socket(conversation, ticket)
        held = await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()
        return held

    assert async_to_sync(scenario)()  # the second place
    connections.claim_socket(tenant=ann, connection_id="conn-B=")
    with pytest.raises(TooManySockets):
        connections.claim_socket(tenant=ann, connection_id="conn-C=")


def test_a_place_whose_close_was_never_heard_is_free_once_it_expires(ann, monkeypatch):  # noqa: F811
    for n in range(LIMIT):
        connections.claim_socket(tenant=ann, connection_id=f"lost-{n}")
    with pytest.raises(TooManySockets):
        connections.claim_socket(tenant=ann, connection_id="new")
    later = time.time() + connections.CONNECTION_TTL_SECONDS + 1
    monkeypatch.setattr(connections, "time", SimpleNamespace(time=lambda: later))
    connections.claim_socket(tenant=ann, connection_id="new")
    # The lost socket's late close frees nothing of the place's new holder.
    connections.release_socket(tenant=ann, connection_id="lost-0")
    connections.release_socket(tenant=ann, connection_id="lost-1")
    connections.claim_socket(tenant=ann, connection_id="newer")
    with pytest.raises(TooManySockets):
        connections.claim_socket(tenant=ann, connection_id="newest")


def test_racing_connects_never_pass_the_limit(ann):  # noqa: F811
    def claim(n: int) -> bool:
        try:
            connections.claim_socket(tenant=ann, connection_id=f"racer-{n}")
        except TooManySockets:
            return False
        return True

    with ThreadPoolExecutor(max_workers=8) as pool:
        won = sum(pool.map(claim, range(8)))
    assert won == LIMIT
