"""Reading a question: time expressions, measures, members and cues into an ``Understanding``."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from insights.understanding.types import Understanding

if TYPE_CHECKING:
    from insights.understanding.parser import parse

__all__ = ["Understanding", "parse"]


def __getattr__(name: str) -> Any:
    # The parser builds its tables on import; modules that only need the types (stored answers,
    # a Lambda's cold start) must not pay for them.
    if name == "parse":
        from insights.understanding.parser import parse

        return parse
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
