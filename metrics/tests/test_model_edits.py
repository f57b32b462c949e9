"""The editable semantic model through the API: validated, stored in the tenant's table, kept across re-imports,
seen by the parser and the narrative; and going back to an earlier dataset version."""
from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from insights.engine import answer_question
from insights.understanding import parse
from metrics.selectors import get_semantic_model

CSV = (b"date,region,channel,revenue,orders,cost\n"
       b"2024-01-05,EMEA,Online,100,4,60\n2024-01-09,North America,Retail,300,2,100\n"
       b"2024-02-03,EMEA,Retail,50,5,20\n")
WITHOUT_ORDERS = b"date,region,channel,revenue,cost\n2024-01-05,EMEA,Online,70,30\n"


def imported(client, content: bytes = CSV, *, replace: bool = True) -> dict:
    response = client.post("/api/metrics/datasets/", {"file": SimpleUploadedFile("sales.csv", content),
                                                      "replace": str(replace).lower()}, format="multipart")
    assert response.status_code == 201, response.json()
    return response.json()


@pytest.fixture
def client(tenant, api_client_for):
    client = api_client_for(tenant)
    imported(client, replace=False)
    return client


def measure(model: dict, name: str) -> dict | None:
    return next((m for m in model["measures"] if m["name"] == name), None)


def test_a_measures_label_words_direction_and_format_can_be_changed(client):
    response = client.patch("/api/metrics/model/measures/cost", {
        "label": "Spend", "words": ["Outlay", "spend", "outlay"], "direction": "neutral", "format": "number",
    }, format="json")
    assert response.status_code == 200, response.json()
    cost = measure(client.get("/api/metrics/model/").json(), "cost")
    assert (cost["label"], cost["words"], cost["direction"], cost["format"]) == (
        "Spend", ["outlay", "spend"], "neutral", "number")
    # A later edit changes only what it names.
    client.patch("/api/metrics/model/measures/cost", {"direction": "bad"}, format="json")
    cost = measure(client.get("/api/metrics/model/").json(), "cost")
    assert (cost["label"], cost["direction"]) == ("Spend", "bad")


@pytest.mark.parametrize(
    ("path", "body", "status", "code"),
    [
        ("measures/cost", {"direction": "sideways"}, 400, "invalid"),
        ("measures/cost", {"format": "euros"}, 400, "invalid"),
        ("measures/cost", {"label": ""}, 400, "invalid_text"),  # the one text validation (core.text)
        ("measures/bookings", {"label": "Bookings"}, 404, "not_in_model"),
        ("measures/orders", {"words": ["sales"]}, 400, "invalid_model_edit"),  # revenue's word
        ("measures/orders", {"words": ["region"]}, 400, "invalid_model_edit"),  # a dimension's name
        ("measures/orders", {"words": ["emea"]}, 400, "invalid_model_edit"),  # a member
        ("measures/orders", {"words": ["!!"]}, 400, "invalid_model_edit"),
        ("dimensions/region", {"words": ["cost"]}, 400, "invalid_model_edit"),
        ("dimensions/region", {"aliases": {"NA": "Narnia"}}, 400, "invalid_model_edit"),
        ("dimensions/region", {"aliases": {"Online": "EMEA"}}, 400, "invalid_model_edit"),  # another member
        ("dimensions/territory", {"label": "Territory"}, 404, "not_in_model"),
    ],
)
def test_edits_are_validated_and_a_word_names_only_one_thing(client, path, body, status, code):
    before = client.get("/api/metrics/model/").json()
    response = client.patch(f"/api/metrics/model/{path}", body, format="json")
    assert response.status_code == status, response.json()
    assert response.json()["error"]["code"] == code
    assert client.get("/api/metrics/model/").json() == before


