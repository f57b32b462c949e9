"""The contract's ``result`` object: computed figures, ready to be phrased or serialised."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Floats are kept to this many decimals in answers: far below any rounding a person sees.
DECIMALS = 6


@dataclass(frozen=True)
class Row:
    key: str
    value: float | None

    def as_json(self) -> dict[str, Any]:
        return {"key": self.key, "value": _round(self.value)}


@dataclass(frozen=True)
class MeasureFigures:
    value: float | None
    previous_value: float | None
    change_pct: float | None

    def as_json(self) -> dict[str, Any]:
        return {
            "value": _round(self.value),
            "previous_value": _round(self.previous_value),
            "change_pct": _round(self.change_pct),
        }


@dataclass(frozen=True)
class Result:
    value: float | None = None
    previous_value: float | None = None
    change: float | None = None
    change_pct: float | None = None
    rows: tuple[Row, ...] = ()
    measures: Mapping[str, MeasureFigures] | None = None
    # The dimension "drivers" chose when the question named none (goes into the understanding's group_by).
    chosen_group_by: str | None = field(default=None, compare=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "value": _round(self.value),
            "previous_value": _round(self.previous_value),
            "change": _round(self.change),
            "change_pct": _round(self.change_pct),
            "rows": [row.as_json() for row in self.rows],
            "measures": (
                {name: figures.as_json() for name, figures in self.measures.items()}
                if self.measures is not None
                else None
            ),
        }


def _round(number: float | None) -> float | None:
    return None if number is None else round(float(number), DECIMALS)
