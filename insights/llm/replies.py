"""Reading a model's reply that was asked to be one JSON object."""
from __future__ import annotations

import json
import re
from typing import Any

# Models without a JSON mode (Bedrock's Converse) sometimes wrap the object in a Markdown fence.
_FENCE = re.compile(r"^```(?:json)?\s*\n?(?P<body>.*?)\n?```$", re.DOTALL | re.IGNORECASE)


class UnusableReply(ValueError):
    """The reply cannot be used; the message says why."""


def json_object(reply: str) -> dict[str, Any]:
    text = reply.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group("body").strip()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnusableReply(f"not JSON ({exc.msg} at {exc.pos}): {text[:120]!r}") from None
    if not isinstance(data, dict):
        raise UnusableReply(f"a JSON {type(data).__name__}, not an object")
    return data
