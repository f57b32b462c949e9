"""Importing a tenant's dataset: validate everything, write a new version beside the old, switch atomically.

1. The whole file is read and validated first (``metrics.reading``,
   ``metrics.validation``): a bad file writes nothing.
2. The new version is recorded (``VERSION#v``, status ``writing``), then its
   facts are written as one Parquet file under the tenant's prefix
   (``metrics.files``) and its semantic model as one item. Queries still read
   the old version all along.
3. One conditional write switches ``CURRENT`` to the new version; it fails if
   another import switched it meanwhile (this one is then discarded).
4. The versions replaced are kept, up to ``SALESTALK_DATASET_VERSIONS_KEPT``
   in all, so each is one switch away (``metrics.versions``) and queries that
   started on one can finish; older versions and crashed imports are deleted.

The DynamoDB items an import writes do not depend on the data's size or its
number of dimensions: a version record, the model, the pointer.
"""
from __future__ import annotations

import hashlib
import logging
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from django.conf import settings
from pynamodb.exceptions import PutError, UpdateError

from core.clock import now, now_iso
from core.ids import new_id
from metrics import athena
from metrics.errors import DatasetExists, ImportConflict, InvalidDataset
from metrics.files import delete_version_file, save_version_file, version_file_exists
from metrics.import_metrics import measured_import
from metrics.measures import measures_for
from metrics.models import (
    CURRENT_SK,
    DATASET_PK,
    MODEL_SK,
    VERSION_SK_PREFIX,
    CurrentDatasetItem,
    DatasetVersionItem,
    SemanticModelItem,
    VersionStatus,
    version_pk,
)
from metrics.reading import file_size, read_table
from metrics.selectors import current_dataset, encode_model, get_semantic_model, remember_current_version
from metrics.semantic import SemanticModel
from tenants.context import TenantContext
from tenants.storage import bind

# metrics.validation works in numpy and pyarrow: imported where a file is read, never at a cold start.
if TYPE_CHECKING:
    from metrics.validation import ColumnRole, Facts, Limits

logger = logging.getLogger("salestalk.metrics")

# An import still "writing" after this long has crashed; its leftovers may be deleted.
STALE_IMPORT_AFTER = timedelta(hours=1)
HASH_CHUNK = 1 << 20
# One item holds at most 400 KB; the model's members must fit in one, compressed.
MAX_MODEL_BYTES = 380_000
ROW_GROUP_ROWS = 128 * 1024

# Progress: (stage, done, total or None); stages "rows" (read and validated) then "writing" (steps of 3).
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
    columns: tuple[ColumnRole, ...]  # the role each column of the file was given
    added_together: int | None  # the file's rows added to an earlier row of the same date and members (None: unknown)
    first_date: date
    last_date: date
    items_written: int  # DynamoDB items
    model_bytes: int  # the largest of them, the compressed semantic model
    file_bytes: int  # the version's Parquet file
    seconds: float

    def as_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "version": self.version,
            "source": self.source,
            "rows": self.rows,
            "dimensions": dict(self.dimensions),
            "measures": list(self.measures),
            "columns": [role.as_json() for role in self.columns],
            "added_together": self.added_together,
            "note": added_together_note(rows=self.added_together or 0),
            "first_date": self.first_date.isoformat(),
            "last_date": self.last_date.isoformat(),
            "items_written": self.items_written,
            "model_bytes": self.model_bytes,
            "file_bytes": self.file_bytes,
            "seconds": round(self.seconds, 3),
        }


def added_together_note(*, rows: int) -> str | None:
    """What every surface showing an import's report says of the rows it added together (``None``: none)."""
    if rows == 0:
        return None
    return (f"{rows:,} {'row' if rows == 1 else 'rows'} shared a date and members with an earlier row and "
            "were added together.")


