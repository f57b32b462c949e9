"""Made-up companies for parser tests: a semantic model from column names alone, as an import would build it."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from metrics.measures import measures_for
from metrics.semantic import SemanticModel


def company(*, version: str, columns: Mapping[str, str] | tuple[str, ...], dimensions: dict[str, tuple[str, ...]],
            first_date: date, last_date: date) -> SemanticModel:
    """``columns`` maps each measure's name to its column header (a tuple: each name is its own header)."""
    defined = measures_for(dict(columns) if isinstance(columns, Mapping) else {c: c for c in columns})
    return SemanticModel(version=version, measures=tuple(m.name for m in defined),
                         definitions={m.name: m for m in defined}, dimensions=dimensions,
                         first_date=first_date, last_date=last_date)
