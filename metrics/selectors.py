"""Reads of a tenant's metrics: its current dataset, semantic model, and answers from the version's facts.

``query`` / ``query_many`` are the one way the rest of SalesTalk reads numbers
(``metrics.queries`` documents what a ``QuerySpec`` can ask). Each spec is
checked against the model and the settings' limits before any work; all the
specs of one call are compiled to one parameterised statement (``metrics.compiler``)
and run by DuckDB over the version loaded in memory from its Parquet file, and
its monthly pre-aggregate where that answers a scan exactly (``metrics.engine``,
``metrics.files``); on Athena each spec is a statement of its own.

Caches, per process: the pointer to the current version and the tenant's model
edits for ``POINTER_TTL`` seconds, refreshed together by one consistent
BatchGetItem (an import or an edit in this process updates them at once; other
processes see a new version or edit within that time), and each version's
model, which never changes.
"""
from __future__ import annotations

import difflib
import json
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from types import MappingProxyType
from typing import Any

from django.conf import settings

from metrics import athena, engine
from metrics.compiler import compile_many, compile_query
from metrics.errors import InvalidQuery, NoDataset, UnknownDimension, UnknownMeasure, UnknownMember
from metrics.model_edits import (
    EDITS_PK,
    EDITS_SK,
    EDITS_TTL,
    ModelEdits,
    ModelEditsItem,
    recent_edits,
    remember_stored_edits,
    with_edits,
)
from metrics.models import CURRENT_SK, DATASET_PK, MODEL_SK, CurrentDatasetItem, SemanticModelItem, version_pk
from metrics.periods import GRAINS, period_bounds, period_label, periods
from metrics.queries import Bucket, Cell, Comparison, QueryResult, QuerySpec
from metrics.semantic import SemanticModel
from tenants.context import TenantContext
from tenants.storage import bind, bound_connection

__all__ = ["Bucket", "Cell", "Comparison", "QueryResult", "QuerySpec", "current_dataset", "get_semantic_model", "query",
           "query_many"]

POINTER_TTL = EDITS_TTL  # one refresh reads both
MODEL_CACHE_SIZE = 256
SUGGESTIONS = 3

_lock = threading.Lock()
_pointers: dict[str, tuple[float, str | None]] = {}
_models: OrderedDict[tuple[str, str], _Indexed] = OrderedDict()


def current_dataset(*, tenant: TenantContext) -> CurrentDatasetItem | None:
    """The pointer to the tenant's current dataset version, read consistently; None before any import."""
    Current = bind(CurrentDatasetItem, tenant=tenant)
    try:
        return Current.get(DATASET_PK, CURRENT_SK, consistent_read=True)
    except Current.DoesNotExist:
        return None


def remember_current_version(*, tenant: TenantContext, version: str | None) -> None:
    """Called by the import right after it switched the pointer, so this process never reads the old one."""
    with _lock:
        _pointers[tenant.table_name] = (time.monotonic(), version)


def _current(tenant: TenantContext) -> tuple[str, ModelEdits]:
    """The current version and the tenant's edits, from this process's caches while both are fresh."""
    now = time.monotonic()
    with _lock:
        cached = _pointers.get(tenant.table_name)
    edits = recent_edits(tenant=tenant, now=now)
    if cached is not None and now - cached[0] < POINTER_TTL and edits is not None:
        version = cached[1]
    else:
        version, edits = _read_current(tenant)
    if version is None:
        raise NoDataset("This tenant has no dataset yet; import one first.")
    return version, edits


