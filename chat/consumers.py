"""Live chat: ``ws/chat/{conversation}/?ticket=…``. A thin adapter over ``chat.services.ask``.

The ticket (``POST /api/chat/ws-ticket``) authenticates; refused sockets are accepted and then closed
with 4401 (missing, unknown, used, expired) or 4403 (another conversation's or another tenant's), so
browsers can tell why. Every socket joins its conversation's group and receives the events of
``chat.broadcast``; a client may send ``{"type": "ask", "text": "…", "as_of"?: "YYYY-MM-DD"}``.
"""
from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any, TypeVar
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from chat import services
from chat.broadcast import answer_event, group_name, send_event, thinking_event
from chat.errors import TicketRefused
from chat.services import MAX_QUESTION_CHARS
from chat.tickets import TicketGrant, consume_ticket
from core.errors import AppError

logger = logging.getLogger(__name__)
T = TypeVar("T")


def _in_thread(function: Callable[..., T]) -> Callable[..., Awaitable[T]]:
    """Tenant work touches DynamoDB, never Django's database, so it runs on any worker thread: sockets
    answer in parallel instead of queueing on the one thread that database_sync_to_async would use."""
    return sync_to_async(function, thread_sensitive=False)


MAX_FRAME_CHARS = 8 * 1024


def _error(code: str, message: str) -> dict[str, Any]:
    return {"type": "error", "error": {"code": code, "message": message}}


class ChatConsumer(AsyncJsonWebsocketConsumer):
    grant: TicketGrant | None = None
    group: str | None = None
    session_id: str | None = None
    asking: asyncio.Future | None = None

    async def connect(self) -> None:
        conversation_id = self.scope["url_route"]["kwargs"]["conversation_id"]
        tickets = parse_qs(self.scope.get("query_string", b"").decode("latin-1")).get("ticket", [])
        try:
            self.grant = await _in_thread(consume_ticket)(
                ticket=tickets[0] if tickets else None, conversation_id=conversation_id
            )
        except TicketRefused as exc:
            # Accepted only to say why and close with a code the client can act on.
            await self.accept()
            await self.send_json(_error(exc.code, str(exc)))
            await self.close(code=exc.close_code)
            return
        self.session_id = f"ws_{secrets.token_hex(8)}"
        self.group = group_name(tenant=self.grant.tenant, conversation_id=conversation_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        # Accepted once in the group, so nothing said after the client sees the socket open is missed.
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if self.group is not None:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if self.grant is None:
            return
        if text_data is None or len(text_data) > MAX_FRAME_CHARS:
            await self.send_json(_error("invalid_frame", "Send one JSON object of at most 8 KB as text."))
            return
        await super().receive(text_data=text_data)

    @classmethod
    async def decode_json(cls, text_data: str) -> Any:
        # Malformed JSON is the client's mistake: answer it, do not let it end the socket.
        try:
            return json.loads(text_data)
        except ValueError:
            return None

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if not isinstance(content, dict) or content.get("type") != "ask":
            await self.send_json(_error("invalid_frame", 'Send {"type": "ask", "text": "…"}.'))
            return
        text = content.get("text")
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_QUESTION_CHARS:
            await self.send_json(
                _error("invalid_question", f"Ask a question of 1 to {MAX_QUESTION_CHARS} characters.")
            )
            return
        try:
            as_of = date.fromisoformat(content["as_of"]) if content.get("as_of") else None
        except (TypeError, ValueError):
            await self.send_json(_error("invalid_as_of", "'as_of' must be a date, YYYY-MM-DD."))
            return
        if self.asking is not None and not self.asking.done():
            await self.send_json(_error("busy", "Wait for the answer to your previous question."))
            return
        # In the background, so this socket keeps receiving its group's events (its own "thinking"
        # included) while the engine works.
        self.asking = asyncio.ensure_future(self._ask(text=text, as_of=as_of))

    async def _ask(self, *, text: str, as_of: date | None) -> None:
        assert self.grant is not None
        tenant, conversation_id = self.grant.tenant, self.grant.conversation_id
        thinking = thinking_event(conversation_id=conversation_id)
        # Straight to the asker, so it always precedes the outcome; the group message could lag behind.
        await self.send_json(thinking)
        await send_event(tenant=tenant, conversation_id=conversation_id, event=thinking, exclude=self.channel_name)
        try:
            outcome = await _in_thread(services.ask)(
                tenant=tenant,
                conversation_id=conversation_id,
                text=text,
                as_of=as_of,
                author=tenant.email or tenant.user_id,
                session_id=self.session_id,
            )
        except AppError as exc:
            await self.send_json(_error(exc.code, str(exc)))
            return
        except Exception:
            # The socket's boundary, like the API's exception handler: report, keep the connection.
            logger.exception("ask over WebSocket failed")
            await self.send_json(_error("ask_failed", "The question could not be answered; please retry."))
            return
        event = answer_event(
            user_message=outcome.user_message, assistant_message=outcome.assistant_message, answer=outcome.answer
        )
        await send_event(tenant=tenant, conversation_id=conversation_id, event=event)

    async def chat_event(self, message: dict[str, Any]) -> None:
        if message.get("exclude") != self.channel_name:
            await self.send_json(message["event"])
