"""Importing a tenant's dataset: validate everything, write a new version beside the old, switch atomically.

1. The whole file is validated first (``metrics.csv_validation``): a bad file writes nothing.
2. The new version is recorded (``VERSION#v``, status ``writing``), then its
   rollup items, the manifest of their keys (to delete them later without a
   scan) and its semantic model are written. Queries still read the old
   version all along.
3. One conditional write switches ``CURRENT`` to the new version; it fails if
   another import switched it meanwhile (this one is then discarded).
4. The version just replaced is kept until the next import, so queries that
   started on it can finish; older versions and crashed imports are deleted.
"""
from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, BinaryIO

from django.conf import settings
from pynamodb.exceptions import PutError

from metrics.batches import delete_keys, put_items
from metrics.blobs import BrokenBlob, read_blob, write_blob
from metrics.csv_validation import ParsedDataset, parse_dataset
from metrics.errors import DatasetExists, ImportConflict
from metrics.import_metrics import measured_import
from metrics.measures import available_measures
from metrics.models import (
    CURRENT_SK,
    DATASET_PK,
    MANIFEST_SK_PREFIX,
    MODEL_SK_PREFIX,
    VERSION_SK_PREFIX,
    BlobPart,
    CurrentDataset,
    DatasetVersion,
    RollupRecord,
    VersionStatus,
    version_pk,
)
from metrics.rollups import ROLLUP_PK_PREFIX, iter_rollups
from metrics.selectors import current_dataset, get_semantic_model, remember_current_version
from metrics.semantic import SemanticModel
from core.ids import new_id
from tenants.context import TenantContext
from tenants.storage import bind

logger = logging.getLogger("salestalk.metrics")

# An import still "writing" after this long has crashed; its items may be deleted.
STALE_IMPORT_AFTER = timedelta(hours=1)
HASH_CHUNK = 1 << 20

# Progress: (stage, done, total or None) with stage "rows" (validating) or "items" (writing rollups).
Progress = Callable[[str, int, int | None], None]


class ImportStatus:
    IMPORTED = "imported"
    UNCHANGED = "unchanged"  # the same file as the current dataset; nothing was written


@dataclass(frozen=True)
class ImportResult:
    status: str
    version: str
    source: str
    rows: int
    dimensions: dict[str, int]  # name -> member count
    measures: tuple[str, ...]
    first_date: date
    last_date: date
    items_written: int
    seconds: float

    def as_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "version": self.version,
            "source": self.source,
            "rows": self.rows,
            "dimensions": dict(self.dimensions),
            "measures": list(self.measures),
            "first_date": self.first_date.isoformat(),
            "last_date": self.last_date.isoformat(),
            "items_written": self.items_written,
            "seconds": round(self.seconds, 3),
        }


def _now() -> datetime:
    return datetime.now(UTC)


