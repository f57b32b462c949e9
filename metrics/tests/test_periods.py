"""Periods: labels and bounds as in the contract."""
from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from metrics.periods import period_bounds, period_label, periods

days = st.dates(min_value=date(1999, 1, 1), max_value=date(2031, 12, 31))


def _span(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


@settings(deadline=None)  # thirty years of days is a long list on a busy machine; this is no timing test
@given(days, days, st.sampled_from(["day", "week", "month", "quarter", "year"]))
def test_periods_tile_the_span_with_whole_calendar_periods(a, b, grain):
    start, end = min(a, b), max(a, b)
    found = periods(start, end, grain)
    for label, first, last in found:
        assert period_bounds(first, grain) == (first, last) and period_label(last, grain) == label
    # Contiguous, and together they hold the span: each day of it lies in exactly one period.
    assert found[0][1] <= start <= found[0][2] and found[-1][1] <= end <= found[-1][2]
    assert all(later[1] == earlier[2] + timedelta(days=1) for earlier, later in itertools.pairwise(found))


def test_labels_and_periods_follow_the_contract():
    assert [period_label(date(2025, 7, 1), g) for g in ("day", "week", "month", "quarter", "year")] == [
        "2025-07-01", "2025-W27", "2025-07", "2025-Q3", "2025"]
    assert period_label(date(2024, 12, 30), "week") == "2025-W01"
    assert periods(date(2024, 12, 25), date(2025, 1, 2), "week") == [
        ("2024-W52", date(2024, 12, 23), date(2024, 12, 29)), ("2025-W01", date(2024, 12, 30), date(2025, 1, 5))]
