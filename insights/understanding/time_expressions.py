"""Time expressions of a question, found and resolved against an as-of date A.

Implements the "Resolving time" and "Comparison periods" tables of
shared/spec/ask-contract.md. ``read_time`` returns every period the text names
(with the character spans it consumed, so the rest of the parser never reads
"march" or "may" as anything else), the comparison it asks for, and any grain
word. ``compare_period`` and ``trend_grain`` turn a found period into the
contract's ``compare_to`` and default trend grain.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from insights.understanding.day_parts import names_part_of_day
from insights.understanding.types import Period
from metrics.periods import period_bounds, periods

ONE_DAY = timedelta(days=1)
FIRST_YEAR, LAST_YEAR = 1900, 2199

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "a": 1, "two": 2, "couple of": 2, "a couple of": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "couple": 2, "a couple": 2, "eighteen": 18, "twenty": 20, "twenty four": 24,
    "thirty": 30,
    "thirty six": 36, "forty five": 45, "sixty": 60, "ninety": 90,
}
ORDINALS: dict[str, int] = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
UNITS: dict[str, str] = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "wk": "week", "wks": "week",
    "month": "month", "months": "month", "mo": "month", "mos": "month", "quarter": "quarter",
    "quarters": "quarter", "qtr": "quarter", "qtrs": "quarter", "year": "year", "years": "year",
    "yr": "year", "yrs": "year",
}
GRAIN_WORDS: dict[str, str] = {
    "daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter", "yearly": "year",
    "annually": "year", "annual": "year",
}
MONTHS_IN: dict[str, int] = {"month": 1, "quarter": 3, "half": 6, "year": 12}

_MONTH = (r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\.?")  # "marinas", "junior" hold no month
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_YEAR = r"(?P<year>(?:19|2[01])\d\d|'\d\d)"
_YEAR_TAIL = rf"(?:\s*(?:of\s+|in\s+|,\s*|-\s*|/\s*)?(?:fy\s*|the\s+year\s+)?{_YEAR}(?![\d-]))?"
_RELATIVE_YEAR = r"(?:\s+(?:of\s+)?(?P<rel>this|last|previous|prior|the\s+previous|the\s+prior)\s+year\b)?"
_COUNT = r"(?P<n>\d{1,3}|" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>days?|weeks?|wks?|months?|mos?|quarters?|qtrs?|years?|yrs?)"
# "last 30d", "past 2wks", "l12m": a count written onto its unit, or a dashboard's letter for last / past /
# trailing / rolling before it; "12m" before a target is money ("last 12m target" is no year)
_GLUED_UNIT = (r"(?P<unit>days?|d|weeks?|wks?|w|months?|mos?|mths?|m|quarters?|qtrs?|q|years?|yrs?|y)\b"
               r"(?!\s+(?:\w+\s+)?(?:target|goal|quota|budget)s?\b)")
_LEFT_SPAN = re.compile(r"(?<![\w$£€.])\d{1,3}\s?(?:days?|d|weeks?|wks?|w|months?|mos?|mths?|quarters?|qtrs?|years?|"
                        r"yrs?)\b")
# "top 3 months", "best 2 quarters": periods ranked, not a span
_LONGEST = {"day": 1, "week": 7, "month": 31, "quarter": 92, "year": 366}  # the most days one period of the grain holds
_AFTER_MEASURE = re.compile(r"\s+(?P<n>\d{1,3})" + _GLUED_UNIT + r"(?![$£€%.\d])")
_RANKED_BEFORE = re.compile(r"\b(?:top|bottom|which|what|best|worst|highest|lowest|biggest|smallest|strongest|"
                            r"weakest|busiest|slowest|quietest)\s+$")
_SHORT_UNITS = {"d": "day", "w": "week", "m": "month", "mth": "month", "mths": "month", "q": "quarter", "y": "year"}
_ALL_OF = r"(?:whole\s+|full\s+|entire\s+)?"
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s*$")
_MONTH_CONTEXT = re.compile(
    r"\b(?:in|of|since|from|between|during|to|until|till|through|thru|last|this|early|late|mid|end|start|"
    r"beginning|before|after|by|over|month\s+of)\s+(?:the\s+)?$|[-–/]\s*$")
# "the last 24 hours", "an hour", "the past few nights": a count before a unit the tenant measures ("hours") makes
# it a length of time, not the measure.
_COUNTED = re.compile(rf"\b(?:{_COUNT}|an?|few|several|couple\s+of|last|past|this|previous|prior)\s+$")
_MAY_AS_MONTH = re.compile(
    r"(?:\b(?:in|of|since|from|between|during|for|to|until|till|through|thru|and|or|vs|versus|than|last|"
    r"this|early|late|mid|end|start|beginning|before|after|on|by|with|over|like|is|was|about|month|did|does|do|were|"
    r"at|against|vs\.)\s+(?:the\s+)?"
    r"(?:month\s+of\s+)?$|[-–,/(]\s*$)"
)


@dataclass(frozen=True)
class FoundPeriod:
    """A resolved period and how it was said.

    ``unit``/``count``: the period is ``count`` whole calendar ``unit``s (``None``
    for any other span); ``to_date``: it runs from the start of A's ``unit`` to A.
    """

    start: date
    end: date
    unit: str | None = None
    count: int = 1
    to_date: bool = False
    span: tuple[int, int] = (0, 0)
    # A range of two named periods ("between Q3 and Q4", "from June to July"): those two periods, for
    # a question about the change from one to the other.
    ends: tuple[FoundPeriod, FoundPeriod] | None = None
    whole_data: bool = False  # "ever", "since we started": the dataset's first to last date
    counted: bool = False  # "last 8 quarters", "revenue 30d": said as a count of whole units back from A

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def period(self, *, grain: str | None = None) -> Period:
        natural = self.unit if self.count == 1 and not self.to_date and self.unit != "half" else None
        return Period(start=self.start, end=self.end, grain=grain or natural)


@dataclass(frozen=True)
class Shift:
    """A period said relative to the one being discussed: ``steps`` ``unit``s back (negative) or on.

    ``adjacent``: "the quarter before" (the whole ``unit`` next to the period); else an offset of the whole
    span ("a year earlier": the same span one year back)."""

    unit: str
    steps: int
    adjacent: bool


@dataclass(frozen=True)
class TimeReading:
    """What a text says about time. ``periods`` are in text order; ``compare_to`` is the period
    named after a comparison word ("vs Q2"); ``comparison`` is "year" (vs last year, YoY, same period
    last year) or "previous" (vs the previous period, vs before, MoM); ``relative_compare_unit`` is
    set when the comparison named "last <unit>" (so "this month vs last month" compares like spans)."""

    periods: tuple[FoundPeriod, ...] = ()
    compare_to: FoundPeriod | None = None
    comparison: str | None = None
    relative_compare_unit: str | None = None
    grain: str | None = None
    # The grain was said as a split ("by quarter"), not as a series ("monthly", "month by month").
    grain_split: bool = False
    # "week over week", "qoq": the grain of the periods compared, which with no period said are the last whole one
    # and the one before it
    over: str | None = None
    spans: tuple[tuple[int, int], ...] = ()
    problem: str | None = None
    problem_text: str = ""
    # "and the quarter before?", "a year earlier": the period of the previous answer moved; "the previous month"
    # also names last month, which is what it means with no answer before it
    shift: Shift | None = None

    @property
    def time(self) -> FoundPeriod | None:
        return self.periods[0] if self.periods else None


# ---------------------------------------------------------------- date arithmetic

def month_end(year: int, month: int) -> date:
    return (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - ONE_DAY


def shift_months(day: date, months: int, *, keep_month_end: bool = False) -> date:
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    last = month_end(year, month + 1)
    if keep_month_end and day == month_end(day.year, day.month):
        return last
    return date(year, month + 1, min(day.day, last.day))


def _month_aligned(start: date, end: date) -> int | None:
    """Number of whole months in start..end, or None when it is not whole months."""
    if start.day != 1 or end != month_end(end.year, end.month):
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def year_earlier(found: FoundPeriod) -> FoundPeriod:
    """The period shifted back one year (month ends stay month ends: Feb 2025 → 1–29 Feb 2024)."""
    return replace(
        found,
        start=shift_months(found.start, 12),
        end=shift_months(found.end, 12, keep_month_end=_month_aligned(found.start, found.end) is not None),
        span=(0, 0),
    )


def previous_period(found: FoundPeriod) -> FoundPeriod:
    """The contract's "vs the previous period": the calendar period(s) before; a to-date span → the
    same span one unit earlier; any other span → the span of equal length just before it."""
    if found.to_date and found.unit:
        if found.unit == "week":
            return replace(found, start=found.start - timedelta(weeks=1), end=found.end - timedelta(weeks=1))
        if found.unit == "day":
            return replace(found, start=found.start - ONE_DAY, end=found.end - ONE_DAY)
        months = MONTHS_IN[found.unit]
        return replace(found, start=shift_months(found.start, months), end=shift_months(found.end, months))
    months = _month_aligned(found.start, found.end)
    if months is not None:
        start = shift_months(found.start, months)
        return replace(found, start=start, end=found.start - ONE_DAY, to_date=False)
    return replace(found, start=found.start - timedelta(days=found.days), end=found.start - ONE_DAY, to_date=False)


def shifted(found: FoundPeriod, *, shift: Shift) -> FoundPeriod:
    """``found`` moved as ``shift`` says: the whole unit before or after it, or the same span a unit away."""
    unit, steps = shift.unit, shift.steps
    if shift.adjacent and (found.unit != unit or found.count != 1):
        # "the month before" a quarter: the month just before the quarter starts, not the quarter moved
        if steps < 0:
            end = found.start - ONE_DAY
            return FoundPeriod(period_bounds(end, unit)[0], end, unit)
        start = found.end + ONE_DAY
        return FoundPeriod(start, period_bounds(start, unit)[1], unit)
    if unit in ("day", "week"):
        days = timedelta(days=(7 if unit == "week" else 1) * steps)
        return replace(found, start=found.start + days, end=found.end + days, span=(0, 0))
    months = -MONTHS_IN[unit] * steps
    whole = _month_aligned(found.start, found.end) is not None
    return replace(found, start=shift_months(found.start, months),
                   end=shift_months(found.end, months, keep_month_end=whole), span=(0, 0))


def trend_grain(period: FoundPeriod | Period) -> str:
    """Grain of trend rows when no grain word is said: the unit counted ("over the last 8 qtrs": a row a quarter),
    else day up to 31 days, week up to 92, month up to 3 years, else quarter."""
    if isinstance(period, FoundPeriod) and period.counted and period.count > 1 and period.unit:
        return period.unit
    days = period.days
    if days <= 31:
        return "day"
    if days <= 92:
        return "week"
    if days <= 1096:
        return "month"
    return "quarter"


def counted_back(period: Period, *, as_of: date) -> bool:
    """Whether ``period`` is two or more whole units of its grain back from A, as "the last 8 qtrs" says: rows a
    count of units gave, not a grain said."""
    if period.grain is None:
        return False
    count = len(periods(period.start, period.end, period.grain))
    counted = last_whole(period.grain, as_of=as_of, count=count) if count > 1 else None
    return counted is not None and (counted.start, counted.end) == (period.start, period.end)


def found_from_period(period: Period, *, as_of: date) -> FoundPeriod:
    """How a period of an earlier answer was most likely said, so a follow-up can compare it the same way."""
    start, end = period.start, period.end
    if start == end:
        return FoundPeriod(start, end, "day")
    for unit in ("week", "month", "quarter", "year"):
        if period_bounds(start, unit) == (start, end):
            return FoundPeriod(start, end, unit)
    if (start.month - 1) % 6 == 0 and start.day == 1 and shift_months(start, -6) - ONE_DAY == end:
        return FoundPeriod(start, end, "half")
    if end == as_of:
        for unit in ("week", "month", "quarter", "year"):
            if period_bounds(as_of, unit)[0] == start:
                return FoundPeriod(start, end, unit, to_date=True)
        if start.day == 1 and start.month in (1, 7) and (as_of.month - 1) // 6 == (start.month - 1) // 6:
            return FoundPeriod(start, end, "half", to_date=True)
    months = _month_aligned(start, end)
    if months:
        return FoundPeriod(start, end, "month", months)
    return FoundPeriod(start, end)


def last_whole(unit: str, *, as_of: date, count: int = 1) -> FoundPeriod:
    """The ``count`` whole calendar ``unit``s before A's (weeks are ISO, Monday to Sunday)."""
    if unit == "day":
        return FoundPeriod(as_of - timedelta(days=count - 1), as_of, "day", count)
    first, _ = period_bounds(as_of, "week" if unit == "week" else unit)
    if unit == "week":
        return FoundPeriod(first - timedelta(weeks=count), first - ONE_DAY, "week", count)
    return FoundPeriod(shift_months(first, MONTHS_IN[unit] * count), first - ONE_DAY, unit, count)


