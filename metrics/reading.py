"""Reading an uploaded dataset file (CSV, Excel .xlsx or Parquet) into one table of text columns.

Every format becomes the same thing, a header and text cells, so one
validation (``metrics.validation``) decides roles and refuses bad values for
all of them. The format is told by the file's first bytes, not its name. A
``RawTable`` knows the line (the spreadsheet row) of each of its rows, so
errors can name it.

Each reader refuses a file wider than ``max_columns`` (or, where the format says its length up front or
is read row by row, longer than ``max_rows``) before building its table: a few kilobytes can declare a
million columns (a CSV header of commas, an Excel sheet's dimension) and cost gigabytes or hours if read
first and counted after.
"""
from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, BinaryIO

from metrics.errors import InvalidDataset

if TYPE_CHECKING:
    import pyarrow as pa

PARQUET_MAGIC = b"PAR1"
ZIP_MAGIC = b"PK\x03\x04"  # .xlsx is a zip archive
# A header line may hold this many bytes per allowed column (names are at most 200 characters, quoted).
HEADER_BYTES_PER_COLUMN = 1024
# A workbook's parts, as its zip directory declares them (zipfile reads no byte past a declared size): sheet
# XML deflates some 5-15 times (a sheet of one repeated row: 14), so a part expanding 100 times is a bomb,
# and openpyxl holds the shared strings and every cell's text in memory whatever the row limit. Parts under
# a megabyte are never bombs; a full sheet (1,048,576 rows of 20 columns) expands to about 1 GB.
MAX_XLSX_RATIO = 100
XLSX_RATIO_FLOOR_BYTES = 1024 * 1024
MAX_XLSX_EXPANDED_BYTES = 4 * 1024**3
# A Parquet file's text once decoded: a few long members, dictionary-encoded over millions of rows, decode
# to gigabytes from kilobytes (218 KB to 2 GB for 1,000,000 rows of one 2,000-character member).
MAX_PARQUET_TEXT_BYTES = 1024**3


@dataclass(frozen=True)
class RawTable:
    header: list[str]
    columns: list[pa.Array]  # text, one per header name; "" where a cell is empty
    line_of: Callable[[int], int]  # row index → the line (or sheet row) a person would look at

    @property
    def row_count(self) -> int:
        return len(self.columns[0]) if self.columns else 0


def file_size(stream: BinaryIO) -> int:
    position = stream.tell()
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(position)
    return size


def read_table(stream: BinaryIO, *, max_columns: int, max_rows: int) -> RawTable:
    """The file in ``stream`` (binary, seekable) as text columns; raises ``InvalidDataset`` if it cannot be read."""
    stream.seek(0)
    magic = stream.read(4)
    stream.seek(0)
    if magic == PARQUET_MAGIC:
        return _read_parquet(stream, max_columns=max_columns, max_rows=max_rows)
    if magic == ZIP_MAGIC:
        return _read_xlsx(stream, max_columns=max_columns, max_rows=max_rows)
    return _read_csv(stream, max_columns=max_columns)


def _check_width(columns: int, *, max_columns: int) -> None:
    if columns > max_columns:
        raise InvalidDataset(f"The file has {columns:,} columns; the limit is {max_columns}.", line=1)


def _too_many_rows(*, max_rows: int, rows: int | None = None) -> InvalidDataset:
    counted = f"{rows:,}" if rows is not None else f"more than {max_rows:,}"
    return InvalidDataset(f"The file has {counted} rows; the limit is {max_rows:,}.")


# --- CSV ---------------------------------------------------------------------------------------------------
def _read_csv(stream: BinaryIO, *, max_columns: int) -> RawTable:
    # pyarrow is imported by the readers only: a cold Lambda serving queries never loads it.
    import pyarrow as pa
    import pyarrow.csv as pacsv

    header = _csv_header(stream, max_columns=max_columns)
    try:
        table = pacsv.read_csv(
            stream,
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1, block_size=1 << 22),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(header, pa.string()), strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        # Find what is wrong the slow way, to name its line; only a broken file pays for it.
        _locate_csv_error(stream, width=len(header))
        raise InvalidDataset(f"Malformed CSV: {exc}.") from exc
    finally:
        stream.seek(0)
    lines = _csv_lines(stream) if _has_blank_or_multiline_rows(stream, table.num_rows) else None
    return RawTable(
        header=header,
        columns=[table.column(i).combine_chunks() for i in range(table.num_columns)],
        line_of=(lambda i: int(lines[i])) if lines is not None else (lambda i: i + 2),
    )