def test_a_derived_measure_is_computed_from_its_summed_parts(client):
    created = client.post("/api/metrics/model/measures/", {
        "name": "revenue_per_order", "kind": "ratio", "a": "revenue", "b": "orders", "words": ["order value"],
        "format": "currency",
    }, format="json")
    assert created.status_code == 201, created.json()
    derived = measure(created.json(), "revenue_per_order")
    assert derived["computation"] == {"kind": "ratio", "column": None, "a": "revenue", "b": "orders"}
    assert derived["derived"] and derived["format"] == "currency" and "order value" in derived["words"]
    body = client.get("/api/metrics/query/", {"measure": "revenue_per_order", "start": "2024-01-01",
                                              "end": "2024-01-31", "group_by": "region"}).json()
    assert body["total"]["values"]["revenue_per_order"] == pytest.approx(400 / 6)  # not the mean of 25 and 150
    assert {r["key"]: r["values"]["revenue_per_order"] for r in body["rows"]} == {"EMEA": 25.0,
                                                                                 "North America": 150.0}
    # Derived from a derived one, and a percent of two measures.
    assert client.post("/api/metrics/model/measures/", {"name": "cost_share", "kind": "ratio_pct", "a": "cost",
                                                        "b": "revenue"}, format="json").status_code == 201
    share = measure(client.get("/api/metrics/model/").json(), "cost_share")
    assert (share["format"], share["label"]) == ("percent", "Cost share")


@pytest.mark.parametrize(
    "body",
    [
        {"name": "per_visit", "kind": "ratio", "a": "revenue", "b": "visits"},  # a part that does not exist
        {"name": "Revenue Per Order", "kind": "ratio", "a": "revenue", "b": "orders"},  # not snake_case
        {"name": "cost", "kind": "difference", "a": "revenue", "b": "orders"},  # taken
        {"name": "region", "kind": "difference", "a": "revenue", "b": "orders"},  # a dimension's name
        {"name": "x", "kind": "product", "a": "revenue", "b": "orders"},
        {"name": "spread", "kind": "difference", "a": "revenue", "b": "cost", "words": ["margin"]},  # taken word
    ],
)
def test_a_derived_measure_needs_parts_that_exist_and_a_name_of_its_own(client, body):
    before = client.get("/api/metrics/model/").json()
    response = client.post("/api/metrics/model/measures/", body, format="json")
    assert response.status_code == 400, response.json()
    assert client.get("/api/metrics/model/").json() == before


def test_only_a_derived_measure_you_defined_can_be_removed_and_not_while_another_uses_it(client):
    client.post("/api/metrics/model/measures/", {"name": "net", "kind": "difference", "a": "revenue", "b": "cost"},
                format="json")
    client.post("/api/metrics/model/measures/", {"name": "net_per_order", "kind": "ratio", "a": "net",
                                                 "b": "orders"}, format="json")
    assert client.delete("/api/metrics/model/measures/revenue").status_code == 404
    assert client.delete("/api/metrics/model/measures/net").json()["error"]["code"] == "invalid_model_edit"
    assert client.delete("/api/metrics/model/measures/net_per_order").status_code == 200
    model = client.delete("/api/metrics/model/measures/net").json()
    assert measure(model, "net") is None and measure(model, "net_per_order") is None


def test_dimension_labels_words_and_member_aliases(client, tenant):
    response = client.patch("/api/metrics/model/dimensions/region", {
        "label": "Sales region", "words": ["territory"], "aliases": {"NA": "North America", "Europe": "EMEA"},
    }, format="json")
    assert response.status_code == 200, response.json()
    [region, channel] = response.json()["dimension_details"]
    assert (region["label"], region["words"]) == ("Sales region", ["territory"])
    assert sorted(map(tuple, region["aliases"])) == [("Europe", "EMEA"), ("NA", "North America")]
    assert (channel["label"], channel["words"], channel["aliases"]) == ("channel", [], [])
    details = get_semantic_model(tenant=tenant).dimension_details["region"]
    assert dict(details.aliases) == {"NA": "North America", "Europe": "EMEA"}