def last_counted(unit: str, *, as_of: date, count: int) -> FoundPeriod:
    """"last 8 quarters", "past 6 wks", "30d": the ``count`` whole ``unit``s before A, said as that many units."""
    return replace(last_whole(unit, as_of=as_of, count=count), counted=True)


def last_over(unit: str, *, as_of: date) -> FoundPeriod:
    """"week over week" with no period said: the last whole ``unit`` before A (for a day, the day before A)."""
    if unit == "day":
        return FoundPeriod(as_of - ONE_DAY, as_of - ONE_DAY, "day")
    return last_whole(unit, as_of=as_of)


def default_period(*, as_of: date, trend: bool) -> FoundPeriod:
    """(nothing said): the last whole month before A's month; for a trend the last 12 whole months."""
    return last_whole("month", as_of=as_of, count=12 if trend else 1)


def compare_period(
    reading: TimeReading, *, time: FoundPeriod, as_of: date, mode: str | None = None
) -> FoundPeriod:
    """The contract's ``compare_to`` for ``time`` given what the text said (``mode`` overrides)."""
    if reading.compare_to is not None and mode is None:
        named = reading.compare_to
        # "this month vs last month": like spans; a period is never compared with itself.
        if (named.start, named.end) == (time.start, time.end) or (
            reading.relative_compare_unit and time.to_date and time.unit == reading.relative_compare_unit
        ):
            return previous_period(time)
        return named
    if (mode or reading.comparison) == "year":
        return year_earlier(time)
    return previous_period(time)


# ---------------------------------------------------------------- atoms: one period each, maybe without a year

@dataclass
class _Atom:
    kind: str  # month, quarter, half, year, week, date, fixed
    start_char: int
    end_char: int
    value: int = 0
    year: int | None = None
    day: int = 0
    fixed: FoundPeriod | None = None  # already resolved (relative expressions, explicit dates)

    def has_year(self) -> bool:
        return self.fixed is not None or self.year is not None


class _Invalid(ValueError):
    """The text names a calendar period that does not exist (week 53 of 2025, 30 February)."""


def _year_of(token: str | None) -> int | None:
    if not token:
        return None
    return 2000 + int(token[1:]) if token.startswith("'") else int(token)


def _bounds(kind: str, value: int, year: int, day: int = 0) -> tuple[date, date, str]:
    try:
        if kind == "month":
            return date(year, value, 1), month_end(year, value), "month"
        if kind == "quarter":
            return date(year, 3 * value - 2, 1), month_end(year, 3 * value), "quarter"
        if kind == "half":
            return date(year, 6 * value - 5, 1), month_end(year, 6 * value), "half"
        if kind == "year":
            return date(year, 1, 1), date(year, 12, 31), "year"
        if kind == "week":
            start = date.fromisocalendar(year, value, 1)
            return start, start + timedelta(days=6), "week"
        if kind == "date":
            one = date(year, value, day)
            return one, one, "day"
    except ValueError as exc:
        raise _Invalid(str(exc)) from exc
    raise ValueError(kind)


def _resolve(atom: _Atom, *, as_of: date, before: date | None = None) -> FoundPeriod:
    """An atom as a period. Without a year: the most recent such period that has started by A
    (up to A when A is inside it) — or, with ``before``, the latest one starting before that date."""
    span = (atom.start_char, atom.end_char)
    if atom.fixed is not None:
        return replace(atom.fixed, span=span)
    if atom.year is not None:
        start, end, unit = _bounds(atom.kind, atom.value, atom.year, atom.day)
        return FoundPeriod(start, end, unit, span=span)
    limit = before - ONE_DAY if before is not None else as_of
    year = limit.isocalendar()[0] if atom.kind == "week" else limit.year
    for candidate in (year, year - 1, year - 2, year - 3, year - 4):
        try:
            start, end, unit = _bounds(atom.kind, atom.value, candidate, atom.day)
        except _Invalid:
            if atom.kind in ("week", "date"):  # week 53 and 29 February exist in some years only
                continue
            raise
        if start <= limit:
            if before is None and end > as_of:
                return FoundPeriod(start, as_of, unit, to_date=True, span=span)
            return FoundPeriod(start, end, unit, span=span)
    raise _Invalid(f"no {atom.kind} {atom.value} in the years before {limit}")


def _count(token: str) -> int:
    return int(token) if token.isdigit() else NUMBER_WORDS[re.sub(r"\s+", " ", token)]


def _relative_year(match: re.Match[str], as_of: date) -> int | None:
    rel = match.groupdict().get("rel")
    if not rel:
        return None
    return as_of.year if rel == "this" else as_of.year - 1


_Handler = Callable[[re.Match[str], date], "_Atom | None"]


def _h_part_of_year(m: re.Match[str], as_of: date) -> _Atom:
    """"the last quarter of 2024", "the first month of 2025", "the last half of 2023"."""
    unit = UNITS.get(m["unit"], m["unit"])
    year = _year_of(m["year"]) or _relative_year(m, as_of) or as_of.year
    kind = unit if unit in ("month", "quarter", "half") else "month"
    last = {"month": 12, "quarter": 4, "half": 2}[kind]
    value = last if m["which"] in ("last", "final") else ORDINALS[m["which"]]
    return _Atom(kind, m.start(), m.end(), value=value, year=year)


