"""Hostile dataset files are refused by their declared shape before they are read, not counted after.

Each file here is a few kilobytes: what it claims (a million columns, a sheet of 16,384 x 1,048,576 cells,
a footer of more rows than allowed) is what it would have cost to read it first.
"""
from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import pytest

from metrics import reading
from metrics.errors import InvalidDataset
from metrics.services import read_facts


def _refuse_reading(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
    def read(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"{name} was called: the file was read before its shape was checked")

    monkeypatch.setattr(module, name, read)


def test_a_csv_header_of_a_million_commas_is_refused_before_it_is_split_or_parsed(settings, monkeypatch):
    import pyarrow.csv as pacsv

    settings.SALESTALK_MAX_DATASET_COLUMNS = 200
    _refuse_reading(monkeypatch, pacsv, "read_csv")
    _refuse_reading(monkeypatch, reading.csv, "reader")
    header = b"date" + b"," * 1_000_000 + b"\n2024-01-01" + b",1" * 1_000_000 + b"\n"
    with pytest.raises(InvalidDataset, match="longer than 204,800 bytes") as refused:
        read_facts(io.BytesIO(header))
    assert refused.value.line == 1


def test_a_csv_header_wider_than_the_limit_is_refused_before_pyarrow_reads_it(settings, monkeypatch):
    import pyarrow.csv as pacsv

    settings.SALESTALK_MAX_DATASET_COLUMNS = 5
    _refuse_reading(monkeypatch, pacsv, "read_csv")
    wide = ",".join(["date", *(f"m{i}" for i in range(5))]) + "\n2024-01-01" + ",1" * 5 + "\n"
    with pytest.raises(InvalidDataset, match="6 columns; the limit is 5"):
        read_facts(io.BytesIO(wide.encode()))


def _workbook(*, dimension: str, last_row: int) -> bytes:
    """A real workbook whose sheet claims ``dimension`` and has one more row at ``last_row``."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["date", "region", "revenue"])
    book.active.append([date(2024, 1, 1), "EMEA", 1])
    written = io.BytesIO()
    book.save(written)
    source, out = zipfile.ZipFile(written), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*" ?/>', f'<dimension ref="{dimension}"/>'.encode(), data)
                cells = (f'<c r="A{last_row}" t="inlineStr"><is><t>2024-01-02</t></is></c>'
                         f'<c r="B{last_row}" t="inlineStr"><is><t>APAC</t></is></c><c r="C{last_row}"><v>2</v></c>')
                data = data.replace(b"</sheetData>", f'<row r="{last_row}">{cells}</row></sheetData>'.encode())
            target.writestr(item, data)
    return out.getvalue()


def test_an_excel_sheet_claiming_the_whole_grid_is_read_by_its_cells_not_its_claim(settings, monkeypatch):
    settings.SALESTALK_MAX_DATASET_COLUMNS = 200
    seen = []
    cell_text = reading._cell_text
    monkeypatch.setattr(reading, "_cell_text", lambda value: seen.append(value) or cell_text(value))
    # 300 rows of a claimed 16,384 columns were 4.9 million cells; the gap is empty rows.
    facts = read_facts(io.BytesIO(_workbook(dimension="A1:XFD1048576", last_row=300)))
    assert (facts.row_count, facts.first_date, facts.last_date) == (2, date(2024, 1, 1), date(2024, 1, 2))
    assert len(seen) < 1_000


def test_an_excel_sheet_longer_than_the_row_limit_stops_being_read_there(settings):
    settings.SALESTALK_MAX_DATASET_ROWS = 1
    with pytest.raises(InvalidDataset, match="more than 1 rows; the limit is 1"):
        read_facts(io.BytesIO(_workbook(dimension="A1:C3", last_row=3)))


def test_a_parquet_footer_wider_or_longer_than_the_limits_is_refused_before_its_data_is_read(settings, monkeypatch,
                                                                                              tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "f.parquet"
    pq.write_table(pa.table({"date": [date(2024, 1, 1)] * 3, "plan": ["a", "b", "c"], "mrr": [1, 2, 3]}), path)
    _refuse_reading(monkeypatch, pq, "read_table")
    settings.SALESTALK_MAX_DATASET_COLUMNS = 2
    with pytest.raises(InvalidDataset, match="3 columns; the limit is 2"):
        read_facts(io.BytesIO(path.read_bytes()))
    settings.SALESTALK_MAX_DATASET_COLUMNS, settings.SALESTALK_MAX_DATASET_ROWS = 10, 2
    with pytest.raises(InvalidDataset, match="3 rows; the limit is 2"):
        read_facts(io.BytesIO(path.read_bytes()))
