"""Asking the parser as a conversation does, for parser tests: each turn with the one before as its context."""
from __future__ import annotations

from datetime import date
from typing import Any

from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from metrics.semantic import SemanticModel


def conversation(*turns: str, model: SemanticModel, as_of: date) -> dict[str, Any]:
    """The last turn's understanding, as JSON, each turn asked with the previous one's understanding."""
    previous: Understanding | None = None
    for text in turns:
        previous = parse(text, model=model, as_of=as_of, context=previous).understanding
    assert previous is not None
    return previous.as_json()


def members(got: dict[str, Any]) -> dict[str, list[str]]:
    """Every member an understanding names, subject and filters together, by dimension, sorted."""
    out = {k: sorted(v) for k, v in (got.get("filters") or {}).items()}
    if got.get("subject"):
        out.setdefault(got["subject"]["dimension"], []).append(got["subject"]["value"])
    return {k: sorted(v) for k, v in out.items()}


def span(period: dict[str, Any] | None) -> dict[str, Any] | None:
    """A period of an understanding's JSON without its grain."""
    return {k: period[k] for k in ("start", "end")} if period else None


def constraints(got: dict[str, Any]) -> dict[str, list[str]]:
    """Every member an understanding names, subject and filters together, by dimension, in the order said."""
    out = {k: list(v) for k, v in (got.get("filters") or {}).items()}
    if got.get("subject"):
        out.setdefault(got["subject"]["dimension"], []).append(got["subject"]["value"])
    return out
