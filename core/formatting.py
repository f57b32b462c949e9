"""The one way SalesTalk writes figures and periods for people: money, numbers, percents, periods.

The narrative and the answer's ``display`` block use these, so every surface
shows "$1.23M", "12.2%", "Q3 2025" and "Jul 2025" the same way and none
formats numbers itself. Money and numbers go through Babel (the tenant's
currency, a locale's symbols and separators); amounts of 10,000 and more are
compact ("$45.2K", "1.23M").
"""
from __future__ import annotations

from datetime import date, timedelta

from babel.dates import format_date
from babel.numbers import format_compact_currency, format_compact_decimal, format_currency, format_decimal

DEFAULT_LOCALE = "en_US"
CURRENCY, NUMBER, PERCENT = "currency", "number", "percent"
COMPACT_FROM = 10_000
NOTHING = "n/a"


def _fraction_digits(magnitude: float) -> int:
    # Three significant figures or so: "1.23M", "45.2K", "988K".
    return 2 if magnitude >= 1e6 else 1


def number(value: float, *, locale: str = DEFAULT_LOCALE) -> str:
    """"7", "87.46", "1,234", "45.2K", "1.23M"."""
    magnitude = abs(value)
    if magnitude >= COMPACT_FROM:
        return format_compact_decimal(value, locale=locale, fraction_digits=_fraction_digits(magnitude))
    if magnitude >= 100 or float(value).is_integer():
        return format_decimal(round(value), format="#,##0", locale=locale)
    return format_decimal(value, format="#,##0.00", locale=locale)


def money(value: float, *, currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """"$1.23M", "-€45.2K", "$1,234", "$45.67" in the tenant's ``currency`` (an ISO 4217 code)."""
    magnitude = abs(value)
    if magnitude >= COMPACT_FROM:
        return format_compact_currency(value, currency, locale=locale, fraction_digits=_fraction_digits(magnitude))
    if magnitude >= 100 or float(value).is_integer():
        return format_currency(round(value), currency, format="¤#,##0", locale=locale, currency_digits=False)
    return format_currency(value, currency, format="¤#,##0.00", locale=locale, currency_digits=False)


def percent(value: float, *, locale: str = DEFAULT_LOCALE) -> str:
    """A value already in percent: 12.234 → "12.2%"."""
    return format_decimal(value, format="#,##0.0", locale=locale) + "%"


def points(value: float, *, locale: str = DEFAULT_LOCALE) -> str:
    """A change of a percent measure: 1.23 → "1.2 points"."""
    return format_decimal(abs(value), format="#,##0.0", locale=locale) + " points"


def figure(value: float | None, *, kind: str, currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """A measure's value in its format (``currency``, ``number`` or ``percent``); "n/a" for no value."""
    if value is None:
        return NOTHING
    if kind == PERCENT:
        return percent(value, locale=locale)
    if kind == CURRENCY:
        return money(value, currency=currency, locale=locale)
    return number(value, locale=locale)


def signed(value: float | None, *, kind: str, currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """A change with its sign: "+$134.6K", "-3", "+1.2 points" (a percent measure changes by points)."""
    if value is None:
        return NOTHING
    sign = "+" if value > 0 else "-" if value < 0 else ""
    if kind == PERCENT:
        return sign + points(value, locale=locale)
    return sign + figure(abs(value), kind=kind, currency=currency, locale=locale)


def signed_percent(value: float | None, *, locale: str = DEFAULT_LOCALE) -> str:
    """A relative change: "+12.2%", "-3.0%"."""
    if value is None:
        return NOTHING
    return ("+" if value > 0 else "") + percent(value, locale=locale)


# --- periods ------------------------------------------------------------------------------------------------

def _month_end(day: date) -> date:
    first_next = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def _quarter(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _day(day: date, *, with_year: bool, locale: str) -> str:
    return format_date(day, "d MMM y" if with_year else "d MMM", locale=locale)


def _month(day: date, *, with_year: bool, locale: str) -> str:
    return format_date(day, "LLLL y" if with_year else "LLLL", locale=locale)


def period(start: date, end: date, *, locale: str = DEFAULT_LOCALE) -> str:
    """A span of days as people name it: "2024", "Q3 2025", "H1 2025", "October 2025", "week 38 of 2025",
    "May – October 2025", "1 Jan – 10 Nov 2025", "10 Nov 2025"."""
    if start == end:
        return _day(start, with_year=True, locale=locale)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    whole_months = start.day == 1 and end == _month_end(end)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if whole_months and months == 3 and start.month % 3 == 1:
        return f"Q{_quarter(start)} {start.year}"
    if whole_months and months == 6 and start.month in (1, 7):
        return f"H{1 if start.month == 1 else 2} {start.year}"
    if whole_months and months == 1:
        return _month(start, with_year=True, locale=locale)
    if start.weekday() == 0 and (end - start).days == 6:
        iso_year, week, _ = start.isocalendar()
        return f"week {week} of {iso_year}"
    if whole_months:
        if start.year == end.year:
            return f"{_month(start, with_year=False, locale=locale)} – {_month(end, with_year=True, locale=locale)}"
        return f"{_month(start, with_year=True, locale=locale)} – {_month(end, with_year=True, locale=locale)}"
    first = _day(start, with_year=start.year != end.year, locale=locale)
    return f"{first} – {_day(end, with_year=True, locale=locale)}"


def period_label(key: str, *, grain: str, locale: str = DEFAULT_LOCALE) -> str:
    """A row's period key (the contract's labels) for people: "2025-07" → "Jul 2025", "2025-W27" → "W27 2025",
    "2025-Q3" → "Q3 2025", "2025-07-01" → "1 Jul 2025", "2025" → "2025"."""
    if grain == "day":
        return _day(date.fromisoformat(key), with_year=True, locale=locale)
    if grain == "week":
        year, week = key.split("-W")
        return f"W{int(week)} {year}"
    if grain == "month":
        return format_date(date.fromisoformat(f"{key}-01"), "LLL y", locale=locale)
    if grain == "quarter":
        year, quarter = key.split("-")
        return f"{quarter} {year}"
    return key
