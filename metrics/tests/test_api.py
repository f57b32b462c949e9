"""The metrics API through the real URLconf, authentication and error handler."""
from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from drf_spectacular.generators import SchemaGenerator

GOOD = b"date,region,channel,revenue,cost,orders\n2024-01-01,EMEA,Online,100,40,4\n2024-01-02,APAC,Retail,50,30,0\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload(client, content: bytes, *, replace: bool = False, name: str = "sales.csv", **roles: list[str]):
    return client.post(
        "/api/metrics/datasets/",
        {"file": SimpleUploadedFile(name, content, content_type="text/csv"), "replace": str(replace).lower(),
         **roles},
        format="multipart",
    )


def stored_files(media: Path) -> list[Path]:
    return sorted(p for p in media.rglob("*") if p.is_file())


def test_upload_imports_the_file_as_a_version_and_keeps_no_upload(tenant, api_client_for, media, settings):
    client = api_client_for(tenant)
    assert client.get("/api/metrics/datasets/").json()["error"]["code"] == "no_dataset"
    response = upload(client, GOOD)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["rows"], body["source"]) == ("imported", 2, "sales.csv")
    assert body["dimensions"] == {"region": 2, "channel": 2}
    assert body["measures"] == ["revenue", "cost", "orders", "gross_margin", "margin_pct", "avg_order_value"]
    assert [c["role"] for c in body["columns"]] == ["date", "dimension", "dimension", "measure", "measure", "measure"]
    assert (body["first_date"], body["last_date"]) == ("2024-01-01", "2024-01-02")
    # Only the version's file is kept, under the tenant's prefix; the upload itself is gone.
    datasets = Path(settings.STORAGES["datasets"]["OPTIONS"]["location"])
    assert [p.relative_to(datasets).parts for p in stored_files(datasets)] == [
        ("tenants", tenant.tenant_id, "datasets", f"{body['version']}.parquet")]
    assert stored_files(media / "metrics") == []
    refused = upload(client, b"date,region\n2024-01-01,EMEA\n", replace=True)
    assert refused.status_code == 400 and stored_files(media / "metrics") == []
    current = client.get("/api/metrics/datasets/").json()
    assert (current["version"], current["rows"], current["source"]) == (body["version"], 2, "sales.csv")


def test_a_bad_upload_is_a_400_naming_line_and_column_and_keeps_the_data(tenant, api_client_for):
    client = api_client_for(tenant)
    upload(client, GOOD)
    response = upload(client, GOOD + b"2024-01-03,EMEA,Online,abc,1,1\n", replace=True)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_dataset" and error["details"] == {"line": 4, "column": "revenue"}
    assert "line 4" in error["message"]
    assert upload(client, GOOD).json()["error"]["code"] == "dataset_exists"
    total = client.get("/api/metrics/query/", {"start": "2024-01-01", "end": "2024-12-31"}).json()["total"]
    assert total["values"] == {"revenue": 150.0}


def test_the_model_endpoint_describes_measures_dimensions_and_dates(tenant, api_client_for):
    client = api_client_for(tenant)
    upload(client, GOOD)
    model = client.get("/api/metrics/model/").json()
    measures = {m["name"]: m for m in model["measures"]}
    assert set(measures) == {"revenue", "cost", "gross_margin", "margin_pct", "orders", "avg_order_value"}
    assert measures["cost"]["direction"] == "bad" and "cogs" in measures["cost"]["words"]
    assert (measures["revenue"]["label"], measures["revenue"]["format"], measures["revenue"]["default"]) == (
        "Revenue", "currency", True)
    assert measures["margin_pct"]["derived"] and measures["margin_pct"]["format"] == "percent"
    assert measures["margin_pct"]["computation"] == {"kind": "ratio_pct", "column": None, "a": "gross_margin",
                                                     "b": "revenue"}
    assert measures["orders"]["computation"] == {"kind": "sum", "column": "orders", "a": None, "b": None}
    assert model["dimensions"] == {"region": ["APAC", "EMEA"], "channel": ["Online", "Retail"]}
    assert (model["first_date"], model["last_date"], model["row_count"]) == ("2024-01-01", "2024-01-02", 2)


def test_query_endpoint_filters_groups_and_computes_ratios_from_sums(tenant, api_client_for):
    client = api_client_for(tenant)
    upload(client, GOOD)
    params = {"measure": ["revenue", "margin_pct", "avg_order_value"], "start": "2024-01-01", "end": "2024-01-31"}
    body = client.get("/api/metrics/query/", {**params, "group_by": "region"}).json()
    # (150 - 70) / 150, from the summed parts: not 50, the average of the members' 60 and 40.
    assert body["total"]["values"] == {"revenue": 150.0, "margin_pct": pytest.approx(160 / 3), "avg_order_value": 37.5}
    rows = {row["key"]: row["values"] for row in body["rows"]}
    assert rows == {
        "EMEA": {"revenue": 100.0, "margin_pct": 60.0, "avg_order_value": 25.0},
        "APAC": {"revenue": 50.0, "margin_pct": 40.0, "avg_order_value": None},
    }
    filtered = client.get("/api/metrics/query/", {**params, "filter": ["region:EMEA", "region:APAC",
                                                                       "channel:Retail"]}).json()
    assert filtered["filters"] == {"region": ["EMEA", "APAC"], "channel": ["Retail"]}
    assert filtered["total"]["facts"] == 1 and filtered["total"]["values"]["revenue"] == 50.0
    daily = client.get("/api/metrics/query/", {"start": "2023-12-31", "end": "2024-01-05", "grain": "day"}).json()
    assert [(r["key"], r["values"]["revenue"]) for r in daily["rows"]] == [("2024-01-01", 100.0), ("2024-01-02", 50.0)]


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"filter": "region:Emae"}, "unknown_member"),
        ({"filter": "country:France"}, "unknown_dimension"),
        ({"filter": "EMEA"}, "invalid_query"),
        ({"measure": "units"}, "unknown_measure"),
        ({"measure": "happiness"}, "unknown_measure"),
        ({"order_by": "happiness", "group_by": "region"}, "unknown_measure"),
        ({"limit": "0", "group_by": "region"}, "invalid"),
        ({"grain": "fortnight"}, "invalid"),
        ({"start": "2024-13-01"}, "invalid"),
    ],
)
def test_bad_queries_are_clear_400s(tenant, api_client_for, params, code):
    client = api_client_for(tenant)
    upload(client, GOOD)
    response = client.get("/api/metrics/query/", {"start": "2024-01-01", "end": "2024-01-31", **params})
    assert response.status_code == 400 and response.json()["error"]["code"] == code


