"""The structured understanding of a question (shared/spec/ask-contract.md, "understanding").

Internally the constraints on the data are one mapping, dimension → members;
``as_json`` splits them into the contract's ``subject`` (the first dimension
constrained to a single member) and ``filters`` (the rest), and ``from_json``
merges them back, so follow-ups never have to care which of the two held a member.
The one exception is ``share``, where the subject is the part and the filters
the whole: there the part is kept apart, in ``part``, and ``constraints`` are the whole.

Stored understandings from before contract v2 lack the v2 fields; ``from_json``
reads them with the contract's defaults.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType
from typing import Any

INTENTS: tuple[str, ...] = (
    "value", "compare", "trend", "breakdown", "rank", "drivers", "summary",
    "share", "pace", "count", "unusual", "clarify", "out_of_scope",
)
ANSWERED_INTENTS = frozenset(INTENTS) - {"clarify", "out_of_scope"}
GRAINS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
ORDERS: tuple[str, ...] = ("desc", "asc")
ORDER_BYS: tuple[str, ...] = ("change", "change_pct")
# The default number of series an ``unusual`` answer lists.
UNUSUAL_LIMIT = 5


@dataclass(frozen=True)
class Period:
    """Inclusive dates; ``grain`` is the grain of trend rows, or the natural grain of the period, or None."""

    start: date
    end: date
    grain: str | None = None

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"A period cannot end ({self.end}) before it starts ({self.start}).")
        if self.grain is not None and self.grain not in GRAINS:
            raise ValueError(f"Unknown grain {self.grain!r}.")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def as_json(self, *, with_grain: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start.isoformat(), "end": self.end.isoformat()}
        if with_grain:
            out["grain"] = self.grain
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Period | None:
        if not data:
            return None
        return cls(
            start=date.fromisoformat(data["start"]),
            end=date.fromisoformat(data["end"]),
            grain=data.get("grain"),
        )


def _frozen_constraints(constraints: Mapping[str, Any]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({dim: tuple(members) for dim, members in constraints.items() if members})


@dataclass(frozen=True)
class Understanding:
    intent: str
    measure: str | None = None
    time: Period | None = None
    compare_to: Period | None = None
    constraints: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    group_by: str | None = None  # a dimension name, or a time grain for breakdown/rank
    order: str | None = None
    limit: int | None = None
    per: str | None = None  # a measure name, a time grain or a dimension name
    order_by: str | None = None
    cumulative: bool = False
    also: tuple[str, ...] = ()
    target: float | None = None
    ignored: tuple[str, ...] = ()
    part: tuple[str, str] | None = None  # share only: (dimension, member), the part of the whole

    def __post_init__(self) -> None:
        if self.intent not in INTENTS:
            raise ValueError(f"Unknown intent {self.intent!r}.")
        if self.order is not None and self.order not in ORDERS:
            raise ValueError(f"Unknown order {self.order!r}.")
        if self.limit is not None and (not isinstance(self.limit, int) or self.limit < 1):
            raise ValueError(f"A limit must be a whole number of at least 1, not {self.limit!r}.")
        if self.order_by is not None and self.order_by not in ORDER_BYS:
            raise ValueError(f"Unknown order_by {self.order_by!r}.")
        if self.target is not None and not (isinstance(self.target, int | float) and math.isfinite(self.target)):
            raise ValueError(f"A target must be a finite number, not {self.target!r}.")
        if self.part is not None and self.intent != "share":
            raise ValueError("Only a share has a part.")
        object.__setattr__(self, "constraints", _frozen_constraints(self.constraints))
        object.__setattr__(self, "also", tuple(self.also))
        object.__setattr__(self, "ignored", tuple(self.ignored))
        if self.part is not None:
            object.__setattr__(self, "part", (self.part[0], self.part[1]))

    @property
    def answered(self) -> bool:
        return self.intent in ANSWERED_INTENTS

    @property
    def can_be_followed(self) -> bool:
        """Whether the next question leans on it: an answer, or a clarify that understood part of its question
        ("net sales in belgium last month?", then "sorry, meant the netherlands")."""
        understood = bool(self.measure or self.time or self.constraints or self.group_by)
        return self.answered or (self.intent == "clarify" and understood)

    @property
    def dimensions_about(self) -> frozenset[str]:
        """The dimensions the answer was about: those it kept to members of, its share's part's, its rows'."""
        return frozenset({*self.constraints, *(self.part[:1] if self.part else ()), *filter(None, [self.group_by])})

    def with_changes(self, **changes: Any) -> Understanding:
        return replace(self, **changes)

    def as_json(self) -> dict[str, Any]:
        subject = {"dimension": self.part[0], "value": self.part[1]} if self.part else None
        filters: dict[str, list[str]] = {}
        for dimension, members in self.constraints.items():
            if subject is None and len(members) == 1 and self.intent != "share":
                subject = {"dimension": dimension, "value": members[0]}
            else:
                filters[dimension] = list(members)
        return {
            "intent": self.intent,
            "subject": subject,
            "measure": self.measure,
            "time": self.time.as_json() if self.time else None,
            "compare_to": self.compare_to.as_json(with_grain=False) if self.compare_to else None,
            "filters": filters,
            "group_by": self.group_by,
            "order": self.order,
            "limit": self.limit,
            "per": self.per,
            "order_by": self.order_by,
            "cumulative": self.cumulative,
            "also": list(self.also),
            "target": self.target,
            "ignored": list(self.ignored),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Understanding:
        constraints: dict[str, list[str]] = {}
        subject = data.get("subject")
        part = None
        if subject and subject.get("dimension"):
            if data["intent"] == "share":
                part = (subject["dimension"], subject["value"])
            else:
                constraints[subject["dimension"]] = [subject["value"]]
        for dimension, members in (data.get("filters") or {}).items():
            values = members if isinstance(members, list | tuple) else [members]
            merged = constraints.setdefault(dimension, [])
            merged.extend(v for v in values if v not in merged)
        return cls(
            intent=data["intent"],
            measure=data.get("measure"),
            time=Period.from_json(data.get("time")),
            compare_to=Period.from_json(data.get("compare_to")),
            constraints=constraints,
            group_by=data.get("group_by"),
            order=data.get("order"),
            limit=data.get("limit"),
            per=data.get("per"),
            order_by=data.get("order_by"),
            cumulative=bool(data.get("cumulative")),
            also=tuple(data.get("also") or ()),
            target=data.get("target"),
            ignored=tuple(data.get("ignored") or ()),
            part=part,
        )
