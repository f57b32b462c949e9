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
× total, region, product) is two scans in one round trip, not ten. A scan reads
the version's monthly pre-aggregate (``monthly_rollup``) instead of the facts
wherever that gives exactly the same numbers: its days are whole months of the
data, and nothing it groups by needs days (grain day or week).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from metrics.errors import InvalidQuery
from metrics.measures import Measure
from metrics.periods import GRAINS, ONE_DAY, periods
from metrics.queries import QuerySpec
from metrics.semantic import SemanticModel

DATE_COLUMN = "date"
DAILY_GRAINS = frozenset({"day", "week"})  # periods a month's sums cannot be cut into


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


def change_sql(
    *, spec: QuerySpec, model: SemanticModel, column: Callable[[str], str], rolled: bool = False
) -> tuple[str, list[Any]]:
    """``spec.compare``'s change over one group, and its parameters in order: each side's value, sums taken
    over that side's days only (``FILTER``), divided by ``per``, a side without a value counting 0, as
    ``Comparison`` says. ``rolled``: read from the monthly pre-aggregate, where a month's first day stands
    for any day of it."""
    compared = spec.compare
    if compared is None:
        raise InvalidQuery("No comparison period to compute a change against.")
    day = column(DATE_COLUMN)
    params: list[Any] = []

    def side(start: Any, end: Any) -> str:
        condition = f"{day} BETWEEN ? AND ?"
        lo = start.replace(day=1) if rolled else start

        def summed(name: str) -> str:
            params.extend((lo, end))
            return f"SUM({column(name)}) FILTER (WHERE {condition})"

        value = measure_sql(model.definitions, compared.measure, summed)
        per = compared.per
        if per is None:
            return f"COALESCE({value}, 0)"
        if per in GRAINS:  # the grain's calendar periods overlapping the side's days inside the data
            first, last = max(start, model.first_date), min(end, model.last_date)
            params.append(len(periods(first, last, per)) if first <= last else 0)
            return f"COALESCE({value} / NULLIF(?, 0), 0)"
        if per in model.dimensions:
            params.extend((lo, end))
            return f"COALESCE({value} / NULLIF(COUNT(DISTINCT {column(per)}) FILTER (WHERE {condition}), 0), 0)"
        return f"COALESCE({value} / NULLIF({measure_sql(model.definitions, per, summed)}, 0), 0)"

    now = side(spec.start, spec.end)
    before = side(compared.start, compared.end)
    return f"({now} - {before})", params


def _compared_days(day: str, now: tuple[Any, Any], before: tuple[Any, Any]) -> tuple[str, list[Any]]:
    """The days a change reads, its period's and its comparison's, and their parameters: one range where the
    two touch or overlap (a month and the one before), else the two inside the range spanning both. DuckDB skips
    the row groups outside a range by their min/max; an OR of two ranges it tests on every row (twice the
    filter's time)."""
    (a, b), (c, d) = now, before
    hull = [min(a, c), max(b, d)]
    if a <= b and c <= d and (c - b).days <= 1 and (a - d).days <= 1:  # no day between them: the hull is theirs
        return f"{day} BETWEEN ? AND ?", hull
    return f"{day} BETWEEN ? AND ? AND ({day} BETWEEN ? AND ? OR {day} BETWEEN ? AND ?)", [*hull, a, b, c, d]


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
    changed = spec.compare is not None and spec.group_by is not None
    total = f"SELECT 0 AS part, 0 AS ord, NULL AS member, NULL AS period, {', '.join(aggregates)}" \
            f"{', NULL AS change' if changed else ''} FROM {source} WHERE {day} BETWEEN ? AND ?{where}"
    if changed:
        # part, ord, member, period, sums…, facts, distinct, change: the rows carry their change alone.
        change, change_params = change_sql(spec=spec, model=model, column=column)
        member, blanks = column(spec.group_by), ", ".join(["NULL"] * (len(aggregates) + 1))
        compared = spec.compare
        days, days_params = _compared_days(day, (spec.start, spec.end), (compared.start, compared.end))
        params += [*change_params, *days_params, *where_params, max_rows + 1]
        rows = (f"SELECT 1 AS part, ROW_NUMBER() OVER (ORDER BY ABS(change) DESC, member) AS ord, member, {blanks}, "
                f"change FROM (SELECT {member} AS member, {change} AS change FROM {source} "
                f"WHERE {days}{where} GROUP BY {member}) QUALIFY ord <= ?")
        sql = f"SELECT * FROM ({total} UNION ALL {rows}) ORDER BY part, ord"
        return Compiled(sql=sql, params=tuple(params), columns=measure_columns)
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


