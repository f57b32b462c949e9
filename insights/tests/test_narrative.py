"""Narratives: formatting, periods named as people say them, tone, and figures taken from the result only."""
from __future__ import annotations

import re
from datetime import date

import pytest

from insights.answering.narrative import compose, describe_period, format_money, format_number, sentiment_of
from insights.answering.results import MeasureFigures, Result, Row
from insights.understanding.types import Period, Understanding

Q3 = Period(date(2025, 7, 1), date(2025, 9, 30))
Q2 = Period(date(2025, 4, 1), date(2025, 6, 30))
DATA = (date(2023, 1, 1), date(2025, 10, 31))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (7, "7"),
        (87.456, "87.46"),
        (512.4, "512"),
        (1234.5, "1,234"),
        (45_210, "45.2k"),
        (1_234_567.89, "1.23M"),
        (2_500_000_000, "2.50B"),
        (-1_500_000, "-1.50M"),
    ],
)
def test_numbers_are_compact(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("currency", "text"),
    [("USD", "$1.23M"), ("EUR", "€1.23M"), ("GBP", "£1.23M"), ("CHF", "1.23M CHF")],
)
def test_money_uses_the_tenant_currency(currency, text):
    assert format_money(1_234_567.89, currency=currency) == text


def test_negative_money_keeps_its_sign_before_the_symbol():
    assert format_money(-45_210, currency="USD") == "-$45.2k"


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
        (date(2024, 11, 1), date(2025, 2, 28), "November 2024 – February 2025"),
        (date(2025, 1, 1), date(2025, 11, 10), "1 Jan – 10 Nov 2025"),
        (date(2024, 12, 20), date(2025, 1, 10), "20 Dec 2024 – 10 Jan 2025"),
        (date(2025, 11, 10), date(2025, 11, 10), "10 Nov 2025"),
    ],
)
def test_periods_are_named_as_people_say_them(start, end, text):
    assert describe_period(Period(start, end)) == text


@pytest.mark.parametrize(
    ("measure", "change", "pct", "tone"),
    [
        ("revenue", 10.0, 5.0, "positive"),
        ("revenue", -10.0, -5.0, "negative"),
        ("cost", 10.0, 5.0, "negative"),  # costs going up is bad news
        ("cost", -10.0, -5.0, "positive"),
        ("revenue", 1.0, 0.5, "neutral"),  # under 1%
        ("revenue", None, None, "neutral"),  # nothing to compare
        ("revenue", 5.0, None, "positive"),  # from zero: a rise all the same
        ("margin_pct", 2.0, 4.5, "positive"),
        ("margin_pct", -0.4, -1.2, "neutral"),  # under a point
    ],
)
def test_sentiment_follows_the_measure_direction(measure, change, pct, tone):
    assert sentiment_of(measure=measure, change=change, change_pct=pct) == tone


def figures_in(text: str) -> list[str]:
    """Money and percentage figures, e.g. '$1.23M', '12.2%' (calendar numbers are not figures)."""
    return re.findall(r"-?[$€£]\d[\d,.]*[kMB]?|\d[\d,.]*%", text)


def test_compare_names_both_periods_the_change_and_the_values():
    u = Understanding(intent="compare", measure="revenue", time=Q3, compare_to=Q2, constraints={"region": ["EMEA"]})
    result = Result(value=1_234_567.89, previous_value=1_100_000.0, change=134_567.89, change_pct=12.2334)
    text = compose(understanding=u, result=result, currency="USD", data_range=DATA)
    assert text == "Revenue for EMEA was $1.23M in Q3 2025, up 12.2% on Q2 2025 ($1.10M)."
    assert figures_in(text) == ["$1.23M", "12.2%", "$1.10M"]


def test_value_without_data_says_so_instead_of_a_number():
    u = Understanding(intent="value", measure="units", time=Q3, constraints={"region": ["Mars"]})
    text = compose(understanding=u, result=Result(value=None), currency="USD", data_range=DATA)
    assert text == "There is no data for Mars in Q3 2025."


def test_a_period_outside_the_data_names_the_range_the_data_covers():
    u = Understanding(intent="breakdown", measure="revenue", time=Period(date(2025, 11, 10), date(2025, 11, 16)),
                      group_by="region")
    text = compose(understanding=u, result=Result(), currency="USD", data_range=DATA)
    assert text == ("There is no data for week 46 of 2025: your data covers January 2023 – October 2025. "
                    "Try a period inside that range.")


def test_rank_lists_the_rows_in_order():
    u = Understanding(intent="rank", measure="revenue", time=Q3, group_by="product", order="desc", limit=2)
    result = Result(rows=(Row("Summit Boot", 2_000_000.0), Row("Trail Runner", 1_500_000.0)))
    text = compose(understanding=u, result=result, currency="EUR", data_range=DATA)
    assert text == "Top 2 by revenue in Q3 2025: Summit Boot (€2.00M), Trail Runner (€1.50M)."


def test_rank_of_one_names_the_extreme():
    u = Understanding(intent="rank", measure="margin_pct", time=Q3, group_by="region", order="asc", limit=1)
    text = compose(understanding=u, result=Result(rows=(Row("LATAM", 41.234),)), currency="USD", data_range=DATA)
    assert text == "LATAM had the lowest margin % by region in Q3 2025: 41.2%."


def test_drivers_name_the_biggest_driver_with_its_sign():
    u = Understanding(intent="drivers", measure="revenue", time=Q3, compare_to=Q2, group_by="channel")
    result = Result(
        value=900_000.0, previous_value=1_000_000.0, change=-100_000.0, change_pct=-10.0,
        rows=(Row("Online", -80_000.0), Row("Retail", -30_000.0), Row("Partner", 10_000.0)),
    )
    text = compose(understanding=u, result=result, currency="USD", data_range=DATA)
    assert "down 10.0% on Q2 2025" in text
    assert "The biggest driver by channel was Online (-$80.0k), then Retail (-$30.0k), Partner (+$10.0k)." in text


def test_summary_reports_every_measure():
    u = Understanding(intent="summary", measure="revenue", time=Q3, compare_to=Q2)
    result = Result(
        value=200.0, previous_value=100.0, change=100.0, change_pct=100.0,
        measures={
            "revenue": MeasureFigures(200.0, 100.0, 100.0),
            "orders": MeasureFigures(30.0, 40.0, -25.0),
            "margin_pct": MeasureFigures(40.0, 38.0, 5.26),
        },
    )
    text = compose(understanding=u, result=result, currency="USD", data_range=DATA)
    assert "Revenue was $200 in Q3 2025, up 100.0% on Q2 2025 ($100)." in text
    assert "orders 30 (down 25.0%)" in text and "margin % 40.0% (up 2.0 points)" in text


def test_trend_goes_from_first_to_last_and_names_the_peak():
    u = Understanding(intent="trend", measure="orders", time=Period(date(2025, 5, 1), date(2025, 8, 31), "month"))
    rows = (Row("2025-05", 10.0), Row("2025-06", 30.0), Row("2025-07", 25.0), Row("2025-08", 20.0))
    text = compose(understanding=u, result=Result(rows=rows), currency="USD", data_range=DATA)
    assert text == "Monthly orders, May – August 2025: from 10 in 2025-05 to 20 in 2025-08, peaking at 30 in 2025-06."
