"""The answer's ``understanding`` and ``result`` on the wire (shared/spec/ask-contract.md, version 2).

These pydantic models are the one source of their JSON Schema: the OpenAPI components
of the API (``insights.contract_field``) and the structured output asked of a language
model (``insights.llm``) are both generated from them. Every key is always present
(``null``, ``[]`` or ``{}`` where it does not apply), so the schemas require them all.

Validated with a context ``{"model": SemanticModel, "as_of": date}``, an understanding
must also name only the tenant's measures, dimensions and members and start by the
as-of date; without one only the contract's own rules apply.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, ValidationInfo, model_validator

from insights.understanding.types import GRAINS, INTENTS, ORDER_BYS, ORDERS

Intent = Literal[INTENTS]  # type: ignore[valid-type]
Grain = Literal[GRAINS]  # type: ignore[valid-type]
Order = Literal[ORDERS]  # type: ignore[valid-type]
OrderBy = Literal[ORDER_BYS]  # type: ignore[valid-type]
Name = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Subject(_Strict):
    """The one member the question is about."""

    dimension: Name
    value: Name


class ComparePeriod(_Strict):
    """Inclusive ISO dates."""

    start: date
    end: date

    @model_validator(mode="after")
    def _in_order(self) -> ComparePeriod:
        if self.start > self.end:
            raise ValueError(f"ends ({self.end}) before it starts ({self.start})")
        return self


class TimePeriod(ComparePeriod):
    """Inclusive ISO dates and the grain of the rows (or the period's natural grain)."""

    grain: Grain | None


class Understanding(_Strict):
    """What the question asks for; fields that do not apply are null, [] or {}."""

    intent: Intent
    subject: Subject | None
    measure: Name | None
    time: TimePeriod | None
    compare_to: ComparePeriod | None
    filters: dict[str, list[Name]]
    group_by: Name | None = Field(description="A dimension, or a time grain for breakdown and rank.")
    order: Order | None
    limit: Annotated[StrictInt, Field(ge=1)] | None
    per: Name | None = Field(description="A measure, a time grain or a dimension the measure is divided by.")
    order_by: OrderBy | None
    cumulative: StrictBool
    also: list[Name]
    target: float | None
    ignored: list[str]

    @model_validator(mode="after")
    def _known_to_the_tenant(self, info: ValidationInfo) -> Understanding:
        context = info.context or {}
        semantic = context.get("model")
        as_of = context.get("as_of")
        if as_of is not None:
            for name, period in (("time", self.time), ("compare_to", self.compare_to)):
                if period is not None and period.start > as_of:
                    raise ValueError(f"{name} starts ({period.start}) after the as-of date ({as_of})")
        if semantic is not None:
            _check_names(self, semantic)
        return self


# What each field of an understanding holds where it does not apply.
NOT_APPLICABLE: dict[str, Any] = {
    name: {} if name == "filters" else [] if name in ("also", "ignored") else False if name == "cumulative" else None
    for name in Understanding.model_fields
    if name != "intent"
}


def _check_names(understanding: Understanding, semantic: Any) -> None:
    measures = list(semantic.measures)
    dimensions = semantic.dimensions
    for measure in (understanding.measure, *understanding.also):
        if measure is not None and measure not in measures:
            raise ValueError(f"measure {measure!r} is not one of {measures}")
    if understanding.group_by is not None and understanding.group_by not in (*dimensions, *GRAINS):
        raise ValueError(f"group_by {understanding.group_by!r} is not one of {[*dimensions, *GRAINS]}")
    if understanding.per is not None and understanding.per not in (*measures, *GRAINS, *dimensions):
        raise ValueError(f"per {understanding.per!r} is not a measure, a time grain or a dimension")
    named = dict(understanding.filters)
    if understanding.subject is not None:
        named.setdefault(understanding.subject.dimension, []).append(understanding.subject.value)
    by_folded_name = {name.casefold(): name for name in dimensions}
    for dimension, members in named.items():
        if dimension.casefold() not in by_folded_name:
            raise ValueError(f"dimension {dimension!r} is not one of {list(dimensions)}")
        folded = {member.casefold() for member in dimensions[by_folded_name[dimension.casefold()]]}
        unknown = [member for member in members if member.casefold() not in folded]
        if unknown:
            raise ValueError(f"{unknown} are not members of {dimension}")


class ResultRow(_Strict):
    """One row: a period label, a member or a series key, and its figures."""

    key: str
    value: float | None
    current: float | None = Field(default=None, description="Growth rank: the value in time.")
    previous: float | None = Field(default=None, description="Growth rank: the value in compare_to.")
    share_pct: float | None = Field(default=None, description="Share: the row's part of the total, in %.")
    expected: float | None = Field(default=None, description="Unusual: the mean of the series' history.")
    z: float | None = Field(default=None, description="Unusual: standard deviations from expected.")
    values: dict[str, float | None] | None = Field(default=None, description="Also: measure to value.")


class MeasureFigures(_Strict):
    value: float | None
    previous_value: float | None
    change_pct: float | None


class Result(_Strict):
    """The computed figures; those the intent does not give are null."""

    value: float | None
    previous_value: float | None
    change: float | None
    change_pct: float | None
    rows: list[ResultRow]
    measures: dict[str, MeasureFigures] | None
    total: float | None
    share_pct: float | None
    projected: float | None
    target: float | None
    gap: float | None
    pct_of_target: float | None

