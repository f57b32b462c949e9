"""Athena past one function (issue 12.6), offline: botocore's Stubber on real Glue and Athena clients, sqlglot
round trips of every query shape, and Athena's answers (stubbed with what DuckDB computes from the same file)
giving the same QueryResult as DuckDB through the same selector."""
from __future__ import annotations

from datetime import date

import botocore.session
import pytest
import sqlglot
from botocore.stub import ANY, Stubber
from sqlglot import exp

from metrics import athena, engine
from metrics.compiler import DUCKDB, compile_query
from metrics.files import dataset_storage, local_version_path
from metrics.queries import Bucket, Comparison, QuerySpec
from metrics.selectors import get_semantic_model, query_many
from metrics.tests.conftest import same_numbers, sparse_csv

BUCKET = "salestalk-data"
DATABASE = "salestalk_datasets"
WORKGROUP = "salestalk"

SPECS = [
    QuerySpec(start=date(2024, 1, 1), end=date(2024, 12, 31)),
    QuerySpec(start=date(2024, 2, 10), end=date(2024, 3, 5), constraints={"product": ["Tent #2"],
                                                                          "region": ["EMEA", "APAC"]}),
    QuerySpec(start=date(2024, 1, 1), end=date(2024, 6, 30), group_by="region"),
    QuerySpec(start=date(2024, 1, 1), end=date(2024, 6, 30), group_by="product", order_by="revenue", limit=2),
    QuerySpec(start=date(2024, 1, 1), end=date(2024, 6, 30), group_by="product", order_by="avg_order_value",
              descending=False),
    QuerySpec(start=date(2023, 12, 1), end=date(2025, 1, 31), grain="month"),
    QuerySpec(start=date(2024, 12, 20), end=date(2025, 1, 12), grain="week", count_distinct="product"),
    QuerySpec(start=date(2024, 2, 27), end=date(2024, 3, 2), grain="day"),
    QuerySpec(start=date(2024, 1, 1), end=date(2024, 12, 31), grain="quarter", group_by="channel"),
    QuerySpec(start=date(2024, 1, 1), end=date(2024, 12, 31), buckets=(
        Bucket("early", date(2024, 1, 1), date(2024, 1, 31)), Bucket("late", date(2024, 11, 1), date(2024, 12, 31)),
    )),
    QuerySpec(start=date(2024, 1, 1), end=date(2024, 12, 31), group_by="region", count_distinct="channel",
              buckets=(Bucket("q1", date(2024, 1, 1), date(2024, 3, 31)),)),
    QuerySpec(start=date(2024, 3, 1), end=date(2024, 3, 31), group_by="product", constraints={"region": ["EMEA"]},
              compare=Comparison(start=date(2024, 2, 1), end=date(2024, 2, 29), measure="revenue")),
    QuerySpec(start=date(2024, 4, 1), end=date(2024, 6, 30), group_by="region", compare=Comparison(
        start=date(2024, 1, 1), end=date(2024, 3, 31), measure="avg_order_value", per="product")),
]


def _client(service: str):
    return botocore.session.get_session().create_client(
        service, region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x"
    )


@pytest.fixture
def on_athena(settings, monkeypatch):
    settings.SALESTALK_ATHENA_WORKGROUP = WORKGROUP
    settings.SALESTALK_GLUE_DATABASE = DATABASE
    settings.SALESTALK_ATHENA_DATA_BUCKET = BUCKET
    settings.SALESTALK_ATHENA_MIN_ROWS = 1
    settings.SALESTALK_ATHENA_POLL_SECONDS = 0
    clients = {"glue": _client("glue"), "athena": _client("athena")}
    monkeypatch.setattr(athena, "client", lambda service, *, tenant: clients[service])
    stubbers = {name: Stubber(c) for name, c in clients.items()}
    for stubber in stubbers.values():
        stubber.activate()
    yield stubbers
    for stubber in stubbers.values():
        stubber.assert_no_pending_responses()
        stubber.deactivate()


