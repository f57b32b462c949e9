"""How the Streamlit app presents an answer object (shared/spec/ask-contract.md): chips, chart, tables, follow-ups.

Every label and figure shown comes from the answer's ``display`` block (written by the API's one formatter)
or from ``/api/metrics/model/``: nothing here knows a measure, a currency or how to write a number. Pure
functions of the answer, so they are tested without Streamlit or a server.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import altair as alt

CHARTED_INTENTS = ("trend", "breakdown", "rank", "drivers", "share", "pace")
HEADLINE_INTENTS = ("value", "compare", "drivers", "summary", "count", "share", "unusual")
SENTIMENT_BADGES = {"positive": ("▲ Good news", "green"), "negative": ("▼ Needs attention", "red")}
GOOD, BAD = "#3aa872", "#e0685b"
INTENT_LABELS = {
    "value": "a figure", "compare": "a comparison", "trend": "a trend", "breakdown": "a breakdown",
    "rank": "a ranking", "drivers": "what drove the change", "summary": "a summary", "share": "a share of the whole",
    "pace": "progress to a target", "count": "a count", "unusual": "unusual changes", "clarify": "a question back",
}
ORDER_BY_LABELS = {"change": "growth", "change_pct": "growth %"}


def display_of(answer: Mapping[str, Any]) -> Mapping[str, Any]:
    return answer.get("display") or {}


def measure_labels(model: Mapping[str, Any] | None) -> dict[str, str]:
    """Measure name → label, from ``/api/metrics/model/`` (for answers that carry no display block)."""
    return {m["name"]: m["label"] for m in (model or {}).get("measures", []) if m.get("name") and m.get("label")}


def measure_label(answer: Mapping[str, Any], name: str | None = None, *, labels: Mapping[str, str] = {}) -> str:
    """The label the answer gives a measure ("Average monthly revenue" for the main one when ``per`` divides it)."""
    shown = display_of(answer)
    if name is None:
        main = shown.get("measure") or {}
        if main.get("label"):
            return str(main["label"])
        name = (answer.get("understanding") or {}).get("measure") or ""
    found = (shown.get("measures") or {}).get(name) or {}
    return str(found.get("label") or labels.get(name) or name)


def headline(answer: Mapping[str, Any]) -> tuple[str, str, str | None] | None:
    """(label, figure, change) for answers that have one figure to lead with."""
    u = answer.get("understanding") or {}
    figures = display_of(answer).get("figures") or {}
    if u.get("intent") not in HEADLINE_INTENTS or "value" not in figures:
        return None
    if u.get("intent") == "count":
        return f"Number of {u.get('group_by') or 'members'}", figures["value"], None
    if u.get("intent") == "share" and "share_pct" in figures:
        return f"Share of {measure_label(answer).lower()}", figures["share_pct"], None
    return measure_label(answer), figures["value"], figures.get("change_pct")


def _period(period: Mapping[str, Any] | None, named: str | None) -> str | None:
    if not period:
        return None
    return named or f"{period.get('start')} – {period.get('end')}"


def chips(answer: Mapping[str, Any], *, labels: Mapping[str, str] = {}) -> list[str]:
    """Every part of the question understood, as "Part: value" labels, then the words left out as framing."""
    u = answer.get("understanding") or {}
    intent = u.get("intent")
    if intent in (None, "out_of_scope"):
        return []
    shown = display_of(answer)
    out: list[str] = []
    if intent in INTENT_LABELS and intent != "clarify":
        out.append(f"Asked for: {INTENT_LABELS[intent]}")
    if u.get("measure"):
        out.append(f"Measure: {measure_label(answer, labels=labels)}")
    for name in u.get("also") or []:
        out.append(f"Also: {measure_label(answer, name, labels=labels)}")
    time = _period(u.get("time"), shown.get("period"))
    if time:
        grain = (u.get("time") or {}).get("grain")
        out.append(f"Period: {time} · by {grain}" if intent == "trend" and grain else f"Period: {time}")
    compare = _period(u.get("compare_to"), shown.get("compare_period"))
    if compare:
        out.append(f"Compared with: {compare}")
    subject = u.get("subject") or {}
    if subject.get("dimension"):
        out.append(f"{subject['dimension']}: {subject['value']}")
    for dimension, members in (u.get("filters") or {}).items():
        if members:
            out.append(f"{dimension}: {', '.join(members)}")
    if u.get("group_by"):
        out.append(f"By: {u['group_by']}")
    if u.get("per"):
        out.append(f"Per: {labels.get(u['per'], u['per'])}")
    if u.get("order_by"):
        out.append(f"Ranked by: {ORDER_BY_LABELS.get(u['order_by'], u['order_by'])}")
    if intent == "rank" and u.get("limit"):
        out.append(f"Showing: {'bottom' if u.get('order') == 'asc' else 'top'} {u['limit']}")
    if u.get("cumulative"):
        out.append("Running total")
    if u.get("target") is not None:
        out.append(f"Target: {(shown.get('figures') or {}).get('target') or u['target']}")
    if u.get("ignored"):
        out.append(f"Left out: {' '.join(u['ignored'])}")
    return out


def _rows(answer: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The result's rows beside their display strings (same order, same keys)."""
    raw = (answer.get("result") or {}).get("rows") or []
    shown = display_of(answer).get("rows") or []
    return [{**row, "shown": text} for row, text in zip(raw, shown, strict=False)]