def file_checksum(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    stream.seek(0)
    while chunk := stream.read(HASH_CHUNK):
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()


@measured_import
def import_dataset(
    *,
    tenant: TenantContext,
    stream: BinaryIO,
    source: str,
    replace: bool,
    on_progress: Progress | None = None,
    only_if_changed: bool = False,
) -> ImportResult:
    """Import the CSV in ``stream`` (binary, seekable) as the tenant's dataset, all or nothing.

    Raises ``InvalidDataset`` (nothing written), ``DatasetExists`` (a dataset is
    there and ``replace`` is false), ``ImportConflict`` (another import won).
    With ``only_if_changed``, a file identical to the current dataset's is not re-imported.
    """
    started = time.perf_counter()
    checksum = file_checksum(stream)
    current = current_dataset(tenant=tenant)
    if current is not None and not replace:
        raise DatasetExists("This tenant already has a dataset; import with replace to swap it for the new one.")
    if only_if_changed and current is not None and current.checksum == checksum:
        return _result_of(get_semantic_model(tenant=tenant), status=ImportStatus.UNCHANGED, source=current.source,
                          items=0, started=started)

    on_rows = None
    if on_progress is not None:
        counted = 0

        def on_rows(rows: int) -> None:
            nonlocal counted
            counted += rows
            on_progress("rows", counted, None)

    parsed = parse_dataset(stream, max_bytes=settings.SALESTALK_MAX_UPLOAD_BYTES, on_rows=on_rows)
    version = new_id("v")
    model = SemanticModel(
        version=version,
        measures=available_measures(frozenset(parsed.measures)),
        dimensions=parsed.members,
        first_date=parsed.first_date,
        last_date=parsed.last_date,
        row_count=parsed.row_count,
    )
    Version = bind(DatasetVersion, tenant=tenant)
    Version(
        pk=DATASET_PK, sk=f"{VERSION_SK_PREFIX}{version}", version=version,
        status=VersionStatus.WRITING, startedAt=_now().isoformat(),
    ).save()
    try:
        items = _write_version(tenant=tenant, parsed=parsed, model=model, on_progress=on_progress)
        _switch(tenant=tenant, version=version, previous=current, rows=parsed.row_count, source=source,
                checksum=checksum)
    except BaseException:
        _discard_quietly(tenant=tenant, version=version)
        raise
    remember_current_version(tenant=tenant, version=version)
    _mark(tenant=tenant, version=version, status=VersionStatus.CURRENT)
    if current is not None:
        _mark(tenant=tenant, version=current.version, status=VersionStatus.RETIRED)
    try:
        cleanup_versions(tenant=tenant)
    except Exception:  # the import has succeeded; leftovers wait for the next cleanup
        logger.warning("could not clean up old dataset versions", exc_info=True)
    result = _result_of(model, status=ImportStatus.IMPORTED, source=source, items=items, started=started)
    logger.info("dataset imported", extra={"metrics_import": result.as_json()})
    return result


def _result_of(model: SemanticModel, *, status: str, source: str, items: int, started: float) -> ImportResult:
    return ImportResult(
        status=status,
        version=model.version,
        source=source,
        rows=model.row_count,
        dimensions={name: len(members) for name, members in model.dimensions.items()},
        measures=model.measures,
        first_date=model.first_date,
        last_date=model.last_date,
        items_written=items,
        seconds=time.perf_counter() - started,
    )


def _write_version(
    *, tenant: TenantContext, parsed: ParsedDataset, model: SemanticModel, on_progress: Progress | None
) -> int:
    """Rollups first, then the manifest of their keys and the model; a crash before the manifest is
    cleaned up by scanning for the version's key prefix instead."""
    keys: dict[str, list[str]] = {}

    def low_level() -> Iterator[dict[str, dict[str, Any]]]:
        for item in iter_rollups(parsed, version=model.version):
            keys.setdefault(item.pk, []).append(item.sk)
            yield {"pk": {"S": item.pk}, "sk": {"S": item.sk}, **{k: {"B": v} for k, v in item.attributes.items()}}

    report = (lambda done: on_progress("items", done, None)) if on_progress is not None else None
    written = put_items(tenant=tenant, items=low_level(), on_written=report)
    write_blob(tenant=tenant, pk=version_pk(model.version), prefix=MANIFEST_SK_PREFIX, document=keys)
    write_blob(tenant=tenant, pk=version_pk(model.version), prefix=MODEL_SK_PREFIX, document=model.as_json())
    return written


def _switch(
    *, tenant: TenantContext, version: str, previous: CurrentDataset | None, rows: int, source: str, checksum: str
) -> None:
    """The one atomic step: point ``CURRENT`` at ``version`` unless another import moved it first."""
    Current = bind(CurrentDataset, tenant=tenant)
    condition = Current.pk.does_not_exist() if previous is None else Current.version == previous.version
    pointer = Current(
        pk=DATASET_PK, sk=CURRENT_SK, version=version, importedAt=_now().isoformat(),
        rowCount=rows, source=source[:500], checksum=checksum,
    )
    try:
        pointer.save(condition=condition)
    except PutError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            raise ImportConflict(
                "Another import replaced this tenant's dataset while this one was running; this one was discarded."
            ) from exc
        raise


def _mark(*, tenant: TenantContext, version: str, status: str) -> None:
    Version = bind(DatasetVersion, tenant=tenant)
    actions = [Version.status.set(status)]
    if status == VersionStatus.RETIRED:
        actions.append(Version.retiredAt.set(_now().isoformat()))
    try:
        Version(pk=DATASET_PK, sk=f"{VERSION_SK_PREFIX}{version}").update(
            actions=actions, condition=Version.pk.exists()
        )
    except Exception:  # bookkeeping only: cleanup never deletes the version CURRENT names
        logger.warning("could not mark dataset version %s %s", version, status, exc_info=True)


def cleanup_versions(*, tenant: TenantContext, stale_after: timedelta = STALE_IMPORT_AFTER) -> list[str]:
    """Delete versions no query needs any more; returns their ids.

    Kept: the current version, the most recently retired one (queries that read
    the old pointer may still be running on it), and imports still writing
    (younger than ``stale_after``).
    """
    pointer = current_dataset(tenant=tenant)
    current = pointer.version if pointer is not None else None
    Version = bind(DatasetVersion, tenant=tenant)
    others = [
        v for v in Version.query(DATASET_PK, Version.sk.startswith(VERSION_SK_PREFIX), consistent_read=True)
        if v.version != current
    ]
    finished = sorted(
        (v for v in others if v.status != VersionStatus.WRITING), key=lambda v: v.retiredAt or "", reverse=True
    )
    stale_before = (_now() - stale_after).isoformat()
    doomed = finished[1:] + [v for v in others if v.status == VersionStatus.WRITING and v.startedAt <= stale_before]
    for record in doomed:
        delete_version(tenant=tenant, version=record.version)
    return [record.version for record in doomed]


def delete_version(*, tenant: TenantContext, version: str) -> None:
    """Delete a version's rollups, then its model and manifest, then its record (so a crash can resume)."""
    pk = version_pk(version)
    try:
        manifest: dict[str, list[str]] = read_blob(tenant=tenant, pk=pk, prefix=MANIFEST_SK_PREFIX)
        keys: Any = ((partition, sk) for partition, sks in manifest.items() for sk in sks)
    except BrokenBlob:
        # Crashed before its manifest was complete: find whatever it wrote the slow way.
        Rollup = bind(RollupRecord, tenant=tenant)
        prefix = f"{ROLLUP_PK_PREFIX}{version}#"
        keys = [(item.pk, item.sk) for item in Rollup.scan(Rollup.pk.startswith(prefix), attributes_to_get=["pk", "sk"])]
    delete_keys(tenant=tenant, keys=keys)
    Part = bind(BlobPart, tenant=tenant)
    delete_keys(tenant=tenant, keys=[(part.pk, part.sk) for part in Part.query(pk, attributes_to_get=["pk", "sk"])])
    bind(DatasetVersion, tenant=tenant)(pk=DATASET_PK, sk=f"{VERSION_SK_PREFIX}{version}").delete()


def _discard_quietly(*, tenant: TenantContext, version: str) -> None:
    """After a failed import, try to remove what it wrote; if storage is gone, a later cleanup will.

    A switch whose answer was lost may still have happened: a version the pointer names is never deleted.
    """
    try:
        pointer = current_dataset(tenant=tenant)
        remember_current_version(tenant=tenant, version=pointer.version if pointer is not None else None)
        if pointer is not None and pointer.version == version:
            return
        delete_version(tenant=tenant, version=version)
    except Exception:
        logger.warning("could not discard failed import %s; a later import will", version, exc_info=True)
