"""Import jobs: every dataset import is a job in the tenant's table, run in the background, polled by the UIs.

``IMPORT / JOB#{id}`` goes queued → running (a stage and a fraction done, a
heartbeat) → done (the import's counts) or failed (the error, naming line and
column where the file is at fault). Job ids sort by creation time, so the
newest jobs are one query.

A job is started once: the move from queued to running is conditional, so a
retried Lambda event or a second worker never runs it twice. A process that
dies mid-import (a crash, Lambda's 15-minute limit) can mark nothing; readers
find such a job by its silent heartbeat or passed deadline and mark it failed.
The import service only switches the current version at its very end, so the
previous dataset stays current all along.
"""
from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.exceptions import UpdateError

from core.clock import now, now_iso
from core.errors import AppError
from core.ids import is_id, new_id
from metrics import services
from metrics.errors import InvalidDataset, MetricsError
from metrics.uploads import delete_upload_file, opened_upload
from tenants.context import TenantContext
from tenants.storage import TenantItem, bind

logger = logging.getLogger("salestalk.metrics.jobs")

JOB_PK = "IMPORT"
JOB_SK_PREFIX = "JOB#"
JOB_ID_PREFIX = "imp"
# How much of the bar each stage fills: reading and validating the file is most of an import's time.
VALIDATED_FRACTION = 0.6
MAX_ERROR_CHARS = 2000
STARTED_FRACTION = 0.05
# A process cut off at its deadline writes nothing more; a little later, nothing of it can still be running.
DEADLINE_GRACE = timedelta(seconds=5)
PAST_DEADLINE = "The import did not finish within its time limit"


class JobStatus:
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class JobNotFound(MetricsError):
    status_code = 404
    code = "import_not_found"


class ImportJobItem(TenantItem):
    job_id = UnicodeAttribute(attr_name="jobId")
    status = UnicodeAttribute()
    source = UnicodeAttribute()
    upload = UnicodeAttribute()  # the uploaded file's name in the datasets storage
    request = UnicodeAttribute()  # JSON: replace, dimensions, measures
    created_at = UnicodeAttribute(attr_name="createdAt")
    created_by = UnicodeAttribute(attr_name="createdBy", null=True)
    started_at = UnicodeAttribute(attr_name="startedAt", null=True)
    heartbeat_at = UnicodeAttribute(attr_name="heartbeatAt", null=True)
    deadline_at = UnicodeAttribute(attr_name="deadlineAt", null=True)
    finished_at = UnicodeAttribute(attr_name="finishedAt", null=True)
    stage = UnicodeAttribute(null=True)
    progress = NumberAttribute(default=0)
    result = UnicodeAttribute(null=True)  # JSON: the import's counts
    error = UnicodeAttribute(null=True)  # JSON: code, message, line, column


@dataclass(frozen=True)
class ImportRequest:
    replace: bool = False
    dimensions: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"replace": self.replace, "dimensions": list(self.dimensions), "measures": list(self.measures)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ImportRequest:
        return cls(replace=bool(data.get("replace")), dimensions=tuple(data.get("dimensions") or ()),
                   measures=tuple(data.get("measures") or ()))


@dataclass(frozen=True)
class ImportJob:
    id: str
    status: str
    source: str
    request: ImportRequest
    created_at: str
    created_by: str | None
    started_at: str | None
    finished_at: str | None
    stage: str | None
    progress: float
    result: dict[str, Any] | None
    error: dict[str, Any] | None
    upload: str

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "source": self.source,
            "replace": self.request.replace,
            "dimensions": list(self.request.dimensions),
            "measures": list(self.request.measures),
            "created_at": self.created_at,
            "created_by": self.created_by,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "stage": self.stage,
            "progress": round(self.progress, 3),
            "result": self.result,
            "error": self.error,
        }


def _job_of(record: ImportJobItem) -> ImportJob:
    return ImportJob(
        id=record.job_id,
        status=record.status,
        source=record.source,
        request=ImportRequest.from_json(json.loads(record.request)),
        created_at=record.created_at,
        created_by=record.created_by,
        started_at=record.started_at,
        finished_at=record.finished_at,
        stage=record.stage,
        progress=float(record.progress or 0),
        result=json.loads(record.result) if record.result else None,
        error=json.loads(record.error) if record.error else None,
        upload=record.upload,
    )


def _sk(job_id: str) -> str:
    return f"{JOB_SK_PREFIX}{job_id}"


