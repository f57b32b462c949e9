"""The one formatter: money in the tenant's currency, compact numbers, percents and periods as people say them."""
from __future__ import annotations

from datetime import date

import pytest

from core import formatting


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (7, "7"),
        (87.456, "87.46"),
        (512.4, "512"),
        (1234.5, "1,234"),
        (45_210, "45.2K"),
        (988_000, "988K"),
        (1_234_567.89, "1.23M"),
        (2_500_000_000, "2.5B"),
        (-1_500_000, "-1.5M"),
    ],
)
def test_numbers_are_compact_from_ten_thousand(value, text):
    assert formatting.number(value) == text


@pytest.mark.parametrize(
    ("currency", "text"),
    [("USD", "$1.23M"), ("EUR", "€1.23M"), ("GBP", "£1.23M"), ("JPY", "¥1.23M"), ("CHF", "CHF1.23M")],
)
def test_money_uses_the_tenant_currency(currency, text):
    assert formatting.money(1_234_567.89, currency=currency) == text


@pytest.mark.parametrize(
    ("value", "text"), [(-45_210, "-$45.2K"), (45.678, "$45.68"), (7, "$7"), (1234.4, "$1,234")]
)
def test_small_money_keeps_cents_and_negatives_their_sign_first(value, text):
    assert formatting.money(value, currency="USD") == text


def test_a_locale_brings_its_own_separators():
    assert formatting.number(1234.5, locale="de_DE") == "1.234"
    assert formatting.percent(12.25, locale="de_DE") == "12,2%"


@pytest.mark.parametrize(
    ("value", "kind", "text"),
    [
        (134_567.89, "currency", "+$134.6K"),
        (-3.0, "number", "-3"),
        (-1.64, "percent", "-1.6 points"),
        (0.0, "number", "0"),
        (None, "number", "n/a"),
    ],
)
def test_changes_carry_their_sign(value, kind, text):
    assert formatting.signed(value, kind=kind, currency="USD") == text


def test_figures_follow_the_measure_format():
    assert formatting.figure(41.234, kind="percent", currency="USD") == "41.2%"
    assert formatting.figure(41.234, kind="currency", currency="EUR") == "€41.23"
    assert formatting.figure(None, kind="currency", currency="EUR") == "n/a"
    assert formatting.signed_percent(12.25) == "+12.2%" and formatting.signed_percent(-3) == "-3.0%"


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (date(2024, 1, 1), date(2024, 12, 31), "2024"),
        (date(2025, 7, 1), date(2025, 9, 30), "Q3 2025"),
        (date(2025, 1, 1), date(2025, 6, 30), "H1 2025"),
        (date(2025, 7, 1), date(2025, 12, 31), "H2 2025"),
        (date(2025, 10, 1), date(2025, 10, 31), "October 2025"),
        (date(2024, 2, 1), date(2024, 2, 29), "February 2024"),
        (date(2025, 9, 15), date(2025, 9, 21), "week 38 of 2025"),
        (date(2024, 12, 30), date(2025, 1, 5), "week 1 of 2025"),
        (date(2025, 5, 1), date(2025, 10, 31), "May – October 2025"),
        (date(2025, 2, 1), date(2025, 4, 30), "February – April 2025"),
        (date(2024, 11, 1), date(2025, 2, 28), "November 2024 – February 2025"),
        (date(2025, 1, 1), date(2025, 11, 10), "1 Jan – 10 Nov 2025"),
        (date(2024, 12, 20), date(2025, 1, 10), "20 Dec 2024 – 10 Jan 2025"),
        (date(2025, 11, 10), date(2025, 11, 10), "10 Nov 2025"),
    ],
)
def test_periods_are_named_as_people_say_them(start, end, text):
    assert formatting.period(start, end) == text


@pytest.mark.parametrize(
    ("key", "grain", "text"),
    [
        ("2025-07-01", "day", "1 Jul 2025"),
        ("2025-W07", "week", "W7 2025"),
        ("2025-07", "month", "Jul 2025"),
        ("2025-Q3", "quarter", "Q3 2025"),
        ("2025", "year", "2025"),
    ],
)
def test_row_period_keys_get_one_label(key, grain, text):
    assert formatting.period_label(key, grain=grain) == text