def _share_chart(answer: Mapping[str, Any]) -> alt.Chart | None:
    """One bar for the whole, split into its parts (the part asked about and the rest, or every member)."""
    result = answer.get("result") or {}
    figures = display_of(answer).get("figures") or {}
    rows = _rows(answer)
    if rows:
        parts = [{"part": r["shown"]["label"], "share": r["share_pct"], "text": r["shown"].get("share_pct", ""),
                  "order": i} for i, r in enumerate(rows)]
    elif result.get("share_pct") is not None:
        subject = ((answer.get("understanding") or {}).get("subject") or {}).get("value") or "This part"
        parts = [{"part": subject, "share": result["share_pct"], "text": figures.get("share_pct", ""), "order": 0},
                 {"part": "The rest", "share": 100 - result["share_pct"], "text": "", "order": 1}]
    else:
        return None
    base = alt.Chart(alt.Data(values=parts)).encode(
        x=alt.X("share:Q", stack="zero", title=f"Share of {measure_label(answer).lower()}", axis=None,
                scale=alt.Scale(domain=[0, 100])),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("part:N", title=""), alt.Tooltip("text:N", title="Share")],
    )
    bar = base.mark_bar(height=36).encode(color=alt.Color("part:N", sort=None, title=None,
                                                          legend=alt.Legend(orient="bottom")))
    return (bar + base.mark_text(dx=-4, align="right", color="white").encode(text="text:N")).properties(height=60)


def _pace_chart(answer: Mapping[str, Any]) -> alt.Chart | None:
    """Progress to the target: the actual so far, the projection at this pace, and the target as a rule."""
    result = answer.get("result") or {}
    figures = display_of(answer).get("figures") or {}
    if result.get("target") is None or result.get("value") is None:
        return None
    bars = [{"what": "Projected", "value": result.get("projected") or 0, "text": figures.get("projected", "")},
            {"what": "So far", "value": result["value"], "text": figures.get("value", "")}]
    base = alt.Chart(alt.Data(values=bars)).encode(
        x=alt.X("value:Q", title=measure_label(answer), axis=None,
                scale=alt.Scale(domain=[0, max(result["target"], result.get("projected") or 0) * 1.05])),
        tooltip=[alt.Tooltip("what:N", title=""), alt.Tooltip("text:N", title=measure_label(answer))],
    )
    progress = base.mark_bar(height=28).encode(
        y=alt.Y("what:N", title=None, sort=["So far", "Projected"]),
        color=alt.Color("what:N", legend=None, scale=alt.Scale(domain=["So far", "Projected"],
                                                               range=["#3b6fd8", "#a9c1f0"])),
    )
    labels = base.mark_text(align="left", dx=4).encode(y=alt.Y("what:N", sort=["So far", "Projected"]),
                                                       text="text:N")
    target = alt.Chart(alt.Data(values=[{"target": result["target"], "text": f"Target {figures.get('target', '')}"}]))
    rule = target.mark_rule(color=BAD, strokeWidth=2).encode(x="target:Q", tooltip=alt.Tooltip("text:N", title=""))
    return (progress + labels + rule).properties(height=90)


