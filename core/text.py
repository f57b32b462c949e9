"""The one validation of people's text (questions, titles, comments) and the defensive encoding of stored text.

Every surface (REST, the Channels consumer, the Lambda WebSocket handler, commands) reaches the same
services, and the services call ``clean_text``; the REST serializers' ``TextField`` calls it too, so a
bad character gets one answer everywhere. ``displayable`` is for reads: an item stored before this
validation existed must still render (and so still be found and deleted).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from rest_framework import serializers
from rest_framework.fields import empty

from core.errors import AppError

# Lone UTF-16 surrogates: JSON's "\ud800" decodes to one, and no UTF-8 encoder will write it out.
_SURROGATES = re.compile("[\ud800-\udfff]")
# Bidirectional embeddings, overrides and isolates: they make text display in another order than it
# is read (Trojan Source), and nobody types them in a question.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ALLOWED_CONTROLS = frozenset("\n\t\r")


class InvalidText(AppError):
    status_code = 400
    code = "invalid_text"

    def __init__(self, message: str, *, field: str, limit: int | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.limit = limit

    def details(self) -> dict[str, Any]:
        details: dict[str, Any] = {"field": self.field}
        if self.limit is not None:
            details["max_chars"] = self.limit
        return details


def _refused_character(character: str) -> str | None:
    """Why ``character`` may not be in people's text, or None if it may."""
    if _SURROGATES.fullmatch(character):
        return "a lone UTF-16 surrogate"
    if character in _BIDI_CONTROLS:
        return "a bidirectional override"
    if character not in _ALLOWED_CONTROLS and unicodedata.category(character) == "Cc":
        return "a control character"
    return None


def clean_text(value: object, *, field: str, max_chars: int) -> str:
    """``value`` stripped, or ``InvalidText`` naming the field and the rule it breaks (the limit included).

    Refused: anything but a string, empty text, more than ``max_chars`` characters, lone surrogates,
    NUL and other control characters (newlines and tabs are kept), bidirectional overrides.
    """
    if not isinstance(value, str):
        raise InvalidText(f"The {field} must be text.", field=field, limit=max_chars)
    text = value.strip()
    if not text:
        raise InvalidText(f"The {field} cannot be empty.", field=field, limit=max_chars)
    if len(text) > max_chars:
        raise InvalidText(
            f"The {field} is limited to {max_chars:,} characters (this one has {len(text):,}).",
            field=field,
            limit=max_chars,
        )
    for position, character in enumerate(text, start=1):
        reason = _refused_character(character)
        if reason is not None:
            raise InvalidText(
                f"The {field} contains {reason} (U+{ord(character):04X}) at character {position}; remove it.",
                field=field,
                limit=max_chars,
            )
    return text


def displayable(value: Any) -> Any:
    """``value`` (text, or JSON-like data) with lone surrogates replaced by U+FFFD, so it can be encoded."""
    if isinstance(value, str):
        return _SURROGATES.sub("\ufffd", value)
    if isinstance(value, dict):
        return {displayable(key): displayable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [displayable(item) for item in value]
    return value


class TextField(serializers.CharField):
    """A request's text field, validated by ``clean_text`` (its error is the one every surface sends)."""

    def __init__(self, *, field: str, max_chars: int, **kwargs: Any) -> None:
        # max_length documents the limit in the OpenAPI schema; clean_text enforces it first.
        super().__init__(max_length=max_chars, allow_blank=True, trim_whitespace=False, **kwargs)
        self.text_field = field
        self.max_chars = max_chars

    def run_validation(self, data: Any = empty) -> Any:
        if data is empty or data is None:
            return super().run_validation(data)  # missing or null: DRF's required/null rules
        return clean_text(data, field=self.text_field, max_chars=self.max_chars)
