"""Calendar grains: period labels and bounds, as in the ask contract (weeks are ISO, Monday to Sunday)."""
from __future__ import annotations

from datetime import date, timedelta

GRAINS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
ONE_DAY = timedelta(days=1)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def period_label(day: date, grain: str) -> str:
    """The label of the period of ``grain`` holding ``day``, as in the ask contract."""
    if grain == "day":
        return day.isoformat()
    if grain == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if grain == "month":
        return f"{day.year}-{day.month:02d}"
    if grain == "quarter":
        return f"{day.year}-Q{quarter_of(day)}"
    if grain == "year":
        return str(day.year)
    raise ValueError(f"unknown grain {grain!r}")


def period_bounds(day: date, grain: str) -> tuple[date, date]:
    """First and last day of the period of ``grain`` holding ``day``."""
    if grain == "day":
        return day, day
    if grain == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if grain == "month":
        return day.replace(day=1), _month_end(day.year, day.month)
    if grain == "quarter":
        first_month = 3 * (quarter_of(day) - 1) + 1
        return date(day.year, first_month, 1), _month_end(day.year, first_month + 2)
    if grain == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    raise ValueError(f"unknown grain {grain!r}")


def _month_end(year: int, month: int) -> date:
    return (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - ONE_DAY


def periods(start: date, end: date, grain: str) -> list[tuple[str, date, date]]:
    """Every period of ``grain`` overlapping ``start``..``end``: (label, first day, last day), oldest first."""
    out = []
    day = start
    while day <= end:
        first, last = period_bounds(day, grain)
        out.append((period_label(day, grain), first, last))
        day = last + ONE_DAY
    return out