def rollup_facts_column(model: SemanticModel) -> str:
    """The monthly pre-aggregate's fact count column: ``facts``, or longer where the data has a column of that
    name (a dimension may be called anything)."""
    name = "facts"
    while name == DATE_COLUMN or name in model.dimensions or name in model.columns:
        name += "_"
    return name


def monthly_rollup(*, model: SemanticModel, location: str, dialect: Dialect = DUCKDB) -> str:
    """The ``SELECT`` of a version's monthly pre-aggregate: per month (``date``: its first day) and tuple of
    members with facts, the sum of every measure column and the number of facts, in month order (a period's
    scan then reads only its row groups)."""
    q = dialect.quote
    column = _checked(model, q)
    day = column(DATE_COLUMN)
    keys = [f"{dialect.period_start('month', day)} AS {day}", *(column(d) for d in model.dimensions)]
    sums = [f"SUM({column(c)}) AS {column(c)}" for c in model.columns]
    return (f"SELECT {', '.join([*keys, *sums])}, COUNT(*) AS {q(rollup_facts_column(model))} "
            f"FROM {dialect.source(location)} GROUP BY ALL ORDER BY {day}")


def marginal_columns(model: SemanticModel) -> tuple[str, str]:
    """The marginal pre-aggregate's columns naming a row's dimension and member: ``dimension`` and ``member``, or
    longer where a measure column has that name."""
    taken = {DATE_COLUMN, *model.columns}
    names = []
    for name in ("dimension", "member"):
        while name in taken:
            name += "_"
        names.append(name)
    return names[0], names[1]


def marginal_rollup(*, model: SemanticModel, monthly: str, dialect: Dialect = DUCKDB) -> str:
    """The ``SELECT`` of a version's marginal pre-aggregate, from its monthly one (at ``monthly``): per month,
    dimension and member with facts, the sum of every measure column, in month order. A change between two months
    asked of every member of a dimension reads it (2,400 rows a month where the monthly pre-aggregate of the
    high-cardinality company has 9,000, aggregated once per dimension asked); its sums are the monthly rows' sums
    per member, as a change scan over them adds them, so a side of one month reads its very sum."""
    q = dialect.quote
    column = _checked(model, q)
    day = column(DATE_COLUMN)
    dimension, member = (q(name) for name in marginal_columns(model))
    sums = ", ".join(f"SUM({column(c)}) AS {column(c)}" for c in model.columns)
    selects = [f"SELECT {day}, {dialect.literal(d)} AS {dimension}, {column(d)} AS {member}, {sums} "
               f"FROM {dialect.source(monthly)} GROUP BY ALL" for d in model.dimensions]
    return f"SELECT * FROM ({' UNION ALL '.join(selects)}) ORDER BY {day}"


def _one_month(start: Any, end: Any) -> bool:
    return (start.year, start.month) == (end.year, end.month)


def _whole_months(model: SemanticModel, start: Any, end: Any) -> bool:
    """Whether ``start``..``end`` holds every fact of each month it touches: it starts on a month's first day
    (or before the data does) and ends on a month's last day (or after the data does)."""
    return (start.day == 1 or start <= model.first_date) and (
        (end + ONE_DAY).day == 1 or end >= model.last_date)


