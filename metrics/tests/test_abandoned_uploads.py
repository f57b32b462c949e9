"""Uploads never completed do not live forever: a TTL on every upload item, and the tenant's next upload
deletes the abandoned ones (item and staged file) once their URL has expired."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from botocore.stub import Stubber
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

from core.clock import now
from metrics import uploads
from metrics.uploads import ABANDONED_AFTER, UPLOAD_PK
from tenants.storage import dynamodb_client

GOOD = b"date,region,revenue\n2024-01-01,EMEA,100\n2024-01-02,APAC,50\n"


@pytest.fixture(autouse=True)
def staged(settings, tmp_path) -> Path:
    settings.STORAGES = {**settings.STORAGES, "uploads": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path / "uploads"}}}
    return tmp_path / "uploads"


def staged_files(folder: Path) -> set[str]:
    return {p.name for p in folder.rglob("*") if p.is_file()}


def started(client, *, send: bool) -> dict:
    target = client.post("/api/metrics/uploads/", {"filename": "sales.csv", "size": len(GOOD)}, format="json")
    assert target.status_code == 201, target.json()
    body = target.json()
    if send:
        sent = client.post(body["url"], {"file": SimpleUploadedFile("sales.csv", GOOD)}, format="multipart")
        assert sent.status_code == 204, sent.content
    return body


def raw_item(tenant, upload_id: str) -> dict | None:
    return dynamodb_client().get_item(TableName=tenant.table_name, Key={"pk": {"S": UPLOAD_PK}, "sk": {"S": upload_id}},
                                      ConsistentRead=True).get("Item")


def later(monkeypatch, delta: timedelta) -> None:
    start = now()
    monkeypatch.setattr(uploads, "now", lambda: start + delta)


def test_every_upload_item_carries_the_tables_ttl_attribute(tenant, api_client_for, settings):
    target = started(api_client_for(tenant), send=False)
    item = raw_item(tenant, target["id"])
    ttl = dynamodb_client().describe_time_to_live(TableName=tenant.table_name)["TimeToLiveDescription"]
    assert ttl["AttributeName"] == "expiresAt" and ttl["TimeToLiveStatus"] in ("ENABLED", "ENABLING")
    url_expires = datetime.fromisoformat(target["expires_at"])
    assert int(item["expiresAt"]["N"]) == pytest.approx(
        (url_expires + timedelta(seconds=settings.SALESTALK_UPLOAD_RETENTION_SECONDS)).timestamp(), abs=1)
    assert datetime.fromisoformat(item["urlExpiresAt"]["S"]).replace(microsecond=0) == url_expires


def test_the_next_upload_deletes_abandoned_uploads_and_their_files(tenant, api_client_for, staged, settings,
                                                                  monkeypatch):
    client = api_client_for(tenant)
    sent, silent = started(client, send=True), started(client, send=False)
    done = started(client, send=True)
    job = client.post(done["complete_url"], {}, format="json")
    assert job.status_code in (200, 201, 202), job.json()
    assert staged_files(staged) >= {sent["id"]}
    url_lifetime = timedelta(seconds=settings.SALESTALK_UPLOAD_URL_SECONDS)

    later(monkeypatch, url_lifetime + ABANDONED_AFTER / 2)  # expired, but a slow POST may still be finishing
    fresh = started(client, send=False)
    assert raw_item(tenant, sent["id"]) and raw_item(tenant, silent["id"]) and sent["id"] in staged_files(staged)

    later(monkeypatch, url_lifetime + ABANDONED_AFTER + timedelta(minutes=1))
    refused = client.post(sent["complete_url"], {}, format="json")
    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "upload_not_ready")
    assert "abandoned" in refused.json()["error"]["message"]
    newest = started(client, send=False)
    assert raw_item(tenant, sent["id"]) is None and raw_item(tenant, silent["id"]) is None
    assert raw_item(tenant, fresh["id"])["status"]["S"] == "pending"  # its URL expired only a minute ago
    assert sent["id"] not in staged_files(staged)
    assert raw_item(tenant, done["id"])["status"]["S"] == "queued"  # completed: not abandoned
    assert raw_item(tenant, newest["id"])["status"]["S"] == "pending"
    gone = client.post(sent["complete_url"], {}, format="json")
    assert (gone.status_code, gone.json()["error"]["code"]) == (404, "upload_not_found")


def test_another_tenants_abandoned_uploads_are_left_to_it(make_tenant, api_client_for, staged, settings,
                                                         monkeypatch):
    acme, globex = make_tenant("acme"), make_tenant("globex")
    theirs = started(api_client_for(globex), send=True)
    later(monkeypatch, timedelta(seconds=settings.SALESTALK_UPLOAD_URL_SECONDS) + ABANDONED_AFTER * 2)
    started(api_client_for(acme), send=False)
    assert raw_item(globex, theirs["id"]) and theirs["id"] in staged_files(staged)


def test_an_abandoned_presigned_upload_is_deleted_from_s3(tenant, api_client_for, settings, monkeypatch):
    bucket = "salestalk-datasets-test"
    settings.STORAGES = {**settings.STORAGES, "uploads": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": bucket, "region_name": "eu-west-1", "access_key": "AKIDEXAMPLE",
                    "secret_key": "secret-example", "signature_version": "s3v4"},
    }}
    client = api_client_for(tenant)
    with Stubber(storages["uploads"].connection.meta.client) as s3:
        abandoned = started(client, send=False)
        assert abandoned["direct_to_storage"] is True
        later(monkeypatch, timedelta(seconds=settings.SALESTALK_UPLOAD_URL_SECONDS) + ABANDONED_AFTER * 2)
        s3.add_response("delete_object", {}, {"Bucket": bucket,
                                              "Key": f"tenants/{tenant.tenant_id}/uploads/{abandoned['id']}"})
        started(client, send=False)
        s3.assert_no_pending_responses()
    assert raw_item(tenant, abandoned["id"]) is None


def test_an_upload_item_stored_before_the_ttl_does_not_stop_new_uploads(tenant, api_client_for, monkeypatch):
    legacy = {"pk": {"S": UPLOAD_PK}, "sk": {"S": "up_0190000000000000000000aa"}, "status": {"S": "pending"},
              "expiresAt": {"S": "2024-01-01T00:10:00.000+00:00"}, "name": {"S": "tenants/acme/uploads/x"}}
    dynamodb_client().put_item(TableName=tenant.table_name, Item=legacy)
    later(monkeypatch, timedelta(days=1))
    assert started(api_client_for(tenant), send=False)["id"]
    assert raw_item(tenant, legacy["sk"]["S"]) == legacy  # untouched: the sweep skips items without urlExpiresAt
