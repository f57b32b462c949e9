"""WebSocket frames, for both sockets (the Channels consumer and the API Gateway handler).

A client sends ``{"type": "ask", "text": "…", "as_of"?: "YYYY-MM-DD"}`` (``"action"`` is accepted for
``"type"``, API Gateway's customary name) as one text frame of at most 8 KB; whatever goes wrong comes
back as ``{"type": "error", "error": {"code", "message", "details"?}}`` — the API's error envelope —
and the socket stays open. Storage being unavailable is the REST API's ``storage_unavailable``
(``core.unavailable``), with ``details.retry_after`` in place of its ``Retry-After`` header.
"""
from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from rest_framework.exceptions import APIException, Throttled

from chat.dates import as_of_from
from chat.errors import AskFailed, InvalidFrame, TooManyFrames
from chat.services import MAX_QUESTION_CHARS
from core.errors import AppError, app_error_body, error_body
from core.text import clean_text
from core.unavailable import CODE as UNAVAILABLE_CODE
from core.unavailable import MESSAGE as UNAVAILABLE_MESSAGE
from core.unavailable import RETRY_AFTER_SECONDS, storage_unavailable

logger = logging.getLogger(__name__)

MAX_FRAME_CHARS = 8 * 1024


@dataclass(frozen=True)
class AskFrame:
    text: str
    as_of: date | None


def parse_ask(raw: object) -> AskFrame:
    """The ask of one received frame (text, bytes or nothing), or the ``AppError`` saying what is wrong."""
    if not isinstance(raw, str) or len(raw) > MAX_FRAME_CHARS:
        raise InvalidFrame(f"Send one JSON object of at most {MAX_FRAME_CHARS // 1024} KB as a text frame.")
    try:
        content = json.loads(raw)
    except (ValueError, RecursionError):
        content = None
    if not isinstance(content, dict) or content.get("type", content.get("action")) != "ask":
        raise InvalidFrame('Send {"type": "ask", "text": "…"}.')
    text = clean_text(content.get("text"), field="question", max_chars=MAX_QUESTION_CHARS)
    return AskFrame(text=text, as_of=as_of_from(content.get("as_of")))


def error_frame(exc: AppError) -> dict[str, Any]:
    return {"type": "error", **app_error_body(exc)}


def unavailable_frame(exc: BaseException) -> dict[str, Any]:
    """The frame of a storage outage; the exception (it names endpoints and tables) goes to the log only."""
    logger.warning("storage unavailable on a WebSocket", exc_info=exc)
    details = {"retry_after": RETRY_AFTER_SECONDS}
    return {"type": "error", **error_body(code=UNAVAILABLE_CODE, message=UNAVAILABLE_MESSAGE, details=details)}


@dataclass
class Reply:
    """What ``replying`` caught: the error frame for the sender and its cause, if anything went wrong."""

    error: dict[str, Any] | None = None
    cause: Exception | None = None


@contextmanager
def replying() -> Iterator[Reply]:
    """The one boundary of a received frame, for sync and async code alike: an app error becomes its
    error frame, storage unavailability the REST API's 503 code, anything else is logged and becomes
    ``ask_failed``; the socket is never closed by it."""
    reply = Reply()
    try:
        yield reply
    except AppError as exc:
        reply.error, reply.cause = error_frame(exc), exc
    except APIException as exc:
        # DRF's own (the ask throttles' 429, a refused token) in the same envelope as the API sends them.
        details = {"retry_after": exc.wait} if isinstance(exc, Throttled) else None
        body = error_body(code=exc.default_code, message=str(exc.detail), details=details)
        reply.error, reply.cause = {"type": "error", **body}, exc
    except Exception as exc:
        if storage_unavailable(exc):
            reply.error = unavailable_frame(exc)
        else:
            logger.exception("WebSocket frame failed")
            reply.error = error_frame(AskFailed("The question could not be answered; please retry."))
        reply.cause = exc


class FrameBudget:
    """Frames per second of one socket held in one process (the Channels consumer)."""

    def __init__(self) -> None:
        self.second = 0
        self.count = 0

    def spend(self) -> None:
        second = int(time.monotonic())
        if second != self.second:
            self.second, self.count = second, 0
        self.count += 1
        if self.count > settings.SALESTALK_WS_MAX_FRAMES_PER_SECOND:
            raise too_many_frames()


def too_many_frames() -> TooManyFrames:
    limit = settings.SALESTALK_WS_MAX_FRAMES_PER_SECOND
    return TooManyFrames(f"A socket may send {limit} frames per second; wait a moment.")
