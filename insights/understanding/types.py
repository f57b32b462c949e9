"""The structured understanding of a question (shared/spec/ask-contract.md, "understanding").

Internally the constraints on the data are one mapping, dimension → members;
``as_json`` splits them into the contract's ``subject`` (the first dimension
constrained to a single member) and ``filters`` (the rest), and ``from_json``
merges them back, so follow-ups never have to care which of the two held a member.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType
from typing import Any

INTENTS: tuple[str, ...] = (
    "value", "compare", "trend", "breakdown", "rank", "drivers", "summary", "clarify", "out_of_scope",
)
ANSWERED_INTENTS = frozenset(INTENTS) - {"clarify", "out_of_scope"}
GRAINS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
ORDERS: tuple[str, ...] = ("desc", "asc")


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
    group_by: str | None = None
    order: str | None = None
    limit: int | None = None

    def __post_init__(self) -> None:
        if self.intent not in INTENTS:
            raise ValueError(f"Unknown intent {self.intent!r}.")
        if self.order is not None and self.order not in ORDERS:
            raise ValueError(f"Unknown order {self.order!r}.")
        if self.limit is not None and (not isinstance(self.limit, int) or self.limit < 1):
            raise ValueError(f"A limit must be a whole number of at least 1, not {self.limit!r}.")
        object.__setattr__(self, "constraints", _frozen_constraints(self.constraints))

    @property
    def answered(self) -> bool:
        return self.intent in ANSWERED_INTENTS

    def with_changes(self, **changes: Any) -> Understanding:
        return replace(self, **changes)

    def as_json(self) -> dict[str, Any]:
        subject = None
        filters: dict[str, list[str]] = {}
        for dimension, members in self.constraints.items():
            if subject is None and len(members) == 1:
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
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Understanding:
        constraints: dict[str, list[str]] = {}
        subject = data.get("subject")
        if subject and subject.get("dimension"):
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
        )
