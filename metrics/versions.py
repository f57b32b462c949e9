"""Dataset versions a tenant may go back to, and switching the current-version pointer to one of them.

An import keeps the version it replaced (``metrics.services.cleanup_versions``), so the previous dataset is
always one switch away; switching is the same conditional write of ``DATASET / CURRENT`` an import ends with.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pynamodb.exceptions import PutError

from core.clock import now_iso
from metrics.errors import ImportConflict, MetricsError
from metrics.jobs import recent_import_jobs
from metrics.models import (
    CURRENT_SK,
    DATASET_PK,
    VERSION_SK_PREFIX,
    CurrentDatasetItem,
    DatasetVersionItem,
    VersionStatus,
)
from metrics.selectors import current_dataset, read_model, remember_current_version
from tenants.context import TenantContext
from tenants.storage import bind

HISTORY = 100  # import jobs searched for each version's source


class UnknownVersion(MetricsError):
    status_code = 404
    code = "unknown_version"


@dataclass(frozen=True)
class VersionInfo:
    version: str
    current: bool
    started_at: str
    retired_at: str | None
    source: str | None
    rows: int | None
    job: str | None

    def as_json(self) -> dict[str, Any]:
        return {"version": self.version, "current": self.current, "started_at": self.started_at,
                "retired_at": self.retired_at, "source": self.source, "rows": self.rows, "job": self.job}


def available_versions(*, tenant: TenantContext) -> list[VersionInfo]:
    """The versions still stored (the current one and the one it replaced), newest first."""
    pointer = current_dataset(tenant=tenant)
    Version = bind(DatasetVersionItem, tenant=tenant)
    records = [v for v in Version.query(DATASET_PK, Version.sk.startswith(VERSION_SK_PREFIX), consistent_read=True)
               if v.status != VersionStatus.WRITING]
    jobs = {job.result["version"]: job for job in recent_import_jobs(tenant=tenant, limit=HISTORY)
            if job.result and job.result.get("version")}
    found = []
    for record in sorted(records, key=lambda v: v.version, reverse=True):
        job = jobs.get(record.version)
        found.append(VersionInfo(
            version=record.version, current=pointer is not None and pointer.version == record.version,
            started_at=record.started_at, retired_at=record.retired_at,
            source=job.source if job else None, rows=job.result.get("rows") if job else None,
            job=job.id if job else None,
        ))
    return found


def switch_to_version(*, tenant: TenantContext, version: str) -> VersionInfo:
    """Make ``version`` (a finished version still stored) the current dataset again."""
    known = {v.version: v for v in available_versions(tenant=tenant)}
    if version not in known:
        raise UnknownVersion("There is no such dataset version to go back to; only the last replaced one is kept.")
    pointer = current_dataset(tenant=tenant)
    if pointer is not None and pointer.version == version:
        return known[version]
    model = read_model(tenant=tenant, version=version)
    Current = bind(CurrentDatasetItem, tenant=tenant)
    condition = Current.pk.does_not_exist() if pointer is None else Current.version == pointer.version
    try:
        Current(pk=DATASET_PK, sk=CURRENT_SK, version=version, imported_at=now_iso(), row_count=model.row_count,
                source=(known[version].source or f"version {version}")[:500]).save(condition=condition)
    except PutError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            raise ImportConflict("The dataset changed meanwhile; reload and try again.") from exc
        raise
    remember_current_version(tenant=tenant, version=version)
    Version = bind(DatasetVersionItem, tenant=tenant)
    Version(pk=DATASET_PK, sk=f"{VERSION_SK_PREFIX}{version}").update(
        actions=[Version.status.set(VersionStatus.CURRENT), Version.retired_at.remove()])
    if pointer is not None:
        Version(pk=DATASET_PK, sk=f"{VERSION_SK_PREFIX}{pointer.version}").update(
            actions=[Version.status.set(VersionStatus.RETIRED), Version.retired_at.set(now_iso())])
    return next(v for v in available_versions(tenant=tenant) if v.version == version)
