"""Uploads straight to S3 and imports in an asynchronous Lambda, with botocore's Stubber on real clients.

Presigned POSTs are signed locally (no network); HeadObject, GetObject, DeleteObject and Invoke are stubbed.
The import itself is real: DynamoDB Local and a local dataset storage.
"""
from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import pytest
from botocore.response import StreamingBody
from botocore.stub import ANY, Stubber
from django.core.files.storage import storages

from core.clock import now
from metrics import import_queue
from salestalk import lambda_import

CSV = b"date,region,revenue\n2024-01-01,EMEA,100\n2024-01-02,APAC,50\n"
BUCKET = "salestalk-datasets-test"


@pytest.fixture
def s3(settings) -> Iterator[Stubber]:
    settings.STORAGES = {**settings.STORAGES, "uploads": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": BUCKET, "region_name": "eu-west-1", "access_key": "AKIDEXAMPLE",
                    "secret_key": "secret-example", "signature_version": "s3v4"},
    }}
    client = storages["uploads"].connection.meta.client
    with Stubber(client) as stubber:
        yield stubber
        stubber.assert_no_pending_responses()


@pytest.fixture
def invocations(settings, monkeypatch) -> Iterator[tuple[Stubber, list[dict[str, Any]]]]:
    import boto3

    settings.SALESTALK_IMPORT_RUNNER = "lambda"
    settings.SALESTALK_IMPORT_FUNCTION = "salestalk-import"
    client = boto3.client("lambda", region_name="eu-west-1", aws_access_key_id="AKIDEXAMPLE",
                          aws_secret_access_key="secret-example")
    sent: list[dict[str, Any]] = []
    client.meta.events.register("provide-client-params.lambda.Invoke", lambda params, **_: sent.append(params))
    monkeypatch.setattr(import_queue, "lambda_client", lambda: client)
    with Stubber(client) as stubber:
        yield stubber, sent
        stubber.assert_no_pending_responses()


def _policy(fields: dict[str, str]) -> dict[str, Any]:
    return json.loads(base64.b64decode(fields["policy"]))


def test_an_upload_is_a_presigned_post_to_the_tenants_own_key_with_limits(tenant, api_client_for, s3, settings):
    response = api_client_for(tenant).post("/api/metrics/uploads/", {"filename": "Sales 2024.xlsx", "size": 5000},
                                           format="json")
    assert response.status_code == 201, response.json()
    target = response.json()
    assert target["direct_to_storage"] is True and target["method"] == "POST"
    assert target["url"] == f"https://{BUCKET}.s3.amazonaws.com/"
    fields = target["fields"]
    key = f"tenants/{tenant.tenant_id}/uploads/{target['id']}"
    assert fields["key"] == key
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert fields["Content-Type"] == target["content_type"] == xlsx
    policy = _policy(fields)
    expires = datetime.fromisoformat(policy["expiration"].replace("Z", "+00:00"))
    assert abs((expires - now()).total_seconds() - settings.SALESTALK_UPLOAD_URL_SECONDS) < 30
    conditions = policy["conditions"]
    assert {"key": key} in conditions and {"bucket": BUCKET} in conditions
    assert {"Content-Type": xlsx} in conditions
    assert ["content-length-range", 1, settings.SALESTALK_MAX_UPLOAD_BYTES] in conditions
    assert fields["x-amz-algorithm"] == "AWS4-HMAC-SHA256" and "x-amz-signature" in fields
    assert fields["x-amz-credential"].startswith("AKIDEXAMPLE/") and "/eu-west-1/s3/" in fields["x-amz-credential"]
    # The file goes to S3, never through this API.
    refused = api_client_for(tenant).post(f"/api/metrics/uploads/{target['id']}/file", {"file": io.BytesIO(CSV)},
                                          format="multipart")
    assert refused.status_code == 409


def test_each_tenant_is_signed_only_for_its_own_prefix(make_tenant, api_client_for, s3):
    keys = []
    for tenant_id in ("acme", "globex"):
        tenant = make_tenant(tenant_id)
        target = api_client_for(tenant).post("/api/metrics/uploads/", {"filename": "a.csv", "size": 10},
                                             format="json").json()
        keys.append(target["fields"]["key"])
        assert {"key": target["fields"]["key"]} in _policy(target["fields"])["conditions"]  # exact, not a prefix
    assert keys[0].startswith("tenants/acme/uploads/up_") and keys[1].startswith("tenants/globex/uploads/up_")


