"""Uploads: a dataset file goes straight to the tenant's own upload prefix, then an import job reads it.

``POST /api/metrics/uploads/`` records an upload (``UPLOAD / {id}``) and says
where to send the file: with S3 behind the ``uploads`` storage (the aws
profile), a presigned POST the browser sends to S3 itself (exact key under
``tenants/{tenant_id}/uploads/``, size limit, content type, short expiry), so
no file passes through API Gateway or Lambda; with a local storage, a plain
multipart POST to this API. Either way the file ends up at the upload's name in
that storage, and completing the upload queues an import job
(``metrics.import_queue``). The file is deleted once imported or rejected.

An upload never completed is abandoned once its URL has expired (plus
``ABANDONED_AFTER``): the tenant's next upload deletes its staged file and its
item, and DynamoDB's TTL deletes every upload item ``SALESTALK_UPLOAD_RETENTION_SECONDS``
after its URL expired, whether or not the tenant comes back.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, storages
from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.exceptions import DeleteError, UpdateError

from core.clock import now, now_iso
from core.ids import is_id, new_id
from core.text import clean_text
from metrics.errors import InvalidDataset, MetricsError
from metrics.files import version_file_name
from tenants.context import TenantContext
from tenants.services import TENANT_TTL_ATTRIBUTE
from tenants.storage import TenantItem, bind

STORAGE_ALIAS = "uploads"
UPLOAD_PK = "UPLOAD"
UPLOAD_ID_PREFIX = "up"
COPY_CHUNK = 1 << 20
# An upload may still be completed this long after its URL expired (a slow POST that started in time).
ABANDONED_AFTER = timedelta(hours=1)
# What a dataset file may be sent as; the reader tells the format by the file's first bytes anyway.
CONTENT_TYPES = {
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".parquet": "application/vnd.apache.parquet",
}


class UploadStatus:
    PENDING = "pending"  # waiting for the file
    QUEUED = "queued"  # completed: an import job has it


class UploadNotFound(MetricsError):
    status_code = 404
    code = "upload_not_found"


class UploadNotReady(MetricsError):
    status_code = 409
    code = "upload_not_ready"


class UploadItem(TenantItem):
    upload_id = UnicodeAttribute(attr_name="uploadId")
    name = UnicodeAttribute()  # the file's name in the uploads storage
    filename = UnicodeAttribute()
    content_type = UnicodeAttribute(attr_name="contentType")
    max_bytes = NumberAttribute(attr_name="maxBytes")
    created_at = UnicodeAttribute(attr_name="createdAt")
    url_expires_at = UnicodeAttribute(attr_name="urlExpiresAt")
    expires_at = NumberAttribute(attr_name=TENANT_TTL_ATTRIBUTE)  # epoch seconds: DynamoDB's TTL deletes the item
    status = UnicodeAttribute()
    job_id = UnicodeAttribute(attr_name="jobId", null=True)


@dataclass(frozen=True)
class UploadTarget:
    """Where and how to send the file: ``method`` ``url`` with ``fields`` before the ``file`` part."""

    id: str
    url: str
    fields: dict[str, str]
    direct_to_storage: bool
    content_type: str
    max_bytes: int
    expires_at: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "method": "POST", "url": self.url, "fields": self.fields,
                "direct_to_storage": self.direct_to_storage, "content_type": self.content_type,
                "max_bytes": self.max_bytes, "expires_at": self.expires_at,
                "complete_url": f"/api/metrics/uploads/{self.id}/complete"}


def upload_storage() -> Storage:
    return storages[STORAGE_ALIAS]


def _s3(storage: Storage) -> tuple[Any, str] | None:
    """The boto3 client and bucket of an S3 storage; None for a local one."""
    bucket = getattr(storage, "bucket_name", None)
    return (storage.connection.meta.client, bucket) if bucket else None


def upload_name(*, tenant: TenantContext, upload_id: str) -> str:
    # The dataset files' checked prefix, so an upload's name never leaves the tenant's prefix either.
    folder = PurePosixPath(version_file_name(tenant=tenant, version=upload_id)).parent.parent
    return f"{folder}/uploads/{upload_id}"


MAX_FILENAME_CHARS = 500


def display_filename(filename: object) -> str:
    """The name an upload is shown by (its source): people's text (``core.text``: no bidi override such as
    U+202E turns its end around), and its last path part only. Storage keys come from the upload id, never it."""
    text = clean_text(filename, field="filename", max_chars=MAX_FILENAME_CHARS)
    return PurePosixPath(text.replace("\\", "/")).name or text


def content_type_of(filename: str) -> str:
    suffix = PurePosixPath(filename.lower()).suffix
    if suffix not in CONTENT_TYPES:
        raise InvalidDataset(f"{filename!r} is not a CSV, Excel (.xlsx) or Parquet file.")
    return CONTENT_TYPES[suffix]


# --- writes ------------------------------------------------------------------------------------------------
def create_upload(*, tenant: TenantContext, filename: str, size: int) -> UploadTarget:
    """Record an upload of ``filename`` (``size`` bytes) and say where to send it."""
    limit = settings.SALESTALK_MAX_UPLOAD_BYTES
    if size > limit:
        raise InvalidDataset(f"The file is {size:,} bytes; the limit is {limit:,} bytes.")
    if size <= 0:
        raise InvalidDataset("The file is empty.")
    filename = display_filename(filename)
    content_type = content_type_of(filename)
    delete_abandoned_uploads(tenant=tenant)
    upload_id = new_id(UPLOAD_ID_PREFIX)
    name = upload_name(tenant=tenant, upload_id=upload_id)
    seconds = settings.SALESTALK_UPLOAD_URL_SECONDS
    expires = now() + timedelta(seconds=seconds)
    s3 = _s3(upload_storage())
    if s3 is not None:
        client, bucket = s3
        post = client.generate_presigned_post(
            Bucket=bucket, Key=name, Fields={"Content-Type": content_type},
            Conditions=[{"Content-Type": content_type}, ["content-length-range", 1, limit]], ExpiresIn=seconds,
        )
        url, fields = post["url"], post["fields"]
    else:
        url, fields = f"/api/metrics/uploads/{upload_id}/file", {}
    Upload = bind(UploadItem, tenant=tenant)
    Upload(
        pk=UPLOAD_PK, sk=upload_id, upload_id=upload_id, name=name, filename=filename, content_type=content_type,
        max_bytes=limit, created_at=now_iso(), url_expires_at=expires.isoformat(timespec="milliseconds"),
        expires_at=int((expires + timedelta(seconds=settings.SALESTALK_UPLOAD_RETENTION_SECONDS)).timestamp()),
        status=UploadStatus.PENDING,
    ).save(condition=Upload.pk.does_not_exist())
    return UploadTarget(id=upload_id, url=url, fields=fields, direct_to_storage=s3 is not None,
                        content_type=content_type, max_bytes=limit, expires_at=expires.isoformat(timespec="seconds"))


def receive_upload_file(*, tenant: TenantContext, upload_id: str, stream: BinaryIO, size: int) -> None:
    """The local stand-in for S3's side of a presigned POST: store the file at the upload's name."""
    record = _pending(tenant=tenant, upload_id=upload_id)
    if _s3(upload_storage()) is not None:
        raise UploadNotReady("This upload goes straight to storage; send the file to the URL it was given.")
    if size > record.max_bytes:
        raise InvalidDataset(f"The file is {size:,} bytes; the limit is {int(record.max_bytes):,} bytes.")
    storage = upload_storage()
    if storage.exists(record.name):
        storage.delete(record.name)
    stored = storage.save(record.name, File(stream, name=record.name))
    if stored != record.name:
        raise RuntimeError(f"the storage renamed {record.name!r} to {stored!r}")


def store_upload(*, tenant: TenantContext, filename: str, stream: BinaryIO, size: int) -> UploadItem:
    """An upload received in one request (``POST /api/metrics/datasets/``): recorded and stored at once."""
    target = create_upload(tenant=tenant, filename=filename, size=size)
    record = get_upload(tenant=tenant, upload_id=target.id)
    storage = upload_storage()
    stored = storage.save(record.name, File(stream, name=record.name))
    if stored != record.name:
        raise RuntimeError(f"the storage renamed {record.name!r} to {stored!r}")
    return record


def mark_queued(*, tenant: TenantContext, upload_id: str, job_id: str) -> None:
    """The upload is now a job's; completing it again is refused."""
    Upload = bind(UploadItem, tenant=tenant)
    try:
        Upload(pk=UPLOAD_PK, sk=upload_id).update(
            actions=[Upload.status.set(UploadStatus.QUEUED), Upload.job_id.set(job_id)],
            condition=Upload.status == UploadStatus.PENDING,
        )
    except UpdateError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            raise UploadNotReady("This upload was already completed.") from exc
        raise