def chart(answer: Mapping[str, Any]) -> alt.Chart | None:
    """A line for a trend (a running total too), bars for breakdowns and ranks, diverging bars for drivers and
    growth, a bar of the whole for a share, progress to target for a pace; None otherwise."""
    u = answer.get("understanding") or {}
    intent = u.get("intent")
    if intent == "share":
        return _share_chart(answer)
    if intent == "pace":
        return _pace_chart(answer)
    rows = _rows(answer)
    if intent not in CHARTED_INTENTS or not rows:
        return None
    label = measure_label(answer)
    data = alt.Data(values=[{"key": str(r["key"]), "label": r["shown"]["label"], "value": r["value"],
                             "text": r["shown"]["value"]} for r in rows])
    if intent == "trend":
        title = f"{label}, running total" if u.get("cumulative") else label
        return (
            alt.Chart(data)
            .mark_line(point=True)
            .encode(
                x=alt.X("label:O", title=None, sort=None),
                y=alt.Y("value:Q", title=title, axis=alt.Axis(labels=False, ticks=False)),
                tooltip=[alt.Tooltip("label:O", title="Period"), alt.Tooltip("text:N", title=title)],
            )
        )
    signed = intent == "drivers" or bool(u.get("order_by"))
    title = f"Change in {label.lower()}" if signed else label
    base = alt.Chart(data).encode(
        y=alt.Y("label:N", title=u.get("group_by"), sort=None),
        x=alt.X("value:Q", title=title, axis=alt.Axis(labels=False, ticks=False)),
        tooltip=[alt.Tooltip("label:N", title=u.get("group_by") or ""), alt.Tooltip("text:N", title=title)],
    )
    bars = base.mark_bar()
    if signed:
        bars = bars.encode(color=alt.condition(alt.datum.value >= 0, alt.value(GOOD), alt.value(BAD)))
    return bars + base.mark_text(align="left", dx=4).encode(text="text:N")


def measures_table(answer: Mapping[str, Any]) -> list[dict[str, str]]:
    """Several measures (a summary, ``also``): one row per measure for a single figure, or one row per member
    or period with a column per measure."""
    shown = display_of(answer)
    names = shown.get("measures") or {}
    figures = shown.get("measure_figures") or {}
    if figures:
        return [{"Measure": measure_label(answer, name), "This period": f["value"], "Before": f["previous_value"],
                 "Change": f["change_pct"]} for name, f in figures.items()]
    rows = [r for r in shown.get("rows") or [] if r.get("values")]
    if not rows or len(names) < 2:
        return []
    return [{"": r["label"], **{measure_label(answer, name): text for name, text in r["values"].items()}}
            for r in rows]


def growth_table(answer: Mapping[str, Any]) -> list[dict[str, str]]:
    """A growth ranking: each member's change beside its current and previous figures."""
    u = answer.get("understanding") or {}
    if u.get("intent") != "rank" or not u.get("order_by"):
        return []
    now, before = display_of(answer).get("period") or "Now", display_of(answer).get("compare_period") or "Before"
    change = "Change %" if u["order_by"] == "change_pct" else "Change"
    return [{u.get("group_by") or "": r["label"], change: r["value"], now: r.get("current", ""),
             before: r.get("previous", "")} for r in display_of(answer).get("rows") or []]


