"""The maths of every answered intent and modifier, from the metrics selector's sums (never from text).

Each intent reads the facts through ``metrics.selectors.query_many`` (the SQL sums,
counts members and cuts periods; nothing here loops over facts) and returns a
``Result`` whose fields are those of the contract's ``result`` object. The
modifiers (``per``, ``order_by``, ``cumulative``, ``also``) apply cell by cell
through ``Analysis.figure``.
"""
from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from datetime import date, timedelta
from types import MappingProxyType

from core import formatting
from core.formatting import period as describe
from insights.answering.results import MeasureFigures, Result, Row
from insights.understanding.types import GRAINS, UNUSUAL_LIMIT, Period, Understanding
from metrics.periods import period_bounds, period_label, periods
from metrics.selectors import Bucket, Cell, Comparison, QueryResult, QuerySpec, query_many
from metrics.semantic import SemanticModel
from tenants.context import TenantContext

# Contract v2, "Unusual changes".
UNUSUAL_HISTORY, UNUSUAL_MIN_HISTORY, UNUSUAL_Z = 12, 6, 2.0
ONE_DAY = timedelta(days=1)
Span = tuple[date, date]


def change_of(value: float | None, previous: float | None) -> tuple[float | None, float | None]:
    """Absolute and relative change; relative is None where the base is missing or zero."""
    if value is None or previous is None:
        return None, None
    change = value - previous
    return change, (change / abs(previous) * 100 if previous else None)


def sort_rows(rows: list[Row], *, descending: bool) -> list[Row]:
    """By value (rows without one last), ties by name so answers are stable."""
    with_value = [row for row in rows if row.value is not None]
    without = sorted((row for row in rows if row.value is None), key=lambda row: row.key)
    ordered = sorted(with_value, key=lambda row: row.key)
    ordered.sort(key=lambda row: row.value, reverse=descending)
    return ordered + without


