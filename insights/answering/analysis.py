"""The maths of every answered intent, from the metrics selector's sums (never from text).

Each intent reads the rollups through ``metrics.selectors.query`` and returns a
``Result`` whose fields are those of the contract's ``result`` object.
"""
from __future__ import annotations

from insights.answering.results import MeasureFigures, Result, Row
from insights.understanding.types import Period, Understanding
from metrics.measures import DEFAULT_MEASURE
from metrics.selectors import Cell, QueryResult, QuerySpec, query_many
from metrics.semantic import SemanticModel
from tenants.context import TenantContext


def change_of(value: float | None, previous: float | None) -> tuple[float | None, float | None]:
    """Absolute and relative change; relative is None where the base is missing or zero."""
    if value is None or previous is None:
        return None, None
    change = value - previous
    return change, (change / abs(previous) * 100 if previous else None)


def _value(cell: Cell, measure: str) -> float | None:
    # No facts at all is "no data", not zero.
    return cell.value(measure) if cell.facts else None


class Analysis:
    """One question's computations against one tenant's data."""

    def __init__(self, *, tenant: TenantContext, model: SemanticModel, understanding: Understanding) -> None:
        self.tenant = tenant
        self.model = model
        self.u = understanding
        self.measure = understanding.measure or DEFAULT_MEASURE

    def _spec(self, period: Period, *, group_by: str | None = None, grain: str | None = None) -> QuerySpec:
        return QuerySpec(
            start=period.start, end=period.end, constraints=self.u.constraints, group_by=group_by, grain=grain
        )

    def _query(self, period: Period, *, group_by: str | None = None, grain: str | None = None) -> QueryResult:
        return self._queries([self._spec(period, group_by=group_by, grain=grain)])[0]

    def _queries(self, specs: list[QuerySpec]) -> list[QueryResult]:
        """Several reads in one round trip (a comparison reads two periods, "why?" many splits)."""
        return query_many(tenant=self.tenant, specs=specs, model=self.model)

    def _periods(self) -> list[Period]:
        return [self.u.time, *([self.u.compare_to] if self.u.compare_to else [])]

    def run(self) -> Result:
        handler = getattr(self, f"_{self.u.intent}", None)
        if handler is None or self.u.time is None:
            raise ValueError(f"Intent {self.u.intent!r} has nothing to compute.")
        return handler()

    def _value(self) -> Result:
        return Result(value=_value(self._query(self.u.time).total, self.measure))

    def _compare(self) -> Result:
        return self._compared([result.total for result in self._queries([self._spec(p) for p in self._periods()])])

    def _compared(self, totals: list[Cell]) -> Result:
        value = _value(totals[0], self.measure)
        previous = _value(totals[1], self.measure) if len(totals) > 1 else None
        change, change_pct = change_of(value, previous)
        return Result(value=value, previous_value=previous, change=change, change_pct=change_pct)

    def _trend(self) -> Result:
        result = self._query(self.u.time, grain=self.u.time.grain or "month")
        rows = tuple(Row(key=cell.key, value=cell.value(self.measure)) for cell in result.rows)
        return Result(value=_value(result.total, self.measure), rows=rows)

    def _breakdown(self) -> Result:
        result = self._query(self.u.time, group_by=self.u.group_by)
        rows = [Row(key=c.key, value=c.value(self.measure)) for c in result.rows if c.facts]
        return Result(value=_value(result.total, self.measure), rows=tuple(sort_rows(rows, descending=True)))

    def _rank(self) -> Result:
        result = self._query(self.u.time, group_by=self.u.group_by)
        rows = [Row(key=c.key, value=c.value(self.measure)) for c in result.rows if c.facts]
        ranked = sort_rows(rows, descending=self.u.order != "asc")
        return Result(value=_value(result.total, self.measure), rows=tuple(ranked[: self.u.limit or None]))

    def _drivers(self) -> Result:
        dimensions = [self.u.group_by] if self.u.group_by is not None else self._explaining_candidates()
        periods = self._periods()
        specs = [self._spec(p) for p in periods] + [self._spec(p, group_by=d) for d in dimensions for p in periods]
        results = self._queries(specs)
        compared = self._compared([result.total for result in results[: len(periods)]])
        splits = iter(results[len(periods):])
        changes = {d: _member_changes(*(next(splits) for _ in periods), measure=self.measure) for d in dimensions}
        group_by = self.u.group_by
        if group_by is not None:
            rows = changes[group_by]
        else:
            group_by, rows = self._best_explaining(changes, total_change=compared.change)
        return Result(
            value=compared.value,
            previous_value=compared.previous_value,
            change=compared.change,
            change_pct=compared.change_pct,
            rows=rows,
            chosen_group_by=group_by if self.u.group_by is None else None,
        )

    def _explaining_candidates(self) -> list[str]:
        """Dimensions already pinned to a single member cannot explain anything."""
        return [
            dimension for dimension, members in self.model.dimensions.items()
            if len(self.u.constraints.get(dimension, ())) != 1 and len(members) > 1
        ]

    def _best_explaining(
        self, changes: dict[str, tuple[Row, ...]], *, total_change: float | None
    ) -> tuple[str | None, tuple[Row, ...]]:
        """The dimension one of whose members accounts for the largest share of the change;
        among equals, the one with fewer members wins (a simpler story)."""
        best: tuple[float, int, str, tuple[Row, ...]] | None = None
        for dimension, rows in changes.items():
            if not rows:
                continue
            spread = sum(abs(row.value) for row in rows) or 1.0
            share = abs(rows[0].value) / (abs(total_change) if total_change else spread)
            candidate = (share, -len(self.model.dimensions[dimension]), dimension, rows)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
        if best is None:
            return None, ()
        return best[2], best[3]

    def _summary(self) -> Result:
        totals = [result.total for result in self._queries([self._spec(p) for p in self._periods()])]
        now, before = totals[0], (totals[1] if len(totals) > 1 else None)
        figures: dict[str, MeasureFigures] = {}
        for name in self.model.measures:
            value = _value(now, name)
            previous = _value(before, name) if before is not None else None
            figures[name] = MeasureFigures(value=value, previous_value=previous, change_pct=change_of(value, previous)[1])
        main = figures.get(self.measure) or MeasureFigures(None, None, None)
        change, change_pct = change_of(main.value, main.previous_value)
        return Result(
            value=main.value, previous_value=main.previous_value, change=change, change_pct=change_pct, measures=figures
        )


def _member_changes(now: QueryResult, before: QueryResult | None = None, *, measure: str) -> tuple[Row, ...]:
    """Each member's change, period minus comparison (a member missing from one side counts 0 there)."""
    values_now = {cell.key: cell.value(measure) for cell in now.rows if cell.facts}
    values_before = {cell.key: cell.value(measure) for cell in before.rows if cell.facts} if before else {}
    changes = [
        Row(key=member, value=(values_now.get(member) or 0.0) - (values_before.get(member) or 0.0))
        for member in set(values_now) | set(values_before)
    ]
    return tuple(sorted(changes, key=lambda row: (-abs(row.value), row.key)))


def sort_rows(rows: list[Row], *, descending: bool) -> list[Row]:
    """By value (rows without one last), ties by name so answers are stable."""
    with_value = [row for row in rows if row.value is not None]
    without = sorted((row for row in rows if row.value is None), key=lambda row: row.key)
    ordered = sorted(with_value, key=lambda row: row.key)
    ordered.sort(key=lambda row: row.value, reverse=descending)
    return ordered + without


def analyse(*, tenant: TenantContext, model: SemanticModel, understanding: Understanding) -> Result:
    return Analysis(tenant=tenant, model=model, understanding=understanding).run()