def _read_current(tenant: TenantContext) -> tuple[str | None, ModelEdits]:
    """The pointer and the edits items in one consistent BatchGetItem (one round trip where two GetItems
    were two), both remembered as read now."""
    Current = bind(CurrentDatasetItem, tenant=tenant)
    connection = bound_connection(model=Current)
    pending: list[dict[str, Any]] = [{"pk": DATASET_PK, "sk": CURRENT_SK}, {"pk": EDITS_PK, "sk": EDITS_SK}]
    found: dict[tuple[str, str], dict[str, Any]] = {}
    while pending:  # DynamoDB may leave keys unprocessed under load; they are asked again, as PynamoDB does
        page = connection.batch_get_item(pending, consistent_read=True)
        for item in page.get("Responses", {}).get(tenant.table_name, ()):
            found[item["pk"]["S"], item["sk"]["S"]] = item
        pending = page.get("UnprocessedKeys", {}).get(tenant.table_name, {}).get("Keys", [])
    pointer = found.get((DATASET_PK, CURRENT_SK))
    version = None if pointer is None else Current.from_raw_data(pointer).version
    remember_current_version(tenant=tenant, version=version)
    record = found.get((EDITS_PK, EDITS_SK))
    document = None if record is None else bind(ModelEditsItem, tenant=tenant).from_raw_data(record).document
    return version, remember_stored_edits(tenant=tenant, document=document)


class _Indexed:
    """A model with the lookups checks need: members as sets."""

    def __init__(self, model: SemanticModel) -> None:
        self.model = model
        self.members = {name: frozenset(members) for name, members in model.dimensions.items()}


def encode_model(model: SemanticModel) -> bytes:
    return zlib.compress(json.dumps(model.as_json(), separators=(",", ":")).encode(), 6)


def read_model(*, tenant: TenantContext, version: str) -> SemanticModel:
    Record = bind(SemanticModelItem, tenant=tenant)
    record = Record.get(version_pk(version), MODEL_SK, consistent_read=True)
    return SemanticModel.from_json(json.loads(zlib.decompress(record.document)))


def _indexed_model(tenant: TenantContext, version: str) -> _Indexed:
    key = (tenant.table_name, version)
    with _lock:
        indexed = _models.get(key)
        if indexed is not None:
            _models.move_to_end(key)
            return indexed
    indexed = _Indexed(read_model(tenant=tenant, version=version))
    with _lock:
        _models[key] = indexed
        while len(_models) > MODEL_CACHE_SIZE:
            _models.popitem(last=False)
    return indexed


def get_semantic_model(*, tenant: TenantContext) -> SemanticModel:
    """What the tenant's data can answer, with the tenant's own edits; raises ``NoDataset`` before the first
    import."""
    version, edits = _current(tenant)
    return with_edits(tenant=tenant, model=_indexed_model(tenant, version).model, edits=edits)


def _indexed(tenant: TenantContext, model: SemanticModel | None) -> _Indexed:
    if model is None:
        return _indexed_model(tenant, _current(tenant)[0])
    with _lock:
        indexed = _models.get((tenant.table_name, model.version))
    # Versions never change, so a cached model of the same table and version is this one.
    return indexed if indexed is not None and indexed.model is model else _Indexed(model)


def _suggest(word: str, candidates: Sequence[str]) -> tuple[str, ...]:
    folded: dict[str, str] = {}
    for candidate in candidates:
        folded.setdefault(candidate.casefold(), candidate)
    close = difflib.get_close_matches(word.casefold(), list(folded), n=SUGGESTIONS, cutoff=0.6)
    return tuple(folded[c] for c in close)