def test_every_query_shape_transpiles_to_athena_sql_that_parses_and_keeps_its_parameters():
    from metrics.semantic import SemanticModel

    model = SemanticModel(version="v_1", measures=("revenue", "orders", "avg_order_value"), first_date=date(2024, 1, 1),
                          last_date=date(2024, 12, 31), dimensions={"region": ("EMEA", "APAC"),
                                                                    "product": ("Tent #2",), "channel": ("Online",)})
    for spec in SPECS:
        compiled = compile_query(spec=spec, model=model, location='"db"."tenant_t_v_1"', max_rows=100,
                                 dialect=athena.ATHENA)
        sql = athena.to_athena(compiled.sql)
        tree = sqlglot.parse_one(sql, read="athena")
        assert len(list(tree.find_all(exp.Placeholder))) == len(compiled.params), sql
        assert "QUALIFY" not in sql.upper() and "read_parquet" not in sql
        assert "Tent #2" not in sql and "EMEA" not in sql  # members only ever as parameters
        assert tree.find(exp.Table).name == "tenant_t_v_1"
        # Athena's SQL means the same as DuckDB's: back in DuckDB's dialect it is the same shape again.
        again = sqlglot.parse_one(sqlglot.transpile(sql, read="athena", write="duckdb")[0], read="duckdb")
        assert len(list(again.find_all(exp.Placeholder))) == len(compiled.params)


def test_parameters_are_typed_literals_with_quotes_doubled():
    assert [athena.parameter(v) for v in (date(2024, 2, 29), "O'Neil", 3, 2.5)] == [
        "DATE '2024-02-29'", "'O''Neil'", "3", "2.5"
    ]


def _athena_page(columns: list[tuple[str, str]], records: list[tuple], *, header: bool) -> dict:
    def text(value):
        if value is None:
            return {}
        return {"VarCharValue": value.isoformat() if isinstance(value, date) else str(value)}

    rows = [{"Data": [{"VarCharValue": name} for name, _ in columns]}] if header else []
    rows += [{"Data": [text(v) for v in record]} for record in records]
    return {"ResultSet": {"Rows": rows, "ResultSetMetadata": {"ColumnInfo": [
        {"Name": name, "Type": kind, "CatalogName": "hive", "SchemaName": "", "TableName": "", "Label": name}
        for name, kind in columns
    ]}}, "UpdateCount": 0}


def _kind(value) -> str:
    if isinstance(value, date):
        return "date"
    if isinstance(value, int):
        return "bigint"
    if isinstance(value, float):
        return "double"
    return "varchar"


def _expect_query(stubbers, *, tenant, model, spec: QuerySpec, execution: str) -> None:
    """The exact requests of one Athena query; its pages hold what DuckDB computes from the same file."""
    from django.conf import settings

    most = settings.SALESTALK_MAX_QUERY_ROWS
    on_athena = compile_query(spec=spec, model=model, max_rows=most, dialect=athena.ATHENA,
                              location=athena.table_location(tenant=tenant, version=model.version))
    local = compile_query(spec=spec, model=model, max_rows=most, dialect=DUCKDB,
                          location=local_version_path(tenant=tenant, version=model.version))
    records = engine.fetch(local.sql, local.params)
    stub = stubbers["athena"]
    stub.add_response("start_query_execution", {"QueryExecutionId": execution}, {
        "QueryString": athena.to_athena(on_athena.sql),
        "QueryExecutionContext": {"Database": DATABASE},
        "WorkGroup": WORKGROUP,
        "ExecutionParameters": [athena.parameter(v) for v in on_athena.params],
    })
    for state in ("QUEUED", "RUNNING", "SUCCEEDED"):
        stub.add_response("get_query_execution", {"QueryExecution": {"Status": {"State": state}}},
                          {"QueryExecutionId": execution})
    names = ["part", "ord", "member", "period", *(f"c{i}" for i in range(4, len(records[0])))]
    columns = [(name, next((_kind(r[i]) for r in records if r[i] is not None), "varchar"))
               for i, name in enumerate(names)]
    pages = [records[i:i + 3] for i in range(0, len(records), 3)]
    for n, page in enumerate(pages):
        response = _athena_page(columns, page, header=n == 0)
        expected = {"QueryExecutionId": execution}
        if n:
            expected["NextToken"] = f"page-{n}"
        if n + 1 < len(pages):
            response["NextToken"] = f"page-{n + 1}"
        stub.add_response("get_query_results", response, expected)


