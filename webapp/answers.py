"""How the Streamlit app presents an answer object (shared/spec/ask-contract.md): labels, chips, chart, follow-ups.

Pure functions of the answer, so they are tested without Streamlit or a server.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import altair as alt

MEASURE_LABELS = {
    "revenue": "Revenue",
    "cost": "Cost",
    "gross_margin": "Gross margin",
    "margin_pct": "Margin %",
    "units": "Units",
    "orders": "Orders",
    "new_customers": "New customers",
    "avg_order_value": "Average order value",
}
MONEY = frozenset({"revenue", "cost", "gross_margin", "avg_order_value"})
PERCENT = frozenset({"margin_pct"})
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
CHARTED_INTENTS = ("trend", "breakdown", "rank", "drivers")
SENTIMENT_BADGES = {"positive": ("▲ Good news", "green"), "negative": ("▼ Needs attention", "red")}


def measure_label(measure: str | None) -> str:
    name = measure or "revenue"
    return MEASURE_LABELS.get(name, name.replace("_", " ").capitalize())


def _compact(value: float) -> str:
    """Three significant figures past ten thousand (12.3K, 1.23M); whole numbers below."""
    magnitude = abs(value)
    if magnitude >= 10_000:
        for threshold, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
            if magnitude >= threshold:
                scaled = value / threshold
                decimals = 0 if abs(scaled) >= 100 else 1 if abs(scaled) >= 10 else 2
                return f"{scaled:,.{decimals}f}{suffix}"
    return f"{value:,.0f}"


def format_value(measure: str | None, value: float | None, *, currency: str | None = "USD") -> str:
    if value is None:
        return "–"
    name = measure or "revenue"
    if name in PERCENT:
        return f"{value:.1f}%"
    if name in MONEY:
        symbol = CURRENCY_SYMBOLS.get(currency or "", f"{currency} " if currency else "")
        sign = "-" if value < 0 else ""
        body = f"{abs(value):,.2f}" if name == "avg_order_value" and abs(value) < 10000 else _compact(abs(value))
        return f"{sign}{symbol}{body}"
    return _compact(value)


def format_pct(change_pct: float | None) -> str | None:
    if change_pct is None:
        return None
    return f"{change_pct:+.1f}%"


def period_label(period: Mapping[str, Any] | None) -> str | None:
    if not period or not period.get("start") or not period.get("end"):
        return None
    start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if whole_months and start.year == end.year:
        months = end.month - start.month + 1
        if months == 1:
            return start.strftime("%b %Y")
        if months == 12:
            return str(start.year)
        if months == 3 and start.month % 3 == 1:
            return f"Q{(start.month + 2) // 3} {start.year}"
        if months == 6 and start.month in (1, 7):
            return f"H{1 if start.month == 1 else 2} {start.year}"
        return f"{start:%b} – {end:%b %Y}"
    if whole_months:
        return f"{start:%b %Y} – {end:%b %Y}"
    if start == end:
        return f"{start:%b} {start.day}, {start.year}"
    return f"{start:%b} {start.day}, {start.year} – {end:%b} {end.day}, {end.year}"


def chips(answer: Mapping[str, Any]) -> list[str]:
    """How the question was understood, as short labels: measure, period, comparison, constraints, grouping."""
    u = answer.get("understanding") or {}
    if u.get("intent") in ("clarify", "out_of_scope"):
        return []
    out: list[str] = []
    if u.get("measure"):
        out.append(measure_label(u["measure"]))
    time = period_label(u.get("time"))
    if time:
        grain = (u.get("time") or {}).get("grain")
        out.append(f"{time} · by {grain}" if u.get("intent") == "trend" and grain else time)
    compare = period_label(u.get("compare_to"))
    if compare:
        out.append(f"vs {compare}")
    subject = u.get("subject") or {}
    if subject.get("dimension"):
        out.append(f"{subject['dimension']}: {subject['value']}")
    for dimension, members in (u.get("filters") or {}).items():
        if members:
            out.append(f"{dimension}: {', '.join(members)}")
    if u.get("group_by"):
        out.append(f"by {u['group_by']}")
    if u.get("intent") == "rank" and u.get("limit"):
        out.append(f"{'bottom' if u.get('order') == 'asc' else 'top'} {u['limit']}")
    return out


def chart(answer: Mapping[str, Any]) -> alt.Chart | None:
    """A line for a trend, bars for breakdowns and ranks, diverging bars for drivers; None otherwise."""
    u = answer.get("understanding") or {}
    rows = (answer.get("result") or {}).get("rows") or []
    intent = u.get("intent")
    if intent not in CHARTED_INTENTS or not rows:
        return None
    label = measure_label(u.get("measure"))
    data = alt.Data(values=[{"key": str(row["key"]), "value": row["value"]} for row in rows])
    if intent == "trend":
        return (
            alt.Chart(data)
            .mark_line(point=True)
            .encode(
                x=alt.X("key:O", title=None, sort=None),
                y=alt.Y("value:Q", title=label, axis=alt.Axis(format=",.3~s")),
                tooltip=[alt.Tooltip("key:O", title="Period"), alt.Tooltip("value:Q", title=label, format=",.2f")],
            )
        )
    title = f"Change in {label.lower()}" if intent == "drivers" else label
    bars = alt.Chart(data).mark_bar().encode(
        y=alt.Y("key:N", title=u.get("group_by"), sort=None),
        x=alt.X("value:Q", title=title, axis=alt.Axis(format=",.3~s")),
        tooltip=[alt.Tooltip("key:N", title=u.get("group_by") or ""), alt.Tooltip("value:Q", title=title, format=",.2f")],
    )
    if intent == "drivers":
        bars = bars.encode(
            color=alt.condition(alt.datum.value >= 0, alt.value("#3aa872"), alt.value("#e0685b")),
        )
    return bars


def summary_rows(answer: Mapping[str, Any], *, currency: str | None) -> list[dict[str, str]]:
    """The table of every measure a summary answer carries."""
    measures = (answer.get("result") or {}).get("measures") or {}
    return [
        {
            "Measure": measure_label(name),
            "This period": format_value(name, m.get("value"), currency=currency),
            "Before": format_value(name, m.get("previous_value"), currency=currency),
            "Change": format_pct(m.get("change_pct")) or "–",
        }
        for name, m in measures.items()
    ]


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
