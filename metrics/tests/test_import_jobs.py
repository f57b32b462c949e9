"""Uploads and import jobs end to end: the real API, DynamoDB Local, real files, a real worker thread."""
from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.clock import now
from metrics import jobs, services
from metrics.jobs import ImportRequest, JobStatus, create_import_job, run_import_job
from metrics.uploads import store_upload, upload_storage

GOOD = b"date,region,store_id,revenue,orders\n2024-01-01,EMEA,7,100,4\n2024-01-02,APAC,9,50,2\n"
NEWER = b"date,region,store_id,revenue,orders\n2024-02-01,EMEA,7,300,4\n"
BAD = NEWER + b"2024-02-02,APAC,9,lots,1\n"


@pytest.fixture(autouse=True)
def own_uploads_folder(settings, tmp_path) -> Path:
    """Each test's uploads in a folder of its own, so it sees only its own leftovers."""
    settings.STORAGES = {**settings.STORAGES, "uploads": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path / "uploads"}}}
    return tmp_path / "uploads"


def wait_for(client, job_id: str, *, seconds: float = 30.0) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while True:
        body = client.get(f"/api/metrics/imports/{job_id}").json()
        if body["status"] in ("done", "failed") or time.monotonic() > deadline:
            return body
        time.sleep(0.05)


def upload_through_api(client, content: bytes, *, name: str = "sales.csv") -> dict[str, Any]:
    target = client.post("/api/metrics/uploads/", {"filename": name, "size": len(content)}, format="json")
    assert target.status_code == 201, target.json()
    body = target.json()
    assert body["direct_to_storage"] is False and body["url"] == f"/api/metrics/uploads/{body['id']}/file"
    sent = client.post(body["url"], {"file": SimpleUploadedFile(name, content)}, format="multipart")
    assert sent.status_code == 204, sent.content
    return body


def current(client) -> tuple[str, int]:
    body = client.get("/api/metrics/datasets/").json()
    return body["version"], body["rows"]


def upload_files() -> list[Path]:
    return [p for p in Path(upload_storage().location).rglob("*") if p.is_file()]


def test_an_upload_is_imported_by_a_background_job_with_the_roles_chosen(tenant, api_client_for):
    client = api_client_for(tenant)
    target = upload_through_api(client, GOOD)
    [stored] = upload_files()
    assert stored.as_posix().endswith(f"tenants/{tenant.tenant_id}/uploads/{target['id']}")

    columns = client.get(f"/api/metrics/uploads/{target['id']}/columns").json()
    roles = {c["column"]: c["role"] for c in columns["columns"]}
    assert roles == {"date": "date", "region": "dimension", "store_id": "measure", "revenue": "measure",
                     "orders": "measure"}
    assert columns["rows"] == 2

    queued = client.post(target["complete_url"], {"dimensions": ["store_id"]}, format="json")
    assert queued.status_code == 202, queued.json()
    assert queued["Location"] == f"/api/metrics/imports/{queued.json()['id']}"
    job = wait_for(client, queued.json()["id"])
    assert job["status"] == "done", job
    assert job["progress"] == 1 and job["source"] == "sales.csv" and job["created_by"] == tenant.email
    result = job["result"]
    assert (result["rows"], result["dimensions"]) == (2, {"region": 2, "store_id": 2})
    assert {c["column"]: c["role"] for c in result["columns"]}["store_id"] == "dimension"
    assert current(client) == (result["version"], 2)
    assert upload_files() == []  # imported, so deleted
    assert client.post(target["complete_url"], {}, format="json").json()["error"]["code"] == "upload_not_ready"
    [listed] = client.get("/api/metrics/imports/").json()["imports"]
    assert listed["id"] == job["id"] and listed["status"] == "done"


def test_a_bad_file_fails_its_job_naming_line_and_column_and_the_previous_dataset_stays(tenant, api_client_for):
    client = api_client_for(tenant)
    first = upload_through_api(client, GOOD)
    done = wait_for(client, client.post(first["complete_url"], {}, format="json").json()["id"])
    second = upload_through_api(client, BAD, name="february.csv")
    # Forced to be a measure, the column's word is an error, not a reason to make it a dimension.
    completed = client.post(second["complete_url"], {"replace": True, "measures": ["revenue"]}, format="json")
    job = wait_for(client, completed.json()["id"])
    assert job["status"] == "failed"
    assert job["error"]["code"] == "invalid_dataset"
    assert (job["error"]["line"], job["error"]["column"]) == (3, "revenue")
    assert "line 3" in job["error"]["message"]
    assert current(client) == (done["result"]["version"], 2)
    assert upload_files() == []  # rejected, so deleted
    listed = client.get("/api/metrics/imports/").json()["imports"]
    assert [j["source"] for j in listed] == ["february.csv", "sales.csv"]  # newest first