def _h_first_n_of_year(m: re.Match[str], as_of: date) -> _Atom:
    """"the first 6 months of 2024", "the last two quarters of 2023"."""
    year = _year_of(m["year"]) or _relative_year(m, as_of) or as_of.year
    months = _count(m["n"]) * MONTHS_IN[UNITS[m["unit"]]]
    if months < 1 or months > 12:
        raise _Invalid(m.group(0))
    if m["which"] == "first":
        start, end = date(year, 1, 1), month_end(year, months)
    else:
        start, end = date(year, 13 - months, 1), date(year, 12, 31)
    return _Atom("fixed", m.start(), m.end(), fixed=FoundPeriod(start, end, "month", months))


def _h_year_to_date(m: re.Match[str], as_of: date) -> _Atom | None:
    """"2025 so far", "2025 YTD": that year up to A's day of the year (the whole year once it is over)."""
    if _MONTH_BEFORE.search(m.string, 0, m.start()):
        return None  # "from March 2024 to date" is a range from March
    year = int(m["y"] or m["y2"])
    end = shift_months(as_of, 12 * (as_of.year - year)) if year <= as_of.year else as_of
    start = date(year, 1, 1)
    return _Atom("fixed", m.start(), m.end(), fixed=FoundPeriod(start, max(start, min(end, date(year, 12, 31))),
                                                                  "year", to_date=True))


def _h_iso_date(m: re.Match[str], as_of: date) -> _Atom:
    return _Atom("date", m.start(), m.end(), value=int(m["m"]), year=int(m["y"]), day=int(m["d"]))


def _h_numeric_date(m: re.Match[str], as_of: date) -> _Atom:
    """3/14/2025 or 14/3/2025; 3/4/2025 could be either, so it is not guessed."""
    a, b = int(m["a"]), int(m["b"])
    if a > 12 >= b:
        a, b = b, a
    elif not (b > 12 >= a or a == b):
        raise _Invalid(f"{m.group(0)} could be day/month or month/day")
    return _Atom("date", m.start(), m.end(), value=a, year=int(m["y"]), day=b)


def _h_month_day(m: re.Match[str], as_of: date) -> _Atom:
    return _Atom("date", m.start(), m.end(), value=MONTHS[m["month"]], year=_year_of(m["year"]), day=int(m["d"]))


def _h_month_days(m: re.Match[str], as_of: date) -> _Atom:
    """"oct 1-15": those days of the month, not the first alone."""
    first = _resolve(_h_month_day(m, as_of), as_of=as_of).start
    if int(m["d2"]) <= first.day:
        raise _Invalid(f"{m.group(0)} ends before it starts")
    try:
        last = first.replace(day=int(m["d2"]))
    except ValueError as exc:
        raise _Invalid(str(exc)) from exc
    return _Atom("fixed", m.start(), m.end(), fixed=FoundPeriod(first, last))


def _h_month_short_year(m: re.Match[str], as_of: date) -> _Atom | None:
    """"in feb 26", "vs july 25": after "in"/"vs" a month's two-digit number that makes a year of the last decade
    is that year (people type years so in chat); "on feb 26" and a bare "feb 26" stay the day."""
    year = 2000 + int(m["yy"])
    if not as_of.year - 10 <= year <= as_of.year:
        return None
    return _Atom("month", m.start("month"), m.end(), value=MONTHS[m["month"]], year=year)


def _h_week_range(m: re.Match[str], as_of: date) -> _Atom:
    year = _year_of(m["year"]) or as_of.isocalendar()[0]
    first, last = sorted((int(m["w"]), int(m["w2"])))
    start, _, _ = _bounds("week", first, year)
    _, end, _ = _bounds("week", last, year)
    return _Atom("fixed", m.start(), m.end(), fixed=FoundPeriod(start, end, "week", last - first + 1))


def _h_iso_week(m: re.Match[str], as_of: date) -> _Atom:
    return _Atom("week", m.start(), m.end(), value=int(m["w"]), year=_year_of(m.groupdict().get("year")))


def _h_iso_month(m: re.Match[str], as_of: date) -> _Atom:
    return _Atom("month", m.start(), m.end(), value=int(m["m"]), year=int(m["y"]))


def _h_quarter(m: re.Match[str], as_of: date) -> _Atom:
    value = int(m["q"]) if m["q"].isdigit() else ORDINALS[m["q"]]
    return _Atom("quarter", m.start(), m.end(), value=value, year=_year_of(m["year"]) or _relative_year(m, as_of))


def _h_half(m: re.Match[str], as_of: date) -> _Atom:
    value = int(m["h"]) if m["h"].isdigit() else ORDINALS[m["h"]]
    return _Atom("half", m.start(), m.end(), value=value, year=_year_of(m["year"]) or _relative_year(m, as_of))


def _h_half_written_after(m: re.Match[str], as_of: date) -> _Atom | None:
    """"1h 2025", "2h": the half written number first; "the last 1h" is an hour, no half."""
    if re.search(r"\b(?:last|past|next|previous|prior|trailing|within|in)\s+(?:the\s+)?$", m.string[:m.start()]):
        return None
    return _h_half(m, as_of)


def _h_month(m: re.Match[str], as_of: date) -> _Atom | None:
    word = m["month"]
    if word == "may" and not m["year"] and not m.groupdict().get("rel") and not _may_is_month(m):
        return None
    return _Atom("month", m.start(), m.end(), value=MONTHS[word], year=_year_of(m["year"]) or _relative_year(m, as_of))


def _may_is_month(m: re.Match[str]) -> bool:
    """"may" is the month after a preposition or connector ("in May", "March to May") or opening a
    question that goes on with no verb after it ("May revenue?"), not the verb ("may I", "sales may drop")."""
    before = m.string[max(0, m.start() - 40):m.start()]
    after = m.string[m.end():m.end() + 12]
    if re.match(r"\s*(?:i|we|you|they|he|she|it|be|have|not|also|need|want|see|get|show|ask|drop|rise|fall|grow|"
                r"go)\b", after):
        return False
    if _MAY_AS_MONTH.search(before) or not before.strip() or re.search(r"[.?!:;]\s*$", before):
        return True
    return bool(re.match(r"\s*(?:vs\b|versus|compare|and\s|[?.!,]|$)", after))


def _h_year(m: re.Match[str], as_of: date) -> _Atom:
    return _Atom("year", m.start(), m.end(), value=0, year=int(m["y"]))


def _h_today(m: re.Match[str], as_of: date) -> _Atom:
    back = {"today": 0, "yesterday": 1}.get(m["w"], 2)  # "the day before yesterday" is two days back, no yesterday
    day = as_of - timedelta(days=back)
    return _Atom("fixed", m.start(), m.end(), fixed=FoundPeriod(day, day, "day"))


def _h_to_date(m: re.Match[str], as_of: date) -> _Atom:
    unit = {"w": "week", "m": "month", "q": "quarter", "y": "year"}[(m["u1"] or m["u2"] or m["u3"] or m["u4"])[0]]
    start, _ = period_bounds(as_of, unit)
    return _Atom("fixed", m.start(), m.end(), fixed=FoundPeriod(start, as_of, unit, to_date=True))


def _h_last_to_date(m: re.Match[str], as_of: date) -> _Atom:
    """"last month to date": last month up to A's day of this month (as MTD's comparison), not this month to date."""
    unit = m["unit"]
    whole = last_whole(unit, as_of=as_of)
    day = as_of - timedelta(days=7) if unit == "week" else shift_months(as_of, MONTHS_IN[unit])
    return _Atom("fixed", m.start(), m.end(), fixed=FoundPeriod(whole.start, min(day, whole.end)))


def _h_last_unit(m: re.Match[str], as_of: date) -> _Atom:
    """"last week", "the previous day": the whole calendar unit before A's (for a day, the day before A)."""
    return _Atom("fixed", m.start(), m.end(), fixed=last_over(UNITS[m["unit"]], as_of=as_of))


def _h_last_n(m: re.Match[str], as_of: date) -> _Atom | None:
    count = _count(m["n"])
    if count < 1:
        return None
    unit = UNITS.get(m["unit"]) or _SHORT_UNITS[m["unit"]]
    return _Atom("fixed", m.start(), m.end(), fixed=last_counted(unit, as_of=as_of, count=count))


def _h_bare_span(m: re.Match[str], as_of: date) -> _Atom | None:
    """"revenue 30d", "orders 4w": a dashboard's span with no "last" before it is the last N days / weeks; after
    "next" it is in the future (asked back), after "first" or "every" it is no span ending on A."""
    before = m.string[max(0, m.start() - 12):m.start()]
    if re.search(r"\b(?:first|every|each|per|top|bottom|within|after|in)\s+$", before):
        return None
    count = int(m["n"])
    if count < 1:
        return None
    if re.search(r"\b(?:next|coming|upcoming|following)\s+$", before):
        return _Atom("fixed", m.start(), m.end(), fixed=FoundPeriod(as_of + ONE_DAY, as_of + timedelta(days=count)))
    return _Atom("fixed", m.start(), m.end(), fixed=last_counted(_SHORT_UNITS[m["unit"]], as_of=as_of, count=count))