def file_checksum(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    stream.seek(0)
    while chunk := stream.read(HASH_CHUNK):
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()


def dataset_limits() -> Limits:
    from metrics.validation import Limits

    return Limits(
        max_columns=settings.SALESTALK_MAX_DATASET_COLUMNS,
        max_rows=settings.SALESTALK_MAX_DATASET_ROWS,
        max_members=settings.SALESTALK_MAX_DATASET_MEMBERS,
        min_date=date.fromisoformat(settings.SALESTALK_DATASET_MIN_DATE),
        max_date=date.fromisoformat(settings.SALESTALK_DATASET_MAX_DATE),
    )


def column_names(values: Sequence[str]) -> list[str]:
    """Columns named for a role, repeated or comma-separated: ``store_id zip`` or ``store_id,zip``."""
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def read_facts(
    stream: BinaryIO, *, dimensions: Sequence[str] = (), measures: Sequence[str] = ()
) -> Facts:
    """The validated facts of a CSV, Excel or Parquet file; raises ``InvalidDataset`` (nothing is written)."""
    size = file_size(stream)
    limit = settings.SALESTALK_MAX_UPLOAD_BYTES
    if size > limit:
        raise InvalidDataset(f"The file is {size:,} bytes; the limit is {limit:,} bytes.")
    if size == 0:
        raise InvalidDataset("The file is empty.")
    from metrics.validation import validate

    limits = dataset_limits()
    raw = read_table(stream, max_columns=limits.max_columns, max_rows=limits.max_rows)
    return validate(raw, limits=limits, dimensions=dimensions, measures=measures)


@measured_import
def import_dataset(
    *,
    tenant: TenantContext,
    stream: BinaryIO,
    source: str,
    replace: bool,
    dimensions: Sequence[str] = (),
    measures: Sequence[str] = (),
    on_progress: Progress | None = None,
    only_if_changed: bool = False,
) -> ImportResult:
    """Import the file in ``stream`` (binary, seekable) as the tenant's dataset, all or nothing.

    ``dimensions`` / ``measures`` name columns whose role is forced (a numeric ``store_id`` as a dimension).
    Raises ``InvalidDataset`` (nothing written), ``DatasetExists`` (a dataset is there and ``replace`` is
    false), ``ImportConflict`` (another import won). With ``only_if_changed``, a file identical to the
    current dataset's is not re-imported.
    """
    started = time.perf_counter()
    checksum = file_checksum(stream)
    current = current_dataset(tenant=tenant)
    if current is not None and not replace:
        raise DatasetExists("This tenant already has a dataset; import with replace to swap it for the new one.")
    # the same file again is left alone, unless its stored version is gone (then it is imported anew: nothing lost)
    if (only_if_changed and current is not None and current.checksum == checksum
            and version_file_exists(tenant=tenant, version=current.version)):
        model = get_semantic_model(tenant=tenant)
        # the file is the one imported: its report says what that import did with its rows
        added = None if current.added_together is None else int(current.added_together)
        return _result_of(model, status=ImportStatus.UNCHANGED, source=current.source, columns=(), added_together=added,
                          items=0, model_bytes=0, file_bytes=0, started=started)

    facts = read_facts(stream, dimensions=dimensions, measures=measures)
    if on_progress is not None:
        on_progress("rows", facts.file_rows, facts.file_rows)
    version = new_id("v")
    model = _model_of(facts, version=version)
    document = encode_model(model)
    if len(document) > MAX_MODEL_BYTES:
        raise InvalidDataset(
            f"The dimensions' members take {len(document):,} bytes compressed; at most {MAX_MODEL_BYTES:,} fit. "
            "Is one of the text columns an id or a free-text field? Leave it out of the file."
        )
    Version = bind(DatasetVersionItem, tenant=tenant)
    Version(
        pk=DATASET_PK, sk=f"{VERSION_SK_PREFIX}{version}", version=version,
        status=VersionStatus.WRITING, started_at=now_iso(),
    ).save()
    try:
        file_bytes = _write_file(tenant=tenant, version=version, facts=facts)
        if athena.past_one_function(rows=facts.row_count, file_bytes=file_bytes):
            athena.register_version(tenant=tenant, version=version, schema=facts.table.schema)
        _progress(on_progress, 1)
        bind(SemanticModelItem, tenant=tenant)(pk=version_pk(version), sk=MODEL_SK, document=document).save()
        _progress(on_progress, 2)
        _switch(tenant=tenant, version=version, previous=current, rows=facts.row_count, source=source,
                checksum=checksum, added_together=facts.added_together)
        _progress(on_progress, 3)
    except BaseException:
        _discard_quietly(tenant=tenant, version=version)
        raise
    remember_current_version(tenant=tenant, version=version)
    items = 3 + _mark(tenant=tenant, version=version, status=VersionStatus.CURRENT, file_bytes=file_bytes)
    if current is not None:
        items += _mark(tenant=tenant, version=current.version, status=VersionStatus.RETIRED)
    try:
        cleanup_versions(tenant=tenant)
    except Exception:  # the import has succeeded; leftovers wait for the next cleanup
        logger.warning("could not clean up old dataset versions", exc_info=True)
    result = _result_of(model, status=ImportStatus.IMPORTED, source=source, columns=facts.roles,
                        added_together=facts.added_together, items=items, model_bytes=len(document),
                        file_bytes=file_bytes, started=started)
    logger.info("dataset imported", extra={"metrics_import": result.as_json()})
    return result


def _progress(on_progress: Progress | None, step: int) -> None:
    if on_progress is not None:
        on_progress("writing", step, 3)


def _model_of(facts: Facts, *, version: str) -> SemanticModel:
    definitions = measures_for(facts.measure_columns)
    return SemanticModel(
        version=version,
        measures=tuple(m.name for m in definitions),
        definitions={m.name: m for m in definitions},
        dimensions=facts.members,
        first_date=facts.first_date,
        last_date=facts.last_date,
        row_count=facts.row_count,
    )


def _write_file(*, tenant: TenantContext, version: str, facts: Facts) -> int:
    import pyarrow.parquet as pq

    # Dimensions dictionary-encoded, rows sorted by date: a period's query reads only its row groups.
    table = facts.table
    with tempfile.TemporaryDirectory(prefix="salestalk-import-") as folder:
        path = Path(folder) / f"{version}.parquet"
        pq.write_table(table, path, row_group_size=ROW_GROUP_ROWS, compression="zstd")
        return save_version_file(tenant=tenant, version=version, path=path)


def _result_of(
    model: SemanticModel, *, status: str, source: str, columns: tuple[ColumnRole, ...], added_together: int | None,
    items: int, model_bytes: int, file_bytes: int, started: float,
) -> ImportResult:
    return ImportResult(
        status=status,
        version=model.version,
        source=source,
        rows=model.row_count,
        dimensions={name: len(members) for name, members in model.dimensions.items()},
        measures=model.measures,
        columns=columns,
        added_together=added_together,
        first_date=model.first_date,
        last_date=model.last_date,
        items_written=items,
        model_bytes=model_bytes,
        file_bytes=file_bytes,
        seconds=time.perf_counter() - started,
    )


def _switch(
    *, tenant: TenantContext, version: str, previous: CurrentDatasetItem | None, rows: int, source: str, checksum: str,
    added_together: int,
) -> None:
    """The one atomic step: point ``CURRENT`` at ``version`` unless another import moved it first."""
    Current = bind(CurrentDatasetItem, tenant=tenant)
    condition = Current.pk.does_not_exist() if previous is None else Current.version == previous.version
    pointer = Current(
        pk=DATASET_PK, sk=CURRENT_SK, version=version, imported_at=now_iso(),
        row_count=rows, source=source[:500], checksum=checksum, added_together=added_together,
    )
    try:
        pointer.save(condition=condition)
    except PutError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            raise ImportConflict(
                "Another import replaced this tenant's dataset while this one was running; this one was discarded."
            ) from exc
        raise


def _mark(*, tenant: TenantContext, version: str, status: str, file_bytes: int | None = None) -> int:
    """Bookkeeping only (cleanup never deletes the version CURRENT names); returns the items written."""
    Version = bind(DatasetVersionItem, tenant=tenant)
    actions = [Version.status.set(status)]
    if status == VersionStatus.RETIRED:
        actions.append(Version.retired_at.set(now_iso()))
    if file_bytes is not None:
        actions.append(Version.file_bytes.set(file_bytes))
    try:
        Version(pk=DATASET_PK, sk=f"{VERSION_SK_PREFIX}{version}").update(
            actions=actions, condition=Version.pk.exists()
        )
    except Exception:
        logger.warning("could not mark dataset version %s %s", version, status, exc_info=True)
        return 0
    return 1


def cleanup_versions(*, tenant: TenantContext, stale_after: timedelta = STALE_IMPORT_AFTER) -> list[str]:
    """Delete the versions past the bound; returns their ids.

    Kept: the current version and the most recently replaced ones, up to
    ``SALESTALK_DATASET_VERSIONS_KEPT`` in all (each can be switched back to),
    and imports still writing (younger than ``stale_after``).
    """
    pointer = current_dataset(tenant=tenant)
    current = pointer.version if pointer is not None else None
    Version = bind(DatasetVersionItem, tenant=tenant)
    others = [
        v for v in Version.query(DATASET_PK, Version.sk.startswith(VERSION_SK_PREFIX), consistent_read=True)
        if v.version != current
    ]
    finished = sorted(
        (v for v in others if v.status in (VersionStatus.RETIRED, VersionStatus.CURRENT)),
        key=lambda v: v.retired_at or "", reverse=True,
    )
    replaced_kept = settings.SALESTALK_DATASET_VERSIONS_KEPT - (1 if current is not None else 0)
    stale_before = (now() - stale_after).isoformat(timespec="milliseconds")
    doomed = (
        finished[replaced_kept:]
        + [v for v in others if v.status == VersionStatus.WRITING and v.started_at <= stale_before]
        + [v for v in others if v.status == VersionStatus.REMOVING]  # a cleanup that stopped halfway
    )
    removed = []
    for record in doomed:
        if _claim_for_removal(tenant=tenant, record=record):
            delete_version(tenant=tenant, version=record.version)
            removed.append(record.version)
    return removed


def _claim_for_removal(*, tenant: TenantContext, record: DatasetVersionItem) -> bool:
    """Mark ``record`` removing unless it changed meanwhile; from then on no switch can make it current.

    A switch writes the pointer and the version's status in one transaction, so a switch that won the race
    either changed the status (the mark is refused) or shows in the pointer read after the mark.
    """
    if record.status == VersionStatus.REMOVING:
        return True
    Version = bind(DatasetVersionItem, tenant=tenant)
    try:
        record.update(actions=[Version.status.set(VersionStatus.REMOVING)], condition=Version.status == record.status)
    except UpdateError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            return False
        raise
    pointer = current_dataset(tenant=tenant)
    if pointer is not None and pointer.version == record.version:
        record.update(actions=[Version.status.set(VersionStatus.CURRENT)])
        return False
    return True


def delete_version(*, tenant: TenantContext, version: str) -> None:
    """Delete a version's file (with its in-memory table and, on Athena, its Glue table), then its model, then
    its record (so a crash can resume)."""
    delete_version_file(tenant=tenant, version=version)
    if athena.enabled():
        athena.unregister_version(tenant=tenant, version=version)
    bind(SemanticModelItem, tenant=tenant)(pk=version_pk(version), sk=MODEL_SK).delete()
    bind(DatasetVersionItem, tenant=tenant)(pk=DATASET_PK, sk=f"{VERSION_SK_PREFIX}{version}").delete()


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