def unusual_list(answer: Mapping[str, Any]) -> list[dict[str, str]]:
    """Unusual changes: what it was, what its history led to expect, and how unusual (z)."""
    if (answer.get("understanding") or {}).get("intent") != "unusual":
        return []
    return [{"Series": r["label"], "Actual": r["value"], "Expected": r.get("expected", ""),
             "How unusual (z)": r.get("z", "")} for r in display_of(answer).get("rows") or []]


def pace_figures(answer: Mapping[str, Any]) -> dict[str, str]:
    """The pace answer's figures under the names people read them by."""
    if (answer.get("understanding") or {}).get("intent") != "pace":
        return {}
    figures = display_of(answer).get("figures") or {}
    names = {"value": "So far", "pct_of_target": "Of target", "projected": "Projected", "target": "Target",
             "gap": "Projected vs target"}
    return {label: figures[name] for name, label in names.items() if name in figures}


_SUGGESTION_LEAD = re.compile(
    r"(?:did you mean|more than one thing:|broken down by|that split:|tell you about)\s+(.+?)(?:\?|\.\s|\.?$)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")


@dataclass(frozen=True)
class FollowUp:
    label: str
    question: str


def clarification_options(answer: Mapping[str, Any]) -> list[str]:
    """The answer's suggestions, or those named in its clarifying question ("Did you mean EMEA or APAC?")."""
    if isinstance(answer.get("suggestions"), list) and answer["suggestions"]:
        return [str(option) for option in answer["suggestions"]][:8]
    match = _SUGGESTION_LEAD.search(answer.get("clarification") or answer.get("narrative") or "")
    if not match:
        return []
    parts = re.split(r",\s*|\s+or\s+|\s+and\s+", match.group(1), flags=re.IGNORECASE)
    cleaned = [part.strip().strip("\"'“”‘’.").strip() for part in parts]
    return [part for part in cleaned if part and len(part) <= 60][:8]


def suggestion_question(answer: Mapping[str, Any], *, question: str | None, suggestion: str) -> str:
    """For "did you mean", the question again with the suggestion in place of the word not understood."""
    text = answer.get("clarification") or answer.get("narrative") or ""
    quoted = _QUOTED.search(text)
    if not question or not quoted or not re.search(r"did you mean|could mean", text, re.IGNORECASE):
        return suggestion
    at = question.lower().find(quoted.group(1).lower())
    if at < 0:
        return suggestion
    return question[:at] + suggestion + question[at + len(quoted.group(1)):]


def follow_ups(answer: Mapping[str, Any], *, question: str | None = None,
               dimensions: Iterable[str] = ()) -> list[FollowUp]:
    """Questions worth asking next, phrased as the follow-ups the contract understands."""
    u = answer.get("understanding") or {}
    intent = u.get("intent")
    if intent == "clarify":
        return [FollowUp(option, suggestion_question(answer, question=question, suggestion=option))
                for option in clarification_options(answer)]
    if intent in (None, "out_of_scope"):
        return []
    used = {u.get("group_by"), (u.get("subject") or {}).get("dimension"), *(u.get("filters") or {})}
    other = next((d for d in dimensions if d not in used), None)
    out: list[str] = []
    if intent in ("value", "compare", "trend", "summary"):
        out.append("Why?")
    if other and intent in ("value", "compare", "breakdown", "drivers", "rank"):
        out.append(f"Break that down by {other}")
    if intent in ("value", "breakdown") and not u.get("compare_to"):
        out.append("Compared to last year?")
    if intent == "breakdown":
        out.append("Top 3?")
    if intent == "rank" and u.get("group_by"):
        out.append("Why?")
    return [FollowUp(text, text) for text in out]
