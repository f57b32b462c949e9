"""The process's one DuckDB connection; every query runs on a cursor of its own (safe across threads).

DuckDB is imported on first use, so a process that never queries (a cold
Lambda answering ``/api/me``) does not pay for loading it.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.conf import settings

if TYPE_CHECKING:
    import duckdb

_lock = threading.Lock()
_connection: duckdb.DuckDBPyConnection | None = None


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
