"""Reads of a tenant's metrics: its current dataset, semantic model, and answers from the rollups.

``query`` is the one way the rest of SalesTalk reads numbers. It turns a period
into the coarsest rollup slices that exactly cover it (``metrics.periods.cover``),
reads those items for every member combination the constraints allow, and adds
slots. What it reads grows with the answer (members × years × grains), not with
the dataset.

Caches, per process: the pointer to the current version for ``POINTER_TTL``
seconds (an import in this process updates it at once; other processes see a
new version within that time), and each version's model, which never changes.
"""
from __future__ import annotations

import difflib
import itertools
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

import numpy as np

from metrics.batches import get_binaries
from metrics.blobs import read_blob
from metrics.errors import InvalidQuery, NoDataset, UnknownDimension, UnknownMember
from metrics.measures import measure_value
from metrics.models import CURRENT_SK, DATASET_PK, MODEL_SK_PREFIX, CurrentDataset, version_pk
from metrics.periods import GRAINS, Piece, cover, periods
from metrics.rollups import FACTS, decode_values, fields_of, partition_key
from metrics.semantic import SemanticModel
from tenants.context import TenantContext
from tenants.storage import bind

POINTER_TTL = 1.0
MODEL_CACHE_SIZE = 256
SUGGESTIONS = 3

_lock = threading.Lock()
_pointers: dict[str, tuple[float, str | None]] = {}
_models: OrderedDict[tuple[str, str], _IndexedModel] = OrderedDict()


@dataclass(frozen=True)
class Cell:
    key: str | None  # member name (group_by), period label (grain), None for the total
    sums: Mapping[str, float]  # every summable measure of the dataset -> its sum over the cell
    facts: int  # number of fact rows in the cell
    start: date | None = None  # period rows: the whole calendar period's first and last day
    end: date | None = None

    def value(self, measure: str) -> float | None:
        return measure_value(self.sums, measure)


@dataclass(frozen=True)
class QueryResult:
    total: Cell
    rows: tuple[Cell, ...] = ()


def current_dataset(*, tenant: TenantContext) -> CurrentDataset | None:
    """The pointer to the tenant's current dataset version, read consistently; None before any import."""
    Current = bind(CurrentDataset, tenant=tenant)
    try:
        return Current.get(DATASET_PK, CURRENT_SK, consistent_read=True)
    except Current.DoesNotExist:
        return None


def remember_current_version(*, tenant: TenantContext, version: str | None) -> None:
    """Called by the import right after it switched the pointer, so this process never reads the old one."""
    with _lock:
        _pointers[tenant.table_name] = (time.monotonic(), version)


def _current_version(tenant: TenantContext) -> str:
    now = time.monotonic()
    with _lock:
        cached = _pointers.get(tenant.table_name)
    if cached is not None and now - cached[0] < POINTER_TTL:
        version = cached[1]
    else:
        pointer = current_dataset(tenant=tenant)
        version = pointer.version if pointer is not None else None
        remember_current_version(tenant=tenant, version=version)
    if version is None:
        raise NoDataset("This tenant has no dataset yet; import one first.")
    return version


@dataclass(frozen=True)
class _IndexedModel:
    """A model with the lookups queries need: dimension positions and member codes."""

    model: SemanticModel
    positions: Mapping[str, int] = field(default_factory=dict)
    codes: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, model: SemanticModel) -> _IndexedModel:
        return cls(
            model=model,
            positions={name: i for i, name in enumerate(model.dimensions)},
            codes={name: {m: i for i, m in enumerate(members)} for name, members in model.dimensions.items()},
        )


def _indexed_model(tenant: TenantContext, version: str) -> _IndexedModel:
    key = (tenant.table_name, version)
    with _lock:
        indexed = _models.get(key)
        if indexed is not None:
            _models.move_to_end(key)
            return indexed
    indexed = _IndexedModel.of(
        SemanticModel.from_json(read_blob(tenant=tenant, pk=version_pk(version), prefix=MODEL_SK_PREFIX))
    )
    with _lock:
        _models[key] = indexed
        while len(_models) > MODEL_CACHE_SIZE:
            _models.popitem(last=False)
    return indexed


def get_semantic_model(*, tenant: TenantContext) -> SemanticModel:
    """What the tenant's data can answer; raises ``NoDataset`` before the first import."""
    return _indexed_model(tenant, _current_version(tenant)).model


