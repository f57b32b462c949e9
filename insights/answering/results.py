"""The contract's ``result`` object: computed figures, ready to be phrased or serialised."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Floats are kept to this many decimals in answers: far below any rounding a person sees.
DECIMALS = 6
# Row fields beyond key and value that some intents fill (growth ranks, shares, unusual changes).
ROW_FIELDS = ("current", "previous", "share_pct", "expected", "z")


@dataclass(frozen=True)
class Row:
    key: str
    value: float | None
    current: float | None = None  # growth rank: the member's value in ``time``
    previous: float | None = None  # growth rank: its value in ``compare_to`` (None: no facts there)
    share_pct: float | None = None  # share: the row's part of the total, in %
    expected: float | None = None  # unusual: the mean of the series' history
    z: float | None = None  # unusual: how many standard deviations the value lies from ``expected``
    values: Mapping[str, float | None] | None = None  # ``also``: measure → value, the main measure first

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "value": _round(self.value)}
        for name in ROW_FIELDS:
            if getattr(self, name) is not None:
                out[name] = _round(getattr(self, name))
        if self.values is not None:
            out["values"] = {name: _round(value) for name, value in self.values.items()}
        return out


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
    total: float | None = None  # share: the whole
    share_pct: float | None = None  # share: value ÷ total × 100
    projected: float | None = None  # pace: the value at the end of ``time`` at the pace so far
    target: float | None = None
    gap: float | None = None  # pace: projected − target
    pct_of_target: float | None = None  # pace: value ÷ target × 100
    # The dimension "drivers" chose when the question named none (goes into the understanding's group_by).
    chosen_group_by: str | None = field(default=None, compare=False)
    # Why the question has no figures after all (too little history for ``unusual``): the answer asks back.
    clarification: str | None = field(default=None, compare=False)

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
            "total": _round(self.total),
            "share_pct": _round(self.share_pct),
            "projected": _round(self.projected),
            "target": _round(self.target),
            "gap": _round(self.gap),
            "pct_of_target": _round(self.pct_of_target),
        }


def _round(number: float | None) -> float | None:
    return None if number is None else round(float(number), DECIMALS)