def _check(indexed: _Indexed, spec: QuerySpec) -> None:
    """Everything a spec may be refused for, before any work: unknown names and the settings' limits."""
    model = indexed.model
    constraints = spec.constraints or {}
    if spec.start > spec.end:
        raise InvalidQuery(f"The period ends ({spec.end}) before it starts ({spec.start}).")
    most_filters, most_members = settings.SALESTALK_MAX_QUERY_FILTERS, settings.SALESTALK_MAX_FILTER_MEMBERS
    if len(constraints) > most_filters:
        raise InvalidQuery(
            f"A query may filter at most {most_filters} dimensions; this one filters {len(constraints)}."
        )
    for dimension in [*constraints, spec.group_by, spec.count_distinct]:
        if dimension is not None and dimension not in indexed.members:
            raise UnknownDimension(dimension, known=tuple(model.dimensions))
    for dimension, members in constraints.items():
        if isinstance(members, str):
            raise InvalidQuery(f"The members of {dimension!r} must be a list, not a string.")
        if len(members) > most_members:
            raise InvalidQuery(
                f"A filter may name at most {most_members} members; {dimension!r} names {len(members)}."
            )
        for member in members:
            if member not in indexed.members[dimension]:
                raise UnknownMember(dimension, member, suggestions=_suggest(member, model.dimensions[dimension]))
    if spec.grain is not None and spec.buckets:
        raise InvalidQuery("Cut the period by a time grain or into buckets, not both.")
    if spec.grain is not None and spec.grain not in GRAINS:
        raise InvalidQuery(f"Unknown grain {spec.grain!r}; use one of {', '.join(GRAINS)}.")
    most_buckets = settings.SALESTALK_MAX_QUERY_BUCKETS
    if len(spec.buckets) > most_buckets:
        raise InvalidQuery(f"A query may have at most {most_buckets} buckets; this one has {len(spec.buckets)}.")
    for bucket in spec.buckets:
        if bucket.start > bucket.end:
            raise InvalidQuery(f"Bucket {bucket.label!r} ends ({bucket.end}) before it starts ({bucket.start}).")
    if spec.order_by is not None and spec.order_by not in model.definitions:
        raise UnknownMeasure(f"{spec.order_by!r} is no measure of this dataset; it has {', '.join(model.measures)}.")
    if spec.limit is not None and spec.limit < 1:
        raise InvalidQuery("A limit must be at least 1.")
    _check_comparison(model, spec)
    if spec.grain == "day":
        lo, hi = _clipped(model, spec)
        if (hi - lo).days + 1 > settings.SALESTALK_MAX_QUERY_ROWS:
            raise InvalidQuery(
                f"A daily series may have at most {settings.SALESTALK_MAX_QUERY_ROWS:,} days; ask for a coarser grain."
            )


def _check_comparison(model: SemanticModel, spec: QuerySpec) -> None:
    compared = spec.compare
    if compared is None:
        return
    if spec.group_by is None or spec.grain is not None or spec.buckets or spec.order_by is not None or spec.limit:
        raise InvalidQuery("A change is per member of a dimension (group_by), ordered by itself, uncut and unlimited.")
    if compared.start > compared.end:
        raise InvalidQuery(f"The comparison ends ({compared.end}) before it starts ({compared.start}).")
    if compared.measure not in model.definitions:
        raise UnknownMeasure(f"{compared.measure!r} is no measure of this dataset; it has {', '.join(model.measures)}.")
    per = compared.per
    if per is not None and per not in model.definitions and per not in GRAINS and per not in model.dimensions:
        raise InvalidQuery(f"{per!r} is no measure, dimension or time grain of this dataset to divide by.")


def _clipped(model: SemanticModel, spec: QuerySpec) -> tuple[date, date]:
    return max(spec.start, model.first_date), min(spec.end, model.last_date)


def query_many(
    *, tenant: TenantContext, specs: Sequence[QuerySpec], model: SemanticModel | None = None
) -> list[QueryResult]:
    """Each spec answered as ``query`` would; every spec is checked before the first one runs."""
    indexed = _indexed(tenant, model)
    for spec in specs:
        _check(indexed, spec)
    model = indexed.model
    most = settings.SALESTALK_MAX_QUERY_ROWS
    if athena.serves(tenant=tenant, model=model):
        location = athena.table_location(tenant=tenant, version=model.version)
        answers = []
        for spec in specs:
            compiled = compile_query(spec=spec, model=model, location=location, max_rows=most, dialect=athena.ATHENA)
            records = athena.fetch(tenant=tenant, sql=compiled.sql, params=compiled.params)
            if spec.compare is not None:  # the total's record, then the changes' (part, ord, member, …, change)
                answers.append(_with_changes(_result(model, spec, records[:1], compiled.columns), records[1:],
                                             member=_SINGLE.member))
                continue
            answers.append(_result(model, spec, records, compiled.columns))
        return answers
    if not specs:
        return []
    tables = engine.version_tables(tenant=tenant, model=model)
    # One statement for them all: specs over the same days and constraints share one scan of the facts.
    compiled = compile_many(specs=specs, model=model, location=tables.facts, max_rows=most, dialect=engine.TABLES,
                            monthly=tables.monthly, marginal=tables.marginal)
    found = engine.fetch(compiled.sql, compiled.params)
    if compiled.most_records is not None and len(found) >= compiled.most_records:
        raise _too_big()
    records: dict[tuple[int, int], list[tuple[Any, ...]]] = {}
    for record in found:
        records.setdefault(record[:2], []).append(record)
    answers = []
    for spec, placed in zip(specs, compiled.specs, strict=True):
        rows = sorted(records.get(placed.rows, []), key=_ORD if placed.ordered else _keys(spec)) if placed.rows else []
        answer = _result(model, spec, [records[placed.total][0], *rows], compiled.columns,
                         layout=_BUCKETS if spec.buckets else _MANY)
        if placed.changes is not None:
            answer = _with_changes(answer, _by_change(records.get(placed.changes, [])), member=3)
        answers.append(answer)
    return answers


