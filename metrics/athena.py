"""Amazon Athena for a tenant whose data outgrows one function (issue 12.6), over the same Parquet file.

The import registers a version past ``SALESTALK_ATHENA_MIN_ROWS`` rows or ``SALESTALK_ATHENA_MIN_BYTES``
bytes as a Glue table ``tenant_{id}_{version}`` whose location is the version's own prefix
(``tenants/{id}/datasets/{version}/``). That prefix holds a symlink manifest naming the version's one
file, so the file keeps its name (``metrics.files``) and Athena reads exactly it. Queries are the
compiler's DuckDB SQL transpiled to Athena's dialect by sqlglot; member values stay bound: each ``?``
gets its value from ``ExecutionParameters``, never from the SQL text. Results come back as the same
records DuckDB gives, so ``metrics.selectors`` builds the same ``QueryResult``.
"""
from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

import botocore.session
from django.conf import settings
from django.core.files.base import ContentFile

from metrics.compiler import Dialect
from metrics.errors import InvalidQuery
from metrics.files import dataset_storage, version_file_name, version_file_size
from metrics.semantic import SemanticModel
from tenants import credentials
from tenants.context import TenantContext

SYMLINK_INPUT = "org.apache.hadoop.hive.ql.io.SymlinkTextInputFormat"
PARQUET_OUTPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat"
PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
DONE = {"SUCCEEDED", "FAILED", "CANCELLED"}
_UNSAFE = re.compile(r"[^a-z0-9_]")


class AthenaDialect(Dialect):
    """The compiler's source is the version's Glue table; everything else is transpiled afterwards."""

    name = "athena"

    def source(self, location: str) -> str:
        return location


ATHENA = AthenaDialect()


def enabled() -> bool:
    return bool(settings.SALESTALK_ATHENA_WORKGROUP)


def past_one_function(*, rows: int, file_bytes: int) -> bool:
    """Whether a version this big is queried with Athena rather than in the function."""
    return enabled() and (
        rows >= settings.SALESTALK_ATHENA_MIN_ROWS or file_bytes >= settings.SALESTALK_ATHENA_MIN_BYTES
    )


_sizes: dict[tuple[str, str], int] = {}
_sizes_lock = threading.Lock()


def serves(*, tenant: TenantContext, model: SemanticModel) -> bool:
    """Whether this tenant's version is answered by Athena (a version's size never changes: asked once)."""
    if not enabled():
        return False
    key = (tenant.tenant_id, model.version)
    with _sizes_lock:
        size = _sizes.get(key)
    if size is None:
        size = version_file_size(tenant=tenant, version=model.version)
        with _sizes_lock:
            _sizes[key] = size
    return past_one_function(rows=model.row_count, file_bytes=size)


def table_name(*, tenant: TenantContext, version: str) -> str:
    """``tenant_{id}_{version}`` in Glue's alphabet (lowercase letters, digits, underscores)."""
    version_file_name(tenant=tenant, version=version)  # both parts checked as the file's name checks them
    return _UNSAFE.sub("_", f"tenant_{tenant.tenant_id}_{version}".lower())


def table_location(*, tenant: TenantContext, version: str) -> str:
    """The compiler's source: the version's table, quoted, in the configured database."""
    return f'"{settings.SALESTALK_GLUE_DATABASE}"."{table_name(tenant=tenant, version=version)}"'


def _version_prefix(tenant: TenantContext, version: str) -> str:
    return version_file_name(tenant=tenant, version=version).removesuffix(".parquet") + "/"


def _glue_type(arrow_type: Any) -> str:
    import pyarrow as pa

    if pa.types.is_dictionary(arrow_type):
        arrow_type = arrow_type.value_type
    if pa.types.is_date(arrow_type):
        return "date"
    if pa.types.is_integer(arrow_type):
        return "bigint"
    if pa.types.is_floating(arrow_type) or pa.types.is_decimal(arrow_type):
        return "double"
    if pa.types.is_boolean(arrow_type):
        return "boolean"
    return "string"


@lru_cache(maxsize=8)
def _function_client(service: str, region: str) -> Any:
    return botocore.session.get_session().create_client(service, region_name=region)


def client(service: str, *, tenant: TenantContext) -> Any:
    """An Athena or Glue client; in the aws profile signed with the tenant's scoped credentials."""
    region = settings.SALESTALK_AWS_REGION
    if not credentials.scoping_enabled():
        return _function_client(service, region)
    session = credentials.tenant_session(tenant_id=tenant.tenant_id, table_name=tenant.table_name)
    return session.create_client(service, region_name=region)


