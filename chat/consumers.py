"""Live chat: ``ws/chat/{conversation}/?ticket=…``. A thin adapter over ``chat.services.ask``.

The ticket (``POST /api/chat/ws-ticket``) authenticates; refused sockets are accepted and then closed
with 4401 (missing, unknown, used, expired), 4403 (another conversation's or another tenant's) or 4429
(the person already holds their most open sockets, ``chat.connections.claim_socket``), so browsers can
tell why. Every socket joins its conversation's group and receives the events of
``chat.events``; a client may send the ask frame of ``chat.frames``. Every ask re-checks the tenant and
the person (a disabled or signed-out one gets an error frame and the socket closes with 4401) and
counts against the same ask throttles as REST.
"""
from __future__ import annotations

import asyncio
import secrets
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from chat import services
from chat.connections import claim_socket, release_socket
from chat.errors import StillAnswering, TicketRefused, TooManySockets
from chat.events import group_name
from chat.frames import AskFrame, FrameBudget, error_frame, parse_ask, replying, unavailable_frame
from chat.tickets import TicketGrant, consume_ticket
from core.unavailable import storage_unavailable
from tenants.errors import TenantError
from tenants.identity import recheck
from tenants.throttles import check_ask_allowed

T = TypeVar("T")
REVOKED_CLOSE_CODE = 4401
TRY_AGAIN_LATER_CLOSE_CODE = 1013  # RFC 6455's registry: the server is overloaded or unavailable


def _in_thread(function: Callable[..., T]) -> Callable[..., Awaitable[T]]:
    """Tenant work touches DynamoDB, never Django's database, so it runs on any worker thread: sockets
    answer in parallel instead of queueing on the one thread that database_sync_to_async would use."""
    return sync_to_async(function, thread_sensitive=False)


class ChatConsumer(AsyncJsonWebsocketConsumer):
    grant: TicketGrant | None = None
    group: str | None = None
    session_id: str | None = None
    asking: asyncio.Future | None = None

    async def connect(self) -> None:
        conversation_id = self.scope["url_route"]["kwargs"]["conversation_id"]
        tickets = parse_qs(self.scope.get("query_string", b"").decode("latin-1")).get("ticket", [])
        try:
            grant = await _in_thread(consume_ticket)(
                ticket=tickets[0] if tickets else None, conversation_id=conversation_id
            )
            await _in_thread(claim_socket)(tenant=grant.tenant, connection_id=self.channel_name)
            self.grant = grant
        except (TicketRefused, TooManySockets) as exc:
            # Accepted only to say why and close with a code the client can act on.
            await self.accept()
            await self.send_json(error_frame(exc))
            await self.close(code=exc.close_code)
            return
        except Exception as exc:
            if not storage_unavailable(exc):
                raise
            await self.accept()
            await self.send_json(unavailable_frame(exc))
            await self.close(code=TRY_AGAIN_LATER_CLOSE_CODE)
            return
        self.session_id = f"ws_{secrets.token_hex(8)}"
        self.budget = FrameBudget()
        self.group = group_name(tenant=self.grant.tenant, conversation_id=conversation_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        # Accepted once in the group, so nothing said after the client sees the socket open is missed.
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if self.group is not None:
            await self.channel_layer.group_discard(self.group, self.channel_name)
        if self.grant is None:
            return
        try:
            await _in_thread(release_socket)(tenant=self.grant.tenant, connection_id=self.channel_name)
        except Exception as exc:
            if not storage_unavailable(exc):
                raise
            # Storage is down: the socket's place frees itself when it expires (chat.connections.claim_socket).

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if self.grant is None:
            return
        with replying() as reply:
            self.budget.spend()
            frame = parse_ask(text_data)  # a binary frame has no text: refused as such
            if self.asking is not None and not self.asking.done():
                raise StillAnswering("Wait for the answer to your previous question.")
            # In the background, so this socket keeps receiving its group's events (its own "thinking"
            # included) while the engine works.
            self.asking = asyncio.ensure_future(self._ask(frame))
        if reply.error is not None:
            await self.send_json(reply.error)

    async def _ask(self, frame: AskFrame) -> None:
        assert self.grant is not None
        with replying() as still_allowed:
            tenant = await database_sync_to_async(recheck)(tenant=self.grant.tenant)
        if still_allowed.error is not None:
            await self.send_json(still_allowed.error)
            if isinstance(still_allowed.cause, TenantError):  # revoked or disabled, not a passing fault
                await self.close(code=REVOKED_CLOSE_CODE)
            return
        with replying() as reply:
            await _in_thread(check_ask_allowed)(tenant=tenant)
            await _in_thread(services.ask)(
                tenant=tenant,
                conversation_id=self.grant.conversation_id,
                text=frame.text,
                as_of=frame.as_of,
                author=tenant.email or tenant.user_id,
                session_id=self.session_id,
            )
        if reply.error is not None:
            # Through this socket's own queue, behind the "thinking" the group already queued for it: an error
            # sent straight past it could arrive first and leave the asker's spinner after the error.
            await self.channel_layer.send(self.channel_name, {"type": "chat.event", "event": reply.error})

    async def chat_event(self, message: dict[str, Any]) -> None:
        await self.send_json(message["event"])