def test_edits_are_kept_across_re_imports_where_the_names_persist(client):
    client.patch("/api/metrics/model/measures/revenue", {"label": "Net sales", "words": ["bookings"]},
                 format="json")
    client.post("/api/metrics/model/measures/", {"name": "revenue_per_order", "kind": "ratio", "a": "revenue",
                                                 "b": "orders"}, format="json")
    client.patch("/api/metrics/model/dimensions/region", {"aliases": {"NA": "North America"}}, format="json")

    imported(client, CSV)
    model = client.get("/api/metrics/model/").json()
    assert measure(model, "revenue")["label"] == "Net sales" and measure(model, "revenue_per_order")

    imported(client, WITHOUT_ORDERS)  # no orders, no North America
    model = client.get("/api/metrics/model/").json()
    assert measure(model, "revenue")["label"] == "Net sales"
    assert measure(model, "revenue_per_order") is None
    assert model["dimension_details"][0]["aliases"] == []

    imported(client, CSV)  # the names are back, and so are the edits that use them
    model = client.get("/api/metrics/model/").json()
    assert measure(model, "revenue_per_order")["computation"]["b"] == "orders"
    assert model["dimension_details"][0]["aliases"] == [["NA", "North America"]]


def test_the_parser_and_the_narrative_read_the_edited_model(client, tenant):
    client.patch("/api/metrics/model/measures/revenue", {"label": "Net sales", "words": ["bookings"]},
                 format="json")
    client.post("/api/metrics/model/measures/", {"name": "revenue_per_order", "kind": "ratio", "a": "revenue",
                                                 "b": "orders", "words": ["yield per order"]}, format="json")
    model = get_semantic_model(tenant=tenant)
    as_of = date(2024, 3, 1)
    assert parse("bookings in January 2024", model=model, as_of=as_of).understanding.measure == "revenue"
    assert parse("yield per order in January 2024", model=model, as_of=as_of).understanding.measure == (
        "revenue_per_order")
    answer = answer_question(tenant=tenant, text="bookings in January 2024", as_of=as_of, context=None)
    assert "net sales" in answer.narrative.lower()


def test_an_earlier_version_can_be_made_current_again(client):
    first = client.get("/api/metrics/datasets/").json()["version"]
    second = imported(client, WITHOUT_ORDERS)["version"]
    listed = client.get("/api/metrics/versions/").json()["versions"]
    assert [(v["version"], v["current"]) for v in listed] == [(second, True), (first, False)]
    assert listed[1]["rows"] == 3 and listed[1]["source"] == "sales.csv"
    switched = client.put("/api/metrics/versions/current", {"version": first}, format="json")
    assert switched.status_code == 200, switched.json()
    assert switched.json()["current"] is True
    assert client.get("/api/metrics/datasets/").json()["version"] == first
    assert measure(client.get("/api/metrics/model/").json(), "orders") is not None
    total = client.get("/api/metrics/query/", {"start": "2024-01-01", "end": "2024-12-31"}).json()["total"]
    assert total["values"]["revenue"] == 450.0
    # And forth again; an unknown or deleted version is refused.
    assert client.put("/api/metrics/versions/current", {"version": second}, format="json").status_code == 200
    assert client.put("/api/metrics/versions/current", {"version": "v_nope"}, format="json").status_code == 404


def test_another_tenants_edits_stay_its_own(make_tenant, api_client_for):
    acme, globex = api_client_for(make_tenant("acme")), api_client_for(make_tenant("globex"))
    imported(acme, replace=False)
    imported(globex, replace=False)
    acme.patch("/api/metrics/model/measures/revenue", {"label": "Acme money"}, format="json")
    assert measure(globex.get("/api/metrics/model/").json(), "revenue")["label"] == "Revenue"


def test_the_parser_reads_dimension_words_and_member_aliases(client, tenant):
    as_of = date(2024, 3, 1)
    model = get_semantic_model(tenant=tenant)
    assert parse("revenue in Northstar in January 2024", model=model, as_of=as_of).understanding.constraints == {}
    assert parse("revenue by turf in January 2024", model=model, as_of=as_of).understanding.group_by is None
    client.patch("/api/metrics/model/dimensions/region", {"words": ["turf"], "aliases": {"Northstar": "North America"}},
                 format="json")
    model = get_semantic_model(tenant=tenant)
    aliased = parse("revenue in Northstar in January 2024", model=model, as_of=as_of).understanding
    assert dict(aliased.constraints) == {"region": ("North America",)}
    assert parse("revenue by turf in January 2024", model=model, as_of=as_of).understanding.group_by == "region"
    answer = answer_question(tenant=tenant, text="revenue in Northstar in January 2024", as_of=as_of, context=None)
    assert "$300" in answer.narrative
