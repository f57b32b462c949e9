"""The answer as a colleague would say it: template narratives and their tone.

Every figure written here is formatted from the computed ``Result``; nothing is
estimated. Periods are named as people say them ("Q3 2025", "October 2025",
"1 Jan – 10 Nov 2025").
"""
from __future__ import annotations

from datetime import date

from insights.answering.results import Result, Row
from insights.understanding.types import Period, Understanding
from metrics.measures import CATALOGUE, DEFAULT_MEASURE, Measure
from metrics.periods import period_bounds, quarter_of

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CAD": "CA$", "AUD": "A$"}
NEUTRAL_BELOW_PCT = 1.0
MAX_LISTED = 3


# --- numbers ----------------------------------------------------------------

def format_number(value: float) -> str:
    magnitude = abs(value)
    for size, suffix in ((1e9, "B"), (1e6, "M")):
        if magnitude >= size:
            return f"{value / size:,.2f}{suffix}"
    if magnitude >= 10_000:
        return f"{value / 1e3:,.1f}k"
    if magnitude >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}"


def format_money(value: float, *, currency: str) -> str:
    sign = "-" if value < 0 else ""
    amount = format_number(abs(value))
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{sign}{symbol}{amount}" if symbol else f"{sign}{amount} {currency}"


def format_measure(value: float | None, measure: Measure, *, currency: str) -> str:
    if value is None:
        return "n/a"
    if measure.is_percent:
        return f"{value:.1f}%"
    if measure.is_money:
        return format_money(value, currency=currency)
    return format_number(value)


def format_change(change: float | None, change_pct: float | None, measure: Measure, *, currency: str) -> str:
    """"up 12.2%", "down $3.4k", "up 1.2 points" (a percentage measure changes by points)."""
    if change is None:
        return "with nothing to compare against"
    direction = "up" if change > 0 else "down" if change < 0 else "flat"
    if direction == "flat":
        return "flat"
    if measure.is_percent:
        return f"{direction} {abs(change):.1f} points"
    if change_pct is not None:
        return f"{direction} {abs(change_pct):.1f}%"
    return f"{direction} {format_measure(abs(change), measure, currency=currency)}"


def sentiment_of(*, measure: str, change: float | None, change_pct: float | None) -> str:
    """The contract's tone: good news when a measure moves the way its "up is" column wants."""
    if change is None or change == 0:
        return "neutral"
    relative = change_pct if change_pct is not None else None
    if relative is not None and abs(relative) < NEUTRAL_BELOW_PCT:
        return "neutral"
    if CATALOGUE[measure].is_percent and abs(change) < NEUTRAL_BELOW_PCT:
        return "neutral"
    rising = change > 0
    return "positive" if rising == CATALOGUE[measure].up_is_good else "negative"


# --- periods ----------------------------------------------------------------

def _day(day: date, *, with_year: bool) -> str:
    return f"{day.day} {day:%b}" + (f" {day.year}" if with_year else "")


def describe_period(period: Period) -> str:
    start, end = period.start, period.end
    if start == end:
        return _day(start, with_year=True)
    if (start, end) == period_bounds(start, "year"):
        return str(start.year)
    if (start, end) == period_bounds(start, "quarter"):
        return f"Q{quarter_of(start)} {start.year}"
    if start.month in (1, 7) and start.day == 1 and end == period_bounds(start.replace(month=start.month + 5), "month")[1]:
        return f"H{1 if start.month == 1 else 2} {start.year}"
    if (start, end) == period_bounds(start, "month"):
        return f"{start:%B} {start.year}"
    if (start, end) == period_bounds(start, "week"):
        iso_year, week, _ = start.isocalendar()
        return f"week {week} of {iso_year}"
    if start.day == 1 and end == period_bounds(end, "month")[1]:
        if start.year == end.year:
            return f"{start:%B} – {end:%B} {end.year}"
        return f"{start:%B} {start.year} – {end:%B} {end.year}"
    return f"{_day(start, with_year=start.year != end.year)} – {_day(end, with_year=True)}"


def describe_scope(understanding: Understanding) -> str:
    parts = [" or ".join(members) for members in understanding.constraints.values()]
    return f" for {' and '.join(parts)}" if parts else ""


# --- narratives ---------------------------------------------------------------

def no_data(*, understanding: Understanding, data_range: tuple[date, date]) -> str:
    """Why there is no figure: the period lies outside the data, or nothing matches in it."""
    first, last = data_range
    when = describe_period(understanding.time)
    if understanding.time.end < first or understanding.time.start > last:
        return (f"There is no data for {when}: your data covers {describe_period(Period(first, last))}. "
                "Try a period inside that range.")
    return f"There is no data{describe_scope(understanding)} in {when}."


