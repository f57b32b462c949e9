"""The answer's ``display`` block: every figure of ``result`` as people read it, for the UIs to show as is.

Formatted with ``core.formatting`` from the tenant's model (labels, formats,
directions) and currency, beside the raw numbers in ``result`` — so no
surface keeps its own table of labels or formats money itself.
"""
from __future__ import annotations

from typing import Any

from core import formatting
from insights.answering.narrative import Voice, describe_period
from insights.answering.results import Result, Row
from insights.understanding.types import Understanding
from metrics.semantic import SemanticModel

# Result fields in the measure's own unit, and those that are percentages whatever the measure.
IN_MEASURE_UNIT = ("value", "previous_value", "total", "projected", "target")
PERCENTAGES = ("change_pct", "share_pct", "pct_of_target")


def _measure(voice: Voice, name: str) -> dict[str, Any]:
    measure = voice.model.measure(name)
    return {"name": name, "label": voice.label(name), "format": str(measure.format),
            "direction": str(measure.direction)}


def _figures(voice: Voice, result: Result) -> dict[str, str]:
    out = {}
    for name in IN_MEASURE_UNIT:
        value = getattr(result, name)
        if value is not None:
            out[name] = voice.fmt(value)
    for name in ("change", "gap"):
        value = getattr(result, name)
        if value is not None:
            out[name] = voice.signed(value)
    for name in PERCENTAGES:
        value = getattr(result, name)
        if value is not None:
            out[name] = (formatting.signed_percent(value) if name == "change_pct"
                         else formatting.percent(value))
    if voice.u.intent == "count" and result.value is not None:
        out["value"] = formatting.number(result.value)
    return out


def _row(voice: Voice, row: Row) -> dict[str, Any]:
    growth_pct = voice.u.order_by == "change_pct"
    value = (formatting.signed_percent(row.value) if growth_pct
             else voice.signed(row.value) if voice.u.order_by == "change" or voice.u.intent == "drivers"
             else voice.fmt(row.value))
    out: dict[str, Any] = {"key": row.key, "label": voice.key(row), "value": value}
    for name in ("current", "previous", "expected"):
        if getattr(row, name) is not None:
            out[name] = voice.fmt(getattr(row, name))
    if row.share_pct is not None:
        out["share_pct"] = formatting.percent(row.share_pct)
    if row.z is not None:
        out["z"] = f"{row.z:+.1f}"
    if row.values is not None:
        out["values"] = {name: voice.fmt(v, name) for name, v in row.values.items()}
    return out


def display(*, understanding: Understanding, result: Result, model: SemanticModel, currency: str) -> dict[str, Any]:
    """``measure`` (the main one: name, label as asked, format, direction), ``measures`` (every measure the
    answer carries, same shape), ``period`` / ``compare_period`` (named as people say them), ``figures``
    (result field → text), ``rows`` (key, label, value and any other row field as text, ``values`` per
    measure) and ``measure_figures`` (name → value, previous_value, change_pct as text)."""
    voice = Voice(u=understanding, model=model, currency=currency)
    u = understanding
    main = voice.measure.name
    names = list(dict.fromkeys([main, *u.also, *(result.measures or {})]))
    return {
        "measure": _measure(voice, main),
        "measures": {name: _measure(voice, name) for name in names},
        "period": describe_period(u.time) if u.time else None,
        "compare_period": describe_period(u.compare_to) if u.compare_to else None,
        "figures": _figures(voice, result),
        "rows": [_row(voice, row) for row in result.rows],
        "measure_figures": {
            name: {
                "value": voice.fmt(figures.value, name),
                "previous_value": voice.fmt(figures.previous_value, name),
                "change_pct": formatting.signed_percent(figures.change_pct),
            }
            for name, figures in (result.measures or {}).items()
        },
    }