# --- writes ------------------------------------------------------------------------------------------------
def create_import_job(
    *, tenant: TenantContext, upload: str, source: str, request: ImportRequest
) -> ImportJob:
    """Record a queued job for the uploaded file ``upload``; ``dispatch`` starts it."""
    Job = bind(ImportJobItem, tenant=tenant)
    job_id = new_id(JOB_ID_PREFIX)
    record = Job(
        pk=JOB_PK, sk=_sk(job_id), job_id=job_id, status=JobStatus.QUEUED, source=source[:500], upload=upload,
        request=json.dumps(request.as_json()), created_at=now_iso(), created_by=tenant.email, stage="queued",
        progress=0,
    )
    record.save(condition=Job.pk.does_not_exist())
    return _job_of(record)


def run_import_job(
    *, tenant: TenantContext, job_id: str, deadline: datetime | None = None, reraise: bool = False
) -> ImportJob:
    """Run a queued job to its end (done or failed); a job already started elsewhere is left alone.

    ``deadline``: when this process will be stopped (Lambda's limit); readers fail the job after it.
    The uploaded file is deleted once the job has an outcome, imported or rejected. With ``reraise``,
    a failure is recorded and then raised (a caller waiting in its request answers with it).
    """
    Job = bind(ImportJobItem, tenant=tenant)
    record = Job(pk=JOB_PK, sk=_sk(job_id))
    limit = deadline or now() + timedelta(seconds=settings.SALESTALK_IMPORT_TIME_LIMIT_SECONDS)
    started = now_iso()
    try:
        record.update(
            actions=[Job.status.set(JobStatus.RUNNING), Job.started_at.set(started), Job.heartbeat_at.set(started),
                     Job.deadline_at.set(limit.isoformat(timespec="milliseconds")), Job.stage.set("reading"),
                     Job.progress.set(STARTED_FRACTION)],
            condition=Job.status == JobStatus.QUEUED,
        )
    except UpdateError as exc:
        if exc.cause_response_code != "ConditionalCheckFailedException":
            raise
        logger.info("import job %s was already started", job_id)
        return get_import_job(tenant=tenant, job_id=job_id)
    job = _job_of(record)
    try:
        with _heartbeat(tenant=tenant, job_id=job_id):
            outcome = _import(tenant=tenant, job=job)
    except Exception as exc:  # every failure becomes the job's outcome; the process lives on
        _remove_upload(job.upload)
        _finish(tenant=tenant, job_id=job_id, status=JobStatus.FAILED, error=error_of(exc))
        if reraise:
            raise
    else:
        _remove_upload(job.upload)  # before the outcome: a finished job's file is gone
        _finish(tenant=tenant, job_id=job_id, status=JobStatus.DONE, result=outcome)
    return get_import_job(tenant=tenant, job_id=job_id)


def _import(*, tenant: TenantContext, job: ImportJob) -> dict[str, Any]:
    def on_progress(stage: str, done: int, total: int | None) -> None:
        if stage == "rows":
            _set_progress(tenant=tenant, job_id=job.id, stage="writing", progress=VALIDATED_FRACTION)
        elif total:
            fraction = VALIDATED_FRACTION + (1 - VALIDATED_FRACTION) * done / total
            _set_progress(tenant=tenant, job_id=job.id, stage="writing", progress=min(fraction, 0.99))

    with opened_upload(name=job.upload) as stream:
        _set_progress(tenant=tenant, job_id=job.id, stage="validating", progress=STARTED_FRACTION)
        result = services.import_dataset(
            tenant=tenant, stream=stream, source=job.source, replace=job.request.replace,
            dimensions=job.request.dimensions, measures=job.request.measures, on_progress=on_progress,
        )
    return result.as_json()


def fail_queued_job(*, tenant: TenantContext, job_id: str, error: dict[str, Any]) -> None:
    """A job that could not be started (its worker could not be reached) fails at once."""
    _finish(tenant=tenant, job_id=job_id, status=JobStatus.FAILED, error=error, expected=JobStatus.QUEUED)


def error_of(exc: BaseException) -> dict[str, Any]:
    """What a person may read of a failure: our own errors say what is wrong; anything else says only that."""
    if isinstance(exc, AppError):
        message = str(exc)
        # Stored in the job's one item (400 KB at most): however an error came to quote the file, it fits.
        if len(message) > MAX_ERROR_CHARS:
            message = message[:MAX_ERROR_CHARS] + "…"
        error: dict[str, Any] = {"code": exc.code, "message": message}
        if isinstance(exc, InvalidDataset):
            error.update(line=exc.line, column=exc.column)
        return error
    logger.error("import job failed", exc_info=exc)
    return {"code": "import_failed", "message": "The import stopped on an internal error; nothing was changed."}


def _set_progress(*, tenant: TenantContext, job_id: str, stage: str, progress: float) -> None:
    Job = bind(ImportJobItem, tenant=tenant)
    Job(pk=JOB_PK, sk=_sk(job_id)).update(
        actions=[Job.stage.set(stage), Job.progress.set(round(progress, 3)), Job.heartbeat_at.set(now_iso())],
        condition=Job.status == JobStatus.RUNNING,
    )