def _h_this_unit_last_year(m: re.Match[str], as_of: date) -> _Atom:
    """"this month last year": A's month a year earlier, whole, not this month against all of last year."""
    unit = m["unit"]
    year_ago = as_of.replace(year=as_of.year - 1, day=min(as_of.day, 28))
    if unit == "week":
        start = date.fromisocalendar(as_of.isocalendar()[0] - 1, min(as_of.isocalendar()[1], 52), 1)
        return _Atom("fixed", m.start(), m.end(), fixed=FoundPeriod(start, start + timedelta(days=6), "week"))
    month = year_ago.month if unit == "month" else 3 * ((year_ago.month - 1) // 3) + 1
    start = date(year_ago.year, month, 1)
    end = month_end(start.year, month + MONTHS_IN[unit] - 1)
    return _Atom("fixed", m.start(), m.end(), fixed=FoundPeriod(start, end, unit))


def _h_fortnight(m: re.Match[str], as_of: date) -> _Atom:
    return _Atom("fixed", m.start(), m.end(), fixed=last_whole("week", as_of=as_of, count=2))


def _h_trailing_year(m: re.Match[str], as_of: date) -> _Atom:
    return _Atom("fixed", m.start(), m.end(), fixed=last_whole("month", as_of=as_of, count=12))


def _h_ago(m: re.Match[str], as_of: date) -> _Atom | None:
    count = _count(m["n"])
    unit = UNITS.get(m["unit"]) or _SHORT_UNITS[m["unit"]]
    if unit == "day":
        day = as_of - timedelta(days=count)
        return _Atom("fixed", m.start(), m.end(), fixed=FoundPeriod(day, day, "day"))
    whole = last_whole(unit, as_of=as_of, count=count)
    end = whole.start + timedelta(days=6) if unit == "week" else shift_months(whole.start, -MONTHS_IN[unit]) - ONE_DAY
    return _Atom("fixed", m.start(), m.end(), fixed=FoundPeriod(whole.start, end, unit))


def _h_before_last(m: re.Match[str], as_of: date) -> _Atom:
    return _Atom("fixed", m.start(), m.end(), fixed=previous_period(last_over(UNITS[m["unit"]], as_of=as_of)))


_Y = _YEAR_TAIL
_OF_YEAR = rf"\s+of\s+(?:{_YEAR}|(?P<rel>this|last|previous|prior|the\s+previous|the\s+prior)\s+year)\b"
_PATTERNS: tuple[tuple[re.Pattern[str], _Handler], ...] = tuple(
    (re.compile(p), h) for p, h in (
        (rf"\b(?:the\s+)?(?P<which>first|last|final)\s+{_COUNT}\s+{_UNIT}{_OF_YEAR}", _h_first_n_of_year),
        (r"\b(?:the\s+)?(?P<which>last|final|first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<unit>month|quarter|half)"
         + _OF_YEAR, _h_part_of_year),
        (r"\b(?P<y>(?:19|2[01])\d\d)[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})\b", _h_iso_date),
        ((r"\b(?:(?P<y>(?:19|2[01])\d\d)\s+(?:so\s+far|to\s+date|ytd|year[\s-]+to[\s-]+date)|(?:ytd|year[\s-]+to[\s-]+date)"
          r"\s+(?:in\s+|for\s+)?(?P<y2>(?:19|2[01])\d\d))\b"), _h_year_to_date),
        (r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|2[01])\d\d)\b", _h_numeric_date),
        (r"\b(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|2[01])\d\d)\b", _h_iso_month),
        (rf"\b(?:in|during|for|vs\.?|versus|against)\s+{_MONTH}\s+(?P<yy>[0-3]\d)(?![\d/.:]|\s*(?:st|nd|rd|th|,?\s*"
         rf"(?:19|20)\d\d|days?|weeks?|months?|%))", _h_month_short_year),
        (rf"\b{_MONTH}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|through|thru|until|till)\s*(?P<d2>[0-3]?\d)"
         rf"(?:st|nd|rd|th)?(?![\d/.:%])(?!\s*(?:days?|weeks?|months?|%))(?:,?\s*{_YEAR}(?!\d))?", _h_month_days),
        (rf"\b{_MONTH}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:,?\s*{_YEAR}(?!\d))?(?!\s*(?:days?|weeks?|months?|"
         rf"%))", _h_month_day),
        (rf"\b(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s*{_YEAR}(?!\d))?", _h_month_day),
        ((rf"\b(?:iso\s+)?(?:weeks?|wks?)\s?(?P<w>\d{{1,2}})\s*(?:-|to|through|thru|and|until)\s*(?:weeks?\s?|wk\s?|w)?"
          rf"(?P<w2>\d{{1,2}})\b(?:\s*(?:of\s+|in\s+|,\s*)?{_YEAR}(?!\d))?"), _h_week_range),
        (rf"\b{_YEAR}[-\s]?w(?:eek)?\s?(?P<w>\d{{1,2}})\b", _h_iso_week),
        (rf"\b(?:iso\s+)?(?:week|wk|w)\s?(?P<w>\d{{1,2}})\b(?:\s*(?:of\s+|in\s+|,\s*)?{_YEAR}(?!\d))?", _h_iso_week),
        (r"\b(?P<y>(?:19|2[01])\d\d)-(?P<m>0[1-9]|1[0-2])\b(?!-)", _h_iso_month),
        (rf"\b{_YEAR}[\s-]?q(?P<q>[1-4])\b", _h_quarter),
        (rf"\bq(?P<q>[1-4])\b{_Y}{_RELATIVE_YEAR}", _h_quarter),
        (rf"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+|"
         rf"calendar\s+)?quarter\b{_Y}{_RELATIVE_YEAR}", _h_quarter),
        (rf"\bquarter\s+(?P<q>[1-4])\b{_Y}{_RELATIVE_YEAR}", _h_quarter),
        (rf"\b{_YEAR}[\s-]?h(?P<h>[12])\b", _h_half),
        (rf"\bh(?P<h>[12])\b{_Y}{_RELATIVE_YEAR}", _h_half),
        (rf"\b(?P<h>[12])h\b{_Y}{_RELATIVE_YEAR}", _h_half_written_after),
        (rf"\b(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half\b(?:\s+of\s+the\s+year)?{_Y}{_RELATIVE_YEAR}", _h_half),
        (rf"\b{_MONTH}(?![a-z])\s+(?:of\s+)?(?P<rel>this|last|previous|prior)\s+year\b(?P<year>)", _h_month),
        (r"\b(?:this|the\s+current|the\s+same)\s+(?P<unit>week|month|quarter)\s+(?:of\s+|in\s+)?last\s+year\b",
         _h_this_unit_last_year),
        (r"\b(?:last|previous|prior)\s+(?P<unit>week|month|quarter|year)[\s-]+to[\s-]+date\b", _h_last_to_date),
        (r"\b(?P<w>today|yesterday|(?:the\s+)?day\s+before\s+yesterday)\b", _h_today),
        ((r"\b(?:(?:so\s+far\s+)?(?:in\s+)?(?:this|the\s+current|current)\s+(?P<u1>week|month|quarter|year)"
          r"(?:\s+so\s+far|\s+to\s+date)?|(?P<u2>week|month|quarter|year)[\s-]+to[\s-]+date|(?P<u3>wtd|mtd|qtd|ytd)|"
          # "since the start of the year": this year to date, as "so far this year"
          r"(?:since|from)\s+the\s+(?:very\s+)?(?:start|beginning)\s+of\s+(?:the|this)\s+"
          r"(?P<u4>week|month|quarter|year)(?!\s+(?:before|ago|prior|earlier)))\b"),
         _h_to_date),
        (r"\b(?:the\s+)?(?P<unit>day|week|month|quarter|year)\s+before\s+last\b", _h_before_last),
        (r"\b(?:(?:the|over\s+the|in\s+the|during\s+the|for\s+the)\s+)?(?:trailing|rolling)\s+(?:twelve|12)(?:\s+months?\b|(?!\s*(?:\w|[%$£€.]))|(?=\s+(?:of|in|for|by|vs|versus)\b))|\b(?:ttm|ltm|t12m|l12m)\b",
         _h_trailing_year),
        (rf"\b(?:the\s+)?(?:last|past|previous|prior|trailing|rolling|preceding)\s+(?P<n>\d{{1,3}})\s?{_GLUED_UNIT}",
         _h_last_n),
        (r"\b(?:the\s+)?(?:last|past|previous|prior|preceding)\s+fortnight\b", _h_fortnight),
        (rf"\b[lptr](?P<n>\d{{1,3}}){_GLUED_UNIT.replace('days?|d|', 'd|')}", _h_last_n),
        (rf"\b(?:the\s+)?(?:last|past|previous|prior|trailing|rolling|preceding)\s+{_COUNT}\s+(?:full\s+|whole\s+|"
         rf"complete\s+|calendar\s+)?{_UNIT}\b", _h_last_n),
        (rf"\b{_COUNT}\s+{_UNIT}\s+ago\b", _h_ago),
        (r"\b(?P<n>\d{1,3})(?P<unit>d|w)\s+ago\b", _h_ago),
        (r"(?<![\w$£€.])(?P<n>\d{1,3})(?P<unit>d|w)\b(?!\s*(?:ago|from|after|before|later|out)\b)", _h_bare_span),
        (r"\b(?:the\s+)?(?:this\s+past|last|previous|prior|past|preceding)\s+(?:full\s+|whole\s+|"
         r"calendar\s+)?(?P<unit>day|week|month|quarter|year)\b", _h_last_unit),
        # "the whole month of october", "the entire year of 2025": the named period, all of which it already is
        (rf"\b(?:the\s+{_ALL_OF}month\s+of\s+)?{_MONTH}(?![a-z]){_Y}{_RELATIVE_YEAR}", _h_month),
        (rf"\b(?:fy\s*|fiscal\s+(?:year\s+)?|calendar\s+(?:year\s+)?|cy\s*|the\s+{_ALL_OF}year\s+(?:of\s+)?)?(?P<y>(?:19|"
         r"2[01])\d\d)\b(?![-/]\d)", _h_year),
    )
)
# Calendar words SalesTalk cannot turn into dates; a question using them is asked back, never answered
# for some other period.
_UNPLACEABLE = re.compile(
    r"\b(?:christmas|xmas|easter|thanksgiving|black\s+friday|cyber\s+monday|holiday\s+season|the\s+holidays|"
    r"summer|winter|spring|autumn|(?:in|during|over|this|last)\s+the\s+fall|the\s+fall\s+of|seasons?|"
    r"weekends?|weekdays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|"
    r"mornings?|afternoons?|evenings?|nights?|tonight|overnight|midday|noon|lunch(?:time)?|"
    r"dinner(?:time)?|breakfast|brunch|"
    r"(?:first|second|third|fourth|last|final)\s+(?:day|week|weekend|days|weeks)\s+of|"
    # "the last few days": no number of days to count back
    r"(?:last|past|previous|prior|recent|these|the)\s+(?:few|several|many)\s+(?:days|weeks|months|quarters|years)|"
    r"(?:beginning|start|middle|end|early|mid|late)[\s-]+(?:of\s+)?(?:the\s+)?(?:month|quarter|year|week|"
    r"january|february|march|april|june|july|august|september|october|november|december|(?:19|20)\d\d))\b"
)
# The contract defines calendar periods only: where a fiscal year starts is the tenant's, unknown here, so "fy24",
# "fiscal q2" or "this fiscal year" read as the calendar's would answer another period.
_FISCAL = re.compile(r"\b(?:fy\s*'?\d{2}(?:\d{2})?|fy|fytd|(?:(?:this|last|previous|prior|current|our|the)\s+)?fiscal"
                     r"(?:\s+(?:years?|quarters?|q[1-4]|h[12]|half|ytd|to\s+date))?)\b")
