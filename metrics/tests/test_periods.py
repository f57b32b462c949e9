"""Periods: labels as in the contract, and ``cover`` holding every day of a span exactly once, coarsely."""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from metrics.periods import Piece, cover, period_bounds, period_label, periods

days = st.dates(min_value=date(1999, 1, 1), max_value=date(2031, 12, 31))


def days_of(piece: Piece) -> list[date]:
    if piece.grain == "year":
        return [d for y in range(piece.lo, piece.hi) for d in _span(date(y, 1, 1), date(y, 12, 31))]
    if piece.grain == "day":
        year, month0 = divmod(piece.bucket, 12)
        return [date(year, month0 + 1, slot + 1) for slot in range(piece.lo, piece.hi)]
    if piece.grain == "week":
        mondays = [date.fromisocalendar(piece.bucket, w + 1, 1) for w in range(piece.lo, piece.hi)]
        return [d for monday in mondays for d in _span(*period_bounds(monday, "week"))]
    months = 1 if piece.grain == "month" else 3
    return [
        d for slot in range(piece.lo, piece.hi)
        for d in _span(*period_bounds(date(piece.bucket, slot * months + 1, 1), piece.grain))
    ]


def _span(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


@given(days, days)
def test_cover_holds_each_day_of_the_span_exactly_once(a, b):
    start, end = min(a, b), max(a, b)
    covered = [d for piece in cover(start, end) for d in days_of(piece)]
    assert sorted(covered) == _span(start, end)


def test_cover_uses_the_coarsest_pieces():
    assert [p.grain for p in cover(date(2023, 1, 1), date(2024, 12, 31))] == ["year"]
    assert cover(date(2024, 3, 15), date(2024, 11, 2)) == [
        Piece("day", 2024 * 12 + 2, 14, 31), Piece("quarter", 2024, 1, 3), Piece("month", 2024, 9, 10),
        Piece("day", 2024 * 12 + 10, 0, 2)]
    assert cover(date(2024, 12, 30), date(2025, 1, 5)) == [Piece("week", 2025, 0, 1)]
    # Adjacent slots of one item merge: three quarters, two months, thirty days.
    assert [p.grain for p in cover(date(2024, 1, 1), date(2024, 12, 30))] == ["quarter", "month", "day"]


def test_labels_and_periods_follow_the_contract():
    assert [period_label(date(2025, 7, 1), g) for g in ("day", "week", "month", "quarter", "year")] == [
        "2025-07-01", "2025-W27", "2025-07", "2025-Q3", "2025"]
    assert period_label(date(2024, 12, 30), "week") == "2025-W01"
    assert periods(date(2024, 12, 25), date(2025, 1, 2), "week") == [
        ("2024-W52", date(2024, 12, 23), date(2024, 12, 29)), ("2025-W01", date(2024, 12, 30), date(2025, 1, 5))]