def _by_change(records: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """``compile_many``'s change records (member 4th, change last) in ``compile_query``'s order: largest absolute
    change first, ties by member (text in code-point order, as DuckDB's bytewise UTF-8 order). Two sorts, the
    second stable, make no key tuple per record."""
    ordered = sorted(records, key=_MEMBER)
    ordered.sort(key=_absolute_change, reverse=True)
    return ordered


def _absolute_change(record: tuple[Any, ...]) -> float:
    return abs(record[-1])


def _with_changes(answer: QueryResult, records: Sequence[Sequence[Any]], *, member: int) -> QueryResult:
    """``answer`` with a ``compare``'s changes from its records in order (the change is each record's last
    field)."""
    if len(records) > settings.SALESTALK_MAX_QUERY_ROWS:
        raise _too_big()
    return QueryResult(total=answer.total, changes=tuple((r[member], float(r[-1])) for r in records))


def query(
    *,
    tenant: TenantContext,
    start: date,
    end: date,
    constraints: Mapping[str, Sequence[str]] | None = None,
    group_by: str | None = None,
    grain: str | None = None,
    buckets: Sequence[Bucket] = (),
    count_distinct: str | None = None,
    order_by: str | None = None,
    descending: bool = True,
    limit: int | None = None,
    model: SemanticModel | None = None,
) -> QueryResult:
    """Sums of every measure column over ``start``..``end`` (inclusive); see ``QuerySpec`` for the rest."""
    spec = QuerySpec(
        start=start, end=end, constraints=constraints, group_by=group_by, grain=grain, buckets=tuple(buckets),
        count_distinct=count_distinct, order_by=order_by, descending=descending, limit=limit,
    )
    return query_many(tenant=tenant, specs=[spec], model=model)[0]


@dataclass(frozen=True)
class _Layout:
    """Where a record holds its member, its period (a grain's first day or a bucket's index) and its sums,
    then the fact count and the distinct count."""

    member: int
    period: int
    sums: int
    floats: bool  # every sum a float already (compile_many's), or to be made one (Athena's may be text or NULL)


_SINGLE = _Layout(member=2, period=3, sums=4, floats=False)  # compile_query: part, ord, member, period, sums…
_MANY = _Layout(member=3, period=4, sums=6, floats=True)  # compile_many: scan, gid, ord, member, period, bucket, …
_BUCKETS = _Layout(member=3, period=5, sums=6, floats=True)
_ORD = itemgetter(2)
_MEMBER, _PERIOD, _BUCKET = itemgetter(3), itemgetter(4), itemgetter(5)
_MEMBER_PERIOD, _MEMBER_BUCKET = itemgetter(3, 4), itemgetter(3, 5)


def _keys(spec: QuerySpec) -> itemgetter:
    """What rows in key order are sorted by: the member, then the period or bucket. Only the keys the spec
    groups by (the others are NULL in its rows), so a set grouped by one key makes no tuple per row."""
    if spec.group_by is None:
        return _BUCKET if spec.buckets else _PERIOD
    if spec.buckets:
        return _MEMBER_BUCKET
    return _MEMBER_PERIOD if spec.grain is not None else _MEMBER


def _too_big() -> InvalidQuery:
    most = settings.SALESTALK_MAX_QUERY_ROWS
    return InvalidQuery(f"The answer would have more than {most:,} rows; filter it or ask for fewer.")


def _result(
    model: SemanticModel, spec: QuerySpec, records: Sequence[Sequence[Any]], columns: tuple[str, ...],
    layout: _Layout = _SINGLE,
) -> QueryResult:
    """One spec's answer from its records: the total's, then its rows' in order."""
    if len(records) - 1 > settings.SALESTALK_MAX_QUERY_ROWS:
        raise _too_big()
    build = _CellBuilder(model, columns, layout)
    total = build(records[0], key=None)
    found = records[1:]
    if spec.buckets:
        rows = _bucket_rows(spec, found, build)
    elif spec.grain is not None:
        rows = _period_rows(model, spec, found, build)
    else:
        rows = build.members(found)
    return QueryResult(total=total, rows=rows)


class _CellBuilder:
    def __init__(self, model: SemanticModel, columns: tuple[str, ...], layout: _Layout) -> None:
        self.measures = model.definitions
        self.columns = columns
        self.member, self.period = layout.member, layout.period
        self.first, self.last = layout.sums, layout.sums + len(columns)  # the sums' slice, then facts, distinct
        self.floats = layout.floats
        self.zero = MappingProxyType(dict.fromkeys(columns, 0.0))

    def __call__(
        self, record: Sequence[Any] | None, *, key: str | None, start: date | None = None, end: date | None = None,
        period: str | None = None,
    ) -> Cell:
        if record is None:
            return Cell.built(key=key, sums=self.zero, facts=0, start=start, end=end, distinct=None, period=period,
                              measures=self.measures)
        last = self.last
        values = record[self.first:last]
        sums = dict(zip(self.columns, values if self.floats else (float(v or 0.0) for v in values), strict=True))
        return Cell.built(key=key, sums=MappingProxyType(sums), facts=int(record[last]), start=start, end=end,
                          distinct=record[last + 1], period=period, measures=self.measures)

    def members(self, records: Sequence[Sequence[Any]]) -> tuple[Cell, ...]:
        """``self(record, key=its member)`` for every record, in one loop: a "why?" over a high-cardinality
        dimension builds thousands, and two keyword calls per cell were most of its time."""
        if not self.floats:
            return tuple(self(record, key=record[self.member]) for record in records)
        columns, first, last, member, measures = self.columns, self.first, self.last, self.member, self.measures
        fields = Cell.from_fields
        return tuple(
            fields({"key": r[member], "sums": MappingProxyType(dict(zip(columns, r[first:last], strict=True))),
                    "facts": r[last], "start": None, "end": None, "distinct": r[last + 1], "period": None,
                    "measures": measures})
            for r in records
        )


def _filled(spec: QuerySpec) -> bool:
    """Without order or limit, a series has a row for every period, zeros where there are no facts."""
    return spec.group_by is None and spec.order_by is None and spec.limit is None


def _period_rows(model: SemanticModel, spec: QuerySpec, found: list[Any], build: _CellBuilder) -> tuple[Cell, ...]:
    grain = spec.grain or ""
    member, period = build.member, build.period
    if not _filled(spec):
        cells = []
        for r in found:
            start, end = period_bounds(r[period], grain)
            label = period_label(r[period], grain)
            cells.append(build(r, key=r[member] if spec.group_by else label,
                               period=label if spec.group_by else None, start=start, end=end))
        return tuple(cells)
    by_start = {r[period]: r for r in found}
    lo, hi = _clipped(model, spec)
    return tuple(
        build(by_start.get(first), key=label, start=first, end=last)
        for label, first, last in (periods(lo, hi, grain) if lo <= hi else [])
    )


def _bucket_rows(spec: QuerySpec, found: list[Any], build: _CellBuilder) -> tuple[Cell, ...]:
    buckets = list(spec.buckets)
    member, period = build.member, build.period
    if not _filled(spec):
        return tuple(
            build(r, key=r[member] if spec.group_by else buckets[r[period]].label,
                  period=buckets[r[period]].label if spec.group_by else None,
                  start=buckets[r[period]].start, end=buckets[r[period]].end)
            for r in found
        )
    by_index = {r[period]: r for r in found}
    return tuple(
        build(by_index.get(i), key=b.label, start=b.start, end=b.end) for i, b in enumerate(buckets)
    )