def delete_abandoned_uploads(*, tenant: TenantContext) -> list[str]:
    """Delete the uploads never completed whose URL expired ``ABANDONED_AFTER`` ago: item, then staged file.

    The item goes first, on condition it is still pending, so an upload completed meanwhile keeps its file.
    Returns the ids deleted.
    """
    Upload = bind(UploadItem, tenant=tenant)
    cutoff = (now() - ABANDONED_AFTER).isoformat(timespec="milliseconds")
    abandoned = Upload.query(UPLOAD_PK, filter_condition=(Upload.status == UploadStatus.PENDING)
                             & (Upload.url_expires_at < cutoff), consistent_read=True)
    deleted = []
    for record in abandoned:
        try:
            record.delete(condition=Upload.status == UploadStatus.PENDING)
        except DeleteError as exc:
            if exc.cause_response_code == "ConditionalCheckFailedException":
                continue
            raise
        delete_upload_file(name=record.name)
        deleted.append(record.upload_id)
    return deleted


def delete_upload_file(*, name: str) -> None:
    storage = upload_storage()
    s3 = _s3(storage)
    if s3 is not None:
        client, bucket = s3
        client.delete_object(Bucket=bucket, Key=name)
    else:
        storage.delete(name)


# --- reads -------------------------------------------------------------------------------------------------
def get_upload(*, tenant: TenantContext, upload_id: str) -> UploadItem:
    if not is_id(upload_id, prefix=UPLOAD_ID_PREFIX):
        raise UploadNotFound("There is no such upload.")
    Upload = bind(UploadItem, tenant=tenant)
    try:
        return Upload.get(UPLOAD_PK, upload_id, consistent_read=True)
    except Upload.DoesNotExist as exc:
        raise UploadNotFound("There is no such upload.") from exc


