"""The tenant's semantic model: what its data can answer (measures, dimensions, members, dates)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from metrics.measures import CATALOGUE, SUMMABLE


@dataclass(frozen=True)
class SemanticModel:
    """``measures``: every canonical measure the data can give, derived ones included;
    ``dimensions``: name → members (sorted), in the file's column order."""

    version: str
    measures: tuple[str, ...]
    dimensions: Mapping[str, tuple[str, ...]]
    first_date: date
    last_date: date
    row_count: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "dimensions", MappingProxyType({k: tuple(v) for k, v in self.dimensions.items()}))

    @property
    def columns(self) -> tuple[str, ...]:
        """The summable measures stored in the rollups (the dataset's measure columns)."""
        return tuple(name for name in SUMMABLE if name in self.measures)

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "measures": [
                {
                    "name": name,
                    "label": CATALOGUE[name].label,
                    "formula": CATALOGUE[name].formula,
                    "synonyms": list(CATALOGUE[name].synonyms),
                    "up_is_good": CATALOGUE[name].up_is_good,
                    "derived": name not in SUMMABLE,
                    "is_ratio": CATALOGUE[name].is_ratio,
                    "is_money": CATALOGUE[name].is_money,
                    "is_percent": CATALOGUE[name].is_percent,
                }
                for name in self.measures
            ],
            "dimensions": {name: list(members) for name, members in self.dimensions.items()},
            "first_date": self.first_date.isoformat(),
            "last_date": self.last_date.isoformat(),
            "row_count": self.row_count,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SemanticModel:
        return cls(
            version=data["version"],
            measures=tuple(m["name"] if isinstance(m, Mapping) else m for m in data["measures"]),
            dimensions={k: tuple(v) for k, v in data["dimensions"].items()},
            first_date=date.fromisoformat(data["first_date"]),
            last_date=date.fromisoformat(data["last_date"]),
            row_count=int(data.get("row_count", 0)),
        )
