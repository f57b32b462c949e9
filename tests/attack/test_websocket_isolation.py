"""The WebSocket route, through the real ASGI application: tickets missing, forged, reused, expired,
for another conversation or another tenant, from another origin — and live events never crossing tenants."""
from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator

import chat.tickets
from chat.models import CONVERSATIONS_PK, ConversationItem, conversation_sk
from chat.tickets import issue_ticket
from tenants.storage import bind
from tests.attack.conftest import token_headers
from tests.attack.ledger import Attempt
from tests.attack.surface import websocket_routes
from tests.attack.victim import snapshot

# Channels closes stale Django database connections around every consumer message, so the
# consumers under test need database access even though SalesTalk keeps tenant data in DynamoDB.
pytestmark = pytest.mark.django_db

ORIGIN = b"http://testserver"
REFUSED_CODES = {4401, 4403}
ASK = json.dumps({"type": "ask", "text": "What was revenue last month?"})


@dataclass
class Socket:
    accepted: bool
    close_code: int | None
    frames: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def application():
    from salestalk.asgi import application

    return application


def without_tickets(stored: dict) -> dict:
    """The test issues the victim's own tickets; everything else must be untouched."""
    return {**stored, "items": [i for i in stored["items"] if not i["pk"]["S"].startswith("WSTICKET#")]}


def ws_path(conversation_id: str, ticket: str | None) -> str:
    route = websocket_routes()[0]
    path = route.path({route.params[0]: conversation_id})
    return path if ticket is None else f"{path}?ticket={quote(ticket, safe='')}"


async def open_socket(application, path: str, *, origin: bytes | None = ORIGIN, send: tuple[str, ...] = (),
                      listen: float = 0.5) -> tuple[Socket, WebsocketCommunicator]:
    communicator = WebsocketCommunicator(application, path, headers=[(b"origin", origin)] if origin else [])
    accepted, code = await communicator.connect(timeout=5)
    socket = Socket(accepted=accepted, close_code=None if accepted else code)
    if accepted:
        for frame in send:
            await communicator.send_to(text_data=frame)
        # receive_nothing first: receive_output's timeout would cancel the application.
        while not await communicator.receive_nothing(timeout=listen):
            out = await communicator.receive_output()
            if out["type"] == "websocket.close":
                socket.close_code = out.get("code", 1000)
                break
            if out["type"] == "websocket.send":
                socket.frames.append(out.get("text") or "")
    return socket, communicator


async def attack(application, prober, *, category: str, path: str, origin: bytes | None = ORIGIN) -> Attempt:
    socket, communicator = await open_socket(application, path, origin=origin, send=(ASK, ASK))
    await communicator.disconnect()
    leaked = any(prober.marker.decode() in frame for frame in socket.frames)
    held_open = socket.accepted and socket.close_code is None
    outcome = "leaked" if leaked or held_open else "refused"
    return prober.record(Attempt(category, f"WS {path[:160]}", socket.close_code or "open", outcome,
                                 "; ".join(socket.frames)[:300] if outcome == "leaked" else ""))


def test_the_websocket_route_refuses_every_bad_ticket(application, victim, attacker, prober, monkeypatch):
    before = snapshot(victim)
    conversations = victim.ids["conversation"]
    tenant = victim.tenant.tenant_id
    attacker_conversation = attacker.ids["conversation"][0]

    def attacker_ticket() -> str:
        return issue_ticket(tenant=attacker.tenant, conversation_id=attacker_conversation)[0]

    def victim_ticket(conversation_id: str) -> str:
        return issue_ticket(tenant=victim.tenant, conversation_id=conversation_id)[0]

    async def run() -> None:
        for conversation in conversations:
            forged = {
                "no ticket": None,
                "empty ticket": "",
                "no separator": secrets.token_urlsafe(32),
                "victim's tenant, guessed secret": f"{tenant}.{secrets.token_urlsafe(32)}",
                "victim's tenant, empty secret": f"{tenant}.",
                "no tenant": f".{secrets.token_urlsafe(32)}",
                "unknown tenant": f"no-such-co.{secrets.token_urlsafe(32)}",
                "tenant with traversal": f"../{tenant}.{secrets.token_urlsafe(32)}",
                "upper-cased tenant": f"{tenant.upper()}.{secrets.token_urlsafe(32)}",
                "10 kB ticket": f"{tenant}." + "A" * 10240,
                "unicode ticket": f"{tenant}.ü💥\u202e",
                "a JWT instead of a ticket": token_headers(victim.tenant)["Authorization"].split()[1],
            }
            for name, ticket in forged.items():
                await attack(application, prober, category=f"ws: {name}", path=ws_path(conversation, ticket))
            stolen = await sync_to_async(attacker_ticket)()
            await attack(application, prober, category="ws: attacker's ticket on the victim's conversation",
                         path=ws_path(conversation, stolen))
            secret = (await sync_to_async(attacker_ticket)()).split(".", 1)[1]
            await attack(application, prober, category="ws: attacker's secret under the victim's tenant",
                         path=ws_path(conversation, f"{tenant}.{secret}"))
            other = next(c for c in conversations if c != conversation)
            await attack(application, prober, category="ws: ticket for another conversation",
                         path=ws_path(conversation, await sync_to_async(victim_ticket)(other)))
            await attack(application, prober, category="ws: valid ticket from another origin",
                         path=ws_path(conversation, await sync_to_async(victim_ticket)(conversation)),
                         origin=b"https://evil.example")
            await attack(application, prober, category="ws: valid ticket without an origin",
                         path=ws_path(conversation, await sync_to_async(victim_ticket)(conversation)), origin=None)
            used = await sync_to_async(victim_ticket)(conversation)
            first, communicator = await open_socket(application, ws_path(conversation, used))
            await communicator.disconnect()
            assert first.accepted and first.close_code is None, "the control: a fresh ticket opens the socket"
            await attack(application, prober, category="ws: ticket used twice", path=ws_path(conversation, used))
        monkeypatch.setattr(chat.tickets, "TICKET_TTL_SECONDS", -1)
        for conversation in conversations:
            await attack(application, prober, category="ws: expired ticket",
                         path=ws_path(conversation, await sync_to_async(victim_ticket)(conversation)))

    async_to_sync(run)()
    assert prober.failures() == []
    assert [a for a in prober.attempts if a.status not in REFUSED_CODES and not str(a.category).startswith(
        "ws: valid ticket")] == []
    assert without_tickets(snapshot(victim)) == without_tickets(before)