@dataclass(frozen=True)
class Rows:
    """Where one spec's answer lies among ``compile_many``'s records: its total's and its rows' (scan, gid)."""

    total: tuple[int, int]
    rows: tuple[int, int] | None
    ordered: bool = True  # ``ord`` numbers the rows in order; else sort them by member, period, bucket
    changes: tuple[int, int] | None = None  # ``compare``: its members' changes, in no order


@dataclass(frozen=True)
class CompiledMany(Compiled):
    specs: tuple[Rows, ...] = ()
    # As many records as the statement may return (its LIMIT): getting that many means some spec has more
    # rows than allowed. None when only totals are asked (one record each).
    most_records: int | None = None


@dataclass(eq=False)
class _Scan:
    """One pass over the facts (days, constraints, buckets) and the grouping sets asked of it."""

    index: int
    relation: str  # FROM … WHERE …
    params: list[Any]
    distinct: str  # the distinct count's aggregate, or NULL
    facts: str  # the fact count's aggregate
    keys: list[str] = field(default_factory=list)  # key expressions, the scan's k0 … kn
    change: tuple[str, list[Any]] | None = None  # a ``compare`` scan's one aggregate, the change, and its params
    marginal: bool = False  # a ``compare`` scan reading the marginal pre-aggregate (``marginal_rollup``)
    sets: dict[frozenset[str], _Set] = field(default_factory=dict)  # by their key expressions

    def grouping(self, spec: QuerySpec, member: str | None, period: str | None, bucket: bool) -> _Set | None:
        """The grouping set of ``spec``'s rows (its total: no keys), shared with a spec that orders and limits
        them alike; None when another spec wants the same set in another order."""
        expressions = [k for k in (member, period) if k]
        chosen = frozenset(expressions)
        order = (spec.order_by, spec.descending, spec.limit) if expressions else None
        found = self.sets.get(chosen)
        if found is not None:
            return found if found.order == order else None
        for expression in expressions:
            if expression not in self.keys:
                self.keys.append(expression)
        indexes = tuple(self.keys.index(e) for e in expressions)
        self.sets[chosen] = _Set(
            self, indexes, order=order, member=indexes[0] if member else None,
            period=indexes[-1] if period and not bucket else None, bucket=indexes[-1] if period and bucket else None,
        )
        return self.sets[chosen]


@dataclass(eq=False)
class _Set:
    scan: _Scan
    indexes: tuple[int, ...]  # its keys, in the spec's order (member, then period)
    order: tuple[Any, ...] | None  # order_by, descending, limit of the specs reading its rows
    member: int | None
    period: int | None
    bucket: int | None

    @property
    def windowed(self) -> bool:
        """Whether its rows are numbered (and cut) in SQL: rows ordered by a measure, or limited."""
        return self.order is not None and (self.order[0] is not None or self.order[2] is not None)

    @property
    def gid(self) -> int:
        """What ``GROUPING(k0, …, kn)`` gives the set's rows: a bit, first key highest, per key left out."""
        n = len(self.scan.keys)
        return sum(1 << (n - 1 - i) for i in range(n) if i not in self.indexes)