def _csv_header(stream: BinaryIO, *, max_columns: int) -> list[str]:
    most_bytes = max_columns * HEADER_BYTES_PER_COLUMN
    first = stream.readline(most_bytes + 1)
    stream.seek(0)
    if len(first) > most_bytes and not first.endswith(b"\n"):
        # Never split into fields: a line of a million commas is a list of a million strings.
        raise InvalidDataset(f"The first line is longer than {most_bytes:,} bytes; it should name at most "
                             f"{max_columns} columns.", line=1)
    try:
        text = first.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidDataset(
            f"The file is not UTF-8 text (byte {exc.start + 1} of this line cannot be decoded); save it as UTF-8 CSV.",
            line=1,
        ) from exc
    try:
        header = next(csv.reader([text]), [])
    except csv.Error as exc:
        raise InvalidDataset(f"Malformed CSV: {exc}.", line=1) from exc
    _check_width(len(header), max_columns=max_columns)
    if not any(name.strip() for name in header):
        raise InvalidDataset("The file is empty." if not first.strip() else
                             "The first line is empty; it should name the columns.", line=None if not first else 1)
    if len(header) == 1:
        for delimiter, label in ((";", "semicolons"), ("\t", "tabs")):
            if delimiter in header[0]:
                raise InvalidDataset(
                    f"The columns are separated by {label}; save the file with commas as separators.", line=1
                )
    return header


def _text_lines(stream: BinaryIO) -> io.TextIOWrapper:
    stream.seek(0)
    return io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")


def _locate_csv_error(stream: BinaryIO, *, width: int) -> None:
    text = _text_lines(stream)
    reader = csv.reader(text)
    try:
        next(reader, None)
        for row in reader:
            if len(row) != width and row and not (len(row) == 1 and not row[0].strip()):
                raise InvalidDataset(f"This line has {len(row)} fields; the header has {width}.",
                                     line=reader.line_num)
    except UnicodeDecodeError as exc:
        line, column = _first_undecodable(stream)
        raise InvalidDataset(
            f"The file is not UTF-8 text (byte {column} of this line cannot be decoded); save it as UTF-8 CSV.",
            line=line,
        ) from exc
    except csv.Error as exc:
        raise InvalidDataset(f"Malformed CSV: {exc}.", line=reader.line_num) from exc
    finally:
        text.detach()