def _indexed(tenant: TenantContext, model: SemanticModel | None) -> _IndexedModel:
    if model is None:
        return _indexed_model(tenant, _current_version(tenant))
    key = (tenant.table_name, model.version)
    with _lock:
        indexed = _models.get(key)
    # Versions never change, so a cached model of the same table and version is this one.
    return indexed if indexed is not None else _IndexedModel.of(model)


def _suggest(word: str, candidates: Sequence[str]) -> tuple[str, ...]:
    folded: dict[str, str] = {}
    for candidate in candidates:
        folded.setdefault(candidate.casefold(), candidate)
    close = difflib.get_close_matches(word.casefold(), list(folded), n=SUGGESTIONS, cutoff=0.6)
    return tuple(folded[c] for c in close)


def _check(
    indexed: _IndexedModel, constraints: Mapping[str, Sequence[str]], group_by: str | None, grain: str | None
) -> None:
    dimensions = tuple(indexed.model.dimensions)
    for dimension in [*constraints, *([group_by] if group_by is not None else [])]:
        if dimension not in indexed.positions:
            raise UnknownDimension(dimension, known=dimensions)
    for dimension, members in constraints.items():
        if isinstance(members, str):
            raise InvalidQuery(f"The members of {dimension!r} must be a list, not a string.")
        codes = indexed.codes[dimension]
        for member in members:
            if member not in codes:
                raise UnknownMember(
                    dimension, member, suggestions=_suggest(member, indexed.model.dimensions[dimension])
                )
    if group_by is not None and grain is not None:
        raise InvalidQuery("Group by a dimension or by a time grain, not both.")
    if grain is not None and grain not in GRAINS:
        raise InvalidQuery(f"Unknown grain {grain!r}; use one of {', '.join(GRAINS)}.")


@dataclass(frozen=True)
class QuerySpec:
    """One question to the rollups; ``query_many`` answers several with one read."""

    start: date
    end: date
    constraints: Mapping[str, Sequence[str]] | None = None
    group_by: str | None = None
    grain: str | None = None


@dataclass(frozen=True)
class _Plan:
    spec: QuerySpec
    tuples: list[tuple[str, ...]]
    partitions: list[str]
    dimensions: list[str]
    spans: list[tuple[str | None, date | None, date | None]]
    pieces: list[list[Piece]]

    def keys(self) -> set[tuple[str, Piece]]:
        return {(pk, piece) for span_pieces in self.pieces for piece in span_pieces for pk in self.partitions}


def _plan(indexed: _IndexedModel, spec: QuerySpec) -> _Plan:
    if spec.start > spec.end:
        raise InvalidQuery(f"The period ends ({spec.end}) before it starts ({spec.start}).")
    constraints = spec.constraints or {}
    _check(indexed, constraints, spec.group_by, spec.grain)
    model = indexed.model
    lo, hi = max(spec.start, model.first_date), min(spec.end, model.last_date)
    tuples, partitions, dimensions = _partitions(indexed, constraints, spec.group_by)
    if spec.grain is not None:
        bounds = [(label, first, last, max(lo, first), min(hi, last)) for label, first, last in periods(lo, hi, spec.grain)]
    else:
        bounds = [(None, None, None, lo, hi)]
    return _Plan(
        spec=spec,
        tuples=tuples,
        partitions=partitions,
        dimensions=dimensions,
        spans=[(label, first, last) for label, first, last, _, _ in bounds],
        pieces=[cover(span_lo, span_hi) for *_, span_lo, span_hi in bounds],
    )


def _answer(plan: _Plan, rollups: _Rollups) -> QueryResult:
    group_by = plan.spec.group_by
    if group_by is not None:
        position = plan.dimensions.index(group_by)
        by_member: dict[str, np.ndarray] = {}
        for members, partition in zip(plan.tuples, plan.partitions, strict=True):
            rollups.add(partition, plan.pieces[0], into=by_member.setdefault(members[position], rollups.zeros()))
        rows = tuple(rollups.cell(member, sums) for member, sums in by_member.items() if sums[-1] > 0)
        return QueryResult(total=rollups.cell(None, sum(by_member.values(), rollups.zeros())), rows=rows)

    span_sums = []
    for span_pieces in plan.pieces:
        sums = rollups.zeros()
        for partition in plan.partitions:
            rollups.add(partition, span_pieces, into=sums)
        span_sums.append(sums)
    total = rollups.cell(None, sum(span_sums, rollups.zeros()))
    if plan.spec.grain is None:
        return QueryResult(total=total)
    rows = tuple(
        rollups.cell(label, sums, start=first, end=last)
        for (label, first, last), sums in zip(plan.spans, span_sums, strict=True)
    )
    return QueryResult(total=total, rows=rows)


