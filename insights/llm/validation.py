"""Strict checks on an understanding a model proposed, before anything computes from it.

Whatever is not exactly right for the tenant's semantic model and the contract
is refused as a whole (``UnusableReply`` with the reason); member names are the
one thing mended: matched case-insensitively, then spelled as stored.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pydantic

from insights.contract import NOT_APPLICABLE
from insights.contract import Understanding as WireUnderstanding
from insights.llm.replies import UnusableReply
from insights.understanding.types import GRAINS, Understanding
from metrics.semantic import SemanticModel

FIELDS = tuple(WireUnderstanding.model_fields)
_CONSTRAINTS = frozenset({"subject", "filters", "ignored"})
_MODIFIERS = _CONSTRAINTS | {"per", "also"}
# Per intent: the fields that must be given, and the others that may be.
_REQUIRED: dict[str, frozenset[str]] = {
    "value": frozenset({"measure", "time"}),
    "compare": frozenset({"measure", "time", "compare_to"}),
    "trend": frozenset({"measure", "time"}),
    "breakdown": frozenset({"measure", "time", "group_by"}),
    "rank": frozenset({"measure", "time", "group_by", "order", "limit"}),
    "drivers": frozenset({"measure", "time", "compare_to"}),
    "summary": frozenset({"time", "compare_to"}),
    "share": frozenset({"measure", "time"}),
    "pace": frozenset({"measure", "time", "target"}),
    "count": frozenset({"time", "group_by"}),
    "unusual": frozenset({"time"}),
    "clarify": frozenset(),
    "out_of_scope": frozenset(),
}
_OPTIONAL: dict[str, frozenset[str]] = {
    "value": _MODIFIERS,
    "compare": _MODIFIERS,
    "trend": _MODIFIERS | {"cumulative"},
    "breakdown": _MODIFIERS,
    "rank": _MODIFIERS | {"order_by", "compare_to"},
    "drivers": _CONSTRAINTS | {"group_by"},
    "summary": _CONSTRAINTS | {"measure"},
    "share": _CONSTRAINTS | {"group_by"},
    "pace": _CONSTRAINTS,
    "count": _CONSTRAINTS | {"measure"},
    "unusual": _CONSTRAINTS | {"measure", "group_by", "limit"},
    "clarify": frozenset({"ignored"}),
    "out_of_scope": frozenset({"ignored"}),
}


def validated_understanding(data: Mapping[str, Any], *, model: SemanticModel, as_of: date) -> Understanding:
    """``data`` checked against the contract's model and the tenant's names, then per intent."""
    try:
        # A key left out of a reply is one that does not apply.
        wire = WireUnderstanding.model_validate({**NOT_APPLICABLE, **data}, context={"model": model, "as_of": as_of})
    except pydantic.ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'reply'}: {e['msg']}" for e in exc.errors())
        raise UnusableReply(problems) from None
    given = {name for name in FIELDS[1:] if getattr(wire, name) not in (None, {}, [], False)}
    missing = _REQUIRED[wire.intent] - given
    if missing:
        raise UnusableReply(f"{wire.intent} needs {sorted(missing)}")
    stray = given - _REQUIRED[wire.intent] - _OPTIONAL[wire.intent]
    if stray:
        raise UnusableReply(f"{wire.intent} does not take {sorted(stray)}")
    if wire.intent == "trend" and wire.time is not None and wire.time.grain is None:
        raise UnusableReply("trend needs the grain of its rows")
    if wire.order_by is not None and wire.compare_to is None:
        raise UnusableReply("a growth rank needs compare_to")
    json = wire.model_dump(mode="json")
    json["group_by"] = _group_by(wire.group_by, model=model)
    json["subject"], json["filters"] = None, _constraints(wire, model=model)
    if wire.intent == "share" and wire.subject is not None:
        json["subject"] = {"dimension": wire.subject.dimension,
                           "value": _member(wire.subject.value, dimension=wire.subject.dimension, model=model)}
    return Understanding.from_json(json)


def _group_by(value: str | None, *, model: SemanticModel) -> str | None:
    return value if value is None or value in GRAINS else _dimension(value, model=model)


def _dimension(value: Any, *, model: SemanticModel) -> str:
    if isinstance(value, str):
        if value in model.dimensions:
            return value
        folded = [name for name in model.dimensions if name.casefold() == value.casefold()]
        if len(folded) == 1:
            return folded[0]
    raise UnusableReply(f"dimension {value!r} is not one of {list(model.dimensions)}")


def _member(value: Any, *, dimension: str, model: SemanticModel) -> str:
    members = model.dimensions[dimension]
    if isinstance(value, str) and value:
        if value in members:
            return value
        folded = [member for member in members if member.casefold() == value.casefold()]
        if len(folded) == 1:
            return folded[0]
    raise UnusableReply(f"{value!r} is not a {dimension}")


def _constraints(wire: WireUnderstanding, *, model: SemanticModel) -> dict[str, list[str]]:
    """Subject (but a share's part) and filters as one mapping, members spelled as stored."""
    named: list[tuple[str, list[str]]] = list(wire.filters.items())
    if wire.subject is not None and wire.intent != "share":
        named.insert(0, (wire.subject.dimension, [wire.subject.value]))
    constraints: dict[str, list[str]] = {}
    for name, members in named:
        dimension = _dimension(name, model=model)
        merged = constraints.setdefault(dimension, [])
        for member in members:
            stored = _member(member, dimension=dimension, model=model)
            if stored not in merged:
                merged.append(stored)
    return {dimension: members for dimension, members in constraints.items() if members}