def register_version(*, tenant: TenantContext, version: str, schema: Any) -> str:
    """Write the version's manifest and create its Glue table over the Parquet file; returns the table."""
    bucket = settings.SALESTALK_ATHENA_DATA_BUCKET
    prefix = _version_prefix(tenant, version)
    file_uri = f"s3://{bucket}/{version_file_name(tenant=tenant, version=version)}"
    storage = dataset_storage(tenant=tenant)
    manifest = f"{prefix}manifest"
    if storage.exists(manifest):
        storage.delete(manifest)
    storage.save(manifest, ContentFile(f"{file_uri}\n".encode()))
    name = table_name(tenant=tenant, version=version)
    client("glue", tenant=tenant).create_table(
        DatabaseName=settings.SALESTALK_GLUE_DATABASE,
        TableInput={
            "Name": name,
            "TableType": "EXTERNAL_TABLE",
            "Parameters": {"classification": "parquet", "EXTERNAL": "TRUE"},
            "StorageDescriptor": {
                "Columns": [{"Name": field.name, "Type": _glue_type(field.type)} for field in schema],
                "Location": f"s3://{bucket}/{prefix}",
                "InputFormat": SYMLINK_INPUT,
                "OutputFormat": PARQUET_OUTPUT,
                "SerdeInfo": {"SerializationLibrary": PARQUET_SERDE},
            },
        },
    )
    return name


def unregister_version(*, tenant: TenantContext, version: str) -> None:
    """Delete the version's Glue table and its manifest (the Parquet file is ``metrics.files``'); re-runnable."""
    glue = client("glue", tenant=tenant)
    name = table_name(tenant=tenant, version=version)
    # Not there: never registered (a version below the threshold), or already deleted.
    with contextlib.suppress(glue.exceptions.EntityNotFoundException):
        glue.delete_table(DatabaseName=settings.SALESTALK_GLUE_DATABASE, Name=name)
    dataset_storage(tenant=tenant).delete(f"{_version_prefix(tenant, version)}manifest")
    with _sizes_lock:
        _sizes.pop((tenant.tenant_id, version), None)


def to_athena(sql: str) -> str:
    """The compiler's DuckDB statement in Athena's (Trino) dialect, its ``?`` placeholders kept in order."""
    import sqlglot  # only versions past the Athena threshold need it: kept out of a cold start
    from sqlglot import exp

    tree = sqlglot.parse_one(sql, read="duckdb")
    # Every output column named: sqlglot rewrites QUALIFY as an outer query that selects by name.
    for select in tree.find_all(exp.Select):
        select.set("expressions", [
            e if isinstance(e, exp.Alias) else exp.alias_(e, f"c{i}")
            for i, e in enumerate(select.expressions)
        ])
    return tree.sql(dialect="athena")


def parameter(value: Any) -> str:
    """One execution parameter: a typed literal Athena binds to its ``?`` (never spliced into the SQL)."""
    if isinstance(value, bool) or value is None:
        raise InvalidQuery(f"No Athena parameter for {value!r}.")
    if isinstance(value, date):
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def fetch(*, tenant: TenantContext, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Run the compiler's statement in the workgroup and return its rows as DuckDB would."""
    athena = client("athena", tenant=tenant)
    request: dict[str, Any] = {
        "QueryString": to_athena(sql),
        "QueryExecutionContext": {"Database": settings.SALESTALK_GLUE_DATABASE},
        "WorkGroup": settings.SALESTALK_ATHENA_WORKGROUP,
    }
    if params:
        request["ExecutionParameters"] = [parameter(value) for value in params]
    execution_id = athena.start_query_execution(**request)["QueryExecutionId"]
    _wait(athena, execution_id)
    return _results(athena, execution_id)


def _wait(athena: Any, execution_id: str) -> None:
    deadline = time.monotonic() + settings.SALESTALK_ATHENA_TIMEOUT_SECONDS
    while True:
        status = athena.get_query_execution(QueryExecutionId=execution_id)["QueryExecution"]["Status"]
        if status["State"] == "SUCCEEDED":
            return
        if status["State"] in DONE:
            raise InvalidQuery(f"Athena could not answer: {status.get('StateChangeReason', status['State'])}.")
        if time.monotonic() > deadline:
            athena.stop_query_execution(QueryExecutionId=execution_id)
            raise InvalidQuery("Athena took too long to answer; ask for less.")
        time.sleep(settings.SALESTALK_ATHENA_POLL_SECONDS)


def _results(athena: Any, execution_id: str) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    request: dict[str, Any] = {"QueryExecutionId": execution_id}
    types: list[str] | None = None
    while True:
        page = athena.get_query_results(**request)
        result = page["ResultSet"]
        records = result["Rows"]
        if types is None:  # the first page starts with the header row
            types = [column["Type"] for column in result["ResultSetMetadata"]["ColumnInfo"]]
            records = records[1:]
        rows.extend(
            tuple(_value(kind, datum.get("VarCharValue")) for kind, datum in zip(types, r["Data"], strict=True))
            for r in records
        )
        token = page.get("NextToken")
        if not token:
            return rows
        request["NextToken"] = token


def _value(kind: str, text: str | None) -> Any:
    if text is None:
        return None
    if kind in {"tinyint", "smallint", "integer", "bigint"}:
        return int(text)
    if kind in {"double", "float", "real"} or kind.startswith("decimal"):
        return float(text)
    if kind == "date":
        return date.fromisoformat(text)
    return text
