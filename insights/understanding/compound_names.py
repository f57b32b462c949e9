"""A one-word name in camel case said as its parts: "linked in" for LinkedIn, "tik tok" or "tik-tok" for TikTok.

People type the brand as they hear it. Only a name with a lower-case letter before a capital inside it
("LinkedIn", "TikTok", "YouTube", "iPhone") has parts to split at; "Northwind" or "UK" have none.
"""
from __future__ import annotations

import re

_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def spelled_apart(member: str) -> tuple[str, ...] | None:
    """The lower-cased parts of ``member`` when it is one camel-case word of two or more parts."""
    if not re.fullmatch(r"[A-Za-z0-9]+", member) or not re.search(r"[a-z][A-Z]", member):
        return None
    parts = tuple(p.lower() for p in _PARTS.findall(member))
    return parts if len(parts) > 1 else None