# "last 10 business days": a calendar that knows which days are worked, which daily totals do not say
_BUSINESS_DAYS = re.compile(r"\b(?:(?:the\s+)?(?:last|past|previous|prior|trailing|first)\s+)?(?:(?P<n>\d+)\s+)?"
                            r"(?:business|working|work|trading)\s+days?\b")
_FUTURE = re.compile(
    r"\b(?:next|coming|upcoming|following)\s+(?:\d+\s+|(?:two|three|four|five|six|twelve)\s+)?"
    r"(?:days?|weeks?|months?|quarters?|years?|half)\b|\btomorrow\b|\bforecast\w*|\bproject(?:ed|ion)s?\b|\bpredict\w*"
)
_COMPARISONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(
        r"\b(?:(?:vs\.?|versus|v\.?|compared?\s+(?:to|with)|comparing\s+(?:to|with|against)|against|relative\s+to|than|over|on|"
        r"from|with|in\s+comparison\s+(?:to|with)|as\s+opposed\s+to)\s+)?"
        r"(?:the\s+)?(?:same\s+(?:period|time|point|stage|months?|quarters?|weeks?|days?|span|dates?|range)\s+(?:of\s+|in\s+)?"
        r"(?:the\s+)?(?:last|previous|prior|a)\s+year|same\s+(?:period|time)\s+a\s+year\s+(?:ago|earlier|before)"
        r"|this\s+time\s+last\s+year|(?:a\s+)?year\s+(?:ago|earlier|before)(?!\s+last)|"
        r"last\s+year'?s?\s+(?:figures?|numbers?|results?|period|levels?))\b"), "year"),
    (re.compile(
        r"\b(?:vs\.?|versus|v\.?|compared?\s+(?:to|with)|comparing\s+(?:to|with|against)|against|relative\s+to|than|over|"
        r"on|in\s+comparison\s+(?:to|with)|as\s+opposed\s+to|(?:up|down|changes?|changed|growth|grow|grew|increased?|"
        r"decreased?|rise|rose|fall|fell|drop|dropped)\s+from)\s+(?:the\s+)?(?:last|previous|prior|preceding|a)\s+"
        r"year(?:'s)?\b"), "year"),
    (re.compile(r"\b(?:year[\s-]+over[\s-]+year|year[\s-]+on[\s-]+year|yoy|y/y|y-o-y|yoy\s+growth)\b"
                r"|\b(?:vs\.?|versus|against|over|on)\s+(?:ly|py|lyr|pyr)\b"), "year"),
    # "mtd vs same point last month", "ytd vs last ytd": the same to-date span one unit earlier.
    (re.compile(r"\b(?:(?:vs\.?|versus|v\.?|compared?\s+(?:to|with)|against|relative\s+to|than|over|on)\s+)?(?:the\s+)?"
                r"same\s+(?:point|time|stage|day|date)\s+(?:in\s+|of\s+)?(?:the\s+)?(?:last|previous|prior)\s+"
                r"(?:week|month|quarter)\b"
                r"|\b(?:vs\.?|versus|v\.?|compared?\s+(?:to|with)|against|than|over|on)\s+(?:the\s+)?(?:last|previous|prior)"
                r"\s+(?:wtd|mtd|qtd|(?:week|month|quarter)[\s-]+to[\s-]+date)\b"), "previous"),
    (re.compile(r"\b(?:vs\.?|versus|v\.?|compared?\s+(?:to|with)|against|than|over|on)\s+(?:the\s+)?(?:last|previous|prior)"
                r"(?:\s+year'?s)?\s+(?:ytd|year[\s-]+to[\s-]+date)\b"), "year"),
    # "compared to the 30 days before", "vs the 4 weeks prior": the span of that length just before.
    (re.compile(r"\b(?:(?:vs\.?|versus|v\.?|compared?\s+(?:to|with)|against|than|over|on|to)\s+)?(?:the\s+)?\d{1,3}\s?"
                r"(?:days?|weeks?|wks?|months?|mos?|quarters?|qtrs?|years?|yrs?)\s+(?:before|earlier|prior)"
                r"(?:\s+(?:that|it|then))?\b"), "previous"),
    # "vs the month before", "against the quarter before that": the period just before.
    (re.compile(r"\b(?:vs\.?|versus|v\.?|compared?\s+(?:to|with)|against|than|over|on)\s+the\s+"
                r"(?:day|week|month|quarter|year|period|one)\s+before(?:\s+(?:that|it))?\b"), "previous"),
    # A follow-up that only names what to compare against: "And to last year?", "Against the previous month?"
    (re.compile(r"^\W*(?:and\s+|but\s+|what\s+about\s+|how\s+about\s+)?(?:to|against)\s+(?:the\s+)?"
                r"(?:last|previous|prior|preceding|same\s+period\s+last)\s+year\b"), "year"),
    (re.compile(r"^\W*(?:and\s+|but\s+|what\s+about\s+|how\s+about\s+)?(?:to|against)\s+(?:the\s+)?"
                r"(?:previous|prior|preceding|last)\s+(?:period|day|week|month|quarter|half|one)\b"), "previous"),
    (re.compile(
        r"\b(?:(?:vs\.?|versus|v\.?|compared?\s+(?:to|with)|comparing\s+(?:to|with|against)|against|relative\s+to|than|over|"
        r"on|in\s+comparison\s+(?:to|with)|as\s+opposed\s+to)\s+(?:the\s+)?(?:(?:previous|prior|preceding|last|earlier)\s+"
        r"(?:period|span|stretch|one)|(?:previous|prior|preceding)\s+(?:day|week|month|quarter|half))|(?:vs\.?|versus|than|"
        r"compared\s+to|compared\s+with)\s+before|the\s+period\s+before|period[\s-]+over[\s-]+period|sequential(?:ly)?)\b"),
     "previous"),
)
# "quarterly growth", "monthly revenue change": the last whole period against the one before, as "qoq"
_GRAIN_CHANGE = re.compile(
    r"\b(?P<g>daily|weekly|monthly|quarterly|yearly|annual|annually)\s+(?:(?!(?:by|per|in|over|for|and|or|vs|of|"
    r"trend|rows?)\b)[a-z][\w'-]*\s+){0,2}?(?:growth|change|increase|decrease|decline|rise|gain|drop)s?\b")
