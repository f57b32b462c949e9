"""Dataset files in the aws profile are read and written with the tenant's scoped STS credentials (issue 12.7).

AssumeRole is stubbed (botocore's Stubber: exactly one call per tenant, with a session policy whose S3
statements name only that tenant's prefix). S3 is the real boto3 client of django-storages' S3Storage:
every request is signed as it would be for AWS, and a ``before-send`` hook answers it in process and
records its signature, so the test sees which credentials signed each call.
"""
from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from email.utils import formatdate
from urllib.parse import unquote, urlsplit

import botocore.session
import pytest
from botocore.awsrequest import AWSResponse
from botocore.stub import Stubber

from core.ids import new_id
from metrics import files
from metrics.errors import NoDataset
from tenants import credentials
from tenants.context import TenantContext
from tenants.credentials import session_policy

ROLE_ARN = "arn:aws:iam::123456789012:role/salestalk-tenant"
BUCKET = "salestalk-data"
FUNCTION_KEY = "AKIAFUNCTIONROLE0001"
ACME = TenantContext(tenant_id="acme", table_name="salestalk-tenant-acme")
GLOBEX = TenantContext(tenant_id="globex", table_name="salestalk-tenant-globex")
KEYS = {"acme": "ASIAACMESCOPED000001", "globex": "ASIAGLOBEXSCOPED0001"}


class _Body(io.BytesIO):
    """The raw body botocore streams a response from."""

    def stream(self, **_: object):
        while chunk := self.read(1 << 16):
            yield chunk


class FakeS3:
    """Answers signed S3 requests from a dict of objects and remembers who signed each one."""

    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}
        self.calls: list[tuple[str, str, str, str]] = []  # method, key, signing access key, session token

    def __call__(self, request, **_: object) -> AWSResponse:
        # Virtual-hosted (bucket in the host) or path style (bucket first in the path): the key either way.
        key = unquote(urlsplit(request.url).path).removeprefix(f"/{BUCKET}").removeprefix("/")
        authorization = request.headers["Authorization"].decode()
        signer = authorization.split("Credential=")[1].split("/")[0]
        token = request.headers.get("X-Amz-Security-Token", b"").decode()
        self.calls.append((request.method, key, signer, token))
        headers = {"ETag": '"0"', "Last-Modified": formatdate(usegmt=True)}
        if request.method == "PUT":
            self.objects[key] = b"stored"
            return AWSResponse(request.url, 200, headers, _Body(b""))
        if request.method == "DELETE":
            self.objects.pop(key, None)
            return AWSResponse(request.url, 204, headers, _Body(b""))
        if key not in self.objects:
            error = b"<Error><Code>NoSuchKey</Code><Message>no</Message></Error>"
            return AWSResponse(request.url, 404, {"Content-Type": "application/xml"},
                               _Body(b"" if request.method == "HEAD" else error))
        data = self.objects[key]
        headers["Content-Length"] = str(len(data))
        return AWSResponse(request.url, 200, headers, _Body(b"" if request.method == "HEAD" else data))


