"""Dataset files that are small on the wire and huge once read: Excel workbooks whose parts inflate a
thousand times (one giant cell, a sea of shared strings), Parquet files whose few long members repeat,
dictionary-encoded, over a million rows. Refused as invalid_dataset before the text is built, on both ways
in (the one-request upload and an upload's column preview), without a 5xx; an honest file of
the same data is read. And one value hundreds of kilobytes long, which a refusal must not quote whole.
"""
from __future__ import annotations

import io
import time
import zipfile

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from tests.attack.conftest import token_headers

pytestmark = pytest.mark.django_db

INFLATED = 64 * 1024 * 1024  # each bomb's parts inflate to this (its file is well under a megabyte)


def workbook() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["date", "region", "revenue"])
    for day in range(1, 29):
        sheet.append([f"2025-02-{day:02d}", "North" if day % 2 else "South", day * 10])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rewritten(honest: bytes, *, part: str, xml: bytes) -> bytes:
    """``honest`` with ``part`` replaced by (or added as) ``xml``, deflated as hard as zip can."""
    source = zipfile.ZipFile(io.BytesIO(honest))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in source.infolist():
            if info.filename != part:
                archive.writestr(info.filename, source.read(info.filename))
        archive.writestr(part, xml)
    return out.getvalue()


def bombs() -> dict[str, bytes]:
    honest = workbook()
    sheet = zipfile.ZipFile(io.BytesIO(honest)).read("xl/worksheets/sheet1.xml")
    giant_cell = b'<row r="40"><c r="B40" t="inlineStr"><is><t>' + b"A" * INFLATED + b"</t></is></c></row>"
    strings = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               + b"<si><t>North</t></si>" * (INFLATED // 20) + b"</sst>")
    return {
        "one giant cell": rewritten(honest, part="xl/worksheets/sheet1.xml",
                                    xml=sheet.replace(b"</sheetData>", giant_cell + b"</sheetData>")),
        "a sea of shared strings": rewritten(honest, part="xl/sharedStrings.xml", xml=strings),
    }


def send_file(prober, headers: dict[str, str], *, name: str, content: bytes, how: str):
    """(status, error code or None) of ``content`` sent the one-request way, or as an upload then previewed."""
    client = prober.client
    if how == "one request":
        response = client.post("/api/metrics/datasets/", {"file": SimpleUploadedFile(name, content),
                                                          "replace": "true"}, headers=headers)
    else:
        target = client.post("/api/metrics/uploads/", {"filename": name, "size": len(content)},
                             content_type="application/json", headers=headers).json()
        sent = client.post(target["url"], {"file": SimpleUploadedFile(name, content)}, headers=headers)
        assert sent.status_code == 204, sent.content
        response = client.get(f"/api/metrics/uploads/{target['id']}/columns", headers=headers)
    body = response.json()
    return response.status_code, (body.get("error") or {}).get("code")


def parquet(*, rows: int, member: str) -> bytes:
    """``rows`` days of sales in one region named ``member``, as Parquet writes it (dictionary-encoded)."""
    regions = pa.DictionaryArray.from_arrays(pa.array([0] * rows, type=pa.int32()), pa.array([member]))
    days = pa.array([f"2025-01-{1 + n % 28:02d}" for n in range(rows)])
    out = io.BytesIO()
    pq.write_table(pa.table({"date": days, "region": regions, "revenue": pa.array([1.0] * rows)}), out,
                   compression="zstd")
    return out.getvalue()


def parquet_bombs() -> dict[str, bytes]:
    rows = 1_200_000
    return {"a 1,000-character member on 1,200,000 rows": parquet(rows=rows, member="N" * 1000)}


def assert_refused(prober, headers, files: dict[str, bytes], *, suffix: str, how: str) -> None:
    for name, content in files.items():
        assert len(content) < INFLATED // 64, (name, len(content))
        status, code = send_file(prober, headers, name=f"bomb{suffix}", content=content, how=how)
        assert (status, code) == (400, "invalid_dataset"), (name, status, code)


@pytest.mark.parametrize("how", ["one request", "upload, then its columns"])
def test_an_inflating_workbook_is_refused_before_it_is_read(prober, make_tenant, how):
    headers = token_headers(make_tenant("bombed-co"))
    assert_refused(prober, headers, bombs(), suffix=".xlsx", how=how)
    status, code = send_file(prober, headers, name="honest.xlsx", content=workbook(), how=how)
    assert status in (200, 201) and code is None, (status, code)


@pytest.mark.parametrize("how", ["one request", "upload, then its columns"])
def test_a_parquet_file_of_repeated_long_members_is_refused_before_they_are_decoded(prober, make_tenant, how):
    headers = token_headers(make_tenant("bombed-co"))
    assert_refused(prober, headers, parquet_bombs(), suffix=".parquet", how=how)
    status, code = send_file(prober, headers, name="honest.parquet", content=parquet(rows=28, member="North"),
                             how=how)
    assert status in (200, 201) and code is None, (status, code)


def overlong_cells() -> dict[str, bytes]:
    """CSV files whose one bad value runs to hundreds of kilobytes, in each kind of column."""
    long = "x" * 600_000
    rows = "date,region,revenue\n2025-01-01,North,1\n"
    return {
        "a measure": f"{rows}2025-01-02,North,{long}\n".encode(),
        "a date": f"{rows}{long},North,2\n".encode(),
        "a member": f"{rows}2025-01-02,{long},2\n".encode(),
        "a quoted value of newlines": (rows + '2025-01-02,"' + "\n" * 300_000 + '",2\n').encode(),
    }


def wait_for_job(client, headers: dict[str, str], job_id: str) -> dict:
    deadline = time.monotonic() + 30
    while True:
        job = client.get(f"/api/metrics/imports/{job_id}", headers=headers).json()
        if job["status"] in ("done", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.05)


def test_an_overlong_value_is_refused_in_few_words_and_its_job_fails(prober, make_tenant):
    headers = token_headers(make_tenant("verbose-co"))
    for name, content in overlong_cells().items():
        status, code = send_file(prober, headers, name="long.csv", content=content, how="one request")
        assert (status, code) == (400, "invalid_dataset"), (name, status, code)
        target = prober.client.post("/api/metrics/uploads/", {"filename": "long.csv", "size": len(content)},
                                    content_type="application/json", headers=headers).json()
        prober.client.post(target["url"], {"file": SimpleUploadedFile("long.csv", content)}, headers=headers)
        assert prober.client.get(f"/api/metrics/uploads/{target['id']}/columns", headers=headers).status_code < 500
        queued = prober.client.post(target["complete_url"], {}, content_type="application/json", headers=headers)
        assert queued.status_code == 202, (name, queued.content[:200])
        job = wait_for_job(prober.client, headers, queued.json()["id"])
        assert job["status"] == "failed" and job["error"]["code"] == "invalid_dataset", (name, job)
        assert len(job["error"]["message"]) < 500, (name, len(job["error"]["message"]))