def compile_many(
    *, specs: Sequence[QuerySpec], model: SemanticModel, location: str, max_rows: int, dialect: Dialect = DUCKDB,
    monthly: str | None = None, marginal: str | None = None,
) -> CompiledMany:
    """One statement answering every spec of ``specs``: one ``SELECT`` per scan, its records (in no order; ``ord``
    numbers the rows of each grouping set, ``gid``, ordered by a measure or limited, in their order; rows in
    key order are neither numbered nor cut, ``Rows.ordered`` false, nor are a ``compare``'s changes; the
    statement's LIMIT bounds them):

        scan, gid, ord, member, period, bucket, sum_0 … sum_n, facts, distinct

    (``period``: a grain's period start; ``bucket``: a bucket's index). ``CompiledMany.specs`` says which
    (scan, gid) holds each spec's total and rows; rows are what ``compile_query`` gives (more than
    ``max_rows`` where the answer is too big). Specs may share a total, and rows where they order and limit them alike.
    ``monthly``: the location of the version's ``monthly_rollup``, where there is one; ``marginal``: its
    ``marginal_rollup``'s, which a change reads where both sides are one month each of the monthly pre-aggregate
    and nothing narrows the facts (it holds no member tuples) or counts another dimension's members (``per``)."""
    q = dialect.quote
    column = _checked(model, q)
    day = column(DATE_COLUMN)
    measure_columns = model.columns
    scans: dict[tuple[Any, ...], _Scan] = {}
    rollup_facts = f"CAST(COALESCE(SUM({q(rollup_facts_column(model))}), 0) AS BIGINT)"

    def grouping(start: Any, end: Any, spec: QuerySpec, *, member: str | None, grain: str | None,
                 buckets: Sequence[Any], compared: bool = False) -> _Set:
        where, where_params = _constraints(spec.constraints or {}, column)
        spans = [(b.start, b.end) for b in buckets] or [(start, end)]
        if compared and spec.compare is not None:
            spans.append((spec.compare.start, spec.compare.end))
        rolled = monthly is not None and grain not in DAILY_GRAINS and all(
            _whole_months(model, lo, hi) for lo, hi in spans)
        if buckets:
            period: str | None = "b.i"
        elif grain is None:
            period = None
        else:  # the rollup's date is its month's first day already
            period = day if rolled and grain == "month" else dialect.period_start(grain, day)
        key: tuple[Any, ...] = (start, end, where, tuple(where_params), spec.count_distinct,
                                tuple((b.start, b.end) for b in buckets), rolled, spec.compare if compared else None)
        while True:
            if key not in scans:
                # A month's row of the rollup is read whole: its first day stands for any day of it.
                first: Callable[[Any], Any] = (lambda d: d.replace(day=1)) if rolled else (lambda d: d)
                relation, params = dialect.source(monthly if rolled and monthly else location), []
                if buckets:
                    relation += (f" JOIN (VALUES {', '.join('(?, ?, ?)' for _ in buckets)}) AS b(i, lo, hi) "
                                 f"ON {day} BETWEEN b.lo AND b.hi")
                    params = [value for i, b in enumerate(buckets) for value in (i, first(b.start), b.end)]
                distinct = f"COUNT(DISTINCT {column(spec.count_distinct)})" if spec.count_distinct else "NULL"
                scans[key] = _Scan(index=len(scans), relation=f"{relation} WHERE {day} BETWEEN ? AND ?{where}",
                                   params=[*params, first(start), end, *where_params], distinct=distinct,
                                   facts=rollup_facts if rolled else "COUNT(*)")
                if compared and spec.compare is not None:  # one pass over both periods' days
                    before = spec.compare
                    days, days_params = _compared_days(day, (first(start), end), (first(before.start), before.end))
                    scans[key].relation = f"{relation} WHERE {days}{where}"
                    scans[key].params = [*days_params, *where_params]
                    scans[key].change = change_sql(spec=spec, model=model, column=column, rolled=rolled)
                    if (marginal is not None and rolled and not where and before.per not in model.dimensions
                            and all(_one_month(lo, hi) for lo, hi in spans)):
                        scans[key].relation = f"{dialect.source(marginal)} WHERE {days}"
                        scans[key].marginal = True
            found = scans[key].grouping(spec, member, period, bool(buckets))
            if found is not None:
                return found
            key = (*key, "again")  # the same rows in another order: a scan of their own

    # First every spec's grouping sets (a set's GROUPING() value depends on all of its scan's keys), then the SQL.
    wanted: list[tuple[_Set, _Set | None, _Set | None]] = []
    for spec in specs:
        if spec.order_by is not None and spec.order_by not in model.definitions:
            raise InvalidQuery(f"{spec.order_by!r} is no measure of this dataset.")
        member = column(spec.group_by) if spec.group_by else None
        total = grouping(spec.start, spec.end, spec, member=None, grain=None, buckets=())
        rows = changes = None
        if spec.compare is not None and member is not None:
            changes = grouping(spec.start, spec.end, spec, member=member, grain=None, buckets=(), compared=True)
        elif spec.buckets:
            lo, hi = min(b.start for b in spec.buckets), max(b.end for b in spec.buckets)
            rows = grouping(lo, hi, spec, member=member, grain=None, buckets=spec.buckets)
        elif spec.grain is not None or member is not None:
            rows = grouping(spec.start, spec.end, spec, member=member, grain=spec.grain, buckets=())
        wanted.append((total, rows, changes))

    sums = [f"sum_{i}" for i in range(len(measure_columns))]
    summed = dict(zip(measure_columns, sums, strict=True))
    # Never NULL (a scan with no facts sums to 0), so the caller takes the floats as they come.
    summing = [f"COALESCE(SUM({column(c)}), 0) AS {s}" for c, s in summed.items()]
    # A statement with a ``compare`` has one more column, ``change``: NULL but in a change's records.
    changing = ", NULL AS change" if any(scan.change for scan in scans.values()) else ""
    tail = ", ".join([*sums, "facts", "uniq"]) + changing
    selects, params = [], []
    for scan in scans.values():
        if scan.marginal:
            selects.append(_marginal_changes_select(scan, sums, params, model=model, quote=q))
            continue
        if scan.change is not None:
            selects.append(_changes_select(scan, sums, params))
            continue
        params += scan.params
        aggregates = [*summing, f"{scan.facts} AS facts"]
        if not scan.keys:
            selects.append(f"SELECT {scan.index} AS scan, 0 AS gid, 1 AS ord, NULL AS member, NULL AS period, "
                           f"NULL AS bucket, {', '.join(aggregates)}, {scan.distinct} AS uniq{changing} "
                           f"FROM {scan.relation}")
            continue
        grouped = _grouped(scan, f"{', '.join(aggregates)}, {scan.distinct} AS uniq")
        terms, limits = [], []
        for chosen in scan.sets.values():
            if not chosen.windowed:
                continue
            order_by, descending, limit = chosen.order or (None, True, None)
            when = f"WHEN gid = {chosen.gid} THEN"
            if order_by is not None:
                by = measure_sql(model.definitions, order_by, summed.__getitem__)
                terms.append(f"CASE {when} {by} END {'DESC' if descending else 'ASC'} NULLS LAST")
            terms += [f"CASE {when} k{i} END" for i in chosen.indexes]
            limits.append(f"{when} ord <= ?")
            params.append(max_rows + 1 if limit is None else min(limit, max_rows + 1))
        window = f"ROW_NUMBER() OVER (PARTITION BY gid ORDER BY {', '.join(terms)})" if terms else "1"
        qualify = f" QUALIFY CASE {' '.join(limits)} ELSE TRUE END" if limits else ""
        roles = ", ".join(f"{_pick(scan, role)} AS {role}" for role in ("member", "period", "bucket"))
        selects.append(f"SELECT {scan.index} AS scan, gid, {window} AS ord, {roles}, {tail} FROM ({grouped}){qualify}")
    placed = tuple(Rows(total=(t.scan.index, t.gid), rows=(r.scan.index, r.gid) if r else None,
                        ordered=r is None or r.windowed, changes=(c.scan.index, c.gid) if c else None)
                   for t, r, c in wanted)
    # No ORDER BY: sorting even a few rows costs DuckDB about a millisecond; the caller puts each set in order.
    # Rows in key order are not numbered either (a window's sort costs a third of a "why?" scan): one LIMIT
    # over the statement bounds them, enough for every set's allowed rows and one more.
    sets = [chosen for scan in scans.values() for chosen in scan.sets.values()]
    sql = " UNION ALL ".join(selects)
    most_records = None
    if any(chosen.indexes for chosen in sets):
        most_records = sum(max_rows + 1 if chosen.indexes else 1 for chosen in sets)
        sql += " LIMIT ?"
        params.append(most_records)
    return CompiledMany(sql=sql, params=tuple(params), columns=measure_columns, specs=placed,
                        most_records=most_records)


