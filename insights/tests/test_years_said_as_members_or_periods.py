"""Members named like years (a model year, a cohort): where the year is said tells the member from the period.

- A year alone after a time preposition is the period, also in a follow-up to an answer about that year's
  dimension ("how many model years did we sell in 2025?", "and in 2024?": the year 2024, no model year).
- A year just before another member or a measure ("2022 sedans", "2024 enrolments") in a question naming its
  period elsewhere ("… in 2025") is the member, however the year sits in the data's dates; a follow-up naming
  another member of its dimension replaces it ("and the 2023 model year?").
- A year with its dimension's word after a member of another dimension ("the 2022 welding cohort", "the hatchback
  2022 model year") is the member, with no split by the dimension.
- Said with no other period, a year the data has no dates in is still asked back, listing both readings.

Two made-up companies shaped like no eval set: a car dealer and a trade school.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import constraints, conversation, span
from insights.tests.models import company
from insights.understanding.parser import parse

CARS = company(
    version="cars-1", columns=("revenue", "units_sold", "test_drives"),
    dimensions={"model_year": ("2021", "2022", "2023", "2024", "2025"), "body": ("Sedan", "Hatchback", "Bakkie"),
                "showroom": ("Northgate", "Riverside")},
    first_date=date(2023, 1, 1), last_date=date(2025, 10, 31),
)
SCHOOL = company(
    version="school-1", columns=("fees", "enrolments"),
    dimensions={"cohort": ("2021", "2022", "2023", "2024"), "course": ("Welding", "Plumbing", "Carpentry")},
    first_date=date(2023, 1, 1), last_date=date(2025, 10, 31),
)
AS_OF = date(2025, 11, 10)
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}
YEAR_2025 = {"start": "2025-01-01", "end": "2025-12-31"}


def ask(*turns: str, model=CARS) -> dict:
    return conversation(*turns, model=model, as_of=AS_OF)


@pytest.mark.parametrize(("turns", "model", "group_by"), [
    (("how many model years did we sell in 2025?", "and in 2024?"), CARS, "model_year"),
    (("how many cohorts had fees in 2025?", "and in 2024?"), SCHOOL, "cohort"),
    (("enrolments by cohort in 2025", "and during 2024?"), SCHOOL, "cohort"),
])
def test_a_year_alone_after_a_time_preposition_is_the_period_after_an_answer_about_its_dimension(
        turns, model, group_by):
    got = ask(*turns, model=model)
    assert (got["group_by"], span(got["time"]), constraints(got)) == (group_by, YEAR_2024, {})


def test_a_year_kept_from_the_last_answer_is_still_the_member():
    got = ask("enrolments for cohort 2023 in 2025", "and in 2024?", model=SCHOOL)
    assert (span(got["time"]), constraints(got)) == (YEAR_2024, {"cohort": ["2023"]})


@pytest.mark.parametrize(("text", "model", "measure", "time", "members"), [
    ("how many 2022 sedans did we sell in 2024", CARS, "units_sold", YEAR_2024,
     {"model_year": ["2022"], "body": ["Sedan"]}),
    # a year the data has dates in is the member too, the period being said apart
    ("how many 2024 sedans did we sell in 2025", CARS, "units_sold", YEAR_2025,
     {"model_year": ["2024"], "body": ["Sedan"]}),
    ("revenue from 2021 hatchbacks last year", CARS, "revenue", YEAR_2024,
     {"model_year": ["2021"], "body": ["Hatchback"]}),
    ("2022 welding fees in 2024", SCHOOL, "fees", YEAR_2024, {"cohort": ["2022"], "course": ["Welding"]}),
    ("2024 enrolments this year", SCHOOL, "enrolments", {"start": "2025-01-01", "end": "2025-11-10"},
     {"cohort": ["2024"]}),
])
def test_a_year_before_another_member_or_a_measure_is_the_member_where_the_period_is_said_apart(
        text, model, measure, time, members):
    got = ask(text, model=model)
    assert (got["intent"], got["measure"], span(got["time"]), constraints(got)) == (
        "value", measure, time, members)


def test_years_listed_before_another_member_are_all_members():
    got = ask("2022 and 2023 sedans sold in 2025")
    assert (got["intent"], got["group_by"], span(got["time"]), constraints(got)) == (
        "breakdown", "model_year", YEAR_2025, {"model_year": ["2022", "2023"], "body": ["Sedan"]})


def test_a_year_compared_with_another_is_no_member():
    got = ask("sedan revenue 2024 vs 2023")
    assert (got["intent"], span(got["time"]), constraints(got)) == ("compare", YEAR_2024, {"body": ["Sedan"]})


def test_another_member_of_its_dimension_replaces_the_year_member_in_a_follow_up():
    got = ask("how many 2022 sedans did we sell in 2024", "and the 2023 model year?")
    assert (got["intent"], got["measure"], span(got["time"]), constraints(got)) == (
        "value", "units_sold", YEAR_2024, {"model_year": ["2023"], "body": ["Sedan"]})


@pytest.mark.parametrize(("text", "model", "members"), [
    ("fees from the 2022 welding cohort in 2024", SCHOOL, {"cohort": ["2022"], "course": ["Welding"]}),
    ("fees from the welding 2022 cohort in 2024", SCHOOL, {"course": ["Welding"], "cohort": ["2022"]}),
    ("revenue for the hatchback 2024 model year in 2024", CARS, {"body": ["Hatchback"], "model_year": ["2024"]}),
    ("revenue for the 2024 hatchback model year in 2024", CARS, {"model_year": ["2024"], "body": ["Hatchback"]}),
])
def test_a_year_with_its_dimensions_word_after_another_member_is_the_member(text, model, members):
    got = ask(text, model=model)
    assert (got["intent"], got["group_by"], span(got["time"]), constraints(got)) == (
        "value", None, YEAR_2024, members)


def test_a_year_before_a_member_with_no_period_said_and_no_dates_in_the_data_is_asked_back():
    reply = parse("how many 2022 sedans did we sell", model=CARS, as_of=AS_OF)
    assert reply.understanding.intent == "clarify"
    assert reply.suggestions == ("2022 (the year)", "2022 (model year)")
