"""Measure nouns beside measure verbs, last words of several measures, members named like years, and counts
asked anew inside a conversation.

- An explicit measure noun beats a verb that is another measure's word: "which dealer sold the most frames"
  asks for frames, however "sold" names units_sold ("sold" alone still does).
- A last word of two measures' names ("amount" of grant_amount and refund_amount) names both, so it is asked
  back listing them (contract v2), also before "for"; "what accounts for" is the verb.
- A member named like a year is that member beside its dimension's name ("the 2023 model year", "model year
  2023", "the 2022 and 2023 model years", "the 2023s"); a bare year the data has dates in is the year.
- A count that names what it counts and its period is a new question; a count or split by the dimension of
  the one member kept from before counts all of that dimension.

Two made-up companies shaped like no eval set: a bicycle maker and a payments firm.
"""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.asking import constraints, conversation, span
from insights.tests.models import company
from insights.understanding.parser import parse

BIKES = company(
    version="bikes-1", columns=("revenue", "units_sold", "orders", "frames", "parts_shipped", "invoiced"),
    dimensions={"dealer": ("Velo Works", "Pedal Point", "Spoke House"),
                "model_year": ("2021", "2022", "2023", "2024"), "line": ("Road", "Gravel", "City")},
    first_date=date(2022, 1, 1), last_date=date(2025, 6, 30),
)
FEES = company(
    version="fees-1", columns=("revenue", "grant_amount", "refund_amount", "card_fees", "platform_fees",
                               "new_accounts", "closed_accounts"),
    dimensions={"channel": ("Online", "Phone"), "region": ("North", "South")},
    first_date=date(2022, 1, 1), last_date=date(2025, 6, 30),
)
AS_OF = date(2025, 7, 10)
LAST_YEAR = {"start": "2024-01-01", "end": "2024-12-31"}
YEAR_2023 = {"start": "2023-01-01", "end": "2023-12-31"}
LAST_MONTH = {"start": "2025-06-01", "end": "2025-06-30"}


def ask(*turns: str, model=BIKES) -> dict:
    return conversation(*turns, model=model, as_of=AS_OF)


@pytest.mark.parametrize(("text", "measure"), [
    ("which dealer sold the most frames last year", "frames"),
    ("which dealer shipped the most frames last year", "frames"),
    ("how many orders did velo works sell in march 2025", "orders"),
    ("frames sold by dealer last month", "frames"),
    ("how many frames were shipped to pedal point last month", "frames"),
    ("which dealer sold the most last year", "units_sold"),  # the verb alone names its measure
    ("parts shipped by dealer last month", "parts_shipped"),
])
def test_a_measure_noun_beats_another_measures_verb(text, measure):
    got = ask(text)
    assert got["intent"] != "clarify"
    assert (got["measure"], got["also"]) == (measure, [])


def test_the_noun_chosen_over_the_verb_is_kept_by_a_follow_up():
    got = ask("which dealer sold the most frames last year", "and the least?")
    assert (got["intent"], got["measure"], got["order"], span(got["time"])) == ("rank", "frames", "asc", LAST_YEAR)


@pytest.mark.parametrize(("text", "measure", "also"), [
    ("units sold and orders by dealer last month", "units_sold", ["orders"]),
    ("invoiced and frames by dealer last month", "invoiced", ["frames"]),  # a column called by a verb form
])
def test_two_measures_named_by_nouns_are_both_asked_for(text, measure, also):
    got = ask(text)
    assert (got["measure"], got["also"]) == (measure, also)


@pytest.mark.parametrize(("text", "options"), [
    ("total amount for online last quarter?", {"Grant amount", "Refund amount"}),
    ("amounts by region last month", {"Grant amount", "Refund amount"}),
    ("fees for the north last month", {"Card fees", "Platform fees"}),
])
def test_a_last_word_of_two_measures_is_asked_back_listing_them(text, options):
    reply = parse(text, model=FEES, as_of=AS_OF)
    assert reply.understanding.intent == "clarify"
    assert set(reply.suggestions) == options


def test_a_verb_said_with_for_names_no_measure():
    got = ask("what accounts for the drop last month", model=FEES)
    assert (got["intent"], got["measure"]) == ("drivers", "revenue")


@pytest.mark.parametrize(("text", "intent", "time", "members"), [
    ("how did the 2023 model year road bikes do in 2024 vs 2023", "compare", LAST_YEAR,
     {"model_year": ["2023"], "line": ["Road"]}),
    ("road revenue for model year 2023 in 2024 vs 2023", "compare", LAST_YEAR,
     {"line": ["Road"], "model_year": ["2023"]}),
    ("road revenue in 2024 vs 2023", "compare", LAST_YEAR, {"line": ["Road"]}),
    ("revenue of the 2022 and 2023 model years in 2024", "value", LAST_YEAR, {"model_year": ["2022", "2023"]}),
    ("2022 model year vs 2023 bikes in 2024", "breakdown", LAST_YEAR, {"model_year": ["2022", "2023"]}),
    ("units sold of the 2023s in 2023", "value", YEAR_2023, {"model_year": ["2023"]}),
])
def test_a_year_beside_its_dimensions_name_is_the_member_and_a_bare_one_the_year(text, intent, time, members):
    got = ask(text)
    assert (got["intent"], span(got["time"]), constraints(got)) == (intent, time, members)


def test_a_bare_year_the_data_has_no_dates_in_is_asked_back_as_year_or_member():
    reply = parse("road revenue in 2021", model=BIKES, as_of=AS_OF)
    assert reply.understanding.intent == "clarify"
    assert reply.suggestions == ("2021 (the year)", "2021 (model year)")


def test_a_count_naming_what_it_counts_and_its_period_is_a_new_question():
    got = ask("how many dealers took 2023 model year road bikes last year?",
              "how many model years did velo works take last month")
    assert (got["intent"], got["group_by"], span(got["time"]), constraints(got)) == (
        "count", "model_year", LAST_MONTH, {"dealer": ["Velo Works"]})


def test_a_count_leaning_on_the_last_answer_keeps_its_members():
    got = ask("how many dealers took 2023 model year road bikes last year?", "and in 2023?")
    assert (got["intent"], got["group_by"], span(got["time"]), constraints(got)) == (
        "count", "dealer", YEAR_2023, {"model_year": ["2023"], "line": ["Road"]})


@pytest.mark.parametrize("follow_up", ["how many model years?", "and how many model years?"])
def test_a_count_of_the_dimension_of_the_one_member_kept_counts_all_of_it(follow_up):
    got = ask("2023 model year revenue at velo works last month", follow_up)
    assert (got["intent"], got["group_by"], span(got["time"]), constraints(got)) == (
        "count", "model_year", LAST_MONTH, {"dealer": ["Velo Works"]})
