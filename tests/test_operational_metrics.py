"""Operational metrics: valid CloudWatch EMF documents from the ask path and imports; log lines locally."""
from __future__ import annotations

import io
import json
import logging

import jsonschema
import pytest

from chat.services import ask
from core.metrics import emf_document, record
from metrics.errors import InvalidDataset
from metrics.services import import_dataset

CSV = b"""date,region,revenue,cost
2025-07-01,EMEA,100.5,40
2025-07-15,APAC,200,120
"""

# The embedded metric format specification's constraints, as a JSON Schema.
EMF_SCHEMA = {
    "type": "object",
    "required": ["_aws"],
    "properties": {
        "_aws": {
            "type": "object",
            "required": ["Timestamp", "CloudWatchMetrics"],
            "properties": {
                "Timestamp": {"type": "integer", "minimum": 0},
                "CloudWatchMetrics": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["Namespace", "Dimensions", "Metrics"],
                        "properties": {
                            "Namespace": {"type": "string", "minLength": 1, "maxLength": 1024},
                            "Dimensions": {
                                "type": "array",
                                "items": {
                                    "type": "array",
                                    "maxItems": 30,
                                    "items": {"type": "string", "minLength": 1, "maxLength": 250},
                                },
                            },
                            "Metrics": {
                                "type": "array",
                                "maxItems": 100,
                                "items": {
                                    "type": "object",
                                    "required": ["Name"],
                                    "properties": {
                                        "Name": {"type": "string", "minLength": 1, "maxLength": 1024},
                                        "Unit": {
                                            "enum": ["Seconds", "Microseconds", "Milliseconds", "Bytes",
                                                     "Kilobytes", "Megabytes", "Count", "Percent", "None"]
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        }
    },
}


def emitted(capsys) -> list[dict]:
    documents = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith('{"_aws"')]
    for document in documents:
        jsonschema.validate(document, EMF_SCHEMA)
        # Every dimension and metric a directive names must be a member of the document itself.
        for directive in document["_aws"]["CloudWatchMetrics"]:
            for name in {n for dimension_set in directive["Dimensions"] for n in dimension_set}:
                assert isinstance(document[name], str), name
            for metric in directive["Metrics"]:
                assert isinstance(document[metric["Name"]], int | float), metric
    return documents


def by_name(documents: list[dict]) -> dict[str, list[dict]]:
    named: dict[str, list[dict]] = {}
    for document in documents:
        for metric in document["_aws"]["CloudWatchMetrics"][0]["Metrics"]:
            named.setdefault(metric["Name"], []).append(document)
    return named


@pytest.fixture
def emf(settings):
    settings.SALESTALK_METRICS = "emf"
    settings.SALESTALK_METRICS_SERVICE = "salestalk-test"
    return settings


def test_a_figure_is_one_valid_emf_document_and_the_tenant_no_dimension_by_default(emf, capsys):
    record(name="AnswerLatency", value=12.5, unit="Milliseconds", tenant_id="acme", dimensions={"intent": "value"})
    [document] = emitted(capsys)
    directive = document["_aws"]["CloudWatchMetrics"][0]
    assert directive["Namespace"] == "SalesTalk"
    assert directive["Metrics"] == [{"Name": "AnswerLatency", "Unit": "Milliseconds"}]
    assert directive["Dimensions"] == [["service"], ["service", "intent"]]
    assert (document["AnswerLatency"], document["tenantId"], document["service"]) == (12.5, "acme", "salestalk-test")


def test_the_tenant_becomes_a_dimension_when_settings_allow_its_cardinality(emf, capsys):
    emf.SALESTALK_METRICS_TENANT_DIMENSION = True
    record(name="Questions", value=1, tenant_id="globex")
    [document] = emitted(capsys)
    assert document["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == [["service"], ["service", "tenantId"]]


def test_locally_the_same_figure_is_a_log_line(settings, caplog, capsys):
    settings.SALESTALK_METRICS = "log"
    with caplog.at_level(logging.INFO, logger="core.metrics"):
        record(name="ImportDuration", value=1.25, unit="Seconds", tenant_id="acme")
    assert not emitted(capsys)
    [line] = [r for r in caplog.records if r.name == "core.metrics"]
    assert line.fields == {"metric": "ImportDuration", "value": 1.25, "unit": "Seconds",
                           "service": "salestalk", "tenantId": "acme"}


def test_emf_document_timestamps_in_milliseconds():
    document = emf_document(
        name="X", value=1, unit="Count", tenant_id=None, dimensions={}, timestamp_ms=1_700_000_000_000
    )
    jsonschema.validate(document, EMF_SCHEMA)
    assert document["_aws"]["Timestamp"] == 1_700_000_000_000 and "tenantId" not in document


def test_an_answered_question_publishes_latency_intent_and_clarify_rate(emf, capsys, tenant):
    import_dataset(tenant=tenant, stream=io.BytesIO(CSV), source="m.csv", replace=False)
    capsys.readouterr()
    ask(tenant=tenant, conversation_id=None, text="What was revenue in July 2025?")
    ask(tenant=tenant, conversation_id=None, text="What was revenue in Atlantis?")
    named = by_name(emitted(capsys))
    assert [d["tenantId"] for d in named["AnswerLatency"]] == [tenant.tenant_id] * 2
    assert all(d["AnswerLatency"] > 0 for d in named["AnswerLatency"])
    assert named["Questions"][0]["intent"] == "value"
    assert [d["Clarifications"] for d in named["Clarifications"]] == [0, 1]


def test_imports_publish_duration_and_rows_or_the_error_kind(emf, capsys, tenant):
    import_dataset(tenant=tenant, stream=io.BytesIO(CSV), source="m.csv", replace=False)
    with pytest.raises(InvalidDataset):
        import_dataset(tenant=tenant, stream=io.BytesIO(b"date,revenue\nnot-a-date,1\n"), source="b.csv", replace=True)
    named = by_name(emitted(capsys))
    assert named["ImportedRows"][0]["ImportedRows"] == 2
    assert named["ImportDuration"][0]["_aws"]["CloudWatchMetrics"][0]["Metrics"][0]["Unit"] == "Seconds"
    assert named["ImportErrors"][0]["error"] == "InvalidDataset"