def _changes_select(scan: _Scan, sums: Sequence[str], params: list[Any]) -> str:
    """A ``compare`` scan's records: per member its change, in no order and not numbered (``ord`` NULL): the
    window that ranked them cost DuckDB a quarter of a "why?" statement (2-3 ms CPU over 2,000 customers),
    sorting them in Python (``metrics.selectors``) a quarter of that; the statement's LIMIT bounds them.
    ``params`` gets the select's parameters, in order."""
    change, change_params = scan.change or ("NULL", [])
    params += [*change_params, *scan.params]
    grouped = _grouped(scan, f"{change} AS change")
    blanks = ", ".join(f"NULL AS {name}" for name in (*sums, "facts", "uniq"))
    return (f"SELECT {scan.index} AS scan, gid, NULL AS ord, {_pick(scan, 'member')} AS member, NULL AS period, "
            f"NULL AS bucket, {blanks}, change FROM ({grouped})")


def _marginal_changes_select(
    scan: _Scan, sums: Sequence[str], params: list[Any], *, model: SemanticModel, quote: Callable[[str], str]
) -> str:
    """``_changes_select``'s records for a scan reading the marginal pre-aggregate: per dimension of its sets
    (bound, as its set's ``gid``) and member, the change."""
    change, change_params = scan.change or ("NULL", [])
    names = {quote(d): d for d in model.dimensions}
    chosen = [(names[scan.keys[s.member]], s.gid) for s in scan.sets.values() if s.member is not None]
    dimension, member = (quote(name) for name in marginal_columns(model))
    params += [*(name for name, _ in chosen), *change_params, *scan.params, *(name for name, _ in chosen)]
    blanks = ", ".join(f"NULL AS {name}" for name in (*sums, "facts", "uniq"))
    gids = " ".join(f"WHEN ? THEN {gid}" for _, gid in chosen)
    return (f"SELECT {scan.index} AS scan, CASE {dimension} {gids} END AS gid, NULL AS ord, {member} AS member, "
            f"NULL AS period, NULL AS bucket, {blanks}, {change} AS change FROM {scan.relation} "
            f"AND {dimension} IN ({', '.join('?' for _ in chosen)}) GROUP BY {dimension}, {member}")


