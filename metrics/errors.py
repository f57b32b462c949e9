"""Metrics errors; the API maps each to a 4xx with a clear JSON body (``code``, ``message``, ``details``)."""
from __future__ import annotations

from typing import Any

from core.errors import AppError


class MetricsError(AppError):
    status_code = 400
    code = "metrics_error"


class NoDataset(MetricsError):
    status_code = 404
    code = "no_dataset"


class DatasetExists(MetricsError):
    """An import without ``replace`` over an existing dataset."""

    status_code = 409
    code = "dataset_exists"


class ImportConflict(MetricsError):
    """Another import switched the tenant's dataset while this one was writing; this one was discarded."""

    status_code = 409
    code = "import_conflict"


class InvalidDataset(MetricsError):
    """The file cannot be imported; nothing was written. Names the line and column where it can."""

    code = "invalid_dataset"

    def __init__(self, message: str, *, line: int | None = None, column: str | None = None) -> None:
        self.line = line
        self.column = column
        where = []
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)

    def details(self) -> dict[str, Any] | None:
        return {"line": self.line, "column": self.column}


class InvalidQuery(MetricsError, ValueError):
    code = "invalid_query"


class UnknownDimension(InvalidQuery):
    code = "unknown_dimension"

    def __init__(self, dimension: str, *, known: tuple[str, ...]) -> None:
        self.dimension = dimension
        self.known = known
        super().__init__(f"Unknown dimension {dimension!r}; the dataset has: {', '.join(known) or 'none'}.")

    def details(self) -> dict[str, Any] | None:
        return {"dimension": self.dimension, "known": list(self.known)}


class UnknownMember(InvalidQuery):
    code = "unknown_member"

    def __init__(self, dimension: str, member: str, *, suggestions: tuple[str, ...] = ()) -> None:
        self.dimension = dimension
        self.member = member
        self.suggestions = suggestions
        hint = f" Did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"{dimension!r} has no member {member!r}.{hint}")

    def details(self) -> dict[str, Any] | None:
        return {"dimension": self.dimension, "member": self.member, "suggestions": list(self.suggestions)}


class UnknownMeasure(InvalidQuery):
    code = "unknown_measure"
