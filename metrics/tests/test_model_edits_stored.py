"""Stored model edits read back item by item: text stored before the one text validation existed (a lone
surrogate, a control character, a bidi override) is skipped and logged, never a 500 on every model read."""
from __future__ import annotations

import json
import logging

import pytest

from metrics import model_edits
from metrics.model_edits import EDITS_PK, EDITS_SK, ModelEditsItem
from metrics.tests.test_model_edits import imported, measure
from tenants.storage import bind

BAD_TEXTS = {"lone-surrogate": "emea\ud800", "nul": "em\x00ea", "bell": "em\x07ea", "bidi-override": "em\u202eea"}


@pytest.fixture
def client(tenant, api_client_for):
    client = api_client_for(tenant)
    imported(client, replace=False)
    assert client.patch("/api/metrics/model/measures/cost", {"label": "Spend", "words": ["outlay"]},
                        format="json").status_code == 200
    assert client.patch("/api/metrics/model/dimensions/region", {"words": ["territory"], "aliases": {
        "NA": "North America"}}, format="json").status_code == 200
    assert client.post("/api/metrics/model/measures/", {"name": "revenue_per_order", "kind": "ratio", "a": "revenue",
                                                        "b": "orders", "words": ["order value"]},
                       format="json").status_code == 201
    return client


def store_tampered(tenant, change) -> None:
    """Rewrite the stored document the way an item written before today's validation looks."""
    Record = bind(ModelEditsItem, tenant=tenant)
    record = Record.get(EDITS_PK, EDITS_SK, consistent_read=True)
    document = json.loads(record.document)
    change(document)
    record.document = json.dumps(document)  # ensure_ascii: a lone surrogate is stored as its escape
    record.save()
    model_edits._edits.clear()  # another process reads the stored item, not this one's caches
    model_edits._models.clear()


def region(model: dict) -> dict:
    return next(d for d in model["dimension_details"] if d["name"] == "region")


def bad_label(doc, bad):
    doc["measures"]["cost"]["label"] = bad


def bad_measure_word(doc, bad):
    doc["measures"]["cost"]["words"].append(bad)


def bad_derived_word(doc, bad):
    doc["derived"][0]["words"].append(bad)


def bad_dimension_word(doc, bad):
    doc["dimensions"]["region"]["words"].append(bad)


def bad_alias(doc, bad):
    doc["dimensions"]["region"]["aliases"][bad] = "EMEA"


def bad_alias_member(doc, bad):
    doc["dimensions"]["region"]["aliases"]["eu"] = bad


@pytest.mark.parametrize("bad", sorted(BAD_TEXTS))
@pytest.mark.parametrize(
    "tamper", [bad_label, bad_measure_word, bad_derived_word, bad_dimension_word, bad_alias, bad_alias_member]
)
def test_a_stored_item_that_no_longer_validates_is_skipped_and_logged(client, tenant, tamper, bad, caplog):
    before = client.get("/api/metrics/model/").json()
    store_tampered(tenant, lambda doc: tamper(doc, BAD_TEXTS[bad]))
    with caplog.at_level(logging.WARNING, logger="metrics.model_edits"):
        response = client.get("/api/metrics/model/")
    assert response.status_code == 200
    model = response.json()
    assert BAD_TEXTS[bad] not in json.dumps(model, ensure_ascii=False)
    assert "stored model" in caplog.text
    # Everything else the tenant edited is still there.
    cost, profit = measure(model, "cost"), measure(model, "revenue_per_order")
    assert set(cost["words"]) == {"outlay"} and "order value" in profit["words"]
    assert (cost["label"] == "Spend") is (tamper is not bad_label)
    assert region(model)["words"] == ["territory"] and ["NA", "North America"] in region(model)["aliases"]
    if tamper is not bad_label:
        assert model == before


def test_the_next_write_stores_only_what_was_kept(client, tenant):
    store_tampered(tenant, lambda doc: bad_alias(doc, BAD_TEXTS["lone-surrogate"]))
    assert client.patch("/api/metrics/model/measures/cost", {"direction": "bad"}, format="json").status_code == 200
    stored = bind(ModelEditsItem, tenant=tenant).get(EDITS_PK, EDITS_SK, consistent_read=True).document
    assert "\\ud800" not in stored and json.loads(stored)["dimensions"]["region"]["aliases"] == {"NA": "North America"}


def test_an_unreadable_document_is_a_model_without_edits_not_a_500(client, tenant, caplog):
    Record = bind(ModelEditsItem, tenant=tenant)
    record = Record.get(EDITS_PK, EDITS_SK, consistent_read=True)
    record.document = '{"measures": {"cost": '
    record.save()
    model_edits._edits.clear()
    model_edits._models.clear()
    with caplog.at_level(logging.ERROR, logger="metrics.model_edits"):
        response = client.get("/api/metrics/model/")
    assert response.status_code == 200 and "unreadable" in caplog.text
    model = response.json()
    assert measure(model, "revenue_per_order") is None and measure(model, "cost")["label"] != "Spend"
