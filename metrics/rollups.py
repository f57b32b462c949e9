"""Pre-aggregated rollups: the summable measures by grain × every combination of dimensions.

Layout in the tenant's table (versions are immutable, so nothing here is ever updated):

- one partition per (version, dimension set, member tuple):
  ``pk = R#{version}#{dimension positions}#{member positions}``, e.g. ``R#v…#0.2#3.17`` for
  the 4th member of the 1st dimension and the 18th of the 3rd; the empty set is ``R#v…##``.
  Positions index the version's semantic model (dimensions in column order,
  members sorted), so any member name — with ``#``, ``|``, spaces, any script,
  any length — gives a short, safe key.
- one item per bucket year in it, ``sk = y#2025``, and one of all years, ``sk = all``.
  Each grain is an attribute of float64 little-endian values, shape (fields,
  slots), fields being the dataset's measures then ``FACTS``, the number of fact
  rows (so "no facts" can be told from "sold nothing"): ``w`` (53 slots, by ISO
  week; ISO year 2025's weeks are in ``y#2025``), ``m`` (12 months), ``q`` (4
  quarters), ``d01``…``d12`` (31 slots, by day of month; only months with data)
  and, in ``all``, ``y`` (one slot per year from the dataset's first year).

Few items make imports fast (DynamoDB's cost per item dominates writing), and a
query projects only the attributes it needs, so what it reads stays small.
A query reads (member combinations × years) items, whatever the dataset's size.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import numpy as np

from metrics.csv_validation import ParsedDataset
from metrics.periods import GRAIN_ATTRIBUTES, GRAINS, day_attribute, rollup_sk

ROLLUP_PK_PREFIX = "R#"
FACTS = "_facts"
DAYS_OF_MONTH = 31
SLOTS: dict[str, int] = {"day": 12 * DAYS_OF_MONTH, "week": 53, "month": 12, "quarter": 4}
VALUE_DTYPE = np.dtype("<f8")
# Above this many distinct combined codes, renumber densely so products of cardinalities cannot overflow.
_COMPACT_ABOVE = 1 << 40


@dataclass(frozen=True)
class RollupItem:
    pk: str
    sk: str
    attributes: dict[str, bytes]  # attribute name -> encoded values


def partition_key(*, version: str, dimensions: Sequence[int], members: Sequence[int]) -> str:
    return f"{ROLLUP_PK_PREFIX}{version}#{'.'.join(map(str, dimensions))}#{'.'.join(map(str, members))}"


def fields_of(measures: Sequence[str]) -> tuple[str, ...]:
    return (*measures, FACTS)


def decode_values(data: bytes, *, field_count: int) -> np.ndarray:
    return np.frombuffer(data, dtype=VALUE_DTYPE).reshape(field_count, -1)


def iter_rollups(parsed: ParsedDataset, *, version: str) -> Iterator[RollupItem]:
    """Every rollup item of ``parsed``, one dimension set at a time (memory stays bounded)."""
    calendar = _Calendar(parsed.days)
    weights = np.column_stack([parsed.values, np.ones(parsed.row_count)])
    for partition, prefixes in _dimension_sets(parsed, version=version):
        items: dict[tuple[int, str], dict[str, bytes]] = {}
        for grain in GRAINS:
            for part, sk, attributes in _grain_attributes(grain, partition, weights, calendar):
                items.setdefault((part, sk), {}).update(attributes)
        for (part, sk), attributes in items.items():
            yield RollupItem(pk=prefixes[part], sk=sk, attributes=attributes)


def _dimension_sets(parsed: ParsedDataset, *, version: str) -> Iterator[tuple[np.ndarray, list[str]]]:
    """For every combination of dimensions: each row's partition (dense ids) and each partition's key."""
    cardinalities = [len(parsed.members[name]) for name in parsed.dimensions]
    for size in range(len(parsed.dimensions) + 1):
        for dimension_set in combinations(range(len(parsed.dimensions)), size):
            partition, first_row = _partitions(parsed.codes, dimension_set, cardinalities)
            members = parsed.codes[np.ix_(first_row, list(dimension_set))].tolist()
            yield partition, [
                partition_key(version=version, dimensions=dimension_set, members=row) for row in members
            ]


class _Calendar:
    """Bucket (which item) and slot of every row for every grain, computed once per distinct day."""

    def __init__(self, days: np.ndarray) -> None:
        distinct, row_day = np.unique(days, return_inverse=True)
        dates = [date.fromordinal(int(ordinal)) for ordinal in distinct]
        iso = [d.isocalendar() for d in dates]
        per_day = {
            "day": ([d.year for d in dates], [(d.month - 1) * DAYS_OF_MONTH + d.day - 1 for d in dates]),
            "week": ([c[0] for c in iso], [c[1] - 1 for c in iso]),
            "month": ([d.year for d in dates], [d.month - 1 for d in dates]),
            "quarter": ([d.year for d in dates], [(d.month - 1) // 3 for d in dates]),
        }
        first_year = dates[0].year
        per_day["year"] = ([0] * len(dates), [d.year - first_year for d in dates])
        self.slots = {**SLOTS, "year": dates[-1].year - first_year + 1}
        self.bucket: dict[str, np.ndarray] = {}
        self.slot: dict[str, np.ndarray] = {}
        for grain, (buckets, slots) in per_day.items():
            self.bucket[grain] = np.asarray(buckets, dtype=np.int64)[row_day]
            self.slot[grain] = np.asarray(slots, dtype=np.int64)[row_day]


def _partitions(
    codes: np.ndarray, dimension_set: tuple[int, ...], cardinalities: list[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the partition it falls in (dense ids), and one row of each partition."""
    combined = np.zeros(codes.shape[0], dtype=np.int64)
    span = 1
    for dimension in dimension_set:
        if span * cardinalities[dimension] > _COMPACT_ABOVE:
            _, combined = np.unique(combined, return_inverse=True)
            span = int(combined.max()) + 1
        combined = combined * cardinalities[dimension] + codes[:, dimension]
        span *= cardinalities[dimension]
    _, first_row, partition = np.unique(combined, return_index=True, return_inverse=True)
    return partition.reshape(-1), first_row


def _grain_attributes(
    grain: str, partition: np.ndarray, weights: np.ndarray, calendar: _Calendar
) -> Iterator[tuple[int, str, dict[str, bytes]]]:
    """(partition, item sort key, attributes) of one grain's sums."""
    bucket, slot, slots = calendar.bucket[grain], calendar.slot[grain], calendar.slots[grain]
    low = int(bucket.min())
    span = int(bucket.max()) - low + 1
    items, item_of_row = np.unique(partition * span + (bucket - low), return_inverse=True)
    cell = item_of_row.reshape(-1) * slots + slot
    size = len(items) * slots
    sums = np.empty((len(items), weights.shape[1], slots), dtype=VALUE_DTYPE)
    for field in range(weights.shape[1]):
        sums[:, field, :] = np.bincount(cell, weights=weights[:, field], minlength=size).reshape(len(items), slots)
    for index, item in enumerate(items.tolist()):
        part, offset = divmod(item, span)
        sk = rollup_sk(None if grain == "year" else low + offset)
        if grain == "day":
            months = sums[index].reshape(weights.shape[1], 12, DAYS_OF_MONTH)
            attributes = {
                day_attribute(month + 1): months[:, month, :].tobytes()
                for month in range(12)
                if months[-1, month, :].any()  # the FACTS field: months without facts are left out
            }
        else:
            attributes = {GRAIN_ATTRIBUTES[grain]: sums[index].tobytes()}
        yield part, sk, attributes