_PERIOD_OVER_PERIOD = re.compile(
    r"\b(?:(?P<u>day|month|quarter|week)[\s-]+(?:over|on)[\s-]+(?P=u)|(?P<a>dod|mom|qoq|wow|d/d|m/m|q/q|w/w))\b"
)
_COMPARATOR_BEFORE = re.compile(
    r"(?:\b(?:vs\.?|versus|v\.?|compared?\s+(?:to|with)|comparing\s+(?:it\s+|that\s+)?(?:to|with|against)|against|"
    r"relative\s+to|than|in\s+comparison\s+(?:to|with)|as\s+opposed\s+to|over)\s+(?:the\s+)?(?:same\s+period\s+(?:in\s+|of\s+)?)?"
    r"|\bto\s+)$"
)
_COMPARATOR_ONLY = re.compile(
    r"(?:^\W*(?:and\s+|but\s+)?(?:to|against)\s+(?:the\s+)?$)|\b(?:vs\.?|versus|v\.?|compared?\s+(?:to|with)|comparing\s+(?:it\s+|that\s+)?(?:to|with|against)|against|"
    r"relative\s+to|than|in\s+comparison\s+(?:to|with)|as\s+opposed\s+to)\s+(?:the\s+)?(?:same\s+period\s+(?:in\s+|of\s+)?)?$"
)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|through|thru|until|till|up\s+to|and)\s*(?:the\s+end\s+of\s+)?$")
_TO_NOW = re.compile(r"^\s*(?:-|to|through|thru|until|till|up\s+to)\s+(?:now|date|the\s+present|present|today)\b")
# "from last month" with no end named is that month; "from the start of Q2" and "from June onwards" run to A
_SINCE = re.compile(r"\b(?:(?:since|starting(?:\s+from|\s+in)?|beginning(?:\s+in)?|after)\s+(?:the\s+(?:start|"
                    r"beginning)\s+of\s+)?|from\s+the\s+(?:start|beginning)\s+of\s+)$")
_FROM = re.compile(r"\bfrom\s+$")
_ONWARDS = re.compile(r"\s*(?:onwards?|forwards?|on(?=\s*(?:[?.!,]|$))|and\s+after)")
# "thru june", "up to june" with no start: June alone, or the year up to June's end — the contract says neither
_OPEN_START = re.compile(r"\b(?:thru|through|until|till|til|up\s+(?:to|until|till|through|thru)|upto)\s+"
                         r"(?:the\s+end\s+of\s+)?$")
# Daily totals hold no hours: "the last 1h", "past 2 hours", "last 30 mins" are asked back, never a day or a month;
# a length said without a period ("can i steal 2 mins") is no period at all.
_LATEST = r"\b(?:(?:in|within|over|during|for)\s+)?(?:the\s+)?(?:last|past|previous|prior|trailing|rolling)\s+"
_SUB_DAY = re.compile(
    rf"{_LATEST}(?:(?:\d{{1,3}}(?:\.\d)?|an?|one|two|three|four|five|six|ten|twelve|fifteen|twenty|thirty|"
    r"forty\s+five|few|several|couple(?:\s+of)?|half\s+an?)\s?)?(?:hours?|minutes?)\b"
    rf"|{_LATEST}(?:\d{{1,3}}\s?(?:h|hrs?|mins?|secs?|seconds?)|hr|min|sec)\b"
    r"|\b(?:(?:per|by|each|every|an)\s+(?:hour|minute)|hourly)\b")
# "and the quarter before?", "the month prior", "a year earlier", "the previous quarter" (a follow-up's period)
_SHIFT = re.compile(
    r"\b(?:the\s+(?P<unit>day|week|month|quarter|year)\s+(?P<dir>before|after|prior|earlier|later)"
    r"|(?P<a>an?|one)\s+(?P<unit2>day|week|month|quarter|year)\s+(?P<dir2>before|after|prior|earlier|later)"
    r"|the\s+(?P<prev>previous|prior|preceding)\s+(?P<unit3>day|week|month|quarter|year))"
    r"(?:\s+(?:that|it|this|then))?(?!\s+(?:last|yesterday|that\s+one))\b")
_SHIFT_COMPARED = re.compile(r"\b(?:vs\.?|versus|v\.?|compared?\s+(?:to|with)|comparing\s+(?:to|with|against)|against|"
                             r"relative\s+to|than|over|on|from|with|to|since|between)\s+$|\bsame\s+(?:period|time|"
                             r"point|stage|months?|quarters?|weeks?|days?|span|dates?|range)\s+(?:as\s+)?$")
_CAME_FROM = re.compile(r"\b(?:come|comes|came|coming)\s+from\s+(?:the\s+)?$")
# "since the beginning of march": the start of a period that can be placed, read as "since march"
_SINCE_THE = re.compile(r"\b(?:since|from)\s+the\s+(?:very\s+)?$")
_BEFORE_THAT = re.compile(r"\s+(?:before|ago|prior|earlier)\b")
_BETWEEN = re.compile(r"\b(?:between|from)\s+(?:the\s+(?:start|beginning)\s+of\s+)?$")
_ALL_TIME = re.compile(
    r"\b(?:(?:of\s+)?all[\s-]+time|ever(?:\s+recorded)?|lifetime|to\s+date|on\s+record|in\s+(?:our|the)\s+history|"
    # "since the start of the year" is no start of the data
    r"(?:since|from)\s+(?:the\s+(?:very\s+)?)?(?:beginning|start|launch|inception|day\s+one)(?!\s+of\b)|"
    r"since\s+records\s+began|"
    r"since\s+(?:we|the\s+company|the\s+business)\s+(?:first\s+)?(?:started|began|opened|launched)|"
    r"(?:in\s+|over\s+)?(?:the\s+)?(?:whole|entire|full)\s+(?:history|dataset|data\s+set|period))\b"
)
# Chat spellings of the calendar's words, spelled out before anything reads the text.
_ABBREVIATIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\b{short}\b", re.IGNORECASE), full) for short, full in (
        ("yrs", "years"), ("yr", "year"), ("qtrs", "quarters"), ("qtr", "quarter"), ("mths", "months"),
        ("mth", "month"), ("mnth", "month"), ("mnths", "months"), ("wks", "weeks"), ("wk", "week"),
        ("yest", "yesterday"), ("prev", "previous"),
    )
)
_GRAIN = re.compile(
    r"\b(?:(?P<word>daily|weekly|monthly|quarterly|yearly|annually|annual)|"
    r"(?:by|per|each|every|for\s+each|for\s+every|broken\s+down\s+by|split\s+by|grouped\s+by)\s+(?:the\s+)?"
    r"(?P<unit>day|week|month|quarter|year)(?!\s+(?:to|so|before|ago))|(?P<rep>day|week|month|quarter|year)[\s-]+(?:by|after|to)[\s-]+"
    r"(?:day|week|month|quarter|year)(?![\s-]+date)|on\s+an?\s+(?P<basis>daily|weekly|monthly|quarterly|yearly|annual)\s+basis)\b"
)
_SPLIT_BY = re.compile(r"(?:by|broken\s+down\s+by|split\s+by|grouped\s+by)\s")


# "for the month", "over the year": the unit the question is in, as "this month" ("for the day": today); "the day"
# after "in"/"during" may be the daytime, and "the whole year" the calendar's whole year, so neither is read.
_CURRENT_UNIT = re.compile(
    r"\b(?:(?:for|over)\s+the\s+(?P<day>day)|(?:for|in|during|over|throughout)\s+the\s+"
    r"(?P<unit>week|month|quarter|year))\b"
    # "the year before", "the month of ramadan", "the year ending june", "the week we launched": another period
    r"(?![\s-]*(?:'s|before|after|prior|earlier|later|ago|of|to|so|end\w*|start\w*|begin\w*|when|where|that|"
    r"which|we|you|i|they|it|just|gone|ahead|\d))")
_UNIT_WORD = r"(?:day|week|month|quarter|year)s?"
# "ever … in the past": the period said; alone it names none
_IN_THE_PAST = re.compile(r"\bin\s+the\s+past\b")
# Dashboard shorthand for a period ("l30d", "p3m", "r12") that the contract's time table does not define, and
# calendar words no rule placed ("the other day", "in recent weeks", "over the last", "for the whole month", a unit
# said alone after the measure): reading either as any period would answer another question, so it is asked about
# (ttm/ltm/t12m are defined). Units in a ranking, a count or a grain ("which day", "how many months", "per day")
# frame none of these.
_UNREAD_PERIOD = re.compile(
    r"\b(?:[lptrn]\d{1,3}[dwmqy]|r\d{1,2})\b"
    rf"|\b(?:the\s+other\s+(?:day|week|month)|(?:the\s+)?(?:most\s+)?recent\s+{_UNIT_WORD}|this\s+day|these\s+days"
    r"|on\s+the\s+day"
    rf"|(?:for|in|during|over|throughout|within)\s+the\s+(?:(?:whole|entire|full)\s+)?{_UNIT_WORD}"
    r"|(?:for|in|during|over|within)\s+the\s+(?:last|past|previous|prior|recent|next|trailing|rolling|preceding))\b"
    rf"|(?:^|[?.!,;:])\s*(?P<alone>(?:day|week|month|quarter|year))\s*(?=[?.!,;:]|$)")


