"""Period words inside rankings, comparisons and counts are read as said or asked back, never dropped for the
default month: a rate after a figure ("revenue a day") is per that grain; "vs the same day last week" after a
day is that weekday a week back; "same day last week" with no day, a count of days by a condition and a member
ranked within its best single period are asked back.

The companies are shaped like none of the eval sets: a vet chain, a bike-hire operator and a tea room."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2026, 3, 15)
VETS = company(version="vets-pw1", columns=("fees", "visits"), dimensions={
    "vet": ("Dr Okafor", "Dr Lindqvist"), "service": ("Surgery", "Vaccination", "Dental"),
}, first_date=date(2024, 1, 1), last_date=AS_OF)
BIKES = company(version="bikes-pw1", columns=("hire_income", "rentals"), dimensions={
    "depot": ("Harbour", "Old Town", "Station"), "bike": ("E-bike", "Tandem"),
}, first_date=date(2024, 4, 1), last_date=AS_OF)
TEAS = company(version="teas-pw1", columns=("takings", "covers"), dimensions={
    "room": ("Garden", "Parlour"),
}, first_date=date(2025, 1, 1), last_date=AS_OF)
LAST_MONTH = {"start": "2026-02-01", "end": "2026-02-28", "grain": "month"}


def parsed(model, text: str):
    return parse(text, model=model, as_of=AS_OF)


@pytest.mark.parametrize(("model", "text", "measure", "per"), [
    (TEAS, "what was takings a day", "takings", "day"),
    (TEAS, "covers a week", "covers", "week"),
    (VETS, "how many visits a day", "visits", "day"),
    (BIKES, "rentals a month this year", "rentals", "month"),
    (BIKES, "hire income a day last month", "hire_income", "day"),
])
def test_a_rate_after_a_figure_is_per_that_grain(model, text, measure, per):
    got = parsed(model, text).understanding.as_json()
    assert (got["intent"], got["measure"], got["per"]) == ("value", measure, per)


def test_each_month_after_a_figure_stays_a_series():
    got = parsed(BIKES, "rentals each month this year").understanding.as_json()
    assert (got["intent"], got["time"]["grain"], got["per"]) == ("trend", "month", None)


@pytest.mark.parametrize(("model", "text"), [(TEAS, "takings a week ago"), (BIKES, "rentals a day before easter")])
def test_a_length_of_time_back_is_no_rate(model, text):
    got = parsed(model, text).understanding.as_json()
    assert got["per"] is None


@pytest.mark.parametrize(("model", "text", "back"), [
    (TEAS, "takings yesterday vs same day last week", "2026-03-07"),
    (BIKES, "rentals yesterday compared to the same day last week", "2026-03-07"),
    (VETS, "fees yesterday vs the same day last month", "2026-02-14"),
    (VETS, "fees yesterday vs same day last year", "2025-03-14"),
])
def test_the_same_day_after_a_day_is_that_day_a_unit_back(model, text, back):
    got = parsed(model, text).understanding.as_json()
    assert got["intent"] == "compare"
    assert got["time"]["start"] == got["time"]["end"] == "2026-03-14"
    assert got["compare_to"] == {"start": back, "end": back}


@pytest.mark.parametrize("model", [TEAS, BIKES])
def test_the_same_day_last_year_after_a_days_answer_is_that_day_a_year_back(model):
    """The contract's "same period last year": whatever period the answer before was about, a year back."""
    first = parsed(model, f"{model.measures[0]} yesterday").understanding
    got = parse("compared to the same day last year?", model=model, as_of=AS_OF, context=first).understanding
    assert (got.intent, got.measure) == ("compare", first.measure)
    assert got.as_json()["compare_to"] == {"start": "2025-03-14", "end": "2025-03-14"}


@pytest.mark.parametrize(("model", "text"), [
    (TEAS, "takings same day last week"), (BIKES, "rentals same day last week?"),
    (VETS, "fees vs the same day last week"),
])
def test_the_same_day_with_no_day_said_is_asked_back(model, text):
    got = parsed(model, text)
    assert got.understanding.intent == "clarify"
    assert "same day last week" in got.clarification
    assert any("yesterday vs the same day last week" in s for s in got.suggestions)


@pytest.mark.parametrize(("model", "text"), [
    (TEAS, "number of days with no covers"), (BIKES, "how many days did we have no rentals"),
    (VETS, "number of weeks without surgery"), (BIKES, "count of days with zero rentals at harbour"),
])
def test_a_count_of_periods_by_a_condition_is_asked_back(model, text):
    got = parsed(model, text)
    assert got.understanding.intent == "clarify"
    assert "can't count days, weeks or months by a condition" in got.clarification
    assert any("per day" in s for s in got.suggestions)


@pytest.mark.parametrize(("model", "text", "rows"), [
    (VETS, "which vet had the most surgeries in one week", "vets"),
    (BIKES, "which depot did the most rentals in a single day", "depots"),
    (TEAS, "what room had the highest takings in one month", "rooms"),
])
def test_a_member_ranked_within_its_best_single_period_is_asked_back(model, text, rows):
    got = parsed(model, text)
    assert got.understanding.intent == "clarify"
    assert f"can't rank {rows} by their best single" in got.clarification
    assert len(got.suggestions) == 2


@pytest.mark.parametrize(("model", "text", "group_by"), [
    (VETS, "which vet had the most visits last month", "vet"),
    (BIKES, "busiest day for rentals this year", "day"),
])
def test_rankings_over_a_period_still_rank(model, text, group_by):
    got = parsed(model, text).understanding.as_json()
    assert (got["intent"], got["group_by"]) == ("rank", group_by)


def test_a_member_named_same_day_is_no_day_compared():
    slots = company(version="slots-pw1", columns=("orders",), dimensions={"slot": ("Same Day", "Next Week")},
                    first_date=date(2025, 1, 1), last_date=AS_OF)
    got = parsed(slots, "orders that were same day last week")
    assert got.clarification is None or "Which day" not in got.clarification


def test_rankings_over_last_month_keep_it():
    got = parsed(TEAS, "which room had the most covers last month").understanding.as_json()
    assert got["time"] == LAST_MONTH


@pytest.mark.parametrize(("model", "text", "measure", "member"), [
    (VETS, "which vet had the most surgeries last month", "visits", "Surgery"),
    (BIKES, "which depot had the most tandems this year", "rentals", "Tandem"),
])
def test_a_member_plural_ranked_is_counted_never_the_money_measure(model, text, measure, member):
    got = parsed(model, text).understanding.as_json()
    assert (got["intent"], got["measure"], got["subject"]["value"]) == ("rank", measure, member)


def test_a_member_plural_ranked_with_several_counts_is_asked_back():
    clinics = company(version="clinics-pw1", columns=("billing", "appointments", "referrals"),
                      dimensions={"clinic": ("North", "South"), "treatment": ("Filling", "Crown")},
                      first_date=date(2025, 1, 1), last_date=AS_OF)
    got = parsed(clinics, "which clinic did the most fillings last month")
    assert got.understanding.intent == "clarify"
    assert "appointments" in got.clarification and "referrals" in got.clarification
