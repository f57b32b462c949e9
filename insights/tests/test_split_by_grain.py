""""<measure> by <grain>" with no period (or all of the data: "since we started") and no word of a series is a
breakdown by that grain over all of the data (contract v2: a `breakdown` by a time grain with nothing said covers
all of the data); a period said, or a trend word (trend, over time, monthly, month by month, changed,
cumulative), keeps it a trend."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2025, 10, 20)
FIRST, LAST = date(2023, 1, 2), date(2025, 10, 17)

WHOLESALE = company(version="wholesale-1", columns=("net_sales", "cases", "returns"),
                    dimensions={"brand": ("Best", "Prime"), "region": ("North", "South")},
                    first_date=FIRST, last_date=LAST)
RETAIL = company(version="retail-1", columns=("revenue", "cost", "units", "orders"),
                 dimensions={"region": ("EMEA", "APAC"), "channel": ("Online", "Retail")},
                 first_date=FIRST, last_date=LAST)
SAAS = company(version="saas-1", columns={"bookings": "Bookings", "seats": "Seats"},
               dimensions={"plan": ("Team", "Enterprise")}, first_date=FIRST, last_date=LAST)

SPLITS = [
    ("net sales by quarter", WHOLESALE, "net_sales", "quarter", {}),
    ("cases by month", WHOLESALE, "cases", "month", {}),
    ("revenue by month", RETAIL, "revenue", "month", {}),
    ("units split by week", RETAIL, "units", "week", {}),
    ("bookings by year", SAAS, "bookings", "year", {}),
    ("seats by quarter for enterprise", SAAS, "seats", "quarter", {"plan": ("Enterprise",)}),
    ("online orders by month", RETAIL, "orders", "month", {"channel": ("Online",)}),
    # all of the data said outright is no period of its own: the same breakdown
    ("bookings by quarter since we started", SAAS, "bookings", "quarter", {}),
    ("net sales by year of all time", WHOLESALE, "net_sales", "year", {}),
    ("units by month since the beginning", RETAIL, "units", "month", {}),
]


@pytest.mark.parametrize(("text", "model", "measure", "grain", "constraints"), SPLITS, ids=[t for t, *_ in SPLITS])
def test_a_split_by_a_grain_with_no_period_is_a_breakdown_over_all_the_data(text, model, measure, grain,
                                                                            constraints):
    got = parse(text, model=model, as_of=AS_OF).understanding
    assert (got.intent, got.measure, got.group_by, dict(got.constraints)) == (
        "breakdown", measure, grain, constraints)
    assert (got.time.start, got.time.end) == (model.first_date, model.last_date)


SERIES = [
    ("net sales by month this year", WHOLESALE, "month"),  # a period said
    ("revenue by quarter since q1 2024", RETAIL, "quarter"),
    ("monthly net sales", WHOLESALE, "month"),  # words of a series
    ("revenue month by month", RETAIL, "month"),
    ("units over time by quarter", RETAIL, "quarter"),
    ("seats trend by month", SAAS, "month"),
    ("how have net sales changed by quarter", WHOLESALE, "quarter"),
    ("cumulative cases by month", WHOLESALE, "month"),
    ("running total of bookings by month", SAAS, "month"),
]


@pytest.mark.parametrize(("text", "model", "grain"), SERIES, ids=[t for t, *_ in SERIES])
def test_a_period_or_a_trend_word_keeps_the_series(text, model, grain):
    got = parse(text, model=model, as_of=AS_OF).understanding
    assert (got.intent, got.group_by, got.time.grain) == ("trend", None, grain)


def test_a_split_by_a_grain_and_a_dimension_still_asks_which():
    assert parse("net sales by brand by quarter", model=WHOLESALE, as_of=AS_OF).understanding.intent == "clarify"
