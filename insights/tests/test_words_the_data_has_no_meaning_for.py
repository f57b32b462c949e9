"""Words the data has no meaning for are asked back, never answered with a number for another question (contract
v2, "Honesty"): a noun where the figure goes that names no measure ("whats occupancy at …"), "which <noun>"
where no dimension holds that noun (even when it is a measure's word), a qualifier that picks members no word
of the data names ("just for our big accounts"), "<x> ratio" with no second measure, and a number said with a
dimension of numbers that is none of its members ("the 2018 vintage"). What the data does name is answered.

The companies are shaped like none of the eval sets: a marina with berths and boat classes, a bakery chain with
stores, a recruitment agency, and a cheese maker whose batches are numbered by year."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation
from insights.tests.models import company
from insights.understanding.parser import parse

AS_OF = date(2026, 3, 18)
MARINA = company(version="marina-w1", columns=("mooring_fees", "nights_moored", "visitors"), dimensions={
    "pontoon": ("North Arm", "South Arm", "Fuel Dock"), "boat_class": ("Yacht", "Motor", "Dinghy"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 3, 17))
BAKERY = company(version="bakery-w1", columns=("revenue", "loaves", "new_members"), dimensions={
    "store": ("Leith", "Morningside", "Stockbridge"), "category": ("Bread", "Pastry", "Cakes"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 3, 17))
RECRUITER = company(version="recruiter-w1", columns=("placements", "fees_billed", "interviews"), dimensions={
    "desk": ("Finance", "Tech", "Legal"), "office": ("Bristol", "Cardiff"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 3, 17))
CHEESE = company(version="cheese-w1", columns=("wheels_sold", "sales_value"), dimensions={
    "batch_year": ("2021", "2022", "2023"), "cheese": ("Cheddar", "Stilton", "Brie"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 3, 17))


def _measures_listed(model, clarification: str | None) -> bool:
    return all(model.measure(m).label.lower() in (clarification or "") for m in model.measures)


@pytest.mark.parametrize(("model", "text"), [
    (MARINA, "whats occupancy at the north arm this week?"),
    (MARINA, "what was utilisation last month"),
    (MARINA, "whats our adr last month?"),
    (MARINA, "occupancy by pontoon last quarter"),
    (BAKERY, "what's footfall at leith this week"),
    (BAKERY, "show me waste by store"),
    (RECRUITER, "what was attrition in bristol last year?"),
    (RECRUITER, "whats the headcount for the tech desk"),
    (MARINA, "whats our yield on the north arm this yr"),
    (BAKERY, "what's the footfall on leith last month"),
])
def test_a_noun_where_the_figure_goes_that_names_no_measure_lists_the_measures(model, text):
    parsed = parse(text, model=model, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify", text
    assert _measures_listed(model, parsed.clarification), parsed.clarification


@pytest.mark.parametrize(("model", "text", "measure"), [
    (MARINA, "whats visitors at the north arm this week?", "visitors"),
    (BAKERY, "what was revenue at leith last month", "revenue"),
    (RECRUITER, "show me placements by desk", "placements"),
])
def test_a_measure_where_the_figure_goes_is_answered(model, text, measure):
    parsed = parse(text, model=model, as_of=AS_OF)
    assert parsed.understanding.intent != "clarify"
    assert parsed.understanding.measure == measure


@pytest.mark.parametrize(("model", "turns"), [
    (MARINA, ("mooring fees per visitor by pontoon last month", "which visitor spent the most?")),
    (MARINA, ("which visitor paid the most mooring fees last month?",)),
    (BAKERY, ("loaves by store last month", "which member bought the most loaves?")),
    (BAKERY, ("which customer bought the most pastry last month",)),
    (RECRUITER, ("placements by desk in 2025", "which candidate got the most interviews?")),
])
def test_which_noun_no_dimension_holds_is_asked_back_not_ranked_by_another(model, turns):
    got = conversation(*turns, model=model, as_of=AS_OF)
    assert got["intent"] == "clarify", turns


@pytest.mark.parametrize(("model", "turns", "group_by"), [
    (MARINA, ("mooring fees by pontoon last month", "which pontoon had the most visitors?"), "pontoon"),
    (BAKERY, ("which store sold the most loaves last month",), "store"),
    (RECRUITER, ("which month had the most placements in 2025?",), "month"),
])
def test_which_noun_of_a_dimension_or_period_is_ranked(model, turns, group_by):
    got = conversation(*turns, model=model, as_of=AS_OF)
    assert (got["intent"], got["group_by"]) == ("rank", group_by)


@pytest.mark.parametrize(("model", "turns"), [
    (BAKERY, ("how are we doing this month", "and last month?", "and just for our big accounts?")),
    (BAKERY, ("revenue for key clients last month",)),
    (BAKERY, ("revenue at our flagship stores last month",)),
    (RECRUITER, ("placements for top-tier clients in 2025",)),
    (MARINA, ("visitors from repeat customers last month",)),
])
def test_a_qualifier_naming_no_member_is_a_filter_asked_back(model, turns):
    got = conversation(*turns, model=model, as_of=AS_OF)
    assert got["intent"] == "clarify", turns


@pytest.mark.parametrize(("model", "text", "intent"), [
    (BAKERY, "revenue for all stores last month", "breakdown"),
    (BAKERY, "revenue at our top stores last month", "rank"),
    (BAKERY, "how many active stores did we have last month", "count"),
    (BAKERY, "revenue at leith stores last month", "value"),
])
def test_a_filter_of_named_or_all_members_is_answered(model, text, intent):
    assert parse(text, model=model, as_of=AS_OF).understanding.intent == intent


@pytest.mark.parametrize(("model", "text"), [
    (RECRUITER, "whats the placements ratio in bristol then"),
    (RECRUITER, "interviews ratio by desk last year"),
    (MARINA, "what was the visitors ratio last month"),
])
def test_a_ratio_of_one_measure_asks_for_the_second(model, text):
    parsed = parse(text, model=model, as_of=AS_OF)
    assert parsed.understanding.intent == "clarify"
    assert parse(parsed.suggestions[0], model=model, as_of=AS_OF).understanding.per is not None


def test_a_ratio_of_two_measures_divides_one_by_the_other():
    got = parse("placements to interviews ratio last year", model=RECRUITER, as_of=AS_OF).understanding
    assert (got.intent, got.measure, got.per) == ("value", "placements", "interviews")


@pytest.mark.parametrize("turns", [
    ("2021 batch year vs 2022 batch year wheels sold in 2025", "and the 2019 batch year?"),
    ("wheels sold of the 2018 batch year in 2025",),
    ("batch year 2024 sales value last year",),
])
def test_a_number_beside_a_dimension_of_numbers_that_is_none_of_them_names_the_members(turns):
    previous = None
    for text in turns:
        parsed = parse(text, model=CHEESE, as_of=AS_OF, context=previous)
        previous = parsed.understanding
    assert parsed.understanding.intent == "clarify"
    assert all(year in (parsed.clarification or "") for year in CHEESE.dimensions["batch_year"])


def test_a_number_beside_a_dimension_of_numbers_that_is_one_of_them_is_that_member():
    got = parse("wheels sold of the 2022 batch year in 2025", model=CHEESE, as_of=AS_OF).understanding
    assert got.intent != "clarify"
    assert got.constraints == {"batch_year": ("2022",)}


@pytest.mark.parametrize(("text", "limit"), [
    ("top 2 batch years by wheels sold in 2025", 2),
    ("which 2 batch years sold the most wheels last year", 2),
])
def test_a_limit_before_a_dimension_of_numbers_is_no_member(text, limit):
    got = parse(text, model=CHEESE, as_of=AS_OF).understanding
    assert (got.intent, got.group_by, got.limit) == ("rank", "batch_year", limit)


def test_thanks_opening_a_follow_up_is_no_figure():
    got = conversation("loaves at leith last month", "thx! and for morningside?", model=BAKERY, as_of=AS_OF)
    assert (got["intent"], got["measure"]) == ("value", "loaves")