@pytest.fixture
def aws(settings, monkeypatch, tmp_path):
    """The aws profile's storage and scoping, with the function's own credentials in the environment."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", FUNCTION_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "function-secret")
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    settings.SALESTALK_TENANT_ROLE_ARN = ROLE_ARN
    settings.SALESTALK_AWS_REGION = "us-east-1"
    settings.SALESTALK_ATHENA_DATA_BUCKET = BUCKET
    settings.SALESTALK_ATHENA_WORKGROUP = ""
    settings.SALESTALK_DATASET_CACHE_DIR = str(tmp_path / "cache")
    settings.STORAGES = {**settings.STORAGES, "datasets": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": BUCKET, "region_name": "us-east-1"},
    }}
    monkeypatch.setattr(credentials, "_cache", {})
    files._scoped_s3.cache_clear()
    sts = botocore.session.get_session().create_client(
        "sts", region_name="us-east-1", aws_access_key_id=FUNCTION_KEY, aws_secret_access_key="function-secret"
    )
    monkeypatch.setattr(credentials, "sts_client", lambda: sts)
    with Stubber(sts) as stubber:
        yield stubber
        stubber.assert_no_pending_responses()
    files._scoped_s3.cache_clear()


def _expect_assume(stubber: Stubber, tenant: TenantContext, settings) -> dict:
    policy = session_policy(
        tenant_id=tenant.tenant_id, table_name=tenant.table_name,
        registry_table=f"{settings.SALESTALK_TABLE_PREFIX}tenants", role_arn=ROLE_ARN, region="us-east-1",
        bucket=BUCKET,
    )
    key = KEYS[tenant.tenant_id]
    stubber.add_response(
        "assume_role",
        {"Credentials": {"AccessKeyId": key, "SecretAccessKey": f"secret-{key}", "SessionToken": f"token-{key}",
                         "Expiration": datetime.now(UTC) + timedelta(hours=1)},
         "AssumedRoleUser": {"AssumedRoleId": f"AROA:{tenant.tenant_id}",
                             "Arn": f"{ROLE_ARN}/tenant-{tenant.tenant_id}"}},
        {"RoleArn": ROLE_ARN, "RoleSessionName": f"tenant-{tenant.tenant_id}",
         "Policy": json.dumps(policy, separators=(",", ":")), "DurationSeconds": credentials.SESSION_SECONDS,
         "Tags": [{"Key": "tenantId", "Value": tenant.tenant_id}]},
    )
    return policy


def _s3_resources(policy: dict) -> set[str]:
    return {r for s in policy["Statement"] for r in s["Resource"] if r.startswith("arn:aws:s3:::")}


def _serve(tenant: TenantContext, fake: FakeS3) -> None:
    client = files.dataset_storage(tenant=tenant).connection.meta.client
    client.meta.events.register("before-send.s3", fake)


def test_a_tenants_version_file_is_read_with_its_own_scoped_credentials_only(aws, settings):
    policy = _expect_assume(aws, ACME, settings)
    assert _s3_resources(policy) == {f"arn:aws:s3:::{BUCKET}/tenants/acme/*", f"arn:aws:s3:::{BUCKET}"}
    version = new_id("v")
    name = files.version_file_name(tenant=ACME, version=version)
    fake = FakeS3()
    fake.objects[name] = b"PAR1 acme's facts PAR1"
    _serve(ACME, fake)

    path = files.local_version_path(tenant=ACME, version=version)

    with open(path, "rb") as copy:
        assert copy.read() == b"PAR1 acme's facts PAR1"
    assert fake.calls and {key for _, key, _, _ in fake.calls} == {name}
    assert {(signer, token) for _, _, signer, token in fake.calls} == {(KEYS["acme"], f"token-{KEYS['acme']}")}
    assert files.local_version_path(tenant=ACME, version=version) == path  # cached: no second download


def test_writes_and_deletes_are_signed_per_tenant_and_never_with_the_functions_credentials(aws, settings,
                                                                                          tmp_path):
    _expect_assume(aws, ACME, settings)
    _expect_assume(aws, GLOBEX, settings)
    fake = FakeS3()
    _serve(ACME, fake)
    _serve(GLOBEX, fake)
    parquet = tmp_path / "facts.parquet"
    parquet.write_bytes(b"PAR1 facts PAR1")
    acme_version, globex_version = new_id("v"), new_id("v")

    files.save_version_file(tenant=ACME, version=acme_version, path=parquet)
    files.save_version_file(tenant=GLOBEX, version=globex_version, path=parquet)
    files.delete_version_file(tenant=GLOBEX, version=globex_version)

    signed = {(method, key.split("/")[1], signer) for method, key, signer, _ in fake.calls}
    assert {"PUT", "DELETE"} <= {method for method, _, _ in signed}
    assert {(tenant, signer) for _, tenant, signer in signed} == {("acme", KEYS["acme"]),
                                                                  ("globex", KEYS["globex"])}
    assert all(FUNCTION_KEY not in call[2] for call in fake.calls)
    assert files.dataset_storage(tenant=ACME) is not files.dataset_storage(tenant=GLOBEX)
    assert files.dataset_storage(tenant=ACME) is files.dataset_storage(tenant=ACME)  # one connection per tenant


def test_a_file_the_tenant_has_not_is_no_dataset(aws, settings):
    _expect_assume(aws, ACME, settings)
    fake = FakeS3()
    _serve(ACME, fake)
    with pytest.raises(NoDataset):
        files.local_version_path(tenant=ACME, version=new_id("v"))
    assert {signer for _, _, signer, _ in fake.calls} == {KEYS["acme"]}


def test_without_scoping_the_configured_storage_is_used_as_it_is(settings):
    settings.SALESTALK_TENANT_ROLE_ARN = None
    assert files.dataset_storage(tenant=ACME) is files.dataset_storage(tenant=GLOBEX)
