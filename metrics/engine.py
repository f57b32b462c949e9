"""The process's one DuckDB connection; every query runs on a cursor of its own (safe across threads).

DuckDB is imported on first use, so a process that never queries (a cold
Lambda answering ``/api/me``) does not pay for loading it. Versions queried
are kept loaded as in-memory tables (``version_tables``), bounded by bytes:
the facts, and beside them the version's monthly pre-aggregate where it is
smaller (the compiler reads it wherever it gives the same numbers) and its
marginal one (per month, dimension and member) read by one-month changes.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings

from metrics.compiler import Dialect, marginal_rollup, monthly_rollup
from metrics.files import local_version_path
from metrics.semantic import SemanticModel
from tenants.context import TenantContext

if TYPE_CHECKING:
    import duckdb

_lock = threading.Lock()
_connection: duckdb.DuckDBPyConnection | None = None
_loading: dict[tuple[str, str], threading.Lock] = {}
# (tenant id, version) → its tables and their estimated bytes
_tables: OrderedDict[tuple[str, str], tuple[VersionTables, int]] = OrderedDict()
# A monthly pre-aggregate is kept only where it has at most this share of the facts' rows: one nearly as big
# (every fact its own member, as an order id) would cost its memory and save a scan little. Even at 3/4 (a
# customer × SKU file) reading it beats the facts by a third, having no days to truncate to months.
MONTHLY_MOST_SHARE = 0.8


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


@dataclass(frozen=True)
class VersionTables:
    facts: str
    monthly: str | None  # the monthly pre-aggregate (``compiler.monthly_rollup``), where it pays
    marginal: str | None = None  # beside it, per month, dimension and member (``compiler.marginal_rollup``)


def version_tables(*, tenant: TenantContext, model: SemanticModel) -> VersionTables:
    """The in-memory tables holding ``model``'s version (the tenant's own), loaded from its file on first use.

    Reading Parquet costs most of a query; a table in memory answers the same SQL several times faster.
    Versions never change, so a loaded one is only ever dropped to keep the tables within
    ``SALESTALK_DUCKDB_TABLE_CACHE_BYTES`` (least recently used first). The names hold the tenant and the
    version separated by a character neither may contain, so two tenants' tables never share one.
    """
    key = (tenant.tenant_id, model.version)
    with _lock:
        if key in _tables:
            _tables.move_to_end(key)
            return _tables[key][0]
        loading = _loading.setdefault(key, threading.Lock())
    with loading:  # one load per version, however many queries wait for it
        with _lock:
            if key in _tables:
                return _tables[key][0]
        path = local_version_path(tenant=tenant, version=model.version)  # NoDataset if it is not this tenant's
        facts, monthly, marginal = (f"{key[0]}/{key[1]}{part}" for part in ("", "/monthly", "/marginal"))
        cursor = connection().cursor()
        try:
            size = cursor.execute(
                "SELECT COALESCE(SUM(total_uncompressed_size), 0) FROM parquet_metadata(?)", [path]
            ).fetchone()[0]
            cursor.execute(f"CREATE OR REPLACE TABLE {TABLES.quote(facts)} AS SELECT * FROM read_parquet(?)", [path])
            cursor.execute(f"CREATE OR REPLACE TABLE {TABLES.quote(monthly)} AS "
                           f"{monthly_rollup(model=model, location=facts, dialect=TABLES)}")
            rows, months = (cursor.execute(f"SELECT COUNT(*) FROM {TABLES.quote(name)}").fetchone()[0]
                            for name in (facts, monthly))
            if months > MONTHLY_MOST_SHARE * rows:
                cursor.execute(f"DROP TABLE {TABLES.quote(monthly)}")
                tables, size = VersionTables(facts=facts, monthly=None), int(size)
            else:  # their bytes estimated as the facts' per row
                members = 0
                if model.dimensions:
                    cursor.execute(f"CREATE OR REPLACE TABLE {TABLES.quote(marginal)} AS "
                                   f"{marginal_rollup(model=model, monthly=monthly, dialect=TABLES)}")
                    members = cursor.execute(f"SELECT COUNT(*) FROM {TABLES.quote(marginal)}").fetchone()[0]
                if members > months:  # dimensions of nearly a member per tuple: more memory than scan saved
                    cursor.execute(f"DROP TABLE {TABLES.quote(marginal)}")
                    members = 0
                tables = VersionTables(facts=facts, monthly=monthly, marginal=marginal if members else None)
                size = int(size + size * (months + members) / max(rows, 1))
        finally:
            cursor.close()
        with _lock:
            _tables[key] = (tables, size)
            _loading.pop(key, None)
            evicted = _over_bound(keep=key)
    for old in evicted:
        drop_version_table(tenant_id=old[0], version=old[1])
    return tables


def _over_bound(*, keep: tuple[str, str]) -> list[tuple[str, str]]:
    limit = settings.SALESTALK_DUCKDB_TABLE_CACHE_BYTES
    total = sum(size for _, size in _tables.values())
    evicted = []
    for key in list(_tables):
        if total <= limit:
            break
        if key != keep:
            total -= _tables.pop(key)[1]
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
        for name in (f"{tenant_id}/{version}{part}" for part in ("", "/monthly", "/marginal")):
            cursor.execute(f"DROP TABLE IF EXISTS {TABLES.quote(name)}")
    finally:
        cursor.close()


def loaded_versions() -> dict[tuple[str, str], int]:
    """(tenant id, version) → estimated bytes of each version held in memory, least recently used first."""
    with _lock:
        return {key: size for key, (_, size) in _tables.items()}