def _first_undecodable(stream: BinaryIO) -> tuple[int, int]:
    """Line and 1-based byte position of the first bytes that are not UTF-8 (text is decoded in blocks)."""
    stream.seek(0)
    for number, raw in enumerate(stream, start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return number, exc.start + 1
    return 1, 1


def _has_blank_or_multiline_rows(stream: BinaryIO, rows: int) -> bool:
    """Whether rows and lines do not line up one to one (blank lines, values over several lines)."""
    stream.seek(0)
    newlines = 0
    while chunk := stream.read(1 << 22):
        newlines += chunk.count(b"\n")
    stream.seek(-1, io.SEEK_END)
    unterminated = stream.read(1) != b"\n"
    stream.seek(0)
    return newlines + int(unterminated) != rows + 1


def _csv_lines(stream: BinaryIO) -> list[int]:
    text = _text_lines(stream)
    reader = csv.reader(text)
    try:
        next(reader, None)
        return [reader.line_num for row in reader if row and not (len(row) == 1 and not row[0].strip())]
    except csv.Error as exc:  # a value past the csv module's field limit: no date, number or member is that long
        raise InvalidDataset(f"A value is longer than {csv.field_size_limit():,} characters; no value of a "
                             "dataset is.", line=reader.line_num) from exc
    finally:
        text.detach()
        stream.seek(0)


def _is_text(kind: pa.DataType) -> bool:
    import pyarrow as pa

    return pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_dictionary(kind)


def _chunks(metadata: Any) -> Iterator[Any]:
    for group in range(metadata.num_row_groups):
        row_group = metadata.row_group(group)
        yield from (row_group.column(column) for column in range(row_group.num_columns))


def _decoded_bytes(chunk: pa.DictionaryArray) -> int:
    """The bytes of a dictionary-encoded column once decoded: each row's value length, summed."""
    import pyarrow.compute as pc

    if not len(chunk) or not _is_text(chunk.dictionary.type):
        return 0
    return int(pc.sum(pc.take(pc.binary_length(chunk.dictionary), chunk.indices)).as_py() or 0)


def _check_text_bytes(size: int) -> None:
    if size > MAX_PARQUET_TEXT_BYTES:
        raise InvalidDataset(f"The file's text decodes to {size:,} bytes; at most {MAX_PARQUET_TEXT_BYTES:,} are read.")


# --- Excel -------------------------------------------------------------------------------------------------
def _read_xlsx(stream: BinaryIO, *, max_columns: int, max_rows: int) -> RawTable:
    import pyarrow as pa
    from openpyxl import load_workbook

    _check_expansion(stream)
    try:
        book = load_workbook(stream, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is no workbook
        raise InvalidDataset(f"The file looks like an Excel workbook but cannot be read ({exc}).") from exc
    try:
        sheet = book.worksheets[0]
        # The sheet's own claim of its size is the file's word, not its cells: a cell-less A1:XFD1048576
        # would pad every row to 16,384 cells and fill every gap with such rows. Rows end at their last cell.
        sheet.reset_dimensions()
        rows = sheet.iter_rows(values_only=True)
        header = [_cell_text(v) for v in next(rows, ())]
        while header and not header[-1]:
            header.pop()
        if not header:
            raise InvalidDataset("The first sheet is empty; its first row should name the columns.", line=1)
        width = len(header)
        _check_width(width, max_columns=max_columns)
        cells: list[list[str]] = [[] for _ in header]
        lines: list[int] = []
        for number, row in enumerate(rows, start=2):
            texts = [_cell_text(v) for v in row[:width]]
            beyond = row[width:]
            # Counting Nones first: a row may end far to the right, and most of it is empty.
            if beyond.count(None) < len(beyond) and any(_cell_text(v) for v in beyond):
                raise InvalidDataset(f"This row has values beyond the {width} named columns.", line=number)
            if not any(texts):
                continue  # a blank row
            if len(lines) == max_rows:
                raise _too_many_rows(max_rows=max_rows)
            texts.extend([""] * (width - len(texts)))
            for column, text in zip(cells, texts, strict=True):
                column.append(text)
            lines.append(number)
    finally:
        book.close()
    return RawTable(header=header, columns=[pa.array(c, type=pa.string()) for c in cells],
                    line_of=lambda i: lines[i])


def _check_expansion(stream: BinaryIO) -> None:
    """Refuses a workbook whose parts expand past ``MAX_XLSX_EXPANDED_BYTES`` in all, or ``MAX_XLSX_RATIO``
    times their compressed size, before a byte of them is inflated."""
    try:
        with zipfile.ZipFile(stream) as archive:  # leaves ``stream`` open: it was passed in
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InvalidDataset("The file looks like an Excel workbook but is no readable zip archive.") from exc
    finally:
        stream.seek(0)
    expanded = sum(part.file_size for part in parts)
    if expanded > MAX_XLSX_EXPANDED_BYTES:
        raise InvalidDataset(
            f"The workbook expands to {expanded:,} bytes; at most {MAX_XLSX_EXPANDED_BYTES:,} are read."
        )
    for part in parts:
        if part.file_size > XLSX_RATIO_FLOOR_BYTES and part.file_size > MAX_XLSX_RATIO * part.compress_size:
            ratio = part.file_size // max(part.compress_size, 1)
            # Not named: a part's name is the file's own text, up to 64 KB of it.
            raise InvalidDataset(f"A part of the workbook expands {ratio:,} times; a workbook's parts expand "
                                 f"less than {MAX_XLSX_RATIO} times.")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --- Parquet -----------------------------------------------------------------------------------------------
def _read_parquet(stream: BinaryIO, *, max_columns: int, max_rows: int) -> RawTable:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    try:
        # The footer says the shape; a few compressed kilobytes can decode to more rows than memory holds.
        parquet = pq.ParquetFile(stream)
        metadata = parquet.metadata
        _check_width(metadata.num_columns, max_columns=max_columns)
        if metadata.num_rows > max_rows:
            raise _too_many_rows(max_rows=max_rows, rows=metadata.num_rows)
        texts = [f.name for f in parquet.schema_arrow if _is_text(f.type)]
        # Pages as stored, uncompressed: zstd shrinks a page of one repeated string a thousand times.
        stored = sum(chunk.total_uncompressed_size for chunk in _chunks(metadata) if chunk.path_in_schema in texts)
        _check_text_bytes(stored)
        stream.seek(0)
        # Text stays dictionary-encoded as read, so its decoded size is counted before it is built.
        table = pq.read_table(stream, read_dictionary=texts)
    except (pa.ArrowInvalid, OSError) as exc:
        raise InvalidDataset(f"The file looks like Parquet but cannot be read ({exc}).") from exc
    _check_text_bytes(sum(_decoded_bytes(chunk) for column in table.columns for chunk in column.chunks
                          if pa.types.is_dictionary(chunk.type)))
    columns = []
    for field, column in zip(table.schema, table.columns, strict=True):
        array = column.combine_chunks()
        if pa.types.is_dictionary(array.type):
            array = array.dictionary_decode()
        if pa.types.is_timestamp(array.type) or pa.types.is_date(array.type):
            text = array.cast(pa.date32()).cast(pa.string())
        elif any(test(array.type) for test in (pa.types.is_string, pa.types.is_large_string, pa.types.is_integer,
                                                 pa.types.is_floating, pa.types.is_decimal)):
            text = array.cast(pa.string())
        else:
            raise InvalidDataset(f"Column {field.name!r} has type {array.type}, which a dataset cannot hold.", line=1)
        columns.append(pc.coalesce(text, pa.scalar("")))
    return RawTable(header=[str(name) for name in table.column_names], columns=columns, line_of=lambda i: i + 1)
