""""since we started", "since the beginning", "all time", "since launch", "on record": the dataset's first to
last date (contract v2, "Resolving time"), also when the as-of date falls before the data's last date (the
data is what was on record); "since the start of the year" is the year, not the data's start.

The companies are shaped like none of the eval sets: a climbing gym and a seed library."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse

GYM = company(version="gym-s1", columns=("day_passes", "memberships"), dimensions={
    "wall": ("Boulder Cave", "Lead Tower"), "plan": ("Student", "Adult"),
}, first_date=date(2022, 5, 1), last_date=date(2025, 8, 31))
SEEDS = company(version="seeds-s1", columns=("loans", "donations"), dimensions={
    "branch": ("Eastfield", "Millbrook"), "crop": ("Tomato", "Squash"),
}, first_date=date(2023, 2, 1), last_date=date(2025, 10, 31))
EVERY_PHRASE = ["since we started", "since the beginning", "of all time", "since launch", "on record",
                "since we opened", "since day one", "from the very start", "since records began", "all-time"]


def understood(text: str, *, model, as_of: date) -> dict:
    return parse(text, model=model, as_of=as_of).understanding.as_json()


@pytest.mark.parametrize("phrase", EVERY_PHRASE)
@pytest.mark.parametrize(("model", "measure", "as_of"), [
    (GYM, "day_passes", date(2025, 3, 1)),  # as of a day inside the data
    (SEEDS, "loans", date(2025, 12, 9)),  # as of a day after it
])
def test_the_whole_history_is_the_data_first_to_last_date(phrase, model, measure, as_of):
    got = understood(f"total {measure.replace('_', ' ')} {phrase}", model=model, as_of=as_of)
    assert (got["intent"], got["measure"]) == ("value", measure)
    assert (got["time"]["start"], got["time"]["end"]) == (model.first_date.isoformat(), model.last_date.isoformat())


@pytest.mark.parametrize("text", ["loans since the start of the year", "loans since the beginning of march",
                                  "loans from the start of 2024", "loans since the beginning of q4 2024"])
def test_the_start_of_a_named_period_is_no_start_of_the_data(text):
    got = understood(text, model=SEEDS, as_of=date(2025, 3, 1))
    # that period from its start, or a question back about it: never the whole history
    assert got["time"] is None or got["time"]["start"] != SEEDS.first_date.isoformat()


def test_a_ranking_on_record_spans_the_data_too():
    got = understood("best month on record for memberships", model=GYM, as_of=date(2025, 3, 1))
    assert (got["intent"], got["group_by"]) == ("rank", "month")
    assert (got["time"]["start"], got["time"]["end"]) == ("2022-05-01", "2025-08-31")
