"""The asker's guess after a why-question is framing when it cannot change a number ("why were sales down in
oct? price cap?") and says where to look when it names members of one dimension ("… ? maybe tiktok?"); "how did
the campaign do?" asks back which campaign (issue 13).

The companies are shaped like none of the eval sets: an energy retailer, an ad agency and a chain of gyms."""
from __future__ import annotations

from datetime import date

import pytest

from insights.tests.models import company
from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from metrics.semantic import SemanticModel

AS_OF = date(2026, 11, 20)


def _model(version: str, measures: tuple[str, ...], dimensions: dict[str, tuple[str, ...]]) -> SemanticModel:
    return company(version=version, columns=measures, dimensions=dimensions,
                   first_date=date(2024, 1, 1), last_date=date(2026, 10, 31))


ENERGY = _model("energy-d2", ("energy_sales", "kwh", "complaints"), {
    "region": ("Scotland", "Wales", "Yorkshire"), "tariff": ("Fixed", "Variable"),
})
ADS = _model("ads-d2", ("spend", "clicks", "revenue"), {
    "campaign": ("Always On", "Back to School", "Black Friday"), "platform": ("Google", "Meta"),
    "client": ("Northwind", "Pinecrest"),
})
GYMS = _model("gyms-d2", ("memberships", "revenue"), {
    "club": ("Riverside", "Summit", "Uptown"), "plan": ("Monthly", "Annual"),
})
COMPANIES = {"energy": ENERGY, "ads": ADS, "gyms": GYMS}


def parsed(text: str, model: SemanticModel, *, context: Understanding | None = None):
    return parse(text, model=model, as_of=AS_OF, context=context)


def constraints(got: dict) -> dict[str, list[str]]:
    out = {k: list(v) for k, v in (got.get("filters") or {}).items()}
    if got.get("subject"):
        out.setdefault(got["subject"]["dimension"], []).append(got["subject"]["value"])
    return out


GUESSES = [
    ("energy", "why were energy sales down yoy in oct 2025? price cap?", "energy_sales",
     ("2025-10-01", "2024-10-01"), ("price", "cap")),
    ("energy", "why did kwh drop in january? weather?", "kwh", ("2026-01-01", "2025-12-01"), ("weather",)),
    ("energy", "why did complaints jump in march, was it the price rise?", "complaints",
     ("2026-03-01", "2026-02-01"), ("was", "it", "the", "price", "rise")),
    ("ads", "why did clicks fall in q3? ios update?", "clicks", ("2026-07-01", "2026-04-01"), ("ios", "update")),
    ("gyms", "what drove the drop in memberships last month? new year blues?", "memberships",
     ("2026-10-01", "2026-09-01"), ("new", "year", "blues")),
]


@pytest.mark.parametrize(("name", "text", "measure", "starts", "ignored"), GUESSES, ids=[g[1] for g in GUESSES])
def test_a_guess_after_a_why_question_is_shown_as_ignored_and_the_drivers_are_answered(
        name, text, measure, starts, ignored):
    u = parsed(text, COMPANIES[name]).understanding
    assert (u.intent, u.measure) == ("drivers", measure)
    assert (u.time.start.isoformat(), u.compare_to.start.isoformat()) == starts
    assert u.constraints == {}
    assert set(ignored) <= set(u.ignored)


SUSPECTS = [
    ("energy", "why did kwh drop in january? scotland?", "region"),
    ("energy", "why were complaints up in march, was it the variable tariff?", "tariff"),
    ("ads", "why did clicks fall in q3? maybe meta?", "platform"),
    ("ads", "why did spend spike in july? black friday prep?", "campaign"),
    ("ads", "why did clicks fall in q3, was it the platform?", "platform"),
    ("gyms", "why were memberships down last month? riverside or uptown?", "club"),
]


@pytest.mark.parametrize(("name", "text", "dimension"), SUSPECTS, ids=[g[1] for g in SUSPECTS])
def test_a_guess_naming_one_dimension_splits_the_drivers_by_it_and_filters_nothing(name, text, dimension):
    u = parsed(text, COMPANIES[name]).understanding
    assert (u.intent, u.group_by) == ("drivers", dimension)
    assert u.constraints == {}


