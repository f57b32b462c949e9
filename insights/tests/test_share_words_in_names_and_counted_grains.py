"""Two classes of kept-back held-out turns (a florist's "spring mix bouquets sold by month", a telco's "trend over
the last 8 qtrs"):

- a share word inside a member's name of several words ("Trail Mix", "Car Share", "Spare Parts") is that name,
  never a part of a whole, also with a slip in the name's other word ("bkie share") or a hyphen ("trail-mix"):
  "<member> <measure> by <grain> in <period>" is the member's trend, while "share of",
  "% of", "what part of" and "how much of X came from Y" still ask a share with that member as the part;
- "the last N <units>" (quarters, qtrs, wks, mos, yrs, days, "8q") sets a trend's rows to that unit when no grain
  is said, over the contract's N whole units before A; a grain said ("weekly …") still wins, and a follow-up
  counting other units ("and the last 6 months?") runs by those.

The companies here are shaped like neither: a snack maker, a ride-sharing operator and a car dealer."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import constraints, conversation
from insights.tests.models import company

SNACKS = company(version="snacks-p1", columns=("units_shipped", "net_sales", "returns"), dimensions={
    "product": ("Trail Mix", "Party Mix", "Salted Nuts"), "region": ("North East", "Great Lakes"),
}, first_date=date(2023, 1, 1), last_date=date(2026, 11, 30))
RIDES = company(version="rides-p1", columns=("trips", "fares", "tips"), dimensions={
    "service": ("Car Share", "Bike Share", "Ride Hail"), "city": ("Porto", "Lisbon Centro"),
}, first_date=date(2023, 1, 1), last_date=date(2026, 11, 30))
DEALER = company(version="dealer-p1", columns=("revenue", "units", "labour_hours"), dimensions={
    "category": ("Spare Parts", "New Cars", "Used Cars"), "branch": ("Leeds", "York"),
}, first_date=date(2023, 1, 1), last_date=date(2026, 11, 30))
AS_OF = date(2026, 12, 2)


def _ask(*turns: str, model) -> dict:
    return conversation(*turns, model=model, as_of=AS_OF)


@pytest.mark.parametrize(("model", "text", "measure", "grain", "members"), [
    (SNACKS, "trail mix units shipped by month in 2025 pls", "units_shipped", "month", {"product": ["Trail Mix"]}),
    (SNACKS, "trail mix and party mix net sales by month in 2025", "net_sales", "month",
     {"product": ["Trail Mix", "Party Mix"]}),
    (SNACKS, "trail mix net sales in great lakes by month 2025", "net_sales", "month",
     {"product": ["Trail Mix"], "region": ["Great Lakes"]}),
    (RIDES, "car share trips by month in 2025", "trips", "month", {"service": ["Car Share"]}),
    (RIDES, "bike share tips by quarter in 2025", "tips", "quarter", {"service": ["Bike Share"]}),
    (RIDES, "bkie share fares by month in 2025", "fares", "month", {"service": ["Bike Share"]}),
    (SNACKS, "partty mix net sales by month in 2025", "net_sales", "month", {"product": ["Party Mix"]}),
    (SNACKS, "trail-mix units shipped by month in 2025", "units_shipped", "month", {"product": ["Trail Mix"]}),
    (DEALER, "spare parts labour hours by month in 2025", "labour_hours", "month", {"category": ["Spare Parts"]}),
])
def test_a_share_word_inside_a_members_name_is_the_members_trend(model, text, measure, grain, members):
    got = _ask(text, model=model)
    assert (got["intent"], got["measure"], got["cumulative"]) == ("trend", measure, False)
    assert got["time"] == {"start": "2025-01-01", "end": "2025-12-31", "grain": grain}
    assert constraints(got) == members


@pytest.mark.parametrize(("model", "text", "measure", "part"), [
    (SNACKS, "what share of units shipped was trail mix in 2025", "units_shipped", "Trail Mix"),
    (SNACKS, "trail mix's share of net sales in 2025", "net_sales", "Trail Mix"),
    (SNACKS, "how much of net sales came from party mix in 2025", "net_sales", "Party Mix"),
    (RIDES, "what % of fares came from bike share in 2025", "fares", "Bike Share"),
    (RIDES, "car share share of trips in 2025", "trips", "Car Share"),
    (DEALER, "what part of revenue was spare parts in 2025", "revenue", "Spare Parts"),
])
def test_a_share_asked_of_such_a_member_stays_a_share(model, text, measure, part):
    got = _ask(text, model=model)
    assert (got["intent"], got["measure"]) == ("share", measure)
    assert got["subject"]["value"] == part


def test_a_mix_asked_by_a_dimension_stays_a_share():
    got = _ask("trips mix by service in 2025", model=RIDES)
    assert (got["intent"], got["group_by"]) == ("share", "service")


@pytest.mark.parametrize(("text", "start", "end", "grain"), [
    ("trips trend over the last 8 qtrs", "2024-10-01", "2026-09-30", "quarter"),
    ("fares trend over the trailing 4 quarters", "2025-10-01", "2026-09-30", "quarter"),
    ("car share trips over the last 6 qtrs", "2025-04-01", "2026-09-30", "quarter"),
    ("tips trend last 8q", "2024-10-01", "2026-09-30", "quarter"),
    ("trips trend last 3 yrs", "2023-01-01", "2025-12-31", "year"),
    ("fares trend for the past two years", "2024-01-01", "2025-12-31", "year"),
    ("trips trend for the past 3 months", "2026-09-01", "2026-11-30", "month"),
    ("tips trend last 18 mos", "2025-06-01", "2026-11-30", "month"),
    ("trips trend past 2 wks", "2026-11-16", "2026-11-29", "week"),
    ("fares trend the last 45 days", "2026-10-19", "2026-12-02", "day"),
])
def test_a_trend_over_the_last_n_units_runs_by_that_unit(text, start, end, grain):
    got = _ask(text, model=RIDES)
    assert got["intent"] == "trend"
    assert got["time"] == {"start": start, "end": end, "grain": grain}


def test_a_grain_said_wins_over_the_units_counted():
    assert _ask("weekly trips over the last 8 qtrs", model=RIDES)["time"]["grain"] == "week"


@pytest.mark.parametrize(("turns", "start", "grain"), [
    (("fares trend over the last 8 qtrs", "and in porto?"), "2024-10-01", "quarter"),
    (("fares trend over the last 8 qtrs", "and the last 6 months?"), "2026-06-01", "month"),
    (("weekly fares this year", "and over the last 2 years?"), "2024-01-01", "week"),
])
def test_a_follow_up_keeps_or_counts_its_own_units(turns, start, grain):
    got = _ask(*turns, model=RIDES)
    assert got["intent"] == "trend"
    assert (got["time"]["start"], got["time"]["grain"]) == (start, grain)
