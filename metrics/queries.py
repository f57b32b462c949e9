"""What a metrics query asks (``QuerySpec``) and what it answers (``QueryResult`` of ``Cell``s).

``metrics.selectors.query`` / ``query_many`` take these; ``metrics.compiler``
turns a spec into one parameterised SQL statement; every number is computed in
SQL (sums, fact counts, distinct members, order, limit).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from metrics.measures import CATALOGUE, Measure, evaluate


@dataclass(frozen=True)
class Bucket:
    """An arbitrary span of days (``start``..``end`` inclusive), labelled by the caller."""

    label: str
    start: date
    end: date


@dataclass(frozen=True)
class QuerySpec:
    """One question to a tenant's facts.

    - ``start``..``end`` (inclusive): the period of the ``total``; with ``grain``, the span cut into periods.
    - ``constraints``: dimension → members; members of one dimension are OR-ed, dimensions AND-ed. Bounded by
      the settings ``SALESTALK_MAX_QUERY_FILTERS`` (dimensions) and ``SALESTALK_MAX_FILTER_MEMBERS``.
    - ``group_by``: a dimension; one row per member with facts (``Cell.key`` = the member).
    - ``grain`` (day, week, month, quarter, year): one row per whole calendar period overlapping
      ``start``..``end`` clipped to the data's dates, oldest first, ``0`` sums where there are no facts; each
      row sums only the span's days inside its period; ``Cell.start``/``end`` are the whole period's bounds.
    - ``buckets``: instead of ``grain``, arbitrary spans (they may overlap or lie outside ``start``..``end``);
      one row per bucket in the given order (``Cell.key`` = its label), zeros where no facts.
    - ``group_by`` with ``grain`` or ``buckets``: one row per member and period that has facts, members in
      order then periods in order; ``Cell.key`` = the member, ``Cell.period`` = the period or bucket label
      (``unusual``: every member's value in each of 13 spans, in one query).
    - ``compare`` (with ``group_by``, and no grain, buckets, order or limit): each member's change of one
      measure between ``start``..``end`` and an earlier period (``Comparison``), computed in SQL:
      ``QueryResult.changes`` (member, change) for every member with facts in either period, largest
      absolute change first, ties by member ("why?"); ``total`` is ``start``..``end``'s as ever.
    - ``count_distinct``: a dimension; ``Cell.distinct`` = the number of its members with facts in that cell,
      total and rows (``per <dimension>``, ``count``).
    - ``order_by``: a measure (any, derived ones included); rows sorted by its value, ``descending`` by default,
      cells with no value (a ratio dividing by 0) last; ``limit`` keeps the first rows. Without ``order_by``
      rows are in member order (sorted) or period order. ``total`` always covers every row, limited or not.

    Every ``Cell`` carries the sums of every measure column (``Cell.sums``), so one query answers every
    measure: ``Cell.value(name)`` computes any measure of the model, ratios from summed parts.
    """

    start: date
    end: date
    constraints: Mapping[str, Sequence[str]] | None = None
    group_by: str | None = None
    grain: str | None = None
    buckets: Sequence[Bucket] = ()
    count_distinct: str | None = None
    order_by: str | None = None
    descending: bool = True
    limit: int | None = None
    compare: Comparison | None = None


@dataclass(frozen=True)
class Comparison:
    """What ``QuerySpec.compare`` asks: per member, the value of ``measure`` in the spec's period minus its value
    in ``start``..``end`` (a side without facts, or whose value divides by nothing, counts 0).

    ``per`` divides each side's value first, as contract v2's ``per`` does: by a measure (ratio of sums), by a
    dimension (its members with facts in the side) or by a time grain (its calendar periods overlapping the
    side's days inside the data).
    """

    start: date
    end: date
    measure: str
    per: str | None = None


@dataclass(frozen=True)
class Cell:
    key: str | None  # member (group_by), period or bucket label (grain / buckets alone), None for the total
    sums: Mapping[str, float]  # every summed measure column of the dataset -> its sum over the cell
    facts: int  # number of fact rows in the cell
    start: date | None = None  # period rows: the whole calendar period's (or the bucket's) first and last day
    end: date | None = None
    distinct: int | None = None  # members of ``count_distinct`` with facts in the cell
    period: str | None = None  # group_by with grain / buckets: the period or bucket label of the row
    measures: Mapping[str, Measure] = field(default_factory=lambda: CATALOGUE, repr=False, compare=False)

    @classmethod
    def built(
        cls, *, key: str | None, sums: Mapping[str, float], facts: int, start: date | None, end: date | None,
        distinct: int | None, period: str | None, measures: Mapping[str, Measure],
    ) -> Cell:
        """The cell ``Cell(…)`` gives, every field named: the selectors build thousands per answer, and a
        frozen dataclass's ``__init__`` pays one ``object.__setattr__`` per field (3× this)."""
        return cls.from_fields({"key": key, "sums": sums, "facts": facts, "start": start, "end": end,
                                "distinct": distinct, "period": period, "measures": measures})

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Cell:
        """``built``'s cell from a dict naming every field (taken as the cell's own): one positional call per
        cell where the selectors build thousands in a loop."""
        cell = object.__new__(cls)
        object.__setattr__(cell, "__dict__", fields)
        return cell

    def value(self, measure: str) -> float | None:
        """Measure ``measure`` of this cell; ``None`` for a ratio with nothing to divide by."""
        return evaluate(self.measures, self.sums, measure)


@dataclass(frozen=True)
class QueryResult:
    total: Cell
    rows: tuple[Cell, ...] = ()
    changes: tuple[tuple[str, float], ...] = ()  # ``compare``: (member, change), largest absolute change first