def compose(*, understanding: Understanding, result: Result, currency: str, data_range: tuple[date, date]) -> str:
    u = understanding
    measure = CATALOGUE[u.measure or DEFAULT_MEASURE]
    scope = describe_scope(u)
    when = describe_period(u.time)
    if result.value is None and not result.rows:
        return no_data(understanding=u, data_range=data_range)

    def fmt(value: float | None) -> str:
        return format_measure(value, measure, currency=currency)

    if u.intent == "value":
        return f"{measure.label}{scope} was {fmt(result.value)} in {when}."

    if u.intent in ("compare", "drivers", "summary"):
        before = describe_period(u.compare_to) if u.compare_to else "the period before"
        if result.value is None:
            return f"There is no data{scope} in {when} to compare with {before}."
        head = (
            f"{measure.label}{scope} was {fmt(result.value)} in {when}, "
            f"{format_change(result.change, result.change_pct, measure, currency=currency)} on {before}"
            + (f" ({fmt(result.previous_value)})." if result.previous_value is not None else ".")
        )
        if u.intent == "drivers":
            return head + " " + _drivers_sentence(result, measure, currency=currency, group_by=u.group_by)
        if u.intent == "summary":
            return head + " " + _summary_sentence(result, main=measure.name, currency=currency)
        return head

    if u.intent == "trend":
        return _trend_sentence(u, result, measure, scope=scope, currency=currency)

    if u.intent in ("breakdown", "rank"):
        dimension = (u.group_by or "member").replace("_", " ")
        listed = ", ".join(f"{row.key} ({fmt(row.value)})" for row in result.rows[:MAX_LISTED])
        if u.intent == "rank":
            word = "Top" if u.order != "asc" else "Bottom"
            if len(result.rows) == 1:
                extreme = "highest" if u.order != "asc" else "lowest"
                return f"{result.rows[0].key} had the {extreme} {measure.label.lower()}{scope} by {dimension} in {when}: {fmt(result.rows[0].value)}."
            return f"{word} {len(result.rows)} by {measure.label.lower()}{scope} in {when}: {listed}."
        more = f", and {len(result.rows) - MAX_LISTED} more" if len(result.rows) > MAX_LISTED else ""
        return f"{measure.label}{scope} by {dimension} in {when}: {listed}{more}."
    raise ValueError(f"No narrative for intent {u.intent!r}.")


def _drivers_sentence(result: Result, measure: Measure, *, currency: str, group_by: str | None) -> str:
    movers = [row for row in result.rows if row.value]
    if not movers:
        return "No single member stands out as the driver."
    dimension = (group_by or "member").replace("_", " ")

    def moved(row: Row) -> str:
        return f"{row.key} ({'+' if row.value > 0 else ''}{format_measure(row.value, measure, currency=currency)})"

    first = movers[0]
    rest = ", ".join(moved(row) for row in movers[1:MAX_LISTED])
    return f"The biggest driver by {dimension} was {moved(first)}" + (f", then {rest}." if rest else ".")


def _summary_sentence(result: Result, *, main: str, currency: str) -> str:
    parts = []
    for name, figures in (result.measures or {}).items():
        if name == main or figures.value is None:
            continue
        measure = CATALOGUE[name]
        text = f"{measure.label.lower()} {format_measure(figures.value, measure, currency=currency)}"
        if figures.previous_value is not None:
            change = figures.value - figures.previous_value
            text += f" ({format_change(change, figures.change_pct, measure, currency=currency)})"
        parts.append(text)
    return ("Also: " + "; ".join(parts) + ".") if parts else ""


def _trend_sentence(u: Understanding, result: Result, measure: Measure, *, scope: str, currency: str) -> str:
    grain = u.time.grain or "month"
    adjective = {"day": "Daily", "week": "Weekly", "month": "Monthly", "quarter": "Quarterly", "year": "Yearly"}[grain]
    rows = [row for row in result.rows if row.value is not None]
    if not rows:
        return f"There is no {measure.label.lower()}{scope} to show in {describe_period(u.time)}."
    first, last = rows[0], rows[-1]
    peak = max(rows, key=lambda row: row.value)

    def fmt(value: float | None) -> str:
        return format_measure(value, measure, currency=currency)

    text = f"{adjective} {measure.label.lower()}{scope}, {describe_period(u.time)}: from {fmt(first.value)} in {first.key} to {fmt(last.value)} in {last.key}"
    if len(rows) > 2 and peak not in (first, last):
        text += f", peaking at {fmt(peak.value)} in {peak.key}"
    return text + "."


def trend_change(result: Result) -> tuple[float | None, float | None]:
    """First to last period with a value: what the trend's tone is judged on."""
    rows = [row for row in result.rows if row.value is not None]
    if len(rows) < 2:
        return None, None
    change = rows[-1].value - rows[0].value
    return change, (change / abs(rows[0].value) * 100 if rows[0].value else None)
