"""The tenant's semantic model: what its data can answer (measures, dimensions, members, dates).

Built by the import from the dataset's columns, stored with the version in the
tenant's table, and the one place every surface reads measures from: the parser
their words, the narrative and the UIs their label, direction and format
(``measure(name)``). Column names in the version's Parquet file are the
dimensions' names as written and the summed measures' columns.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel, ConfigDict

from metrics.measures import CATALOGUE, DEFAULT_MEASURE, Measure, evaluate, measures_for


class Dimension(BaseModel):
    """How people name a dimension and its members: a label, extra words, and member aliases
    ("NA" → "North America"); the tenant edits them (``metrics.model_edits``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    label: str
    words: tuple[str, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()  # (alias, member), hashable so vocabularies can be cached by it


@dataclass(frozen=True)
class SemanticModel:
    """``measures``: the names of every measure the data gives, stored ones in the file's order, then derived
    ones; ``definitions``: name → ``Measure`` (filled from the catalogue and the contract's defaults when not
    given); ``dimensions``: name → members (sorted), in the file's column order."""

    version: str
    measures: tuple[str, ...]
    dimensions: Mapping[str, tuple[str, ...]]
    first_date: date
    last_date: date
    row_count: int = 0
    definitions: Mapping[str, Measure] = field(default_factory=dict)
    dimension_details: Mapping[str, Dimension] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "dimensions", MappingProxyType({k: tuple(v) for k, v in self.dimensions.items()}))
        details = {name: self.dimension_details.get(name) or Dimension(name=name, label=name)
                   for name in self.dimensions}
        object.__setattr__(self, "dimension_details", MappingProxyType(details))
        given = dict(self.definitions)
        missing = {name: name for name in self.measures if name not in given and name not in CATALOGUE}
        defaults = {m.name: m for m in measures_for(missing)} if missing else {}
        definitions = {name: given.get(name) or CATALOGUE.get(name) or defaults[name] for name in self.measures}
        object.__setattr__(self, "measures", tuple(self.measures))
        object.__setattr__(self, "definitions", MappingProxyType(definitions))

    def measure(self, name: str) -> Measure:
        """The measure called ``name``; ``KeyError`` when the data does not give it."""
        return self.definitions[name]

    @property
    def default_measure(self) -> str:
        """``revenue``, or where there is none the first measure of the dataset."""
        return DEFAULT_MEASURE if DEFAULT_MEASURE in self.definitions else self.measures[0]

    @property
    def columns(self) -> tuple[str, ...]:
        """The summed fact columns (the dataset's measure columns), in the file's order."""
        return tuple(m.computation.column or "" for m in self.definitions.values() if m.computation.kind == "sum")

    def value(self, sums: Mapping[str, float], name: str) -> float | None:
        """Measure ``name`` of a cell whose column sums are ``sums``."""
        return evaluate(self.definitions, sums, name)

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "measures": [
                {**m.model_dump(mode="json"), "derived": m.derived, "default": m.name == self.default_measure}
                for m in self.definitions.values()
            ],
            "dimensions": {name: list(members) for name, members in self.dimensions.items()},
            "dimension_details": [d.model_dump(mode="json") for d in self.dimension_details.values()],
            "first_date": self.first_date.isoformat(),
            "last_date": self.last_date.isoformat(),
            "row_count": self.row_count,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SemanticModel:
        measures = [Measure.model_validate({k: v for k, v in m.items() if k in Measure.model_fields})
                    for m in data["measures"]]
        return cls(
            version=data["version"],
            measures=tuple(m.name for m in measures),
            definitions={m.name: m for m in measures},
            dimensions={k: tuple(v) for k, v in data["dimensions"].items()},
            dimension_details={d["name"]: Dimension.model_validate(d) for d in data.get("dimension_details", ())},
            first_date=date.fromisoformat(data["first_date"]),
            last_date=date.fromisoformat(data["last_date"]),
            row_count=int(data.get("row_count", 0)),
        )
