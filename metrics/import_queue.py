"""Starting import jobs: a worker thread in this process locally, an asynchronous Lambda invocation in AWS.

``SALESTALK_IMPORT_RUNNER`` is ``thread`` (the local and test profiles) or
``lambda``: the job is handed to ``SALESTALK_IMPORT_FUNCTION`` (the same image's
``salestalk.lambda_import.handler``) with ``InvocationType=Event``, so the HTTP
request returns at once and the import has a function's full 15 minutes.
"""
from __future__ import annotations

import json
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from functools import lru_cache
from typing import Any

from django.conf import settings

from core.clock import now
from metrics.errors import MetricsError
from metrics.jobs import ImportJob, ImportRequest, create_import_job, error_of, fail_queued_job, run_import_job
from metrics.uploads import UploadItem, mark_queued
from tenants.context import TenantContext
from tenants.selectors import get_tenant_context

logger = logging.getLogger("salestalk.metrics.jobs")


class ImportUnavailable(MetricsError):
    status_code = 503
    code = "import_unavailable"

_lock = threading.Lock()
_workers: ThreadPoolExecutor | None = None


def start_import(*, tenant: TenantContext, upload: UploadItem, request: ImportRequest) -> ImportJob:
    """Queue a job importing ``upload`` and start it; the upload cannot be completed twice."""
    job = create_import_job(tenant=tenant, upload=upload.name, source=upload.filename, request=request)
    mark_queued(tenant=tenant, upload_id=upload.upload_id, job_id=job.id)
    try:
        _dispatch(tenant=tenant, job_id=job.id)
    except Exception as exc:
        fail_queued_job(tenant=tenant, job_id=job.id, error=error_of(exc))
        raise ImportUnavailable("The import could not be started; upload the file again in a moment.") from exc
    return job


def import_now(*, tenant: TenantContext, upload: UploadItem, request: ImportRequest) -> ImportJob:
    """A job run in this request (``POST /api/metrics/datasets/``, whose body API Gateway already keeps small);
    a failure is recorded on the job and raised."""
    job = create_import_job(tenant=tenant, upload=upload.name, source=upload.filename, request=request)
    mark_queued(tenant=tenant, upload_id=upload.upload_id, job_id=job.id)
    return run_import_job(tenant=tenant, job_id=job.id, reraise=True)


def _dispatch(*, tenant: TenantContext, job_id: str) -> None:
    if settings.SALESTALK_IMPORT_RUNNER == "lambda":
        lambda_client().invoke(
            FunctionName=settings.SALESTALK_IMPORT_FUNCTION,
            InvocationType="Event",
            Payload=json.dumps({"tenant_id": tenant.tenant_id, "job_id": job_id}).encode(),
        )
        return
    _executor().submit(_run_logged, tenant, job_id)


def _run_logged(tenant: TenantContext, job_id: str) -> None:
    try:
        run_import_job(tenant=tenant, job_id=job_id)
    except Exception:  # the job's readers fail it by its silent heartbeat
        logger.exception("import job %s could not be run", job_id)


def _executor() -> ThreadPoolExecutor:
    global _workers
    with _lock:
        if _workers is None:
            _workers = ThreadPoolExecutor(max_workers=settings.SALESTALK_IMPORT_WORKERS,
                                          thread_name_prefix="import")
        return _workers


@lru_cache(maxsize=1)
def lambda_client() -> Any:
    import boto3  # with s3transfer: loaded by the first queued import, not by a cold start

    return boto3.client("lambda", region_name=settings.SALESTALK_AWS_REGION)


def handle_import_event(*, event: dict[str, Any], remaining_ms: int) -> dict[str, Any]:
    """The import function's work: run the job the event names, for the tenant it names, within the time left."""
    tenant = get_tenant_context(tenant_id=str(event["tenant_id"]))
    # Lambda stops the function then: past it, a job still running was cut off and its readers fail it.
    deadline = now() + timedelta(milliseconds=remaining_ms)
    job = run_import_job(tenant=tenant, job_id=str(event["job_id"]), deadline=deadline)
    return {"job": job.id, "status": job.status}
