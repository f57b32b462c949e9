"""Identifiers that sort by creation time (so "newest first" is a key order) and cannot be guessed."""
from __future__ import annotations

import re
import secrets
import time

_SUFFIX = r"[0-9a-f]{24}"


def new_id(prefix: str) -> str:
    return f"{prefix}_{int(time.time() * 1000):012x}{secrets.token_hex(6)}"


def is_id(value: object, *, prefix: str) -> bool:
    """Whether ``value`` has the shape of an id made by ``new_id(prefix)`` (checked before any lookup)."""
    return isinstance(value, str) and re.fullmatch(rf"{re.escape(prefix)}_{_SUFFIX}", value) is not None
