"""The maths of every answered intent, from the metrics selector's sums (never from text).

Each intent reads the rollups through ``metrics.selectors.query`` and returns a
``Result`` whose fields are those of the contract's ``result`` object.
"""
from __future__ import annotations

from insights.results import MeasureFigures, Result, Row
from insights.understanding import Period, Understanding
from metrics.measures import DEFAULT_MEASURE
from metrics.selectors import Cell, query
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

    def _query(self, period: Period, *, group_by: str | None = None, grain: str | None = None):
        return query(
            tenant=self.tenant,
            start=period.start,
            end=period.end,
            constraints=self.u.constraints,
            group_by=group_by,
            grain=grain,
            model=self.model,
        )

    def run(self) -> Result:
        handler = getattr(self, f"_{self.u.intent}", None)
        if handler is None or self.u.time is None:
            raise ValueError(f"Intent {self.u.intent!r} has nothing to compute.")
        return handler()

    def _value(self) -> Result:
        return Result(value=_value(self._query(self.u.time).total, self.measure))

    def _compare(self) -> Result:
        value = _value(self._query(self.u.time).total, self.measure)
        previous = _value(self._query(self.u.compare_to).total, self.measure) if self.u.compare_to else None
        change, change_pct = change_of(value, previous)
        return Result(value=value, previous_value=previous, change=change, change_pct=change_pct)

    def _trend(self) -> Result:
        result = self._query(self.u.time, grain=self.u.time.grain or "month")
        rows = tuple(Row(key=cell.key, value=cell.value(self.measure)) for cell in result.rows)
        return Result(value=_value(result.total, self.measure), rows=rows)

    def _members(self, period: Period, group_by: str) -> dict[str, float | None]:
        return {cell.key: cell.value(self.measure) for cell in self._query(period, group_by=group_by).rows if cell.facts}

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
        compared = self._compare()
        group_by = self.u.group_by
        if group_by is not None:
            rows = self._member_changes(group_by)
        else:
            group_by, rows = self._best_explaining_dimension(total_change=compared.change)
        return Result(
            value=compared.value,
            previous_value=compared.previous_value,
            change=compared.change,
            change_pct=compared.change_pct,
            rows=rows,
            chosen_group_by=group_by if self.u.group_by is None else None,
        )

    def _member_changes(self, group_by: str) -> tuple[Row, ...]:
        now = self._members(self.u.time, group_by)
        before = self._members(self.u.compare_to, group_by) if self.u.compare_to else {}
        changes = [
            Row(key=member, value=(now.get(member) or 0.0) - (before.get(member) or 0.0))
            for member in set(now) | set(before)
        ]
        return tuple(sorted(changes, key=lambda row: (-abs(row.value), row.key)))

    def _best_explaining_dimension(self, *, total_change: float | None) -> tuple[str | None, tuple[Row, ...]]:
        """The dimension one of whose members accounts for the largest share of the change.

        Dimensions already pinned to a single member cannot explain anything and are skipped;
        among equals, the one with fewer members wins (a simpler story).
        """
        best: tuple[float, int, str, tuple[Row, ...]] | None = None
        for dimension, members in self.model.dimensions.items():
            if len(self.u.constraints.get(dimension, ())) == 1 or len(members) < 2:
                continue
            rows = self._member_changes(dimension)
            if not rows:
                continue
            spread = sum(abs(row.value) for row in rows) or 1.0
            share = abs(rows[0].value) / (abs(total_change) if total_change else spread)
            candidate = (share, -len(members), dimension, rows)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
        if best is None:
            return None, ()
        return best[2], best[3]

    def _summary(self) -> Result:
        now = self._query(self.u.time).total
        before = self._query(self.u.compare_to).total if self.u.compare_to else None
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


def sort_rows(rows: list[Row], *, descending: bool) -> list[Row]:
    """By value (rows without one last), ties by name so answers are stable."""
    with_value = [row for row in rows if row.value is not None]
    without = sorted((row for row in rows if row.value is None), key=lambda row: row.key)
    ordered = sorted(with_value, key=lambda row: row.key)
    ordered.sort(key=lambda row: row.value, reverse=descending)
    return ordered + without


def analyse(*, tenant: TenantContext, model: SemanticModel, understanding: Understanding) -> Result:
    return Analysis(tenant=tenant, model=model, understanding=understanding).run()