def test_live_events_never_cross_tenants_even_when_conversation_ids_collide(application, victim, attacker, prober):
    conversation = victim.ids["conversation"][0]
    insight = victim.ids["insight"][0]
    # The attacker's table gets a conversation with the victim's very id, as if ids had collided.
    Conversation = bind(ConversationItem, tenant=attacker.tenant)
    Conversation(CONVERSATIONS_PK, conversation_sk(conversation), id=conversation, title="mine", created_at="x",
                 updated_at="x", message_count=0).save()
    attacker_ticket, _ = issue_ticket(tenant=attacker.tenant, conversation_id=conversation)
    victim_ticket, _ = issue_ticket(tenant=victim.tenant, conversation_id=conversation)
    comment = f"{victim.marker} live comment {uuid.uuid4().hex}"

    def post_comment() -> int:
        return prober.client.post(f"/api/insights/{insight}/comments/", data={"text": comment},
                                  content_type="application/json", headers=token_headers(victim.tenant)).status_code

    async def run() -> tuple[list[str], list[str]]:
        origin = [(b"origin", ORIGIN)]
        spy = WebsocketCommunicator(application, ws_path(conversation, attacker_ticket), headers=origin)
        watcher = WebsocketCommunicator(application, ws_path(conversation, victim_ticket), headers=origin)
        assert (await spy.connect(timeout=5))[0] and (await watcher.connect(timeout=5))[0]
        assert await sync_to_async(post_comment)() == 201
        received = {"spy": [], "watcher": []}
        for name, communicator in (("spy", spy), ("watcher", watcher)):
            while not await communicator.receive_nothing(timeout=0.5):
                out = await communicator.receive_output()
                received[name].append(out.get("text") or out.get("type"))
            await communicator.disconnect()
        return received["spy"], received["watcher"]

    spied, watched = async_to_sync(run)()
    prober.record(Attempt("ws: live events of a colliding conversation id", "WS group", "open",
                          "leaked" if any(comment in frame for frame in spied) else "refused"))
    assert any(comment in frame for frame in watched), "the control: the victim's own viewer gets the event"
    assert not any(comment in frame for frame in spied)


def test_the_tenant_cannot_be_smuggled_into_a_socket(application, victim, attacker, prober):
    """The attacker's own valid ticket, with the victim's tenant in the query string, a subprotocol and
    headers: the socket answers from the ticket's tenant only (the attacker's members, never the victim's)."""
    tenant = victim.tenant.tenant_id
    conversation = attacker.ids["conversation"][0]
    question = json.dumps({"type": "ask", "text": "revenue by region", "as_of": "2025-02-28"})
    smuggled = {
        "query": ("&" + "&".join(f"{name}={tenant}" for name in ("tenant", "tenant_id", "tenantId")), [], []),
        "subprotocol": ("", [tenant, f"tenant.{tenant}"], []),
        "headers": ("", [], [(b"x-tenant-id", tenant.encode()), (b"x-forwarded-host", f"{tenant}.example".encode()),
                             (b"cookie", f"tenant_id={tenant}".encode())]),
    }

    async def run() -> None:
        for name, (query, subprotocols, headers) in smuggled.items():
            ticket = (await sync_to_async(issue_ticket)(tenant=attacker.tenant, conversation_id=conversation))[0]
            communicator = WebsocketCommunicator(application, ws_path(conversation, ticket) + query,
                                                 headers=[(b"origin", ORIGIN), *headers], subprotocols=subprotocols)
            accepted, _ = await communicator.connect(timeout=5)
            assert accepted, name
            await communicator.send_to(text_data=question)
            frames = []
            while not await communicator.receive_nothing(timeout=2):
                out = await communicator.receive_output()
                if out["type"] != "websocket.send":
                    break
                frames.append(out.get("text") or "")
                if '"answer"' in frames[-1] or '"error"' in frames[-1]:
                    break
            await communicator.disconnect()
            text = "".join(frames)
            leaked = victim.marker in text
            prober.record(Attempt(f"ws: tenant smuggled in the {name}", f"WS {conversation}", "open",
                                  "leaked" if leaked else "contained", text[:300] if leaked else ""))
            assert attacker.marker in text, (name, text[:300])  # the control: an answer from the ticket's tenant

    async_to_sync(run)()
    assert prober.failures() == []