class Analysis:
    """One question's computations against one tenant's data."""

    def __init__(
        self, *, tenant: TenantContext, model: SemanticModel, understanding: Understanding, as_of: date
    ) -> None:
        self.tenant = tenant
        self.model = model
        self.u = understanding
        self.as_of = as_of
        self.measure = understanding.measure or model.default_measure
        self.per_dimension = understanding.per if understanding.per in model.dimensions else None

    # --- reading ------------------------------------------------------------------------------------------

    def _spec(self, start: date, end: date, **kw: object) -> QuerySpec:
        kw.setdefault("constraints", self.u.constraints)
        return QuerySpec(start=start, end=end, count_distinct=self.per_dimension, **kw)

    def _queries(self, specs: list[QuerySpec]) -> list[QueryResult]:
        """Several reads in one round trip (a comparison reads two periods, "why?" many splits)."""
        return query_many(tenant=self.tenant, specs=specs, model=self.model)

    def _query(self, period: Period, **kw: object) -> QueryResult:
        return self._queries([self._spec(period.start, period.end, **kw)])[0]

    def _periods(self) -> list[Period]:
        return [self.u.time, *([self.u.compare_to] if self.u.compare_to else [])]

    def clip(self, start: date, end: date) -> Span:
        return max(start, self.model.first_date), min(end, self.model.last_date)

    def _empty(self, key: str | None = None) -> Cell:
        return Cell(key=key, sums=MappingProxyType(dict.fromkeys(self.model.columns, 0.0)), facts=0, distinct=0,
                    measures=self.model.definitions)

    # --- one cell's figure -----------------------------------------------------------------------------------

    def figure(self, cell: Cell, name: str, *, span: Span) -> float | None:
        """Measure ``name`` of ``cell`` divided by ``per``: by a measure (ratio of sums), by the calendar periods
        of a grain overlapping ``span`` (the cell's days inside the data), or by the members of a dimension
        with facts in the cell."""
        base = cell.value(name)
        per = self.u.per
        if per is None or base is None:
            return base
        if per in GRAINS:
            count: float | None = len(periods(*span, per)) if span[0] <= span[1] else 0
        elif per == self.per_dimension:
            count = cell.distinct or 0
        else:
            count = cell.value(per)
        return base / count if count else None

    def total(self, cell: Cell, name: str, *, period: Period) -> float | None:
        """A total's figure; no facts at all is "no data", not zero."""
        return self.figure(cell, name, span=self.clip(period.start, period.end)) if cell.facts else None

    def _values(self, cell: Cell, *, span: Span) -> dict[str, float | None] | None:
        """``also``: every asked measure of a row, the main one first."""
        if not self.u.also:
            return None
        return {name: self.figure(cell, name, span=span) for name in (self.measure, *self.u.also)}

    def _row(self, cell: Cell, key: str, *, span: Span) -> Row:
        return Row(key=key, value=self.figure(cell, self.measure, span=span), values=self._values(cell, span=span))

    # --- intents ---------------------------------------------------------------------------------------------

    def run(self) -> Result:
        handler = getattr(self, f"_{self.u.intent}", None)
        if handler is None or self.u.time is None:
            raise ValueError(f"Intent {self.u.intent!r} has nothing to compute.")
        return handler()

    def _value(self) -> Result:
        cell = self._query(self.u.time).total
        return Result(value=self.total(cell, self.measure, period=self.u.time), measures=self._also([cell]))

    def _compare(self) -> Result:
        totals = [result.total for result in self._queries([self._spec(p.start, p.end) for p in self._periods()])]
        return self._compared(totals, measures=self._also(totals))

    def _compared(self, totals: Sequence[Cell], *, measures: dict[str, MeasureFigures] | None = None) -> Result:
        value = self.total(totals[0], self.measure, period=self.u.time)
        previous = (self.total(totals[1], self.measure, period=self.u.compare_to)
                    if len(totals) > 1 and self.u.compare_to else None)
        change, change_pct = change_of(value, previous)
        return Result(value=value, previous_value=previous, change=change, change_pct=change_pct, measures=measures)

    def _measure_figures(self, totals: Sequence[Cell], names: Sequence[str]) -> dict[str, MeasureFigures]:
        figures = {}
        for name in names:
            value = self.total(totals[0], name, period=self.u.time)
            previous = (self.total(totals[1], name, period=self.u.compare_to)
                        if len(totals) > 1 and self.u.compare_to else None)
            figures[name] = MeasureFigures(value=value, previous_value=previous,
                                           change_pct=change_of(value, previous)[1])
        return figures

    def _also(self, totals: Sequence[Cell]) -> dict[str, MeasureFigures] | None:
        return self._measure_figures(totals, (self.measure, *self.u.also)) if self.u.also else None

    def _trend(self) -> Result:
        time, grain = self.u.time, self.u.time.grain or "month"
        lo, hi = self.clip(time.start, time.end)
        if self.u.cumulative and self.per_dimension:
            # Members with facts so far cannot be summed period by period: each running span is a bucket.
            buckets = [Bucket(label, lo, min(last, hi)) for label, _, last in (periods(lo, hi, grain)
                                                                               if lo <= hi else [])]
            result = self._query(time, buckets=buckets)
            cells = list(result.rows)
        else:
            result = self._query(time, grain=grain)
            cells = list(_running(result.rows, self.model) if self.u.cumulative else result.rows)
        first = lo
        rows = []
        for cell in cells:
            start = first if self.u.cumulative else max(cell.start or lo, lo)
            rows.append(self._row(cell, cell.key or "", span=(start, min(cell.end or hi, hi))))
        return Result(value=self.total(result.total, self.measure, period=time), rows=tuple(rows))

    def _grouped_rows(self) -> tuple[QueryResult, list[Row]]:
        """Rows of a breakdown or rank: members with facts, or the whole periods of a time grain in the data."""
        time, group_by = self.u.time, self.u.group_by
        span = self.clip(time.start, time.end)
        if group_by in GRAINS:
            result = self._query(time, grain=group_by)
            rows = [self._row(cell, cell.key or "", span=(cell.start, cell.end)) for cell in result.rows
                    if cell.start and cell.end and span[0] <= cell.start and cell.end <= span[1]]
            return result, [row for row in rows if row.value is not None]
        result = self._query(time, group_by=group_by)
        return result, [self._row(cell, cell.key or "", span=span) for cell in result.rows if cell.facts]

    def _breakdown(self) -> Result:
        result, rows = self._grouped_rows()
        value = self.total(result.total, self.measure, period=self.u.time)
        change = change_pct = None
        named = self.u.constraints.get(self.u.group_by or "", ())
        if len(named) == 2:
            span = self.clip(self.u.time.start, self.u.time.end)
            empty = self.figure(self._empty(), self.measure, span=span)
            by_key = {row.key: row.value for row in rows}
            first, second = (by_key.get(member, empty) for member in named)
            change, change_pct = change_of(first, second)
        return Result(value=value, change=change, change_pct=change_pct,
                      rows=tuple(sort_rows(rows, descending=True)))

    def _rank(self) -> Result:
        if self.u.order_by is not None:
            return self._growth_rank()
        result, rows = self._grouped_rows()
        ranked = sort_rows([row for row in rows if row.value is not None], descending=self.u.order != "asc")
        return Result(value=self.total(result.total, self.measure, period=self.u.time),
                      rows=tuple(ranked[: self.u.limit or None]))

    def _growth_rank(self) -> Result:
        """Members ranked by change (or change %) against ``compare_to``: rows {key, value, current, previous}."""
        time, before_period = self.u.time, self.u.compare_to or self.u.time
        now, before = self._queries([self._spec(p.start, p.end, group_by=self.u.group_by)
                                     for p in (time, before_period)])
        spans = self.clip(time.start, time.end), self.clip(before_period.start, before_period.end)
        now_cells = {cell.key: cell for cell in now.rows if cell.facts}
        before_cells = {cell.key: cell for cell in before.rows if cell.facts}
        rows = []
        for member in sorted(set(now_cells) | set(before_cells)):
            current = self.figure(now_cells.get(member) or self._empty(), self.measure, span=spans[0])
            previous = self.figure(before_cells.get(member) or self._empty(), self.measure, span=spans[1])
            if current is None or previous is None:
                continue
            change, change_pct = change_of(current, previous)
            value = change if self.u.order_by == "change" else change_pct if member in before_cells else None
            if value is None:
                continue  # no previous value: left out of a change_pct ranking
            rows.append(Row(key=member or "", value=value, current=current,
                            previous=previous if member in before_cells else None))
        ranked = sort_rows(rows, descending=self.u.order != "asc")
        return Result(value=self.total(now.total, self.measure, period=time),
                      previous_value=self.total(before.total, self.measure, period=before_period),
                      rows=tuple(ranked[: self.u.limit or None]))

    def _drivers(self) -> Result:
        """Each member's change, period minus comparison, computed and ordered in SQL (``QuerySpec.compare``),
        for the dimension asked or else for every dimension that could explain the change."""
        time, before = self.u.time, self.u.compare_to
        if before is None:
            raise ValueError("Intent 'drivers' needs a period to compare with.")
        dimensions = [self.u.group_by] if self.u.group_by is not None else self._explaining_candidates()
        compared = Comparison(start=before.start, end=before.end, measure=self.measure, per=self.u.per)
        specs = [self._spec(p.start, p.end) for p in (time, before)]
        specs += [self._spec(time.start, time.end, group_by=d, compare=compared) for d in dimensions]
        results = self._queries(specs)
        totals = self._compared([result.total for result in results[:2]])
        changes = {d: result.changes for d, result in zip(dimensions, results[2:], strict=True)}
        group_by = self.u.group_by
        if group_by is None:
            group_by = self._best_explaining(changes, total_change=totals.change)
        return Result(
            value=totals.value,
            previous_value=totals.previous_value,
            change=totals.change,
            change_pct=totals.change_pct,
            rows=tuple(Row(key=member or "", value=change) for member, change in changes.get(group_by or "", ())),
            chosen_group_by=group_by if self.u.group_by is None else None,
        )

    def _explaining_candidates(self) -> list[str]:
        """Dimensions already pinned to a single member cannot explain anything."""
        return [
            dimension for dimension, members in self.model.dimensions.items()
            if len(self.u.constraints.get(dimension, ())) != 1 and len(members) > 1
        ]

    def _best_explaining(
        self, changes: dict[str, tuple[tuple[str, float], ...]], *, total_change: float | None
    ) -> str | None:
        """The dimension one of whose members (largest absolute change first) accounts for the largest share of
        the change; among equals, the one with fewer members wins (a simpler story)."""
        best: tuple[float, int, str] | None = None
        for dimension, members in changes.items():
            if not members:
                continue
            spread = sum(abs(change) for _, change in members) or 1.0
            share = abs(members[0][1]) / (abs(total_change) if total_change else spread)
            candidate = (share, -len(self.model.dimensions[dimension]), dimension)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
        return None if best is None else best[2]

    def _summary(self) -> Result:
        totals = [result.total for result in self._queries([self._spec(p.start, p.end) for p in self._periods()])]
        return self._compared(totals, measures=self._measure_figures(totals, self.model.measures))

    def _share(self) -> Result:
        """The part (``part``, within the whole) over the whole (the constraints alone); with ``group_by``,
        every member's part of the whole."""
        time, part = self.u.time, self.u.part
        specs = [self._spec(time.start, time.end)]
        if self.u.group_by is not None:
            specs.append(self._spec(time.start, time.end, group_by=self.u.group_by))
        part_inside = part is not None and part[1] in self.u.constraints.get(part[0], (part[1],))
        if part is not None and part_inside:
            specs.append(self._spec(time.start, time.end, constraints={**self.u.constraints, part[0]: (part[1],)}))
        results = self._queries(specs)
        total = self.total(results[0].total, self.measure, period=time)

        def pct(value: float | None) -> float | None:
            return value / total * 100 if value is not None and total else None

        value = None
        if part is not None:
            value = self.total(results[-1].total, self.measure, period=time) if part_inside else None
            if value is None and total is not None:
                value = 0.0  # the part has no facts: none of the whole came from it
        rows: list[Row] = []
        if self.u.group_by is not None:
            span = self.clip(time.start, time.end)
            for cell in results[1].rows:
                figure = self.figure(cell, self.measure, span=span)
                rows.append(Row(key=cell.key or "", value=figure, share_pct=pct(figure)))
        return Result(value=value, total=total, share_pct=pct(value) if part is not None else None,
                      rows=tuple(sort_rows(rows, descending=True)))

    def _pace(self) -> Result:
        """Actual from the start of the target period to the as-of date (or the data's end), projected to its end
        at the same daily pace (a ratio, or a figure already per something, is not scaled)."""
        target = self.u.target
        if target is None:
            return Result(clarification=self._target_question())
        value, projected = self._projection()
        return Result(
            value=value, projected=projected, target=target,
            gap=projected - target if projected is not None else None,
            pct_of_target=value / target * 100 if value is not None and target else None,
        )

    def _projection(self) -> tuple[float | None, float | None]:
        """The value of ``time`` so far and where it ends at that pace (None, None before ``time`` starts)."""
        time = self.u.time
        cut = min(self.as_of, self.model.last_date, time.end)
        if cut < time.start:
            return None, None
        so_far = Period(time.start, cut)
        value = self.total(self._query(so_far).total, self.measure, period=so_far)
        scaled = not (self.model.measure(self.measure).is_ratio or self.u.per is not None)
        return value, (value * time.days / so_far.days if value is not None and scaled else value)

    def _target_question(self) -> str:
        """A pace with no target: ask for one, with an example of this measure's size in the target period (its
        projection, else the last span as long that the data holds), as a round number in the tenant's currency."""
        time = self.u.time
        measure = self.model.measure(self.measure)
        size = self._projection()[1]
        if not size:
            end = min(time.start - ONE_DAY, self.model.last_date)
            before = Period(end - timedelta(days=time.days - 1), end)
            size = self.total(self._query(before).total, self.measure, period=before)
        question = f"What target should I measure {measure.label.lower()} against?"
        if not size or size < 0:
            return question
        example = formatting.figure(_round_figure(size), kind=str(measure.format), currency=self.tenant.currency)
        return (f"{question} For example: “Are we on track for {example} {measure.label.lower()} in "
                f"{describe(time.start, time.end)}?”")

    def _count(self) -> Result:
        """Members of ``group_by`` (or periods of a grain) with at least one fact under the constraints."""
        time, group_by = self.u.time, self.u.group_by
        if group_by in GRAINS:
            result = self._query(time, grain=group_by)
            return Result(value=float(sum(1 for cell in result.rows if cell.facts)))
        spec = QuerySpec(start=time.start, end=time.end, constraints=self.u.constraints, count_distinct=group_by)
        return Result(value=float(self._queries([spec])[0].total.distinct or 0))

    def _unusual(self) -> Result:
        """Contract v2, "Unusual changes": each series' value in ``time`` against its own recent history."""
        time = self.u.time
        windows = [(time.start, time.end), *self._history()]
        if len(windows) - 1 < UNUSUAL_MIN_HISTORY:
            return Result(clarification=(
                f"There is not enough history to judge {describe(time.start, time.end)}: that takes at least "
                f"{UNUSUAL_MIN_HISTORY} earlier periods of the same length inside your data "
                f"({describe(self.model.first_date, self.model.last_date)}), and there are {len(windows) - 1}."
            ))
        dimensions = [self.u.group_by] if self.u.group_by else list(self.model.dimensions)
        grain = self._calendar_grain()
        if grain is not None:
            # Back-to-back calendar periods: one grouping by period, no join of facts to spans.
            index = {period_label(start, grain): i for i, (start, _) in enumerate(windows)}
            specs = [self._spec(windows[-1][0], time.end, grain=grain, group_by=d) for d in (None, *dimensions)]
        else:
            index = {str(i): i for i in range(len(windows))}
            buckets = [Bucket(str(i), start, end) for i, (start, end) in enumerate(windows)]
            specs = [self._spec(time.start, time.end, buckets=buckets, group_by=d) for d in (None, *dimensions)]
        results = self._queries(specs)
        spans = [self.clip(start, end) for start, end in windows]
        series: dict[str, list[Cell]] = {}
        for dimension, result in zip((None, *dimensions), results, strict=True):
            for cell in result.rows:
                position = index.get(cell.period if dimension else cell.key or "")
                if position is not None:
                    key = f"{dimension}={cell.key}" if dimension else "total"
                    series.setdefault(key, [self._empty()] * len(windows))[position] = cell
        series.setdefault("total", [self._empty()] * len(windows))
        rows = []
        for key, cells in series.items():
            values = [self.figure(cell, self.measure, span=span) for cell, span in zip(cells, spans, strict=True)]
            value, history = values[0], [v for v in values[1:] if v is not None]
            if value is None or len(history) < UNUSUAL_MIN_HISTORY:
                continue
            spread = statistics.stdev(history)
            if spread == 0:
                continue
            expected = statistics.fmean(history)
            z = (value - expected) / spread
            if abs(z) >= UNUSUAL_Z:
                rows.append(Row(key=key, value=value, expected=expected, z=z))
        # Equally unusual series (one member only ever seen with another) keep the data's own order: the total,
        # then the dimensions as the file has them, each one's members in order.
        order = {key: k for k, key in enumerate(
            ["total", *(f"{d}={m}" for d in dimensions for m in self.model.dimensions.get(d, ()))])}
        rows.sort(key=lambda row: (-abs(row.z or 0.0), order.get(row.key, len(order)), row.key))
        return Result(value=self.total(series["total"][0], self.measure, period=time),
                      rows=tuple(rows[: self.u.limit or UNUSUAL_LIMIT]))

    def _calendar_grain(self) -> str | None:
        """The grain of which ``time`` is exactly one calendar period, if any."""
        start, end = self.u.time.start, self.u.time.end
        return next((g for g in GRAINS if period_bounds(start, g) == (start, end)), None)

    def _history(self) -> list[Span]:
        """The 12 periods of ``time``'s length just before it (calendar periods when it is one), kept only when
        wholly inside the data."""
        start, end = self.u.time.start, self.u.time.end
        grain = self._calendar_grain()
        windows = []
        for _ in range(UNUSUAL_HISTORY):
            if grain is not None:
                start, end = period_bounds(start - ONE_DAY, grain)
            else:
                start, end = start - timedelta(days=self.u.time.days), start - ONE_DAY
            if start >= self.model.first_date and end <= self.model.last_date:
                windows.append((start, end))
        return windows


def _round_figure(value: float) -> float:
    """One significant figure, a number people would set as a target: 2.37M → 2M, 48,310 → 50,000, 87.4 → 90."""
    scale = 10 ** math.floor(math.log10(value))
    return round(value / scale) * scale


def _running(cells: Sequence[Cell], model: SemanticModel) -> list[Cell]:
    """Running totals of period cells (sums of the periods' sums; a ratio is then the ratio of running sums)."""
    running = dict.fromkeys(model.columns, 0.0)
    facts = 0
    out = []
    for cell in cells:
        for column in running:
            running[column] += cell.sums.get(column, 0.0)
        facts += cell.facts
        out.append(Cell(key=cell.key, sums=MappingProxyType(dict(running)), facts=facts, start=cell.start,
                        end=cell.end, measures=model.definitions))
    return out


def analyse(*, tenant: TenantContext, model: SemanticModel, understanding: Understanding, as_of: date) -> Result:
    return Analysis(tenant=tenant, model=model, understanding=understanding, as_of=as_of).run()
