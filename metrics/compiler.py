"""The one query compiler: a ``QuerySpec`` over a semantic model → one parameterised SQL statement.

Member values, dates and limits are always bound parameters (``?``), never
formatted into the SQL; identifiers are checked against the model and quoted.
The statement returns the total (``part`` 0) and the rows (``part`` 1, in
order, ``ord``), each with the period key, the sum of every measure column,
the fact count and, if asked, a distinct member count:

    part, ord, member, period, sum_0 … sum_n, facts, distinct

``period`` is the period's first day (``grain``) or the bucket's index
(``buckets``). The SQL is DuckDB's; a ``Dialect`` holds what differs between
engines (quoting, reading a file, truncating a date), so a second one (Athena,
by transpiling with sqlglot or subclassing) plugs in without touching the rest.

``compile_many`` answers several specs in one statement (what DuckDB in process
runs): specs over the same days, constraints and buckets share one scan whose
``GROUPING SETS`` give each spec its total and its rows, so "why?" (two periods
× total, region, product) is two scans in one round trip, not ten.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from metrics.errors import InvalidQuery
from metrics.measures import Measure
from metrics.queries import QuerySpec
from metrics.semantic import SemanticModel

DATE_COLUMN = "date"


class Dialect:
    """DuckDB."""

    name = "duckdb"

    def quote(self, identifier: str) -> str:
        return '"' + identifier.replace('"', '""') + '"'

    def literal(self, text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    def source(self, location: str) -> str:
        """The facts relation of one version's file (a location of ours, never a user's text)."""
        return f"read_parquet({self.literal(location)})"

    def period_start(self, grain: str, column: str) -> str:
        return column if grain == "day" else f"CAST(date_trunc('{grain}', {column}) AS DATE)"


DUCKDB = Dialect()


@dataclass(frozen=True)
class Compiled:
    sql: str
    params: tuple[Any, ...]
    columns: tuple[str, ...]  # the measure columns, in the order of the sum_* fields


def measure_sql(measures: Mapping[str, Measure], name: str, summed: Callable[[str], str]) -> str:
    """A measure as a SQL expression over one group: sums of columns (``summed``: a column → its sum's SQL),
    ratios of summed parts."""
    c = measures[name].computation
    if c.kind == "sum":
        return summed(c.column)
    a, b = measure_sql(measures, c.a, summed), measure_sql(measures, c.b, summed)
    if c.kind == "difference":
        return f"({a} - {b})"
    ratio = f"({a} / NULLIF({b}, 0))"
    return f"({ratio} * 100)" if c.kind == "ratio_pct" else ratio


def compile_query(
    *, spec: QuerySpec, model: SemanticModel, location: str, max_rows: int, dialect: Dialect = DUCKDB
) -> Compiled:
    """The statement answering ``spec`` from the version file at ``location``; at most ``max_rows`` + 1 rows
    (one more than allowed tells the caller the answer is too big)."""
    q = dialect.quote
    column = _checked(model, q)
    measure_columns = model.columns
    day = column(DATE_COLUMN)
    aggregates = [f"SUM({column(m)})" for m in measure_columns] + ["COUNT(*)"]
    aggregates.append(f"COUNT(DISTINCT {column(spec.count_distinct)})" if spec.count_distinct else "NULL")
    where, where_params = _constraints(spec.constraints or {}, column)
    source = dialect.source(location)

    params: list[Any] = [spec.start, spec.end, *where_params]
    total = f"SELECT 0 AS part, 0 AS ord, NULL AS member, NULL AS period, {', '.join(aggregates)} FROM {source} " \
            f"WHERE {day} BETWEEN ? AND ?{where}"
    if spec.group_by is None and spec.grain is None and not spec.buckets:
        return Compiled(sql=total, params=tuple(params), columns=measure_columns)

    member = column(spec.group_by) if spec.group_by else "NULL"
    join = ""
    if spec.buckets:
        values = ", ".join("(?, ?, ?)" for _ in spec.buckets)
        join = f" JOIN (VALUES {values}) AS b(i, lo, hi) ON {day} BETWEEN b.lo AND b.hi"
        period = "b.i"
        params += [value for i, b in enumerate(spec.buckets) for value in (i, b.start, b.end)]
        params += [min(b.start for b in spec.buckets), max(b.end for b in spec.buckets), *where_params]
    else:
        period = dialect.period_start(spec.grain, day) if spec.grain else "NULL"
        params += [spec.start, spec.end, *where_params]
    keys = [k for k in (member, period) if k != "NULL"]
    if spec.order_by is not None:
        if spec.order_by not in model.definitions:
            raise InvalidQuery(f"{spec.order_by!r} is no measure of this dataset.")
        direction = "DESC" if spec.descending else "ASC"
        by = measure_sql(model.definitions, spec.order_by, lambda name: f"SUM({q(name)})")
        order = f"{by} {direction} NULLS LAST, {', '.join(keys)}"
    else:
        order = ", ".join(keys)
    limit = max_rows + 1 if spec.limit is None else min(spec.limit, max_rows + 1)
    params.append(limit)
    rows = (
        f"SELECT 1 AS part, ROW_NUMBER() OVER (ORDER BY {order}) AS ord, {member} AS member, {period} AS period, "
        f"{', '.join(aggregates)} FROM {source}{join} WHERE {day} BETWEEN ? AND ?{where} "
        f"GROUP BY {', '.join(keys)} QUALIFY ord <= ?"
    )
    sql = f"SELECT * FROM ({total} UNION ALL {rows}) ORDER BY part, ord"
    return Compiled(sql=sql, params=tuple(params), columns=measure_columns)


def _constraints(
    constraints: Mapping[str, Sequence[str]], column: Callable[[str], str]
) -> tuple[str, list[Any]]:
    sql, params = [], []
    for dimension, members in constraints.items():
        chosen: Sequence[str] = tuple(dict.fromkeys(members))
        if not chosen:
            continue
        sql.append(f" AND {column(dimension)} IN ({', '.join('?' for _ in chosen)})")
        params.extend(chosen)
    return "".join(sql), params


@dataclass(eq=False)
class _Scan:
    """One pass over the facts (days, constraints, buckets) and the grouping sets asked of it: key indexes."""

    relation: str  # FROM … WHERE …
    params: list[Any]
    distinct: str  # the distinct count's aggregate, or NULL
    keys: list[str] = field(default_factory=list)  # key expressions, in the order of the scan's k0 … kn
    sets: list[frozenset[int]] = field(default_factory=list)

    def grouping(self, expressions: Sequence[str]) -> tuple[frozenset[int], tuple[int, ...]]:
        """The grouping set over ``expressions`` (registered once) and their key indexes in that order."""
        for expression in expressions:
            if expression not in self.keys:
                self.keys.append(expression)
        indexes = tuple(self.keys.index(e) for e in expressions)
        chosen = frozenset(indexes)
        if chosen not in self.sets:
            self.sets.append(chosen)
        return chosen, indexes

    def gid(self, chosen: frozenset[int]) -> int:
        """What ``GROUPING(k0, …, kn)`` gives the set's rows: a bit, first key highest, per key left out."""
        n = len(self.keys)
        return sum(1 << (n - 1 - i) for i in range(n) if i not in chosen)


def compile_many(
    *, specs: Sequence[QuerySpec], model: SemanticModel, location: str, max_rows: int, dialect: Dialect = DUCKDB
) -> Compiled:
    """One statement answering every spec of ``specs``; records, ordered by spec, part and ord:

        spec, part, ord, member, period, bucket, sum_0 … sum_n, facts, distinct

    (``spec``: the spec's index; ``period``: a grain's period start; ``bucket``: a bucket's index). Each spec's
    total and rows are what ``compile_query`` gives it, rows at most ``max_rows`` + 1."""
    q = dialect.quote
    column = _checked(model, q)
    day = column(DATE_COLUMN)
    measure_columns = model.columns
    source = dialect.source(location)
    scans: dict[tuple[Any, ...], _Scan] = {}

    def scan(start: Any, end: Any, spec: QuerySpec, buckets: Sequence[Any]) -> _Scan:
        where, where_params = _constraints(spec.constraints or {}, column)
        key = (start, end, where, tuple(where_params), spec.count_distinct, tuple((b.start, b.end) for b in buckets))
        if key not in scans:
            relation, params = source, []
            if buckets:
                relation += (f" JOIN (VALUES {', '.join('(?, ?, ?)' for _ in buckets)}) AS b(i, lo, hi) "
                             f"ON {day} BETWEEN b.lo AND b.hi")
                params = [value for i, b in enumerate(buckets) for value in (i, b.start, b.end)]
            distinct = f"COUNT(DISTINCT {column(spec.count_distinct)})" if spec.count_distinct else "NULL"
            scans[key] = _Scan(relation=f"{relation} WHERE {day} BETWEEN ? AND ?{where}",
                               params=[*params, start, end, *where_params], distinct=distinct)
        return scans[key]

    # First every spec's grouping sets (a set's GROUPING() value depends on all of its scan's keys), then the SQL.
    wanted = []
    for spec in specs:
        total = scan(spec.start, spec.end, spec, ())
        member = column(spec.group_by) if spec.group_by else None
        rows = None
        if spec.buckets:
            lo, hi = min(b.start for b in spec.buckets), max(b.end for b in spec.buckets)
            rows_scan = scan(lo, hi, spec, spec.buckets)
            rows = rows_scan, *rows_scan.grouping([k for k in (member, "b.i") if k])
        elif spec.grain is not None or member is not None:
            period = dialect.period_start(spec.grain, day) if spec.grain else None
            rows = total, *total.grouping([k for k in (member, period) if k])
        if spec.order_by is not None and spec.order_by not in model.definitions:
            raise InvalidQuery(f"{spec.order_by!r} is no measure of this dataset.")
        wanted.append((total, total.grouping([])[0], rows))

    names = {scan_: f"s{i}" for i, scan_ in enumerate(scans.values())}
    sums = [f"sum_{i}" for i in range(len(measure_columns))]
    summed = dict(zip(measure_columns, sums, strict=True))
    tail = ", ".join([*sums, "facts", "uniq"])
    ctes, params = [], []
    for scan_, name in names.items():
        keys = ", ".join(scan_.keys)
        selected = [f"{f'GROUPING({keys})' if keys else '0'} AS gid",
                    *(f"{k} AS k{i}" for i, k in enumerate(scan_.keys)),
                    *(f"SUM({column(c)}) AS {s}" for c, s in summed.items()), "COUNT(*) AS facts",
                    f"{scan_.distinct} AS uniq"]
        sets = ", ".join("(" + ", ".join(scan_.keys[i] for i in sorted(s)) + ")" for s in scan_.sets)
        grouped = f" GROUP BY GROUPING SETS ({sets})" if keys else ""
        ctes.append(f"{name} AS MATERIALIZED (SELECT {', '.join(selected)} FROM {scan_.relation}{grouped})")
        params += scan_.params
    parts = []
    for i, (spec, (total, everything, rows)) in enumerate(zip(specs, wanted, strict=True)):
        parts.append(f"SELECT {i} AS spec, 0 AS part, 0 AS ord, NULL AS member, NULL AS period, NULL AS bucket, "
                     f"{tail} FROM {names[total]} WHERE gid = {total.gid(everything)}")
        if rows is None:
            continue
        rows_scan, chosen, indexes = rows
        keys = [f"k{index}" for index in indexes]
        if spec.order_by is not None:
            direction = "DESC" if spec.descending else "ASC"
            by = measure_sql(model.definitions, spec.order_by, summed.__getitem__)
            order = f"{by} {direction} NULLS LAST, {', '.join(keys)}"
        else:
            order = ", ".join(keys)
        member_key = keys[0] if spec.group_by else "NULL"
        period_key = keys[-1] if len(keys) > (1 if spec.group_by else 0) else "NULL"
        period, bucket = (("NULL", period_key) if spec.buckets else (period_key, "NULL"))
        parts.append(f"SELECT {i}, 1, ROW_NUMBER() OVER (ORDER BY {order}) AS ord, {member_key}, {period}, {bucket}, "
                     f"{tail} FROM {names[rows_scan]} WHERE gid = {rows_scan.gid(chosen)} QUALIFY ord <= ?")
        params.append(max_rows + 1 if spec.limit is None else min(spec.limit, max_rows + 1))
    sql = f"WITH {', '.join(ctes)} SELECT * FROM ({' UNION ALL '.join(parts)}) ORDER BY spec, part, ord"
    return Compiled(sql=sql, params=tuple(params), columns=measure_columns)


def _checked(model: SemanticModel, quote: Callable[[str], str]) -> Callable[[str], str]:
    """A column of the model, quoted; anything else is refused."""
    def column(name: str) -> str:
        if name != DATE_COLUMN and name not in model.dimensions and name not in model.columns:
            raise InvalidQuery(f"{name!r} is no column of this dataset.")
        return quote(name)

    return column
