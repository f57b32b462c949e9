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
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
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


def measure_sql(measures: Mapping[str, Measure], name: str, quote: Callable[[str], str]) -> str:
    """A measure as a SQL expression over one group: sums of columns, ratios of summed parts."""
    c = measures[name].computation
    if c.kind == "sum":
        return f"SUM({quote(c.column)})"
    a, b = measure_sql(measures, c.a, quote), measure_sql(measures, c.b, quote)
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

    def column(name: str) -> str:
        if name != DATE_COLUMN and name not in model.dimensions and name not in model.columns:
            raise InvalidQuery(f"{name!r} is no column of this dataset.")
        return q(name)

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
        order = f"{measure_sql(model.definitions, spec.order_by, q)} {direction} NULLS LAST, {', '.join(keys)}"
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
