"""Follow-ups that keep their context, and follow-ups the data cannot answer (contract v2, "Follow-ups" and
"Honesty"): "same again but as a running total" keeps the previous constraints ("total" here lifts no filter);
"there" is the member of the answer before, even in a follow-up that names its own measure, grain and period;
"and by <dimension> in <period>?" after unusual changes searches that dimension; a "per" naming nothing the data
has, or an unknown person asked about, is a clarify; making the previous answer into a text is out of scope.

The companies are shaped like none of the eval sets: boarding kennels, a ferry operator, and a printer whose
products are kinds of text (so "notes" is data there)."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from metrics.semantic import SemanticModel

AS_OF = date(2026, 3, 10)
KENNELS = company(version="kennels-f1", columns=("boarding_fees", "nights", "cancellations"), dimensions={
    "kennel": ("Ashford", "Redhill", "Tring"), "pet": ("Dog", "Cat", "Rabbit"), "stay": ("Short", "Long"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
FERRIES = company(version="ferries-f1", columns=("revenue", "passengers", "cars"), dimensions={
    "port": ("Dover", "Calais", "Poole"), "ticket": ("Foot", "Vehicle"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))
PRINTER = company(version="printer-f1", columns=("revenue", "orders"), dimensions={
    "product": ("Cards", "Notes", "Posters"),
}, first_date=date(2024, 1, 1), last_date=date(2026, 2, 28))


def conversation(model: SemanticModel, *turns: str) -> list[dict]:
    out, context = [], None
    for text in turns:
        understanding: Understanding = parse(text, model=model, as_of=AS_OF, context=context).understanding
        out.append(understanding.as_json())
        context = understanding
    return out


def constraints(got: dict) -> dict[str, list[str]]:
    out = {k: list(v) for k, v in (got.get("filters") or {}).items()}
    if got.get("subject"):
        out.setdefault(got["subject"]["dimension"], []).append(got["subject"]["value"])
    return out


@pytest.mark.parametrize("again", ["same again but as a running total", "and as a cumulative total?",
                                   "now show it as a running total"])
def test_a_running_total_of_the_previous_answer_keeps_its_constraints(again):
    first, second = conversation(KENNELS, "monthly boarding fees for cats at tring this year", again)
    assert second["intent"] == "trend" and second["cumulative"] is True
    assert constraints(second) == constraints(first) == {"pet": ["Cat"], "kennel": ["Tring"]}


def test_the_whole_business_said_outright_still_lifts_the_filters():
    _, second = conversation(KENNELS, "nights at redhill last month", "and in total?")
    assert constraints(second) == {}


@pytest.mark.parametrize("follow_up", ["and monthly nights + cancellations there this yr?",
                                       "what were weekly boarding fees there last quarter",
                                       "top 2 pets by cancellations there in 2025"])
def test_there_is_the_member_of_the_answer_before_even_when_the_rest_is_said(follow_up):
    _, second = conversation(KENNELS, "bottom 2 pets by boarding fees at ashford ytd", follow_up)
    assert second["intent"] != "clarify"
    assert constraints(second) == {"kennel": ["Ashford"]}


def test_without_there_a_question_naming_its_measure_intent_and_period_is_new():
    _, second = conversation(KENNELS, "bottom 2 pets by boarding fees at ashford ytd", "monthly nights this yr")
    assert second["intent"] == "trend" and constraints(second) == {}


def test_there_after_rows_of_members_asks_which_one():
    _, second = conversation(KENNELS, "top kennel by nights last month", "and monthly boarding fees there this yr?")
    assert second["intent"] == "clarify"


def test_there_with_nothing_before_asks_back():
    assert conversation(KENNELS, "monthly boarding fees there this year")[0]["intent"] == "clarify"


@pytest.mark.parametrize(("text", "intent"), [("is there anything unusual last month?", "unusual"),
                                              ("were there any cancellations at tring last month", "value")])
def test_the_existential_there_points_at_nothing(text, intent):
    got = conversation(KENNELS, "nights by kennel last month", text)[1]
    assert got["intent"] == intent
    assert constraints(got) == ({"kennel": ["Tring"]} if intent == "value" else {})


@pytest.mark.parametrize("per", ["and per booking?", "what about per owner?", "per vet then?"])
def test_a_follow_up_per_nothing_the_data_has_asks_back(per):
    _, second = conversation(KENNELS, "avg daily boarding fees for dogs last month", per)
    assert second["intent"] == "clarify"


def test_a_follow_up_per_a_measure_there_is_divides_by_it():
    _, second = conversation(KENNELS, "boarding fees for dogs last month", "and per night?")
    assert (second["intent"], second["per"], constraints(second)) == ("value", "nights", {"pet": ["Dog"]})


@pytest.mark.parametrize("who", ["how did sarah do?", "how's priya doing", "how did dawson do last month?"])
def test_someone_in_no_dimension_asked_about_is_a_clarify(who):
    _, second = conversation(KENNELS, "nights for cats last month", who)
    assert second["intent"] == "clarify"


@pytest.mark.parametrize(("text", "intent", "members"), [
    ("how did we do last month", "summary", {}),
    ("how did tring do last month?", "summary", {"kennel": ["Tring"]}),
    ("how did the business do in q4", "summary", {}),
])
def test_how_did_a_member_or_we_do_is_still_the_overview(text, intent, members):
    got = conversation(KENNELS, text)[0]
    assert (got["intent"], constraints(got)) == (intent, members)


@pytest.mark.parametrize("write", ["cool, can u turn that into an email to the team",
                                   "put this in a slack msg for my boss", "email that to the ops team",
                                   "rewrite it as a linkedin post"])
def test_making_the_previous_answer_into_a_text_is_out_of_scope(write):
    _, second = conversation(FERRIES, "need the rundown on q4 for the board deck", write)
    assert second["intent"] == "out_of_scope"


@pytest.mark.parametrize(("text", "intent"), [("turn that into a trend", "trend"),
                                              ("put that by port", "breakdown")])
def test_reshaping_the_previous_answer_is_still_a_question(text, intent):
    _, second = conversation(FERRIES, "revenue last month", text)
    assert second["intent"] == intent


@pytest.mark.parametrize(("text", "intent"), [("turn that into notes revenue", "value"),
                                              ("switch it to notes", "value"),
                                              ("put that in a note for the team", "out_of_scope")])
def test_a_member_named_like_a_text_is_data_not_a_text_to_write(text, intent):
    _, second = conversation(PRINTER, "revenue for cards last month", text)
    assert second["intent"] == intent
    assert constraints(second) == ({"product": ["Notes"]} if intent == "value" else {})


def test_a_follow_up_naming_a_dimension_and_period_after_unusual_changes_searches_that_dimension():
    turns = conversation(FERRIES, "anything unusual in march 2025?", "what about passengers",
                         "and rev by port in week 7 of 2025?")
    last = turns[-1]
    assert (last["intent"], last["measure"], last["group_by"], last["limit"]) == ("unusual", "revenue", "port", 5)
    assert (last["time"]["start"], last["time"]["end"]) == ("2025-02-10", "2025-02-16")


def test_a_split_that_does_not_lean_on_unusual_changes_is_a_new_breakdown():
    _, second = conversation(FERRIES, "anything unusual in march 2025?", "revenue by port in week 7 of 2025")
    assert (second["intent"], second["group_by"]) == ("breakdown", "port")
