"""Reading a dataset CSV into validated columns, or refusing it with the line and column at fault.

The whole file is checked before anything is written, so an import is all or
nothing. Accepted shape: a header row; a ``date`` column (YYYY-MM-DD); any
number of text dimension columns; measure columns among ``SUMMABLE`` (at least
one). Header names of ``date`` and the measures match case-insensitively;
dimension names are kept as written. A UTF-8 byte-order mark is ignored. A
blank measure cell counts as 0 (spreadsheets leave zeros out); a blank
dimension cell is refused (it would be a member with no name).
"""
from __future__ import annotations

import csv
import io
import math
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

import numpy as np

from metrics.errors import InvalidDataset
from metrics.measures import SUMMABLE

DATE_COLUMN = "date"
MAX_DIMENSIONS = 6  # rollups cover every combination of dimensions: 2**6 = 64 of them
MAX_MEMBER_LENGTH = 200
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PROGRESS_EVERY = 20_000

RowProgress = Callable[[int], None]


@dataclass(frozen=True)
class ParsedDataset:
    """Validated facts as columns. Member codes index ``members[dimension]``, which is sorted."""

    dimensions: tuple[str, ...]
    measures: tuple[str, ...]
    members: dict[str, tuple[str, ...]]
    days: np.ndarray  # int64 proleptic ordinals, one per row
    codes: np.ndarray  # int64, shape (rows, dimensions)
    values: np.ndarray  # float64, shape (rows, measures)

    @property
    def row_count(self) -> int:
        return int(self.days.shape[0])

    @property
    def first_date(self) -> date:
        return date.fromordinal(int(self.days.min()))

    @property
    def last_date(self) -> date:
        return date.fromordinal(int(self.days.max()))


def file_size(stream: BinaryIO) -> int:
    position = stream.tell()
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(position)
    return size


def parse_dataset(stream: BinaryIO, *, max_bytes: int, on_rows: RowProgress | None = None) -> ParsedDataset:
    """Validate the CSV in ``stream`` (binary, seekable) and return its facts; raises ``InvalidDataset``."""
    size = file_size(stream)
    if size > max_bytes:
        raise InvalidDataset(f"The file is {size:,} bytes; the limit is {max_bytes:,} bytes.")
    if size == 0:
        raise InvalidDataset("The file is empty.")
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    try:
        try:
            header = next(reader)
        except StopIteration:
            raise InvalidDataset("The file is empty.") from None
        layout = _Layout.from_header(header)
        parsed = _read_rows(reader, layout, on_rows)
    except UnicodeDecodeError as exc:
        line, column = _first_undecodable(stream)
        raise InvalidDataset(
            f"The file is not UTF-8 text (byte {column} of this line cannot be decoded); save it as UTF-8 CSV.",
            line=line,
        ) from exc
    except csv.Error as exc:
        raise InvalidDataset(f"Malformed CSV: {exc}.", line=reader.line_num) from exc
    finally:
        text.detach()  # leave the caller's stream open
    return parsed