def _finish(
    *, tenant: TenantContext, job_id: str, status: str, result: dict[str, Any] | None = None,
    error: dict[str, Any] | None = None, expected: str = JobStatus.RUNNING, heartbeat: str | None = None,
) -> bool:
    """Move a job from ``expected`` to its outcome; False when another writer got there first."""
    Job = bind(ImportJobItem, tenant=tenant)
    actions = [Job.status.set(status), Job.finished_at.set(now_iso()), Job.stage.set(status)]
    if result is not None:
        actions += [Job.result.set(json.dumps(result)), Job.progress.set(1)]
    if error is not None:
        actions.append(Job.error.set(json.dumps(error)))
    condition = Job.status == expected
    if heartbeat is not None:
        condition &= Job.heartbeat_at == heartbeat
    try:
        Job(pk=JOB_PK, sk=_sk(job_id)).update(actions=actions, condition=condition)
    except UpdateError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            return False
        raise
    return True


@contextmanager
def _heartbeat(*, tenant: TenantContext, job_id: str) -> Iterator[None]:
    """Beat while the import runs, so readers can tell a slow import from a dead process."""
    stop = threading.Event()
    Job = bind(ImportJobItem, tenant=tenant)

    def beat() -> None:
        while not stop.wait(settings.SALESTALK_IMPORT_HEARTBEAT_SECONDS):
            try:
                Job(pk=JOB_PK, sk=_sk(job_id)).update(
                    actions=[Job.heartbeat_at.set(now_iso())], condition=Job.status == JobStatus.RUNNING
                )
            except Exception:  # a missed beat only makes the job look slower
                logger.warning("import job %s: heartbeat failed", job_id, exc_info=True)

    thread = threading.Thread(target=beat, name=f"import-heartbeat-{job_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


# --- reads -------------------------------------------------------------------------------------------------
def get_import_job(*, tenant: TenantContext, job_id: str) -> ImportJob:
    """The job ``job_id``, failed first if its process is gone; ``JobNotFound`` otherwise."""
    if not is_id(job_id, prefix=JOB_ID_PREFIX):
        raise JobNotFound("There is no such import.")
    Job = bind(ImportJobItem, tenant=tenant)
    try:
        record = Job.get(JOB_PK, _sk(job_id), consistent_read=True)
    except Job.DoesNotExist as exc:
        raise JobNotFound("There is no such import.") from exc
    return _settled(tenant=tenant, record=record)


def recent_import_jobs(*, tenant: TenantContext, limit: int = 20) -> list[ImportJob]:
    """The tenant's latest jobs, newest first."""
    Job = bind(ImportJobItem, tenant=tenant)
    records = Job.query(JOB_PK, Job.sk.startswith(JOB_SK_PREFIX), scan_index_forward=False, limit=limit,
                        consistent_read=True)
    return [_settled(tenant=tenant, record=record) for record in records]


def _settled(*, tenant: TenantContext, record: ImportJobItem) -> ImportJob:
    reason = _abandoned(record)
    if reason is None:
        return _job_of(record)
    error = {"code": "import_interrupted", "message": f"{reason} The previous dataset is still the current one."}
    # Silence is judged by the beat read: a beat since means the job lives. A passed deadline is final.
    silent = record.status == JobStatus.RUNNING and not reason.startswith(PAST_DEADLINE)
    if _finish(tenant=tenant, job_id=record.job_id, status=JobStatus.FAILED, error=error, expected=record.status,
               heartbeat=record.heartbeat_at if silent else None):
        _remove_upload(record.upload)
    Job = bind(ImportJobItem, tenant=tenant)
    return _job_of(Job.get(JOB_PK, record.sk, consistent_read=True))


def _abandoned(record: ImportJobItem) -> str | None:
    """Why a job that says it is queued or running can no longer finish; None while it still may."""
    moment = now()
    if record.status == JobStatus.QUEUED:
        waited = moment - datetime.fromisoformat(record.created_at)
        if waited > timedelta(seconds=settings.SALESTALK_IMPORT_QUEUE_SECONDS):
            return "The import was never started."
    elif record.status == JobStatus.RUNNING:
        if record.deadline_at and moment > datetime.fromisoformat(record.deadline_at) + DEADLINE_GRACE:
            return f"{PAST_DEADLINE}."
        silent = moment - datetime.fromisoformat(record.heartbeat_at or record.started_at or record.created_at)
        if silent > timedelta(seconds=settings.SALESTALK_IMPORT_HEARTBEAT_SECONDS * 6):
            return "The import stopped without finishing (its process ended)."
    return None


def _remove_upload(name: str) -> None:
    try:
        delete_upload_file(name=name)
    except Exception:  # the outcome is recorded; a leftover upload is only storage
        logger.warning("could not delete upload %s", name, exc_info=True)