def _pending(*, tenant: TenantContext, upload_id: str) -> UploadItem:
    record = get_upload(tenant=tenant, upload_id=upload_id)
    if record.status != UploadStatus.PENDING:
        raise UploadNotReady("This upload was already completed.")
    if now() > datetime.fromisoformat(record.url_expires_at):
        raise UploadNotReady("This upload has expired; start a new one.")
    return record


def received_upload(*, tenant: TenantContext, upload_id: str) -> UploadItem:
    """A pending upload whose file has arrived within its limit; ``UploadNotReady`` otherwise."""
    record = get_upload(tenant=tenant, upload_id=upload_id)
    if record.status != UploadStatus.PENDING:
        raise UploadNotReady("This upload was already completed.")
    if now() > datetime.fromisoformat(record.url_expires_at) + ABANDONED_AFTER:
        raise UploadNotReady("This upload was abandoned; start a new one.")
    size = uploaded_size(name=record.name)
    if size is None:
        raise UploadNotReady("The file has not arrived yet; send it to the upload's URL first.")
    if size > record.max_bytes:
        delete_upload_file(name=record.name)
        raise InvalidDataset(f"The file is {size:,} bytes; the limit is {int(record.max_bytes):,} bytes.")
    return record


def uploaded_size(*, name: str) -> int | None:
    """The size of the file at ``name`` in the uploads storage; None while there is none."""
    storage = upload_storage()
    s3 = _s3(storage)
    if s3 is None:
        return storage.size(name) if storage.exists(name) else None
    client, bucket = s3
    try:
        head = client.head_object(Bucket=bucket, Key=name)
    except client.exceptions.ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
            return None
        raise
    return int(head["ContentLength"])


@contextmanager
def opened_upload(*, name: str) -> Iterator[BinaryIO]:
    """The uploaded file as a seekable binary stream (an S3 object is copied to a local temporary file)."""
    storage = upload_storage()
    s3 = _s3(storage)
    if s3 is None:
        with storage.open(name, "rb") as stream:
            yield stream.file  # the real file: pyarrow reads it directly
        return
    client, bucket = s3
    body = client.get_object(Bucket=bucket, Key=name)["Body"]
    with tempfile.TemporaryFile(prefix="salestalk-upload-") as copy:
        shutil.copyfileobj(body, copy, length=COPY_CHUNK)
        copy.seek(0)
        yield copy
