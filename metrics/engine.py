"""The process's one DuckDB connection; every query runs on a cursor of its own (safe across threads).

DuckDB is imported on first use, so a process that never queries (a cold
Lambda answering ``/api/me``) does not pay for loading it. Versions queried
are kept loaded as in-memory tables (``version_table``), bounded by bytes.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.conf import settings

from metrics.compiler import Dialect
from metrics.files import local_version_path
from tenants.context import TenantContext

if TYPE_CHECKING:
    import duckdb

_lock = threading.Lock()
_connection: duckdb.DuckDBPyConnection | None = None
_loading: dict[tuple[str, str], threading.Lock] = {}
_tables: OrderedDict[tuple[str, str], int] = OrderedDict()  # (tenant id, version) → estimated bytes


def connection() -> duckdb.DuckDBPyConnection:
    global _connection
    with _lock:
        if _connection is None:
            import duckdb

            _connection = duckdb.connect(
                ":memory:",
                config={
                    "threads": settings.SALESTALK_DUCKDB_THREADS,
                    "memory_limit": settings.SALESTALK_DUCKDB_MEMORY_LIMIT,
                    # Never fetch an extension at run time (Lambda has no internet, tests none either).
                    "autoinstall_known_extensions": False,
                    "autoload_known_extensions": False,
                },
            )
            # Parquet footers are read once per file, not once per query (versions never change).
            _connection.execute("SET parquet_metadata_cache = true")
        return _connection


def fetch(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    cursor = connection().cursor()
    try:
        return cursor.execute(sql, list(params)).fetchall()
    finally:
        cursor.close()


class _Tables(Dialect):
    """DuckDB over a version loaded into memory: the compiler's same SQL, with a table for the file."""

    name = "duckdb-memory"

    def source(self, location: str) -> str:
        return self.quote(location)


TABLES = _Tables()


def version_table(*, tenant: TenantContext, version: str) -> str:
    """The name of an in-memory table holding the version's facts, loaded from its file on first use.

    Reading Parquet costs most of a query; a table in memory answers the same SQL several times faster.
    Versions never change, so a loaded one is only ever dropped to keep the tables within
    ``SALESTALK_DUCKDB_TABLE_CACHE_BYTES`` (least recently used first). The name holds the tenant and the
    version separated by a character neither may contain, so two tenants' tables never share one.
    """
    key = (tenant.tenant_id, version)
    name = f"{key[0]}/{key[1]}"
    with _lock:
        if key in _tables:
            _tables.move_to_end(key)
            return name
        loading = _loading.setdefault(key, threading.Lock())
    with loading:  # one load per version, however many queries wait for it
        with _lock:
            if key in _tables:
                return name
        path = local_version_path(tenant=tenant, version=version)  # NoDataset if it is not this tenant's
        cursor = connection().cursor()
        try:
            size = cursor.execute(
                "SELECT COALESCE(SUM(total_uncompressed_size), 0) FROM parquet_metadata(?)", [path]
            ).fetchone()[0]
            cursor.execute(f"CREATE OR REPLACE TABLE {TABLES.quote(name)} AS SELECT * FROM read_parquet(?)", [path])
        finally:
            cursor.close()
        with _lock:
            _tables[key] = int(size)
            _loading.pop(key, None)
            evicted = _over_bound(keep=key)
    for old in evicted:
        drop_version_table(tenant_id=old[0], version=old[1])
    return name


def _over_bound(*, keep: tuple[str, str]) -> list[tuple[str, str]]:
    limit = settings.SALESTALK_DUCKDB_TABLE_CACHE_BYTES
    total = sum(_tables.values())
    evicted = []
    for key in list(_tables):
        if total <= limit:
            break
        if key != keep:
            total -= _tables.pop(key)
            evicted.append(key)
    return evicted


def drop_version_table(*, tenant_id: str, version: str) -> None:
    """Forget a loaded version (evicted, or its file deleted); a query still running on it finishes first."""
    with _lock:
        _tables.pop((tenant_id, version), None)
        if _connection is None:
            return
    cursor = connection().cursor()
    try:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLES.quote(f'{tenant_id}/{version}')}")
    finally:
        cursor.close()


def loaded_versions() -> dict[tuple[str, str], int]:
    """(tenant id, version) → estimated bytes of each version held in memory, least recently used first."""
    with _lock:
        return dict(_tables)
