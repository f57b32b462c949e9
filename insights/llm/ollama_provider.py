"""Ollama through its Python client (POST /api/chat)."""
from __future__ import annotations

import json
import time
from collections.abc import Generator, Mapping
from typing import Any

import httpx
import ollama
import pydantic

from insights.llm import LLMError
from insights.llm.deadline import call_with_deadline

# The whole reply must arrive; a reply cut at the token limit is not one the parsers should see.
_COMPLETE_REASONS = frozenset({None, "stop"})


class OllamaProvider:
    name = "ollama"

    def __init__(self, *, host: str, model: str, timeout_seconds: float, stream: bool = False) -> None:
        # One JSON reply costs least: Ollama sends it only when done, so the read timeout already ends a
        # worker that overran. ``stream`` reads NDJSON chunks instead and stops between them at the deadline.
        self.model = model
        self.timeout_seconds = timeout_seconds
        self.stream = stream
        self._client = ollama.Client(host=host, timeout=httpx.Timeout(timeout_seconds))

    def chat(self, *, system: str, user: str, json_output: bool, schema: Mapping[str, Any] | None = None) -> str:
        deadline = time.monotonic() + self.timeout_seconds
        # Structured output: Ollama constrains the reply to the JSON Schema itself.
        reply_format = dict(schema) if schema is not None else "json" if json_output else None
        return call_with_deadline(
            lambda: self._chat(system=system, user=user, reply_format=reply_format, deadline=deadline),
            seconds=self.timeout_seconds,
            provider=self.name,
        )

    def _chat(self, *, system: str, user: str, reply_format: dict[str, Any] | str | None, deadline: float) -> str:
        try:
            reply = self._client.chat(
                model=self.model,
                messages=[{"role": "system", "content": system}, {"role": "user", "content": user}],
                format=reply_format,
                options={"temperature": 0},
                stream=self.stream,
            )
            if self.stream:
                text, done_reason = _assemble(reply, deadline=deadline)
            else:
                text, done_reason = reply.message.content or "", reply.done_reason
        except ollama.ResponseError as exc:
            raise LLMError(f"ollama answered HTTP {exc.status_code}: {exc.error}") from exc
        except httpx.TimeoutException as exc:
            raise LLMError(f"ollama timed out after {self.timeout_seconds:g} s") from exc
        except (ConnectionError, httpx.HTTPError) as exc:
            raise LLMError(f"ollama unreachable: {exc}") from exc
        except (json.JSONDecodeError, pydantic.ValidationError) as exc:
            raise LLMError(f"ollama sent an unreadable response: {exc}") from exc
        if done_reason not in _COMPLETE_REASONS:
            raise LLMError(f"ollama stopped early ({done_reason})")
        if not text.strip():
            raise LLMError("ollama sent an empty reply")
        return text


def _assemble(chunks: Generator[ollama.ChatResponse, None, None], *, deadline: float) -> tuple[str, str | None]:
    """The text of a streamed reply, which counts only if its final ``done`` chunk arrived."""
    parts: list[str] = []
    for chunk in chunks:
        if time.monotonic() > deadline:
            chunks.close()
            raise LLMError("ollama reply still streaming at the deadline")
        parts.append(chunk.message.content or "")
        if chunk.done:
            return "".join(parts), chunk.done_reason
    raise LLMError("ollama stream ended without its final chunk")
