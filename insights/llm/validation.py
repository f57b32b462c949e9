"""Strict checks on an understanding a model proposed, before anything computes from it.

Whatever is not exactly right for the tenant's semantic model and the contract
is refused as a whole (``UnusableReply`` with the reason); member names are the
one thing mended: matched case-insensitively, then spelled as stored.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from insights.llm.replies import UnusableReply
from insights.understanding.types import GRAINS, INTENTS, ORDERS, Period, Understanding
from metrics.semantic import SemanticModel

FIELDS = ("intent", "subject", "measure", "time", "compare_to", "filters", "group_by", "order", "limit")
_CONSTRAINTS = frozenset({"subject", "filters"})
# Per intent: the fields that must be given, and the others that may be.
_REQUIRED: dict[str, frozenset[str]] = {
    "value": frozenset({"measure", "time"}),
    "compare": frozenset({"measure", "time", "compare_to"}),
    "trend": frozenset({"measure", "time"}),
    "breakdown": frozenset({"measure", "time", "group_by"}),
    "rank": frozenset({"measure", "time", "group_by", "order", "limit"}),
    "drivers": frozenset({"measure", "time", "compare_to"}),
    "summary": frozenset({"time", "compare_to"}),
    "clarify": frozenset(),
    "out_of_scope": frozenset(),
}
_OPTIONAL: dict[str, frozenset[str]] = {
    "value": _CONSTRAINTS,
    "compare": _CONSTRAINTS,
    "trend": _CONSTRAINTS,
    "breakdown": _CONSTRAINTS,
    "rank": _CONSTRAINTS,
    "drivers": _CONSTRAINTS | {"group_by"},
    "summary": _CONSTRAINTS | {"measure"},
    "clarify": frozenset(),
    "out_of_scope": frozenset(),
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def validated_understanding(data: Mapping[str, Any], *, model: SemanticModel, as_of: date) -> Understanding:
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise UnusableReply(f"unknown fields {sorted(unknown)}")
    intent = data.get("intent")
    if intent not in INTENTS:
        raise UnusableReply(f"intent {intent!r} is not one of the contract's")
    given = {name for name in FIELDS[1:] if data.get(name) not in (None, {}, [])}
    missing = _REQUIRED[intent] - given
    if missing:
        raise UnusableReply(f"{intent} needs {sorted(missing)}")
    stray = given - _REQUIRED[intent] - _OPTIONAL[intent]
    if stray:
        raise UnusableReply(f"{intent} does not take {sorted(stray)}")

    time = _period(data.get("time"), name="time", as_of=as_of)
    if intent == "trend" and (time is None or time.grain is None):
        raise UnusableReply("trend needs the grain of its rows")
    return Understanding(
        intent=intent,
        measure=_measure(data.get("measure"), model=model),
        time=time,
        compare_to=_period(data.get("compare_to"), name="compare_to", as_of=as_of),
        constraints=_constraints(data.get("subject"), data.get("filters"), model=model),
        group_by=_dimension(data.get("group_by"), model=model) if data.get("group_by") is not None else None,
        order=_order(data.get("order")),
        limit=_limit(data.get("limit")),
    )


def _measure(value: Any, *, model: SemanticModel) -> str | None:
    if value is None:
        return None
    if value not in model.measures:
        raise UnusableReply(f"measure {value!r} is not one of {list(model.measures)}")
    return value


def _period(value: Any, *, name: str, as_of: date) -> Period | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or not {"start", "end"} <= set(value) <= {"start", "end", "grain"}:
        raise UnusableReply(f"{name} must be an object with start, end and optionally grain")
    start, end = (_iso_date(value[key], name=f"{name}.{key}") for key in ("start", "end"))
    grain = value.get("grain")
    if grain is not None and grain not in GRAINS:
        raise UnusableReply(f"{name}.grain {grain!r} is not one of {list(GRAINS)}")
    if start > end:
        raise UnusableReply(f"{name} ends ({end}) before it starts ({start})")
    if start > as_of:
        raise UnusableReply(f"{name} starts ({start}) after the as-of date ({as_of})")
    return Period(start=start, end=end, grain=grain)


def _iso_date(value: Any, *, name: str) -> date:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise UnusableReply(f"{name} {value!r} is not an ISO date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UnusableReply(f"{name} {value!r} is not a calendar date") from None


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


def _constraints(subject: Any, filters: Any, *, model: SemanticModel) -> dict[str, list[str]]:
    constraints: dict[str, list[str]] = {}

    def add(dimension_name: Any, members: Any) -> None:
        dimension = _dimension(dimension_name, model=model)
        if not isinstance(members, list):
            raise UnusableReply(f"filters.{dimension} must be a list of members")
        merged = constraints.setdefault(dimension, [])
        for member in members:
            stored = _member(member, dimension=dimension, model=model)
            if stored not in merged:
                merged.append(stored)

    if subject is not None:
        if not isinstance(subject, Mapping) or set(subject) != {"dimension", "value"}:
            raise UnusableReply("subject must be null or an object with dimension and value")
        add(subject["dimension"], [subject["value"]])
    if filters is not None:
        if not isinstance(filters, Mapping):
            raise UnusableReply("filters must be an object of dimension to members")
        for dimension_name, members in filters.items():
            add(dimension_name, members)
    return {dimension: members for dimension, members in constraints.items() if members}


def _order(value: Any) -> str | None:
    if value is not None and value not in ORDERS:
        raise UnusableReply(f"order {value!r} is not one of {list(ORDERS)}")
    return value


def _limit(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise UnusableReply(f"limit {value!r} is not a whole number of at least 1")
    return value