def test_a_dimension_the_question_splits_by_comes_before_the_suspect():
    u = parsed("why did clicks fall in q3 by client? meta?", ADS).understanding
    assert (u.intent, u.group_by, dict(u.constraints)) == ("drivers", "client", {})


READ_AS_USUAL = [
    # the guess places a member, names a period or a computation: it is read as part of the question
    ("energy", "why did kwh drop in january? in scotland?", {"intent": "drivers"}, {"region": ["Scotland"]}),
    ("ads", "why did clicks fall in q3? for google and meta?", {"intent": "drivers"},
     {"platform": ["Google", "Meta"]}),
    ("energy", "why did kwh drop in january? median?", {"intent": "clarify"}, {}),
    ("ads", "why did clicks fall in q3? excluding meta?", {"intent": "drivers"},
     {"platform": ["Google"]}),
    # not a why-question: an unknown measure word still asks back
    ("energy", "what was kwh in january? price cap?", {"intent": "clarify"}, {}),
    # a guess at weather is no question about the weather
    ("gyms", "why were memberships down in january? the weather?", {"intent": "drivers"}, {}),
]


@pytest.mark.parametrize(("name", "text", "want", "members"), READ_AS_USUAL, ids=[g[1] for g in READ_AS_USUAL])
def test_a_trailing_fragment_that_could_change_the_numbers_is_read_as_part_of_the_question(
        name, text, want, members):
    got = parsed(text, COMPANIES[name]).understanding.as_json()
    assert {k: got[k] for k in want} == want
    assert constraints(got) == members


UNNAMED = [
    ("ads", "how did the campaign do last month?", "campaign", "Always On"),
    ("ads", "how's our client doing this yr", "client", "Northwind"),
    ("gyms", "how is the club performing in q3?", "club", "Riverside"),
    ("gyms", "how has the plan been doing since march?", "plan", "Monthly"),
    ("energy", "how did the region do on complaints last month", "region", "Scotland"),
]


@pytest.mark.parametrize(("name", "text", "dimension", "member"), UNNAMED, ids=[g[1] for g in UNNAMED])
def test_the_dimension_in_the_singular_asked_about_is_a_member_not_named_so_it_asks_which(
        name, text, dimension, member):
    got = parsed(text, COMPANIES[name])
    assert got.understanding.intent == "clarify"
    assert f"Which {dimension}" in got.clarification
    assert member in got.suggestions and f"by {dimension}" in got.suggestions


ROWS = [
    ("ads", "how did the campaigns do last month?", "campaign"),
    ("gyms", "how did each club do in q3?", "club"),
    ("energy", "how did every region do last month", "region"),
]


@pytest.mark.parametrize(("name", "text", "dimension"), ROWS, ids=[g[1] for g in ROWS])
def test_the_dimension_in_the_plural_or_with_each_is_a_row_per_member(name, text, dimension):
    u = parsed(text, COMPANIES[name]).understanding
    assert (u.intent, u.group_by) == ("breakdown", dimension)


NAMED = [
    ("ads", "how did the Black Friday campaign do last month?", {"campaign": ["Black Friday"]}),
    ("gyms", "how did the summit club do in q3?", {"club": ["Summit"]}),
]


@pytest.mark.parametrize(("name", "text", "members"), NAMED, ids=[g[1] for g in NAMED])
def test_the_dimension_beside_its_member_is_that_member(name, text, members):
    got = parsed(text, COMPANIES[name]).understanding.as_json()
    assert got["intent"] == "summary"
    assert constraints(got) == members


def test_in_a_conversation_about_one_member_the_dimension_in_the_singular_is_that_member():
    first = parsed("how did summit do in q2?", GYMS).understanding
    u = parsed("how did the club do in q3?", GYMS, context=first).understanding
    assert (u.intent, dict(u.constraints)) == ("summary", {"club": ("Summit",)})
    assert u.time.start == date(2026, 7, 1)


def test_in_a_conversation_about_several_members_the_dimension_in_the_singular_asks_which():
    first = parsed("memberships at summit and uptown in q2", GYMS).understanding
    assert first.constraints == {"club": ("Summit", "Uptown")}
    assert parsed("how did the club do in q3?", GYMS, context=first).understanding.intent == "clarify"
