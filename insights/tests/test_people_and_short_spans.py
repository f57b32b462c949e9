"""People named by part of their name, "who", "X over X" and short spans (contract v2: "Members", "Honesty",
"Resolving time").

- A first or last name of one member of a dimension of people ("hannah" of Hannah Lee, a rep) names that member
  where the question says a name (a possessive, "for …", "how is … doing", "did … sell"); shared by two members it
  is asked back naming both. A first name that is also an everyday word ("will", "may") is the word unless the
  question says a name there, and a possessive or a name's place is never the auxiliary verb.
- "who" with no dimension said is the dimension of people, where the data has exactly one.
- "week over week" (qoq, dod …) with no period said compares the last whole week (quarter, day) with the one before.
- "last 30d", "l30d", "past 2wks", "t12m" are the contract's last N days / weeks / months; "12m" before a target
  is money.

The companies are made up: a reseller whose reps are "First Last", a salon whose stylists are named so only by
their members' shape (no person's noun in the dimension's name), and a clinic with two dimensions of people.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import conversation, members
from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.people import name_parts, of_people

AS_OF = date(2025, 12, 1)
RESELLER = company(version="e1-reseller", columns=("revenue", "units", "orders"), dimensions={
    "region": ("North", "South", "East", "West"), "channel": ("Online", "Retail", "Wholesale"),
    "product": ("Widget Pro", "Widget Max", "Gadget", "Gizmo Mini"),
    "rep": ("Hannah Lee", "Will Turner", "May Chen", "Jordan Park", "Jordan Diaz"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 11, 30))
SALON = company(version="e1-salon", columns=("revenue", "appointments"), dimensions={
    "team": ("Priya Shah", "Grace Okafor", "Tomas Lindqvist", "Bill Moreno"), "service": ("Cut", "Colour", "Blowdry"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 11, 30))
CLINIC = company(version="e1-clinic", columns=("revenue", "visits"), dimensions={
    "doctor": ("Ana Ruiz", "Ben Cole"), "nurse": ("Cara Fox", "Dev Nair"), "site": ("Uptown", "Riverside"),
}, first_date=date(2023, 1, 1), last_date=date(2025, 11, 30))


def ask(text: str, model=RESELLER, *context: str) -> dict:
    return conversation(*context, text, model=model, as_of=AS_OF)


def clarification(text: str, model=RESELLER) -> str:
    return parse(text, model=model, as_of=AS_OF).clarification or ""


@pytest.mark.parametrize(("text", "model", "member"), [
    ("revenue for hannah last month", RESELLER, "Hannah Lee"),
    ("hannah's revenue", RESELLER, "Hannah Lee"),
    ("how is hannah doing this yr", RESELLER, "Hannah Lee"),
    ("hanna's revenue", RESELLER, "Hannah Lee"),  # a typo, in a possessive
    ("what did chen sell in q3", RESELLER, "May Chen"),  # a last name
    ("lee's orders last month", RESELLER, "Hannah Lee"),
    ("how did priya do last quarter", SALON, "Priya Shah"),
    ("appointments for tomas in october", SALON, "Tomas Lindqvist"),
])
def test_a_first_or_last_name_of_one_person_names_them(text, model, member):
    got = ask(text, model)
    assert got["intent"] != "clarify", got
    dimension = next(d for d, ms in model.dimensions.items() if member in ms)
    assert members(got) == {dimension: [member]}


def test_a_first_name_two_people_share_is_asked_back_naming_both():
    said = clarification("revenue for jordan last month")
    assert "Jordan Park" in said and "Jordan Diaz" in said
    assert ask("how much did jordan sell last month")["intent"] == "clarify"


@pytest.mark.parametrize(("text", "model", "member"), [
    ("will's orders in q3", RESELLER, "Will Turner"),
    ("how did will do last month", RESELLER, "Will Turner"),
    ("revenue for will", RESELLER, "Will Turner"),
    ("may's units last quarter", RESELLER, "May Chen"),
    ("how did may do in q3", RESELLER, "May Chen"),
    ("grace's revenue last month", SALON, "Grace Okafor"),
    ("how did bill do in october", SALON, "Bill Moreno"),
])
def test_an_everyday_word_is_a_first_name_where_the_question_says_a_name(text, model, member):
    got = ask(text, model)
    assert got["intent"] not in ("clarify", "out_of_scope"), got
    dimension = next(d for d, ms in model.dimensions.items() if member in ms)
    assert members(got) == {dimension: [member]}


def test_a_possessive_is_never_the_auxiliary_verb():
    got = ask("will's orders in q3")
    assert (got["intent"], got["measure"], got["time"]["start"], got["time"]["end"]) == (
        "value", "orders", "2025-07-01", "2025-09-30")


@pytest.mark.parametrize(("text", "start", "end"), [
    ("orders in may", "2025-05-01", "2025-05-31"),
    ("may revenue", "2025-05-01", "2025-05-31"),
])
def test_the_month_stays_the_month(text, start, end):
    got = ask(text)
    assert (got["intent"], got["time"]["start"], got["time"]["end"], members(got)) == ("value", start, end, {})


def test_the_modal_stays_the_modal():
    assert "what will happen" in clarification("revenue will be higher next month")
    assert "what will happen" in clarification("will revenue grow next quarter")
    assert "what will happen" in clarification("revenue may drop next month")


def test_a_follow_up_names_a_person_by_first_name():
    assert members(ask("and will?", RESELLER, "hannah's revenue last month")) == {"rep": ["Will Turner"]}
    assert ask("and jordan?", RESELLER, "hannah's revenue last month")["intent"] == "clarify"


def test_a_first_name_that_is_a_month_alone_is_asked_back():
    said = clarification("sales for may")
    assert "May 2025" in said and "May Chen" in said
    assert members(ask("how many orders did may close in april")) == {"rep": ["May Chen"]}


def test_a_name_left_out_is_everyone_else():
    got = ask("revenue excluding hannah last month")
    assert members(got) == {"rep": ["Jordan Diaz", "Jordan Park", "May Chen", "Will Turner"]}


def test_a_name_beside_another_person_of_the_list_is_a_name():
    got = ask("who sold more, hannah or will")
    assert members(got) == {"rep": ["Hannah Lee", "Will Turner"]}


def test_only_dimensions_of_people_lend_their_parts():
    assert of_people("rep", ()) and of_people("account_manager", ()) and of_people("team", SALON.dimensions["team"])
    assert not of_people("product", RESELLER.dimensions["product"])
    assert not of_people("store", ("Harbour Point", "Market Street", "Bay View", "Sunset Strip"))
    assert "widget" not in name_parts(RESELLER.dimensions)
    got = ask("revenue for widget last month")
    assert got["intent"] == "clarify"


@pytest.mark.parametrize(("text", "measure", "limit"), [
    ("who sold the most last month", "revenue", 1),
    ("who had the most orders last month", "orders", 1),
    ("who were the top 3 sellers in q3", "revenue", 3),
])
def test_who_is_the_dimension_of_people(text, measure, limit):
    got = ask(text)
    assert (got["intent"], got["group_by"], got["measure"], got["limit"]) == ("rank", "rep", measure, limit)


def test_who_with_two_dimensions_of_people_is_asked_which():
    got = ask("who had the most visits last month", CLINIC)
    assert got["intent"] == "clarify"
    said = clarification("who had the most visits last month", CLINIC)
    assert "doctor" in said and "nurse" in said


@pytest.mark.parametrize("text", [
    "who is our best customer",
    "who are our top customers this yr",
    "who's our biggest client",
])
def test_who_of_people_the_data_has_no_dimension_of_is_asked_back(text):
    # reps are no customers: naming the top rep would answer a different question
    got = ask(text)
    assert got["intent"] == "clarify"
    assert got["group_by"] is None


def test_who_is_the_top_one_of_the_people_there_are():
    got = ask("who is our top rep")
    assert (got["intent"], got["group_by"], got["limit"]) == ("rank", "rep", 1)


@pytest.mark.parametrize("text", ["who was our best rep last qtr", "best rep last qtr", "our top rep in q3"])
def test_an_everyday_word_before_the_peoples_noun_is_english_even_where_it_is_a_name(text):
    model = company(version="e1-best", columns=("revenue", "units"), dimensions={
        "region": ("North", "South"), "rep": ("Sam Best", "Ana Top", "Ben Cole", "Priya Shah"),
    }, first_date=date(2023, 1, 1), last_date=date(2025, 11, 30))
    got = ask(text, model)
    assert (got["intent"], got["group_by"], got["filters"]) == ("rank", "rep", {})


def test_who_of_a_relative_clause_asks_about_nobody():
    got = ask("orders from customers who bought online last month")
    assert got["group_by"] is None


@pytest.mark.parametrize(("text", "time", "compare_to"), [
    ("week over week orders", ("2025-11-24", "2025-11-30"), ("2025-11-17", "2025-11-23")),
    ("orders wow", ("2025-11-24", "2025-11-30"), ("2025-11-17", "2025-11-23")),
    ("wk over wk revenue", ("2025-11-24", "2025-11-30"), ("2025-11-17", "2025-11-23")),
    ("qoq revenue", ("2025-07-01", "2025-09-30"), ("2025-04-01", "2025-06-30")),
    ("dod orders", ("2025-11-30", "2025-11-30"), ("2025-11-29", "2025-11-29")),
    ("day over day revenue", ("2025-11-30", "2025-11-30"), ("2025-11-29", "2025-11-29")),
    ("revenue mom", ("2025-11-01", "2025-11-30"), ("2025-10-01", "2025-10-31")),
    ("qoq revenue in q2", ("2025-04-01", "2025-06-30"), ("2025-01-01", "2025-03-31")),
])
def test_x_over_x_names_the_grain_of_the_periods_compared(text, time, compare_to):
    got = ask(text)
    assert got["intent"] == "compare"
    assert (got["time"]["start"], got["time"]["end"]) == time
    assert (got["compare_to"]["start"], got["compare_to"]["end"]) == compare_to


def test_x_over_x_as_a_follow_up_names_its_own_grain():
    got = ask("wow?", RESELLER, "revenue last month")
    assert (got["intent"], got["time"]["start"], got["compare_to"]["start"]) == ("compare", "2025-11-24",
                                                                                 "2025-11-17")
    got = ask("qoq?", RESELLER, "revenue in q3")
    assert (got["time"]["start"], got["compare_to"]["start"]) == ("2025-07-01", "2025-04-01")


@pytest.mark.parametrize(("text", "start", "end"), [
    ("units last 30d", "2025-11-02", "2025-12-01"),
    ("l30d revenue", "2025-11-02", "2025-12-01"),
    ("last 7d orders", "2025-11-25", "2025-12-01"),
    ("l7d units", "2025-11-25", "2025-12-01"),
    ("past 90d units", "2025-09-03", "2025-12-01"),
    ("last 2wks orders", "2025-11-17", "2025-11-30"),
    ("rolling 4w orders", "2025-11-03", "2025-11-30"),
    ("revenue last 3mos", "2025-09-01", "2025-11-30"),
    ("p3m units", "2025-09-01", "2025-11-30"),
    ("l12m revenue", "2024-12-01", "2025-11-30"),
    ("trailing 12m revenue", "2024-12-01", "2025-11-30"),
    ("t12m revenue", "2024-12-01", "2025-11-30"),
    ("revenue past 2q", "2025-04-01", "2025-09-30"),
    ("units last 2yrs", "2023-01-01", "2024-12-31"),
    ("revenue last 30 d", "2025-11-02", "2025-12-01"),
    ("revenue 30d", "2025-11-02", "2025-12-01"),
    ("orders 4w", "2025-11-03", "2025-11-30"),
    ("units the past fortnight", "2025-11-17", "2025-11-30"),
    ("revenue last couple weeks", "2025-11-17", "2025-11-30"),
    ("revenue 30d ago", "2025-11-01", "2025-11-01"),
])
def test_a_short_span_is_the_contracts_last_n(text, start, end):
    got = ask(text)
    assert (got["intent"], got["time"]["start"], got["time"]["end"]) == ("value", start, end)


def test_twelve_m_before_a_target_is_money():
    got = ask("12m rev target")
    assert (got["intent"], got["target"], got["time"]["start"], got["time"]["end"]) == (
        "pace", 12_000_000, "2025-01-01", "2025-12-31")


def test_a_shorthand_of_the_future_is_still_asked_back():
    assert "n30d" in clarification("n30d revenue")
    assert "what will happen" in clarification("revenue next 30d")


@pytest.mark.parametrize(("text", "said"), [
    ("orders last few days", "last few days"),
    ("revenue last several months", "last several months"),
    ("revenue 90 days", "90 days"),
    ("revenue first 30d of q3", "30d"),
])
def test_a_length_of_time_no_rule_places_is_asked_back_never_dropped(text, said):
    assert ask(text)["intent"] == "clarify"
    assert f"“{said}”" in clarification(text)


def test_the_span_before_is_the_comparison():
    got = ask("compared to the 30 days before?", RESELLER, "revenue last 30 days")
    assert (got["intent"], got["compare_to"]["start"], got["compare_to"]["end"]) == ("compare", "2025-10-03",
                                                                                     "2025-11-01")


def test_periods_ranked_by_count_are_no_span():
    got = ask("top 3 months by revenue")
    assert (got["intent"], got["group_by"], got["limit"]) == ("rank", "month", 3)