def unread_period(text: str) -> str | None:
    """The first words of ``text`` (with what was read blanked out) that name a period no rule placed, if any."""
    found = _UNREAD_PERIOD.search(text)
    return (found["alone"] or found.group(0)) if found else None


def _current_unit(text: str, taken: list[tuple[int, int]], *, as_of: date) -> FoundPeriod | None:
    """"for the month": this month to date, as "this month" (for the day: A)."""
    for m in _CURRENT_UNIT.finditer(text):
        if _taken(taken, m.start(), m.end()):
            continue
        if m["day"]:
            return FoundPeriod(as_of, as_of, "day", span=m.span())
        return FoundPeriod(period_bounds(as_of, m["unit"])[0], as_of, m["unit"], to_date=True, span=m.span())
    return None


def _taken(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < b and a < end for a, b in spans)


def _member_not_month(text: str, start: int, end: int) -> bool:
    """A member named like a month ("June" the rep) is the member unless time words frame it ("in June",
    "June 2025", "since June"); "june's seats" is always the member's."""
    name = text[start:end]
    if name.removesuffix("'s") not in MONTHS:
        return False
    return name.endswith("'s") or not _calendar_framed(text, start, end)


def _calendar_framed(text: str, start: int, end: int) -> bool:
    """Whether time words frame the word at ``start:end`` ("in June", "June 2025", "this summer")."""
    return bool(_MONTH_CONTEXT.search(text[max(0, start - 30):start]) or re.match(r"[\s,]*(?:19|20)\d\d\b", text[end:]))


def spell_out(text: str) -> str:
    """``text`` with chat spellings of calendar words written in full ("last qtr" → "last quarter")."""
    for pattern, full in _ABBREVIATIONS:
        text = pattern.sub(full, text)
    return text


def read_time(
    text: str, *, as_of: date, earliest: date | None = None, latest: date | None = None,
    names: tuple[tuple[int, int], ...] = (), members: tuple[tuple[int, int], ...] = (),
    measures: tuple[tuple[int, int], ...] = (), shifting: bool = True,
) -> TimeReading:
    """Every time expression of ``text`` (already lower-cased, same length as the original).

    ``earliest``/``latest``: the data's first and last dates, which "ever", "on record" and "of all time" mean.

    ``names``: spans of the tenant's member names; a name of several words ("March Madness", "Spring
    Collection") is never read as time, and no member name counts as a calendar word it cannot place.
    ``members``: spans of member names written as grain words that sit where a member sits ("annual
    contracts"); they are no grain.
    ``measures``: spans of the tenant's measure names; one named like a unit of time ("hours", "nights") is the
    measure however it is framed ("and in hours?"), unless a count makes it a length of time ("last 24 hours").
    ``shifting``: whether "the quarter before" may move another answer's period (not once the text names its own).
    """
    spans: list[tuple[int, int]] = []
    blocked = [(a, b) for a, b in names if " " in text[a:b].strip() or _member_not_month(text, a, b)]
    moved = next((m for m in _SHIFT.finditer(text) if shifting and not _SHIFT_COMPARED.search(text, 0, m.start())
                  and not _taken(blocked, m.start(), m.end())), None)
    if moved and not moved["prev"]:
        spans.append(moved.span())  # "the previous month" is also last month, read below
    comparison: str | None = None
    grain: str | None = None
    grain_split = False
    for pattern, mode in _COMPARISONS:
        for m in pattern.finditer(text):
            # "were same day last month": the delivery slot Same Day, then the month, no "same day" to compare with
            if not _taken(spans, m.start(), m.end()) and not _taken(blocked, m.start(), m.end()):
                spans.append(m.span())
                comparison = comparison or mode
    over: str | None = None
    said_comparison = comparison
    for m in _GRAIN_CHANGE.finditer(text if said_comparison is None else ""):  # "monthly growth vs last year"
        if not _taken(spans, m.start(), m.end()) and not _taken([*members, *blocked], m.start("g"), m.end("g")):
            spans.append(m.span("g"))  # the change word stays the parser's, as after "qoq"
            comparison = comparison or "previous"
            over = over or GRAIN_WORDS[m["g"]]
            grain = grain or over
    for m in _PERIOD_OVER_PERIOD.finditer(text):
        if not _taken(spans, m.start(), m.end()):
            spans.append(m.span())
            comparison = comparison or "previous"
            over = over or {"d": "day", "m": "month", "q": "quarter", "w": "week"}[(m["u"] or m["a"])[0]]
            grain = grain or over
    future = next((m for m in _FUTURE.finditer(text) if not _taken(blocked, m.start(), m.end())), None)  # "Next Day"
    if future:
        return TimeReading(spans=tuple(spans), problem="future", problem_text=future.group(0))
    # "this summer" is the season even where Summer is a member; "summer's bookings" are hers.
    # A name of several words is the name however it is framed: "in room nights" is no night.
    counted = [(a, b) for a, b in measures if _COUNTED.search(text[max(0, a - 30):a])]
    named = [(a, b) for a, b in names if (a, b) not in counted and (
        text[a:b].endswith("'s") or " " in text[a:b].strip() or not _calendar_framed(text, a, b))]
    named += [span for span in measures if span not in counted]
    named += [(a, b) for a, b in names if names_part_of_day(text, a, b)]
    sub_day = next((m for m in _SUB_DAY.finditer(text) if not _taken(named, m.start(), m.end())), None)
    if sub_day:
        return TimeReading(spans=tuple(spans), problem="sub_day", problem_text=sub_day.group(0).strip())
    unplaceable = next((m for m in _UNPLACEABLE.finditer(text) if not _taken(named, m.start(), m.end())
                        and not (m.group(0).startswith(("beginning", "start")) and _SINCE_THE.search(text, 0, m.start())
                                 and not _BEFORE_THAT.match(text, m.end()))), None)
    if unplaceable:
        return TimeReading(spans=tuple(spans), problem="unplaceable", problem_text=unplaceable.group(0))
    business = next((m for m in _BUSINESS_DAYS.finditer(text) if not _taken(named, m.start(), m.end())), None)
    if business:
        return TimeReading(spans=(*spans, business.span()), problem="business_days", problem_text=business.group(0))
    fiscal = next((m for m in _FISCAL.finditer(text) if not _taken([*named, *blocked], m.start(), m.end())), None)
    if fiscal:
        return TimeReading(spans=tuple(spans), problem="fiscal", problem_text=fiscal.group(0))
    for m in _GRAIN.finditer(text):
        # "daily grind sales", "weekly planet orders": a word of a name of several words is no grain either
        if not _taken(spans, m.start(), m.end()) and not _taken([*members, *blocked], m.start(), m.end()):
            word = m["word"] or m["basis"]
            if grain is None:
                grain = GRAIN_WORDS[word] if word else UNITS[m["unit"] or m["rep"]]
                grain_split = bool(m["unit"]) and bool(_SPLIT_BY.match(m.group(0)))
            spans.append(m.span())

    atoms: list[_Atom] = []
    for pattern, handler in _PATTERNS:
        for m in pattern.finditer(text):
            if _taken(spans, m.start(), m.end()) or _taken(blocked, m.start(), m.end()):
                continue
            try:
                atom = handler(m, as_of)
            except _Invalid:
                return TimeReading(spans=tuple(spans), problem="invalid", problem_text=m.group(0))
            if atom is not None:
                atoms.append(atom)
                spans.append(m.span())
    atoms.extend(_measure_spans(text, measures, spans, as_of=as_of))
    atoms.sort(key=lambda a: a.start_char)
    try:
        periods, compare_to, relative_unit = _combine(text, atoms, spans, as_of=as_of)
    except _Invalid:
        said = text[atoms[0].start_char:atoms[-1].end_char]
        return TimeReading(spans=tuple(spans), problem="invalid", problem_text=said)
    if earliest is not None:
        for m in _ALL_TIME.finditer(text):
            if not _taken(spans, m.start(), m.end()) and not _taken(blocked, m.start(), m.end()):  # "Ever After"
                spans.append(m.span())
                # the dataset's first to last date (contract v2), even where the data runs on past A
                end = latest if latest is not None else as_of
                periods.append(FoundPeriod(min(earliest, end), end, span=m.span(), whole_data=True))
        periods.sort(key=lambda p: p.span[0])
    current = _current_unit(text, [*spans, *names, *measures, *members, *blocked], as_of=as_of)
    # "2025, for the year": the period said, once; beside a period of another unit it is left for a question back
    if current is not None and (not periods or any(p.unit == current.unit for p in periods)):
        spans.append(current.span)
        if not periods:
            periods.append(current)
    if periods:
        spans.extend(m.span() for m in _IN_THE_PAST.finditer(text) if not _taken(spans, m.start(), m.end()))
    left = next((m for m in _LEFT_SPAN.finditer(text) if not _taken([*spans, *names, *measures], m.start(), m.end())
                 and not _RANKED_BEFORE.search(text, 0, m.start())), None)
    if left:  # "revenue 90 days", "the first 30d of q3": a length of time no rule places, never dropped
        return TimeReading(spans=tuple(spans), problem="unplaceable", problem_text=left.group(0))
    if over and said_comparison is None and compare_to is None and len(periods) == 1 \
            and (periods[0].end - periods[0].start).days + 1 > _LONGEST[over]:
        # "orders week on week in q3": each week of Q3 beside the one before, a weekly trend of Q3; Q3 against
        # Q2 would answer another question (the contract has no comparison by week inside a named period)
        comparison, over = None, None
    if moved:
        own = [p for p in periods if not _taken([moved.span()], *p.span)]
        if own or compare_to is not None:  # "june and the month before": the text's own periods, read without it
            return read_time(text, as_of=as_of, earliest=earliest, latest=latest, names=names, members=members,
                             measures=measures, shifting=False)
    opened = _opened(text, atoms, periods)
    if opened is not None:
        return TimeReading(periods=tuple(periods), spans=tuple(sorted(spans)), problem="open_start",
                           problem_text=opened)
    for found in (*periods, *([compare_to] if compare_to else [])):
        if found.start > as_of:
            return TimeReading(spans=tuple(spans), problem="future", problem_text=text[found.span[0]:found.span[1]])
    return TimeReading(
        periods=tuple(periods), compare_to=compare_to, comparison=comparison, relative_compare_unit=relative_unit,
        grain=grain, grain_split=grain_split, over=over, spans=tuple(sorted(spans)), shift=_shift_of(moved),
    )


