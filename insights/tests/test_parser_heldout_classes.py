"""Classes two fresh held-out sets found (issue 13), each over more than one data shape: "per X" where the
data cannot count X, period shorthand the contract does not define, members named like dates, and
members summed by "combined" beside a verb of selling."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from metrics.semantic import SemanticModel

AS_OF = date(2025, 11, 18)


def _model(version: str, measures: tuple[str, ...], dimensions: dict[str, tuple[str, ...]]) -> SemanticModel:
    return company(version=version, columns=measures, dimensions=dimensions,
                   first_date=date(2023, 1, 2), last_date=date(2025, 11, 16))


WHOLESALE = _model("wholesale-1", ("net_sales", "cases", "returns"), {
    "depot": ("Albany", "Dayton"), "customer_type": ("Grocery", "Restaurant"), "sales_rep": ("Art", "Don", "Sue"),
})
RETAIL = _model("retail-1", ("revenue", "units"), {
    "store_type": ("Mall", "Outlet"), "region": ("North", "South"), "account_manager": ("Grace", "Frank", "Will"),
})
COURSES = _model("courses-1", ("enrolments", "completions", "revenue"), {
    "level": ("Beginner", "Advanced"), "cohort_month": ("2024-04", "2024-05", "2024-06"),
})
LAUNCHES = _model("launches-1", ("revenue", "units"), {
    "region": ("North", "South"), "launch_week": ("2024-W05", "2024-W06"),
})


def read(text: str, model: SemanticModel) -> dict:
    got = parse(text, model=model, as_of=AS_OF)
    return {**got.understanding.as_json(), "clarification": got.clarification}


LOOSE_PER = [
    ("net sales per customer last month", WHOLESALE, "per customer"),
    ("revenue per store this year", RETAIL, "per store"),
    ("average cases per customr in July", WHOLESALE, "per customr"),
]


@pytest.mark.parametrize(("text", "model", "said"), LOOSE_PER, ids=[t for t, *_ in LOOSE_PER])
def test_per_something_the_data_cannot_count_is_asked_back_saying_what_it_holds(text, model, said):
    got = read(text, model)
    assert got["intent"] == "clarify"
    assert f"“{said}”" in got["clarification"]
    assert "your data holds" in got["clarification"]


EXACT_PER = [
    ("net sales per customer type last month", WHOLESALE, "customer_type"),
    ("net sales per depot last month", WHOLESALE, "depot"),
    ("revenue per store type this year", RETAIL, "store_type"),
    ("units per region last quarter", RETAIL, "region"),
]


@pytest.mark.parametrize(("text", "model", "per"), EXACT_PER, ids=[t for t, *_ in EXACT_PER])
def test_per_a_dimension_the_data_has_keeps_its_meaning(text, model, per):
    got = read(text, model)
    assert (got["intent"], got["per"], got["group_by"]) == ("value", per, None)


# "l30d", "p3m" are last / past N days or months (insights/tests/test_people_and_short_spans.py); a shorthand
# with no unit, or of the future, names no period of the contract's.
SHORTHAND = [
    ("completions r12", COURSES, "r12"),
    ("enrolments n30d", COURSES, "n30d"),
]


@pytest.mark.parametrize(("text", "model", "said"), SHORTHAND, ids=[t for t, *_ in SHORTHAND])
def test_period_shorthand_the_contract_does_not_define_is_asked_back_never_dropped(text, model, said):
    got = read(text, model)
    assert got["intent"] == "clarify"
    assert f"“{said}”" in got["clarification"]


@pytest.mark.parametrize("text", ["enrolments ttm", "enrolments trailing 12 months", "enrolments t12m"])
def test_trailing_twelve_months_stays_defined(text):
    got = read(text, COURSES)
    assert (got["intent"], got["time"]["start"], got["time"]["end"]) == ("value", "2024-11-01", "2025-10-31")


DATED_MEMBERS = [
    ("total completions ever from the 2024-05 cohort", COURSES, ("cohort_month", "2024-05"),
     ("2023-01-02", "2025-11-16")),
    ("completions from the 2024-06 cohort last month", COURSES, ("cohort_month", "2024-06"),
     ("2025-10-01", "2025-10-31")),
    ("revenue of the 2024-W05 launch last month", LAUNCHES, ("launch_week", "2024-W05"),
     ("2025-10-01", "2025-10-31")),
]


@pytest.mark.parametrize(("text", "model", "member", "period"), DATED_MEMBERS, ids=[t for t, *_ in DATED_MEMBERS])
def test_a_member_named_like_a_date_beside_its_dimensions_word_is_the_member(text, model, member, period):
    got = read(text, model)
    assert got["intent"] == "value"
    assert (got["subject"]["dimension"], got["subject"]["value"]) == member
    assert (got["time"]["start"], got["time"]["end"]) == period
    assert got["compare_to"] is None


def test_the_dimensions_word_alone_groups_by_it():
    got = read("completions by cohort last quarter", COURSES)
    assert (got["intent"], got["group_by"]) == ("breakdown", "cohort_month")


SUMMED = [
    ("how many cases did Art and Don sell combined in July", WHOLESALE, "cases", ("sales_rep", ["Art", "Don"])),
    ("how many units did Grace and Frank sell together last month", RETAIL, "units",
     ("account_manager", ["Frank", "Grace"])),
]


@pytest.mark.parametrize(("text", "model", "measure", "members"), SUMMED, ids=[t for t, *_ in SUMMED])
def test_members_summed_beside_a_verb_of_selling_are_one_value(text, model, measure, members):
    got = read(text, model)
    dimension, names = members
    assert (got["intent"], got["measure"], got["group_by"]) == ("value", measure, None)
    assert sorted(got["filters"][dimension]) == sorted(names)


def test_a_verb_of_selling_with_a_measure_named_does_not_ask_for_revenue():
    got = read("how many cases did Sue sell in July", WHOLESALE)
    assert (got["intent"], got["measure"], got["subject"]) == ("value", "cases", {"dimension": "sales_rep",
                                                                                  "value": "Sue"})


def test_a_verb_of_selling_alone_asks_for_the_default_money_measure_without_revenue():
    # contract v2: no measure said is the default measure, the dataset's first where there is no revenue
    got = read("how much did Sue sell in July", WHOLESALE)
    assert (got["intent"], got["measure"]) == ("value", "net_sales")


@pytest.mark.parametrize(("text", "model", "member"), [("completions in 2024-05", COURSES, "2024-05 (cohort month)"),
                                                      ("units in 2024-W06", LAUNCHES, "2024-W06 (launch week)")])
def test_a_member_named_like_a_date_with_nothing_beside_it_is_asked_back(text, model, member):
    got = read(text, model)
    assert got["intent"] == "clarify"
    assert member in got["clarification"]


def test_a_year_that_only_begins_a_dated_member_is_the_year():
    got = read("revenue in 2024", COURSES)
    assert (got["intent"], got["time"]["start"], got["time"]["end"], got["subject"]) == (
        "value", "2024-01-01", "2024-12-31", None)
