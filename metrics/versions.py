"""Dataset versions a tenant may go back to, and switching the current-version pointer to one of them.

An import keeps the versions it replaced, up to ``SALESTALK_DATASET_VERSIONS_KEPT`` in all
(``metrics.services.cleanup_versions`` deletes older ones), so each of them is one switch away. A switch
writes ``DATASET / CURRENT`` and the versions' states in one transaction, on condition that the pointer
did not move meanwhile and that the version is not being removed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

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
from tenants.storage import bind, bound_connection

HISTORY = 100  # import jobs searched for each version's source
SWITCHABLE = (VersionStatus.CURRENT, VersionStatus.RETIRED)


class UnknownVersion(MetricsError):
    status_code = 404
    code = "unknown_version"


class VersionRemoved(MetricsError):
    """The version was this tenant's but is past the bound of versions kept: its files are gone."""

    status_code = 409
    code = "version_removed"


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


def _version_items(tenant: TenantContext) -> list[DatasetVersionItem]:
    Version = bind(DatasetVersionItem, tenant=tenant)
    return list(Version.query(DATASET_PK, Version.sk.startswith(VERSION_SK_PREFIX), consistent_read=True))


def available_versions(*, tenant: TenantContext) -> list[VersionInfo]:
    """Every version still stored (the current one and those it replaced, within the bound), newest first."""
    pointer = current_dataset(tenant=tenant)
    records = [v for v in _version_items(tenant) if v.status in SWITCHABLE]
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


def _refused(*, tenant: TenantContext, version: str) -> MetricsError:
    """Why ``version`` cannot be switched to: removed past the bound, or never this tenant's."""
    removing = any(v.version == version for v in _version_items(tenant) if v.status == VersionStatus.REMOVING)
    imported = any(job.result and job.result.get("version") == version
                   for job in recent_import_jobs(tenant=tenant, limit=HISTORY))
    if removing or imported:
        kept = settings.SALESTALK_DATASET_VERSIONS_KEPT
        return VersionRemoved(f"Version {version} was removed: only the last {kept} versions are kept. "
                              "Import its file again to get it back.")
    return UnknownVersion("There is no such dataset version to go back to.")


def switch_to_version(*, tenant: TenantContext, version: str) -> VersionInfo:
    """Make ``version`` (a finished version still stored) the current dataset again."""
    known = {v.version: v for v in available_versions(tenant=tenant)}
    if version not in known:
        raise _refused(tenant=tenant, version=version)
    pointer = current_dataset(tenant=tenant)
    if pointer is not None and pointer.version == version:
        return known[version]
    model = read_model(tenant=tenant, version=version)
    Current = bind(CurrentDatasetItem, tenant=tenant)
    Version = bind(DatasetVersionItem, tenant=tenant)
    moment = now_iso()
    try:
        with TransactWrite(connection=bound_connection(model=Current).connection) as transaction:
            transaction.save(
                Current(pk=DATASET_PK, sk=CURRENT_SK, version=version, imported_at=moment,
                        row_count=model.row_count, source=(known[version].source or f"version {version}")[:500]),
                condition=Current.pk.does_not_exist() if pointer is None else Current.version == pointer.version,
            )
            transaction.update(
                Version(pk=DATASET_PK, sk=f"{VERSION_SK_PREFIX}{version}"),
                actions=[Version.status.set(VersionStatus.CURRENT), Version.retired_at.remove()],
                condition=Version.status.is_in(*SWITCHABLE),
            )
            if pointer is not None:
                transaction.update(
                    Version(pk=DATASET_PK, sk=f"{VERSION_SK_PREFIX}{pointer.version}"),
                    actions=[Version.status.set(VersionStatus.RETIRED), Version.retired_at.set(moment)],
                )
    except TransactWriteError as exc:
        # Reasons in the transaction's order: the pointer, then the version switched to.
        failed = [r is not None and r.code == "ConditionalCheckFailed" for r in exc.cancellation_reasons]
        if failed[1:2] == [True]:
            raise _refused(tenant=tenant, version=version) from exc
        if failed[:1] == [True]:
            raise ImportConflict("The dataset changed meanwhile; reload and try again.") from exc
        raise
    remember_current_version(tenant=tenant, version=version)
    return next(v for v in available_versions(tenant=tenant) if v.version == version)