def test_filters_per_query_and_members_per_filter_are_bounded_early(tenant, api_client_for, settings):
    settings.SALESTALK_MAX_QUERY_FILTERS = 1
    settings.SALESTALK_MAX_FILTER_MEMBERS = 2
    client = api_client_for(tenant)
    upload(client, GOOD)
    span = {"start": "2024-01-01", "end": "2024-01-31"}
    two = client.get("/api/metrics/query/", {**span, "filter": ["region:EMEA", "channel:Online"]})
    assert two.status_code == 400 and two.json()["error"]["code"] == "invalid_query"
    assert "at most 1 dimensions" in two.json()["error"]["message"]
    # Checked before the members are looked up: unknown ones past the limit are not even read.
    many = client.get("/api/metrics/query/", {**span, "filter": [f"region:R{i}" for i in range(42)]})
    assert many.status_code == 400 and "at most 2 members" in many.json()["error"]["message"]
    ok = client.get("/api/metrics/query/", {**span, "filter": ["region:EMEA", "region:APAC"]})
    assert ok.status_code == 200 and ok.json()["total"]["values"] == {"revenue": 150.0}


def test_group_by_with_grain_order_and_limit_through_the_api(tenant, api_client_for):
    client = api_client_for(tenant)
    upload(client, GOOD)
    body = client.get("/api/metrics/query/", {"start": "2024-01-01", "end": "2024-01-31", "group_by": "region",
                                              "grain": "day", "count_distinct": "channel"}).json()
    assert [(r["key"], r["period"], r["values"]["revenue"], r["distinct"]) for r in body["rows"]] == [
        ("APAC", "2024-01-02", 50.0, 1), ("EMEA", "2024-01-01", 100.0, 1)]
    top = client.get("/api/metrics/query/", {"start": "2024-01-01", "end": "2024-01-31", "group_by": "region",
                                             "order_by": "margin_pct", "ascending": "true", "limit": "1"}).json()
    assert [r["key"] for r in top["rows"]] == ["APAC"] and top["total"]["values"]["revenue"] == 150.0


def test_roles_can_be_named_on_upload(tenant, api_client_for):
    client = api_client_for(tenant)
    body = upload(client, b"date,store_id,units\n2024-01-01,17,5\n2024-01-01,18,2\n", dimensions=["store_id"]).json()
    assert [(c["column"], c["role"]) for c in body["columns"]] == [
        ("date", "date"), ("store_id", "dimension"), ("units", "measure")]
    assert client.get("/api/metrics/model/").json()["dimensions"] == {"store_id": ["17", "18"]}


def test_unknown_member_suggests_close_ones(tenant, api_client_for):
    client = api_client_for(tenant)
    upload(client, GOOD)
    error = client.get("/api/metrics/query/", {"start": "2024-01-01", "end": "2024-01-31",
                                               "filter": "region:emae"}).json()["error"]
    assert error["details"] == {"dimension": "region", "member": "emae", "suggestions": ["EMEA"]}


def test_each_token_sees_only_its_own_tenant(make_tenant, api_client_for):
    acme, globex = make_tenant("acme"), make_tenant("globex")
    upload(api_client_for(acme), GOOD)
    globex_client = api_client_for(globex)
    assert globex_client.get("/api/metrics/model/").json()["error"]["code"] == "no_dataset"
    upload(globex_client, b"date,store,units\n2024-01-01,Paris,5\n")
    assert globex_client.get("/api/metrics/model/").json()["dimensions"] == {"store": ["Paris"]}
    body = globex_client.get("/api/metrics/query/", {"measure": "units", "start": "2024-01-01", "end": "2024-01-01"})
    assert body.json()["total"]["sums"] == {"units": 5.0}
    assert globex_client.get("/api/metrics/model/", {"tenant": "acme"}).status_code == 400
    assert api_client_for(acme).get("/api/metrics/model/").json()["dimensions"]["region"] == ["APAC", "EMEA"]


def test_no_token_no_metrics(client):
    assert client.get("/api/metrics/model/").status_code == 401


def test_the_schema_documents_the_metrics_endpoints():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    assert {"/api/metrics/datasets/", "/api/metrics/model/", "/api/metrics/query/"} <= set(schema["paths"])
    post = schema["paths"]["/api/metrics/datasets/"]["post"]
    assert "multipart/form-data" in post["requestBody"]["content"]
    query_params = {p["name"] for p in schema["paths"]["/api/metrics/query/"]["get"]["parameters"]}
    assert {"measure", "start", "end", "filter", "group_by", "grain"} <= query_params