def query_many(
    *, tenant: TenantContext, specs: Sequence[QuerySpec], model: SemanticModel | None = None
) -> list[QueryResult]:
    """Each spec answered as ``query`` would, from one read of every rollup slice they need together
    (a "why?" compares several splits over two periods: one round trip instead of many)."""
    indexed = _indexed(tenant, model)
    plans = [_plan(indexed, spec) for spec in specs]
    rollups = _Rollups.read(tenant=tenant, model=indexed.model, keys=set().union(*(p.keys() for p in plans)))
    return [_answer(plan, rollups) for plan in plans]


def query(
    *,
    tenant: TenantContext,
    start: date,
    end: date,
    constraints: Mapping[str, Sequence[str]] | None = None,
    group_by: str | None = None,
    grain: str | None = None,
    model: SemanticModel | None = None,
) -> QueryResult:
    """Sums of every summable measure over ``start``..``end`` (inclusive) under ``constraints``.

    Several members of one dimension are OR-ed, dimensions AND-ed. With
    ``group_by``: one row per member with facts; with ``grain``: one row per
    period overlapping the data's dates within the span, oldest first, each
    summing the span's days inside it.
    """
    spec = QuerySpec(start=start, end=end, constraints=constraints, group_by=group_by, grain=grain)
    return query_many(tenant=tenant, specs=[spec], model=model)[0]


def _partitions(
    indexed: _IndexedModel, constraints: Mapping[str, Sequence[str]], group_by: str | None
) -> tuple[list[tuple[str, ...]], list[str], list[str]]:
    """The member combinations to read, their partition keys, and the dimensions they combine."""
    model = indexed.model
    # Dimensions constrained to every member they have constrain nothing; dropping them reads less.
    selected = {
        dimension: tuple(dict.fromkeys(members))
        for dimension, members in constraints.items()
        if members and set(members) != set(model.dimensions[dimension])
    }
    if group_by is not None and group_by not in selected:
        selected[group_by] = model.dimensions[group_by]
    dimensions = sorted(selected, key=indexed.positions.__getitem__)
    tuples = list(itertools.product(*(selected[d] for d in dimensions)))
    partitions = [
        partition_key(
            version=model.version,
            dimensions=[indexed.positions[d] for d in dimensions],
            members=[indexed.codes[d][m] for d, m in zip(dimensions, members, strict=True)],
        )
        for members in tuples
    ]
    return tuples, partitions, dimensions


@dataclass(frozen=True)
class _Rollups:
    """The rollup slices some queries need, read at once; ``add`` sums a span's pieces of one partition."""

    fields: tuple[str, ...]
    first_year: int
    arrays: Mapping[tuple[str, str, str], np.ndarray]

    @classmethod
    def read(cls, *, tenant: TenantContext, model: SemanticModel, keys: set[tuple[str, Piece]]) -> _Rollups:
        fields = fields_of(model.columns)
        items = get_binaries(
            tenant=tenant,
            keys=[(pk, piece.sk) for pk, piece in keys],
            attributes=sorted({piece.attribute for _, piece in keys}),
        )
        arrays = {
            (pk, sk, attribute): decode_values(data, field_count=len(fields))
            for (pk, sk), attributes in items.items()
            for attribute, data in attributes.items()
        }
        return cls(fields=fields, first_year=model.first_date.year, arrays=arrays)

    def zeros(self) -> np.ndarray:
        return np.zeros(len(self.fields))

    def add(self, partition: str, pieces: list[Piece], *, into: np.ndarray) -> None:
        for piece in pieces:
            values = self.arrays.get((partition, piece.sk, piece.attribute))
            if values is not None:  # no item: no facts there
                offset = self.first_year if piece.grain == "year" else 0
                into += values[:, piece.lo - offset : piece.hi - offset].sum(axis=1)

    def cell(self, key: str | None, sums: np.ndarray, *, start: date | None = None, end: date | None = None) -> Cell:
        values = {name: float(value) for name, value in zip(self.fields, sums.tolist(), strict=True)}
        facts = round(values.pop(FACTS))
        return Cell(key=key, sums=MappingProxyType(values), facts=facts, start=start, end=end)
