"""Calendar grains: period labels and bounds, and the rollup slices that exactly cover a span.

Rollup items hold one bucket year (see ``metrics.rollups``), an attribute per
grain: a slot per day of each month (one attribute per month), per ISO week of
the ISO year, per month, per quarter; and one item with a slot per year. A ``Piece`` names a run of slots of
one such item; ``cover`` picks the coarsest pieces whose periods lie wholly
inside the span, so a query reads few, small slices.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

GRAINS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Piece:
    grain: str
    bucket: int | None  # the item's year (ISO year for weeks; year * 12 + month - 1 for days); None for years
    lo: int  # first slot; for grain "year" the year itself
    hi: int  # one past the last slot

    @property
    def sk(self) -> str:
        return rollup_sk(self.bucket // 12 if self.grain == "day" else self.bucket)

    @property
    def attribute(self) -> str:
        return day_attribute(self.bucket % 12 + 1) if self.grain == "day" else GRAIN_ATTRIBUTES[self.grain]


# Where each grain's values live in a rollup item: one attribute per grain, per month for days.
GRAIN_ATTRIBUTES = {"week": "w", "month": "m", "quarter": "q", "year": "y"}


def day_attribute(month: int) -> str:
    return f"d{month:02d}"


def rollup_sk(year: int | None) -> str:
    """The item of a bucket year (ISO year for weeks), or the one item of all years."""
    return "all" if year is None else f"y#{year}"


def month_bucket(day: date) -> int:
    """The bucket of a day piece holding ``day``: its year and month (an attribute of the year's day item)."""
    return day.year * 12 + day.month - 1


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


def cover(start: date, end: date) -> list[Piece]:
    """The coarsest rollup pieces that together hold exactly the days ``start``..``end``.

    Whole years, then whole quarters, then whole months, then the leftover days;
    an exact ISO week (what week trends ask for) is one week slot.
    """
    if start > end:
        return []
    if period_bounds(start, "week") == (start, end):
        iso_year, week, _ = start.isocalendar()
        return [Piece("week", iso_year, week - 1, week)]
    pieces: list[Piece] = []
    day = start
    while day <= end:
        for grain in ("year", "quarter", "month"):
            first, last = period_bounds(day, grain)
            if first == day and last <= end:
                if grain == "year":
                    _append(pieces, Piece("year", None, day.year, day.year + 1))
                elif grain == "quarter":
                    _append(pieces, Piece("quarter", day.year, quarter_of(day) - 1, quarter_of(day)))
                else:
                    _append(pieces, Piece("month", day.year, day.month - 1, day.month))
                day = last + ONE_DAY
                break
        else:
            # Leftover days run to the end of the month at most, where a coarser piece may start.
            stop = min(period_bounds(day, "month")[1], end)
            _append(pieces, Piece("day", month_bucket(day), day.day - 1, stop.day))
            day = stop + ONE_DAY
    return pieces


def _append(pieces: list[Piece], piece: Piece) -> None:
    """Adds ``piece``, merging it into the previous one when they are adjacent slots of the same item."""
    if pieces:
        last = pieces[-1]
        if (last.grain, last.bucket, last.hi) == (piece.grain, piece.bucket, piece.lo):
            pieces[-1] = Piece(last.grain, last.bucket, last.lo, piece.hi)
            return
    pieces.append(piece)