def _first_undecodable(stream: BinaryIO) -> tuple[int, int]:
    """Line and 1-based byte position of the first bytes that are not UTF-8 (text is decoded in blocks)."""
    stream.seek(0)
    for number, raw in enumerate(stream, start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return number, exc.start + 1
    return 1, 1


@dataclass(frozen=True)
class _Layout:
    width: int
    date_index: int
    dimensions: tuple[tuple[int, str], ...]
    measures: tuple[tuple[int, str], ...]  # in SUMMABLE order

    @classmethod
    def from_header(cls, header: list[str]) -> _Layout:
        names = [name.strip() for name in header]
        if not any(names):
            raise InvalidDataset("The first line is empty; it should name the columns.", line=1)
        if len(names) == 1:
            for delimiter, label in ((";", "semicolons"), ("\t", "tabs")):
                if delimiter in names[0]:
                    raise InvalidDataset(
                        f"The columns are separated by {label}; save the file with commas as separators.", line=1
                    )
        seen: set[str] = set()
        for position, name in enumerate(names, start=1):
            if not name:
                raise InvalidDataset(f"Column {position} has no name.", line=1)
            if len(name) > MAX_MEMBER_LENGTH:
                raise InvalidDataset(f"Column {position}'s name is longer than {MAX_MEMBER_LENGTH} characters.", line=1)
            folded = name.casefold()
            if folded in seen:
                raise InvalidDataset("This column name appears twice.", line=1, column=name)
            seen.add(folded)
        folded_names = [name.casefold() for name in names]
        if DATE_COLUMN not in folded_names:
            raise InvalidDataset(f"There is no {DATE_COLUMN!r} column; found {', '.join(names)}.", line=1)
        measures = tuple(
            (folded_names.index(measure), measure) for measure in SUMMABLE if measure in folded_names
        )
        if not measures:
            raise InvalidDataset(
                f"There are no measure columns; name at least one of {', '.join(SUMMABLE)}.", line=1
            )
        measure_indexes = {index for index, _ in measures}
        date_index = folded_names.index(DATE_COLUMN)
        dimensions = tuple(
            (index, name)
            for index, name in enumerate(names)
            if index != date_index and index not in measure_indexes
        )
        if len(dimensions) > MAX_DIMENSIONS:
            raise InvalidDataset(
                f"There are {len(dimensions)} dimension columns ({', '.join(n for _, n in dimensions)}); "
                f"at most {MAX_DIMENSIONS} are supported.",
                line=1,
            )
        return cls(width=len(names), date_index=date_index, dimensions=dimensions, measures=measures)


def _read_rows(reader: csv.Reader, layout: _Layout, on_rows: RowProgress | None) -> ParsedDataset:
    # Columns grow as compact arrays: a million rows stay a few tens of megabytes.
    days = array("q")
    lines = array("q")
    codes = [array("q") for _ in layout.dimensions]
    values = [array("d") for _ in layout.measures]
    member_codes: list[dict[str, int]] = [{} for _ in layout.dimensions]
    day_cache: dict[str, int] = {}
    date_name = DATE_COLUMN
    for row in reader:
        line = reader.line_num
        if len(row) != layout.width:
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # a blank line
            raise InvalidDataset(f"This line has {len(row)} fields; the header has {layout.width}.", line=line)
        raw_day = row[layout.date_index]
        ordinal = day_cache.get(raw_day)
        if ordinal is None:
            ordinal = _parse_day(raw_day, line=line, column=date_name)
            day_cache[raw_day] = ordinal
        days.append(ordinal)
        lines.append(line)
        for (index, name), column, known in zip(layout.dimensions, codes, member_codes, strict=True):
            member = row[index].strip()
            code = known.get(member)
            if code is None:
                if not member:
                    raise InvalidDataset("The value is empty; every row needs a member of each dimension.",
                                         line=line, column=name)
                if len(member) > MAX_MEMBER_LENGTH:
                    raise InvalidDataset(f"The value is longer than {MAX_MEMBER_LENGTH} characters.",
                                         line=line, column=name)
                code = known[member] = len(known)
            column.append(code)
        for (index, name), column in zip(layout.measures, values, strict=True):
            column.append(_parse_measure(row[index], line=line, column=name))
        if on_rows is not None and len(days) % PROGRESS_EVERY == 0:
            on_rows(PROGRESS_EVERY)
    if not days:
        raise InvalidDataset("The file has a header but no rows.", line=2)
    if on_rows is not None:
        on_rows(len(days) % PROGRESS_EVERY)

    dimensions = tuple(name for _, name in layout.dimensions)
    members: dict[str, tuple[str, ...]] = {}
    code_columns = []
    for name, column, known in zip(dimensions, codes, member_codes, strict=True):
        # Re-number members in sorted order, so codes are positions in the semantic model's lists.
        ordered = sorted(known)
        renumber = np.empty(len(known), dtype=np.int64)
        for position, member in enumerate(ordered):
            renumber[known[member]] = position
        members[name] = tuple(ordered)
        code_columns.append(renumber[np.frombuffer(column, dtype=np.int64)])
    parsed = ParsedDataset(
        dimensions=dimensions,
        measures=tuple(name for _, name in layout.measures),
        members=members,
        days=np.frombuffer(days, dtype=np.int64),
        codes=np.column_stack(code_columns) if code_columns else np.empty((len(days), 0), dtype=np.int64),
        values=np.column_stack([np.frombuffer(column, dtype=np.float64) for column in values]),
    )
    _refuse_duplicates(parsed, np.frombuffer(lines, dtype=np.int64))
    return parsed


def _parse_day(raw: str, *, line: int, column: str) -> int:
    text = raw.strip()
    try:
        if not ISO_DATE.fullmatch(text):
            raise ValueError
        return date.fromisoformat(text).toordinal()
    except ValueError:
        raise InvalidDataset(f"{raw!r} is not a date; write dates as YYYY-MM-DD.", line=line, column=column) from None


def _parse_measure(raw: str, *, line: int, column: str) -> float:
    text = raw.strip()
    if not text:
        return 0.0
    try:
        value = float(text)
    except ValueError:
        raise InvalidDataset(
            f"{raw!r} is not a number; write plain numbers such as 1234.5 (no currency signs or thousands separators).",
            line=line,
            column=column,
        ) from None
    if not math.isfinite(value):
        raise InvalidDataset(f"{raw!r} is not a finite number.", line=line, column=column)
    if value < 0:
        raise InvalidDataset(f"{raw!r} is negative; measures must be zero or more.", line=line, column=column)
    return value


def _refuse_duplicates(parsed: ParsedDataset, lines: np.ndarray) -> None:
    """Two rows for the same date and members would be summed silently; name both lines instead."""
    keys = np.column_stack([parsed.days, parsed.codes])
    order = np.lexsort(keys.T[::-1])
    ordered = keys[order]
    same = np.all(ordered[1:] == ordered[:-1], axis=1)
    if not same.any():
        return
    first = int(np.argmax(same))
    a, b = sorted((int(lines[order[first]]), int(lines[order[first + 1]])))
    row = order[first]
    members = ", ".join(
        f"{name}={parsed.members[name][int(parsed.codes[row, i])]!r}" for i, name in enumerate(parsed.dimensions)
    )
    when = date.fromordinal(int(parsed.days[row])).isoformat()
    raise InvalidDataset(
        f"This row repeats line {a} (date {when}{', ' + members if members else ''}); "
        "each date and combination of members may appear once.",
        line=b,
    )