def _grouped(scan: _Scan, aggregates: str) -> str:
    """``scan``'s grouping sets over its keys (k0 … kn, and ``gid``, the set's GROUPING() value) with ``aggregates``."""
    keys = ", ".join(scan.keys)
    sets = ", ".join("(" + ", ".join(scan.keys[i] for i in chosen.indexes) + ")" for chosen in scan.sets.values())
    return (f"SELECT GROUPING({keys}) AS gid, {', '.join(f'{k} AS k{i}' for i, k in enumerate(scan.keys))}, "
            f"{aggregates} FROM {scan.relation} GROUP BY GROUPING SETS ({sets})")


def _pick(scan: _Scan, role: str) -> str:
    """The key column playing ``role`` (member, period, bucket) in each grouping set's rows."""
    cases = [f"WHEN gid = {s.gid} THEN k{getattr(s, role)}" for s in scan.sets.values() if getattr(s, role) is not None]
    return f"CASE {' '.join(cases)} END" if cases else "NULL"


def _checked(model: SemanticModel, quote: Callable[[str], str]) -> Callable[[str], str]:
    """A column of the model, quoted; anything else is refused."""
    def column(name: str) -> str:
        if name != DATE_COLUMN and name not in model.dimensions and name not in model.columns:
            raise InvalidQuery(f"{name!r} is no column of this dataset.")
        return quote(name)

    return column
