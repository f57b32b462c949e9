"""Validating a dataset's columns and values, all or nothing, naming the line and column at fault.

Accepted shape: a header; a ``date`` column (YYYY-MM-DD, within the settings'
range); every other column is a measure if all its non-empty values are
numbers, else a dimension, unless the import names its role. A measure column
whose name the catalogue knows (``revenue``…) is that catalogue measure (and
must hold numbers); any other is named after the column in snake_case. A blank measure cell counts as
0 (spreadsheets leave zeros out); a blank dimension cell is refused (it would
be a member with no name). Rows that share a date and members (an export of
orders or deals, one row each) are added together: every measure is summable,
so the day's total is the same either way, and the stored facts hold one row
per date and combination of members.

The result is the version's facts as an Arrow table ready to be written as
Parquet: ``date`` (date32), the dimensions (text, named as written) and the
measure columns (float64, named as their measures), sorted by date.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from metrics.errors import InvalidDataset
from metrics.measures import CATALOGUE, SUMMABLE, snake_case
from metrics.reading import RawTable

DATE_COLUMN = "date"
MAX_NAME_LENGTH = 200
# A refusal quotes at most this much of a cell: until a cell is found to be no date or number its text has
# no bound (a CSV value may run to megabytes), and the message is stored in the import job's one item.
QUOTED_CHARS = 60
NUMBER = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"


class Role:
    DATE = "date"
    DIMENSION = "dimension"
    MEASURE = "measure"


@dataclass(frozen=True)
class ColumnRole:
    column: str  # as written in the file
    role: str
    name: str  # the dimension's or measure's name

    def as_json(self) -> dict[str, str]:
        return {"column": self.column, "role": self.role, "name": self.name}


@dataclass(frozen=True)
class Limits:
    max_columns: int
    max_rows: int
    max_members: int
    min_date: date
    max_date: date


@dataclass(frozen=True)
class Facts:
    table: pa.Table
    roles: tuple[ColumnRole, ...]
    members: dict[str, tuple[str, ...]]  # dimension → its members, sorted
    measure_columns: dict[str, str]  # measure name → column as written
    first_date: date
    last_date: date
    added_together: int  # the file's rows that shared a date and members with an earlier row

    @property
    def row_count(self) -> int:
        """The rows stored: one per date and combination of members."""
        return self.table.num_rows

    @property
    def file_rows(self) -> int:
        return self.table.num_rows + self.added_together


def validate(
    raw: RawTable, *, limits: Limits, dimensions: Sequence[str] = (), measures: Sequence[str] = ()
) -> Facts:
    """The validated facts of ``raw``; ``dimensions`` / ``measures`` name columns whose role is forced."""
    header = _check_header(raw.header, limits)
    rows = raw.row_count
    if rows == 0:
        raise InvalidDataset("The file has a header but no rows.", line=2)
    if rows > limits.max_rows:
        raise InvalidDataset(f"The file has {rows:,} rows; the limit is {limits.max_rows:,}.")
    forced = _forced_roles(header, dimensions=dimensions, measures=measures)
    date_index = [name.casefold() for name in header].index(DATE_COLUMN)
    days = _dates(raw.columns[date_index], raw.line_of, header[date_index], limits)

    roles = [ColumnRole(column=header[date_index], role=Role.DATE, name=DATE_COLUMN)]
    arrays: dict[str, pa.Array] = {DATE_COLUMN: days}
    members: dict[str, tuple[str, ...]] = {}
    measure_columns: dict[str, str] = {}
    for index, column in enumerate(header):
        if index == date_index:
            continue
        text = pc.utf8_trim_whitespace(raw.columns[index])
        empty = pc.equal(text, pa.scalar(""))
        numbers = pc.or_(empty, pc.match_substring_regex(text, NUMBER))
        # A catalogue name (revenue…) is a measure unless said otherwise: a stray "$12" in it is an error, not a
        # reason to make revenue a dimension.
        numeric = pc.all(numbers).as_py() is not False
        role = forced.get(index) or (Role.MEASURE if numeric or snake_case(column) in SUMMABLE else Role.DIMENSION)
        if role == Role.MEASURE:
            name = _measure_name(column, taken=arrays)
            arrays[name] = _measure(text, empty, numbers, raw.line_of, column)
            measure_columns[name] = column
        else:
            if column in arrays:
                raise InvalidDataset("Two columns would have this name.", line=1, column=column)
            arrays[column] = _dimension(text, empty, raw.line_of, column)
            members[column] = ()
        roles.append(ColumnRole(column=column, role=role, name=name if role == Role.MEASURE else column))
    if not measure_columns:
        raise InvalidDataset("There are no measure columns; at least one column must hold only numbers.", line=1)

    table, added_together = _add_repeats_together(pa.table(arrays), dimensions=list(members),
                                                  measures=list(measure_columns))
    total = 0
    for dimension in members:
        values = sorted(table.column(dimension).chunk(0).dictionary.to_pylist())
        total += len(values)
        if total > limits.max_members:
            raise InvalidDataset(
                f"The dimensions have more than {limits.max_members:,} distinct members in all "
                f"({dimension!r} alone has {len(values):,}); is one of them an id that should be a measure, "
                "or left out?", column=dimension,
            )
        members[dimension] = tuple(values)
    stored = table.column(DATE_COLUMN)
    if not pc.all(pc.greater_equal(stored[1:], stored[:-1])).as_py():  # files are mostly in date order already
        table = table.sort_by(DATE_COLUMN)
    first, last = pc.min_max(days).values()
    return Facts(table=table, roles=tuple(roles), members=members, measure_columns=measure_columns,
                 first_date=first.as_py(), last_date=last.as_py(), added_together=added_together)


def _check_header(header: list[str], limits: Limits) -> list[str]:
    names = [name.strip() for name in header]
    if len(names) > limits.max_columns:
        raise InvalidDataset(f"The file has {len(names)} columns; the limit is {limits.max_columns}.", line=1)
    seen: set[str] = set()
    for position, name in enumerate(names, start=1):
        if not name:
            raise InvalidDataset(f"Column {position} has no name.", line=1)
        if len(name) > MAX_NAME_LENGTH:
            raise InvalidDataset(f"Column {position}'s name is longer than {MAX_NAME_LENGTH} characters.", line=1)
        if name.casefold() in seen:
            raise InvalidDataset("This column name appears twice.", line=1, column=name)
        seen.add(name.casefold())
    if DATE_COLUMN not in seen:
        raise InvalidDataset(f"There is no {DATE_COLUMN!r} column; found {', '.join(names)}.", line=1)
    return names


def _forced_roles(header: list[str], *, dimensions: Sequence[str], measures: Sequence[str]) -> dict[int, str]:
    by_name = {}
    for index, column in enumerate(header):
        by_name.setdefault(column.casefold(), index)
        by_name.setdefault(snake_case(column), index)
    forced: dict[int, str] = {}
    for names, role in ((dimensions, Role.DIMENSION), (measures, Role.MEASURE)):
        for name in names:
            index = by_name.get(name.strip().casefold(), by_name.get(snake_case(name)))
            if index is None:
                raise InvalidDataset(f"{name!r} names no column of the file; it has {', '.join(header)}.")
            if header[index].casefold() == DATE_COLUMN:
                raise InvalidDataset(f"The {DATE_COLUMN!r} column is neither a dimension nor a measure.")
            if forced.get(index, role) != role:
                raise InvalidDataset("This column is named both a dimension and a measure.", column=header[index])
            forced[index] = role
    return forced


def _first(mask: pa.Array) -> int:
    return int(pc.index(mask, pa.scalar(True)).as_py())


def _dates(column: pa.Array, line_of: Callable[[int], int], name: str, limits: Limits) -> pa.Array:
    text = pc.utf8_trim_whitespace(column)
    shaped = pc.if_else(pc.match_substring_regex(text, r"^\d{4}-\d{2}-\d{2}$"), text, pa.scalar("0000-00-00"))
    parsed = pc.strptime(shaped, format="%Y-%m-%d", unit="s", error_is_null=True)
    # strptime rolls 2023-02-30 over to March: a date is valid only if its month and day are the ones written.
    written_month = pc.cast(pc.utf8_slice_codeunits(shaped, 5, 7), pa.int64())
    written_day = pc.cast(pc.utf8_slice_codeunits(shaped, 8, 10), pa.int64())
    valid = pc.coalesce(pc.and_(pc.equal(pc.month(parsed), written_month), pc.equal(pc.day(parsed), written_day)),
                        pa.scalar(False))
    if not pc.all(valid).as_py():
        bad = _first(pc.invert(valid))
        raise InvalidDataset(f"{_quoted(column[bad].as_py())} is not a date; write dates as YYYY-MM-DD.",
                             line=line_of(bad), column=name)
    days = pc.cast(parsed, pa.date32())
    outside = pc.or_(pc.less(days, pa.scalar(limits.min_date)), pc.greater(days, pa.scalar(limits.max_date)))
    if pc.any(outside).as_py():
        bad = _first(outside)
        raise InvalidDataset(
            f"{_quoted(column[bad].as_py())} is outside the dates a dataset may hold "
            f"({limits.min_date.isoformat()} to {limits.max_date.isoformat()}).",
            line=line_of(bad), column=name,
        )
    return days


def _quoted(text: str) -> str:
    return repr(text) if len(text) <= QUOTED_CHARS else f"{text[:QUOTED_CHARS]!r}… ({len(text):,} characters)"


def _measure_name(column: str, *, taken: dict[str, Any]) -> str:
    name = snake_case(column)
    if not name:
        raise InvalidDataset("This column's name has no letters or digits to name a measure.", line=1, column=column)
    if name in CATALOGUE and CATALOGUE[name].derived:
        raise InvalidDataset(
            f"A column may not be called {name!r}: the catalogue computes it from "
            f"{' and '.join(CATALOGUE[name].computation.operands)}. Rename the column.", line=1, column=column,
        )
    if name in taken or name == DATE_COLUMN:
        raise InvalidDataset(f"Two columns would make the measure {name!r}; rename one.", line=1, column=column)
    return name


def _measure(
    text: pa.Array, empty: pa.Array, numbers: pa.Array, line_of: Callable[[int], int], column: str
) -> pa.Array:
    if not pc.all(numbers).as_py():
        bad = _first(pc.invert(numbers))
        raise InvalidDataset(
            f"{_quoted(text[bad].as_py())} is not a number; write plain numbers such as 1234.5 "
            "(no currency signs or thousands separators).", line=line_of(bad), column=column,
        )
    values = pc.cast(pc.if_else(empty, pa.scalar("0"), text), pa.float64())
    finite = pc.is_finite(values)
    if not pc.all(finite).as_py():
        bad = _first(pc.invert(finite))
        raise InvalidDataset(f"{_quoted(text[bad].as_py())} is not a finite number.", line=line_of(bad), column=column)
    return values


def _dimension(text: pa.Array, empty: pa.Array, line_of: Callable[[int], int], column: str) -> pa.Array:
    if pc.any(empty).as_py():
        raise InvalidDataset("The value is empty; every row needs a member of each dimension.",
                             line=line_of(_first(empty)), column=column)
    long = pc.greater(pc.utf8_length(text), pa.scalar(MAX_NAME_LENGTH))
    if pc.any(long).as_py():
        raise InvalidDataset(f"The value is longer than {MAX_NAME_LENGTH} characters.",
                             line=line_of(_first(long)), column=column)
    # Members once each, rows as small integer codes: what repeated rows are grouped on and Parquet stores.
    return text.dictionary_encode()


def _add_repeats_together(
    table: pa.Table, *, dimensions: list[str], measures: list[str]
) -> tuple[pa.Table, int]:
    """One row per date and members, each measure the sum of its rows'; returns it and the rows folded in.

    Grouped on the dimensions' integer codes in one columnar pass (no per-row Python), under positional names:
    a dimension called ``revenue_sum`` must not meet the aggregate of ``revenue``.
    """
    keys = [f"k{i}" for i in range(len(dimensions) + 1)]
    sums = [f"m{i}" for i in range(len(measures))]
    keyed = pa.table(
        [table.column(DATE_COLUMN), *(table.column(d).chunk(0).indices for d in dimensions),
         *(table.column(m) for m in measures)],
        names=[*keys, *sums],
    )
    # One pass sums and counts the groups at once; blank cells are 0 by now, as in a lone row, and min_count=1
    # keeps a group whose every value is missing missing rather than 0.
    grouped = keyed.group_by(keys, use_threads=False).aggregate(
        [(m, "sum", pc.ScalarAggregateOptions(skip_nulls=True, min_count=1)) for m in sums]
    )
    if grouped.num_rows == table.num_rows:
        return table, 0  # no repeats: the file's own columns, untouched
    # use_threads=False keeps the groups in the order their first rows came: a dated file stays in date order.
    columns = {DATE_COLUMN: grouped.column(keys[0])}
    for key, dimension in zip(keys[1:], dimensions, strict=True):
        columns[dimension] = pa.DictionaryArray.from_arrays(
            grouped.column(key).combine_chunks(), table.column(dimension).chunk(0).dictionary
        )
    for name, measure in zip(sums, measures, strict=True):
        columns[measure] = grouped.column(f"{name}_sum")
    return pa.table({name: columns[name] for name in table.column_names}), table.num_rows - grouped.num_rows