def test_a_version_past_the_threshold_is_a_glue_table_and_athena_answers_as_duckdb_does(
    tenant, import_csv, on_athena, settings
):
    on_athena["glue"].add_response("create_table", {}, {"DatabaseName": DATABASE, "TableInput": ANY})
    imported = import_csv(tenant, sparse_csv())
    version = imported.version
    name = f"tenant_{tenant.tenant_id}_{version}".lower()
    on_athena["glue"].assert_no_pending_responses()

    manifest = f"tenants/{tenant.tenant_id}/datasets/{version}/manifest"
    with dataset_storage(tenant=tenant).open(manifest, "rb") as stream:
        assert stream.read().decode() == f"s3://{BUCKET}/tenants/{tenant.tenant_id}/datasets/{version}.parquet\n"

    model = get_semantic_model(tenant=tenant)
    for i, spec in enumerate(SPECS):
        _expect_query(on_athena, tenant=tenant, model=model, spec=spec, execution=f"q-{i}")
    answered = query_many(tenant=tenant, specs=SPECS, model=model)

    settings.SALESTALK_ATHENA_WORKGROUP = ""  # the same selector, in the function with DuckDB
    in_function = query_many(tenant=tenant, specs=SPECS, model=model)
    assert all(same_numbers(a, b) for a, b in zip(in_function, answered, strict=True))
    assert answered[0].total.facts == imported.rows - sum(  # a year of the data's 13 months: not vacuous
        1 for line in sparse_csv().splitlines()[1:] if not line.startswith("2024-"))
    assert athena.table_name(tenant=tenant, version=version) == name


def test_the_glue_table_request_is_exact(tenant, on_athena):
    import pyarrow as pa

    schema = pa.schema([("date", pa.date32()), ("region", pa.dictionary(pa.int32(), pa.string())),
                        ("units", pa.int64()), ("revenue", pa.float64())])
    version = "v_0123456789ab0123456789ab"
    prefix = f"tenants/{tenant.tenant_id}/datasets/{version}/"
    on_athena["glue"].add_response("create_table", {}, {"DatabaseName": DATABASE, "TableInput": {
        "Name": f"tenant_{tenant.tenant_id}_{version}".lower(),
        "TableType": "EXTERNAL_TABLE",
        "Parameters": {"classification": "parquet", "EXTERNAL": "TRUE"},
        "StorageDescriptor": {
            "Columns": [{"Name": "date", "Type": "date"}, {"Name": "region", "Type": "string"},
                        {"Name": "units", "Type": "bigint"}, {"Name": "revenue", "Type": "double"}],
            "Location": f"s3://{BUCKET}/{prefix}",
            "InputFormat": athena.SYMLINK_INPUT,
            "OutputFormat": athena.PARQUET_OUTPUT,
            "SerdeInfo": {"SerializationLibrary": athena.PARQUET_SERDE},
        },
    }})
    athena.register_version(tenant=tenant, version=version, schema=schema)


def test_a_failed_athena_query_is_an_invalid_query(tenant, on_athena):
    from metrics.errors import InvalidQuery

    stub = on_athena["athena"]
    stub.add_response("start_query_execution", {"QueryExecutionId": "q-x"}, None)
    stub.add_response("get_query_execution", {"QueryExecution": {"Status": {
        "State": "FAILED", "StateChangeReason": "Bytes scanned limit was exceeded"}}}, {"QueryExecutionId": "q-x"})
    with pytest.raises(InvalidQuery, match="Bytes scanned limit"):
        athena.fetch(tenant=tenant, sql="SELECT 1", params=())