def _shift_of(moved: re.Match[str] | None) -> Shift | None:
    if moved is None:
        return None
    unit = moved["unit"] or moved["unit2"] or moved["unit3"]
    back = bool(moved["prev"]) or (moved["dir"] or moved["dir2"]) in ("before", "prior", "earlier")
    return Shift(unit=unit, steps=-1 if back else 1, adjacent=not moved["a"])


def _opened(text: str, atoms: list[_Atom], periods: list[FoundPeriod]) -> str | None:
    """"thru june" as the first period named, with no start: the words, for a question back."""
    if not periods or not atoms or atoms[0].fixed is not None or periods[0].span[0] != atoms[0].start_char:
        return None
    first = periods[0]
    said = _OPEN_START.search(text, 0, first.span[0])
    if said is None or first.unit not in ("day", "week", "month", "quarter", "half") or first.count != 1:
        return None
    return text[said.start():first.span[1]]


def open_start_readings(found: FoundPeriod) -> tuple[str, str]:
    """The two readings of "thru june": that period alone, and the year from January to its end."""
    alone = (f"{found.start:%B %Y}" if found.unit == "month" else
             f"from {found.start.isoformat()} to {found.end.isoformat()}")
    return alone, f"from January {found.start.year} to the end of {found.end:%B %Y}"


def _measure_spans(
    text: str, measures: tuple[tuple[int, int], ...], spans: list[tuple[int, int]], *, as_of: date
) -> list[_Atom]:
    """"revenue 12m", "units 2q": a count glued to a unit right after the measure is a dashboard's last N, as
    "revenue 30d"; elsewhere "12m" stays an amount ("hit 12m", "a 12m target")."""
    atoms: list[_Atom] = []
    for _, end in measures:
        m = _AFTER_MEASURE.match(text, end)
        if m is None or _taken(spans, m.start("n"), m.end()) or int(m["n"]) < 1:
            continue
        unit = UNITS.get(m["unit"]) or _SHORT_UNITS[m["unit"]]
        atoms.append(_Atom("fixed", m.start("n"), m.end(), fixed=last_counted(unit, as_of=as_of, count=int(m["n"]))))
        spans.append((m.start("n"), m.end()))
    return atoms


def _combine(
    text: str, atoms: list[_Atom], spans: list[tuple[int, int]], *, as_of: date
) -> tuple[list[FoundPeriod], FoundPeriod | None, str | None]:
    """Joins ranges ("March to May 2025", "Q1-Q3"), "since X", and finds the period after a comparison word."""
    _carry_years(text, atoms)
    periods: list[FoundPeriod] = []
    compare_to: FoundPeriod | None = None
    relative_unit: str | None = None
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        before = text[:atom.start_char]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        joiner = text[atom.end_char:nxt.start_char] if nxt else ""
        is_between = bool(_BETWEEN.search(before))
        # "this year to last year" compares; a range joins named periods, or anything after "from"/"between".
        named = atom.fixed is None and nxt is not None and nxt.fixed is None
        if nxt and _RANGE_JOIN.match(joiner) and (is_between or (named and not re.match(r"^\s*and", joiner))):
            found = _range(atom, nxt, as_of=as_of)
            _extend_prefix(text, spans, atom.start_char, _BETWEEN)
            spans.append((atom.end_char, nxt.start_char))
            i += 2
        else:
            to_now = _TO_NOW.match(text[atom.end_char:])
            # "where did revenue come from last month": where it came from in that month, not since it
            since = None if _CAME_FROM.search(before) else _SINCE.search(before)
            onwards = _ONWARDS.match(text, atom.end_char) if _FROM.search(before) else None
            if since is None and onwards:  # "from june onwards": since June
                since = _FROM.search(before)
                spans.append(onwards.span())
            found = _resolve(atom, as_of=as_of)
            if to_now or (since and not _COMPARATOR_ONLY.search(before)):
                found = FoundPeriod(found.start, as_of, span=found.span)
                if to_now:
                    spans.append((atom.end_char, atom.end_char + to_now.end()))
                if since:
                    spans.append((since.start(), atom.start_char))
            i += 1
        if periods and _COMPARATOR_BEFORE.search(before) and compare_to is None:
            if atom.fixed is None and not atom.has_year():
                found = _resolve(atom, as_of=as_of, before=periods[0].start)
            compare_to = found
            if atom.fixed is not None and re.search(r"\b(?:last|previous|prior|past|preceding)\s+(?:\w+\s+)?\w+\s*$",
                                                    text[:atom.end_char]):
                relative_unit = found.unit
        elif not periods and _COMPARATOR_ONLY.search(before):
            compare_to = found
            if atom.fixed is not None:
                relative_unit = found.unit
        else:
            periods.append(found)
    return periods, compare_to, relative_unit


def _extend_prefix(text: str, spans: list[tuple[int, int]], at: int, pattern: re.Pattern[str]) -> None:
    m = pattern.search(text[:at])
    if m:
        spans.append((m.start(), at))


def _carry_years(text: str, atoms: list[_Atom]) -> None:
    """"between March and May 2025", "Q3 vs Q2 2024": a period without a year takes the year of the
    next one that has it, when only a connector lies between them."""
    for i in range(len(atoms) - 2, -1, -1):
        atom, nxt = atoms[i], atoms[i + 1]
        if atom.has_year() or not nxt.has_year() or nxt.fixed is not None or atom.kind == "year":
            continue
        if (atom.kind, atom.value, atom.day) == (nxt.kind, nxt.value, nxt.day):
            continue  # "Q3 vs Q3 last year": the first is this year's, not the same quarter twice
        joiner = text[atom.end_char:nxt.start_char]
        if re.fullmatch(r"\s*(?:-|–|—|to|through|thru|until|till|and|or|,|vs\.?|versus|against|compared\s+(?:to|"
                        r"with))\s*(?:the\s+)?", joiner):
            atom.year = nxt.year
            start, _, _ = _bounds(atom.kind, atom.value, nxt.year, atom.day or 1)
            nstart, _, _ = _bounds(nxt.kind, nxt.value, nxt.year, nxt.day or 1)
            if start > nstart and re.search(r"-|–|—|to|through|thru|until|till", joiner):
                atom.year = nxt.year - 1


def _range(first: _Atom, last: _Atom, *, as_of: date) -> FoundPeriod:
    """Start of the first to end of the last; the last one resolves first when neither has a year."""
    if last.has_year() or not first.has_year():
        end = _resolve(last, as_of=as_of)
        if not first.has_year():
            probe = _resolve(first, as_of=as_of, before=end.start + ONE_DAY)
        else:
            probe = _resolve(first, as_of=as_of)
    else:
        probe = _resolve(first, as_of=as_of)
        end = _resolve(last, as_of=as_of)
        if last.kind != "fixed":
            for year in range(probe.start.year, probe.start.year + 2):
                try:
                    candidate = _resolve(replace(last, year=year), as_of=as_of)
                except _Invalid:
                    continue
                if candidate.start >= probe.start:
                    end = candidate
                    break
    start, stop = probe.start, max(end.end, probe.end)
    months = _month_aligned(start, stop)
    unit, count = ("month", months) if months else (None, 1)
    if months and months % 12 == 0 and start.month == 1:
        unit, count = "year", months // 12
    ends = (probe, end) if first.kind == last.kind and first.kind != "fixed" and probe.end < end.start else None
    return FoundPeriod(start, stop, unit, count, span=(first.start_char, last.end_char), ends=ends)
