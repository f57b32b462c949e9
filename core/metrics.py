"""Operational figures: CloudWatch embedded metric format (EMF) in AWS, one log line each elsewhere.

``record(name=…, value=…, unit=…, tenant_id=…)`` is the one call the rest of the code makes. In the aws
profile (``SALESTALK_METRICS = "emf"``) each call prints one EMF document on stdout, where Lambda's
log stream hands it to CloudWatch, which turns it into metrics with no API call and no agent. A tiny
writer rather than aws-lambda-powertools: importing powertools' Metrics costs ~95 ms of every cold
start for the same JSON.

The tenant is always a property of the document (searchable in Logs Insights at no metric cost); it
becomes a metric dimension only with ``SALESTALK_METRICS_TENANT_DIMENSION``, since every tenant then
multiplies the custom metrics billed.
"""
from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Mapping
from typing import Literal

from django.conf import settings

NAMESPACE = "SalesTalk"
SERVICE_DIMENSION = "service"
Unit = Literal["Count", "Milliseconds", "Seconds", "Bytes", "Percent", "None"]

logger = logging.getLogger(__name__)


def emf_document(
    *,
    name: str,
    value: float,
    unit: Unit,
    tenant_id: str | None,
    dimensions: Mapping[str, str],
    timestamp_ms: int,
) -> dict:
    dims = {SERVICE_DIMENSION: getattr(settings, "SALESTALK_METRICS_SERVICE", "salestalk"), **dimensions}
    if tenant_id and getattr(settings, "SALESTALK_METRICS_TENANT_DIMENSION", False):
        dims["tenantId"] = tenant_id
    # Every figure by service alone, and by all of its dimensions, so dashboards can sum or split.
    dimension_sets = [[SERVICE_DIMENSION]]
    if len(dims) > 1:
        dimension_sets.append(list(dims))
    document: dict = {
        "_aws": {
            "Timestamp": timestamp_ms,
            "CloudWatchMetrics": [
                {"Namespace": NAMESPACE, "Dimensions": dimension_sets, "Metrics": [{"Name": name, "Unit": unit}]}
            ],
        },
        **dims,
        name: value,
    }
    if tenant_id:
        document["tenantId"] = tenant_id
    return document


def document_dimensions(document: dict) -> dict[str, str]:
    names = {name for dimension_set in document["_aws"]["CloudWatchMetrics"][0]["Dimensions"] for name in dimension_set}
    return {name: document[name] for name in (*sorted(names), "tenantId") if name in document}


def record(
    *,
    name: str,
    value: float,
    unit: Unit = "Count",
    tenant_id: str | None = None,
    dimensions: Mapping[str, str] | None = None,
) -> None:
    """Publish one figure; never raises, since a metric must not break the request it measures."""
    try:
        document = emf_document(
            name=name,
            value=value,
            unit=unit,
            tenant_id=tenant_id,
            dimensions=dict(dimensions or {}),
            timestamp_ms=int(time.time() * 1000),
        )
        if getattr(settings, "SALESTALK_METRICS", "log") == "emf":
            sys.stdout.write(json.dumps(document, separators=(",", ":")) + "\n")
            sys.stdout.flush()
        else:
            logger.info(
                "metric %s=%s %s",
                name,
                value,
                unit,
                extra={"fields": {"metric": name, "value": value, "unit": unit, **document_dimensions(document)}},
            )
    except Exception:
        logger.warning("metric %s not recorded", name, exc_info=True)