def test_without_replace_a_second_import_fails_as_a_job_and_with_it_succeeds(tenant, api_client_for):
    client = api_client_for(tenant)
    for content in (GOOD, NEWER):
        target = upload_through_api(client, content)
        job = wait_for(client, client.post(target["complete_url"], {}, format="json").json()["id"])
    assert job["status"] == "failed" and job["error"]["code"] == "dataset_exists"
    target = upload_through_api(client, NEWER)
    job = wait_for(client, client.post(target["complete_url"], {"replace": True}, format="json").json()["id"])
    assert job["status"] == "done" and current(client) == (job["result"]["version"], 1)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"filename": "sales.csv", "size": 10**12}, "invalid_dataset"),
        ({"filename": "sales.csv", "size": 0}, "invalid_dataset"),
        ({"filename": "sales.exe", "size": 10}, "invalid_dataset"),
        ({"filename": "sales.csv"}, "invalid"),
    ],
)
def test_an_upload_is_refused_before_any_byte_is_sent(tenant, api_client_for, body, code):
    response = api_client_for(tenant).post("/api/metrics/uploads/", body, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code


def test_completing_before_the_file_arrives_or_twice_is_refused(tenant, api_client_for):
    client = api_client_for(tenant)
    target = client.post("/api/metrics/uploads/", {"filename": "a.csv", "size": len(GOOD)}, format="json").json()
    early = client.post(target["complete_url"], {}, format="json")
    assert (early.status_code, early.json()["error"]["code"]) == (409, "upload_not_ready")
    client.post(target["url"], {"file": SimpleUploadedFile("a.csv", GOOD)}, format="multipart")
    job = client.post(target["complete_url"], {}, format="json").json()
    again = client.post(target["complete_url"], {}, format="json")
    assert (again.status_code, again.json()["error"]["code"]) == (409, "upload_not_ready")
    assert wait_for(client, job["id"])["status"] == "done"


def test_a_file_larger_than_announced_limit_is_refused_on_arrival(tenant, api_client_for, settings):
    client = api_client_for(tenant)
    settings.SALESTALK_MAX_UPLOAD_BYTES = 10
    target = client.post("/api/metrics/uploads/", {"filename": "a.csv", "size": 10}, format="json").json()
    sent = client.post(target["url"], {"file": SimpleUploadedFile("a.csv", GOOD)}, format="multipart")
    assert sent.status_code == 400 and "limit is 10 bytes" in sent.json()["error"]["message"]


def test_another_tenant_sees_neither_the_upload_nor_the_job(make_tenant, api_client_for):
    acme, globex = make_tenant("acme"), make_tenant("globex")
    mine, theirs = api_client_for(acme), api_client_for(globex)
    target = upload_through_api(mine, GOOD)
    job = mine.post(target["complete_url"], {}, format="json").json()
    assert wait_for(mine, job["id"])["status"] == "done"
    assert theirs.get(f"/api/metrics/imports/{job['id']}").status_code == 404
    assert theirs.get("/api/metrics/imports/").json()["imports"] == []
    other = upload_through_api(mine, GOOD)
    assert theirs.post(other["complete_url"], {}, format="json").status_code == 404
    assert theirs.get(f"/api/metrics/uploads/{other['id']}/columns").status_code == 404
    assert theirs.post(other["url"], {"file": SimpleUploadedFile("a.csv", GOOD)}, format="multipart").status_code == 404
    assert mine.get("/api/metrics/imports/../uploads").status_code == 404


def until(condition, *, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        time.sleep(0.02)


def _queued(tenant, content: bytes = NEWER) -> jobs.ImportJob:
    record = store_upload(tenant=tenant, filename="late.csv", stream=SimpleUploadedFile("late.csv", content),
                          size=len(content))
    return create_import_job(tenant=tenant, upload=record.name, source="late.csv",
                             request=ImportRequest(replace=True))


def test_a_job_whose_process_died_is_reported_failed_and_the_dataset_stays(tenant, api_client_for, settings):
    client = api_client_for(tenant)
    target = upload_through_api(client, GOOD)
    before = wait_for(client, client.post(target["complete_url"], {}, format="json").json()["id"])["result"]
    job = _queued(tenant)
    # What a process killed mid-import leaves behind: "running", and a heartbeat that stopped.
    Job = jobs.bind(jobs.ImportJobItem, tenant=tenant)
    silent = (now() - timedelta(minutes=5)).isoformat(timespec="milliseconds")
    Job(pk=jobs.JOB_PK, sk=f"{jobs.JOB_SK_PREFIX}{job.id}").update(
        actions=[Job.status.set(JobStatus.RUNNING), Job.started_at.set(silent), Job.heartbeat_at.set(silent)]
    )
    body = client.get(f"/api/metrics/imports/{job.id}").json()
    assert body["status"] == "failed" and body["error"]["code"] == "import_interrupted"
    assert "previous dataset is still the current one" in body["error"]["message"]
    assert current(client) == (before["version"], 2)
    assert upload_files() == []
    # A late attempt to run it changes nothing: a job starts once.
    assert run_import_job(tenant=tenant, job_id=job.id).status == "failed"
    assert current(client) == (before["version"], 2)


def test_a_job_past_its_deadline_is_failed_while_a_slow_one_keeps_beating(tenant, api_client_for, settings,
                                                                          monkeypatch):
    settings.SALESTALK_IMPORT_HEARTBEAT_SECONDS = 0.05
    client = api_client_for(tenant)
    release = threading.Event()

    def stuck(**kwargs: Any) -> Any:
        release.wait(30)
        raise RuntimeError("stopped")

    monkeypatch.setattr(services, "import_dataset", stuck)
    slow, cut_off = _queued(tenant), _queued(tenant)
    workers = [
        threading.Thread(target=run_import_job, kwargs={"tenant": tenant, "job_id": slow.id}),
        threading.Thread(target=run_import_job, kwargs={"tenant": tenant, "job_id": cut_off.id,
                                                        "deadline": now() - timedelta(seconds=10)}),
    ]
    for worker in workers:
        worker.start()
    Job = jobs.bind(jobs.ImportJobItem, tenant=tenant)

    def record(job_id: str) -> jobs.ImportJobItem:
        return Job.get(jobs.JOB_PK, f"{jobs.JOB_SK_PREFIX}{job_id}", consistent_read=True)

    def lived_past_the_silence_limit() -> bool:
        beat = record(slow.id)
        return beat.status == "running" and (datetime.fromisoformat(beat.heartbeat_at)
                                             - datetime.fromisoformat(beat.started_at)).total_seconds() > 0.4

    try:
        until(lambda: record(cut_off.id).status == "running")
        until(lived_past_the_silence_limit)  # beats kept it alive longer than silence (0.3 s) would
        assert client.get(f"/api/metrics/imports/{slow.id}").json()["status"] == "running"
        body = client.get(f"/api/metrics/imports/{cut_off.id}").json()
        assert body["status"] == "failed" and "time limit" in body["error"]["message"]
    finally:
        release.set()
        for worker in workers:
            worker.join()
    failed = client.get(f"/api/metrics/imports/{slow.id}").json()
    assert failed["status"] == "failed" and failed["error"]["code"] == "import_failed"
    assert "RuntimeError" not in failed["error"]["message"]  # internals stay in the log


def test_a_job_never_started_is_failed_after_the_queue_limit(tenant, api_client_for, settings):
    job = _queued(tenant)
    client = api_client_for(tenant)
    assert client.get(f"/api/metrics/imports/{job.id}").json()["status"] == "queued"
    settings.SALESTALK_IMPORT_QUEUE_SECONDS = -1
    body = client.get(f"/api/metrics/imports/{job.id}").json()
    assert body["status"] == "failed" and "never started" in body["error"]["message"]


def test_unknown_ids_are_404_and_malformed_ones_never_reach_the_table(tenant, api_client_for):
    client = api_client_for(tenant)
    assert client.get("/api/metrics/imports/imp_000000000000000000000000").status_code == 404
    assert client.get("/api/metrics/imports/JOB%23x").json()["error"]["code"] == "import_not_found"
    assert client.get("/api/metrics/uploads/up_x/columns").json()["error"]["code"] == "upload_not_found"



def test_the_one_request_upload_is_a_job_too(tenant, api_client_for):
    client = api_client_for(tenant)
    good = client.post("/api/metrics/datasets/", {"file": SimpleUploadedFile("one.csv", GOOD)}, format="multipart")
    assert good.status_code == 201, good.json()
    bad = client.post("/api/metrics/datasets/", {"file": SimpleUploadedFile("two.csv", BAD), "replace": "true",
                                                 "measures": "revenue"}, format="multipart")
    assert bad.status_code == 400 and bad.json()["error"]["details"] == {"line": 3, "column": "revenue"}
    failed, done = client.get("/api/metrics/imports/").json()["imports"]
    assert (done["id"], done["status"], done["result"]["version"]) == (good.json()["job"], "done",
                                                                      good.json()["version"])
    assert good["Location"] == f"/api/metrics/imports/{done['id']}"
    assert (failed["status"], failed["error"]["line"], failed["source"]) == ("failed", 3, "two.csv")
    assert upload_files() == []


def test_the_columns_of_a_file_whose_rows_repeat_are_shown_with_a_note_naming_the_likely_dimension(
    tenant, api_client_for
):
    client = api_client_for(tenant)
    target = upload_through_api(client, b"date,region,store_id,revenue\n2024-01-01,EMEA,7,1\n2024-01-01,EMEA,9,2\n")
    preview = client.get(f"/api/metrics/uploads/{target['id']}/columns").json()
    assert {c["column"]: c["role"] for c in preview["columns"]}["store_id"] == "measure"
    assert (preview["problem"], preview["rows"]) == (None, 2)  # the file's rows, before any are added together
    assert "1 row shares a date and members" in preview["note"]
    assert "store_id was read as a measure" in preview["note"] and "make it a dimension" in preview["note"]
    completed = client.post(target["complete_url"], {"dimensions": ["store_id"]}, format="json")
    job = wait_for(client, completed.json()["id"])
    assert job["status"] == "done" and job["result"]["dimensions"] == {"region": 1, "store_id": 2}
    assert (job["result"]["added_together"], job["result"]["note"]) == (0, None)


def test_a_file_whose_rows_repeat_is_imported_summed_and_the_job_says_how_many(tenant, api_client_for):
    client = api_client_for(tenant)
    target = upload_through_api(client, b"date,region,revenue\n2024-01-01,EMEA,1\n2024-01-01,EMEA,2.5\n"
                                        b"2024-01-02,EMEA,4\n2024-01-01,APAC,8\n2024-01-01,EMEA,\n")
    preview = client.get(f"/api/metrics/uploads/{target['id']}/columns").json()
    assert preview["note"] == "2 rows share a date and members with an earlier row; the import adds them together."
    job = wait_for(client, client.post(target["complete_url"], {}, format="json").json()["id"])
    assert job["status"] == "done", job
    assert (job["result"]["rows"], job["result"]["added_together"]) == (3, 2)
    assert job["result"]["note"] == "2 rows shared a date and members with an earlier row and were added together."
    one = client.post("/api/metrics/datasets/", {"file": SimpleUploadedFile("one.csv", b"date,region,revenue\n"
                                                 b"2024-03-01,EMEA,1\n2024-03-01,EMEA,2\n"), "replace": "true"},
                      format="multipart")
    assert one.status_code == 201 and (one.json()["added_together"], one.json()["rows"]) == (1, 1)
    assert one.json()["note"].startswith("1 row shared a date")


def test_the_note_names_only_measures_that_look_like_identifiers(tenant, api_client_for):
    client = api_client_for(tenant)
    # Units are small whole numbers that repeat, but taken as members they leave the rows of one day and region
    # together; shop's few numbers, taken so, part every row; BranchCode is named as an identifier.
    lines = [f"2024-01-0{1 + i % 3},{'EMEA' if i % 2 else 'APAC'},{i % 4},{i // 6},{1 + i % 2},{10 + i}"
             for i in range(48)]
    target = upload_through_api(client, ("date,region,BranchCode,shop,units,revenue\n" + "\n".join(lines)).encode())
    note = client.get(f"/api/metrics/uploads/{target['id']}/columns").json()["note"]
    assert note.startswith("42 rows share a date and members")
    assert "BranchCode and shop were read as measures" in note and "make them dimensions" in note
    assert "units" not in note and "revenue" not in note


def test_whole_money_of_many_values_is_no_identifier_even_where_it_parts_the_rows(tenant, api_client_for):
    client = api_client_for(tenant)
    # revenue in whole pounds: every row's own value within a day, but far too many values to be store numbers
    lines = [f"2024-02-{day:02d},{'EMEA' if store % 2 else 'APAC'},{store},{store * 10 + day}"
             for day in range(1, 29) for store in range(1, 40)]
    target = upload_through_api(client, ("date,region,store_id,revenue\n" + "\n".join(lines)).encode())
    note = client.get(f"/api/metrics/uploads/{target['id']}/columns").json()["note"]
    assert "store_id was read as a measure" in note and "revenue" not in note