def test_completing_an_s3_upload_invokes_the_import_function_which_imports_and_deletes_it(
    tenant, api_client_for, s3, invocations
):
    client = api_client_for(tenant)
    target = client.post("/api/metrics/uploads/", {"filename": "sales.csv", "size": len(CSV)}, format="json").json()
    key = target["fields"]["key"]
    s3.add_client_error("head_object", service_error_code="404", http_status_code=404,
                        expected_params={"Bucket": BUCKET, "Key": key})
    early = client.post(target["complete_url"], {}, format="json")
    assert early.json()["error"]["code"] == "upload_not_ready"

    lambda_stub, sent = invocations
    s3.add_response("head_object", {"ContentLength": len(CSV)}, {"Bucket": BUCKET, "Key": key})
    lambda_stub.add_response("invoke", {"StatusCode": 202},
                             {"FunctionName": "salestalk-import", "InvocationType": "Event", "Payload": ANY})
    queued = client.post(target["complete_url"], {"dimensions": []}, format="json")
    assert queued.status_code == 202, queued.json()
    job = queued.json()
    assert json.loads(sent[0]["Payload"]) == {"tenant_id": tenant.tenant_id, "job_id": job["id"]}
    assert client.get(f"/api/metrics/imports/{job['id']}").json()["status"] == "queued"

    # The import function, as Lambda runs it: the event above, a context with its time left.
    s3.add_response("get_object", {"Body": StreamingBody(io.BytesIO(CSV), len(CSV)), "ContentLength": len(CSV)},
                    {"Bucket": BUCKET, "Key": key})
    s3.add_response("delete_object", {}, {"Bucket": BUCKET, "Key": key})
    context = SimpleNamespace(get_remaining_time_in_millis=lambda: 900_000)
    assert lambda_import.handler(json.loads(sent[0]["Payload"]), context) == {"job": job["id"], "status": "done"}
    done = client.get(f"/api/metrics/imports/{job['id']}").json()
    assert done["status"] == "done" and done["result"]["rows"] == 2
    assert client.get("/api/metrics/datasets/").json()["version"] == done["result"]["version"]
    # A retried event finds the job started and leaves it alone (no second GetObject: the stubber would fail).
    assert lambda_import.handler(json.loads(sent[0]["Payload"]), context)["status"] == "done"


def test_a_file_larger_than_the_limit_in_s3_is_deleted_and_refused(tenant, api_client_for, s3, settings):
    client = api_client_for(tenant)
    target = client.post("/api/metrics/uploads/", {"filename": "sales.csv", "size": 10}, format="json").json()
    key = target["fields"]["key"]
    s3.add_response("head_object", {"ContentLength": settings.SALESTALK_MAX_UPLOAD_BYTES + 1},
                    {"Bucket": BUCKET, "Key": key})
    s3.add_response("delete_object", {}, {"Bucket": BUCKET, "Key": key})
    refused = client.post(target["complete_url"], {}, format="json")
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "invalid_dataset"


def test_an_invocation_that_fails_fails_the_job_at_once(tenant, api_client_for, s3, invocations):
    client = api_client_for(tenant)
    target = client.post("/api/metrics/uploads/", {"filename": "sales.csv", "size": len(CSV)}, format="json").json()
    s3.add_response("head_object", {"ContentLength": len(CSV)}, {"Bucket": BUCKET, "Key": target["fields"]["key"]})
    lambda_stub, _ = invocations
    lambda_stub.add_client_error("invoke", service_error_code="TooManyRequestsException", http_status_code=429)
    response = client.post(target["complete_url"], {}, format="json")
    assert (response.status_code, response.json()["error"]["code"]) == (503, "import_unavailable")
    [job] = client.get("/api/metrics/imports/").json()["imports"]
    assert job["status"] == "failed" and job["error"]["code"] == "import_failed"
