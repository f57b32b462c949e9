"""A provider that answers from a script, for tests of what surrounds ``chat`` (the wire formats
themselves are tested against fake_ollama and botocore's Stubber)."""
from __future__ import annotations

from typing import Any


class ScriptedProvider:
    name = "scripted"

    def __init__(self, reply: str | Exception) -> None:
        self.reply = reply
        self.calls: list[dict[str, Any]] = []

    def chat(self, *, system: str, user: str, json_output: bool, schema: dict[str, Any] | None = None) -> str:
        self.calls.append({"system": system, "user": user, "json_output": json_output, "schema": schema})
        if isinstance(self.reply, Exception):
            raise self.reply
        return self.reply
